"""Customers: new vs returning revenue, repeat rates and time between orders per customer
group, monthly cohorts, RFM segments and the customers' value ahead (BG/NBD + Gamma-Gamma,
with an interval and a hold-out check); guest orders apart. Inputs live in the URL
(``c_*``); the numbers are computed once per data version and shared by all sessions."""
import pandas as pd
import streamlit as st

from ui import customers_view as cv, datasets, loaders, state
from ui.formatting import DASH, day, money, number, percent, signed_percent, styled
from ui.safe import md_escape
from ui.text import frozen, lang, say, t, TABLES, working
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)


def group_name(code) -> str:
    """A customer group in words where the shop system's code is known (Shopware EK / H)."""
    key = f"customers.group.{code}"
    return t(key) if key in TABLES["en"] else str(code)


def satisfaction() -> None:
    """The NPS section: upload a survey export, pick a survey and segment, see the score."""
    from ecom_models.customers.nps import detractor_words, nps, nps_by, nps_trend
    from ecom_models.ingest.errors import IngestError

    st.subheader(t("nps.section"))
    u1, u2 = st.columns([3, 1])
    upload = u1.file_uploader(t("nps.upload"), type=["csv", "txt", "tsv"], key="nps_upload", max_upload_size=20)
    u2.text_input(t("nps.score_column"), key="nps_score_column", max_chars=100)
    if upload is not None and st.session_state.get("nps_done", (None,))[0] != upload.file_id:
        outcome = cv.import_survey(upload, st.session_state.get("nps_score_column"))
        if not isinstance(outcome, IngestError):
            st.session_state["c_survey"], st.session_state["c_seg"] = outcome[1]["id"], ""
        st.session_state["nps_done"] = (upload.file_id, outcome)
    if upload is not None:
        outcome = st.session_state["nps_done"][1]
        if isinstance(outcome, IngestError):
            st.error(md_escape(outcome.render(L)))
        else:
            st.success(md_escape(t(outcome[0], file=outcome[1]["file"], n=number(outcome[1]["n"], L))))
    table = cv.surveys()
    if table.empty:
        st.info(t("nps.none"))
        return
    ids = table["id"].astype(int).tolist()
    if state.value("c_survey") not in ids:
        if state.value("c_survey") is not None:
            st.warning(md_escape(state.reject("c_survey", "link.unknown_products")))
        st.session_state["c_survey"] = ids[0]
    names = dict(zip(ids, table["file_name"].astype(str)))
    s1, s2 = st.columns(2)
    s1.selectbox(t("nps.pick"), ids, key="c_survey", format_func=lambda i: f"#{i} {names.get(i, '')}")
    survey = table.loc[table["id"] == state.value("c_survey")].iloc[0]
    answers = cv.responses(survey)
    segments = sorted(answers["segment"].dropna().astype(str).unique().tolist())
    if state.value("c_seg") not in ("", *segments):
        st.warning(md_escape(state.reject("c_seg", "link.unknown_products")))
    if segments:
        s2.selectbox(t("nps.segment"), ["", *segments], key="c_seg",
                     format_func=frozen(lambda g: t("nps.segment_all") if g == "" else g))
    chosen = answers if not state.value("c_seg") else answers.loc[answers["segment"] == state.value("c_seg")]
    result = nps(chosen["score"])
    st.markdown(t("nps.result", nps=number(result.nps, L), low=number(result.ci_low, L), high=number(result.ci_high, L),
                  n=number(result.n, L), p=number(result.promoters, L), pa=number(result.passives, L),
                  d=number(result.detractors, L)))
    if int(survey["blank"]):
        st.caption(t("nps.skipped", n=number(int(survey["blank"]), L)))
    trend = nps_trend(chosen)
    if len(trend) > 1:
        st.markdown("**" + t("nps.trend") + "**")
        st.altair_chart(cv.nps_chart(trend, {"month": t("customers.month"), "nps": t("col.nps")}, L), width="stretch")
    n1, n2 = st.columns(2)
    if segments:
        per = nps_by(answers, "segment")
        n1.markdown("**" + t("nps.by_segment") + "**")
        n1.dataframe(styled(pd.DataFrame({t("nps.segment"): per["segment"], t("col.n"): per["n"],
                                          t("col.nps"): per["nps"], t("col.low"): per["ci_low"],
                                          t("col.high"): per["ci_high"]}), L,
                            {t("col.n"): 0, t("col.nps"): 0, t("col.low"): 0, t("col.high"): 0}), placeholder=DASH, hide_index=True)
    words = detractor_words(chosen)
    n2.markdown("**" + t("nps.words") + "**")
    if words.empty:
        n2.caption(t("nps.no_comments"))
    else:
        n2.dataframe(pd.DataFrame({t("col.word"): words["word"], t("col.count"): words["count"]}), placeholder=DASH, hide_index=True)


