"""Pricing what-if: elasticity with its uncertainty, a price change's effect against the
do-nothing baseline, the profit curve, and the best price under the user's rules.
Every input lives in the URL, so a shared link rebuilds the same scenario."""
import pandas as pd
import streamlit as st

from ecom_models.pricing import PriceConstraints, PriceScenario, profit_curve, simulate_price_change
from ecom_models.scenarios.pricing import field as LIMIT   # one source of the bounds (scenario record)
from ui import charts, datasets, loaders, pricing_data, state
from ui.pricing_decision_view import (catalogue_basis, decision, margin_editor, model_check, test_plan,
                                      use_change_button)
from ui.pricing_view import convincing, explain_elasticity, recommendation, whatif_metrics, whatif_table
from ui.safe import csv_bytes, md_escape
from ui.text import frozen, lang, t, working
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["currency", "skus", "category", "mode", "change", "newprice", "margin", "focus", "goal",
        "minmargin", "maxchange", "ending", "tchange", "twhich"]
notices = state.bind(KEYS)
st.title(t("pricing.title"))
datasets.stop_when_empty()
with working("spin.lines"):
    lines = loaders.lines()

# One currency at a time; without one in the URL, the user's own data (never the demo).
summary = loaders.currency_summary()
money_codes = summary["currency"].tolist()
currency = datasets.chosen_currency(summary, notices)
st.session_state["currency"] = currency
if st.session_state.get("pricing_currency") not in (None, currency):
    # the products chosen belong to the other currency's data: start afresh
    for key in ("skus", "category", "focus", "newprice"):
        st.session_state[key] = list(state.PARAMS[key].default) if key == "skus" else state.PARAMS[key].default
    for key in ("pricing_defaulted", "newprice_for"):
        st.session_state.pop(key, None)
st.session_state["pricing_currency"] = currency
with working("spin.elasticities"):
    pricing = pricing_data.data(currency)   # count model, stock-outs from the products table
estimates = pricing.estimates
st.caption(t("pv2.caption", currency=currency))
datasets.show_demo_notice(summary, currency)

if estimates.empty:   # too little history in this currency to estimate anything
    for notice in notices:
        st.warning(md_escape(notice))
    st.selectbox(t("overview.currency"), money_codes, key="currency", disabled=len(money_codes) < 2)
    state.publish(KEYS)
    days, weeks = datasets.history_span(loaders.sales_cube(), currency)
    st.warning(t("pricing.too_little", currency=currency, needed=datasets.min_weeks(),
                 days=t("unit.day" if days == 1 else "unit.days", n=days),
                 weeks=t("unit.week" if weeks == 1 else "unit.weeks", n=weeks)))
    st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")
    datasets.show_other_currencies(summary, currency)
    st.stop()

ranked = estimates.assign(weekly=estimates["current_price"] * estimates["baseline_units"]) \
    .sort_values("weekly", ascending=False)
names = lines.drop_duplicates("sku").set_index("sku")["product_name"]
sku_options = ranked["sku"].astype(str).tolist()
price_today = estimates.set_index(estimates["sku"].astype(str))["current_price"]
categories = sorted(estimates["category"].dropna().astype(str).unique())
unknown = [s for s in state.value("skus") if s not in set(sku_options)]
if unknown:
    notices.append(state.reject("skus", "link.unknown_products"))
if state.value("category") not in ("", *categories):
    notices.append(state.reject("category", "link.not_category"))
# The best-selling product is picked once, when the page opens on this currency; a product
# the user removed does not come back.
if st.session_state.get("pricing_defaulted") != currency:
    if not state.value("skus") and not state.value("category") and sku_options:
        st.session_state["skus"] = sku_options[:1]
    st.session_state["pricing_defaulted"] = currency
# 'New price' starts at today's price of the chosen product (a link's own price is kept).
chosen_skus = list(state.value("skus"))
single = chosen_skus[0] if len(chosen_skus) == 1 and not state.value("category") else None
if state.value("mode") == "price" and single is not None and pd.notna(price_today.get(single)):
    if state.value("newprice") is None or st.session_state.get("newprice_for") not in (None, single):
        st.session_state["newprice"] = round(float(price_today[single]), 2)
    st.session_state["newprice_for"] = single
for notice in notices:
    st.warning(md_escape(notice))

L = lang()
c0, c1, c2 = st.columns([0.8, 3, 1.2])
c0.selectbox(t("overview.currency"), money_codes, key="currency", disabled=len(money_codes) < 2)
c1.multiselect(t("pricing.products"), sku_options, key="skus", max_selections=20,
               format_func=lambda s: f"{s} — {names.get(s, '')}")
c2.selectbox(t("pricing.category"), ["", *categories], key="category",
             format_func=lambda c: c or "—", disabled=not categories)
datasets.show_other_currencies(summary, currency)
c3, c4, c5 = st.columns([1, 1, 1])
c3.radio(t("pricing.mode"), ["pct", "price"], key="mode", horizontal=True,
         format_func=frozen(lambda m: t(f"mode.{m}")))
if state.value("mode") == "pct":
    c4.number_input(t("pricing.change"), min_value=LIMIT("change").low, max_value=LIMIT("change").high,
                    step=1.0, key="change")
else:
    c4.number_input(t("pricing.newprice", currency=currency), min_value=LIMIT("newprice").low, step=0.1,
                    key="newprice", format="%.2f")
c5.number_input(t("pricing.margin"), min_value=LIMIT("margin").low, max_value=LIMIT("margin").high,
                step=1.0, key="margin",
                help=t("pricing.margin_help"))
state.publish(KEYS)

skus, category = list(state.value("skus")), state.value("category")
scope = {"category": category} if category else {"skus": skus}
if not skus and not category:
    st.info(t("pricing.pick"))
    st.stop()
