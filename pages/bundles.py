"""Bundles: what the basket figures stand on, suggested bundles with their reasons and how
sure they are, a bundle what-if (take-up, cannibalised single sales, extra revenue and
gross profit with a range), and every pair and triple found. Every input lives in the URL
(``b_*`` keys), so a shared link rebuilds the same view."""
from functools import partial

import streamlit as st

from ecom_models.bundles import BundleScenario, simulate_bundle
from ui import bundles_view as bv
from ui import state
from ui.datasets import country_label
from ui.formatting import DASH, number, styled
from ui.safe import md_escape
from ui.text import frozen, lang, t, working
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["b_channel", "b_from", "b_to", "b_country", "b_minsup", "b_mincount", "b_items", "b_mode",
        "b_discount", "b_price", "b_elast", "b_margin"]
notices = state.bind(KEYS)
L = lang()
st.title(t("bundles.title"))
with working("spin.baskets"):
    shops = bv.shops()
if not shops:
    st.info(t("common.empty_store"))
    st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")
    st.stop()
st.caption(t("bundles.caption"))

# --- which orders: shop, period, country (validated against the data)
by_name = {s.channel: s for s in shops}
if state.value("b_channel") not in (None, *by_name):
    notices.append(state.reject("b_channel", "link.not_shop"))
channel = state.value("b_channel") or shops[0].channel
st.session_state["b_channel"] = channel
shop = by_name[channel]
if st.session_state.get("bundles_shop") not in (None, channel):
    # another shop: its dates, countries and products differ, start afresh
    for key in ("b_from", "b_to", "b_country", "b_items", "b_price"):
        st.session_state[key] = list(state.PARAMS[key].default) if key == "b_items" else state.PARAMS[key].default
st.session_state["bundles_shop"] = channel
for key in ("b_from", "b_to"):
    chosen = state.value(key)
    if chosen is not None and not shop.first <= chosen <= shop.last:
        notices.append(state.reject(key, "link.outside_data", first=shop.first.isoformat(),
                                    last=shop.last.isoformat()))
if state.value("b_country") not in ("", *shop.countries):
    notices.append(state.reject("b_country", "link.not_country"))
for notice in notices:
    st.warning(md_escape(notice))
if state.value("b_from") is None:
    st.session_state["b_from"] = shop.first
if state.value("b_to") is None:
    st.session_state["b_to"] = shop.last

f1, f2, f3, f4 = st.columns([1.2, 1, 1, 1.2])
f1.selectbox(t("bundles.shop"), list(by_name), key="b_channel", disabled=len(by_name) < 2)
f2.date_input(t("bundles.from"), min_value=shop.first,
              max_value=shop.last, key="b_from", format="DD.MM.YYYY" if L == "de" else "YYYY-MM-DD")
f3.date_input(t("bundles.to"), min_value=shop.first,
              max_value=shop.last, key="b_to", format="DD.MM.YYYY" if L == "de" else "YYYY-MM-DD")
f4.selectbox(t("bundles.country"), ["", *shop.countries], key="b_country",
             format_func=frozen(lambda c: country_label(c) if c else t("common.all")),
             disabled=not shop.countries)
with st.expander(t("bundles.settings")):
    s1, s2 = st.columns(2)
    s1.number_input(t("bundles.minsup"), min_value=0.01, max_value=50.0, step=0.05, format="%.2f",
                    key="b_minsup", help=t("bundles.minsup_help"))
    s2.number_input(t("bundles.mincount"), min_value=1, max_value=100000, step=5, key="b_mincount",
                    help=t("bundles.mincount_help"))
state.publish(KEYS)

date_from, date_to = state.value("b_from"), state.value("b_to")
with working("spin.pairs"):
    shown = bv.view(channel, date_from if date_from != shop.first else None,
                    date_to if date_to != shop.last else None, state.value("b_country"),
                    state.value("b_minsup"), state.value("b_mincount"))
mined, orders = shown.mined, shown.baskets.orders
if orders.empty:
    st.warning(t("bundles.no_orders"))
    st.stop()

# --- what the numbers stand on
st.subheader(t("bundles.section.base"))
median = float(orders["n_items"].median())
k1, k2, k3, k4 = st.columns(4)
k1.metric(t("bundles.base.orders"), number(len(orders), L), help=t("bundles.base.help_orders"))
k2.metric(t("bundles.base.products"), number(int((mined.items["baskets"] > 0).sum()), L))
k3.metric(t("bundles.base.median"), number(median, L, 0 if median.is_integer() else 1),
          help=t("bundles.base.help_median"))
k4.metric(t("bundles.base.multi"), number(int((orders["n_items"] >= 2).sum()), L),
          help=t("bundles.base.help_multi"))
st.altair_chart(bv.size_chart(shown.sizes, L), width="stretch")
st.caption(bv.base_line(shown))
if median >= 10:
    st.info(t("bundles.base.large", median=number(median, L, 0)))

# --- suggestions
st.subheader(t("bundles.section.suggest"))
suggestions = shown.suggestions
tested = number(mined.counts.n_candidate_pairs, L)
if suggestions.empty:
    st.info(t("bundles.suggest.none", orders=number(len(orders), L), need=number(mined.counts.threshold, L)))
