"""Forecast & stock: units ahead per product (method chosen per series by backtest, the
seasonal-naive baseline beside it, calibrated intervals), a price / promotion what-if, and
the stock plan that follows. Every input lives in the URL (``f_*``), so a link rebuilds
the same view; the forecasts themselves are computed once per data version and shared."""
import pandas as pd
import streamlit as st

from ecom_models.forecasting.scenario import BOUNDS, ForecastScenario
from ecom_models.forecasting.whatif import evaluate
from ui import forecast_view, loaders, state
from ui.formatting import DASH, day, number, percent, signed_percent, styled
from ui.safe import csv_bytes, md_escape
from ui.text import frozen, lang, say, t, working
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["f_level", "f_series", "f_h", "f_price", "f_promo", "f_disc", "f_stock", "f_lead", "f_review",
        "f_sl", "f_moq"]
LEVELS = ["sku", "country", "category", "total"]
notices = state.bind(KEYS)
L = lang()
st.title(t("forecast.title"))
st.caption(t("forecast.caption"))
with working("spin.lines"):
    empty = not loaders.store_exists() or loaders.lines().empty
if empty:
    st.info(t("common.empty_store"))
    st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")
    st.stop()

c1, c2, c3 = st.columns([1.2, 3, 1])
c1.selectbox(t("forecast.level"), LEVELS, key="f_level", format_func=frozen(lambda v: t(f"forecast.level.{v}")))
c3.selectbox(t("forecast.horizon"), [4, 8, 13, 26], key="f_h")
level, horizon = state.value("f_level"), int(state.value("f_h"))
with working("spin.forecast"):
    run = forecast_view.forecast_run(level, horizon)
if run is None:
    for notice in notices:
        st.warning(md_escape(notice))
    state.publish(KEYS)
    st.warning(t("forecast.no_category") if level == "category" else
               t("forecast.too_little", weeks=forecast_view.MIN_WEEKS))
    st.stop()

ids = run.chosen.index.tolist()
names = forecast_view.names() if level == "sku" else {}
if state.value("f_series") not in ids:
    if state.value("f_series") is not None:
        notices.append(state.reject("f_series", "link.unknown_products"))
    st.session_state["f_series"] = ids[0]
label = t("forecast.series") if level == "sku" else t("forecast.series_other")
c2.selectbox(label, ids, key="f_series",
             format_func=lambda s: f"{s} — {names[s]}" if s in names else s, disabled=len(ids) < 2)
for notice in notices:
    st.warning(md_escape(notice))
series = state.value("f_series")
first_day = run.forecast.loc[run.forecast["series_id"] == series, "period"].iloc[0].date()

# ---- inputs of the what-if and the stock plan (all in the URL)
st.subheader(t("forecast.section.whatif"))
w1, w2, w3 = st.columns(3)
low, high, _ = BOUNDS["price_change_pct"]
w1.number_input(t("forecast.price_change"), min_value=low, max_value=high, step=1.0, key="f_price")
if state.value("f_promo") > horizon:
    st.session_state["f_promo"] = 0
w2.selectbox(t("forecast.promo_week"), list(range(0, horizon + 1)), key="f_promo",
             format_func=frozen(lambda n: t("forecast.promo_none") if n == 0 else
                                t("forecast.promo_week_n", n=n, day=day(first_day + pd.Timedelta(weeks=n - 1), lang()))))
low, high, _ = BOUNDS["promo_discount_pct"]
w3.number_input(t("forecast.promo_discount"), min_value=low, max_value=high, step=5.0, key="f_disc",
                disabled=state.value("f_promo") == 0)

stock_known = forecast_view.stock_on_hand([series]).get(series)
stock_known = None if stock_known is None or pd.isna(stock_known) else float(stock_known)
s1, s2, s3, s4, s5 = st.columns(5)
s1.number_input(t("forecast.stock"), min_value=0.0, step=1.0, key="f_stock", value=None,
                placeholder=number(stock_known, L) if stock_known is not None else "–", help=t("forecast.stock_help"))
