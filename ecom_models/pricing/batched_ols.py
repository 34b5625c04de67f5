"""Ordinary least squares for thousands of short series in one pass.

Model, for series (segment) ``s`` and row ``j`` of that series::

    y_sj = a_s + X_sj · b_s + F_sj · g + e_sj,    e_sj ~ (0, sigma_s²)

``a_s`` and ``b_s`` belong to each series; ``g`` is shared by all series (e.g. the
shop's seasonal curve). The shared part is solved exactly with the Frisch–Waugh–Lovell
theorem (Davidson & MacKinnon, *Econometric Theory and Methods*, 2004, §2.4): partial
the per-series regressors out of ``F`` and ``y`` inside every series, stack, and regress.
Then each ``b_s`` is the per-series OLS of ``y - F g`` on ``[1, X]``.

Everything is done with per-series cross-products (``np.add.reduceat`` over rows that
are contiguous per series) and one batched ``np.linalg`` call on a ``(S, k, k)`` stack,
so the cost is linear in rows with no Python loop over series. Columns are centred per
series first, which keeps the small systems well conditioned.

Standard errors treat ``g`` as known: with thousands of series it is estimated from far
more rows than any one series has. Then ``b_s`` and its standard error are exactly what
``statsmodels.OLS(y - F g, [1, X]).fit()`` reports for that series (tested).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Systems with a larger condition number are treated as singular (no estimate).
MAX_CONDITION = 1e10


@dataclass(frozen=True)
class SegmentFit:
    """Result of :func:`fit_segments` (``S`` series, ``k`` per-series slopes, ``m`` shared).

    ``coef`` (S, k): slopes ``b_s``; ``cov`` (S, k, k): their covariance
    ``sigma_s² (X̃'X̃)⁻¹``; ``xtx_inv`` (S, k, k); ``intercept`` (S,): ``a_s`` at the series
    means of ``X`` (prediction: ``intercept + (X - x_mean)·b + F·g``); ``x_mean`` (S, k);
    ``sigma2`` (S,); ``df`` (S,) residual degrees of freedom ``n - 1 - k``; ``n_obs`` (S,);
    ``ok`` (S,) False where the series could not be estimated (too few rows or singular);
    ``shared_coef`` (m,); ``resid`` (n,) residuals, NaN in series that are not ok.
    Arrays hold NaN where ``ok`` is False.
    """

    coef: np.ndarray
    cov: np.ndarray
    xtx_inv: np.ndarray
    intercept: np.ndarray
    x_mean: np.ndarray
    sigma2: np.ndarray
    df: np.ndarray
    n_obs: np.ndarray
    ok: np.ndarray
    shared_coef: np.ndarray
    resid: np.ndarray


def _segment_sums(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.add.reduceat(values, starts, axis=0)


def fit_segments(y: np.ndarray, X: np.ndarray, starts: np.ndarray,
                 F: np.ndarray | None = None, use: np.ndarray | None = None) -> SegmentFit:
    """Fit one OLS per series, all at once, with optional shared regressors ``F``.

    Parameters
    ----------
    y : (n,) response, rows grouped so that each series is contiguous.
    X : (n, k) per-series regressors, *without* the intercept (it is always added).
    starts : (S,) row where each series starts (strictly increasing, first is 0).
    F : (n, m) regressors whose coefficients are shared by all series, or None.
    use : (S,) bool, series allowed into the fit (others come back with ``ok`` False).
    """
    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float)
    X = X[:, None] if X.ndim == 1 else X
    starts = np.asarray(starts, dtype=np.int64)
    n, k = X.shape
    S = starts.size
    counts = np.diff(np.r_[starts, n])
    if S == 0:
        m0 = 0 if F is None else np.atleast_2d(np.asarray(F).T).T.shape[1]
        empty = np.zeros((0, k))
        return SegmentFit(coef=empty, cov=np.zeros((0, k, k)), xtx_inv=np.zeros((0, k, k)),
                          intercept=np.zeros(0), x_mean=empty, sigma2=np.zeros(0), df=np.zeros(0),
                          n_obs=np.zeros(0, dtype=np.int64), ok=np.zeros(0, dtype=bool),
                          shared_coef=np.zeros(m0), resid=np.full(n, np.nan))
    if np.any(counts <= 0) or starts[0] != 0:
        raise ValueError("every series needs at least one row and starts must increase")
    F = np.zeros((n, 0)) if F is None else np.asarray(F, dtype=float)
    F = F[:, None] if F.ndim == 1 else F
    m = F.shape[1]
    ok = (counts >= k + 2) if use is None else (np.asarray(use, bool) & (counts >= k + 2))
    seg = np.repeat(np.arange(S), counts)  # series of each row

    def centre(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        mean = _segment_sums(a, starts) / counts.reshape((-1,) + (1,) * (a.ndim - 1))
        return a - mean[seg], mean

    Xc, x_mean = centre(X)
    yc, y_mean = centre(y)
    Fc, f_mean = centre(F)
    # Per-series cross-products X'X, X'F, X'y from one reduceat over row products.
    Z = np.concatenate([Xc, Fc, yc[:, None]], axis=1)
    cross = _segment_sums((Xc[:, :, None] * Z[:, None, :]).reshape(n, -1), starts)
    cross = cross.reshape(S, k, k + m + 1)
    sxx, sxf, sxy = cross[:, :, :k], cross[:, :, k:k + m], cross[:, :, k + m]

    cond = np.full(S, np.inf)
    if ok.any():  # X'X is symmetric positive semi-definite: condition = largest / smallest eigenvalue
        eig = np.linalg.eigvalsh(sxx[ok])
        with np.errstate(divide="ignore", invalid="ignore"):
            cond[ok] = np.where(eig[:, 0] > 0, eig[:, -1] / eig[:, 0], np.inf)
    ok &= cond < MAX_CONDITION
    xtx_inv = np.full((S, k, k), np.nan)
    xtx_inv[ok] = np.linalg.inv(sxx[ok])

    shared = np.zeros(m)
    row_ok = ok[seg]
    if m and ok.any():
        a_ok, sxf_ok, sxy_ok = xtx_inv[ok], sxf[ok], sxy[ok]
        proj_f = np.einsum("ski,skl,slj->ij", sxf_ok, a_ok, sxf_ok)
        proj_y = np.einsum("ski,skl,sl->i", sxf_ok, a_ok, sxy_ok)
        Fo = Fc[row_ok]
        m_ff = Fo.T @ Fo - proj_f
        m_fy = Fo.T @ yc[row_ok] - proj_y
        # lstsq, not solve: a shared column can be empty in the data (a shop that never
        # sells on Sundays); its coefficient is then 0 instead of an error.
        shared = np.linalg.lstsq(m_ff, m_fy, rcond=None)[0]

    coef = np.einsum("skl,sl->sk", xtx_inv, sxy - sxf @ shared)
    resid = yc - Fc @ shared - np.einsum("nk,nk->n", Xc, coef[seg])
    resid[~row_ok] = np.nan
    df = (counts - 1 - k).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma2 = np.where(ok, _segment_sums(np.where(row_ok, resid, 0.0) ** 2, starts) / df, np.nan)
    cov = sigma2[:, None, None] * xtx_inv
    intercept = np.where(ok, y_mean - f_mean @ shared, np.nan)
    nan_rows = ~ok
    coef[nan_rows] = np.nan
    return SegmentFit(coef=coef, cov=cov, xtx_inv=xtx_inv, intercept=intercept, x_mean=x_mean,
                      sigma2=sigma2, df=df, n_obs=counts, ok=ok, shared_coef=shared, resid=resid)
