"""The forecast what-if: a price change and/or a promotion week shift the forecast through
the price elasticity, and the stock plan follows.

Units under a price change follow the constant-elasticity demand curve of the pricing
model: ``units' = units · (p'/p)^e`` (``ecom_models.pricing``, log-log design), with
``p'/p = (1 + price_change_pct/100)`` every week and additionally ``(1 − promo_discount_pct/100)``
in the promotion week. The elasticity's interval ``[e_low, e_high]`` widens the
scenario's band: its bounds are the forecast's 80 % bounds times the smallest and largest
of the three multipliers.

The price moves the forecast through the elasticity only. The global model's price
features (``price_features``) shape the baseline forecast itself (the last known catalogue
price carried forward), but the what-if does not re-predict it with the changed price
(``GlobalBoosting.predict_with_prices`` could): the page's forecast run is cached without
its fitted models, and one price effect applied twice would overstate the change.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .inventory import plan_stock, sigma_from_interval
from .scenario import ForecastOutcome, ForecastScenario


@dataclass(frozen=True)
class Elasticity:
    """Price elasticity with its interval; ``source``: ``own`` (estimated for the product)
    or ``shop_median`` (the median of the shop's estimable products, a fallback)."""

    value: float
    low: float
    high: float
    source: str = "own"


def elasticity_from_table(table, sku: str) -> Elasticity | None:
    """The pricing model's elasticity of ``sku`` from the estimates of its currency
    (``ecom_models.pricing`` columns sku, elasticity, ci_low, ci_high); the shop's median of
    estimable products when its own is missing; None when there is none."""
    if table is None or table.empty:
        return None
    known = table.dropna(subset=["elasticity", "ci_low", "ci_high"])
    own = known.loc[known["sku"].astype(str) == sku]
    if len(own):
        row = own.iloc[0]
        return Elasticity(float(row["elasticity"]), float(row["ci_low"]), float(row["ci_high"]), "own")
    if known.empty:
        return None
    return Elasticity(float(known["elasticity"].median()), float(known["ci_low"].median()),
                      float(known["ci_high"].median()), "shop_median")


def price_factors(scenario: ForecastScenario, n_weeks: int) -> np.ndarray:
    """``p'/p`` per forecast week."""
    factor = np.full(n_weeks, 1 + scenario.price_change_pct / 100.0)
    if scenario.promo_week is not None and scenario.promo_week <= n_weeks:
        factor[scenario.promo_week - 1] *= 1 - scenario.promo_discount_pct / 100.0
    return factor


def evaluate(run, series_id: str, scenario: ForecastScenario, elasticity: Elasticity | None,
             stock_units: float | None) -> ForecastOutcome:
    """Baseline forecast vs scenario for one series of a ``pipeline.ForecastRun`` (whose
    horizon must cover ``scenario.horizon_weeks``), with the stock plan under the scenario.
    ``stock_units``: stock on hand (None = unknown); ``scenario.current_stock_units`` wins."""
    weeks = run.forecast.loc[run.forecast["series_id"] == series_id].head(scenario.horizon_weeks)
    if weeks.empty:
        raise KeyError(f"no forecast for series {series_id!r}")
    weeks = weeks.drop(columns="series_id").reset_index(drop=True)
    n = len(weeks)
    factors = price_factors(scenario, n)
    notes = []
    changes_price = bool(np.any(factors != 1.0))
    if changes_price and elasticity is None:
        notes.append(("forecast.no_elasticity", {}))
        mult = np.ones((3, n))
    else:
        e = elasticity or Elasticity(0.0, 0.0, 0.0)
        mult = np.stack([factors ** e.value, factors ** e.low, factors ** e.high])
        if changes_price and e.source != "own":
            notes.append(("forecast.elasticity_borrowed", {"e": e.value}))
    weeks["scenario"] = weeks["mean"] * mult[0]
    weeks["scenario_lo80"] = weeks["lo80"] * mult.min(axis=0)
    weeks["scenario_hi80"] = weeks["hi80"] * mult.max(axis=0)
    stock = scenario.current_stock_units if scenario.current_stock_units is not None else stock_units
    plan = plan_stock(weeks["scenario"].to_numpy(),
                      sigma_from_interval(weeks["scenario_lo80"], weeks["scenario_hi80"]),
                      weeks["period"].iloc[0].date(), stock,
                      lead_time_days=scenario.lead_time_days,
                      review_period_days=scenario.review_period_days,
                      service_level_pct=scenario.service_level_pct,
                      min_order_qty_units=scenario.min_order_qty_units)
    if stock is None:
        notes.append(("forecast.stock_unknown", {}))
    return ForecastOutcome(series_id=series_id, model=str(run.chosen.get(series_id)), weeks=weeks,
                           units_forecast=float(weeks["mean"].sum()),
                           units_scenario=float(weeks["scenario"].sum()), stock=plan, notes=tuple(notes))
