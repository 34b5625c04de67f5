"""From a forecast to a stock decision: safety stock, reorder point, order quantity,
stock-out date and the probability of running out before the next delivery.

Policy: periodic review, order-up-to level (an (R, S) policy; Silver, Pyke & Peterson,
*Inventory Management and Production Planning and Scheduling*, 3rd ed. 1998, §7.8):
every ``R`` days (review period) order up to ``S``; an order arrives ``L`` days later
(lead time), so each order must cover the *protection interval* ``L + R``.

* Demand over ``d`` days, ``μ_d``: the sum of the weekly forecast means over the first ``d``
  days (a week counted pro rata).
* Its standard deviation ``σ_d = √(Σ_k f_k σ_k²)`` with ``f_k`` the share of week ``k``
  inside the ``d`` days and ``σ_k`` the week's forecast-error standard deviation, read from
  its 80 % interval as ``(hi80 − lo80) / (2 · 1.2816)`` (weekly errors independent).
* Safety stock ``SS = z · σ_{L+R}``, ``z = Φ⁻¹(service level)`` (cycle service level:
  Chopra & Meindl, *Supply Chain Management*, 6th ed. 2016, §12.3, eq. 12.9 with
  ``σ_L = √L · σ_D`` generalised to varying weekly σ).
* Reorder point ``ROP = μ_L + z · σ_L`` (the same rule over the lead time only, for
  continuous review).
* Order-up-to level ``S = μ_{L+R} + SS``; suggested order ``max(0, S − stock)``, raised to
  the minimum order quantity when positive, in whole units.
* Expected stock-out date: the first day on which the cumulative expected demand exceeds
  the stock (None when not within the forecast).
* Probability of a stock-out before the next delivery (an order placed today arrives after
  ``L`` days): ``P(D_L > stock) = 1 − Φ((stock − μ_L) / σ_L)`` (normal demand).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from scipy.stats import norm

Z80 = float(norm.ppf(0.9))        # 1.2816: half-width of an 80 % interval in σ


@dataclass(frozen=True)
class StockPlan:
    """Units unless stated. ``stock_units`` None: stock unknown (no export, not typed in);
    then order, stock-out date and probability are None too."""

    stock_units: float | None
    lead_time_demand_units: float
    protection_demand_units: float
    safety_stock_units: float
    reorder_point_units: float
    order_up_to_units: float
    order_units: float | None
    stockout_date: date | None
    stockout_prob_pct: float | None
    below_reorder_point: bool | None


def _week_shares(days: float, n_weeks: int) -> np.ndarray:
    """Share of each forecast week inside the first ``days`` days (0..1)."""
    weeks = days / 7.0
    return np.clip(weeks - np.arange(n_weeks), 0.0, 1.0)


def demand_over(days: float, mean: np.ndarray, sigma: np.ndarray) -> tuple[float, float]:
    """``(μ_d, σ_d)`` of demand over the first ``days`` days (module doc). Beyond the
    forecast the last week is repeated."""
    n = int(math.ceil(days / 7.0)) if days > 0 else 0
    if n > len(mean):
        mean = np.r_[mean, np.repeat(mean[-1:], n - len(mean))]
        sigma = np.r_[sigma, np.repeat(sigma[-1:], n - len(sigma))]
    share = _week_shares(days, len(mean))
    return float((share * mean).sum()), float(math.sqrt((share * sigma ** 2).sum()))


def sigma_from_interval(lo80: np.ndarray, hi80: np.ndarray) -> np.ndarray:
    return (np.asarray(hi80, float) - np.asarray(lo80, float)) / (2 * Z80)


def plan_stock(mean: np.ndarray, sigma: np.ndarray, first_day: date, stock_units: float | None, *,
               lead_time_days: float, review_period_days: float, service_level_pct: float,
               min_order_qty_units: float = 0.0) -> StockPlan:
    """The stock plan for one product from its weekly forecast ``mean`` and error ``sigma``
    (units per week, week 1 starting on ``first_day``)."""
    z = float(norm.ppf(service_level_pct / 100.0))
    mu_l, sd_l = demand_over(lead_time_days, mean, sigma)
    mu_p, sd_p = demand_over(lead_time_days + review_period_days, mean, sigma)
    safety = z * sd_p
    rop = mu_l + z * sd_l
    up_to = mu_p + safety
    if stock_units is None:
        return StockPlan(None, mu_l, mu_p, safety, rop, up_to, None, None, None, None)
    order = max(0.0, up_to - stock_units)
    if 0 < order < min_order_qty_units:
        order = float(min_order_qty_units)
    order = float(math.ceil(order - 1e-9))
    daily = np.repeat(np.asarray(mean, float) / 7.0, 7)
    over = np.flatnonzero(np.cumsum(daily) > stock_units + 1e-9)
    out_date = first_day + timedelta(days=int(over[0])) if over.size else None
    if sd_l > 0:
        prob = float(norm.sf((stock_units - mu_l) / sd_l))
    else:
        prob = float(mu_l > stock_units)
    return StockPlan(float(stock_units), mu_l, mu_p, safety, rop, up_to, order, out_date,
                     100.0 * prob, stock_units < rop)


def stock_lookup(products: pd.DataFrame, ids) -> pd.Series:
    """Stock on hand per series id from the product table (``channel``, ``sku``, ``stock``;
    e.g. Shopware's ``export_articles_instock.csv``); NaN where unknown. An id is a SKU, or
    ``channel/SKU`` when the store holds several channels."""
    if products is None or products.empty or "stock" not in products:
        return pd.Series(np.nan, index=pd.Index(ids, dtype=object))
    known = products.dropna(subset=["stock"])
    by_sku = pd.Series(known["stock"].astype(float).to_numpy(), index=known["sku"].astype(str))
    by_pair = pd.Series(known["stock"].astype(float).to_numpy(),
                        index=known["channel"].astype(str) + "/" + known["sku"].astype(str))
    by_sku = by_sku[~by_sku.index.duplicated(keep=False)]       # ambiguous across channels
    out = [by_pair.get(i, by_sku.get(i, np.nan)) for i in ids]
    return pd.Series(out, index=pd.Index(ids, dtype=object), dtype=float)


def stock_plan(run, products: pd.DataFrame | None, scenario) -> pd.DataFrame:
    """Stock plan for every series of a ``pipeline.ForecastRun`` (one row each):
    ``series_id``, ``model``, ``stock_units`` and the ``StockPlan`` fields. Stock from
    ``products`` (or ``scenario.current_stock_units`` when given)."""
    stocks = stock_lookup(products, run.chosen.index)
    rows = []
    for sid, part in run.forecast.groupby("series_id", sort=False):
        stock = scenario.current_stock_units if scenario.current_stock_units is not None else stocks.get(sid)
        stock = None if stock is None or pd.isna(stock) else float(stock)
        plan = plan_stock(part["mean"].to_numpy(), sigma_from_interval(part["lo80"], part["hi80"]),
                          part["period"].iloc[0].date(), stock,
                          lead_time_days=scenario.lead_time_days,
                          review_period_days=scenario.review_period_days,
                          service_level_pct=scenario.service_level_pct,
                          min_order_qty_units=scenario.min_order_qty_units)
        rows.append({"series_id": sid, "model": run.chosen.get(sid), **plan.__dict__})
    return pd.DataFrame(rows)
