"""How sure a co-purchase is: the one-sided Fisher exact test and the Benjamini–Hochberg
correction for testing many pairs.

Fisher (1922) / hypergeometric: given n orders, n_a holding product a and n_b holding b,
and no association, the number of orders holding both follows the hypergeometric law
Hypergeom(n, n_a, n_b). The p-value of "bought together more often than chance" is
P(X ≥ n_ab) (the one-sided Fisher exact test on the 2×2 table), computed exactly (``fisher_greater``; checked against
``scipy.stats.hypergeom.sf``).

Multiple testing: Benjamini & Hochberg (1995), "Controlling the false discovery rate", the
step-up procedure: q_(i) = min_{j ≥ i} m · p_(j) / j. The family is every pair of frequent
products (``m`` ≥ the pairs reported), not only the pairs that passed the minimum count:
which pairs pass depends on the very counts being tested, so the pairs left out count as
tested with p = 1 (BH with extra p-values of 1 stays valid and is more conservative).
"""
from __future__ import annotations

import numpy as np


def fisher_greater(n_ab, n_a, n_b, n) -> np.ndarray:
    """One-sided Fisher exact p-values P(X ≥ n_ab), X ~ Hypergeom(n, n_a, n_b) (arrays).

    Summed exactly from the hypergeometric probabilities (log-gamma for the first term, then
    the ratio of consecutive terms), over the shorter side: the upper tail from n_ab up when
    n_ab is at least the mean n_a n_b / n, else 1 − the lower tail below n_ab. Agrees with
    ``scipy.stats.hypergeom.sf(n_ab - 1, n, n_a, n_b)`` to 1e-9 relative (tested) and is ~50×
    faster on thousands of pairs."""
    from scipy.special import gammaln

    k, a, b = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (n_ab, n_a, n_b))
    total = np.broadcast_to(np.asarray(n, dtype=float), k.shape).astype(float)
    k, a, b = np.broadcast_arrays(k, a, b)
    rest = total - a - b                              # orders with neither, minus overlap

    def log_pmf(x):
        return (gammaln(a + 1) - gammaln(x + 1) - gammaln(a - x + 1)
                + gammaln(total - a + 1) - gammaln(b - x + 1) - gammaln(total - a - b + x + 1)
                - gammaln(total + 1) + gammaln(b + 1) + gammaln(total - b + 1))

    low, high = np.maximum(0.0, a + b - total), np.minimum(a, b)
    upper = k >= a * b / np.where(total > 0, total, 1.0)
    p = np.ones(k.shape)
    # upper tail: x = k, k+1, ..., high
    x = np.where(upper, np.clip(k, low, high), 0.0)
    term = np.where(upper & (k <= high), np.exp(log_pmf(x)), 0.0)
    tail = term.copy()
    live = np.flatnonzero(term > 0)
    while live.size:
        xi = x[live]
        ratio = (a[live] - xi) * (b[live] - xi) / ((xi + 1) * (rest[live] + xi + 1))
        term[live] *= ratio
        x[live] = xi + 1
        tail[live] += term[live]
        live = live[(x[live] < high[live]) & (term[live] > tail[live] * 1e-17)]
    p[upper] = tail[upper]
    # lower side: 1 - P(X <= k-1), x = k-1, k-2, ..., low
    down = ~upper & (k > low)
    x = np.where(down, k - 1, 0.0)
    term = np.where(down, np.exp(log_pmf(x)), 0.0)
    below = term.copy()
    live = np.flatnonzero(term > 0)
    while live.size:
        xi = x[live]
        ratio = xi * (rest[live] + xi) / ((a[live] - xi + 1) * (b[live] - xi + 1))
        term[live] *= ratio
        x[live] = xi - 1
        below[live] += term[live]
        live = live[(x[live] > low[live]) & (term[live] > below[live] * 1e-17)]
    p[down] = 1.0 - below[down]
    return np.clip(p, 0.0, 1.0)


def benjamini_hochberg(p_values, m: int | None = None) -> np.ndarray:
    """Benjamini–Hochberg q-values of ``p_values`` in a family of ``m`` tests (default: as
    many as given; more = the others count as p = 1). Same order as the input."""
    p = np.asarray(p_values, dtype=float)
    k = len(p)
    m = k if m is None else int(m)
    if m < k:
        raise ValueError(f"the family ({m}) cannot be smaller than the tests given ({k})")
    if k == 0:
        return p.copy()
    order = np.argsort(p, kind="mergesort")
    scaled = p[order] * m / np.arange(1, k + 1)
    q_sorted = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    q = np.empty(k)
    q[order] = q_sorted
    return q
