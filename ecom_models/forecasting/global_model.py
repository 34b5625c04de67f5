"""One gradient-boosting model across all series (a *global* model, as the M5 winners
used: Makridakis, Spiliotis & Assimakopoulos 2022, IJF 38(4)).

It is a direct multi-step model: one regression learns ``y_{t+k} / scale_t`` from the
features at origin ``t`` and the step ``k`` (``features.design``), for every series, every
recent origin and every step up to the horizon; the forecast multiplies the prediction
back by the series' scale. Direct (not recursive), so errors do not feed on themselves.
scikit-learn's ``HistGradientBoostingRegressor`` with the absolute-error loss: it forecasts
the conditional median, which is what WAPE and MASE reward, and resists the single huge
trader orders that pulled a Poisson (mean) fit up (demo data: WAPE 0.60 vs 0.83).

Price features (``prices``, a ``price_features.PriceInputs`` aligned with the rows of the
series): the target period's relative catalogue price as planned at the origin, its change
against the period before the origin, the promotion flag and the price against the scale
window (``features.PRICE_COLUMNS``, defined in ``price_features``). Training rows and the
forecast alike carry the last known price forward (``predict``); ``predict_with_prices``
applies a what-if's price factors and promotion weeks instead. Without ``prices``
the model has no price columns at all. The page's what-if (``whatif.evaluate``) still
moves the forecast through the pricing elasticity only, on the cached forecast: it does
not refit or re-predict this model, so the price effect is not counted twice.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from ..timeseries.periods import PANDAS_FREQ, grain, season_length
from .base import Forecaster
from .events import event_features
from .price_features import price_paths


class GlobalBoosting(Forecaster):
    """``max_horizon``: longest horizon trained for (``predict(h)`` needs h ≤ it);
    ``n_origins``: most recent origins used for training; ``max_rows``: training rows kept
    (a seeded random subset beyond that); ``freq``: grain of the periods; ``country``:
    public-holiday calendar; ``prices``: ``price_features.PriceInputs`` for the series
    fitted (same rows; periods matched by date, so it may cover more periods than a
    backtest's training window: later ones are never read), None = no price features."""

    def __init__(self, max_horizon: int = 8, n_origins: int = 40, max_rows: int = 20_000,
                 max_iter: int = 80, learning_rate: float = 0.08, max_leaf_nodes: int = 15,
                 loss: str = "absolute_error", freq: str = "week", country: str = "DE",
                 random_state: int = 0, prices=None):
        self.max_horizon = max_horizon
        self.n_origins = n_origins
        self.max_rows = max_rows
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.loss = loss
        self.freq = freq
        self.country = country
        self.random_state = random_state
        self.prices = prices

    def _calendar(self, periods: pd.DatetimeIndex, extra: int) -> tuple[np.ndarray, np.ndarray]:
        g = grain(self.freq)
        full = pd.date_range(periods[0], periods=len(periods) + extra, freq=PANDAS_FREQ[g])
        week = full.isocalendar().week.to_numpy(dtype=float) if g == "week" else \
            full.dayofyear.to_numpy(dtype=float) / 7.0
        return week, event_features(full, g, self.country).to_numpy()

    def _fit(self, values, periods):
        from sklearn.ensemble import HistGradientBoostingRegressor

        from .features import design

        if periods is None:
            raise ValueError("GlobalBoosting needs the period starts (fit(Y, periods))")
        n, T = values.shape
        self.season_ = season_length(self.freq)
        self.values_, self.periods_ = values, pd.DatetimeIndex(periods)
        self.week_, self.events_ = self._calendar(self.periods_, self.max_horizon + 1)
        self.price_window_ = None
        if self.prices is not None:
            if self.prices.price.shape[0] != n:
                raise ValueError(f"prices hold {self.prices.price.shape[0]} series, the data {n}")
            self.price_window_ = self.prices.window(self.periods_)
        self.price_paths_ = self._price_paths()
        H = self.max_horizon
        last_origin = T - 1 - 1                      # at least one step ahead observed
        origins = np.arange(max(3, last_origin - self.n_origins + 1), last_origin + 1)
        self.model_ = None
        if origins.size == 0:
            return
        X, scale, target = design(values, origins, np.arange(1, H + 1), self.season_, self.week_, self.events_,
                                  self.price_paths_)
        rows = np.repeat(np.arange(n)[:, None], origins.size, axis=1).reshape(-1)
        rows = np.tile(rows, H)
        ok = target < T
        y = np.where(ok, values[rows, np.minimum(target, T - 1)], np.nan)
        ok &= ~np.isnan(y) & np.isfinite(scale)
        X, y, scale = X[ok], np.maximum(y[ok], 0.0), scale[ok]
        if y.size < 50:
            return
        # columns without any value in training (e.g. a 52-period mean on 44 periods of history)
        self.columns_ = np.flatnonzero(np.isfinite(X).any(axis=0))
        X = X[:, self.columns_]
        if y.size > self.max_rows:
            keep = np.random.default_rng(self.random_state).choice(y.size, self.max_rows, replace=False)
            X, y, scale = X[keep], y[keep], scale[keep]
        model = HistGradientBoostingRegressor(
            loss=self.loss, max_iter=self.max_iter, learning_rate=self.learning_rate,
            max_leaf_nodes=self.max_leaf_nodes, min_samples_leaf=40, l2_regularization=1.0,
            early_stopping=False, random_state=self.random_state)
        # one OpenMP thread: on 2 shared cores the threads' spin-waits made a fit 10x slower
        with threadpool_limits(limits=1):
            self.model_ = model.fit(X, y / scale)

    def _price_paths(self, factors=None, promo_steps=None):
        """Price features over the training window and ``max_horizon + 1`` periods after."""
        if self.price_window_ is None:
            return None
        extra = self.max_horizon + 1
        f, p = np.ones(extra), np.zeros(extra)
        if factors is not None:
            f[:len(factors)] = factors
        if promo_steps is not None:
            p[:len(promo_steps)] = promo_steps
        return price_paths(*self.price_window_, extra, f, p)

    def predict_with_prices(self, h: int, factors=None, promo_steps=None) -> np.ndarray:
        """``predict(h)`` with a price what-if: the last known catalogue price times
        ``factors[k]`` in forecast period ``k + 1`` (length ≤ h; default 1) and a promotion in
        the periods where ``promo_steps`` is 1. Needs the model fitted with ``prices``."""
        if self.price_window_ is None:
            raise ValueError("fitted without prices: the forecast cannot respond to a price")
        if h < 1:
            raise ValueError(f"horizon must be at least 1 period, got {h}")
        out = self._predict(int(h), self._price_paths(factors, promo_steps))
        return np.where(np.isnan(out), np.nan, np.maximum(out, 0.0))

    def design_frame(self, h: int) -> pd.DataFrame:
        """The rows ``predict(h)`` feeds the model, with ``features.feature_names`` as
        columns (all columns, before dropping those empty in training), in (step, series)
        order."""
        from .features import design, feature_names

        T = self.values_.shape[1]
        X, _, _ = design(self.values_, np.array([T - 1]), np.arange(1, h + 1), self.season_,
                         self.week_, self.events_, self.price_paths_)
        return pd.DataFrame(X, columns=feature_names(self.price_paths_ is not None))

    def _predict(self, h, paths=None):
        from .features import design

        n, T = self.values_.shape
        if h > self.max_horizon:
            raise ValueError(f"trained for at most {self.max_horizon} periods ahead, asked for {h}")
        if self.model_ is None:
            return np.full((n, h), np.nan)
        X, scale, _ = design(self.values_, np.array([T - 1]), np.arange(1, h + 1), self.season_,
                             self.week_, self.events_, self.price_paths_ if paths is None else paths)
        with threadpool_limits(limits=1):
            raw = self.model_.predict(X[:, self.columns_])
        pred = raw * scale
        pred = pred.reshape(h, n).T
        started = ~np.isnan(self.values_[:, -1])
        return np.where(started[:, None], np.where(np.isfinite(pred), pred, 0.0), np.nan)
