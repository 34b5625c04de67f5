"""Intermittent-demand methods for sparse series (many periods without sales),
vectorised over series and a parameter grid like ``smoothing``.

* ``Croston``: smooths the size of non-zero demands ``z`` and the interval between them
  ``p`` separately, both with α, updating only in periods with demand; forecast ``z / p``
  (Croston 1972). ``variant="sba"`` multiplies by ``1 − α/2``, the Syntetos–Boylan
  approximation that removes Croston's upward bias (Syntetos & Boylan 2005, IJF 21(2)).
* ``TSB``: smooths the demand *probability* ``π`` every period (β) and the size ``z`` at
  demands (α); forecast ``π · z``, which decays towards zero when a product stops selling
  (Teunter, Syntetos & Babai 2011, EJOR 214(3)).

Net weekly units below zero (returns booked later) count as no demand. Parameters are
chosen per series by the in-sample mean squared one-step error.
"""
from __future__ import annotations

import itertools

import numpy as np

from .base import Forecaster

CROSTON_ALPHAS = (0.05, 0.1, 0.2, 0.3)
TSB_GRID = tuple(itertools.product((0.05, 0.1, 0.2, 0.3), (0.02, 0.05, 0.1, 0.2, 0.3)))


class Croston(Forecaster):
    def __init__(self, variant: str = "sba", alpha: float | None = None):
        self.variant = variant
        self.alpha = alpha

    def _fit(self, values, periods):
        if self.variant not in ("classic", "sba"):
            raise ValueError(f"variant must be 'classic' or 'sba', got {self.variant!r}")
        alphas = np.array(CROSTON_ALPHAS if self.alpha is None else (self.alpha,), dtype=float)
        n = values.shape[0]
        z = np.full((n, alphas.size), np.nan)       # smoothed demand size
        p = np.full((n, alphas.size), np.nan)       # smoothed interval (periods)
        since = np.zeros((n, 1))                    # periods since the last demand
        started = np.zeros((n, 1), dtype=bool)
        sse = np.zeros((n, alphas.size))
        debias = (1 - alphas / 2) if self.variant == "sba" else np.ones_like(alphas)
        for t in range(values.shape[1]):
            y = values[:, t:t + 1]
            valid = ~np.isnan(y)
            started |= valid
            since = since + started
            demand = valid & (y > 0)
            fitted = np.where(np.isnan(z), 0.0, debias * z / p)
            sse += np.where(valid, (np.maximum(np.nan_to_num(y), 0) - fitted) ** 2, 0.0)
            first = demand & np.isnan(z)
            upd = demand & ~np.isnan(z)
            z = np.where(first, y, np.where(upd, z + alphas * (y - z), z))
            p = np.where(first, since, np.where(upd, p + alphas * (since - p), p))
            since = np.where(demand, 0.0, since)
        best = sse.argmin(axis=1)
        rows = np.arange(n)
        rate = np.where(np.isnan(z[rows, best]), 0.0, (debias[best] * z[rows, best] / p[rows, best]))
        self.alpha_ = alphas[best]
        self.rate_ = np.where(started[:, 0], rate, np.nan)

    def _predict(self, h):
        return np.repeat(self.rate_[:, None], h, axis=1)


class TSB(Forecaster):
    def __init__(self, grid: tuple = TSB_GRID):
        self.grid = grid

    def _fit(self, values, periods):
        g = np.asarray(self.grid, dtype=float)
        alpha, beta = g[:, 0], g[:, 1]
        n = values.shape[0]
        z = np.full((n, g.shape[0]), np.nan)
        prob = np.full((n, g.shape[0]), np.nan)
        sse = np.zeros((n, g.shape[0]))
        for t in range(values.shape[1]):
            y = values[:, t:t + 1]
            valid = ~np.isnan(y)
            demand = valid & (y > 0)
            yy = np.maximum(np.nan_to_num(y), 0.0)
            fitted = np.where(np.isnan(z), 0.0, prob * z)
            sse += np.where(valid & ~np.isnan(prob), (yy - fitted) ** 2, 0.0)
            prob = np.where(valid, np.where(np.isnan(prob), demand * 1.0, prob + beta * (demand - prob)), prob)
            z = np.where(demand, np.where(np.isnan(z), y, z + alpha * (y - z)), z)
        best = sse.argmin(axis=1)
        rows = np.arange(n)
        rate = np.where(np.isnan(z[rows, best]), 0.0, prob[rows, best] * z[rows, best])
        self.rate_ = np.where(np.isnan(prob[rows, best]), np.nan, rate)

    def _predict(self, h):
        return np.repeat(self.rate_[:, None], h, axis=1)
