"""Headline sales figures (KPIs) for filtered sales.

Every function takes the pre-aggregated sales (``ecom_models.store.aggregates.SalesCube``)
or, for convenience, an order-lines frame (aggregated on the fly). Definitions, over what
passes the filters:
- revenue = Σ quantity × unit_price over product lines; returns carry negative
  quantities, so revenue is net of returns and cancellations.
- other_revenue = the same sum over non-product lines (postage, fees, discounts).
- orders = distinct orders, identified by (channel, order id), whose net product quantity
  is positive (a fully cancelled or returned order does not count; order 700000 of two
  shops is two orders). An order belongs to the day of its first line.
- units = Σ quantity over product lines (net).
- customers = distinct (channel, customer) with an order that has a sale line.
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
    """Which sales to count. Dates are inclusive calendar days; None means unbounded."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    currency: str | None = None

    def __post_init__(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("the start date is after the end date")


def as_cube(data):
    """A ``SalesCube`` from a cube or an order-lines frame."""
    if isinstance(data, pd.DataFrame):
        from ..store.aggregates import build_cube

        return build_cube(data)
    return data


def _mask(frame: pd.DataFrame, filters: Filters, day: str = "day") -> np.ndarray:
    """Rows of a cube table (or lines, with ``day`` = 'ordered_at') passing ``filters``
    (rows without a date pass only unbounded date filters)."""
    mask = np.ones(len(frame), dtype=bool)
    if filters.date_from is not None:
        mask &= (frame[day] >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to is not None:
        mask &= (frame[day] < pd.Timestamp(filters.date_to + timedelta(days=1))).to_numpy()
    if filters.country:
        mask &= (frame["country"] == filters.country).to_numpy()
    if filters.currency:
        mask &= (frame["currency"] == filters.currency).to_numpy()
    return mask


def apply_filters(lines: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The order lines that pass ``filters``."""
    return lines.loc[_mask(lines, filters, "ordered_at")]


def kpis(data, filters: Filters = Filters()) -> dict:
    """The KPI dictionary for the filtered sales (see module docstring for definitions)."""
    cube = as_cube(data)
    sel = cube.daily.loc[_mask(cube.daily, filters)]
    product = sel["is_product"].to_numpy()
    returns = sel["is_return"].to_numpy()
    qty = sel["quantity"].to_numpy()
    value = sel["revenue"].to_numpy()
    orders = cube.orders.loc[_mask(cube.orders, filters)]
    counted = orders.loc[(orders["net_units"] > 0).to_numpy()]
    revenue = float(value[product].sum())
    n_orders = int(len(counted))
    sold = float(qty[product & ~returns].sum())
    returned = float(-qty[product & returns].sum()) + 0.0  # never -0.0
    buyers = orders.loc[orders["has_sale"].to_numpy(), ["channel", "customer_id"]].dropna()
    days = sel["day"].dropna()
    return {
        "revenue": round(revenue, 2),
        "other_revenue": round(float(value[~product].sum()), 2),
        "orders": n_orders,
        "units": round(float(qty[product].sum()), 3),
        "customers": int(len(buyers.drop_duplicates())),
        "skus": int(sel.loc[product, "sku"].nunique()),
        "countries": int(sel["country"].nunique()),
        "average_order_value": round(revenue / n_orders, 2) if n_orders else None,
        "return_rate": round(returned / sold, 4) if sold > 0 else None,
        "returned_units": round(returned, 3),
        "first_date": days.min().date().isoformat() if len(days) else None,
        "last_date": days.max().date().isoformat() if len(days) else None,
        "currency": filters.currency,
        "vat": vat_basis(sel.loc[product]),
    }


def vat_basis(daily: pd.DataFrame) -> str:
    """'net' when every line's price is net of VAT (taken out or stated net by the export),
    'as_exported' when no line says, 'mixed' otherwise."""
    if not len(daily):
        return "as_exported"
    net = daily["net_of_vat"].to_numpy(dtype=bool)
    return "net" if net.all() else "mixed" if net.any() else "as_exported"


def previous_period(filters: Filters, first: date, last: date) -> Filters:
    """The period of equal length just before the filtered one (bounds default to data range)."""
    start = filters.date_from or first
    end = filters.date_to or last
    days = (end - start).days + 1
    return replace(filters, date_from=start - timedelta(days=days),
                   date_to=start - timedelta(days=1))


def kpis_with_change(data, filters: Filters) -> tuple[dict, dict, Filters | None]:
    """KPIs of the period, KPIs of the previous equal-length period, and that period."""
    cube = as_cube(data)
    current = kpis(cube, filters)
    days = cube.daily["day"].dropna()
    if not len(days):
        return current, {}, None
    prev_filters = previous_period(filters, days.min().date(), days.max().date())
    return current, kpis(cube, prev_filters), prev_filters


def currencies(data) -> list[str]:
    """Currencies of the sales, the one with most lines first (the default view's currency)."""
    daily = as_cube(data).daily
    counts = daily.groupby("currency", observed=True)["lines"].sum().sort_values(ascending=False,
                                                                                 kind="stable")
    return [str(c) for c in counts.index if str(c)]


def countries(data, currency: str | None = None) -> list[str]:
    """Country codes present in the sales (of ``currency`` when given), sorted."""
    daily = as_cube(data).daily
    if currency is not None:
        daily = daily.loc[(daily["currency"] == currency).to_numpy()]
    return sorted(str(c) for c in daily["country"].dropna().unique())