for col, key, field, step in ((s2, "f_lead", "lead_time_days", 1), (s3, "f_review", "review_period_days", 1)):
    low, high, _ = BOUNDS[field]
    col.number_input(t("forecast.lead" if key == "f_lead" else "forecast.review"), min_value=low, max_value=high,
                     step=step, key=key, help=t("forecast.lead_help") if key == "f_lead" else None)
low, high, _ = BOUNDS["service_level_pct"]
s4.number_input(t("forecast.service"), min_value=low, max_value=high, step=0.5, key="f_sl",
                help=t("forecast.service_help"))
s5.number_input(t("forecast.moq"), min_value=0.0, step=1.0, key="f_moq")
state.publish(KEYS)

promo = int(state.value("f_promo")) or None
scenario = ForecastScenario(
    horizon_weeks=horizon, lead_time_days=int(state.value("f_lead")),
    review_period_days=int(state.value("f_review")), service_level_pct=float(state.value("f_sl")),
    current_stock_units=state.value("f_stock"), min_order_qty_units=float(state.value("f_moq")),
    price_change_pct=float(state.value("f_price")), promo_week=promo,
    promo_discount_pct=float(state.value("f_disc")) if promo else 0.0)
whatif_on = scenario.price_change_pct != 0 or (promo is not None and scenario.promo_discount_pct > 0)
elasticity = None
if whatif_on and level == "sku":
    elasticity = forecast_view.elasticity_for(series, forecast_view.sku_currency(series))
outcome = evaluate(run, series, scenario, elasticity, stock_known)
weeks = outcome.weeks

# ---- the forecast
st.subheader(t("forecast.section.forecast"))
scores = run.scores.loc[run.scores["series_id"] == series].set_index("model")
own, base = scores.loc[outcome.model, "mase"], scores.loc["seasonal_naive", "mase"]
m1, m2, m3 = st.columns(3)
m1.metric(t("forecast.metric.units", weeks=horizon), number(outcome.units_forecast, L),
          help=t("forecast.metric.units_help", low=number(weeks["lo80"].sum(), L),
                 high=number(weeks["hi80"].sum(), L), base=number(weeks["baseline"].sum(), L)))
m2.metric(t("forecast.metric.model"), say(f"model.{outcome.model}"), help=t("forecast.metric.model_help"))
m3.metric(t("forecast.metric.beats"), number(own, L, 2),
          signed_percent((own - base) / base, L, 0) if pd.notna(own) and pd.notna(base) and base > 0 else None,
          delta_color="inverse", help=t("forecast.metric.beats_help", own=number(own, L, 2), base=number(base, L, 2)))
if outcome.model != "seasonal_naive" and pd.notna(own) and pd.notna(base) and own < base:
    st.markdown(t("forecast.beats", pct=percent(1 - own / base, L, 0), own=number(own, L, 2), base=number(base, L, 2)))
else:
    st.markdown(t("forecast.not_beats", base=number(base, L, 2)))
words = {k: t(f"forecast.chart.{k}") for k in ("actual", "forecast", "baseline", "scenario", "band80",
                                               "band95", "units", "week")}
st.altair_chart(forecast_view.forecast_chart(forecast_view.history_frame(run, series), weeks, words,
                                             whatif_on, L), width="stretch")
st.caption(t("forecast.coverage", c80=percent(run.coverage[80], L, 0), c95=percent(run.coverage[95], L, 0)))

# ---- the what-if's effect
if whatif_on:
    if elasticity is not None:
        st.caption(t("forecast.elasticity", e=number(elasticity.value, L, 2), low=number(elasticity.low, L, 2),
                     high=number(elasticity.high, L, 2), one=signed_percent(elasticity.value / 100, L, 1)))
    delta = (outcome.units_scenario - outcome.units_forecast) / outcome.units_forecast if outcome.units_forecast else None
    st.markdown(t("forecast.scenario_units", units=number(outcome.units_scenario, L), weeks=horizon,
                  delta=signed_percent(delta, L, 1)))
else:
    st.caption(t("forecast.no_whatif"))
