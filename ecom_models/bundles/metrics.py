"""Association measures of co-purchased products, from counts.

For products a and b in n orders with counts n_a, n_b and n_ab (orders holding both);
supports s = count / n:

- support(a, b) = s_ab; confidence(a → b) = s_ab / s_a (share of a's orders that hold b,
  the "attach rate"); lift = confidence(a → b) / s_b (1 = as often as chance);
  leverage = s_ab − s_a · s_b (Piatetsky-Shapiro 1991); conviction(a → b) =
  (1 − s_b) / (1 − confidence(a → b)), ∞ when the confidence is 1 (Brin, Motwani, Ullman &
  Tsur 1997, "Dynamic itemset counting and implication rules for market basket data").
  These are mlxtend's ``association_rules`` definitions.
- p_value: one-sided Fisher exact test, q_value: Benjamini–Hochberg over every pair of
  frequent products (``significance``).
- excess: orders with both beyond chance, n_ab − n_a · n_b / n = n · leverage.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .mining import Counts
from .significance import benjamini_hochberg, fisher_greater

PAIR_COLUMNS = ("a", "b", "count", "count_a", "count_b", "support", "support_a", "support_b",
                "confidence_ab", "confidence_ba", "lift", "leverage", "conviction_ab",
                "conviction_ba", "expected", "excess", "p_value", "q_value")
TRIPLE_COLUMNS = ("a", "b", "c", "count", "support", "lift", "p_value", "q_value")


def _conviction(s_consequent: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    out = np.full(confidence.shape, np.inf)
    below = confidence < 1.0
    out[below] = (1.0 - s_consequent[below]) / (1.0 - confidence[below])
    return out


def pair_table(counts: Counts) -> pd.DataFrame:
    """One row per frequent pair (a < b, columns of the basket matrix) with every measure
    (``PAIR_COLUMNS``), sorted by a, b."""
    n = float(counts.n_baskets)
    pairs = counts.pairs
    n_ab = pairs["count"].to_numpy(dtype=np.int64)
    n_a = counts.item_counts[pairs["a"].to_numpy()]
    n_b = counts.item_counts[pairs["b"].to_numpy()]
    s_ab, s_a, s_b = n_ab / n, n_a / n, n_b / n
    conf_ab = np.divide(s_ab, s_a, out=np.zeros(len(s_ab)), where=s_a > 0)
    conf_ba = np.divide(s_ab, s_b, out=np.zeros(len(s_ab)), where=s_b > 0)
    p = fisher_greater(n_ab, n_a, n_b, counts.n_baskets) if len(pairs) else np.zeros(0)
    expected = n_a.astype(float) * n_b / n if n else np.zeros(0)
    return pd.DataFrame({
        "a": pairs["a"].to_numpy(), "b": pairs["b"].to_numpy(), "count": n_ab,
        "count_a": n_a, "count_b": n_b, "support": s_ab, "support_a": s_a, "support_b": s_b,
        "confidence_ab": conf_ab, "confidence_ba": conf_ba,
        "lift": np.divide(conf_ab, s_b, out=np.zeros(len(s_ab)), where=s_b > 0),
        "leverage": s_ab - s_a * s_b,
        "conviction_ab": _conviction(s_b, conf_ab), "conviction_ba": _conviction(s_a, conf_ba),
        "expected": expected, "excess": n_ab - expected,
        "p_value": p, "q_value": benjamini_hochberg(p, max(counts.n_candidate_pairs, len(p)))})


def triple_table(counts: Counts) -> pd.DataFrame:
    """One row per frequent triple (a < b < c) with support, lift = s_abc / (s_a s_b s_c)
    (1 = as often as three independent products), and how sure it is beyond its pairs:
    p_value is the largest of the three one-sided Fisher tests of {x, y} → z (orders
    holding the pair x, y against orders holding z), so a small value means each product
    goes with the other two more often than chance; q_value: Benjamini–Hochberg over the
    triples counted (those whose three pairs are frequent), a looser family than the
    pairs' one."""
    t = counts.triples
    if t.empty:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in TRIPLE_COLUMNS})
    n = counts.n_baskets
    pair_count = {(a, b): c for a, b, c in counts.pairs[["a", "b", "count"]].itertuples(index=False)}
    a, b, c = (t[k].to_numpy() for k in ("a", "b", "c"))
    n_abc = t["count"].to_numpy(dtype=np.int64)
    n_ab = np.array([pair_count[(x, y)] for x, y in zip(a, b)])
    n_ac = np.array([pair_count[(x, y)] for x, y in zip(a, c)])
    n_bc = np.array([pair_count[(x, y)] for x, y in zip(b, c)])
    ic = counts.item_counts
    p = np.maximum.reduce([fisher_greater(n_abc, n_ab, ic[c], n), fisher_greater(n_abc, n_ac, ic[b], n),
                           fisher_greater(n_abc, n_bc, ic[a], n)])
    s = n_abc / float(n)
    lift = s / ((ic[a] / float(n)) * (ic[b] / float(n)) * (ic[c] / float(n)))
    return pd.DataFrame({"a": a, "b": b, "c": c, "count": n_abc, "support": s, "lift": lift,
                         "p_value": p, "q_value": benjamini_hochberg(p)})


def itemset_table(counts: Counts) -> pd.DataFrame:
    """Every frequent itemset (size 1–3) as mlxtend's ``fpgrowth`` lists them: columns
    ``itemsets`` (frozenset of column numbers) and ``support`` (count / n)."""
    n = float(counts.n_baskets)
    sets = [frozenset([int(i)]) for i in counts.frequent]
    support = list(counts.item_counts[counts.frequent] / n)
    for k in ("pairs", "triples"):
        frame = getattr(counts, k)
        cols = [c for c in ("a", "b", "c") if c in frame]
        sets += [frozenset(map(int, row)) for row in frame[cols].itertuples(index=False)]
        support += list(frame["count"].to_numpy() / n)
    return pd.DataFrame({"support": support, "itemsets": sets})
