"""Glue of the Bundles page: shared cached loaders, the altair chart, and the tables and
figures worded in the user's language.

Caches follow issue 21: ``st.cache_resource`` keyed by the store version (``loaders.version``),
so every session reads the same read-only objects (the baskets, each mining result, the
price responses) instead of its own copy; the order lines are read once per version to
build the baskets and then let go. Nothing returned here may be mutated by a page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ecom_models.bundles import (Baskets, BundleResult, Mined, build_baskets, empty_baskets, mine, select,
                                 size_distribution, suggest)
from ecom_models.store.queries import products

from . import loaders
from .charts import _localised
from .formatting import DASH, day, money_auto, number, percent
from .text import lang, say, t, text_in

SIZE_CAP = 30          # the chart groups larger orders into one bar "30+"
MAX_PAIRS_FOR_TRIPLES = 20_000
SUGGESTIONS_KEPT = 100


@dataclass(frozen=True)
class Shop:
    """One channel's baskets and their date range, countries and currency."""

    channel: str
    orders: int
    first: date
    last: date
    countries: tuple[str, ...]
    currency: str
    demo: bool


@dataclass(frozen=True)
class View:
    """One mining run as the page shows it (shared, read-only)."""

    baskets: Baskets
    mined: Mined
    suggestions: pd.DataFrame
    sizes: pd.DataFrame
    triples_counted: bool


@st.cache_resource(max_entries=2, show_spinner=False)
def _baskets(db: str, version_key: tuple) -> tuple[Baskets, tuple[Shop, ...]]:
    from ecom_models.demo import demo_import_ids

    if version_key[1] == -1:
        return empty_baskets(), ()
    lines = loaders._lines(db, version_key)   # the shared copy, not another read
    baskets = build_baskets(lines)
    currency = lines.groupby("channel", observed=True)["currency"].agg(
        lambda c: c.value_counts().index[0] if len(c) else "")
    del lines
    demo = set(demo_import_ids(db))
    shops = []
    orders = baskets.orders
    for channel, part in orders.groupby("channel", sort=False):
        countries = tuple(sorted(str(c) for c in part["country"].dropna().unique()))
        shops.append(Shop(str(channel), len(part), part["ordered_at"].min().date(),
                          part["ordered_at"].max().date(), countries, str(currency.get(channel, "")),
                          bool(part["import_id"].isin(demo).all())))
    # the user's own shops first (most orders first), the demo last
    shops.sort(key=lambda s: (s.demo, -s.orders))
    return baskets, tuple(shops)


def shops() -> tuple[Shop, ...]:
    """The shops with product orders, the user's own first (empty before any import)."""
    return _baskets(str(loaders.db_path()), loaders.version())[1]


@st.cache_resource(max_entries=16, show_spinner=False)
def _view(db: str, version_key: tuple, channel: str, date_from: date | None, date_to: date | None,
          country: str | None, min_support: float, min_count: int) -> View:
    baskets = select(_baskets(db, version_key)[0], channel=channel, date_from=date_from,
                     date_to=date_to, country=country)
    pairs_only = mine(baskets, min_support, min_count, max_size=2)
    # triples among frequent pairs grow fast on large baskets (the demo at 0.1 %: 6.8 M
    # triples, 35 s): counted only when the pairs are few enough to stay quick
    mined = mine(baskets, min_support, min_count, max_size=3) \
        if len(pairs_only.pairs) <= MAX_PAIRS_FOR_TRIPLES else pairs_only
    return View(baskets, mined, suggest(mined.pairs, mined.items, top=SUGGESTIONS_KEPT),
                size_distribution(baskets), len(mined.triples) > 0 or mined is not pairs_only)


def view(channel: str, date_from: date | None, date_to: date | None, country: str | None,
         min_support_pct: float, min_count: int) -> View:
    """Baskets of the filters, pairs and triples, suggestions and basket sizes (shared)."""
    return _view(str(loaders.db_path()), loaders.version(), channel, date_from, date_to,
                 country or None, float(min_support_pct) / 100, int(min_count))


@st.cache_resource(max_entries=4, show_spinner=False)
def _responses(db: str, version_key: tuple, channel: str, currency: str):
    from ecom_models.bundles import item_elasticities

    lines = loaders._lines(db, version_key)   # the shared copy, not another read
    keep = ((lines["channel"] == channel) & (lines["currency"] == currency)).to_numpy()
    return item_elasticities(lines.loc[keep].reset_index(drop=True))


def responses(shop: Shop) -> tuple[pd.DataFrame, str | None]:
    """The shop's price responses per SKU from the pricing model (shared), and a note code
    when there are none."""
    return _responses(str(loaders.db_path()), loaders.version(), shop.channel, shop.currency)


