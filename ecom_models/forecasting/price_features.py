"""Price features of the global model: the catalogue price and the promotion weeks of
``ecom_models.pricing.catalogue`` per series and period.

Four columns per row of the global model's design (``features.PRICE_COLUMNS``) for a
forecast made at origin ``t`` for period ``t + k``, with ``p̂_{t+k}`` the catalogue price
*planned at the origin* for the target period: the **last known price carried forward**
(``p_t``), times a what-if's price factor where one is given
(``GlobalBoosting.predict_with_prices``):

* ``log_rel_price``: ``log(p̂_{t+k} / median_p)``, relative to the series' own median
  catalogue price over the training window (0 = at its usual price);
* ``price_change``: ``log(p̂_{t+k} / p_{t-1})``, the move against the period before the
  origin (in training and in a plain forecast the origin's own price change, telling the
  model that its lags straddle a new price; in a what-if that plus the change);
* ``promo``: 1 when ``t + k`` is a promotion week (``CountPanel.promo_weeks``: enough
  orders carry a discount line), else 0. Promotions are planned by the shop, so training
  rows use the weeks that were promotions; a forecast assumes none unless the what-if
  names a week;
* ``price_vs_scale_window``: ``log_rel_price`` minus the mean log relative price over the
  ``features.SCALE_WINDOW`` periods up to the origin, i.e. the planned price against the
  prices under which the demand scale was measured (the global model predicts units
  divided by that scale: under ``units ∝ p^e`` this column carries ``e`` directly).

Training rows are built the same way as forecast rows (price as known at the origin), so a
rolling-origin backtest never sees a future price and the model is not trained on price
knowledge it will not have when forecasting. (Training on the prices that actually held
in the target periods, and carrying the last one forward only in the forecast, made the
backtest *worse* on synthetic data with a planted price effect: WAPE 0.37 vs 0.30 without
price features, since prices changed inside the horizon. The first three columns alone
gained about 1 %; the fourth brought the gain to 6–9 % in WAPE,
``tests/forecasting/test_price_features.py``.)

Series without price data get the neutral values 0 / 0 / 0: every series when the level
is category, country or total (a catalogue price belongs to one SKU), when the grain is
daily (the catalogue is weekly), and a SKU before its first priced sale. Multi-currency or
multi-channel stores: each SKU series takes the catalogue of the (channel,) currency in
which it sold most units.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..timeseries.panel import SeriesMatrix


@dataclass(frozen=True)
class PriceInputs:
    """Catalogue price and promotion flag per series (rows aligned with the forecast's
    ``SeriesMatrix``) and period. ``periods`` (T,) period starts; ``price`` (n, T)
    catalogue price (NaN: no price data); ``promo`` (n, T) 0/1."""

    periods: pd.DatetimeIndex
    price: np.ndarray
    promo: np.ndarray

    def window(self, periods) -> tuple[np.ndarray, np.ndarray]:
        """``(price, promo)`` on the given periods (NaN / 0 where this holds none)."""
        at = pd.DatetimeIndex(self.periods).get_indexer(pd.DatetimeIndex(periods))
        ok = at >= 0
        price = np.full((self.price.shape[0], len(at)), np.nan)
        promo = np.zeros((self.price.shape[0], len(at)))
        price[:, ok] = self.price[:, at[ok]]
        promo[:, ok] = self.promo[:, at[ok]]
        return price, promo

    def rows(self, index) -> "PriceInputs":
        return PriceInputs(self.periods, self.price[index], self.promo[index])


def neutral(matrix: SeriesMatrix) -> PriceInputs:
    """No price data for any series (all features neutral)."""
    n, T = matrix.values.shape
    return PriceInputs(matrix.periods, np.full((n, T), np.nan), np.zeros((n, T)))


def price_inputs(lines: pd.DataFrame, matrix: SeriesMatrix, level: str = "sku",
                 products: pd.DataFrame | None = None) -> PriceInputs:
    """Catalogue prices and promotion weeks for the series of ``matrix`` (built by
    ``series.build_series(lines, level, ...)``) from the same order lines, through
    ``pricing.catalogue.build_count_panel``. Neutral where there are none (module doc)."""
    from ..pricing.catalogue import build_count_panel
    from .series import series_key

    if level != "sku" or matrix.freq != "week" or matrix.values.shape[0] == 0:
        return neutral(matrix)
    key = series_key(lines, level)
    group_cols = ([] if key == "sku" else ["channel"]) + (["currency"] if "currency" in lines else [])
    groups = [((), lines)] if not group_cols else lines.groupby(group_cols, dropna=True, sort=True)
    frames = []
    for name, part in groups:
        panel = build_count_panel(part, products).panel
        if panel.empty:
            continue
        sid = panel["sku"].astype(str)
        if key != "sku":
            channel = name[0] if isinstance(name, tuple) else name
            sid = str(channel) + "/" + sid
        frames.append(pd.DataFrame({"series_id": sid.to_numpy(), "group": str(name),
                                    "period": panel["period"].to_numpy(),
                                    "price": panel["list_price"].to_numpy(dtype=float),
                                    "promo": panel["promo"].to_numpy(dtype=float),
                                    "units": panel["units"].to_numpy(dtype=float)}))
    if not frames:
        return neutral(matrix)
    long = pd.concat(frames, ignore_index=True)
    long = long.loc[long["series_id"].isin(matrix.ids.astype(str))]
    # one catalogue per series: the group (channel, currency) with the most units
    units = long.groupby(["series_id", "group"], sort=False)["units"].sum().reset_index()
    best = units.sort_values(["series_id", "units", "group"], ascending=[True, False, True]) \
        .drop_duplicates("series_id")
    long = long.merge(best[["series_id", "group"]], on=["series_id", "group"])
    n, T = matrix.values.shape
    row = pd.Index(matrix.ids.astype(str)).get_indexer(long["series_id"])
    col = matrix.periods.get_indexer(pd.DatetimeIndex(long["period"]))
    ok = (row >= 0) & (col >= 0)
    price = np.full((n, T), np.nan)
    promo = np.zeros((n, T))
    price[row[ok], col[ok]] = long["price"].to_numpy()[ok]
    promo[row[ok], col[ok]] = long["promo"].to_numpy()[ok]
    return PriceInputs(matrix.periods, price, promo)


def _fill(price: np.ndarray) -> np.ndarray:
    """Carry each series' price forward over gaps (and back before its first price)."""
    frame = pd.DataFrame(price.T)
    return frame.ffill().bfill().to_numpy().T


