"""What the shop's own order lines say per market and per channel: units, orders, revenue,
return rate and units per month, the inputs the market and channel views start from.

Lines come from ``store.queries.order_lines`` (product lines only; returns are lines with
``is_return``). Amounts: ``unit_price`` is net of VAT where ``price_basis`` is ``net``,
else as exported (often gross); ``gross_price`` adds the home VAT to net lines so both kinds
compare with a shelf price.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SUMMARY_COLUMNS", "by_channel", "by_country", "cross_border_sales"]

SUMMARY_COLUMNS = ["key", "currency", "orders", "units", "returned_units", "return_rate_pct",
                   "revenue", "avg_gross_price", "units_per_order", "months", "units_per_month"]


def _products(lines: pd.DataFrame, sku: str | None) -> pd.DataFrame:
    frame = lines.loc[lines["is_product"].to_numpy()]
    if sku:
        frame = frame.loc[(frame["sku"].astype(str) == sku).to_numpy()]
    return frame


def _summary(frame: pd.DataFrame, key: str, home_vat_pct: float) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("key", "currency") else float)
                             for c in SUMMARY_COLUMNS})
    qty = frame["quantity"].to_numpy(dtype=float)
    is_return = frame["is_return"].to_numpy(dtype=bool) | (qty < 0)
    net_basis = frame["price_basis"].astype(object).eq("net").to_numpy() if "price_basis" in frame else np.zeros(len(frame), bool)
    price = frame["unit_price"].to_numpy(dtype=float)
    gross = np.where(net_basis, price * (1 + home_vat_pct / 100), price)
    work = pd.DataFrame({
        "key": frame[key].astype(object).fillna("").to_numpy(),
        "currency": frame["currency"].astype(object).to_numpy(),
        "order_id": frame["order_id"].astype(str).to_numpy(),
        "sold": np.where(is_return, 0.0, qty), "returned": np.where(is_return, np.abs(qty), 0.0),
        "revenue": qty * price, "gross_amount": np.where(is_return, 0.0, qty * gross),
        "month": frame["ordered_at"].dt.to_period("M").astype(str).to_numpy()})
    work = work.loc[work["key"] != ""]
    grouped = work.groupby(["key", "currency"], sort=False)
    out = grouped.agg(orders=("order_id", "nunique"), units=("sold", "sum"),
                      returned_units=("returned", "sum"), revenue=("revenue", "sum"),
                      gross_amount=("gross_amount", "sum"), months=("month", "nunique")).reset_index()
    span = max(1, work["month"].nunique())
    out["return_rate_pct"] = np.where(out["units"] > 0, out["returned_units"] / out["units"].where(out["units"] > 0, 1) * 100, 0.0)
    out["avg_gross_price"] = out["gross_amount"] / out["units"].where(out["units"] > 0)
    out["units_per_order"] = out["units"] / out["orders"].where(out["orders"] > 0)
    out["months"] = float(span)
    out["units_per_month"] = (out["units"] - out["returned_units"]) / span
    return out[SUMMARY_COLUMNS].sort_values("revenue", ascending=False).reset_index(drop=True)


def by_country(lines: pd.DataFrame, *, sku: str | None = None, home_vat_pct: float = 0.0) -> pd.DataFrame:
    """One row per country (ISO code) and currency: orders, units sold, units returned and
    return rate (%), revenue (net of returns), average gross price per unit, units per order,
    and net units per month over the months the data spans."""
    return _summary(_products(lines, sku), "country", home_vat_pct)


def by_channel(lines: pd.DataFrame, *, sku: str | None = None, home_vat_pct: float = 0.0) -> pd.DataFrame:
    """The same summary per sales channel (the store's channel names)."""
    return _summary(_products(lines, sku), "channel", home_vat_pct)


def cross_border_sales(lines: pd.DataFrame, to_eur) -> pd.DataFrame:
    """``ordered_at``, ``country``, ``net_eur`` per product line of end customers (Shopware
    group H traders are B2B and left out), for ``entry.oss_status``. ``to_eur(amount, currency)``
    converts; prices not flagged net are taken as gross and are an upper bound."""
    frame = _products(lines, None)
    if "customer_group" in frame:
        frame = frame.loc[~frame["customer_group"].astype(object).eq("H").to_numpy()]
    amount = frame["quantity"].to_numpy(dtype=float) * frame["unit_price"].to_numpy(dtype=float)
    currency = frame["currency"].astype(object).to_numpy()
    net_eur = np.array([to_eur(a, c) for a, c in zip(amount, currency)]) if len(frame) < 5000 else \
        amount * pd.Series(currency).map(lambda c: to_eur(1.0, c)).to_numpy(dtype=float)
    return pd.DataFrame({"ordered_at": frame["ordered_at"].to_numpy(),
                         "country": frame["country"].astype(object).to_numpy(), "net_eur": net_eur})