@st.cache_resource(max_entries=4, show_spinner=False)
def _costs(db: str, version_key: tuple, channel: str) -> pd.Series:
    if version_key[1] == -1:
        return pd.Series(dtype=float)
    table = products(db)
    table = table.loc[(table["channel"] == channel) & table["unit_cost"].notna()]
    return pd.Series(table["unit_cost"].to_numpy(dtype=float), index=table["sku"].astype(str))


def unit_costs(channel: str) -> pd.Series:
    """Unit cost by SKU of the shop's product data (shared; empty when none)."""
    return _costs(str(loaders.db_path()), loaders.version(), channel)


# ----------------------------------------------------------------------------- showing

def size_chart(sizes: pd.DataFrame, language: str) -> alt.Chart:
    """Orders by number of different products (larger orders in one bar ``30+``)."""
    capped = sizes.assign(bucket=np.minimum(sizes["n_items"], SIZE_CAP)).groupby("bucket", as_index=False)["orders"].sum()
    capped["label"] = [f"{b}+" if b == SIZE_CAP else str(b) for b in capped["bucket"]]
    chart = alt.Chart(capped).mark_bar(color="#4C78A8").encode(
        x=alt.X("label:N", sort=capped["label"].tolist(), title=t("bundles.base.chart_x"),
                axis=alt.Axis(labelAngle=0)),
        y=alt.Y("orders:Q", title=t("bundles.base.chart_y")),
        tooltip=[alt.Tooltip("label:N", title=t("bundles.base.chart_x")),
                 alt.Tooltip("orders:Q", title=t("bundles.base.chart_y"), format=",d")])
    return _localised(chart.properties(height=220), language)


def suggestion_table(suggestions: pd.DataFrame) -> pd.DataFrame:
    """The suggestions in the user's words (names stay text; the table shows them as text)."""
    L = lang()
    return pd.DataFrame({
        t("bundles.col.bundle"): suggestions["name_a"] + " + " + suggestions["name_b"],
        t("bundles.col.sure"): suggestions["sure"].map(lambda s: say(f"bundle.sure.{s}")),
        t("bundles.col.together"): suggestions["count"].map(lambda v: number(v, L)),
        t("bundles.col.lift"): suggestions["lift"].map(lambda v: number(v, L, 1) + "×"),
        t("bundles.col.why"): [say(c, p) for c, p in zip(suggestions["reason_code"], suggestions["reason_params"])],
    })


def pair_table(mined: Mined, limit: int | None = None, language: str | None = None) -> pd.DataFrame:
    """Pairs with every measure, most orders first (the first ``limit``; numbers stay numbers:
    the table sorts, the CSV keeps them), headed in ``language`` (default: the user's)."""
    def h(key: str) -> str:
        return text_in(language or lang(), key)

    p = mined.pairs.nlargest(limit, ["count", "lift"]) if limit else \
        mined.pairs.sort_values(["count", "lift"], ascending=False)
    return pd.DataFrame({
        h("bundles.col.a"): p["name_a"].to_numpy(), h("bundles.col.b"): p["name_b"].to_numpy(),
        "SKU A": p["sku_a"].to_numpy(), "SKU B": p["sku_b"].to_numpy(),
        h("bundles.col.count"): p["count"].to_numpy(), h("bundles.col.support"): p["support"].to_numpy(),
        h("bundles.col.conf_ab"): p["confidence_ab"].to_numpy(), h("bundles.col.conf_ba"): p["confidence_ba"].to_numpy(),
        h("bundles.col.lift"): p["lift"].to_numpy(), h("bundles.col.leverage"): p["leverage"].to_numpy(),
        h("bundles.col.conviction_ab"): p["conviction_ab"].replace(np.inf, np.nan).to_numpy(),
        h("bundles.col.conviction_ba"): p["conviction_ba"].replace(np.inf, np.nan).to_numpy(),
        h("bundles.col.p"): p["p_value"].to_numpy(), h("bundles.col.q"): p["q_value"].to_numpy()})


def pairs_csv(mined: Mined, language: str) -> bytes:
    """Every pair as a spreadsheet-safe CSV; called only when the download is clicked (the
    button keeps a reference to the shared result, never a copy of it)."""
    from .safe import csv_bytes

    return csv_bytes(pair_table(mined, language=language))


def triple_table(mined: Mined) -> pd.DataFrame:
    tr = mined.triples.sort_values(["count", "lift"], ascending=False)
    return pd.DataFrame({
        t("bundles.col.a"): tr["name_a"].to_numpy(), t("bundles.col.b"): tr["name_b"].to_numpy(),
        t("bundles.col.c"): tr["name_c"].to_numpy(), t("bundles.col.count"): tr["count"].to_numpy(),
        t("bundles.col.support"): tr["support"].to_numpy(), t("bundles.col.lift"): tr["lift"].to_numpy(),
        t("bundles.col.p"): tr["p_value"].to_numpy(), t("bundles.col.q"): tr["q_value"].to_numpy()})


