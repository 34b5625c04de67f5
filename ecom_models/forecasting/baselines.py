"""Baselines every forecast must beat, vectorised over all series (no per-series loop).

* ``Naive``: the last period's units for every future period.
* ``SeasonalNaive``: the units of the same period one season earlier,
  ``ŷ_{T+k} = y_{T+k-m}`` (Hyndman & Athanasopoulos, *Forecasting: Principles and
  Practice*, 3rd ed., §5.2); a series with less than one season of history falls back to
  ``Naive`` (so the baseline exists for every series; ``seasonal_only`` turns that off).
* ``WindowAverage``: the mean of the last ``window`` periods (a moving average; the M5
  competition's strongest simple benchmark family for noisy retail series).
* ``SeasonalRatio``: seasonal naive scaled by how this year's last ``window`` periods
  compare with the same periods a year earlier (growth-adjusted seasonal naive); needs one
  season plus ``window`` periods of history, NaN otherwise.
"""
from __future__ import annotations

import numpy as np

from .metrics import nan_mean
from .base import Forecaster, n_observed


class Naive(Forecaster):
    def _fit(self, values, periods):
        self.last_ = values[:, -1].copy() if values.shape[1] else np.full(values.shape[0], np.nan)

    def _predict(self, h):
        return np.repeat(self.last_[:, None], h, axis=1)


class SeasonalNaive(Forecaster):
    def __init__(self, season_length: int = 52, seasonal_only: bool = False):
        self.season_length = season_length
        self.seasonal_only = seasonal_only

    def _fit(self, values, periods):
        m = self.season_length
        T = values.shape[1]
        self.tail_ = values[:, -m:] if T >= m else np.full((values.shape[0], m), np.nan)
        self.has_season_ = n_observed(values) >= m
        self.last_ = values[:, -1] if T else np.full(values.shape[0], np.nan)

    def _predict(self, h):
        m = self.season_length
        seasonal = self.tail_[:, np.arange(h) % m]
        fallback = np.nan if self.seasonal_only else self.last_[:, None]
        return np.where(self.has_season_[:, None], seasonal, fallback)


class WindowAverage(Forecaster):
    def __init__(self, window: int = 13):
        self.window = window

    def _fit(self, values, periods):
        self.mean_ = nan_mean(values[:, -self.window:], axis=1) if values.shape[1] else \
            np.full(values.shape[0], np.nan)

    def _predict(self, h):
        return np.repeat(self.mean_[:, None], h, axis=1)


class SeasonalRatio(Forecaster):
    def __init__(self, season_length: int = 52, window: int = 8, max_ratio: float = 3.0):
        self.season_length = season_length
        self.window = window
        self.max_ratio = max_ratio

    def _fit(self, values, periods):
        m, w = self.season_length, self.window
        n, T = values.shape
        self.tail_ = values[:, -m:] if T >= m else np.full((n, m), np.nan)
        if T >= m + w:
            recent = values[:, -w:].sum(axis=1)
            before = values[:, -m - w:-m].sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                ratio = np.where(before > 0, recent / before, np.nan)
            self.ratio_ = np.clip(ratio, 1 / self.max_ratio, self.max_ratio)
            self.ratio_[n_observed(values) < m + w] = np.nan
        else:
            self.ratio_ = np.full(n, np.nan)

    def _predict(self, h):
        return self.tail_[:, np.arange(h) % self.season_length] * self.ratio_[:, None]
