"""Markets & channels: what one unit of a product earns per market and per sales channel
(list price → VAT → FX → shipping → duties → fees → returns → cost → contribution margin),
with its FX and return-rate range, the price for a target margin, markets compared, the
break-even of a market entry, the EU OSS threshold and the channels side by side. Every
assumption lives in the URL (``m_*`` keys, None = the reference value), so a shared link
rebuilds the same numbers."""
from dataclasses import replace

import pandas as pd
import streamlit as st

from ecom_models.markets import (BOUNDS, break_even_units, comparable_demand, compute,
                                 default_inputs, local_price_from_home, months_to_break_even, price_for_margin)
from ecom_models.markets.fx import ECB_DAILY_URL
from ui import markets_view as mv
from ui import state
from ui.datasets import country_label
from ui.formatting import DASH, money, number, number_columns, percent, styled
from ui.safe import md_escape
from ui.text import frozen, lang, say, t
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["m_sku", "m_country", "m_channel", "m_price", "m_vat", "m_ship", "m_shipfee", "m_duty", "m_fee",
        "m_pay", "m_ret", "m_cost", "m_fxcost", "m_upo", "m_target", "m_fixed", "m_units", "m_compare"]
OVERRIDES = {"m_vat": "vat_pct", "m_ship": "shipping_cost_base_per_order",
             "m_shipfee": "shipping_fee_gross_local_per_order", "m_duty": "duty_pct",
             "m_fee": "marketplace_fee_pct", "m_pay": "payment_fee_pct", "m_ret": "return_rate_pct",
             "m_cost": "unit_cost_base", "m_fxcost": "fx_cost_pct", "m_upo": "units_per_order"}
ASSUMED_MARGIN_PCT = 40     # unit cost = 60 % of the net home price when the data has none
ASSUMED_ELASTICITY = -1.5   # labelled assumption when the pricing model has no estimate
notices = state.bind(KEYS)
L = lang()
st.title(t("markets.title"))
info = mv.summaries()
skus = info["skus"]
if skus.empty:
    st.info(t("markets.no_sales"))
    st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")
    st.stop()
st.caption(t("markets.caption"))
table = mv.reference()
fx = mv.fx_table()

# --- the seller
seller, saved = mv.seller()
with st.expander(t("markets.seller") + ": " + f"{country_label(seller.country)}, {seller.currency}"
                 + ("" if saved else " " + t("markets.seller.default"))):
    with st.form("m_seller"):
        s1, s2, s3 = st.columns([1.2, 1, 2])
        codes = list(table.index)
        s1.selectbox(t("markets.seller.country"), codes, index=codes.index(seller.country) if seller.country in codes else 0,
                     key="m_seller_country", format_func=frozen(country_label))
        currencies = sorted(fx.rates)
        s2.selectbox(t("markets.seller.currency"), currencies,
                     index=currencies.index(seller.currency) if seller.currency in currencies else 0, key="m_seller_currency")
        s3.checkbox(t("markets.seller.oss"), value=seller.oss_registered, key="m_seller_oss")
        if st.form_submit_button(t("markets.seller.save")):
            mv.save_seller(st.session_state["m_seller_country"], st.session_state["m_seller_currency"],
                           st.session_state["m_seller_oss"])
            seller, saved = mv.seller()
            st.success(t("markets.seller.saved", country=country_label(seller.country), currency=seller.currency))
if not saved:   # the data decides whether the EU OSS threshold was crossed
    from dataclasses import replace as _replace
    seller = _replace(seller, oss_registered=any(x.crossed_on for x in mv.oss(seller.country, fx)))
if not fx.has(seller.currency):
    st.warning(t("markets.fx.missing", code=seller.currency))
    st.stop()
home_vat = float(table.loc[seller.country, "vat_standard_pct"]) if seller.country in table.index else 0.0

# --- product, market, channel (validated against the data and the table)
sku_list = skus["sku"].tolist()
names = dict(zip(skus["sku"], skus["name"]))
if state.value("m_sku") not in (None, *sku_list):
    notices.append(state.reject("m_sku", "link.not_product") if "link.not_product" in state.TABLES["en"]
                   else t("markets.bad_sku", sku=state.value("m_sku")))
    st.session_state["m_sku"] = None
if state.value("m_sku") is None:
    st.session_state["m_sku"] = sku_list[0]
