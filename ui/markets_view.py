"""Glue of the Markets & channels page: shared cached loaders (issue 21: one read-only copy per
store version via ``st.cache_resource``), the seller and exchange-rate settings, the altair
waterfall chart and the tables worded in the user's language. Nothing returned may be mutated."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ecom_models.markets import (ORDER, FxTable, MarketResult, default_seller, load_rates, markets,
                                 seller_from_setting, SELLER_KEY)
from ecom_models.markets.build import Seller
from ecom_models.store.settings import get_json, set_json

from . import loaders
from .text import t

FX_KEY = "markets.fx_overrides"


@st.cache_resource(max_entries=2, show_spinner=False)
def _summaries(db: str, version_key: tuple) -> dict:
    """Per store version: the seller the data suggests, sold products (sku, name, lines), and
    the full lines' per-country and per-channel summaries are built from the shared lines."""
    if version_key[1] == -1:
        return {"seller": default_seller(pd.DataFrame({"currency": [], "country": []})), "skus": pd.DataFrame()}
    lines = loaders.lines()
    sold = lines.loc[lines["is_product"].to_numpy() & ~lines["is_return"].to_numpy()]
    skus = (sold.groupby(sold["sku"].astype(str), observed=True)
            .agg(name=("product_name", lambda s: str(s.iloc[0])), units=("quantity", "sum"))
            .sort_values("units", ascending=False).reset_index())
    return {"seller": default_seller(lines), "skus": skus}


def summaries() -> dict:
    return _summaries(str(loaders.db_path()), loaders.version())


def seller() -> tuple[Seller, bool]:
    """The saved seller (True) or the one the data suggests (False)."""
    suggested = summaries()["seller"]
    stored = get_json(loaders.db_path(), SELLER_KEY)
    chosen = seller_from_setting(stored, suggested)
    return chosen, isinstance(stored, dict) and chosen == seller_from_setting(stored, Seller("DE", "EUR"))


def save_seller(country: str, currency: str, oss: bool) -> None:
    set_json(loaders.db_path(), SELLER_KEY, {"country": country, "currency": currency, "oss_registered": bool(oss)})


def fx_table() -> FxTable:
    """The shipped ECB rates with the user's saved edits."""
    overrides = get_json(loaders.db_path(), FX_KEY, {}) or {}
    clean = {str(k): float(v) for k, v in overrides.items() if isinstance(v, (int, float)) and v > 0}
    return load_rates().with_rates(clean)


def save_fx(rates: dict) -> None:
    set_json(loaders.db_path(), FX_KEY, {k: float(v) for k, v in rates.items() if v and v > 0})


@st.cache_resource(max_entries=1, show_spinner=False)
def reference() -> pd.DataFrame:
    return markets()


@st.cache_resource(max_entries=2, show_spinner=False)
def _country_summary(db: str, version_key: tuple, sku: str | None, home_vat: float) -> pd.DataFrame:
    from ecom_models.markets.history import by_country

    return by_country(loaders.lines(), sku=sku, home_vat_pct=home_vat)


def country_summary(sku: str | None, home_vat: float) -> pd.DataFrame:
    return _country_summary(str(loaders.db_path()), loaders.version(), sku, home_vat)


@st.cache_resource(max_entries=2, show_spinner=False)
def _channel_summary(db: str, version_key: tuple, home_vat: float) -> pd.DataFrame:
    from ecom_models.markets.history import by_channel

    return by_channel(loaders.lines(), home_vat_pct=home_vat)


def channel_summary(home_vat: float) -> pd.DataFrame:
    return _channel_summary(str(loaders.db_path()), loaders.version(), home_vat)


@st.cache_resource(max_entries=2, show_spinner=False)
def _channel_costs(db: str, version_key: tuple) -> pd.DataFrame:
    from ecom_models.markets.channel_costs import channel_costs

    return channel_costs(loaders.lines())


def channel_costs() -> pd.DataFrame:
    """Per channel and currency: the channel's own charges from its reports (Amazon settlement),
    fee rate and fees per order (``markets.channel_costs``)."""
    return _channel_costs(str(loaders.db_path()), loaders.version())


@st.cache_resource(max_entries=2, show_spinner=False)
def _oss(db: str, version_key: tuple, country: str, rates: tuple) -> list:
    from ecom_models.markets import oss_status
    from ecom_models.markets.history import cross_border_sales

    fx = FxTable(load_rates().as_of, dict(rates))
    convert = lambda amount, cur: fx.convert(amount, cur, "EUR") if fx.has(str(cur)) else 0.0
    return oss_status(cross_border_sales(loaders.lines(), convert), country)


def oss(country: str, fx: FxTable) -> list:
    return _oss(str(loaders.db_path()), loaders.version(), country, tuple(sorted(fx.rates.items())))


def elasticity(sku: str, currency: str) -> float | None:
    """The pricing model's elasticity of ``sku`` when one is estimated (else None)."""
    try:
        table = loaders.elasticities(currency)
    except Exception:   # the pricing model could not run on this data
        return None
    if table is None or table.empty or "sku" not in table:
        return None
    row = table.loc[table["sku"].astype(str) == sku]
    col = "elasticity" if "elasticity" in table else None
    if row.empty or col is None or pd.isna(row[col].iloc[0]):
        return None
    return float(row[col].iloc[0])


