"""Synthetic weekly series with planted structure (seeded), for the forecasting tests."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ecom_models.timeseries.panel import SeriesMatrix

WEEKS = 156                 # three years
START = "2021-01-04"        # a Monday


def periods(n: int = WEEKS) -> pd.DatetimeIndex:
    return pd.date_range(START, periods=n, freq="W-MON")


def seasonal_trend_truth(n_series: int = 20, n: int = WEEKS + 8, seed: int = 1) -> np.ndarray:
    """Expected units: level 200, trend +0.5 units/week, yearly wave of amplitude 80
    (peak around week 48), each series scaled by a factor in [0.5, 2]."""
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    wave = 80 * np.cos(2 * np.pi * (t - 47) / 52)
    base = 200 + 0.5 * t + wave
    return rng.uniform(0.5, 2.0, n_series)[:, None] * base[None, :]


def seasonal_trend(n_series: int = 20, seed: int = 1, noise_sd: float = 10.0) -> tuple[SeriesMatrix, np.ndarray]:
    """Observed (truth + normal noise, sd ``noise_sd`` units) for WEEKS weeks, and the truth
    of the 8 weeks after."""
    rng = np.random.default_rng(seed + 100)
    truth = seasonal_trend_truth(n_series, seed=seed)
    observed = np.maximum(truth + rng.normal(0, noise_sd, truth.shape), 0).round()
    ids = np.array([f"S{i:02d}" for i in range(n_series)], dtype=object)
    return SeriesMatrix(ids, periods(), observed[:, :WEEKS], "week"), truth[:, WEEKS:]


def intermittent(n_series: int = 200, seed: int = 2, n: int = 104) -> tuple[SeriesMatrix, np.ndarray]:
    """Sparse demand: a sale in a week with probability 0.15, size 1 + Poisson(2); expected
    units per week 0.15 · 3 = 0.45. Returns the matrix and the expected rate per series."""
    rng = np.random.default_rng(seed)
    demand = rng.random((n_series, n)) < 0.15
    sizes = 1 + rng.poisson(2.0, (n_series, n))
    values = np.where(demand, sizes, 0).astype(float)
    ids = np.array([f"I{i:03d}" for i in range(n_series)], dtype=object)
    return SeriesMatrix(ids, periods(n), values, "week"), np.full(n_series, 0.45)