if state.value("m_country") not in (None, *table.index):
    notices.append(state.reject("m_country", "link.not_country"))
if state.value("m_country") is None:
    st.session_state["m_country"] = "AT" if seller.country == "DE" else ("FR" if seller.country != "FR" else "DE")
bad = [c for c in state.value("m_compare") if c not in table.index]
if bad:
    notices.append(state.reject("m_compare", "link.not_country"))
for notice in notices:
    st.warning(md_escape(notice))
c1, c2, c3 = st.columns([2.4, 1.2, 1])
c1.selectbox(t("markets.sku"), sku_list, key="m_sku", format_func=lambda s: f"{s} — {names.get(s, '')}")
c2.selectbox(t("markets.country"), list(table.index), key="m_country", format_func=frozen(country_label))
c3.selectbox(t("markets.channel"), ["own", "amazon", "ebay", "etsy"], key="m_channel",
             format_func=frozen(lambda c: t(f"channel.{c}")))
sku, market, channel = state.value("m_sku"), state.value("m_country"), state.value("m_channel")
row = table.loc[market]
local = str(row["currency"])
if not fx.has(local):
    st.warning(t("markets.fx.missing", code=local))
    st.stop()

# --- defaults from the data and the reference table; the URL's overrides on top
home = mv.country_summary(sku, home_vat)
prices = home.loc[home["currency"] == seller.currency]
home_gross = float((prices["avg_gross_price"] * prices["units"]).sum() / prices["units"].sum()) if prices["units"].sum() else 10.0
costs = mv.loaders.unit_costs()
cost_known = sku in costs.index
unit_cost = float(costs.loc[sku]) if cost_known and not isinstance(costs.loc[sku], pd.Series) else (
    float(costs.loc[sku].iloc[0]) if cost_known else round(home_gross / (1 + home_vat / 100) * (1 - ASSUMED_MARGIN_PCT / 100), 2))
all_countries = mv.country_summary(None, home_vat)
orders_all = all_countries["orders"].sum()
upo_default = round(float(all_countries["units"].sum() / orders_all), 2) if orders_all else 1.0
x = fx.local_per_base(local, seller.currency)
start_price = local_price_from_home(home_gross, home_vat, float(row["vat_standard_pct"]), x, row["price_ending"])
if st.session_state.get("markets_filled_for") not in (None, (sku, market, channel)):
    for key in ["m_price", *OVERRIDES]:
        st.session_state[key] = None          # another product/market/channel: its own reference values
st.session_state["markets_filled_for"] = (sku, market, channel)
price = state.value("m_price") or start_price
defaults, rule = default_inputs(seller, table, market, fx, price_gross_local=price, unit_cost_base=unit_cost,
                                channel_kind=channel, units_per_order=max(1.0, upo_default))
for key, name in OVERRIDES.items():
    if state.value(key) is None:
        st.session_state[key] = getattr(defaults, name)
if state.value("m_price") is None:
    st.session_state["m_price"] = start_price

st.number_input(t("markets.price", currency=local), min_value=BOUNDS["list_price_gross_local"][0],
                max_value=BOUNDS["list_price_gross_local"][1], step=1.0, format="%.2f", key="m_price",
                help=t("markets.price_help", ending=row["price_ending"]))
with st.expander(t("markets.assumptions"), expanded=False):
    a = st.columns(4)
    fields = [("m_vat", "markets.a.vat", {}), ("m_ship", "markets.a.ship", {"currency": seller.currency}),
              ("m_shipfee", "markets.a.shipfee", {"currency": local}), ("m_duty", "markets.a.duty", {}),
              ("m_fee", "markets.a.fee", {}), ("m_pay", "markets.a.pay", {}), ("m_ret", "markets.a.ret", {}),
              ("m_cost", "markets.a.cost", {"currency": seller.currency}), ("m_fxcost", "markets.a.fxcost", {}),
              ("m_upo", "markets.a.upo", {})]
    for n, (key, label, values) in enumerate(fields):
        low, high, _ = BOUNDS[OVERRIDES[key]]
        a[n % 4].number_input(t(label, **values), min_value=float(low), max_value=float(high), step=0.5,
                              format="%.2f", key=key)
    if not cost_known:
        st.caption(t("markets.cost_assumed", pct=100 - ASSUMED_MARGIN_PCT))
state.publish(KEYS)