KEYS = ["c_currency", "c_group", "c_horizon", "c_survey", "c_seg"]
notices = state.bind(KEYS)
L = lang()
st.title(t("customers.title"))
datasets.stop_when_empty()
summary = loaders.currency_summary()
codes = summary["currency"].tolist()
currency = datasets.chosen_currency(summary, notices, "c_currency")
with working("spin.customers"):
    groups = cv.customers_run(currency, "").groups
if state.value("c_group") not in ("", *groups):
    notices.append(state.reject("c_group", "link.unknown_products"))
c1, c2 = st.columns(2) if len(codes) > 1 else (None, st.columns(2)[0])
if len(codes) > 1:
    st.session_state["c_currency"] = currency
    c1.selectbox(t("portfolio.currency"), codes, key="c_currency")
if groups:
    c2.selectbox(t("customers.group"), ["", *groups], key="c_group", format_func=frozen(
        lambda g: t("customers.group_all") if g == "" else group_name(g)))
for notice in notices:
    st.warning(md_escape(notice))
group = state.value("c_group")
with working("spin.customers"):
    run = cv.customers_run(currency, group)
st.caption(t("customers.caption", currency=currency))
if run.guests["orders"]:
    st.caption(t("customers.guests", orders=number(run.guests["orders"], L),
                 revenue=money(run.guests["revenue"], currency, L, 0)))
if run.orders.empty:
    st.info(t("customers.no_customers"))
    satisfaction()
    state.publish(KEYS)
    st.stop()

# ---- new vs returning, repeat rate, time between orders
st.subheader(t("customers.section.new"))
ra = run.repeat_all.iloc[0]
m1, m2, m3, m4, m5 = st.columns(5)
m1.metric(t("customers.metric.customers"), number(ra["customers"], L))
m2.metric(t("customers.metric.repeat"), percent(ra["repeat_rate"], L, 0), help=t("customers.metric.repeat_help"))
m3.metric(t("customers.metric.fair"), percent(ra["repeat_rate_fair"], L, 0) if pd.notna(ra["repeat_rate_fair"]) else "–",
          help=t("customers.metric.fair_help", n=number(ra["eligible"], L)))
m4.metric(t("customers.metric.opc"), number(ra["orders_per_customer"], L, 1))
m5.metric(t("customers.metric.gap"), number(ra["median_days_between"], L, 0))
words = {k: t(f"customers.{k}") for k in ("new", "returning", "month", "revenue")}
st.altair_chart(cv.new_returning_chart(run.monthly, words, L), width="stretch")
st.caption(t("customers.new_caption"))
if len(run.repeat) > 1 or groups:
    st.markdown("**" + t("customers.by_group") + "**")
    rp = run.repeat
    st.dataframe(styled(pd.DataFrame({
        t("col.group"): [group_name(g) for g in rp["group"]], t("col.customers"): rp["customers"],
        t("col.repeat"): rp["repeat_rate"] * 100, t("col.fair"): rp["repeat_rate_fair"] * 100, t("col.opc"): rp["orders_per_customer"],
        t("col.gap"): rp["median_days_between"]}), L,
        {t("col.customers"): 0, t("col.repeat"): 0, t("col.fair"): 0, t("col.opc"): 1, t("col.gap"): 0}),
        placeholder=DASH, hide_index=True)

# ---- cohorts
st.subheader(t("customers.section.cohorts"))
curve = run.curve.set_index("k")["retention"] if len(run.curve) else pd.Series(dtype=float)
st.markdown(t("customers.curve", m1=percent(curve.get(1), L, 0), m6=percent(curve.get(6), L, 0),
              m12=percent(curve.get(12), L, 0)))
if len(run.curve) > 1:
    st.altair_chart(cv.retention_chart(run.curve, {"k": t("customers.months_after"), "retention": t("customers.retention")},
                                       L), width="stretch")
ct = run.cohorts
shown = ct.drop(columns="size").mul(100)
shown.insert(0, t("col.size"), ct["size"])
shown.columns = [str(c) for c in shown.columns]
shown.index = [day(d.date(), L) for d in ct.index]
st.dataframe(styled(shown.reset_index(names=t("col.cohort")), L,
                    {c: 0 for c in shown.columns}), placeholder=DASH, hide_index=True, width="stretch", height=300)
st.caption(t("customers.cohorts_caption"))

# ---- RFM
st.subheader(t("customers.section.rfm"))
seg = run.rfm
st.dataframe(styled(pd.DataFrame({
    t("col.segment"): [say(f"rfm.{s}") for s in seg["segment"]], t("col.customers"): seg["customers"],
    t("col.share_customers"): seg["share"] * 100, t("col.share_revenue"): seg["revenue_share"] * 100,
    t("col.recency"): seg["mean_recency_days"], t("col.opc"): seg["mean_orders"]}), L,
    {t("col.customers"): 0, t("col.share_customers"): 0, t("col.share_revenue"): 0, t("col.recency"): 0,
     t("col.opc"): 1}), placeholder=DASH, hide_index=True)
st.caption(t("customers.rfm_caption"))

# ---- CLV
st.subheader(t("customers.section.clv"))
st.selectbox(t("customers.horizon"), [13, 26, 52, 104], key="c_horizon")
horizon = int(state.value("c_horizon"))
with working("spin.value"):
    valued = cv.value(currency, group, horizon)
if valued is None:
    st.info(t("customers.clv_few"))
else:
    result, per_group, check = valued
    ranged = "customers.clv" if pd.notna(result.total_low) else "customers.clv_no_range"
    st.markdown(t(ranged, weeks=horizon, total=money(result.total, currency, L, 0),
                  low=money(result.total_low, currency, L, 0), high=money(result.total_high, currency, L, 0)))
    st.caption(t("customers.clv_caption"))
    if check is not None:
        diff = (check["predicted"] - check["actual"]) / check["actual"] if check["actual"] else None
        st.markdown(t("customers.check", cut=day(check["cut"].date(), L), pred=number(check["predicted"], L),
                      weeks=check["weeks"], actual=number(check["actual"], L), diff=signed_percent(diff, L, 0)))
    if len(per_group) > 1:
        st.dataframe(styled(pd.DataFrame({
            t("col.group"): [group_name(g) for g in per_group["group"]], t("col.customers"): per_group["customers"],
            t("col.clv"): per_group["clv"], t("col.clv_low"): per_group["clv_low"],
            t("col.clv_high"): per_group["clv_high"], t("col.per_customer"): per_group["per_customer"]}), L,
            {t("col.customers"): 0, t("col.clv"): 0, t("col.clv_low"): 0, t("col.clv_high"): 0, t("col.per_customer"): 0}),
            placeholder=DASH, hide_index=True)
    note_value = money(result.total, currency, L, 0)
    top = result.customers.head(20)
    st.markdown("**" + t("customers.top") + "**")
    st.dataframe(styled(pd.DataFrame({
        t("col.customer"): top["customer_id"].astype(str), t("col.group"): [group_name(g) for g in top["customer_group"]],
        t("col.p_alive"): top["p_alive"] * 100, t("col.purchases"): top["purchases"], t("col.spend"): top["spend"],
        t("col.clv"): top["clv"], t("col.clv_low"): top["clv_low"], t("col.clv_high"): top["clv_high"]}), L,
        {t("col.p_alive"): 0, t("col.purchases"): 1, t("col.spend"): 2, t("col.clv"): 0, t("col.clv_low"): 0,
         t("col.clv_high"): 0}), placeholder=DASH, hide_index=True, width="stretch")

satisfaction()
state.publish(KEYS)
rates = ", ".join(f"{group_name(r.group)} {percent(r.repeat_rate, L, 0)}" for r in run.repeat.itertuples()) \
    if len(run.repeat) > 1 else percent(ra["repeat_rate"], L, 0)
st.info(t("customers.note", customers=number(ra["customers"], L), rates=rates,
          m1=percent(curve.get(1), L, 0), m12=percent(curve.get(12), L, 0),
          value=note_value if valued is not None else "–", weeks=horizon))