for code, params in outcome.notes:
    if code != "forecast.stock_unknown":
        st.info(md_escape(say(code, params)))
from ui.scenario_save import save_forecast_button  # noqa: E402  saved scenario + share link (issue 16)
save_forecast_button(run, level, series, scenario, stock_known, elasticity)

# ---- stock plan
st.subheader(t("forecast.section.stock"))
plan = outcome.stock
if scenario.current_stock_units is None:
    st.caption(t("forecast.stock_from_export", units=number(stock_known, L)) if stock_known is not None
               else t("forecast.stock_missing"))
p1, p2, p3, p4, p5 = st.columns(5)
p1.metric(t("forecast.metric.safety"), number(plan.safety_stock_units, L), help=t("forecast.metric.safety_help"))
p2.metric(t("forecast.metric.rop"), number(plan.reorder_point_units, L), help=t("forecast.metric.rop_help"))
p3.metric(t("forecast.metric.order"), number(plan.order_units, L),
          help=t("forecast.metric.order_help", upto=number(plan.order_up_to_units, L)))
p4.metric(t("forecast.metric.stockout"), day(plan.stockout_date, L) if plan.stockout_date else
          (t("forecast.not_in_horizon", weeks=horizon) if plan.stock_units is not None else "–"))
p5.metric(t("forecast.metric.prob"), percent(plan.stockout_prob_pct / 100, L, 0)
          if plan.stockout_prob_pct is not None else "–", help=t("forecast.metric.prob_help"))
if plan.below_reorder_point:
    st.warning(t("forecast.reorder_now"))

if level == "sku":
    from ecom_models.forecasting.inventory import stock_plan

    st.subheader(t("forecast.section.table"))
    table_scenario = ForecastScenario(horizon_weeks=horizon, lead_time_days=scenario.lead_time_days,
                                      review_period_days=scenario.review_period_days,
                                      service_level_pct=scenario.service_level_pct,
                                      min_order_qty_units=scenario.min_order_qty_units)
    table = stock_plan(run, loaders.product_table(), table_scenario)
    units = run.forecast.groupby("series_id", sort=False)["mean"].sum()
    shown = pd.DataFrame({
        t("col.series"): table["series_id"], t("col.product"): [names.get(s, "") for s in table["series_id"]],
        t("col.model"): [say(f"model.{m}") for m in table["model"]],
        t("col.units_next"): table["series_id"].map(units).to_numpy(), t("col.stock"): table["stock_units"],
        t("col.safety"): table["safety_stock_units"], t("col.rop"): table["reorder_point_units"],
        t("col.order"): table["order_units"],
        t("col.stockout"): [day(d, L) if d else "" for d in table["stockout_date"]],
        t("col.prob"): table["stockout_prob_pct"] / 100})
    st.caption(t("forecast.table_caption", n=len(table)))
    st.dataframe(styled(shown, L, {c: 0 for c in (t("col.units_next"), t("col.stock"), t("col.safety"),
                                                   t("col.rop"), t("col.order"))}),
                 placeholder=DASH, hide_index=True, width="stretch",
                 column_config={t("col.prob"): st.column_config.ProgressColumn(
                     t("col.prob"), min_value=0.0, max_value=1.0, format="percent")})
    st.download_button(t("common.download_csv"), csv_bytes(shown), "stock_plan.csv", "text/csv", key="dl_stock")

# ---- how good is it
st.subheader(t("forecast.section.check"))
check = run.check
if check["n_series"]:
    st.markdown(t("forecast.check", wape=percent(check["wape"], L, 0), base=percent(check["baseline_wape"], L, 0),
                  n=number(check["n_series"], L)))
table = scores.dropna(subset=["mae"]).sort_values("mase")
st.caption(t("forecast.scores_caption"))
st.dataframe(styled(pd.DataFrame({t("col.model"): [say(f"model.{m}") for m in table.index],
                                  t("col.mase"): table["mase"].to_numpy(), t("col.wape"): table["wape"].to_numpy()}),
                    L, {t("col.mase"): 2, t("col.wape"): 2}), placeholder=DASH, hide_index=True)
