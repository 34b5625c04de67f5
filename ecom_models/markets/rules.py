"""Which VAT, duty and clearance costs apply to a sale from the seller's country into a market.

Rules for B2C parcels (sources in ``data/markets.csv`` per market):

- **Same country**: domestic VAT, no customs.
- **Both in the EU customs union** (``customs_area`` EU): no customs. VAT of the seller's home
  country while the seller's cross-border B2C sales stay within the EU-wide EUR 10,000 a year
  (Art. 59c VAT Directive), the destination's VAT via OSS once they exceed it.
- **Import into another customs area**, by the market's ``import_scheme``:
  ``IOSS`` (EU): import VAT from the first euro, collected at sale for consignments up to
  EUR 150, no duty up to EUR 150; above, VAT and duty at the border.
  ``UK135``: UK VAT charged by the seller up to GBP 135, no duty; above, VAT and duty.
  ``VOEC`` (Norway): Norwegian VAT at sale for items under NOK 3,000, no duty; above, both.
  ``CH_MAILORDER``: Swiss import VAT, not levied when the tax is at most CHF 5; duty default 0 %
  (industrial tariffs abolished 2024); carrier clearance fee.
  ``NONE`` (US): no VAT; duty on every parcel (de minimis suspended 2025-08-29); brokerage fee.

The seller is assumed to deliver duty paid (DDP): the customer's price includes every tax, and
the seller carries duties and clearance fees. Limits are compared in the limit's own currency.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .fx import FxTable

__all__ = ["OSS_THRESHOLD_EUR", "TaxRule", "tax_rule"]

OSS_THRESHOLD_EUR = 10_000.0   # EU-wide threshold for cross-border B2C distance sales, per calendar year


@dataclass(frozen=True)
class TaxRule:
    """What applies to one order: VAT in the price (%), duty on the customs value (%), the
    carrier's clearance fee (EUR per parcel), and a reason code for the page (``regime``)."""

    vat_pct: float
    duty_pct: float
    clearance_fee_eur: float
    regime: str
    params: dict


def tax_rule(seller_country: str, markets: pd.DataFrame, market: str, goods_net_local: float,
             fx: FxTable, *, oss_registered: bool, item_net_local: float | None = None) -> TaxRule:
    """The rule for an order of ``goods_net_local`` (net of VAT, market currency, without
    shipping) sent from ``seller_country`` to ``market``.

    ``oss_registered``: the seller is over the EUR 10,000 threshold (or registered for OSS), so
    EU destination VAT applies. ``item_net_local``: the dearest item's value (Norway's VOEC
    limit is per item; defaults to the order value).
    """
    row = markets.loc[market]
    local = row["currency"]
    if market == seller_country:
        return TaxRule(float(row["vat_standard_pct"]), 0.0, 0.0, "domestic", {})
    home_area = markets.loc[seller_country, "customs_area"] if seller_country in markets.index else seller_country
    if row["customs_area"] == "EU" and home_area == "EU":
        if oss_registered:
            return TaxRule(float(row["vat_standard_pct"]), 0.0, 0.0, "eu_oss", {"threshold": OSS_THRESHOLD_EUR})
        home_vat = float(markets.loc[seller_country, "vat_standard_pct"])
        return TaxRule(home_vat, 0.0, 0.0, "eu_home_vat", {"threshold": OSS_THRESHOLD_EUR, "home": seller_country})

    def in_local(amount: float, currency: str) -> float:
        return fx.convert(amount, currency, local) if currency != local else amount

    vat = float(row["vat_standard_pct"])
    duty = float(row["duty_default_pct"])
    fee = float(row["clearance_fee_eur"])
    scheme = row["import_scheme"]
    value = item_net_local if (scheme == "VOEC" and item_net_local is not None) else goods_net_local
    limit = row["scheme_limit"]
    if scheme in ("IOSS", "UK135", "VOEC"):
        limit_local = in_local(float(limit), row["scheme_limit_currency"])
        if value <= limit_local:
            return TaxRule(vat, 0.0, 0.0, f"import_{scheme.lower()}", {"limit": float(limit),
                                                                          "currency": row["scheme_limit_currency"]})
        return TaxRule(vat, duty, fee, "import_border", {"limit": float(limit), "currency": row["scheme_limit_currency"]})
    if scheme == "CH_MAILORDER":
        minimum = float(row["import_vat_min_tax"])
        if goods_net_local * vat / 100 <= minimum:
            return TaxRule(0.0, duty, fee, "import_ch_below_minimum", {"minimum": minimum, "currency": local})
        return TaxRule(vat, duty, fee, "import_ch", {"minimum": minimum, "currency": local})
    return TaxRule(vat, duty, fee, "import_no_de_minimis", {})
