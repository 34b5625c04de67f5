"""Price what-if: units, revenue and gross profit after a price change, with intervals.

All amounts are per period of the panel (per week by default), in the shop currency,
next to the do-nothing baseline (today's price, ``baseline_units``). Units follow
:func:`~ecom_models.pricing.response.units_at`; revenue = price × units; gross profit =
(price - unit cost) × units. Intervals cover the uncertainty of the elasticity only, not
week-to-week noise around the baseline.

Worked example (the golden test): price 10 → 10.80 (+8 %), elasticity -2, baseline 100
units, unit cost 6: units 100 · 1.08⁻² = 85.73, revenue 10.80 · 85.73 = 925.93, profit
(10.80 - 6) · 85.73 = 411.52, against 100 units, revenue 1,000 and profit 400 today.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .confidence import pool_message
from .response import N_DRAWS, prepare_response, select_estimates, units_at
from .scenario import PriceScenario

WHATIF_COLUMNS = (
    "sku", "current_price", "new_price", "price_change_pct", "elasticity", "elasticity_source",
    "confidence", "flag", "unit_cost", "cost_source", "baseline_units", "baseline_revenue",
    "baseline_profit", "units", "units_low", "units_high", "revenue", "revenue_low",
    "revenue_high", "profit", "profit_low", "profit_high", "profit_change", "profit_change_low",
    "profit_change_high", "prob_revenue_up", "prob_profit_up", "note_code", "note_params",
)
CURVE_COLUMNS = (
    "price", "price_change_pct", "units", "units_low", "units_high", "revenue", "revenue_low",
    "revenue_high", "profit", "profit_low", "profit_high", "prob_profit_above_current", "is_current",
)


@dataclass(frozen=True)
class WhatIfResult:
    """Result of :func:`simulate_price_change`.

    ``per_sku``: one row per SKU, columns ``WHATIF_COLUMNS``. ``totals``: one row with
    ``n_skus``, ``n_skus_without_elasticity`` (left out of every total), ``n_skus_with_cost`` and the summed baseline, point and interval columns
    (``baseline_units``, ``units``, ``units_low``, ... ``profit_change_high``,
    ``prob_revenue_up``, ``prob_profit_up``); profit sums cover SKUs with a unit cost only;
    intervals come from summing the SKUs' draws. ``scenario``: the input.
    """

    per_sku: pd.DataFrame
    totals: pd.DataFrame
    scenario: PriceScenario


def _band(draws: np.ndarray, interval: float) -> tuple[np.ndarray, np.ndarray]:
    tail = 100 * (1 - interval) / 2
    return np.percentile(draws, tail, axis=-1), np.percentile(draws, 100 - tail, axis=-1)


def _notes(rows: pd.DataFrame, elasticity: np.ndarray, source: np.ndarray,
           cost_source: np.ndarray) -> tuple[list[str], list[dict]]:
    """Caveats per SKU as message codes joined by ``;`` (``""`` when there are none) and
    one params dict each (see ``ecom_models.messages``)."""
    codes, params = [], []
    for e, src, cost_src, conf, flag, base, toward, cat in zip(
            elasticity.tolist(), source.tolist(), cost_source.tolist(), rows["confidence"].tolist(),
            rows["flag"].tolist(), rows["baseline_units"].tolist(), rows["pooled_toward"].tolist(),
            rows["category"].tolist()):
        parts = []
        if not np.isfinite(e):
            parts.append("note_no_elasticity")
        elif src != "own":
            parts.append("note_group_prior")
        if flag:
            parts.append("note_flagged")
        if base == 0:
            parts.append("note_no_sales")
        if cost_src == "unknown":
            parts.append("note_cost_unknown")
        codes.append(";".join(parts))
        params.append({"confidence": {"code": f"confidence.{conf}"},
                       "flag": {"code": f"flag.{flag}"} if flag else "",
                       "toward": pool_message(str(toward), cat)} if parts else {})
    return codes, params


def simulate_price_change(estimates: pd.DataFrame, scenario: PriceScenario,
                          skus: str | Iterable[str] | None = None, category: str | None = None,
                          unit_costs=None, *, n_draws: int = N_DRAWS, seed: int = 0,
                          interval: float = 0.90,
                          category_margins: Mapping[str, float] | None = None) -> WhatIfResult:
    """Simulate ``scenario`` for one SKU, several SKUs, or a whole category.

    ``estimates``: :attr:`ElasticityEstimator.estimates_`; ``unit_costs``: sku -> unit cost
    (mapping or Series, shop currency); ``category_margins``: category -> margin % for SKUs
    without one (``"*"``: every other product); then ``scenario.assumed_margin_pct``
    (:func:`~.response.unit_costs_for`; ``cost_source`` says which applied); ``n_draws``/``seed``: elasticity draws; ``interval``:
    coverage of the ``*_low``/``*_high`` columns.
    """
    rows = select_estimates(estimates, skus, category)
    if scenario.new_price is not None and len(rows) > 1:
        raise ValueError("new_price applies to a single SKU; use price_change_pct for several")
    resp = prepare_response(rows, unit_costs, scenario.assumed_margin_pct, n_draws=n_draws, seed=seed,
                            category_margins=category_margins)
    p0 = rows["current_price"].to_numpy(dtype=float)
    base = rows["baseline_units"].to_numpy(dtype=float)
    p1 = scenario.new_prices(p0)
    cost = resp.unit_cost

    units_d = units_at(base[:, None], p0[:, None], p1[:, None], resp.draws)
    units = units_at(base, p0, p1, resp.elasticity)
    rev_d, rev = p1[:, None] * units_d, p1 * units
    margin0, margin1 = p0 - cost, p1 - cost
    prof_d, prof = margin1[:, None] * units_d, margin1 * units
    base_rev, base_prof = p0 * base, margin0 * base

    out = {"sku": rows["sku"].to_numpy(), "current_price": p0, "new_price": p1,
           "price_change_pct": 100 * (p1 / p0 - 1), "elasticity": resp.elasticity,
           "elasticity_source": resp.source, "confidence": rows["confidence"].to_numpy(),
           "flag": rows["flag"].to_numpy(), "unit_cost": cost, "cost_source": resp.cost_source,
           "baseline_units": base, "baseline_revenue": base_rev, "baseline_profit": base_prof}
    for name, point, draws in (("units", units, units_d), ("revenue", rev, rev_d), ("profit", prof, prof_d),
                               ("profit_change", prof - base_prof, prof_d - base_prof[:, None])):
        low, high = _band(draws, interval)
        out[name], out[f"{name}_low"], out[f"{name}_high"] = point, low, high
    with np.errstate(invalid="ignore"):
        out["prob_revenue_up"] = np.mean(rev_d > base_rev[:, None], axis=1)
        out["prob_profit_up"] = np.where(np.isfinite(cost), np.mean(prof_d > base_prof[:, None], axis=1), np.nan)
    out["note_code"], out["note_params"] = _notes(rows, resp.elasticity, resp.source, resp.cost_source)
    per_sku = pd.DataFrame(out)[list(WHATIF_COLUMNS)].reset_index(drop=True)
    return WhatIfResult(per_sku=per_sku, totals=_totals(per_sku, units_d, rev_d, prof_d, interval),
                        scenario=scenario)


def _totals(per_sku: pd.DataFrame, units_d, rev_d, prof_d, interval: float) -> pd.DataFrame:
    """Sums over the SKUs that have an elasticity (own or borrowed), baseline and scenario
    alike: a SKU without one has no scenario value, and counting it in the baseline only
    made the totals fall (issue 15: 0.69 units instead of 3.25). ``n_skus_without_elasticity``
    says how many were left out."""
    known = np.isfinite(per_sku["elasticity"].to_numpy(dtype=float))
    n_all = len(per_sku)
    per_sku, units_d, rev_d, prof_d = per_sku[known], units_d[known], rev_d[known], prof_d[known]
    has_cost = np.isfinite(per_sku["unit_cost"].to_numpy())
    base_rev = per_sku["baseline_revenue"].sum()
    base_prof = per_sku.loc[has_cost, "baseline_profit"].sum()
    out = {"n_skus": n_all, "n_skus_without_elasticity": int(n_all - known.sum()),
           "n_skus_with_cost": int(has_cost.sum()),
           "baseline_units": per_sku["baseline_units"].sum(), "baseline_revenue": base_rev,
           "baseline_profit": base_prof if has_cost.any() else np.nan}
    sums = {"units": units_d.sum(axis=0), "revenue": rev_d.sum(axis=0),
            "profit": prof_d[has_cost].sum(axis=0) if has_cost.any() else np.full(units_d.shape[1], np.nan)}
    sums["profit_change"] = sums["profit"] - base_prof
    points = {"units": per_sku["units"].sum(), "revenue": per_sku["revenue"].sum(),
              "profit": per_sku.loc[has_cost, "profit"].sum() if has_cost.any() else np.nan}
    points["profit_change"] = points["profit"] - base_prof
    for name, draws in sums.items():
        low, high = _band(draws, interval)
        out[name], out[f"{name}_low"], out[f"{name}_high"] = points[name], low, high
    out["prob_revenue_up"] = float(np.mean(sums["revenue"] > base_rev)) if known.any() else np.nan
    out["prob_profit_up"] = float(np.mean(sums["profit"] > base_prof)) if has_cost.any() else np.nan
    return pd.DataFrame([out])


def profit_curve(estimates: pd.DataFrame, sku: str, unit_costs=None, *,
                 assumed_margin_pct: float | None = None, max_change_pct: float = 30.0,
                 n_points: int = 61, n_draws: int = N_DRAWS, seed: int = 0,
                 interval: float = 0.90, category_margins: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Units, revenue and profit over a price grid around today's price, with bands.

    The grid runs from ``-max_change_pct`` to ``+max_change_pct`` % in ``n_points`` equal
    steps (an odd ``n_points`` includes today's price). Columns ``CURVE_COLUMNS``;
    ``prob_profit_above_current``: share of elasticity draws in which the profit at that
    price exceeds the profit at today's price. Profit columns are NaN without a unit cost.
    """
    if not 0 < max_change_pct < 100 or n_points < 2:
        raise ValueError("max_change_pct must be in (0, 100) and n_points at least 2")
    rows = select_estimates(estimates, sku)
    resp = prepare_response(rows, unit_costs, assumed_margin_pct, n_draws=n_draws, seed=seed,
                            category_margins=category_margins)
    p0 = float(rows["current_price"].iloc[0])
    base = float(rows["baseline_units"].iloc[0])
    cost = float(resp.unit_cost[0])
    change = np.linspace(-max_change_pct, max_change_pct, n_points)
    price = p0 * (1 + change / 100)
    units_d = units_at(base, p0, price[:, None], resp.draws[0][None, :])
    units = units_at(base, p0, price, resp.elasticity[0])
    prof_d = (price - cost)[:, None] * units_d
    out = {"price": price, "price_change_pct": change}
    for name, point, draws in (("units", units, units_d), ("revenue", price * units, price[:, None] * units_d),
                               ("profit", (price - cost) * units, prof_d)):
        low, high = _band(draws, interval)
        out[name], out[f"{name}_low"], out[f"{name}_high"] = point, low, high
    with np.errstate(invalid="ignore"):
        out["prob_profit_above_current"] = (np.mean(prof_d > (p0 - cost) * base, axis=1)
                                            if np.isfinite(cost) else np.full(n_points, np.nan))
    out["is_current"] = np.isclose(change, 0.0)
    return pd.DataFrame(out)[list(CURVE_COLUMNS)]
