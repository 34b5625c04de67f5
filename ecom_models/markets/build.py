"""Assemble the what-if inputs of one product × market × channel from the reference tables,
the exchange rates and the seller: the defaults the page and the CLI start from.

Defaults and where they come from: VAT, duty and clearance fee from ``rules.tax_rule``;
shipping = the middle of the market's parcel band (EUR, converted); return rate and payment
fee from the market row (assumptions); marketplace and payment fees of the channel from
``data/channel_fees.csv`` (a marketplace's own payment processing replaces the shop's);
FX conversion cost 1.5 % when the market's currency is not the base currency (assumption:
a payment provider's typical conversion margin).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .fx import FxTable
from .reference import channel_fees as load_channel_fees
from .rules import TaxRule, tax_rule
from .scenario import BOUNDS, MarketInputs

__all__ = ["FX_COST_PCT", "Seller", "default_inputs", "local_price_from_home"]

FX_COST_PCT = 1.5


@dataclass(frozen=True)
class Seller:
    """The shop's home: ISO country code and base currency (``EUR``, ``GBP`` ...)."""

    country: str
    currency: str
    oss_registered: bool = False

    def __post_init__(self):
        if not (isinstance(self.country, str) and len(self.country) == 2 and self.country.isupper()):
            raise ValueError(f"the seller's country must be an ISO code such as 'DE', got {self.country!r}")
        if not (isinstance(self.currency, str) and len(self.currency) == 3 and self.currency.isupper()):
            raise ValueError(f"the base currency must be an ISO code such as 'EUR', got {self.currency!r}")


def local_price_from_home(price_home_gross: float, home_vat_pct: float, market_vat_pct: float,
                          fx_local_per_base: float, ending: str) -> float:
    """A starting local price: the home price's net value, with the market's VAT, converted and
    rounded up to the market's price ending."""
    from .endings import round_to_ending

    net = price_home_gross / (1 + home_vat_pct / 100)
    return round_to_ending(max(0.01, net * (1 + market_vat_pct / 100) * fx_local_per_base), ending)


def default_inputs(seller: Seller, markets: pd.DataFrame, market: str, fx: FxTable, *,
                   price_gross_local: float, unit_cost_base: float, channel_kind: str = "own",
                   units_per_order: float = 1.0, fees: pd.DataFrame | None = None) -> tuple[MarketInputs, TaxRule]:
    """The inputs for ``market`` (its row in ``markets``) and the tax rule they used."""
    row = markets.loc[market]
    local = str(row["currency"])
    x = fx.local_per_base(local, seller.currency)
    eur = fx.local_per_base(seller.currency, "EUR")            # base units per EUR
    net_local = price_gross_local / (1 + float(row["vat_standard_pct"]) / 100)
    rule = tax_rule(seller.country, markets, market, net_local * units_per_order, fx,
                    oss_registered=seller.oss_registered, item_net_local=net_local)
    fees = load_channel_fees() if fees is None else fees
    ch = fees.loc[channel_kind if channel_kind in fees.index else "own"]
    if ch["payment_included"]:
        pay_pct, pay_fixed = 0.0, 0.0
    elif channel_kind == "own":
        pay_pct, pay_fixed = float(row["payment_fee_pct"]), float(row["payment_fee_fixed_eur"]) * eur
    else:
        pay_pct, pay_fixed = float(ch["payment_fee_pct"]), float(ch["payment_fee_fixed_eur"]) * eur
    shipping = (float(row["ship_eur_low"]) + float(row["ship_eur_high"])) / 2 * eur
    if market == seller.country and seller.country == "GB":
        shipping = 4.0 * eur   # a domestic parcel, not the cross-border band from Germany
    clip = lambda name, value: min(max(value, BOUNDS[name][0]), BOUNDS[name][1])
    inputs = MarketInputs(
        list_price_gross_local=clip("list_price_gross_local", price_gross_local),
        currency_local=local, currency_base=seller.currency,
        fx_local_per_base=1.0 if local == seller.currency else x,
        vat_pct=rule.vat_pct, units_per_order=units_per_order,
        shipping_cost_base_per_order=round(shipping, 2),
        duty_pct=rule.duty_pct, clearance_fee_base_per_order=round(rule.clearance_fee_eur * eur, 2),
        marketplace_fee_pct=float(ch["fee_pct"]),
        marketplace_fee_fixed_base_per_order=round(float(ch["fee_fixed_eur_per_order"]) * eur, 2),
        fee_on_gross=bool(ch["fee_on_gross"]),
        payment_fee_pct=pay_pct, payment_fee_fixed_base_per_order=round(pay_fixed, 2),
        fx_cost_pct=0.0 if local == seller.currency else FX_COST_PCT,
        return_rate_pct=float(row["return_rate_pct"]),
        return_cost_base_per_return=round(shipping * 0.6, 2),
        unit_cost_base=clip("unit_cost_base", unit_cost_base))
    return inputs, rule