def show_result(result: BundleResult) -> None:
    """The what-if's figures: four metrics with their ranges, a verdict, where the bundles
    come from, the products' facts and the assumptions."""
    L, cur, pct = lang(), result.currency, f"{result.interval_pct:g}"

    def money_range(r) -> str:
        return t("bundles.range", pct=pct, low=money_auto(r.low, cur, L), high=money_auto(r.high, cur, L))

    st.caption(t("bundles.price_line", price=money_auto(result.bundle_price, cur, L),
                 list=money_auto(result.list_price, cur, L), discount=percent(result.discount_pct / 100, L, 1)))
    c1, c2, c3, c4 = st.columns(4)
    b = result.bundles
    c1.metric(t("bundles.m.bundles"), number(b.mid, L, 1),
              help=t("bundles.m.help_bundles", together=number(result.together_per_week, L, 1)))
    c1.caption(t("bundles.range", pct=pct, low=number(b.low, L, 1), high=number(b.high, L, 1)))
    c2.metric(t("bundles.m.revenue"), money_auto(result.revenue.mid, cur, L), help=t("bundles.m.help_revenue"))
    c2.caption(money_range(result.revenue))
    c3.metric(t("bundles.m.profit"), money_auto(result.gross_profit.mid, cur, L), help=t("bundles.m.help_profit"))
    c3.caption(money_range(result.gross_profit))
    c4.metric(t("bundles.m.chance"), percent(result.prob_profit_up, L, 0), help=t("bundles.m.help_chance"))
    chance = result.prob_profit_up
    if chance >= 0.8:
        st.success(t("bundles.verdict.good", chance=percent(chance, L, 0)))
    elif chance <= 0.2:
        st.warning(t("bundles.verdict.bad", chance=percent(1 - chance, L, 0)))
    else:
        st.info(t("bundles.verdict.unsure", chance=percent(chance, L, 0)))
    st.markdown(f"**{t('bundles.flow.title')}**")
    flow = pd.DataFrame({t("bundles.col.what"): [t("bundles.flow.together"), t("bundles.flow.new"),
                                                  t("bundles.flow.units"), t("bundles.flow.discount")],
                         t("bundles.col.value"): [
                             number(result.together_per_week, L, 1),
                             _range_text(result.new_bundles, L, lambda v: number(v, L, 1)),
                             _range_text(result.cannibalised_units, L, lambda v: number(v, L, 1)),
                             _range_text(result.discount_given, L, lambda v: money_auto(v, cur, L))]})
    st.dataframe(flow, placeholder=DASH, hide_index=True, width="stretch")
    st.markdown(f"**{t('bundles.items.title')}**")
    st.dataframe(pd.DataFrame({
        t("bundles.col.sku"): [f.sku for f in result.items],
        t("bundles.col.product"): [f.name for f in result.items],
        t("bundles.col.price"): [money_auto(f.price, cur, L) for f in result.items],
        t("bundles.col.cost"): [money_auto(f.unit_cost, cur, L) for f in result.items],
        t("bundles.col.cost_source"): [t(f"bundles.cost.{f.cost_source}") for f in result.items],
        t("bundles.col.orders_week"): [number(f.orders_per_week, L, 1) for f in result.items],
        t("bundles.col.elasticity"): [f"{number(f.elasticity, L, 2)} ± {number(f.elasticity_sd, L, 2)}"
                                      for f in result.items],
        t("bundles.col.elasticity_source"): [t(f"bundles.source.{f.elasticity_source}") for f in result.items],
    }), placeholder=DASH, hide_index=True, width="stretch")
    st.caption(t("bundles.notes"))
    for code, params in result.notes:
        st.caption("– " + _escaped(say(code, params)))


def _range_text(r, L, fmt) -> str:
    return f"{fmt(r.mid)} ({fmt(r.low)} – {fmt(r.high)})"


def _escaped(text: str) -> str:
    from .safe import md_escape

    return md_escape(text)


def base_line(shop_view: View) -> str:
    """'N orders over W weeks, first to last.' for the caption under the basket figures."""
    orders = shop_view.baskets.orders
    L = lang()
    return t("bundles.base.weeks", orders=number(len(orders), L), weeks=number(shop_view.baskets.weeks(), L),
             first=day(orders["ordered_at"].min().date(), L), last=day(orders["ordered_at"].max().date(), L))