inputs = replace(defaults, list_price_gross_local=state.value("m_price"),
                 **{name: float(state.value(key)) for key, name in OVERRIDES.items()})
result = compute(inputs)

# --- the waterfall
st.subheader(t("markets.section.waterfall"))
k1, k2, k3, k4 = st.columns(4)
k1.metric(t("markets.kpi.margin"), money(result.contribution_margin_base, seller.currency, L))
k2.metric(t("markets.kpi.order"), money(result.contribution_margin_per_order_base, seller.currency, L))
k3.metric(t("markets.kpi.pct"), percent(result.margin_pct / 100, L))
k4.metric(t("markets.kpi.range", fx=number(inputs.fx_move_pct, L), ret=number(inputs.return_rate_spread_pts, L)),
          f"{money(result.low_base, seller.currency, L)} – {money(result.high_base, seller.currency, L)}",
          help=t("markets.kpi.range_help"))
st.altair_chart(mv.waterfall_chart(result, seller.currency), width="stretch")
steps = {t("markets.col.step"): [t(f"step.{c.code}") for c in result.components]}
if local != seller.currency:
    steps[t("markets.col.local", currency=local)] = [money(c.local, local, L) for c in result.components]
steps[t("markets.col.base", currency=seller.currency)] = [money(c.base, seller.currency, L) for c in result.components]
steps = pd.DataFrame(steps)
st.dataframe(steps, placeholder=DASH, hide_index=True, width="stretch")
for code, params in [(f"market.regime.{rule.regime}", rule.params), *result.notes]:
    st.caption(say(code, params))
st.number_input(t("markets.target"), min_value=0.0, max_value=90.0, step=5.0, key="m_target")
target_price = price_for_margin(inputs, state.value("m_target"), row["price_ending"])
st.info(t("markets.target_price", pct=number(state.value("m_target"), L), price=money(target_price, local, L),
          ending=row["price_ending"]) if target_price else t("markets.target_none", pct=number(state.value("m_target"), L)))
change = (inputs.list_price_gross_local / (1 + inputs.vat_pct / 100) / x) / (home_gross / (1 + home_vat / 100)) * 100 - 100
e = mv.elasticity(sku, seller.currency)
units_change = ((1 + change / 100) ** (e if e is not None else ASSUMED_ELASTICITY) - 1) * 100
st.caption(t("markets.whatif.elastic" if e is not None else "markets.whatif.assumed",
             e=number(e if e is not None else ASSUMED_ELASTICITY, L, 2), change=number(change, L, 1),
             units=number(units_change, L, 1)))

# --- markets compared
st.subheader(t("markets.section.compare"))
st.caption(t("markets.compare.caption"))
st.multiselect(t("markets.compare"), list(table.index), key="m_compare", format_func=frozen(country_label))
state.publish(KEYS)
rows = []
for code in state.value("m_compare"):
    r = table.loc[code]
    if not fx.has(r["currency"]):
        continue
    xc = fx.local_per_base(r["currency"], seller.currency)
    p = local_price_from_home(home_gross, home_vat, float(r["vat_standard_pct"]), xc, r["price_ending"])
    ci, cr = default_inputs(seller, table, code, fx, price_gross_local=p, unit_cost_base=inputs.unit_cost_base,
                            channel_kind=channel, units_per_order=inputs.units_per_order)
    res = compute(ci)
    rows.append({"market": country_label(code), "price": money(p, r["currency"], L), "regime": say(f"market.regime.{cr.regime}", cr.params),
                 "margin": res.contribution_margin_base, "pct": res.margin_pct, "low": res.low_base, "high": res.high_base,
                 "breakeven": res.breakeven_fx_local_per_base})
if rows:
    compared = pd.DataFrame(rows).sort_values("margin", ascending=False)
    st.altair_chart(mv.compare_chart(compared, seller.currency), width="stretch")
    shown = compared.rename(columns={"market": t("markets.col.market"), "price": t("markets.col.price"),
                                     "regime": t("markets.col.regime"),
                                     "margin": t("markets.col.margin", currency=seller.currency),
                                     "pct": t("markets.col.pct"), "low": t("markets.col.low", currency=seller.currency),
                                     "high": t("markets.col.high", currency=seller.currency),
                                     "breakeven": t("markets.col.breakeven")})
    st.dataframe(styled(shown, L, number_columns(shown)), placeholder=DASH, hide_index=True, width="stretch")

