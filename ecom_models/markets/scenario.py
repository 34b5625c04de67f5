"""The market what-if as one typed record (a scenario kind, docs/architecture.md §3): the
inputs of one product sold in one market through one channel, their units, bounds and
defaults, and the result (the margin waterfall).

``BOUNDS`` is the one place a limit lives: the page's widgets, the URL codec and
``__post_init__`` all read it. Money fields name their currency in the field name:
``_local`` = the market's currency, ``_base`` = the seller's base currency.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields

__all__ = ["BOUNDS", "Component", "MarketInputs", "MarketResult"]

# field -> (lowest, highest, default)
BOUNDS = {
    "list_price_gross_local": (0.01, 1e7, 29.99),
    "fx_local_per_base": (1e-6, 1e6, 1.0),
    "vat_pct": (0.0, 30.0, 19.0),
    "units_per_order": (1.0, 1000.0, 1.0),
    "shipping_cost_base_per_order": (0.0, 10_000.0, 5.0),
    "shipping_fee_gross_local_per_order": (0.0, 10_000.0, 0.0),
    "duty_pct": (0.0, 100.0, 0.0),
    "clearance_fee_base_per_order": (0.0, 1_000.0, 0.0),
    "marketplace_fee_pct": (0.0, 50.0, 0.0),
    "marketplace_fee_fixed_base_per_order": (0.0, 1_000.0, 0.0),
    "payment_fee_pct": (0.0, 20.0, 2.49),
    "payment_fee_fixed_base_per_order": (0.0, 100.0, 0.35),
    "fx_cost_pct": (0.0, 10.0, 0.0),
    "return_rate_pct": (0.0, 90.0, 8.0),
    "return_cost_base_per_return": (0.0, 1_000.0, 5.0),
    "resellable_pct": (0.0, 100.0, 80.0),
    "unit_cost_base": (0.0, 1e7, 10.0),
    "fx_move_pct": (0.0, 50.0, 10.0),
    "return_rate_spread_pts": (0.0, 50.0, 5.0),
}


@dataclass(frozen=True)
class MarketInputs:
    """One sale of a product in a market, every number an editable assumption.

    ``list_price_gross_local``: the shopper's price per unit incl. VAT (market currency);
    ``fx_local_per_base``: market-currency units per 1 unit of the base currency (ECB cross
    rate); ``vat_pct``: VAT contained in the price (0 when none is charged);
    ``units_per_order``: units in a typical order (spreads per-order costs);
    ``shipping_cost_base_per_order``: what the parcel costs the seller;
    ``shipping_fee_gross_local_per_order``: what the shopper pays for shipping, incl. VAT;
    ``duty_pct``: duty on the customs value (net goods + shipping cost), 0 below the de
    minimis; ``clearance_fee_base_per_order``: carrier's customs clearance/brokerage fee;
    ``marketplace_fee_pct``/``marketplace_fee_fixed_base_per_order``: referral/final-value
    fee on the shopper's total (incl. VAT and shipping when ``fee_on_gross``, else net);
    ``payment_fee_pct``/``payment_fee_fixed_base_per_order``: payment provider's fee on the
    amount paid; ``fx_cost_pct``: the provider's conversion margin on foreign-currency
    revenue; ``return_rate_pct``: share of units sent back; ``return_cost_base_per_return``:
    return label and handling per returned order; ``resellable_pct``: share of returned units
    sold again (their cost is not lost); ``unit_cost_base``: purchase/production cost per
    unit (net); ``fx_move_pct`` and ``return_rate_spread_pts``: the ranges for the interval.
    """

    list_price_gross_local: float = BOUNDS["list_price_gross_local"][2]
    currency_local: str = "EUR"
    currency_base: str = "EUR"
    fx_local_per_base: float = BOUNDS["fx_local_per_base"][2]
    vat_pct: float = BOUNDS["vat_pct"][2]
    units_per_order: float = BOUNDS["units_per_order"][2]
    shipping_cost_base_per_order: float = BOUNDS["shipping_cost_base_per_order"][2]
    shipping_fee_gross_local_per_order: float = BOUNDS["shipping_fee_gross_local_per_order"][2]
    duty_pct: float = BOUNDS["duty_pct"][2]
    clearance_fee_base_per_order: float = BOUNDS["clearance_fee_base_per_order"][2]
    marketplace_fee_pct: float = BOUNDS["marketplace_fee_pct"][2]
    marketplace_fee_fixed_base_per_order: float = BOUNDS["marketplace_fee_fixed_base_per_order"][2]
    fee_on_gross: bool = True
    payment_fee_pct: float = BOUNDS["payment_fee_pct"][2]
    payment_fee_fixed_base_per_order: float = BOUNDS["payment_fee_fixed_base_per_order"][2]
    fx_cost_pct: float = BOUNDS["fx_cost_pct"][2]
    return_rate_pct: float = BOUNDS["return_rate_pct"][2]
    return_cost_base_per_return: float = BOUNDS["return_cost_base_per_return"][2]
    resellable_pct: float = BOUNDS["resellable_pct"][2]
    unit_cost_base: float = BOUNDS["unit_cost_base"][2]
    fx_move_pct: float = BOUNDS["fx_move_pct"][2]
    return_rate_spread_pts: float = BOUNDS["return_rate_spread_pts"][2]

    def __post_init__(self):
        for name, (low, high, _) in BOUNDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"{name} must be a number, got {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
        for name in ("currency_local", "currency_base"):
            code = getattr(self, name)
            if not (isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()):
                raise ValueError(f"{name} must be an ISO 4217 code such as 'EUR', got {code!r}")
        if self.currency_local == self.currency_base and self.fx_local_per_base != 1.0:
            raise ValueError("the exchange rate must be 1 when the market uses the base currency")
        if not isinstance(self.fee_on_gross, bool):
            raise ValueError(f"fee_on_gross must be True or False, got {self.fee_on_gross!r}")

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.field_names()}

    @classmethod
    def from_dict(cls, data: dict) -> "MarketInputs":
        return cls(**{k: v for k, v in data.items() if k in cls.field_names()})


@dataclass(frozen=True)
class Component:
    """One step of the waterfall: its code (``vat``, ``shipping`` ...), the amount per unit in
    the market's currency and in the base currency (a deduction is negative), and whether it
    is a subtotal (``list_price``, ``contribution_margin``)."""

    code: str
    local: float
    base: float
    total: bool = False


@dataclass(frozen=True)
class MarketResult:
    """The margin of one unit (and one order) sold (``waterfall.compute``).

    ``components``: list price → VAT → FX → shipping → duties → marketplace fee → payment
    fee → returns → product cost → contribution margin, per unit;
    ``net_revenue_base``: price net of VAT in the base currency at the reference rate;
    ``contribution_margin_base`` per unit, ``_per_order`` per order, ``margin_pct`` of the
    net revenue; ``low_base``/``high_base``: the margin per unit over the FX move and the
    return-rate spread (all four corners); ``breakeven_fx_local_per_base``: the exchange rate
    at which the margin is zero (None when no rate makes it zero); ``notes``: reason codes.
    """

    inputs: MarketInputs
    components: tuple[Component, ...]
    net_revenue_base: float
    contribution_margin_base: float
    contribution_margin_per_order_base: float
    margin_pct: float
    low_base: float
    high_base: float
    breakeven_fx_local_per_base: float | None
    notes: tuple[tuple[str, dict], ...] = ()

    def to_dict(self) -> dict:
        return {
            "currency_local": self.inputs.currency_local, "currency_base": self.inputs.currency_base,
            "components": [{"name": c.code, "local": c.local, "base": c.base, "subtotal": c.total}
                           for c in self.components],
            "net_revenue_base": self.net_revenue_base,
            "contribution_margin": self.contribution_margin_base,
            "contribution_margin_per_order": self.contribution_margin_per_order_base,
            "margin_pct": self.margin_pct, "low": self.low_base, "high": self.high_base,
            "breakeven_fx_local_per_base": self.breakeven_fx_local_per_base,
            "notes": [{"code": c, "params": p} for c, p in self.notes],
        }
