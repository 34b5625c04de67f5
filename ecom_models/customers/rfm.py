"""RFM: recency, frequency and monetary value of each customer, and named segments.

- R score 1–5: quintile of days since the last order (5 = most recent), by rank so ties
  split evenly; F score from the number of orders (1, 2, 3, 4–5, 6+ → 1…5: quantiles of
  counts are mostly ties); M score 1–5: quintile of the mean order value.
- Segments from R and F (a common simplification of the RFM grid, e.g. Kohavi & Parekh,
  "Visualizing RFM Segmentation", SIAM Data Mining 2004): ``champions`` R ≥ 4 and F ≥ 4;
  ``loyal`` R ≥ 3 and F ≥ 3; ``new`` R ≥ 4 and F = 1; ``promising`` R ≥ 4 and F = 2;
  ``at_risk`` R ≤ 2 and F ≥ 3; ``hibernating`` R ≤ 2 and F ≤ 2; ``attention`` the rest.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

SEGMENTS = ("champions", "loyal", "new", "promising", "attention", "at_risk", "hibernating")


def _quintile(values: pd.Series, higher_is_better: bool = True) -> np.ndarray:
    ranks = values.rank(method="first", ascending=higher_is_better)
    return np.ceil(ranks / len(values) * 5).clip(1, 5).astype(int).to_numpy()


def f_score(orders: np.ndarray) -> np.ndarray:
    return np.select([orders >= 6, orders >= 4, orders == 3, orders == 2], [5, 4, 3, 2], 1)


def segment(r: np.ndarray, f: np.ndarray) -> np.ndarray:
    conds = [(r >= 4) & (f >= 4), (r >= 3) & (f >= 3), (r >= 4) & (f == 1), (r >= 4) & (f == 2),
             (r <= 2) & (f >= 3), (r <= 2) & (f <= 2)]
    return np.select(conds, ["champions", "loyal", "new", "promising", "at_risk", "hibernating"], "attention")


def rfm_table(orders: pd.DataFrame, end=None) -> pd.DataFrame:
    """Per customer: ``recency_days``, ``orders``, ``revenue``, ``mean_value``, ``r``, ``f``,
    ``m``, ``segment``, ``customer_group``."""
    cols = ["channel", "customer_id", "customer_group", "recency_days", "orders", "revenue", "mean_value",
            "r", "f", "m", "segment"]
    if orders.empty:
        return pd.DataFrame({c: [] for c in cols})
    end = pd.Timestamp(end) if end is not None else orders["ordered_at"].max()
    g = orders.groupby(["channel", "customer_id"], sort=False)
    out = pd.DataFrame({"customer_group": g["customer_group"].first(), "last": g["ordered_at"].max(),
                        "orders": g["order_id"].size(), "revenue": g["value"].sum()}).reset_index()
    out["recency_days"] = (end.normalize() - out["last"].dt.normalize()).dt.days
    out["mean_value"] = out["revenue"] / out["orders"]
    out["r"] = _quintile(-out["recency_days"].astype(float))
    out["f"] = f_score(out["orders"].to_numpy())
    out["m"] = _quintile(out["mean_value"])
    out["segment"] = segment(out["r"].to_numpy(), out["f"].to_numpy())
    return out[cols]


def segment_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per segment (in ``SEGMENTS`` order): ``customers``, ``share``, ``revenue``,
    ``revenue_share``, ``mean_recency_days``, ``mean_orders``."""
    g = table.groupby("segment")
    out = pd.DataFrame({"customers": g.size(), "revenue": g["revenue"].sum(),
                        "mean_recency_days": g["recency_days"].mean(), "mean_orders": g["orders"].mean()})
    out = out.reindex([s for s in SEGMENTS if s in out.index])
    out["share"] = out["customers"] / out["customers"].sum()
    out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    return out.reset_index(names="segment")
