"""Poisson regression (log link) for thousands of short count series in one pass.

Model, for series ``s`` and row ``j`` (a SKU's week)::

    E[y_sj] = mu_sj = exp(offset_sj + X_sj · b_s),    X_sj = [1, x_sj1, ..., x_sjk]

fitted by iteratively reweighted least squares (McCullagh & Nelder, *Generalized Linear
Models*, 2nd ed., 1989, §2.5: working response ``z = eta - offset + (y - mu)/mu``, working
weight ``mu``), with every series' ``(k+1) × (k+1)`` system built by ``np.bincount`` over
the rows and solved in one batched ``np.linalg.solve``: no Python loop over series.

The estimate is the Poisson *pseudo*-maximum-likelihood estimate: consistent whenever the
mean is right, whatever the variance (Gourieroux, Monfort & Trognon 1984, *Econometrica*
52:701–720; Santos Silva & Tenreyro 2006, *REStat* 88:641–658), so overdispersed weekly
sales are fine. Its standard errors come from the sandwich ``B⁻¹ M B⁻¹`` with the bread
``B = Σ mu x x'`` and a Newey–West meat (Newey & West 1987, *Econometrica* 55:703–708)::

    M = Γ_0 + Σ_{l=1..L} (1 - l/(L+1)) (Γ_l + Γ_l'),   Γ_l = Σ_j s_j s_{j-l}',  s_j = x_j (y_j - mu_j)

robust to overdispersion and to autocorrelation up to ``L`` weeks. This is what
``statsmodels`` ``GLM(y, X, family=Poisson(), offset=...).fit(cov_type="HAC",
cov_kwds={"maxlags": L, "use_correction": False})`` reports (tested to 1e-6), times the
small-sample factor ``n / (n - k - 1)`` when ``small_sample=True``.

Rows with weight 0 (weeks excluded from the fit) keep their place in time, so lags count
calendar weeks.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_CONDITION = 1e10
_ETA_MAX = 30.0  # exp(30) ≈ 1e13 units: beyond any shop; guards overflow in early iterations


@dataclass(frozen=True)
class PoissonFit:
    """Result of :func:`fit_poisson_segments` (``S`` series, ``p = k + 1`` coefficients).

    ``coef`` (S, p): intercept then slopes; ``cov`` (S, p, p): HAC sandwich covariance;
    ``bread_inv`` (S, p, p): ``(Σ mu x x')⁻¹`` (the model-based covariance); ``mu`` (n,):
    fitted means; ``ok`` (S,): fitted (enough rows, non-singular, finite); ``n_iter``.
    """

    coef: np.ndarray
    cov: np.ndarray
    bread_inv: np.ndarray
    mu: np.ndarray
    ok: np.ndarray
    n_iter: int


def _segment_cross(sid: np.ndarray, A: np.ndarray, B: np.ndarray, w: np.ndarray, n_seg: int) -> np.ndarray:
    """Per segment Σ w_j A_j B_j' as an (S, p, q) stack (``sid`` sorted ascending: one
    ``np.add.reduceat`` over the row-wise outer products)."""
    p, q = A.shape[1], B.shape[1]
    out = np.zeros((n_seg, p * q))
    if sid.size:
        outer = ((A * w[:, None])[:, :, None] * B[:, None, :]).reshape(sid.size, p * q)
        starts = np.searchsorted(sid, np.arange(n_seg))
        filled = np.bincount(sid, minlength=n_seg) > 0
        out[filled] = np.add.reduceat(outer, starts[filled], axis=0)
    return out.reshape(n_seg, p, q)


def fit_poisson_segments(y: np.ndarray, X: np.ndarray, sid: np.ndarray, n_seg: int, *,
                         offset: np.ndarray | None = None, weight: np.ndarray | None = None,
                         hac_lags: int = 4, small_sample: bool = True, max_iter: int = 30,
                         tol: float = 1e-8, ridge: float = 0.0, start: np.ndarray | None = None) -> PoissonFit:
    """Per-series Poisson PML with HAC standard errors.

    ``y`` (n,) counts (units, non-negative; need not be integers); ``X`` (n, k) per-series
    regressors without the constant (centre them per series for a well-conditioned
    system); ``sid`` (n,) series number 0..n_seg-1, rows of a series contiguous and in time
    order; ``offset`` (n,) known part of the log mean (shared season, promotion);
    ``weight`` (n,) 1 = use the row, 0 = leave it out (stock-out weeks); ``ridge``: added
    to the slopes' diagonal (a tiny value lets a constant column get slope 0 instead of
    failing; 0 for estimates).
    """
    n = y.size
    Xf = np.column_stack([np.ones(n), X])
    p = Xf.shape[1]
    off = np.zeros(n) if offset is None else offset
    w = np.ones(n) if weight is None else weight.astype(float)
    n_obs = np.bincount(sid, w, minlength=n_seg)
    tot = np.bincount(sid, w * y, minlength=n_seg)
    beta = np.zeros((n_seg, p))
    with np.errstate(divide="ignore"):
        # start: intercept at the log mean net of the offset (zero slopes)
        base = np.bincount(sid, w * np.exp(np.minimum(off, _ETA_MAX)), minlength=n_seg)
        beta[:, 0] = np.log(np.maximum(tot, 0.5) / np.maximum(base, 1e-12))
    if start is not None:
        beta = np.where(np.isfinite(start), start, beta)
    ok = (n_obs > p) & (tot > 0)
    eye = np.eye(p)
    pen = ridge * np.diag(np.r_[0.0, np.ones(p - 1)])
    it = 0
    for it in range(1, max_iter + 1):
        eta = np.minimum(off + np.einsum("ij,ij->i", Xf, beta[sid]), _ETA_MAX)
        mu = np.exp(eta)
        z = eta - off + (y - mu) / mu
        xtwx = _segment_cross(sid, Xf, Xf, w * mu, n_seg) + pen
        xtwz = _segment_cross(sid, Xf, z[:, None], w * mu, n_seg)[:, :, 0]
        good = ok & np.isfinite(xtwx).all(axis=(1, 2))
        safe = np.where(good[:, None, None], xtwx, eye)
        new = np.linalg.solve(safe, xtwz[:, :, None])[:, :, 0]
        new = np.where(good[:, None], new, beta)
        step = np.max(np.abs(new - beta), axis=1)
        beta = new
        # converged when every series' step is small; a series whose slope keeps running
        # off (sales at one price only) cannot stall the others beyond max_iter
        if not np.any(step[good] > tol * (1 + np.abs(beta[good]).max(axis=1))):
            break
    eta = np.minimum(off + np.einsum("ij,ij->i", Xf, beta[sid]), _ETA_MAX)
    mu = np.exp(eta)
    bread = _segment_cross(sid, Xf, Xf, w * mu, n_seg) + pen
    cond = np.linalg.cond(np.where(ok[:, None, None], bread, eye))
    ok &= np.isfinite(cond) & (cond < MAX_CONDITION) & np.isfinite(beta).all(axis=1)
    bread_inv = np.linalg.inv(np.where(ok[:, None, None], bread, eye))
    score = Xf * (w * (y - mu))[:, None]
    meat = _segment_cross(sid, score, score, np.ones(n), n_seg)
    for lag in range(1, max(hac_lags, 0) + 1):
        if lag >= n:
            break
        same = sid[lag:] == sid[:-lag]
        g = _segment_cross(sid[lag:][same], score[lag:][same], score[:-lag][same],
                           np.ones(int(same.sum())), n_seg)
        meat += (1.0 - lag / (hac_lags + 1.0)) * (g + np.transpose(g, (0, 2, 1)))
    cov = bread_inv @ meat @ bread_inv
    if small_sample:
        cov *= (n_obs / np.maximum(n_obs - p, 1.0))[:, None, None]
    nan = ~ok
    beta[nan], cov[nan], bread_inv[nan] = np.nan, np.nan, np.nan
    return PoissonFit(coef=beta, cov=cov, bread_inv=bread_inv, mu=mu, ok=ok, n_iter=it)


def fit_poisson(y: np.ndarray, Z: np.ndarray, *, offset: np.ndarray, weight: np.ndarray,
                max_iter: int = 50, tol: float = 1e-9) -> np.ndarray:
    """One Poisson regression of ``y`` on ``Z`` (no constant added) with an offset.

    Used for the shared terms (season, promotion) given each series' own part as offset.
    Returns the coefficients (zeros where ``Z`` has no column).
    """
    m = Z.shape[1]
    if m == 0:
        return np.zeros(0)
    g = np.zeros(m)
    for _ in range(max_iter):
        eta = np.minimum(offset + Z @ g, _ETA_MAX)
        mu = np.exp(eta)
        zw = Z * (weight * mu)[:, None]
        new = g + np.linalg.lstsq(zw.T @ Z, Z.T @ (weight * (y - mu)), rcond=None)[0]
        if np.max(np.abs(new - g)) < tol * (1 + np.abs(new).max()):
            return new
        g = new
    return g
