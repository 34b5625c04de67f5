"""The bundle what-if as one typed record: its inputs (``BundleScenario``) and its results
(``BundleResult``), frozen and validated (docs/architecture.md §3). Bounds and defaults live
here (``BOUNDS``, ``DEFAULTS``), so the page's widgets, the URL codec (``ui/state.py``) and
the model read one place; the saved-scenarios feature can store the record as it is.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

# field -> (lowest, highest) allowed
BOUNDS = {
    "discount_pct": (0.0, 50.0),
    "bundle_price": (0.01, 1e7),
    "assumed_elasticity": (-5.0, -0.1),
    "assumed_margin_pct": (0.0, 95.0),
    "interval_pct": (50.0, 95.0),
}
MIN_ITEMS, MAX_ITEMS = 2, 3


@dataclass(frozen=True)
class BundleScenario:
    """A bundle of 2–3 products of one channel, offered at a price.

    ``channel``: the shop the products belong to; ``skus``: 2–3 distinct SKUs. Price: give
    ``discount_pct`` (% off the sum of today's prices) or ``bundle_price`` (shop currency;
    it wins when given). ``assumed_elasticity``: the price response used for products the
    pricing model cannot estimate (−1.5: 10 % cheaper sells about 15 % more); a labelled
    assumption. ``assumed_margin_pct``: gross margin in % of today's price for products
    without a unit cost. ``interval_pct``: width of the interval shown (80 = 10th to 90th
    percentile). ``draws``: simulation draws for the interval (fixed seed: same inputs,
    same numbers).
    """

    channel: str
    skus: tuple[str, ...]
    discount_pct: float = 10.0
    bundle_price: float | None = None
    assumed_elasticity: float = -1.5
    assumed_margin_pct: float = 40.0
    interval_pct: float = 80.0
    draws: int = field(default=4000, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "skus", tuple(str(s) for s in self.skus))
        if not MIN_ITEMS <= len(self.skus) <= MAX_ITEMS:
            raise ValueError(f"a bundle has {MIN_ITEMS} to {MAX_ITEMS} products, got {len(self.skus)}")
        if len(set(self.skus)) != len(self.skus):
            raise ValueError("a bundle's products must be distinct")
        if not isinstance(self.channel, str) or not self.channel:
            raise ValueError("channel must be the name of a shop")
        for name, (low, high) in BOUNDS.items():
            value = getattr(self, name)
            if value is None and name == "bundle_price":
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"{name} must be a number, got {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
        if not 100 <= self.draws <= 100_000:
            raise ValueError("draws must be between 100 and 100,000")


DEFAULTS = {f.name: f.default for f in fields(BundleScenario) if f.name in BOUNDS}


@dataclass(frozen=True)
class Range:
    """A simulated quantity: ``mid`` (median) and the interval ``low``–``high``."""

    mid: float
    low: float
    high: float


@dataclass(frozen=True)
class ItemFacts:
    """One product of the bundle: its price today and unit cost (shop currency; cost
    ``cost_source`` ``"products_table"`` or ``"assumed_margin"``), its orders per week, and
    its price response (``elasticity_source`` ``"pricing"`` or ``"assumption"``)."""

    sku: str
    name: str
    price: float
    unit_cost: float
    cost_source: str
    orders_per_week: float
    elasticity: float
    elasticity_sd: float
    elasticity_source: str


@dataclass(frozen=True)
class BundleResult:
    """What offering the bundle does per week, against not offering it.

    ``list_price``: sum of today's prices; ``bundle_price``; ``together_per_week``: orders
    that already hold all the products (they take the bundle: their discount is revenue
    lost); ``bundles``: bundles sold per week; ``new_bundles``: of those, orders that held
    only some of the products and complete the bundle; ``cannibalised_units``: single units
    sold per week that the bundle replaces (now sold at the bundle price);
    ``discount_given``: revenue given away on sales that happen anyway; ``revenue`` and
    ``gross_profit``: incremental, per week. ``prob_profit_up``: share of simulations in
    which the gross profit rises. ``notes``: message codes ``(code, params)`` naming the
    assumptions. ``weeks``: the period the rates come from.
    """

    currency: str
    list_price: float
    bundle_price: float
    discount_pct: float
    weeks: float
    together_per_week: float
    bundles: Range
    new_bundles: Range
    cannibalised_units: Range
    discount_given: Range
    revenue: Range
    gross_profit: Range
    prob_profit_up: float
    interval_pct: float
    items: tuple[ItemFacts, ...]
    notes: tuple[tuple[str, dict], ...]
