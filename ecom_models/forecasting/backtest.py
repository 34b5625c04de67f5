"""Rolling-origin backtest (Tashman 2000, IJF 16(4)): the forecasters are refitted at
several origins on the data up to the origin, and each forecasts the next ``horizon``
periods, which are known. Every estimator is rebuilt for every origin with
``sklearn.base.clone``, so any forecaster following ``base.Forecaster``'s conventions can
be backtested, and no state leaks from one origin to the next.

Origins: the last one leaves exactly ``horizon`` periods after it; earlier ones step back
by ``step`` periods each (default: half the horizon).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone

from ..timeseries.panel import SeriesMatrix
from .metrics import mase_scale, rmsse_scale, nan_mean


@dataclass(frozen=True)
class Backtest:
    """``origins`` (O,): column index of each origin's last training period;
    ``actual`` (O, n, h) units; ``forecasts``: model name → (O, n, h) (NaN: model not
    applicable); ``scale`` (O, n): MASE scale of each training window (NaN: constant);
    ``scale_sq`` (O, n): the RMSSE scale (root mean squared one-step change)."""

    ids: np.ndarray
    origins: np.ndarray
    horizon: int
    actual: np.ndarray
    forecasts: dict
    scale: np.ndarray
    scale_sq: np.ndarray

    def scaled_errors(self, model: str) -> np.ndarray:
        """(O, n, h) signed errors ``(actual − forecast) / scale``."""
        with np.errstate(invalid="ignore"):
            return (self.actual - self.forecasts[model]) / self.scale[:, :, None]

    def scaled_errors_of(self, forecast: np.ndarray) -> np.ndarray:
        """(O, n, h) signed errors of any (O, n, h) forecast, scaled like ``scaled_errors``."""
        with np.errstate(invalid="ignore"):
            return (self.actual - forecast) / self.scale[:, :, None]

    def scores(self) -> pd.DataFrame:
        """One row per series and model: ``mase`` (mean over origins of MASE) and ``wape``
        (over all origins and steps), plus ``n_origins`` scored."""
        rows = []
        for name, fc in self.forecasts.items():
            err = np.abs(self.actual - fc)
            with np.errstate(invalid="ignore", divide="ignore"):
                per_origin = nan_mean(err, axis=2) / self.scale          # (O, n)
                mase = nan_mean(per_origin, axis=0)
                ok = ~np.isnan(fc)
                wape = np.where(ok, err, 0).sum(axis=(0, 2)) / np.where(ok, np.abs(self.actual), 0).sum(axis=(0, 2))
            applicable = (~np.isnan(fc)).all(axis=(0, 2))
            rows.append(pd.DataFrame({"series_id": self.ids, "model": name,
                                      "mase": np.where(applicable, mase, np.nan),
                                      "wape": np.where(applicable, wape, np.nan),
                                      "mae": np.where(applicable, nan_mean(err, axis=(0, 2)), np.nan)}))
        return pd.concat(rows, ignore_index=True)


def origins_for(n_periods: int, horizon: int, n_origins: int, step: int | None = None,
                min_train: int = 8) -> np.ndarray:
    """Origin columns, oldest first (fewer when the history is short)."""
    step = step or max(1, horizon // 2)
    last = n_periods - horizon - 1
    found = [last - j * step for j in range(n_origins) if last - j * step >= min_train - 1]
    return np.array(sorted(found), dtype=int)


def rolling_origin(matrix: SeriesMatrix, estimators: dict, horizon: int, n_origins: int = 3,
                   step: int | None = None) -> Backtest:
    """Backtest every estimator in ``estimators`` (name → unfitted forecaster)."""
    values = matrix.values
    origins = origins_for(values.shape[1], horizon, n_origins, step)
    if origins.size == 0:
        raise ValueError(f"too little history for a backtest with a horizon of {horizon} periods")
    n = values.shape[0]
    actual = np.stack([values[:, o + 1:o + 1 + horizon] for o in origins])
    scale = np.stack([mase_scale(values[:, :o + 1]) for o in origins])
    scale_sq = np.stack([rmsse_scale(values[:, :o + 1]) for o in origins])
    forecasts = {name: np.full((origins.size, n, horizon), np.nan) for name in estimators}
    for j, o in enumerate(origins):
        train = values[:, :o + 1]
        for name, est in estimators.items():
            forecasts[name][j] = clone(est).fit(train, matrix.periods[:o + 1]).predict(horizon)
    return Backtest(matrix.ids, origins, horizon, actual, forecasts, scale, scale_sq)
