"""Glue of the Forecast & stock page: shared cached forecasts, the elasticity for the
what-if, the stock table and the chart.

Every computed forecast is one immutable ``ForecastRun`` per (store version, level,
horizon), held once in ``st.cache_resource`` and shared by all sessions (issue 21); the
session keeps only the user's inputs. Built from the shared order-lines copy
(``loaders._lines``), never from a per-session copy.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from . import loaders
from .charts import DAY_FORMAT, _localised

TOP = 50                  # best-selling series forecast on the page
MIN_WEEKS = 16            # complete weeks needed before the page forecasts
HISTORY_WEEKS = 26        # weeks of history drawn before the forecast (52 squeezed the forecast into a sliver)


@st.cache_resource(max_entries=8, show_spinner=False)
def _run(db: str, version_key: tuple, level: str, horizon: int):
    from ecom_models.forecasting.pipeline import forecast
    from ecom_models.forecasting.price_features import price_inputs
    from ecom_models.forecasting.series import build_series

    lines = loaders._lines(db, version_key)
    matrix = build_series(lines, level, "week", top=TOP)
    if matrix.values.shape[0] == 0 or matrix.values.shape[1] < MIN_WEEKS:
        return None
    # catalogue prices and promotion weeks for the global model (neutral above SKU level)
    return forecast(matrix, horizon, prices=price_inputs(lines, matrix, level))


def forecast_run(level: str, horizon: int):
    """The shared ``ForecastRun`` for ``level`` and ``horizon`` (None: too little history)."""
    if not loaders.store_exists():
        return None
    return _run(str(loaders.db_path()), loaders.version(), level, horizon)


@st.cache_resource(max_entries=2, show_spinner=False)
def _names(db: str, version_key: tuple) -> dict:
    from ecom_models.forecasting.series import series_names

    return series_names(loaders._lines(db, version_key), "sku")


def names() -> dict:
    """Product name per SKU series id."""
    return _names(str(loaders.db_path()), loaders.version())


def stock_on_hand(ids) -> pd.Series:
    """Stock per series id from the stock export (NaN where unknown)."""
    from ecom_models.forecasting.inventory import stock_lookup

    return stock_lookup(loaders.product_table(), list(ids))


def sku_currency(sku: str) -> str | None:
    """The currency most of the SKU's lines are in (the pricing model works per currency)."""
    lines = loaders.lines()
    mine = lines["currency"].to_numpy()[(lines["sku"] == sku).to_numpy()]
    if mine.size == 0:
        return None
    values, counts = np.unique(mine.astype(str), return_counts=True)
    return str(values[counts.argmax()])


def elasticity_for(sku: str, currency: str | None):
    """The pricing model's elasticity of ``sku`` (``whatif.elasticity_from_table``), None when
    pricing has nothing for its currency."""
    from ecom_models.forecasting.whatif import elasticity_from_table

    return elasticity_from_table(loaders.elasticities(currency), sku) if currency else None


def history_frame(run, series_id: str) -> pd.DataFrame:
    """The series' last ``HISTORY_WEEKS`` observed weeks: ``period``, ``y``."""
    row = int(np.flatnonzero(run.history.ids.astype(str) == series_id)[0])
    values = run.history.values[row, -HISTORY_WEEKS:]
    periods = run.history.periods[-HISTORY_WEEKS:]
    ok = ~np.isnan(values)
    return pd.DataFrame({"period": periods[ok], "y": values[ok]})


def forecast_chart(history: pd.DataFrame, weeks: pd.DataFrame, words: dict, show_scenario: bool,
                   lang: str) -> alt.Chart:
    """Actual units, the forecast with its 80 % and 95 % bands, the seasonal-naive
    baseline (dashed) and, when ``show_scenario``, the what-if line. ``words``: legend and
    axis labels in the user's language (keys actual, forecast, baseline, scenario, band80,
    band95, units, week)."""
    lines = [history.assign(kind=words["actual"], value=history["y"])[["period", "kind", "value"]],
             weeks.assign(kind=words["forecast"], value=weeks["mean"])[["period", "kind", "value"]],
             weeks.assign(kind=words["baseline"], value=weeks["baseline"])[["period", "kind", "value"]]]
    if show_scenario:
        lines.append(weeks.assign(kind=words["scenario"], value=weeks["scenario"])[["period", "kind", "value"]])
    long = pd.concat(lines, ignore_index=True)
    kinds = [words[k] for k in ("actual", "forecast", "baseline", "scenario")]
    colours = ["#4C78A8", "#F58518", "#9D9D9D", "#54A24B"]
    x = alt.X("period:T", title=words["week"], axis=alt.Axis(format=DAY_FORMAT[lang], labelOverlap=True))
    band95 = alt.Chart(weeks).mark_area(opacity=0.15, color="#F58518").encode(
        x=x, y=alt.Y("lo95:Q", title=words["units"]), y2="hi95:Q",
        tooltip=[alt.Tooltip("period:T", format=DAY_FORMAT[lang], title=words["week"]),
                 alt.Tooltip("lo95:Q", format=",.0f", title=words["band95"] + " ↓"),
                 alt.Tooltip("hi95:Q", format=",.0f", title=words["band95"] + " ↑")])
    band80 = alt.Chart(weeks).mark_area(opacity=0.3, color="#F58518").encode(
        x=x, y="lo80:Q", y2="hi80:Q")
    line = alt.Chart(long).mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title=words["units"]),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=kinds, range=colours),
                        legend=alt.Legend(orient="bottom")),
        strokeDash=alt.condition(alt.datum.kind == words["baseline"], alt.value([5, 4]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("period:T", format=DAY_FORMAT[lang], title=words["week"]),
                 alt.Tooltip("kind:N", title=" "), alt.Tooltip("value:Q", format=",.1f", title=words["units"])])
    return _localised(alt.layer(band95, band80, line).properties(height=320), lang)
