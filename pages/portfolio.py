"""Portfolio: ABC/XYZ, best-sellers and sleepers with a suggested action (linking to the
pricing and bundle what-ifs), and returns. Every input lives in the URL (``p_*``); the
numbers are computed once per data version and inputs and shared by all sessions."""
import pandas as pd
import streamlit as st

from ui import datasets, loaders, portfolio_view as pv, state
from ui.formatting import DASH, day, money, number, percent, signed_percent, styled
from ui.safe import csv_bytes, md_escape
from ui.text import frozen, lang, say, t, working
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["p_currency", "p_weeks", "p_by", "p_a", "p_b", "p_x", "p_y", "p_idle", "p_rcost"]
notices = state.bind(KEYS)
L = lang()
st.title(t("portfolio.title"))
datasets.stop_when_empty()
summary = loaders.currency_summary()
codes = summary["currency"].tolist()
currency = datasets.chosen_currency(summary, notices, "p_currency")
c1, c2, c3 = st.columns(3) if len(codes) > 1 else (None, *st.columns(2))
if len(codes) > 1:
    st.session_state["p_currency"] = currency
    c1.selectbox(t("portfolio.currency"), codes, key="p_currency")
c2.selectbox(t("portfolio.weeks"), [13, 26, 52, 104], key="p_weeks")
c3.radio(t("portfolio.by"), ["revenue", "profit"], key="p_by", horizontal=True,
         format_func=frozen(lambda v: t(f"by.{v}")))
with st.expander(t("portfolio.thresholds")):
    e1, e2, e3, e4 = st.columns(4)
    e1.number_input(t("portfolio.a"), 50.0, 95.0, step=5.0, key="p_a")
    e2.number_input(t("portfolio.b"), 1.0, 45.0, step=1.0, key="p_b")
    e3.number_input(t("portfolio.x"), 0.1, 2.0, step=0.1, key="p_x", help=t("portfolio.xy_help"))
    e4.number_input(t("portfolio.y"), 0.2, 5.0, step=0.1, key="p_y", help=t("portfolio.xy_help"))
for notice in notices:
    st.warning(md_escape(notice))
state.publish(KEYS)

weeks, by = int(state.value("p_weeks")), state.value("p_by")
a, b = float(state.value("p_a")), float(state.value("p_b"))
x, y = float(state.value("p_x")), float(state.value("p_y"))
idle, rcost = int(state.value("p_idle")), float(state.value("p_rcost"))
with working("spin.portfolio"):
    run = pv.portfolio_run(currency, weeks, by, a, b, x, y, idle, rcost)
if run is None:
    st.info(t("common.empty_store"))
    st.stop()
st.caption(t("portfolio.caption", currency=currency, weeks=weeks, end=day(run.end.date(), L)))
if by == "profit" and not run.has_cost:
    st.info(t("portfolio.no_cost"))
    by = "revenue"
by_word = t(f"by.{by}")
cl = run.classified

# ---- ABC/XYZ
st.subheader(t("portfolio.section.abc"))
n_a, n_c = int((cl["abc"] == "A").sum()), int((cl["abc"] == "C").sum())
share = cl.groupby("abc")["share"].sum()
too_new = int(cl["xyz"].isna().sum())
st.markdown(t("portfolio.abc_summary", a=number(n_a, L), a_share=percent(share.get("A", 0.0), L, 0), by=by_word,
              c=number(n_c, L), c_share=percent(share.get("C", 0.0), L, 0),
              x=number(int((cl["xyz"] == "X").sum()), L), z=number(int((cl["xyz"] == "Z").sum()), L),
              new=t("portfolio.abc_new", n=number(too_new, L)) if too_new else ""))
st.dataframe(pv.matrix_table(run.matrix, L).rename(columns={"abc": ""}), placeholder=DASH, hide_index=True)
st.caption(t("portfolio.matrix_caption", a=number(a, L), b=number(b, L), by=by_word, x=number(x, L, 1),
             y=number(y, L, 1)))