# --- entry: break-even and demand from comparables
st.subheader(t("markets.section.entry"))
e1, e2 = st.columns(2)
e1.number_input(t("markets.fixed", currency=seller.currency), min_value=0.0, max_value=1e8, step=500.0, key="m_fixed")
sold_here = all_countries.loc[all_countries["key"].astype(str).str.len() == 2]
per_month = dict(zip(sold_here["key"], sold_here["units_per_month"]))
population = dict(zip(table.index, table["population_m"]))
comparables = {c: u for c, u in per_month.items() if c != market and c != seller.country}
demand = comparable_demand(comparables or per_month, population, float(row["population_m"]))
if demand:
    st.caption(t("markets.entry.demand", mid=number(demand.mid, L), low=number(demand.low, L), high=number(demand.high, L)))
else:
    st.caption(t("markets.entry.no_demand"))
if state.value("m_units") is None:
    st.session_state["m_units"] = round(demand.mid, 1) if demand else 0.0
e2.number_input(t("markets.units_month"), min_value=0.0, max_value=1e7, step=10.0, key="m_units")
state.publish(KEYS)
units = break_even_units(state.value("m_fixed"), result.contribution_margin_base)
months = months_to_break_even(state.value("m_fixed"), result.contribution_margin_base, state.value("m_units"))
st.info(t("markets.entry.breakeven", units=number(units, L), months=number(months, L, 1), per_month=number(state.value("m_units"), L))
        if units is not None and months is not None else t("markets.entry.never"))
from ui.scenario_save import save_market_button  # noqa: E402  saved scenario + share link (issue 16)
save_market_button(inputs, sku, market, channel, state.value("m_target"), state.value("m_fixed"),
                   state.value("m_units"), row["price_ending"])
st.markdown("**" + t("markets.oss.title") + "**")
statuses = mv.oss(seller.country, fx)
if not statuses:
    st.caption(t("markets.oss.none"))
for s in statuses:
    key = "markets.oss.crossed" if s.crossed_on else ("markets.oss.expected" if s.expected_on else "markets.oss.below")
    st.caption(t(key, year=s.year, sales=number(s.sales_eur, L), day=(s.crossed_on or s.expected_on or "")))

# --- channels compared
st.subheader(t("markets.section.channels"))
st.caption(t("markets.channels.caption"))
channel_table = mv.channel_table(seller, table, fx, inputs, home_gross, home_vat)
st.dataframe(styled(channel_table, L, number_columns(channel_table) | {t("markets.col.orders"): 0}),
             placeholder=DASH, hide_index=True, width="stretch")
reported = mv.channel_costs()
reported = reported.loc[reported["has_own_fees"].astype(bool)]
if not reported.empty:
    with st.expander(t("markets.section.channel_costs")):
        st.caption(t("markets.channel_costs.caption"))
        shown = reported.drop(columns=["has_own_fees"])
        shown = shown.rename(columns={c: t(f"markets.cost.{c}") for c in shown.columns})
        st.dataframe(styled(shown, L, number_columns(shown)), placeholder=DASH, hide_index=True, width="stretch")

# --- own history and the reference
with st.expander(t("markets.section.history")):
    hist = all_countries.copy()
    hist["key"] = hist["key"].map(lambda c: country_label(c))
    st.dataframe(styled(hist, L, number_columns(hist)), placeholder=DASH, hide_index=True, width="stretch")
with st.expander(t("markets.section.reference")):
    st.caption(t("markets.ref.caption"))
    reference = table.reset_index(drop=True)
    st.dataframe(styled(reference, L, number_columns(reference)), placeholder=DASH, hide_index=True,
                 width="stretch")
    st.markdown("**" + t("markets.fx.title", day=fx.as_of.isoformat()) + "**")
    st.caption(t("markets.fx.caption", url=ECB_DAILY_URL))
    edited = st.data_editor(pd.DataFrame({"currency": list(fx.rates), "rate": list(fx.rates.values())}),
                            hide_index=True, key="m_fx_editor", disabled=["currency"])
    if st.button(t("markets.fx.save"), key="m_fx_save"):
        mv.save_fx({c: float(r) for c, r in zip(edited["currency"], edited["rate"]) if c != "EUR"})
        st.success(t("markets.fx.saved"))
