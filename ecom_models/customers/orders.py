"""Customer orders: one row per order of a known customer, and guests apart.

``customer_orders(lines)`` reduces order lines (``ecom_models.store.queries.order_lines``,
one currency) to orders: ``channel``, ``customer_id`` (pseudonym), ``order_id``,
``ordered_at`` (first line's time), ``value`` (Σ quantity × unit_price over product lines,
returns netted), ``customer_group`` (e.g. Shopware EK / H; None when unknown),
``first_order`` (True for the customer's first order in the data). Orders whose product
lines net to ≤ 0 units (fully returned or cancelled) are left out. A customer is
(channel, customer_id) (docs/architecture.md §4.1). Guest orders (no customer id) are
counted by ``guest_orders`` and never mixed in.
"""
from __future__ import annotations

import pandas as pd

ORDER_COLUMNS = ("channel", "customer_id", "order_id", "ordered_at", "value", "customer_group", "first_order")


def _product_orders(lines: pd.DataFrame) -> pd.DataFrame:
    keep = lines["is_product"].to_numpy(dtype=bool)
    pl = lines.loc[keep, ["channel", "customer_id", "order_id", "ordered_at", "quantity", "unit_price"]
                   + (["customer_group"] if "customer_group" in lines else [])].copy()
    for col in ("channel", "order_id"):
        pl[col] = pl[col].astype(str)
    pl["customer_id"] = pl["customer_id"].astype(object).where(pl["customer_id"].notna(), None)
    if "customer_group" not in pl:
        pl["customer_group"] = None
    pl["customer_group"] = pl["customer_group"].astype(object).where(pl["customer_group"].notna(), None)
    pl["value"] = pl["quantity"].to_numpy(float) * pl["unit_price"].to_numpy(float)
    return pl


def customer_orders(lines: pd.DataFrame) -> pd.DataFrame:
    """See the module docstring; sorted by customer then time."""
    pl = _product_orders(lines)
    pl = pl.loc[pl["customer_id"].notna()]
    if pl.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ORDER_COLUMNS})
    g = pl.groupby(["channel", "customer_id", "order_id"], sort=False)
    out = pd.DataFrame({"ordered_at": g["ordered_at"].min(), "value": g["value"].sum(),
                        "units": g["quantity"].sum(), "customer_group": g["customer_group"].first()}).reset_index()
    out = out.loc[out["units"] > 0].drop(columns="units")
    out = out.sort_values(["channel", "customer_id", "ordered_at", "order_id"], kind="mergesort")
    out["first_order"] = ~out.duplicated(["channel", "customer_id"])
    return out[list(ORDER_COLUMNS)].reset_index(drop=True)


def guest_orders(lines: pd.DataFrame) -> dict:
    """Guest orders (no customer id): ``orders`` (net units > 0) and their ``revenue``."""
    pl = _product_orders(lines)
    pl = pl.loc[pl["customer_id"].isna()]
    g = pl.groupby(["channel", "order_id"], sort=False).agg(value=("value", "sum"), units=("quantity", "sum"))
    g = g.loc[g["units"] > 0]
    return {"orders": int(len(g)), "revenue": float(g["value"].sum())}