table = pd.DataFrame({t("col.sku"): cl["sku"], t("col.product"): cl["name"].astype(str),
                      t("col.abc"): cl["abc"], t("col.xyz"): cl["xyz"], t("col.revenue"): cl["revenue"],
                      t("col.share"): cl["share"], t("col.units"): cl["units"], t("col.cv"): cl["cv"],
                      t("col.stock"): cl["stock"]})
st.dataframe(styled(table, L, {t("col.revenue"): 0, t("col.units"): 0, t("col.cv"): 2, t("col.stock"): 0},
                    {t("col.share"): 1}), placeholder=DASH, hide_index=True, width="stretch", height=260)
st.download_button(t("common.download_csv"), csv_bytes(table), "abc_xyz.csv", "text/csv")

# ---- best-sellers
st.subheader(t("portfolio.section.best"))
best = run.best
st.dataframe(styled(pd.DataFrame({
    t("col.sku"): best["sku"], t("col.product"): best["name"].astype(str), t("col.revenue"): best["revenue"],
    t("col.units"): best["units"], t("col.trend"): [signed_percent(v / 100, L, 0) if pd.notna(v) else "–"
                                                    for v in best["trend_pct"]],
    t("col.stock"): best["stock"], t("col.cover"): best["cover_weeks"].where(best["stock"] > 0)}), L,
    {t("col.revenue"): 0, t("col.units"): 0, t("col.stock"): 0, t("col.cover"): 1}), placeholder=DASH, hide_index=True, width="stretch")

short = best.loc[(best["stock"] <= 0) | (best["cover_weeks"] < 4)]
if len(short):
    st.warning(t("portfolio.best_short", n=number(len(short), L),
                 names=md_escape(", ".join(f"{r.sku} {r.name}" for r in short.itertuples()))))
    st.page_link("pages/forecast.py", label=t("portfolio.to_forecast"), icon=":material/trending_up:",
                 query_params={"f_level": "sku", "f_series": str(short["sku"].iloc[0])})

# ---- sleepers
st.subheader(t("portfolio.section.sleepers"))
st.caption(t("portfolio.sleepers_caption", idle=number(idle, L)))
st.number_input(t("portfolio.idle"), 7, 365, step=7, key="p_idle")
sl = run.sleepers
if sl.empty:
    st.info(t("portfolio.sleepers_none"))
else:
    value = float((sl["stock"].fillna(0) * sl["unit_cost"]).sum()) if run.has_cost else None
    st.markdown(t("portfolio.sleepers_n", n=number(len(sl), L), value=money(value, currency, L, 0))
                if value is not None else t("portfolio.sleepers_n_nocost", n=number(len(sl), L)))

    def reasons(row) -> str:
        params = {"days": row.days_since_sale, "trend": abs(row.trend_pct) if pd.notna(row.trend_pct) else 0,
                  "cover": row.cover_weeks if pd.notna(row.cover_weeks) else 0}
        return "; ".join(say(f"portfolio.reason.{code}", params) for code in row.reasons)

    tied = sl["stock"] * sl["unit_cost"]
    sl = sl.assign(_tied=tied.fillna(0)).sort_values(["_tied", "days_since_sale"], ascending=False, kind="mergesort")
    st.dataframe(styled(pd.DataFrame({
        t("col.sku"): sl["sku"], t("col.product"): sl["name"].astype(str),
        t("col.action"): [say(f"portfolio.action.{c}", p) for c, p in zip(sl["action"], sl["action_params"])],
        t("col.reasons"): [reasons(r) for r in sl.itertuples()],
        t("col.class"): sl["abc"] + sl["xyz"].fillna(""), t("col.stock"): sl["stock"],
        t("col.stock_value"): sl["stock"] * sl["unit_cost"], t("col.idle"): sl["days_since_sale"]}),
        L, {t("col.stock"): 0, t("col.stock_value"): 0, t("col.idle"): 0}), placeholder=DASH, hide_index=True, width="stretch",
        column_config={t("col.action"): st.column_config.TextColumn(width="large"),
                       t("col.reasons"): st.column_config.TextColumn(width="medium")})
    st.markdown("**" + t("portfolio.act_on") + "**")
    for row in sl.head(5).itertuples():
        if row.action == "bundle":
            st.page_link("pages/bundles.py", label=t("portfolio.try_bundle", sku=f"{row.sku} {row.name}",
                                                     partner=row.partner_sku),
                         icon=":material/shopping_basket:", query_params={"b_items": f"{row.sku},{row.partner_sku}"})
        else:
            st.page_link("pages/pricing.py", label=t("portfolio.try_price", cut=10, sku=f"{row.sku} {row.name}"),
                         icon=":material/sell:",
                         query_params={"skus": row.sku, "change": "-10", "currency": currency})

