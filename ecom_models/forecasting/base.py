"""The interface every forecaster follows (scikit-learn conventions, so
``sklearn.base.clone`` rebuilds any of them for each backtest origin):

* ``__init__`` only stores parameters; learned state ends in ``_``; nothing global is touched.
* ``fit(Y, periods=None)`` learns from ``Y``: an ``(n_series, n_periods)`` float array of
  units per period, NaN before each series' first period (``timeseries.SeriesMatrix``
  layout; a ``SeriesMatrix`` itself is accepted too); ``periods``: the period starts
  (needed by models with calendar features). Returns ``self``.
* ``predict(h)`` returns ``(n_series, h)`` forecasts of units for the next ``h`` periods,
  never below zero; NaN where the model does not apply to a series (e.g. a seasonal model
  on a series shorter than two seasons).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from ..timeseries.panel import SeriesMatrix


def as_values(Y, periods=None) -> tuple[np.ndarray, pd.DatetimeIndex | None]:
    """``(values, periods)`` from a ``SeriesMatrix`` or an array (+ optional periods)."""
    if isinstance(Y, SeriesMatrix):
        return Y.values.astype(float), Y.periods
    values = np.asarray(Y, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"Y must be 2-D (series x periods), got shape {values.shape}")
    return values, (pd.DatetimeIndex(periods) if periods is not None else None)


def n_observed(values: np.ndarray) -> np.ndarray:
    """Observed periods per series (periods from its first period on)."""
    return (~np.isnan(values)).sum(axis=1)


class Forecaster(BaseEstimator):
    """Base class: subclasses implement ``_fit(values, periods)`` and ``_predict(h)``."""

    def fit(self, Y, periods=None):
        values, periods = as_values(Y, periods)
        self.n_series_ = values.shape[0]
        self._fit(values, periods)
        return self

    def predict(self, h: int) -> np.ndarray:
        if h < 1:
            raise ValueError(f"horizon must be at least 1 period, got {h}")
        out = np.asarray(self._predict(int(h)), dtype=float)
        return np.where(np.isnan(out), np.nan, np.maximum(out, 0.0))

    def _fit(self, values: np.ndarray, periods) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _predict(self, h: int) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError
