"""New vs returning customers, repeat-purchase rate and time between orders.

Input: ``customer_orders`` (one row per order of a known customer). Definitions:

- an order is *new* when it is the customer's first order in the data, else *returning*
  (customers who bought before the data starts look new in its first months: the
  page says so);
- *repeat rate* = customers with ≥ 2 orders / customers; the *fair* repeat rate within
  ``days`` counts only customers whose first order is at least ``days`` before the data's
  last day (everyone had the same time to come back): share with a second order within
  ``days`` of the first;
- *time between orders*: days between consecutive orders of the same customer
  (median and quartiles).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ecom_models.timeseries.periods import period_start


def new_vs_returning(orders: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """Per period (``period_start``): ``new_revenue``, ``returning_revenue``,
    ``new_customers``, ``returning_customers``, ``returning_share`` (of revenue)."""
    if orders.empty:
        return pd.DataFrame({c: [] for c in ("period", "new_revenue", "returning_revenue", "new_customers",
                                             "returning_customers", "returning_share")})
    frame = orders.assign(period=pd.to_datetime(period_start(orders["ordered_at"], freq)))
    new = frame["first_order"].to_numpy(dtype=bool)
    g_new = frame.loc[new].groupby("period")
    g_ret = frame.loc[~new].groupby("period")
    out = pd.DataFrame({"new_revenue": g_new["value"].sum(), "returning_revenue": g_ret["value"].sum(),
                        "new_customers": g_new["customer_id"].nunique(),
                        "returning_customers": g_ret["customer_id"].nunique()}).fillna(0.0)
    total = out["new_revenue"] + out["returning_revenue"]
    out["returning_share"] = (out["returning_revenue"] / total).where(total > 0)
    return out.sort_index().reset_index()


def repeat_rates(orders: pd.DataFrame, by: str | None = None, days: int = 365) -> pd.DataFrame:
    """Per ``by`` group (e.g. ``customer_group``; one row 'all' when None): ``customers``,
    ``repeaters`` (≥ 2 orders), ``repeat_rate``, ``eligible`` (first order ≥ ``days``
    before the data's end), ``repeat_rate_fair`` (second order within ``days``),
    ``orders_per_customer``, ``median_days_between``."""
    if orders.empty:
        return pd.DataFrame()
    end = orders["ordered_at"].max()
    key = ["channel", "customer_id"]
    per = orders.groupby(key, sort=False).agg(n=("order_id", "size"), first=("ordered_at", "min"),
                                              group=(by, "first") if by else ("order_id", "size"))
    second = orders.loc[~orders["first_order"].to_numpy(dtype=bool)].groupby(key, sort=False)["ordered_at"].min()
    per["second"] = second.reindex(per.index)
    if not by:
        per["group"] = "all"
    per["group"] = per["group"].fillna("–")
    per["eligible"] = per["first"] <= end - pd.Timedelta(days=days)
    per["back_in_time"] = per["eligible"] & ((per["second"] - per["first"]) <= pd.Timedelta(days=days))
    gaps = between_orders(orders)
    rows = []
    for name, part in per.groupby("group", sort=True):
        mine = gaps.loc[gaps["group"] == name, "days"] if by else gaps["days"]
        eligible = int(part["eligible"].sum())
        rows.append({"group": name, "customers": len(part), "repeaters": int((part["n"] >= 2).sum()),
                     "repeat_rate": float((part["n"] >= 2).mean()), "eligible": eligible,
                     "repeat_rate_fair": float(part["back_in_time"].sum() / eligible) if eligible else np.nan,
                     "orders_per_customer": float(part["n"].mean()),
                     "median_days_between": float(mine.median()) if len(mine) else np.nan})
    return pd.DataFrame(rows)


def between_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """Days between consecutive orders of each customer: ``group`` (customer_group or None),
    ``days`` (float, ≥ 0)."""
    if orders.empty:
        return pd.DataFrame({"group": [], "days": []})
    frame = orders.sort_values(["channel", "customer_id", "ordered_at"], kind="mergesort")
    same = (frame["channel"].eq(frame["channel"].shift()) & frame["customer_id"].eq(frame["customer_id"].shift()))
    gap = (frame["ordered_at"] - frame["ordered_at"].shift()).dt.total_seconds() / 86400.0
    return pd.DataFrame({"group": frame["customer_group"].fillna("–").to_numpy()[same.to_numpy()],
                         "days": gap.to_numpy()[same.to_numpy()]})