# ---- returns
st.subheader(t("portfolio.section.returns"))
st.number_input(t("portfolio.rcost", currency=currency), 0.0, 1000.0, step=0.5, key="p_rcost",
                help=t("portfolio.rcost_help"))
rp = run.returns["product"]
units_back, units_sold = rp["units_returned"].sum(), rp["units_sold"].sum()
rate = units_back / units_sold if units_sold else None
margin = rp["margin_lost"].sum(min_count=1)
if run.has_cost and pd.notna(margin):
    st.markdown(t("portfolio.returns_summary", units=number(units_back, L), rate=percent(rate, L, 1),
                  revenue=money(rp["revenue_lost"].sum(), currency, L, 0), margin=money(margin, currency, L, 0),
                  rcost=money(rcost, currency, L)))
else:
    st.markdown(t("portfolio.returns_summary_nocost", units=number(units_back, L), rate=percent(rate, L, 1),
                  revenue=money(rp["revenue_lost"].sum(), currency, L, 0)))
bad = run.unprofitable
if len(bad):
    names = dict(zip(cl["sku"], cl["name"].astype(str)))
    st.warning(t("portfolio.unprofitable", n=number(len(bad), L),
                 names=md_escape(", ".join(f"{s} {names.get(s, '')}" for s in bad["sku"].head(10)))))
elif run.has_cost:
    st.caption(t("portfolio.unprofitable_none"))
view = st.segmented_control(t("portfolio.returns_by"), ["product", "category", "country"], default="product",
                            format_func=frozen(lambda v: t(f"returns.{v}")))
frame = run.returns[view or "product"]
if view == "category" and frame["category"].isna().all():
    st.caption(t("portfolio.no_category"))
else:
    label = {"product": "sku", "category": "category", "country": "country"}[view or "product"]
    shown = pd.DataFrame({t("col.sku") if label == "sku" else t(f"returns.{view}"): frame[label].astype(str),
                          t("col.units_sold"): frame["units_sold"], t("col.units_returned"): frame["units_returned"],
                          t("col.return_rate"): frame["return_rate"], t("col.revenue_lost"): frame["revenue_lost"],
                          t("col.margin_lost"): frame["margin_lost"], t("col.profit_after"): frame["profit_after_returns"]})
    if label == "sku":
        names = dict(zip(cl["sku"], cl["name"].astype(str)))
        shown.insert(1, t("col.product"), [names.get(s, "") for s in frame["sku"].astype(str)])
    st.dataframe(styled(shown, L, {c: 0 for c in (t("col.units_sold"), t("col.units_returned"), t("col.revenue_lost"),
                                                  t("col.margin_lost"), t("col.profit_after"))},
                        {t("col.return_rate"): 1}), placeholder=DASH, hide_index=True, width="stretch", height=260)
st.info(t("portfolio.note", a=number(n_a, L), a_share=percent(share.get("A", 0.0), L, 0), by=by_word,
          sleepers=number(len(sl), L), margin=money(margin if pd.notna(margin) else None, currency, L, 0)))
