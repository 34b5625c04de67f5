"""Exponential smoothing, vectorised over series *and* over a grid of smoothing
parameters: one pass over time updates an ``(n_series, n_grid)`` state array, and each
series keeps the parameters with the smallest in-sample sum of squared one-step errors
(the least-squares fit of Hyndman & Athanasopoulos, FPP3 §8.1). This replaces a
per-series optimiser loop.

* ``SES``: simple exponential smoothing, ETS(A,N,N):
  ``ℓ_t = ℓ_{t-1} + α (y_t − ℓ_{t-1})``, forecast ``ŷ_{T+k} = ℓ_T`` (FPP3 §8.1).
* ``DampedHolt``: additive damped trend, ETS(A,Ad,N) (Gardner & McKenzie 1985; FPP3 §8.2):
  ``ℓ_t = α y_t + (1−α)(ℓ_{t−1} + φ b_{t−1})``, ``b_t = β (ℓ_t − ℓ_{t−1}) + (1−β) φ b_{t−1}``,
  forecast ``ŷ_{T+k} = ℓ_T + (φ + φ² + … + φ^k) b_T``.

Initial state: ``ℓ`` = the series' first value, ``b`` = 0.
"""
from __future__ import annotations

import itertools

import numpy as np

from .base import Forecaster

SES_ALPHAS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9)
HOLT_GRID = tuple(itertools.product((0.05, 0.1, 0.2, 0.4), (0.02, 0.05, 0.1, 0.2), (0.8, 0.9, 0.98)))


def ses_fit(values: np.ndarray, alphas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Final levels and in-sample SSE for each series and each alpha: two ``(n, A)`` arrays."""
    n = values.shape[0]
    level = np.full((n, alphas.size), np.nan)
    sse = np.zeros((n, alphas.size))
    for t in range(values.shape[1]):
        y = values[:, t:t + 1]
        valid = ~np.isnan(y)
        err = y - level
        has = valid & ~np.isnan(level)
        sse += np.where(has, err * err, 0.0)
        level = np.where(has, level + alphas * err, np.where(valid, y, level))
    return level, sse


class SES(Forecaster):
    """``alpha=None`` chooses α per series from ``SES_ALPHAS`` by in-sample SSE."""

    def __init__(self, alpha: float | None = None):
        self.alpha = alpha

    def _fit(self, values, periods):
        alphas = np.array(SES_ALPHAS if self.alpha is None else (self.alpha,), dtype=float)
        level, sse = ses_fit(values, alphas)
        best = sse.argmin(axis=1)
        self.alpha_ = alphas[best]
        self.level_ = level[np.arange(values.shape[0]), best]

    def _predict(self, h):
        return np.repeat(self.level_[:, None], h, axis=1)


class DampedHolt(Forecaster):
    """Parameters chosen per series from ``HOLT_GRID`` (α, β, φ) by in-sample SSE."""

    def __init__(self, grid: tuple = HOLT_GRID):
        self.grid = grid

    def _fit(self, values, periods):
        g = np.asarray(self.grid, dtype=float)
        alpha, beta, phi = g[:, 0], g[:, 1], g[:, 2]
        n = values.shape[0]
        level = np.full((n, g.shape[0]), np.nan)
        trend = np.zeros((n, g.shape[0]))
        sse = np.zeros((n, g.shape[0]))
        for t in range(values.shape[1]):
            y = values[:, t:t + 1]
            valid = ~np.isnan(y)
            has = valid & ~np.isnan(level)
            fitted = level + phi * trend
            err = y - fitted
            sse += np.where(has, err * err, 0.0)
            new_level = fitted + alpha * err
            new_trend = phi * trend + alpha * beta * err       # error-correction form of b_t
            level = np.where(has, new_level, np.where(valid, y, level))
            trend = np.where(has, new_trend, trend)
        best = sse.argmin(axis=1)
        rows = np.arange(n)
        self.level_, self.trend_, self.phi_ = level[rows, best], trend[rows, best], phi[best]

    def _predict(self, h):
        steps = np.arange(1, h + 1)
        damp = np.cumsum(self.phi_[:, None] ** steps[None, :], axis=1)
        return self.level_[:, None] + damp * self.trend_[:, None]
