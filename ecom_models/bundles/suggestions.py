"""Bundle suggestions: which pairs to offer together, ranked, each with its reason as a
message code (worded by ``ecom_models.messages``: ``bundle.reason.*``).

A candidate is a pair bought together more often than chance (lift > 1) that stays
significant after the Benjamini–Hochberg correction (q ≤ ``alpha``). Candidates are ranked
by their excess orders, n_ab − n_a n_b / n (orders with both beyond what chance gives): a
pair with a high lift in a handful of orders and a pair of best-sellers that meet by chance
both rank low; what ranks high is many orders of a real link.

"Sleeper rescue": a slow seller (in fewer orders than ``slow_share`` of the products sold,
by rank) that goes with a best-seller (among the top ``best_share``) in at least
``min_attach`` of its own orders: offering them together lets the best-seller carry the
slow one. They are marked ``kind = "sleeper"`` and keep their place in the ranking.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

SUGGESTION_COLUMNS = ("rank", "kind", "a", "b", "sku_a", "sku_b", "name_a", "name_b", "count",
                      "lift", "confidence_ab", "confidence_ba", "excess", "p_value", "q_value",
                      "sure", "reason_code", "reason_params")

SURE_LEVELS = ((0.001, "very_sure"), (0.05, "sure"))   # q-value bounds, else "not_sure"


def sureness(q_value: float) -> str:
    """``very_sure`` (q ≤ 0.001), ``sure`` (q ≤ 0.05) or ``not_sure``: a label for a q-value
    (words: ``bundle.sure.*``)."""
    for bound, label in SURE_LEVELS:
        if q_value <= bound:
            return label
    return "not_sure"


def suggest(pairs: pd.DataFrame, items: pd.DataFrame, *, alpha: float = 0.05, top: int = 20,
            slow_share: float = 0.5, best_share: float = 0.1, min_attach: float = 0.1) -> pd.DataFrame:
    """Ranked bundle candidates (``SUGGESTION_COLUMNS``).

    ``pairs``: ``metrics.pair_table``; ``items``: ``baskets.item_stats`` of the same baskets
    (``sku``, ``product_name``, ``baskets``, ``rank``). ``top``: how many to return (0 = all).
    """
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    found = pairs.loc[(pairs["lift"] > 1) & (pairs["q_value"] <= alpha)]
    found = found.sort_values(["excess", "count"], ascending=False, kind="mergesort")
    if top:
        found = found.head(top)
    sold = int((items["baskets"] > 0).sum())
    rank = items["rank"].to_numpy()
    sku = items["sku"].astype(str).to_numpy()
    name = items["product_name"].astype(str).to_numpy()
    rows = []
    for position, row in enumerate(found.itertuples(index=False), start=1):
        a, b = int(row.a), int(row.b)
        params = {"lift": float(row.lift), "count": int(row.count), "name_a": name[a], "name_b": name[b],
                  "attach_ab": 100 * float(row.confidence_ab), "attach_ba": 100 * float(row.confidence_ba)}
        kind, code = "together", "bundle.reason.together"
        sleeper = _sleeper(a, b, row, rank, sold, slow_share, best_share, min_attach)
        if sleeper is not None:
            slow, best, attach = sleeper
            kind, code = "sleeper", "bundle.reason.together;bundle.reason.sleeper"
            params.update(slow=name[slow], best=name[best], slow_rank=int(rank[slow]), sold=sold,
                          attach=100 * attach)
        rows.append({"rank": position, "kind": kind, "a": a, "b": b, "sku_a": sku[a], "sku_b": sku[b],
                     "name_a": name[a], "name_b": name[b], "count": int(row.count),
                     "lift": float(row.lift), "confidence_ab": float(row.confidence_ab),
                     "confidence_ba": float(row.confidence_ba), "excess": float(row.excess),
                     "p_value": float(row.p_value), "q_value": float(row.q_value),
                     "sure": sureness(float(row.q_value)), "reason_code": code, "reason_params": params})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SUGGESTION_COLUMNS})
    return pd.DataFrame(rows, columns=list(SUGGESTION_COLUMNS))


def _sleeper(a: int, b: int, row, rank: np.ndarray, sold: int, slow_share: float,
             best_share: float, min_attach: float) -> tuple[int, int, float] | None:
    """(slow, best, attach) when one of the pair is a slow seller that goes with a best-seller."""
    for slow, best, attach in ((a, b, row.confidence_ab), (b, a, row.confidence_ba)):
        if (rank[slow] > slow_share * sold and rank[best] <= max(1.0, best_share * sold)
                and attach >= min_attach):
            return slow, best, float(attach)
    return None
