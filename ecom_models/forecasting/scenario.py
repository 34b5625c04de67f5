"""The forecast what-if as one typed record (a scenario kind, docs/architecture.md §3):
its inputs, their units, bounds and defaults, and its result.

``BOUNDS`` is the one place a limit lives: the page's widgets, the URL codec and
``__post_init__`` all read it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

import pandas as pd

# field -> (lowest, highest, default)
BOUNDS = {
    "horizon_weeks": (1, 26, 8),
    "lead_time_days": (0, 180, 14),
    "review_period_days": (0, 90, 7),
    "service_level_pct": (50.0, 99.9, 95.0),
    "min_order_qty_units": (0.0, 1e6, 0.0),
    "price_change_pct": (-50.0, 100.0, 0.0),
    "promo_discount_pct": (0.0, 90.0, 0.0),
}
INTEGER_FIELDS = ("horizon_weeks", "lead_time_days", "review_period_days")


@dataclass(frozen=True)
class ForecastScenario:
    """Inputs of the forecast → stock what-if.

    ``horizon_weeks``: weeks forecast; ``lead_time_days``: days from placing an order to
    the goods being sellable; ``review_period_days``: days between two stock reviews
    (orders); ``service_level_pct``: wanted probability of not running out within a cycle
    (cycle service level, %); ``current_stock_units``: stock on hand, None = take it from
    the stock export; ``min_order_qty_units``: supplier's minimum order (0 = none);
    ``price_change_pct``: price change for the whole horizon (+10 = 10 % dearer);
    ``promo_week``: week of the horizon (1 = next week) with a promotion, None = none;
    ``promo_discount_pct``: that week's discount off the (changed) price, in %.
    """

    horizon_weeks: int = BOUNDS["horizon_weeks"][2]
    lead_time_days: int = BOUNDS["lead_time_days"][2]
    review_period_days: int = BOUNDS["review_period_days"][2]
    service_level_pct: float = BOUNDS["service_level_pct"][2]
    current_stock_units: float | None = None
    min_order_qty_units: float = BOUNDS["min_order_qty_units"][2]
    price_change_pct: float = BOUNDS["price_change_pct"][2]
    promo_week: int | None = None
    promo_discount_pct: float = BOUNDS["promo_discount_pct"][2]

    def __post_init__(self):
        for name, (low, high, _) in BOUNDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"{name} must be a number, got {value!r}")
            if name in INTEGER_FIELDS and int(value) != value:
                raise ValueError(f"{name} must be a whole number, got {value}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
        stock = self.current_stock_units
        if stock is not None and (isinstance(stock, bool) or not isinstance(stock, (int, float))
                                  or not math.isfinite(stock) or stock < 0):
            raise ValueError(f"current_stock_units must be a number of at least 0, got {stock!r}")
        if self.promo_week is not None and not (isinstance(self.promo_week, int)
                                                and 1 <= self.promo_week <= self.horizon_weeks):
            raise ValueError(f"promo_week must be a week from 1 to {self.horizon_weeks}, got {self.promo_week!r}")

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class ForecastOutcome:
    """Result of the what-if for one series (``whatif.evaluate``).

    ``weeks``: one row per forecast week: ``period``, ``baseline`` (seasonal naive),
    ``mean``, ``lo80``, ``hi80``, ``lo95``, ``hi95`` (units without the what-if) and
    ``scenario``, ``scenario_lo80``, ``scenario_hi80`` (with it); ``units_forecast`` and
    ``units_scenario``: units over the horizon; ``stock``: the stock plan (``inventory.StockPlan``)
    under the scenario; ``notes``: message codes with parameters.
    """

    series_id: str
    model: str
    weeks: pd.DataFrame
    units_forecast: float
    units_scenario: float
    stock: object
    notes: tuple = field(default=())
