"""Entering a new market: expected demand from comparable markets in the shop's own history,
break-even volume and months for the fixed entry costs, and the EU OSS threshold.

Demand: units per month per million inhabitants in each comparable market (the shop's own
sales there), times the candidate's population; the range is the lowest and highest
comparable rate (a stated assumption, not a forecast). Break-even volume: fixed costs ÷
contribution margin per unit (rounded up); months: that volume ÷ expected units per month.
OSS: cross-border B2C sales to other EU countries per calendar year (EUR, net) against the
EUR 10,000 threshold (Art. 59c VAT Directive), with the day it was crossed, or the day it
will be crossed at this year's pace.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .reference import EU27
from .rules import OSS_THRESHOLD_EUR

__all__ = ["Demand", "OssStatus", "break_even_units", "comparable_demand", "months_to_break_even",
           "oss_status"]


@dataclass(frozen=True)
class Demand:
    """Expected units per month in the candidate market: ``mid`` (pooled rate of the
    comparables), ``low``/``high`` (lowest and highest comparable rate), the comparables used
    and their units per month per million inhabitants."""

    mid: float
    low: float
    high: float
    rates: dict


def comparable_demand(units_per_month: dict[str, float], population_m: dict[str, float],
                      candidate_population_m: float) -> Demand | None:
    """Units per month for a candidate of ``candidate_population_m`` million inhabitants from
    the comparables' ``units_per_month`` (None when no comparable has sales and a population)."""
    rates = {c: u / population_m[c] for c, u in units_per_month.items()
             if population_m.get(c, 0) > 0 and u > 0}
    if not rates:
        return None
    pooled = sum(units_per_month[c] for c in rates) / sum(population_m[c] for c in rates)
    return Demand(pooled * candidate_population_m, min(rates.values()) * candidate_population_m,
                  max(rates.values()) * candidate_population_m, rates)


def break_even_units(fixed_costs_base: float, margin_per_unit_base: float) -> int | None:
    """Units to sell before the fixed entry costs are earned back (None if the margin is ≤ 0)."""
    if fixed_costs_base < 0:
        raise ValueError("fixed costs cannot be negative")
    if margin_per_unit_base <= 0:
        return None
    return math.ceil(round(fixed_costs_base / margin_per_unit_base, 9))


def months_to_break_even(fixed_costs_base: float, margin_per_unit_base: float,
                         units_per_month: float) -> float | None:
    """Months until the fixed costs are earned back at ``units_per_month`` (None if never)."""
    if margin_per_unit_base <= 0 or units_per_month <= 0:
        return None
    return fixed_costs_base / (margin_per_unit_base * units_per_month)


@dataclass(frozen=True)
class OssStatus:
    """Cross-border EU B2C sales of one calendar year: ``sales_eur``, the day the threshold was
    crossed (``crossed_on``) or, for the running year, the day it will be at this pace
    (``expected_on``), or neither."""

    year: int
    sales_eur: float
    crossed_on: date | None
    expected_on: date | None


def oss_status(sales: pd.DataFrame, seller_country: str, *, today: date | None = None,
               threshold_eur: float = OSS_THRESHOLD_EUR) -> list[OssStatus]:
    """Per calendar year, from ``sales`` with columns ``ordered_at`` (datetime), ``country``
    (ISO) and ``net_eur`` (net revenue in EUR, B2C). Empty when the seller is not in the EU."""
    if seller_country not in EU27 or sales.empty:
        return []
    cross = sales.loc[sales["country"].astype(str).isin(EU27 - {seller_country})].copy()
    if cross.empty:
        return []
    cross = cross.sort_values("ordered_at")
    last_day = (today or cross["ordered_at"].max().date())
    out = []
    for year, part in cross.groupby(cross["ordered_at"].dt.year):
        cumulative = part["net_eur"].cumsum()
        over = part.loc[(cumulative > threshold_eur).to_numpy(), "ordered_at"]
        total = float(part["net_eur"].sum())
        crossed = over.iloc[0].date() if len(over) else None
        expected = None
        if crossed is None and year == last_day.year and total > 0:
            start = date(year, 1, 1)
            days = (last_day - start).days + 1
            need_days = threshold_eur / (total / days)
            when = pd.Timestamp(start) + pd.Timedelta(days=math.ceil(need_days) - 1)
            expected = when.date() if when.year == year else None
        out.append(OssStatus(int(year), total, crossed, expected))
    return out