def price_paths(price: np.ndarray, promo: np.ndarray, extra: int,
                factors: np.ndarray | None = None, promo_steps: np.ndarray | None = None) -> np.ndarray:
    """``(n, T + extra, 2)`` per period: the log catalogue price relative to the series'
    median (``log(p / median_p)``) and the promotion flag, for every column of the training
    window and ``extra`` periods after it (``features.design`` turns them into
    ``PRICE_COLUMNS`` as known at each origin).

    ``price``/``promo``: ``(n, T)`` on the training window; gaps carried forward (and back
    before the first price). After the window: the last known price times ``factors``
    (length ``extra``, default 1) and ``promo_steps`` (0/1, length ``extra``, default 0).
    The median is over the training window only. Rows without any price are 0 (neutral),
    also under a what-if's factors and promotion weeks."""
    n, T = price.shape
    factors = np.ones(extra) if factors is None else np.asarray(factors, dtype=float)
    promo_steps = np.zeros(extra) if promo_steps is None else np.asarray(promo_steps, dtype=float)
    if factors.shape != (extra,) or promo_steps.shape != (extra,):
        raise ValueError(f"factors and promo_steps need {extra} values")
    if np.any(factors <= 0):
        raise ValueError("price factors must be positive")
    known = np.isfinite(price) & (price > 0)
    has = known.any(axis=1)
    log_rel = np.zeros((n, T + extra))
    if has.any() and T:
        logp = np.log(np.where(known, price, np.nan))
        filled = _fill(logp)
        median = np.nanmedian(logp[has], axis=1)
        log_rel[has, :T] = filled[has] - median[:, None]
        log_rel[has, T:] = log_rel[has, T - 1:T] + np.log(factors)[None, :]
    flags = np.concatenate([np.nan_to_num(np.asarray(promo, dtype=float)),
                            has[:, None] * promo_steps[None, :]], axis=1)
    return np.stack([log_rel, flags], axis=2)
