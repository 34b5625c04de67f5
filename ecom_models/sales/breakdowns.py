"""Breakdowns of filtered sales: revenue over time, top products, top countries."""
from __future__ import annotations

import pandas as pd

from .kpis import Filters, apply_filters, line_revenue

GRAINS = {"day": "D", "week": "W-MON", "month": "MS"}


def _product_lines(lines: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    sel = apply_filters(lines, filters)
    sel = sel.loc[sel["is_product"].to_numpy()]
    return sel.assign(revenue=line_revenue(sel))


def revenue_over_time(lines: pd.DataFrame, filters: Filters, grain: str = "week") -> pd.DataFrame:
    """Net product revenue and order count per period. Columns: period, revenue, orders.
    Weeks start on Monday (ISO); periods without sales are 0."""
    sel = _product_lines(lines, filters).dropna(subset=["ordered_at"])
    if sel.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"),
                             "revenue": pd.Series(dtype=float), "orders": pd.Series(dtype=int)})
    freq = GRAINS[grain]
    period = sel["ordered_at"].dt.to_period(freq[0] if grain != "week" else "W-SUN").dt.start_time
    grouped = sel.assign(period=period).groupby("period", observed=True)
    out = pd.DataFrame({
        "revenue": grouped["revenue"].sum(),
        "orders": sel.loc[~sel["is_return"]].assign(period=period).groupby("period")["order_id"].nunique(),
    })
    full = pd.date_range(out.index.min(), out.index.max(), freq=freq)
    out = out.reindex(full, fill_value=0).fillna(0)
    out.index.name = "period"
    out["orders"] = out["orders"].astype(int)
    return out.reset_index()


def top_products(lines: pd.DataFrame, filters: Filters, n: int = 10) -> pd.DataFrame:
    """The ``n`` products with the highest net revenue. Columns: sku, product_name, revenue, units."""
    sel = _product_lines(lines, filters)
    grouped = sel.groupby("sku", observed=True).agg(
        revenue=("revenue", "sum"), units=("quantity", "sum"),
        product_name=("product_name", "first"))
    top = grouped.sort_values("revenue", ascending=False).head(n).reset_index()
    return top[["sku", "product_name", "revenue", "units"]]


def top_countries(lines: pd.DataFrame, filters: Filters, n: int = 10) -> pd.DataFrame:
    """The ``n`` countries with the highest net revenue. Columns: country, revenue, orders, share."""
    sel = _product_lines(lines, filters)
    total = sel["revenue"].sum()
    grouped = sel.groupby("country", observed=True).agg(
        revenue=("revenue", "sum"), orders=("order_id", "nunique"))
    top = grouped.sort_values("revenue", ascending=False).head(n).reset_index()
    top["share"] = top["revenue"] / total if total else 0.0
    top["country"] = top["country"].astype(str)
    return top[["country", "revenue", "orders", "share"]]
