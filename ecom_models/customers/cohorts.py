"""Monthly cohorts and retention curves.

A customer's cohort is the calendar month of their first order in the data. Retention
in month k (k = 0, 1, …) is the share of the cohort's customers with at least one order
in calendar month (cohort + k); k = 0 is 100 % by construction. A cell is only filled when
month cohort + k is complete in the data (its last day ≤ the data's last day), so the
young cohorts' right edge is empty rather than falsely low. Source: the standard cohort
(or "layer-cake") analysis, e.g. Fader & Hardie, "Customer-Base Analysis with Discrete-Time
Transaction Data" (2010), §2.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def cohort_table(orders: pd.DataFrame, max_months: int = 24) -> pd.DataFrame:
    """Rows: cohort (first day of the month, datetime64); columns ``size`` then months
    0 … max_months − 1 (shares in [0, 1], NaN where not yet observable)."""
    if orders.empty:
        return pd.DataFrame(columns=["size"])
    month = orders["ordered_at"].to_numpy().astype("datetime64[M]").astype(np.int64)
    frame = pd.DataFrame({"c": orders["channel"].to_numpy(), "id": orders["customer_id"].to_numpy(), "m": month})
    first = frame.groupby(["c", "id"])["m"].transform("min")
    frame["cohort"], frame["k"] = first, frame["m"] - first
    end = orders["ordered_at"].max()
    last_complete = end.to_datetime64().astype("datetime64[M]").astype(np.int64)
    if (end + pd.Timedelta(days=1)).month == end.month:   # the last month is not complete
        last_complete -= 1
    active = frame.drop_duplicates(["c", "id", "k"]).groupby(["cohort", "k"]).size().unstack(fill_value=0)
    size = frame.drop_duplicates(["c", "id"]).groupby("cohort").size()
    cols = list(range(max_months))
    share = active.reindex(columns=cols, fill_value=0).div(size, axis=0)
    ks = np.array(cols)[None, :]
    observable = (share.index.to_numpy()[:, None] + ks) <= last_complete
    share = share.where(observable)
    share.insert(0, "size", size)
    share.index = pd.to_datetime(share.index.to_numpy().astype("datetime64[M]"))
    share.index.name = "cohort"
    return share


def retention_curve(table: pd.DataFrame) -> pd.DataFrame:
    """Average retention per month since the first order, weighted by cohort size over the
    cohorts that reached that month: ``k``, ``retention``, ``cohorts``."""
    if table.empty:
        return pd.DataFrame({"k": [], "retention": [], "cohorts": []})
    size = table["size"].to_numpy(float)
    rows = []
    for k in [c for c in table.columns if c != "size"]:
        vals = table[k].to_numpy(float)
        ok = ~np.isnan(vals)
        if ok.any():
            rows.append({"k": int(k), "retention": float(np.average(vals[ok], weights=size[ok])),
                         "cohorts": int(ok.sum())})
    return pd.DataFrame(rows)
