"""Co-purchase counting on the sparse order × product matrix: frequent products, pairs, and
triples among frequent pairs.

Same itemsets as mlxtend's ``fpgrowth`` at the same minimum support (Han, Pei & Yin 2000,
"Mining frequent patterns without candidate generation"), counted differently: with X the
0/1 order × product matrix restricted to frequent products, the pair counts are the
off-diagonal entries of the Gram matrix XᵀX (one sparse product); a triple {a, b, c} is
counted only when all three of its pairs are frequent (the Apriori property, Agrawal &
Srikant 1994), from the Gram matrix of the orders holding a. An itemset is frequent when
its count is at least ``threshold(n, min_support, min_count)``, i.e. support = count / n ≥
min_support, exactly mlxtend's rule (``math.ceil(min_support * n)`` as a count and
``count / n >= min_support`` as a float), and count ≥ min_count.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp


@dataclass(frozen=True)
class Counts:
    """What ``count_itemsets`` found. Item numbers are columns of the basket matrix.

    ``n_baskets``: orders; ``threshold``: smallest count kept; ``item_counts``: orders per
    product (all products); ``frequent``: products with count ≥ threshold; ``pairs``:
    columns ``a``, ``b`` (a < b), ``count``; ``triples``: ``a``, ``b``, ``c`` (a < b < c),
    ``count`` (empty unless asked for).
    """

    n_baskets: int
    threshold: int
    item_counts: np.ndarray
    frequent: np.ndarray
    pairs: pd.DataFrame
    triples: pd.DataFrame

    @property
    def n_candidate_pairs(self) -> int:
        """Pairs of frequent products: every pair that could have reached the threshold
        (the family size of the multiple-testing correction)."""
        f = len(self.frequent)
        return f * (f - 1) // 2


def threshold(n_baskets: int, min_support: float, min_count: int = 1) -> int:
    """The smallest count an itemset needs: support ≥ ``min_support`` and count ≥ ``min_count``."""
    if not 0 < min_support <= 1:
        raise ValueError(f"min_support must be in (0, 1], got {min_support}")
    need = max(math.ceil(min_support * n_baskets), int(min_count), 1)
    # mlxtend also compares the float support: guard the edge where ceil() rounds below it
    while n_baskets and need / float(n_baskets) < min_support:
        need += 1
    return need


def count_itemsets(present: sp.spmatrix, min_support: float, min_count: int = 1,
                   max_size: int = 2) -> Counts:
    """Frequent products, pairs and (``max_size`` = 3) triples of the 0/1 matrix ``present``
    (orders × products)."""
    if max_size not in (1, 2, 3):
        raise ValueError("max_size must be 1, 2 or 3")
    n = present.shape[0]
    need = threshold(n, min_support, min_count)
    csc = sp.csc_matrix(present, dtype=np.int32)
    item_counts = np.diff(csc.indptr).astype(np.int64)
    frequent = np.flatnonzero(item_counts >= need)
    no_pairs = pd.DataFrame({"a": pd.Series(dtype=np.int64), "b": pd.Series(dtype=np.int64),
                             "count": pd.Series(dtype=np.int64)})
    no_triples = pd.DataFrame({k: pd.Series(dtype=np.int64) for k in ("a", "b", "c", "count")})
    if max_size < 2 or len(frequent) < 2:
        return Counts(n, need, item_counts, frequent, no_pairs, no_triples)
    x = csc[:, frequent].tocsr()
    gram = sp.triu(x.T @ x, k=1).tocoo()
    keep = gram.data >= need
    a, b = frequent[gram.row[keep]], frequent[gram.col[keep]]
    order = np.lexsort((b, a))
    pairs = pd.DataFrame({"a": a[order].astype(np.int64), "b": b[order].astype(np.int64),
                          "count": gram.data[keep][order].astype(np.int64)})
    triples = _count_triples(x.tocsc(), frequent, gram.row[keep], gram.col[keep], need) \
        if max_size == 3 and len(pairs) >= 3 else no_triples
    return Counts(n, need, item_counts, frequent, pairs, triples)


def _count_triples(x: sp.csc_matrix, frequent: np.ndarray, pa: np.ndarray, pb: np.ndarray,
                   need: int) -> pd.DataFrame:
    """Triples whose three pairs are frequent. ``x``: orders × frequent products (CSC);
    ``pa`` < ``pb``: local column numbers of the frequent pairs."""
    f = x.shape[1]
    is_pair = sp.csr_matrix((np.ones(len(pa), bool), (pa, pb)), shape=(f, f))
    partners = is_pair.tolil().rows             # local b > a with (a, b) frequent
    found = []
    for a in range(f):
        cols = np.asarray(partners[a], dtype=np.int64)
        if len(cols) < 2:
            continue
        rows = x.indices[x.indptr[a]:x.indptr[a + 1]]          # orders holding a
        sub = x[:, cols][rows]
        gram = sp.triu(sub.T @ sub, k=1).tocoo()
        keep = gram.data >= need
        if not keep.any():
            continue
        b, c = cols[gram.row[keep]], cols[gram.col[keep]]      # b < c since cols ascend
        ok = np.asarray(is_pair[b, c]).ravel()                 # (b, c) must be frequent too
        if ok.any():
            found.append(np.column_stack([np.full(ok.sum(), a), b[ok], c[ok], gram.data[keep][ok]]))
    if not found:
        return pd.DataFrame({k: pd.Series(dtype=np.int64) for k in ("a", "b", "c", "count")})
    table = np.concatenate(found).astype(np.int64)
    out = pd.DataFrame({"a": frequent[table[:, 0]], "b": frequent[table[:, 1]],
                        "c": frequent[table[:, 2]], "count": table[:, 3]})
    return out.sort_values(["a", "b", "c"], ignore_index=True)
