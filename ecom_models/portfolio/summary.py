"""One row per product (channel, SKU) over an analysis window.

``product_summary(lines, products, weeks=52)`` takes the store's order lines
(``ecom_models.store.queries.order_lines``, one currency) and its product table
(``products``: unit_cost, current_price, stock; may be empty) and returns, per product sold
in the window or listed with stock:

- ``revenue``: Σ quantity × unit_price over product lines in the window (returns negative),
- ``units``: net units (sold − returned); ``units_sold``; ``units_returned`` (≥ 0),
- ``revenue_returned``: Σ |quantity| × unit_price of the return lines (≥ 0),
- ``unit_cost`` (NaN when unknown), ``gross_profit`` = revenue − units × unit_cost,
- ``stock`` (NaN when unknown), ``listed`` (True when the product table has it),
- ``last_sale`` (date of the last line with quantity > 0, any time), ``days_since_sale``
  (days from it to the data's last day), ``units_recent`` / ``units_before``: net units in
  the last ``trend_weeks`` weeks and the ``trend_weeks`` before them, ``trend_pct`` =
  units_recent / units_before − 1 (NaN when nothing sold before).

The window ends on the data's last day: ``weeks`` × 7 days back (the whole history when
``weeks`` is None). Keys carry their channel (docs/architecture.md §4.1).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

KEY = ["channel", "sku"]
SUMMARY_COLUMNS = ("channel", "sku", "name", "category", "revenue", "units", "units_sold",
                   "units_returned", "revenue_returned", "orders", "unit_cost", "gross_profit",
                   "current_price", "stock", "listed", "last_sale", "days_since_sale",
                   "units_recent", "units_before", "trend_pct")


def product_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Product lines only (no shipping, fees or vouchers), with text keys and line value."""
    keep = lines["is_product"].to_numpy(dtype=bool) & lines["sku"].notna().to_numpy()
    out = lines.loc[keep, ["channel", "sku", "product_name", "category", "order_id", "ordered_at",
                           "quantity", "unit_price"] + [c for c in ("country", "customer_id")
                                                         if c in lines]].copy()
    for col in ("channel", "sku", "product_name", "order_id"):
        out[col] = out[col].astype(str)
    out["value"] = out["quantity"].to_numpy(float) * out["unit_price"].to_numpy(float)
    return out.reset_index(drop=True)


def window_start(lines: pd.DataFrame, weeks: int | None) -> pd.Timestamp | None:
    """First day of the analysis window (None: all history)."""
    if weeks is None or lines.empty:
        return None
    end = lines["ordered_at"].max().normalize()
    return end - pd.Timedelta(days=7 * int(weeks) - 1)


def product_summary(lines: pd.DataFrame, products: pd.DataFrame | None = None, weeks: int | None = 52,
                    trend_weeks: int = 13) -> pd.DataFrame:
    """See the module docstring; sorted by revenue, largest first."""
    pl = product_lines(lines)
    if pl.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SUMMARY_COLUMNS})
    end = pl["ordered_at"].max().normalize() + pd.Timedelta(days=1)
    start = window_start(pl, weeks)
    win = pl if start is None else pl.loc[(pl["ordered_at"] >= start).to_numpy()]
    q = win["quantity"].to_numpy(float)
    win = win.assign(sold=np.where(q > 0, q, 0.0), returned=np.where(q < 0, -q, 0.0),
                     value_returned=np.where(q < 0, -win["value"].to_numpy(), 0.0))
    g = win.groupby(KEY, sort=False, observed=True)
    out = pd.DataFrame({"revenue": g["value"].sum(), "units": g["quantity"].sum(),
                        "units_sold": g["sold"].sum(), "units_returned": g["returned"].sum(),
                        "revenue_returned": g["value_returned"].sum(),
                        "orders": win.loc[win["sold"] > 0].groupby(KEY, observed=True)["order_id"].nunique()})
    # name and category: the most recent line's
    latest = pl.sort_values("ordered_at", kind="mergesort").groupby(KEY, sort=False).tail(1).set_index(KEY)
    sold_any = pl.loc[pl["quantity"] > 0]
    last_sale = sold_any.groupby(KEY, sort=False)["ordered_at"].max()
    recent_from = end - pd.Timedelta(weeks=trend_weeks)
    before_from = recent_from - pd.Timedelta(weeks=trend_weeks)
    t = pl["ordered_at"]
    recent = pl.loc[(t >= recent_from).to_numpy()].groupby(KEY, sort=False)["quantity"].sum()
    before = pl.loc[((t >= before_from) & (t < recent_from)).to_numpy()].groupby(KEY, sort=False)["quantity"].sum()
    catalogue = _catalogue(products)
    in_stock = pd.to_numeric(catalogue["stock"], errors="coerce").fillna(0).to_numpy() > 0
    index = out.index.union(catalogue.index[in_stock])   # sold in the window, or in stock
    out = out.reindex(index)
    for col in ("revenue", "units", "units_sold", "units_returned", "revenue_returned", "orders"):
        out[col] = out[col].fillna(0.0)
    out["name"] = latest["product_name"].reindex(index)
    out["category"] = latest["category"].reindex(index).astype(object)
    out["name"] = out["name"].fillna(catalogue["name"].reindex(index))
    out["category"] = out["category"].where(out["category"].notna(), catalogue["category"].reindex(index))
    for col in ("unit_cost", "current_price", "stock"):
        out[col] = pd.to_numeric(catalogue[col].reindex(index), errors="coerce")
    out["listed"] = index.isin(catalogue.index)
    out["gross_profit"] = out["revenue"] - out["units"] * out["unit_cost"]
    out["last_sale"] = last_sale.reindex(index)
    out["days_since_sale"] = ((end - pd.Timedelta(days=1)) - out["last_sale"].dt.normalize()).dt.days
    out["units_recent"] = recent.reindex(index).fillna(0.0)
    out["units_before"] = before.reindex(index).fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        trend = out["units_recent"] / out["units_before"] - 1
    out["trend_pct"] = (100 * trend).where(out["units_before"] > 0)
    out = out.reset_index().sort_values(["revenue", "sku"], ascending=[False, True], kind="mergesort")
    return out[list(SUMMARY_COLUMNS)].reset_index(drop=True)


def _catalogue(products: pd.DataFrame | None) -> pd.DataFrame:
    cols = ["name", "category", "unit_cost", "current_price", "stock"]
    if products is None or products.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols},
                            index=pd.MultiIndex.from_arrays([[], []], names=KEY))
    table = products.copy()
    if "channel" not in table:
        table["channel"] = ""
    table["channel"] = table["channel"].astype(str)
    table["sku"] = table["sku"].astype(str)
    for c in cols:
        if c not in table:
            table[c] = None
    return table.drop_duplicates(KEY).set_index(KEY)[cols]
