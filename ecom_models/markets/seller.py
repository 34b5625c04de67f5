"""The seller's home country and base currency: a setting in the store (``markets.seller``,
JSON ``{"country": "DE", "currency": "EUR", "oss_registered": false}``), defaulting to what
the shop's own lines say: the currency with the most product lines and, in it, the country
with the most lines (the UK demo gives GB/GBP, a German Shopware shop DE/EUR). Reading and
writing the setting is left to the caller (``store.settings.get_json``/``set_json``)."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .build import Seller

__all__ = ["SELLER_KEY", "default_seller", "seller_from_setting", "store_seller"]

SELLER_KEY = "markets.seller"
FALLBACK = Seller("DE", "EUR")


def default_seller(lines: pd.DataFrame) -> Seller:
    """The seller the lines suggest (``FALLBACK`` DE/EUR when they say nothing)."""
    frame = lines.loc[lines["is_product"].to_numpy()] if "is_product" in lines else lines
    currencies = frame["currency"].astype(object).dropna()
    if currencies.empty:
        return FALLBACK
    currency = str(currencies.value_counts().index[0])
    countries = frame.loc[(frame["currency"].astype(object) == currency).to_numpy(), "country"].astype(object).dropna()
    countries = countries[countries.str.len() == 2]
    country = str(countries.value_counts().index[0]) if len(countries) else FALLBACK.country
    return Seller(country, currency)


def seller_from_setting(value: Any, fallback: Seller) -> Seller:
    """The stored setting as a ``Seller``; ``fallback`` when it is absent or invalid."""
    if not isinstance(value, dict):
        return fallback
    try:
        return Seller(str(value.get("country", "")), str(value.get("currency", "")),
                      bool(value.get("oss_registered", False)))
    except ValueError:
        return fallback


def store_seller(stored: Any, lines: pd.DataFrame, fx) -> Seller:
    """The seller a store's figures are computed for: the saved setting when there is one;
    else the seller the lines suggest, over the EUR 10,000 OSS threshold when its own
    cross-border B2C history crossed it (``entry.oss_status``). The page and the command line
    both use this, so they apply the same VAT rule."""
    from dataclasses import replace

    from .entry import oss_status
    from .history import cross_border_sales

    saved = seller_from_setting(stored, None)
    if saved is not None:
        return saved
    seller = default_seller(lines)
    convert = lambda amount, cur: fx.convert(amount, cur, "EUR") if fx.has(str(cur)) else 0.0  # noqa: E731
    crossed = any(x.crossed_on for x in oss_status(cross_border_sales(lines, convert), seller.country))
    return replace(seller, oss_registered=crossed)