else:
    st.caption(t("bundles.suggest.caption", tested=tested))
    st.dataframe(bv.suggestion_table(suggestions.head(10)), placeholder=DASH, hide_index=True, width="stretch")
    sleepers = int((suggestions["kind"] == "sleeper").sum())
    if sleepers:
        st.caption(t("bundles.suggest.sleepers", n=number(sleepers, L)))

# --- the bundle what-if
st.subheader(t("bundles.section.whatif"))
st.caption(t("bundles.whatif.caption", pct=80))
sold = mined.items.loc[mined.items["baskets"] > 0].sort_values("baskets", ascending=False)
options = sold["sku"].astype(str).tolist()
names = dict(zip(sold["sku"].astype(str), sold["product_name"].astype(str)))
unknown = [s for s in state.value("b_items") if s not in names]
if unknown:
    st.warning(t("bundles.bad_items", skus=md_escape(", ".join(unknown))))
    st.session_state["b_items"] = [s for s in state.value("b_items") if s in names]
if st.session_state.get("bundles_defaulted") != channel:
    if not state.value("b_items") and not suggestions.empty:
        st.session_state["b_items"] = [suggestions["sku_a"].iloc[0], suggestions["sku_b"].iloc[0]]
    st.session_state["bundles_defaulted"] = channel
w1, w2, w3 = st.columns([3, 1, 1.2])
w1.multiselect(t("bundles.items"), options, key="b_items", max_selections=3, help=t("bundles.items_help"),
               format_func=lambda s: f"{s} — {names.get(s, '')}")
w2.radio(t("bundles.mode"), ["pct", "price"], key="b_mode", horizontal=True,
         format_func=frozen(lambda m: t(f"bundles.mode.{m}")))
chosen = list(state.value("b_items"))[:3]
list_price = float(sum(sold.set_index(sold["sku"].astype(str)).loc[chosen, "price"])) if chosen else 0.0
if state.value("b_mode") == "pct":
    w3.number_input(t("bundles.discount"), min_value=0.0, max_value=50.0, step=1.0, key="b_discount")
else:
    if state.value("b_price") is None and list_price > 0:
        st.session_state["b_price"] = round(list_price * (1 - state.value("b_discount") / 100), 2)
    w3.number_input(t("bundles.price", currency=shop.currency), min_value=0.01, step=0.5,
                    format="%.2f", key="b_price")
with st.expander(t("bundles.assumptions")):
    a1, a2 = st.columns(2)
    a1.number_input(t("bundles.elast"), min_value=-5.0, max_value=-0.1, step=0.1, key="b_elast",
                    help=t("bundles.elast_help"))
    a2.number_input(t("bundles.margin"), min_value=0.0, max_value=95.0, step=1.0, key="b_margin",
                    help=t("bundles.margin_help"))
state.publish(KEYS)

if len(chosen) < 2:
    st.info(t("bundles.pick"))
else:
    with working("spin.responses"):
        responses, why_not = bv.responses(shop)
    scenario = BundleScenario(
        channel=channel, skus=tuple(chosen), discount_pct=state.value("b_discount"),
        bundle_price=state.value("b_price") if state.value("b_mode") == "price" else None,
        assumed_elasticity=state.value("b_elast"), assumed_margin_pct=state.value("b_margin"))
    result = simulate_bundle(shown.baskets, mined.items, scenario, elasticities=responses,
                             unit_costs=bv.unit_costs(channel))
    if why_not:
        result = type(result)(**{**result.__dict__, "notes": ((why_not, {}), *result.notes)})
    bv.show_result(result)
    from ui.scenario_save import save_bundle_button  # noqa: E402  saved scenario + share link (issue 16)
    save_bundle_button(shop, shown, scenario, date_from if date_from != shop.first else None,
                       date_to if date_to != shop.last else None,
                       state.value("b_country"), state.value("b_mode"), responses, why_not)

# --- every pair and triple
with st.expander(t("bundles.section.pairs", n=number(len(mined.pairs), L))):
    st.caption(t("bundles.pairs.caption", tested=tested))
    pairs = bv.pair_table(mined, limit=500)
    st.dataframe(styled(pairs, L, {c: 4 for c in pairs.columns[5:]}), placeholder=DASH, hide_index=True, width="stretch")
    st.download_button(t("common.download_csv"), partial(bv.pairs_csv, mined, L), "bundle_pairs.csv",
                       "text/csv", key="dl_bundle_pairs")
with st.expander(t("bundles.section.triples", n=number(len(mined.triples), L))):
    st.caption(t("bundles.triples.caption"))
    if not shown.triples_counted:
        st.info(t("bundles.triples.skipped", n=number(len(mined.pairs), L)))
    triples = bv.triple_table(mined)
    st.dataframe(styled(triples.head(500), L, {c: 4 for c in triples.columns[4:]}), placeholder=DASH, hide_index=True,
                 width="stretch")
st.caption(t("bundles.method"))