chosen = estimates.loc[estimates["category"] == category] if category else \
    estimates.set_index(estimates["sku"].astype(str)).loc[skus].reset_index(drop=True)
if state.value("mode") == "price" and (len(chosen) != 1 or state.value("newprice") is None):
    if len(chosen) != 1:
        st.warning(t("pricing.newprice_single"))
    st.stop()
costs = loaders.unit_costs()
margin_table = pricing_data.margins()   # the user's saved margins (category -> %), a setting
margin = state.value("margin")
scenario = (PriceScenario(price_change_pct=state.value("change"), assumed_margin_pct=margin)
            if state.value("mode") == "pct" else
            PriceScenario(new_price=state.value("newprice"), assumed_margin_pct=margin))
result = simulate_price_change(estimates, scenario, unit_costs=costs, category_margins=margin_table, **scope)

st.subheader(t("pricing.section.whatif"))
if len(chosen) > 1:   # say that the figures are a sum, and of what
    shown_names = [md_escape(names.get(s, s)) for s in chosen["sku"].astype(str)[:3]]
    st.caption(t("pricing.sum_of", n=len(chosen), names=", ".join(shown_names) + (" …" if len(chosen) > 3 else "")))
whatif_metrics(result.totals.iloc[0], currency)
totals = result.totals.iloc[0]
if totals["n_skus_without_elasticity"]:
    st.warning(t("pv2.left_out", n=totals["n_skus_without_elasticity"], total=totals["n_skus"]))
if category:
    st.caption(t("pv2.no_substitution"))
st.caption(t("pv2.units_note"))
st.subheader(t("pricing.section.elasticity"))
in_scope = chosen["sku"].astype(str).tolist()
if state.value("focus") not in in_scope:
    st.session_state["focus"] = in_scope[0]
if len(in_scope) > 1:
    st.selectbox(t("pricing.curve_for"), in_scope, key="focus",
                 format_func=lambda s: f"{s} — {names.get(s, '')}")
focus = state.value("focus")
focus_row = chosen.set_index(chosen["sku"].astype(str)).loc[focus]
explain_elasticity(focus_row)
catalogue_basis(focus_row, currency, pricing.tiers)

st.subheader(t("pricing.section.best"))
b1, b2, b3, b4 = st.columns(4)
b1.selectbox(t("pricing.goal"), ["profit", "revenue"], key="goal", format_func=frozen(lambda g: t(f"goal.{g}")))
b2.number_input(t("pricing.minmargin"), min_value=LIMIT("minmargin").low,
                max_value=LIMIT("minmargin").high, step=1.0, key="minmargin")
b3.number_input(t("pricing.maxchange"), min_value=LIMIT("maxchange").low,
                max_value=LIMIT("maxchange").high, step=1.0, key="maxchange")
b4.selectbox(t("pricing.ending"), ["none", ".99", ".95", ".90", "whole"], key="ending",
             format_func=frozen(lambda e: t(f"ending.{e}") if e in ("none", "whole") else e))
state.publish(KEYS)
constraints = PriceConstraints(objective=state.value("goal"), min_margin_pct=state.value("minmargin"),
                               max_change_pct=state.value("maxchange"),
                               price_ending=None if state.value("ending") == "none" else state.value("ending"),
                               assumed_margin_pct=margin)
dec = pricing_data.decision(currency, focus, constraints, margin_table)
rec = dec.recommendation
decision(dec, focus_row, currency, recommendation)
with st.expander(t("pv2.margins"), expanded=dec.cost_source not in ("products_table", "category_margin")):
    margin_editor(categories, margin_table, pricing_data.save_margins)
curve = profit_curve(estimates, focus, costs, assumed_margin_pct=margin, category_margins=margin_table,
                     max_change_pct=max(30.0, state.value("maxchange")))
st.altair_chart(charts.profit_curve(
    curve, state.value("goal"), f"{t('col.price')} ({currency})",
    f"{t('pricing.metric.' + state.value('goal'))} ({currency})",
    rec.recommendation if convincing(rec) else None, L), width="stretch")
st.caption(t("pricing.curve_caption", goal=t(f"goal.{state.value('goal')}")))

st.markdown(f"**{t('pricing.table')}**")
table = whatif_table(result.per_sku, names, margin)   # in the user's language; CSV keeps numbers
st.download_button(t("common.download_csv"), csv_bytes(table), "price_whatif.csv", "text/csv",
                   key="dl_whatif")
from ui.scenario_save import save_button  # noqa: E402  saved scenario + share link (issue 16)
save_button(currency, estimates, costs, names, margin_table)

st.subheader(t("pv2.section.test"))
st.caption(t("pv2.test.caption"))
p1, p2, p3 = st.columns([2, 1, 1.2], vertical_alignment="bottom")
p1.radio(t("pv2.test.which"), ["chosen", "suggested"], key="twhich", horizontal=True,
         format_func=frozen(lambda w: t(f"pv2.test.which.{w}")), help=t("pv2.test.which_help"))
p2.number_input(t("pv2.test.change"), min_value=-30.0, max_value=30.0, step=1.0, key="tchange")
use_change_button(p3, dec)
state.publish(KEYS)
test_skus = in_scope if state.value("twhich") == "chosen" else pricing_data.suggested_test_skus(currency)
if not state.value("tchange"):
    st.info(t("pv2.test.zero"))
elif not test_skus:
    st.info(t("pv2.test.none_suggested"))
else:
    test_plan(pricing_data.test_plan(currency, test_skus, state.value("tchange")), names, currency)

st.subheader(t("pricing.section.check"))
with working("spin.holdout"):
    check = pricing_data.holdout(currency)
model_check(check)
st.caption(t("pv2.caveat"))
