"""Forecast accuracy measures.

* MASE, mean absolute scaled error: the forecast's mean absolute error divided by the
  in-sample mean absolute error of the one-step naive forecast on the training data,
  ``q = |e| / ((1/(T−1)) Σ_{t=2..T} |y_t − y_{t−1}|)`` (Hyndman & Koehler 2006, IJF 22(4),
  eq. 3.1). Below 1: better than the naive method was in sample. Undefined (NaN) for a
  constant training series.
* WAPE, weighted absolute percentage error: ``Σ|y − ŷ| / Σ|y|`` over all periods and series
  in scope (units-weighted, defined with zero sales, unlike MAPE).
"""
from __future__ import annotations

import numpy as np


def mase_scale(values: np.ndarray) -> np.ndarray:
    """Per series: mean absolute one-step change over its observed periods (NaN if < 2 or 0)."""
    diffs = np.abs(np.diff(values, axis=1))
    count = (~np.isnan(diffs)).sum(axis=1)
    with np.errstate(invalid="ignore"):
        scale = np.nansum(diffs, axis=1) / np.where(count > 0, count, np.nan)
    return np.where(scale > 0, scale, np.nan)


def rmsse_scale(values: np.ndarray) -> np.ndarray:
    """Per series: root mean squared one-step change (the RMSSE denominator of the M5
    competition, Makridakis, Spiliotis & Assimakopoulos 2022, IJF 38(4)); NaN if 0."""
    diffs = np.diff(values, axis=1) ** 2
    count = (~np.isnan(diffs)).sum(axis=1)
    with np.errstate(invalid="ignore"):
        scale = np.sqrt(np.nansum(diffs, axis=1) / np.where(count > 0, count, np.nan))
    return np.where(scale > 0, scale, np.nan)


def wape(actual: np.ndarray, forecast: np.ndarray) -> float:
    """Pooled WAPE over every cell where both are known (NaN when the actuals sum to 0)."""
    ok = ~(np.isnan(actual) | np.isnan(forecast))
    denom = np.abs(actual[ok]).sum()
    return float(np.abs(actual[ok] - forecast[ok]).sum() / denom) if denom > 0 else float("nan")


def mase(actual: np.ndarray, forecast: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Per series (rows): mean absolute error over the horizon (columns) / ``scale``."""
    with np.errstate(invalid="ignore"):
        return np.nanmean(np.abs(actual - forecast), axis=1) / scale


def nan_mean(values: np.ndarray, axis=None) -> np.ndarray:
    """Mean over the non-NaN entries; NaN where there are none (numpy's ``nanmean`` warns there)."""
    ok = ~np.isnan(values)
    count = ok.sum(axis=axis)
    total = np.where(ok, values, 0.0).sum(axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.where(count > 0, count, 1), np.nan)
