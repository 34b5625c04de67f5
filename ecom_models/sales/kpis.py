"""Headline sales figures (KPIs) for a filtered set of order lines.

Definitions (all over the lines passing the filters):
- revenue = Σ quantity × unit_price over product lines; returns carry negative
  quantities, so revenue is net of returns and cancellations.
- other_revenue = the same sum over non-product lines (postage, fees, discounts).
- orders = distinct orders, identified by (channel, order id), whose net product quantity
  is positive (a fully cancelled or returned order does not count; order 700000 of two
  shops is two orders).
- units = Σ quantity over product lines (net).
- return_rate = returned units / sold units over product lines (0..1).
- average_order_value = revenue / orders.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    """Which lines to count. Dates are inclusive calendar days; None means unbounded."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    currency: str | None = None

    def __post_init__(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("the start date is after the end date")


def apply_filters(lines: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The lines that pass ``filters`` (lines without a date pass only unbounded filters)."""
    mask = np.ones(len(lines), dtype=bool)
    if filters.date_from is not None:
        mask &= (lines["ordered_at"] >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to is not None:
        mask &= (lines["ordered_at"] < pd.Timestamp(filters.date_to + timedelta(days=1))).to_numpy()
    if filters.country:
        mask &= (lines["country"] == filters.country).to_numpy()
    if filters.currency:
        mask &= (lines["currency"] == filters.currency).to_numpy()
    return lines.loc[mask]


def line_revenue(lines: pd.DataFrame) -> pd.Series:
    """quantity × unit_price per line (0 where the price is unknown)."""
    return (lines["quantity"] * lines["unit_price"]).fillna(0.0)


def kpis(lines: pd.DataFrame, filters: Filters = Filters()) -> dict:
    """The KPI dictionary for the filtered lines (see module docstring for definitions)."""
    sel = apply_filters(lines, filters)
    product = sel["is_product"].to_numpy()
    value = line_revenue(sel).to_numpy()
    qty = sel["quantity"].to_numpy()
    returns = sel["is_return"].to_numpy()
    prod = sel.loc[product]
    sales = sel.loc[product & ~returns]
    revenue = float(value[product].sum())
    keys = ["channel", "order_id"] if "channel" in prod else ["order_id"]
    net_units = prod.groupby(keys, observed=True)["quantity"].sum()
    orders = int((net_units > 0).sum())
    sold = float(qty[product & ~returns].sum())
    returned = float(-qty[product & returns].sum()) + 0.0  # never -0.0
    dated = sel["ordered_at"].dropna()
    return {
        "revenue": round(revenue, 2),
        "other_revenue": round(float(value[~product].sum()), 2),
        "orders": orders,
        "units": round(float(qty[product].sum()), 3),
        "customers": int(len(sales[["channel", "customer_id"]].dropna().drop_duplicates()))
        if "channel" in sales else int(sales["customer_id"].nunique()),
        "skus": int(prod["sku"].nunique()),
        "countries": int(sel["country"].nunique()),
        "average_order_value": round(revenue / orders, 2) if orders else None,
        "return_rate": round(returned / sold, 4) if sold > 0 else None,
        "returned_units": round(returned, 3),
        "first_date": dated.min().date().isoformat() if len(dated) else None,
        "last_date": dated.max().date().isoformat() if len(dated) else None,
        "currency": filters.currency,
        "vat": vat_basis(prod),
    }


def vat_basis(lines: pd.DataFrame) -> str:
    """'net' when every line's price is net of VAT (taken out or stated net by the export),
    'as_exported' when no line says, 'mixed' otherwise."""
    if "price_basis" not in lines or not len(lines):
        return "as_exported"
    net = (lines["price_basis"].astype(object) == "net").to_numpy()
    return "net" if net.all() else "mixed" if net.any() else "as_exported"


def previous_period(filters: Filters, first: date, last: date) -> Filters:
    """The period of equal length just before the filtered one (bounds default to data range)."""
    start = filters.date_from or first
    end = filters.date_to or last
    days = (end - start).days + 1
    return replace(filters, date_from=start - timedelta(days=days),
                   date_to=start - timedelta(days=1))


def kpis_with_change(lines: pd.DataFrame, filters: Filters) -> tuple[dict, dict, Filters | None]:
    """KPIs of the period, KPIs of the previous equal-length period, and that period."""
    current = kpis(lines, filters)
    dated = lines["ordered_at"].dropna()
    if not len(dated):
        return current, {}, None
    prev_filters = previous_period(filters, dated.min().date(), dated.max().date())
    return current, kpis(lines, prev_filters), prev_filters


def currencies(lines: pd.DataFrame) -> list[str]:
    """Currencies of the lines, the most used first (the default view's currency)."""
    return [str(c) for c in lines["currency"].value_counts().index if str(c)]


def countries(lines: pd.DataFrame) -> list[str]:
    """Country names present in the lines, sorted as people read them (Österreich with O)."""
    import unicodedata

    def key(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return sorted((str(c) for c in lines["country"].dropna().unique()), key=key)
