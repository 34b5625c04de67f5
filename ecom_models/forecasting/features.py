"""Features of the global model: for a forecast made at the end of period ``t`` (the
*origin*) for period ``t + k``, everything known at ``t`` plus the calendar of ``t + k``.

All demand features are divided by the series' *scale* at the origin (its mean units over
the last ``SCALE_WINDOW`` observed periods, or over all its history when that is zero), so
one model serves products selling 2 and 2,000 units a week; the model predicts
``y_{t+k} / scale`` and the forecast is multiplied back.

Columns (in this order): lags 0..3, moving means over 4 / 8 / 26 / 52 periods, the same
period one season earlier relative to the target (``y_{t+k-m}``), share of zero periods
over the last 13, the series' age (periods observed, capped at 2 seasons), the step ``k``,
the target's season position (sin/cos of 2π·week/52), the target period's events and the
origin period's events (``events.EVENT_COLUMNS``); with price data, last the target
period's ``PRICE_COLUMNS`` (``price_features``: relative catalogue price as planned at the
origin, change vs the period before the origin, promotion flag, price vs the scale window). ``feature_names`` lists them. Missing history is NaN (the
gradient boosting handles it natively).
"""
from __future__ import annotations

import numpy as np

SCALE_WINDOW = 13
LAGS = (0, 1, 2, 3)
WINDOWS = (4, 8, 26, 52)
PRICE_COLUMNS = ("log_rel_price", "price_change", "promo", "price_vs_scale_window")


def feature_names(with_prices: bool = False) -> list[str]:
    """The columns of ``design``, in order."""
    from .events import EVENT_COLUMNS

    names = [f"lag{lag}" for lag in LAGS] + [f"mean{w}" for w in WINDOWS]
    names += ["zero_share13", "age", "same_period_last_season", "step", "season_sin", "season_cos"]
    names += [f"target_{e}" for e in EVENT_COLUMNS] + [f"origin_{e}" for e in EVENT_COLUMNS]
    return names + (list(PRICE_COLUMNS) if with_prices else [])


def scales(values: np.ndarray, origins: np.ndarray) -> np.ndarray:
    """``(n, n_origins)`` scale of each series at each origin (NaN: no sales at all yet)."""
    csum = np.concatenate([np.zeros((values.shape[0], 1)), np.nancumsum(values, axis=1)], axis=1)
    ccount = np.concatenate([np.zeros((values.shape[0], 1)), np.cumsum(~np.isnan(values), axis=1)], axis=1)
    end = origins + 1
    lo = np.maximum(end - SCALE_WINDOW, 0)
    recent = (csum[:, end] - csum[:, lo]) / np.maximum(ccount[:, end] - ccount[:, lo], 1)
    overall = csum[:, end] / np.maximum(ccount[:, end], 1)
    scale = np.where(recent > 0, recent, overall)
    return np.where(scale > 0, scale, np.nan)


def _window_mean(csum, ccount, origins, w):
    end = origins + 1
    lo = end - w
    ok = lo >= 0
    lo = np.maximum(lo, 0)
    count = ccount[:, end] - ccount[:, lo]
    mean = (csum[:, end] - csum[:, lo]) / np.maximum(count, 1)
    return np.where(ok[None, :] & (count == w), mean, np.nan)


def origin_block(values: np.ndarray, origins: np.ndarray, season: int) -> tuple[list[np.ndarray], np.ndarray]:
    """Per-origin demand features (each ``(n, n_origins)``) and the scale."""
    n, T = values.shape
    scale = scales(values, origins)
    csum = np.concatenate([np.zeros((n, 1)), np.nancumsum(values, axis=1)], axis=1)
    ccount = np.concatenate([np.zeros((n, 1)), np.cumsum(~np.isnan(values), axis=1)], axis=1)
    zsum = np.concatenate([np.zeros((n, 1)), np.cumsum(values == 0, axis=1)], axis=1)
    cols = []
    for lag in LAGS:
        at = origins - lag
        cols.append(np.where(at[None, :] >= 0, values[:, np.maximum(at, 0)], np.nan) / scale)
    for w in WINDOWS:
        cols.append(_window_mean(csum, ccount, origins, w) / scale)
    end, lo = origins + 1, np.maximum(origins + 1 - 13, 0)
    cols.append((zsum[:, end] - zsum[:, lo]) / np.maximum(ccount[:, end] - ccount[:, lo], 1))
    cols.append(np.minimum(ccount[:, end], 2 * season).astype(float))
    return cols, scale


def design(values: np.ndarray, origins: np.ndarray, steps: np.ndarray, season: int,
           week_of_year: np.ndarray, events: np.ndarray,
           prices: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows for every (series, origin, step): features ``X``, ``scale`` and target column
    index ``t + k``, each flattened in (step, series, origin) order. ``week_of_year`` and
    ``events`` are given per column index of ``values`` and beyond (length ≥ T + max step);
    ``prices``: ``(n, ≥ T + max step, 2)`` from ``price_features.price_paths`` (None: no
    price columns): the price planned at the origin is the origin's, except for target
    columns ≥ T (the forecast), where the path itself holds the carried-forward / what-if
    price."""
    n, T = values.shape
    cols, scale = origin_block(values, origins, season)
    blocks, targets = [], []
    for k in steps:
        tgt = origins + k
        seasonal_at = tgt - season
        seasonal = np.where(seasonal_at[None, :] >= 0, values[:, np.clip(seasonal_at, 0, T - 1)], np.nan)
        seasonal = np.where(seasonal_at[None, :] < T, seasonal, np.nan) / scale
        angle = 2 * np.pi * week_of_year[tgt] / 52.18
        per_origin = [np.full(origins.size, float(k)), np.sin(angle), np.cos(angle)]
        per_origin += [events[tgt, j] for j in range(events.shape[1])]
        per_origin += [events[origins, j] for j in range(events.shape[1])]
        feats = cols + [seasonal] + [np.broadcast_to(c[None, :], (n, origins.size)) for c in per_origin]
        if prices is not None:
            rel, promo = prices[:, :, 0], prices[:, :, 1]
            planned = np.where(tgt[None, :] >= T, rel[:, tgt], rel[:, origins])
            before = np.where(origins[None, :] >= 1, rel[:, np.maximum(origins - 1, 0)], planned)
            csum = np.concatenate([np.zeros((n, 1)), np.cumsum(rel[:, :T], axis=1)], axis=1)
            lo = np.maximum(origins + 1 - SCALE_WINDOW, 0)
            window = (csum[:, origins + 1] - csum[:, lo]) / (origins + 1 - lo)
            feats += [planned, planned - before, promo[:, tgt], planned - window]
        blocks.append(np.stack([f.reshape(-1) for f in feats], axis=1))
        targets.append(np.broadcast_to(tgt[None, :], (n, origins.size)).reshape(-1))
    X = np.concatenate(blocks, axis=0)
    scale_rows = np.tile(scale.reshape(-1), len(steps))
    return X, scale_rows, np.concatenate(targets)
