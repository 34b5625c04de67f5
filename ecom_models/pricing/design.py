"""Regression design of the demand model: which rows, which columns.

The demand model per SKU ``i`` and period ``t`` (constant elasticity, log-log)::

    log units_it = a_i + e_i · log price_it + c_i · years_t + s(t) + error_it

* ``e_i`` is the price elasticity (``%`` change in units per ``%`` change in price).
* ``c_i · years_t``: each SKU's own linear trend (launch ramp-up, fading interest).
* ``s(t)``: the shop's seasonal curve, **shared by all SKUs**: annual Fourier terms
  ``sin/cos(2π k · day / 365.25)``, ``k = 1..K`` (K = 1 by default; Hyndman &
  Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §7.4), plus
  day-of-week effects for daily data. Shared, because a single SKU rarely has more than
  one or two seasons of history: a per-SKU seasonal curve would eat the few degrees of
  freedom and compete with price for the same wiggles, while the shop-wide curve (e.g.
  the Christmas peak of a gift shop) is estimated precisely from thousands of SKUs.
  Fourier terms rather than 11 month dummies: fewer parameters, no jumps at month ends,
  same form for weekly and daily data.

Only periods with positive net units and an observed price enter the regression (the
log of zero is undefined and a period without sales has no realised price).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..timeseries.periods import DAYS_PER_YEAR, MONDAY_SHIFT_DAYS, grain, period_length_days, periods_per_year

PERIOD_DAYS = {f: period_length_days(f) for f in ("W", "D")}       # the shared period rule
PERIODS_PER_YEAR = {f: periods_per_year(f) for f in ("W", "D")}
PERIOD_UNIT = {f: grain(f) for f in ("W", "D")}


@dataclass(frozen=True)
class PanelRows:
    """The panel split into per-SKU segments (rows sorted by SKU, then period).

    ``skus``: SKUs in the panel, sorted; ``code`` (n,): SKU number of each panel row;
    ``units``, ``price``, ``revenue`` (n,): the panel columns in this order (revenue is
    ``units * price`` when the panel has none); ``used`` (n,): row enters the regression;
    ``log_units``, ``log_price`` (n,) (NaN when not used); ``years`` (n,): time in years
    since 1970; ``day`` (n,): first day of the period (days since 1970-01-01);
    ``category`` (per SKU, NaN when unknown).
    """

    skus: pd.Index
    category: np.ndarray
    code: np.ndarray
    day: np.ndarray
    units: np.ndarray
    price: np.ndarray
    revenue: np.ndarray
    used: np.ndarray
    log_units: np.ndarray
    log_price: np.ndarray
    years: np.ndarray


def infer_freq(panel: pd.DataFrame, freq: str | None) -> str:
    """The panel's period ('W' or 'D'): ``attrs['freq']``, else ``freq``, else the spacing."""
    found = panel.attrs.get("freq", freq)
    if found is None:
        days = np.unique(panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64))
        found = "D" if days.size > 1 and np.diff(days).min() == 1 else "W"
    if found not in PERIOD_DAYS:
        raise ValueError(f"freq must be 'W' or 'D', got {found!r}")
    return found


def panel_rows(panel: pd.DataFrame) -> PanelRows:
    """Sort the panel by SKU and period if needed and extract the regression columns."""
    missing = [c for c in ("sku", "period", "units", "price") if c not in panel.columns]
    if missing:
        raise ValueError(f"the price panel is missing the column(s) {', '.join(missing)}; "
                         "build it with build_price_panel")
    code, skus = panel["sku"].factorize(sort=True)
    day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
    order = None
    if code.size and (np.any(np.diff(code) < 0) or np.any((np.diff(code) == 0) & (np.diff(day) <= 0))):
        order = np.lexsort((day, code))
        code, day = code[order], day[order]
    units = panel["units"].to_numpy(dtype=float)
    price = panel["price"].to_numpy(dtype=float)
    revenue = (panel["revenue"].to_numpy(dtype=float) if "revenue" in panel.columns
               else np.where(np.isfinite(price), units * price, 0.0))
    if order is not None:
        units, price, revenue = units[order], price[order], revenue[order]
    used = (units > 0) & (price > 0) & np.isfinite(price)
    with np.errstate(invalid="ignore", divide="ignore"):
        log_units = np.where(used, np.log(np.where(used, units, 1.0)), np.nan)
        log_price = np.where(used, np.log(np.where(used, price, 1.0)), np.nan)
    category = np.full(len(skus), np.nan, dtype=object)
    if "category" in panel.columns and len(skus):
        cats = panel["category"].to_numpy(dtype=object)
        first = np.r_[0, np.flatnonzero(np.diff(code)) + 1]
        category = (cats[order] if order is not None else cats)[first]
    return PanelRows(skus=pd.Index(skus, dtype="str"), category=category, code=code, day=day,
                     units=units, price=price, revenue=revenue, used=used, log_units=log_units,
                     log_price=log_price, years=day / DAYS_PER_YEAR)


def seasonal_terms(day: np.ndarray, freq: str, fourier_order: int) -> np.ndarray:
    """Shared seasonal regressors for periods starting on ``day`` (days since 1970-01-01).

    Columns: ``sin(2πk·d/365.25), cos(2πk·d/365.25)`` for ``k = 1..fourier_order`` at the
    middle day ``d`` of the period, then (daily data only) six Tuesday..Sunday indicators.
    """
    step = PERIOD_DAYS[freq]
    if day.size and not np.any((day - day.min()) % step):
        # Periods on a regular grid: compute once per calendar period, then index.
        at = (day - day.min()) // step
        days = day.min() + step * np.arange(at.max() + 1)
    else:
        at, days = np.arange(day.size), day
    mid = days + step / 2.0
    cols = []
    for k in range(1, fourier_order + 1):
        angle = 2.0 * np.pi * k * mid / DAYS_PER_YEAR
        cols += [np.sin(angle), np.cos(angle)]
    if freq == "D":
        weekday = (days + MONDAY_SHIFT_DAYS) % 7  # 0 = Monday
        cols += [(weekday == w).astype(float) for w in range(1, 7)]
    return np.column_stack(cols)[at] if cols else np.zeros((day.size, 0))


def price_variation(code: np.ndarray, log_price: np.ndarray, n_sku: int,
                    tol_pct: float) -> tuple[np.ndarray, np.ndarray]:
    """Distinct price levels and price changes per SKU over the given rows.

    Rows must be sorted by SKU then period. Two prices are *different levels* when they
    differ by more than ``tol_pct`` % (sorted prices are split at gaps above the
    tolerance); a *price change* is a move of more than ``tol_pct`` % from one period with
    sales to the next. Returns two int arrays of length ``n_sku`` (0 for SKUs without rows).
    """
    gap = np.log1p(tol_pct / 100.0)
    levels = np.zeros(n_sku, dtype=np.int64)
    changes = np.zeros(n_sku, dtype=np.int64)
    if code.size == 0:
        return levels, changes
    same = code[1:] == code[:-1]
    np.add.at(changes, code[1:][same & (np.abs(np.diff(log_price)) > gap)], 1)
    # One float sort instead of a lexsort: SKU number plus the price scaled into [0, 0.5).
    span = max(float(np.ptp(log_price)), 1e-12)
    order = np.argsort(code + 0.5 * (log_price - log_price.min()) / span)
    c_sorted, x_sorted = code[order], log_price[order]
    new_level = np.r_[True, (c_sorted[1:] != c_sorted[:-1]) | (np.diff(x_sorted) > gap)]
    levels += np.bincount(c_sorted[new_level], minlength=n_sku)
    return levels, changes
