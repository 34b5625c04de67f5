"""Forecast every series with the model its backtest chose, with intervals and the
seasonal-naive baseline beside it.

Steps (``forecast``):
1. rolling-origin backtest of every candidate (``backtest``), scored by MASE and WAPE;
2. per series, the candidate with the lowest mean MASE (RMSSE for intermittent series,
   see ``choose``) over the origins wins, but only if
   it beats the model that is best over *all* series by ``SWITCH_MARGIN`` on that series;
   otherwise the overall best is kept (per-series choice on three origins is noisy, and a
   shared choice is the safer default: Fildes & Petropoulos 2015, IJF 31(1));
3. an honest check of that rule: choose on all origins but the last, score on the last,
   against seasonal naive on the same cells (``check``);
4. refit the chosen models on all data and forecast ``horizon`` periods;
5. 80 % / 95 % intervals from the backtest errors (``intervals``), coverage measured by
   leaving one origin out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.base import clone

from ..timeseries.panel import SeriesMatrix
from ..timeseries.periods import PANDAS_FREQ
from . import intervals
from .backtest import Backtest, rolling_origin
from .candidates import BASELINE, default_candidates
from .metrics import mase_scale, wape, nan_mean

SWITCH_MARGIN = 0.10          # a series' own best must beat the shared best by 10 % MASE
SHARED_COVERAGE = 0.9       # share of series a shared best must apply to
MEDIAN_MODELS = ("global_boosting",)   # absolute-error loss: forecasts the median
FEW_SERIES = 20               # below this many series, use more backtest origins


@dataclass(frozen=True)
class ForecastRun:
    """Result of ``forecast``.

    ``forecast``: long frame ``series_id, period, mean, lo80, hi80, lo95, hi95, baseline``
    (units per period; ``baseline`` = seasonal naive); ``chosen``: per series id, the
    model name; ``scores``: backtest ``series_id, model, mase, wape, mae``; ``check``:
    honest hold-out of the selection (dict: ``wape``, ``baseline_wape``, ``mase_mean``,
    ``baseline_mase_mean``, ``mase_median``, ``baseline_mase_median``, ``n_series``);
    ``coverage``: {80: share, 95: share} of backtest actuals inside the intervals;
    ``history``: the series used.
    """

    history: SeriesMatrix
    horizon: int
    chosen: pd.Series
    forecast: pd.DataFrame
    scores: pd.DataFrame
    check: dict
    coverage: dict
    shared_best: str
    origins: tuple = field(default=())


def _scores(bt: Backtest, origins: slice, squared: bool) -> np.ndarray:
    """(M, n) mean over origins of MASE (or, ``squared``, RMSSE: root mean squared error over
    the root mean squared one-step change, the M5 measure; Makridakis et al. 2022), with
    MAE / RMSE where a series has no scale, and inf where a model does not apply."""
    names = list(bt.forecasts)
    out = []
    for m in names:
        err = bt.actual[origins] - bt.forecasts[m][origins]
        err = err ** 2 if squared else np.abs(err)
        per = nan_mean(err, axis=2)                                        # (O, n)
        scale = bt.scale[origins] if not squared else bt.scale_sq[origins]
        with np.errstate(invalid="ignore", divide="ignore"):
            scaled = nan_mean(np.sqrt(per) / scale if squared else per / scale, axis=0)
            raw = nan_mean(np.sqrt(per) if squared else per, axis=0)
        score = np.where(np.isnan(scaled), raw, scaled)
        applicable = ~np.isnan(bt.forecasts[m][origins]).any(axis=(0, 2))
        out.append(np.where(applicable & ~np.isnan(score), score, np.inf))
    return np.stack(out)


def choose(bt: Backtest, origins: slice = slice(None), margin: float = SWITCH_MARGIN,
           groups: np.ndarray | None = None) -> tuple[np.ndarray, str]:
    """Per series the chosen model name (see module doc step 2) and the shared best of the
    smooth series. Smooth series are judged by MASE; intermittent ones (``groups`` == 1,
    ``intervals.demand_groups``) by RMSSE, because absolute errors reward forecasting zero
    for sparse demand (the median), which would never restock a product that sells."""
    names = list(bt.forecasts)
    n = bt.actual.shape[1]
    groups = np.zeros(n, dtype=int) if groups is None else groups
    base_i = names.index(BASELINE)
    pick = np.full(n, base_i)
    shared_name = BASELINE
    for g, squared in ((0, False), (1, True)):
        cols = np.flatnonzero(groups == g)
        if cols.size == 0:
            continue
        score = _scores(bt, origins, squared)[:, cols]
        if g == 1:      # median forecasts (0 for sparse demand) never restock: mean methods only
            for name in MEDIAN_MODELS:
                if name in names:
                    score[names.index(name)] = np.inf
        applicable = np.isfinite(score)
        # shared best: lowest mean score over the series the baseline covers; a model that
        # applies to fewer than SHARED_COVERAGE of them (a seasonal model on short series) cannot be it
        base = applicable[base_i]
        covered = (applicable & base).sum(axis=1) >= SHARED_COVERAGE * max(base.sum(), 1)
        both = applicable & base
        pooled = np.array([score[i, both[i]].mean() if covered[i] and both[i].any() else np.inf
                           for i in range(len(names))])
        shared = int(np.argmin(pooled)) if np.isfinite(pooled).any() else base_i
        own = np.argmin(score, axis=0)
        here = np.arange(cols.size)
        switch = score[own, here] < (1 - margin) * score[shared, here]
        pick[cols] = np.where(switch, own, shared)
        if g == 0 or cols.size == n:
            shared_name = names[shared]
    return np.array(names, dtype=object)[pick], shared_name


def _pick(forecasts: dict, chosen: np.ndarray) -> np.ndarray:
    out = np.full_like(next(iter(forecasts.values())), np.nan)
    for name in np.unique(chosen):
        rows = chosen == name
        out[..., rows, :] = forecasts[name][..., rows, :]
    return out


def _check(bt: Backtest, groups: np.ndarray) -> dict:
    """Choose on earlier origins, score the last one (NaN figures with one origin)."""
    if bt.origins.size < 2:
        return {k: float("nan") for k in ("wape", "baseline_wape", "mase_mean", "baseline_mase_mean",
                                           "mase_median", "baseline_mase_median")} | {"n_series": 0}
    chosen, _ = choose(bt, slice(0, -1), groups=groups)
    fc = _pick({m: f[-1] for m, f in bt.forecasts.items()}, chosen)
    base = bt.forecasts[BASELINE][-1]
    actual, scale = bt.actual[-1], bt.scale[-1]
    ok = ~np.isnan(fc).any(axis=1) & ~np.isnan(base).any(axis=1) & ~np.isnan(actual).any(axis=1)
    with np.errstate(invalid="ignore"):
        q = np.mean(np.abs(actual - fc), axis=1) / scale
        qb = np.mean(np.abs(actual - base), axis=1) / scale
    good = ok & np.isfinite(q) & np.isfinite(qb)
    return {"wape": wape(actual[ok], fc[ok]), "baseline_wape": wape(actual[ok], base[ok]),
            "mase_mean": float(np.mean(q[good])) if good.any() else float("nan"),
            "baseline_mase_mean": float(np.mean(qb[good])) if good.any() else float("nan"),
            "mase_median": float(np.median(q[good])) if good.any() else float("nan"),
            "baseline_mase_median": float(np.median(qb[good])) if good.any() else float("nan"),
            "n_series": int(ok.sum())}


def fit_chosen(matrix: SeriesMatrix, candidates: dict, chosen: np.ndarray, horizon: int) -> dict:
    """Forecasts ``(n, h)`` of each model that was chosen somewhere, plus the baseline; a
    per-series model (seasonal ETS) is fitted only on the series that chose it."""
    out = {}
    for name in set(np.unique(chosen)) | {BASELINE}:
        rows = np.flatnonzero(chosen == name) if name == "seasonal_ets" else slice(None)
        part = matrix.rows(rows) if name == "seasonal_ets" else matrix
        fc = np.full((matrix.values.shape[0], horizon), np.nan)
        fc[rows] = clone(candidates[name]).fit(part.values, part.periods).predict(horizon)
        out[name] = fc
    return out


def forecast(matrix: SeriesMatrix, horizon: int = 8, *, candidates: dict | None = None,
             n_origins: int | None = None, country: str = "DE", prices=None) -> ForecastRun:
    """Backtest, choose, forecast ``horizon`` periods with intervals (module doc).
    ``prices``: ``price_features.PriceInputs`` for the default candidates' global model
    (ignored when ``candidates`` are given)."""
    if matrix.values.shape[0] == 0:
        raise ValueError("there are no series to forecast")
    candidates = candidates or default_candidates(matrix.freq, horizon, country, prices=prices)
    if BASELINE not in candidates:
        raise ValueError(f"the candidates must include the baseline '{BASELINE}'")
    n = matrix.values.shape[0]
    n_origins = n_origins or (3 if n >= FEW_SERIES else 8)
    bt = rolling_origin(matrix, candidates, horizon, n_origins)
    groups = intervals.demand_groups(matrix.values)
    chosen, shared = choose(bt, groups=groups)
    fitted = fit_chosen(matrix, candidates, chosen, horizon)
    mean = _pick(fitted, chosen)
    missing = np.isnan(mean).any(axis=1)
    chosen = np.where(missing, BASELINE, chosen)             # a chosen model that failed on all data
    mean = np.where(missing[:, None], fitted[BASELINE], mean)
    errors = bt.scaled_errors_of(_pick(bt.forecasts, chosen))
    q = intervals.calibrate(errors, groups)
    scale = _scale_now(matrix.values)
    b = intervals.bounds(mean, scale, q, groups)
    cover = intervals.coverage(bt.actual, _pick(bt.forecasts, chosen), bt.scale, groups)
    future = pd.date_range(matrix.periods[-1], periods=horizon + 1, freq=PANDAS_FREQ[matrix.freq])[1:]
    frame = pd.DataFrame({"series_id": np.repeat(matrix.ids.astype(str), horizon),
                          "period": np.tile(future, n), "mean": mean.reshape(-1),
                          **{k: v.reshape(-1) for k, v in b.items()},
                          "baseline": fitted[BASELINE].reshape(-1)})
    frame = frame[["series_id", "period", "mean", "lo80", "hi80", "lo95", "hi95", "baseline"]]
    return ForecastRun(history=matrix, horizon=horizon,
                       chosen=pd.Series(chosen, index=matrix.ids.astype(str), name="model"),
                       forecast=frame, scores=bt.scores(), check=_check(bt, groups), coverage=cover,
                       shared_best=shared, origins=tuple(matrix.periods[bt.origins]))


def _scale_now(values: np.ndarray) -> np.ndarray:
    """MASE scale on all data; for a constant series its mean level (or 1 unit)."""
    scale = mase_scale(values)
    with np.errstate(invalid="ignore"):
        level = nan_mean(np.abs(values[:, -13:]), axis=1)
    fallback = np.where(level > 0, level, 1.0)
    return np.where(np.isnan(scale), fallback, scale)
