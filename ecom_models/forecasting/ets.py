"""Seasonal exponential smoothing from statsmodels, one series at a time.

Additive Holt–Winters with a damped trend, ETS(A,Ad,A) (Hyndman & Athanasopoulos, FPP3
§8.3), fitted by statsmodels' ``ExponentialSmoothing`` (maximum likelihood via least
squares, estimated initial states). It needs two full seasons of history; shorter series
get NaN (the non-seasonal ETS forms are in ``smoothing``, vectorised). The loop runs with
BLAS pinned to one thread: on 2 cores, thread oversubscription made such a loop 5× slower.
"""
from __future__ import annotations

import warnings

import numpy as np

from .base import Forecaster, n_observed


class SeasonalETS(Forecaster):
    def __init__(self, season_length: int = 52, damped_trend: bool = True):
        self.season_length = season_length
        self.damped_trend = damped_trend

    def _fit(self, values, periods):
        from statsmodels.tools.sm_exceptions import ConvergenceWarning
        from statsmodels.tsa.holtwinters import ExponentialSmoothing
        from threadpoolctl import threadpool_limits

        m = self.season_length
        self.fits_ = {}
        eligible = np.flatnonzero(n_observed(values) >= 2 * m)
        with threadpool_limits(limits=1), warnings.catch_warnings():
            # statsmodels warns on every hard optimisation; the backtest judges the result
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            for i in eligible:
                y = values[i][~np.isnan(values[i])]
                try:
                    self.fits_[int(i)] = ExponentialSmoothing(
                        y, trend="add", damped_trend=self.damped_trend, seasonal="add",
                        seasonal_periods=m, initialization_method="estimated").fit()
                except (ValueError, np.linalg.LinAlgError):
                    continue

    def _predict(self, h):
        out = np.full((self.n_series_, h), np.nan)
        for i, fit in self.fits_.items():
            out[i] = fit.forecast(h)
        return out
