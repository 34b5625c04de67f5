"""Scenario inputs of the pricing what-if and the best-price search (frozen, validated).

Both are plain values, so a scenario can be put in a share link and rebuilt exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Price endings: the fraction every candidate price ends in ("whole" = .00).
PRICE_ENDINGS = {".99": 0.99, ".95": 0.95, ".90": 0.90, "whole": 0.0}
OBJECTIVES = ("profit", "revenue")
RECOMMENDABLE_CONFIDENCE = ("high", "medium")


def _finite(name: str, value: float | None) -> None:
    is_number = isinstance(value, (int, float, np.number)) and not isinstance(value, bool)
    if value is not None and not (is_number and math.isfinite(value)):
        raise ValueError(f"{name} must be a number, got {value!r}")


def _check_margin(name: str, value: float | None) -> None:
    _finite(name, value)
    if value is not None and not 0 <= value < 100:
        raise ValueError(f"{name} must be at least 0 and below 100 (a percentage), got {value}")


@dataclass(frozen=True)
class PriceScenario:
    """A price change to simulate.

    Give exactly one of ``price_change_pct`` (e.g. 8 = raise by 8 %, -10 = cut by 10 %) or
    ``new_price`` (shop currency; only for a single SKU). ``assumed_margin_pct``: gross
    margin in % of today's price, used to derive a unit cost for SKUs without one
    (unit cost = today's price × (1 - margin/100)); None = profit unknown for those SKUs.
    """

    price_change_pct: float | None = None
    new_price: float | None = None
    assumed_margin_pct: float | None = None

    def __post_init__(self) -> None:
        if (self.price_change_pct is None) == (self.new_price is None):
            raise ValueError("give either price_change_pct or new_price, not both and not neither")
        _finite("price_change_pct", self.price_change_pct)
        _finite("new_price", self.new_price)
        if self.price_change_pct is not None and self.price_change_pct <= -100:
            raise ValueError("price_change_pct must be above -100 (a price cannot fall to zero)")
        if self.new_price is not None and self.new_price <= 0:
            raise ValueError("new_price must be above zero")
        _check_margin("assumed_margin_pct", self.assumed_margin_pct)

    def new_prices(self, current_price: np.ndarray) -> np.ndarray:
        """The scenario price for each current price (shop currency)."""
        current = np.asarray(current_price, dtype=float)
        if self.new_price is not None:
            return np.full(current.shape, float(self.new_price))
        return current * (1.0 + self.price_change_pct / 100.0)


@dataclass(frozen=True)
class PriceConstraints:
    """What the best-price search may do.

    ``objective``: ``"profit"`` (gross profit = (price - unit cost) × units) or
    ``"revenue"``. ``min_margin_pct``: lowest gross margin allowed, % of the new price
    (None = no floor). ``max_change_pct``: largest move from today's price, % (15 = within
    ±15 %). ``price_ending``: ``".99"``, ``".95"``, ``".90"``, ``"whole"`` or None (any cent).
    ``assumed_margin_pct``: as in :class:`PriceScenario`. ``min_confidence``: weakest
    estimate that may get a recommendation (``"medium"`` or ``"high"``).
    """

    objective: str = "profit"
    min_margin_pct: float | None = None
    max_change_pct: float = 15.0
    price_ending: str | None = None
    assumed_margin_pct: float | None = None
    min_confidence: str = "medium"

    def __post_init__(self) -> None:
        if self.objective not in OBJECTIVES:
            raise ValueError(f"objective must be 'profit' or 'revenue', got {self.objective!r}")
        _check_margin("min_margin_pct", self.min_margin_pct)
        _check_margin("assumed_margin_pct", self.assumed_margin_pct)
        _finite("max_change_pct", self.max_change_pct)
        if not 0 < self.max_change_pct < 100:
            raise ValueError(f"max_change_pct must be above 0 and below 100, got {self.max_change_pct}")
        if self.price_ending is not None and self.price_ending not in PRICE_ENDINGS:
            raise ValueError(f"price_ending must be one of {', '.join(PRICE_ENDINGS)} or None, "
                             f"got {self.price_ending!r}")
        if self.min_confidence not in RECOMMENDABLE_CONFIDENCE:
            raise ValueError("min_confidence must be 'medium' or 'high'")
