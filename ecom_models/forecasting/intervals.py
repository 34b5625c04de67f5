"""Prediction intervals calibrated on backtest errors (split-conformal style: Vovk et al.
2005; for forecasting, Stankeviciute et al. 2021).

The backtest's signed errors of the chosen model, divided by each series' MASE scale
(``metrics.mase_scale``), are pooled per demand type (smooth / intermittent) and per step
ahead; their empirical 2.5/10/90/97.5 % quantiles, multiplied back by a series' scale and
added to its forecast, give the 80 % and 95 % intervals. Scaling makes a 2-unit product
and a 2,000-unit product comparable; pooling gives enough errors per step. With fewer
than ``MIN_ERRORS`` errors for a step, all steps are pooled with the error divided by
``√k`` (errors of a k-step forecast grow roughly like √k for a random walk) and widened
back by ``√k``. Bounds never go below zero.

Coverage is measured honestly by leaving one backtest origin out at a time: calibrate on
the other origins, count how often the left-out origin's actual units fall inside.
"""
from __future__ import annotations

import numpy as np

PROBS = (0.025, 0.10, 0.90, 0.975)            # lo95, lo80, hi80, hi95
MIN_ERRORS = 50
INTERMITTENT_ZERO_SHARE = 0.3


def demand_groups(values: np.ndarray, window: int = 26) -> np.ndarray:
    """0 = smooth, 1 = intermittent (more than 30 % of the last ``window`` periods without sales)."""
    recent = values[:, -window:]
    with np.errstate(invalid="ignore"):
        zero_share = np.nansum(recent == 0, axis=1) / np.maximum((~np.isnan(recent)).sum(axis=1), 1)
    return (zero_share > INTERMITTENT_ZERO_SHARE).astype(int)


def calibrate(errors: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Quantiles ``(2, h, 4)`` of scaled errors ``(O, n, h)`` per group and step (``PROBS``)."""
    h = errors.shape[2]
    out = np.zeros((2, h, len(PROBS)))
    steps = np.sqrt(np.arange(1, h + 1))
    everything = errors.reshape(-1, h)
    for g in (0, 1):
        mine = errors[:, groups == g, :].reshape(-1, h)
        if (~np.isnan(mine)).sum() < MIN_ERRORS:      # too few: borrow from the other group
            mine = everything
        counts = (~np.isnan(mine)).sum(axis=0)
        pooled = (mine / steps).reshape(-1)
        pooled = pooled[~np.isnan(pooled)]
        for k in range(h):
            col = mine[:, k][~np.isnan(mine[:, k])]
            if counts[k] >= MIN_ERRORS:
                out[g, k] = np.quantile(col, PROBS)
            elif pooled.size:
                out[g, k] = np.quantile(pooled, PROBS) * steps[k]
    return out


def bounds(mean: np.ndarray, scale: np.ndarray, quantiles: np.ndarray, groups: np.ndarray) -> dict:
    """``lo95, lo80, hi80, hi95`` arrays ``(n, h)`` around ``mean``; never below 0, and the
    mean always inside (a median-unbiased error distribution can put it outside)."""
    q = quantiles[groups]                                  # (n, h, 4)
    raw = mean[:, :, None] + q * scale[:, None, None]
    raw = np.maximum(raw, 0.0)
    lo = np.minimum(raw[..., :2], mean[:, :, None])
    hi = np.maximum(raw[..., 2:], mean[:, :, None])
    return {"lo95": lo[..., 0], "lo80": lo[..., 1], "hi80": hi[..., 0], "hi95": hi[..., 1]}


def coverage(actual: np.ndarray, forecast: np.ndarray, scale: np.ndarray, groups: np.ndarray) -> dict:
    """Leave-one-origin-out coverage of the 80 % and 95 % intervals (share 0..1) over all
    series and steps; NaN with a single origin. ``actual``/``forecast`` (O, n, h), ``scale`` (O, n)."""
    n_origins = actual.shape[0]
    if n_origins < 2:
        return {80: float("nan"), 95: float("nan")}
    with np.errstate(invalid="ignore"):
        errors = (actual - forecast) / scale[:, :, None]
    inside = {80: [], 95: []}
    for j in range(n_origins):
        q = calibrate(np.delete(errors, j, axis=0), groups)
        ok = ~(np.isnan(actual[j]) | np.isnan(forecast[j])) & ~np.isnan(scale[j])[:, None]
        b = bounds(forecast[j], np.nan_to_num(scale[j], nan=1.0), q, groups)
        inside[80].append(((actual[j] >= b["lo80"]) & (actual[j] <= b["hi80"]))[ok])
        inside[95].append(((actual[j] >= b["lo95"]) & (actual[j] <= b["hi95"]))[ok])
    return {level: float(np.concatenate(v).mean()) if sum(len(x) for x in v) else float("nan")
            for level, v in inside.items()}