def waterfall_frame(result: MarketResult) -> pd.DataFrame:
    """Bars of the waterfall: step label, start, end, amount (base currency), kind."""
    rows, level = [], 0.0
    for c in result.components:
        if c.total:
            start, end = 0.0, c.base
            level = c.base
        else:
            start, end = level, level + c.base
            level = end
        rows.append({"order": ORDER.index(c.code), "step": t(f"step.{c.code}"), "start": start, "end": end,
                     "amount": c.base, "kind": "total" if c.total else ("down" if c.base < 0 else "up")})
    return pd.DataFrame(rows)


def waterfall_chart(result: MarketResult, currency: str) -> alt.Chart:
    """Altair waterfall of one unit: totals in blue, deductions in red (base currency)."""
    frame = waterfall_frame(result)
    steps = frame["step"].tolist()
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("step:N", sort=steps, title=None, axis=alt.Axis(labelAngle=-30, labelOverlap=False, labelLimit=160)),
        y=alt.Y("start:Q", title=currency), y2="end:Q",
        color=alt.Color("kind:N", legend=None,
                        scale=alt.Scale(domain=["total", "down", "up"], range=["#4c78a8", "#e45756", "#54a24b"])),
        tooltip=[alt.Tooltip("step:N"), alt.Tooltip("amount:Q", format=",.2f")],
    ).properties(height=320)


def compare_chart(frame: pd.DataFrame, currency: str) -> alt.Chart:
    """Margin per unit with its low–high range per market, best first."""
    order = frame["market"].tolist()
    base = alt.Chart(frame).encode(y=alt.Y("market:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False)))
    bars = base.mark_bar(color="#4c78a8").encode(x=alt.X("margin:Q", title=currency),
                                                tooltip=["market", alt.Tooltip("margin:Q", format=",.2f")])
    rule = base.mark_rule(color="#333").encode(x="low:Q", x2="high:Q")
    return (bars + rule).properties(height=max(120, 28 * len(frame)))


def channel_table(seller, table: pd.DataFrame, fx, inputs, home_gross: float, home_vat: float) -> pd.DataFrame:
    """The home market's waterfall for each sales channel, side by side (words in the user's
    language): your own shop and the biggest channel of each marketplace in the data, with
    the fee rate from the channel's own reports where imported, else the reference table's
    (an assumption), and the return rate and units per order from the data where there are
    any. ``inputs``: the page's current inputs (unit cost, units per order)."""
    from dataclasses import replace

    from ecom_models.markets import BOUNDS, channel_kind, compute, default_inputs, local_price_from_home

    by_channel = channel_summary(home_vat)
    kinds = {"own": None, "amazon": None, "ebay": None, "etsy": None}
    for _, ch in by_channel.iterrows():     # the biggest store channel of each kind
        if kinds.get(channel_kind(ch["key"])) is None:
            kinds[channel_kind(ch["key"])] = ch
    home_price = local_price_from_home(home_gross, home_vat, home_vat, 1.0, "none")
    own_costs = channel_costs().set_index(["channel", "currency"])   # the channels' own reports
    channel_rows = []
    for kind, ch in kinds.items():
        ci, _ = default_inputs(seller, table, seller.country, fx, price_gross_local=home_price,
                               unit_cost_base=inputs.unit_cost_base, channel_kind=kind,
                               units_per_order=float(ch["units_per_order"]) if ch is not None and ch["units_per_order"] > 0 else inputs.units_per_order)
        if ch is not None and ch["units"] > 0:
            ci = replace(ci, return_rate_pct=min(90.0, float(ch["return_rate_pct"])))
        own = own_costs.loc[(ch["key"], ch["currency"])] if ch is not None and (ch["key"], ch["currency"]) in own_costs.index else None
        from_reports = own is not None and bool(own["has_own_fees"]) and pd.notna(own["fee_rate_pct"])
        if from_reports:    # the channel's own fee lines: all its fees as one rate of product revenue
            ci = replace(ci, marketplace_fee_pct=min(BOUNDS["marketplace_fee_pct"][1], max(0.0, float(own["fee_rate_pct"]))),
                         marketplace_fee_fixed_base_per_order=0.0)
        res = compute(ci)
        fees = -sum(c.base for c in res.components if c.code in ("marketplace_fee", "payment_fee"))
        channel_rows.append({t("markets.col.channel"): t(f"channel.{kind}"),
                             t("markets.col.in_data"): ch["key"] if ch is not None else "",
                             t("markets.col.revenue"): round(float(ch["revenue"]), 2) if ch is not None else None,
                             t("markets.col.orders"): int(ch["orders"]) if ch is not None else None,
                             t("markets.col.return_rate"): round(ci.return_rate_pct, 1),
                             t("markets.col.fees", currency=seller.currency): round(fees, 2),
                             t("markets.col.margin", currency=seller.currency): round(res.contribution_margin_base, 2),
                             t("markets.col.per_order", currency=seller.currency): round(res.contribution_margin_per_order_base, 2),
                             t("markets.col.pct"): round(res.margin_pct, 1),
                             t("markets.col.fee_rate"): round(ci.marketplace_fee_pct, 1),
                             t("markets.col.fee_source"): t("markets.fees.from_reports", channel=t(f"channel.{kind}"))
                             if from_reports else t("markets.fees.assumption")})
    return pd.DataFrame(channel_rows)
