"""Glue of the Customers page: per-customer figures computed once per (store version,
currency, group, horizon) and shared by all sessions (``st.cache_resource``, issue 21);
built from the shared order-lines copy (``loaders._lines``)."""
from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from . import loaders
from .charts import _localised


@dataclass(frozen=True)
class CustomersRun:
    orders: pd.DataFrame
    guests: dict
    groups: tuple
    monthly: pd.DataFrame
    repeat: pd.DataFrame
    repeat_all: pd.DataFrame
    cohorts: pd.DataFrame
    curve: pd.DataFrame
    rfm: pd.DataFrame


@st.cache_resource(max_entries=8, show_spinner=False)
def _run(db: str, version_key: tuple, currency: str, group: str) -> CustomersRun | None:
    from ecom_models.customers import (cohort_table, customer_orders, guest_orders, new_vs_returning, repeat_rates,
                                       retention_curve, rfm_table, segment_summary)

    frame = loaders._lines(db, version_key)
    lines = frame.loc[(frame["currency"] == currency).to_numpy()]
    orders = customer_orders(lines)
    groups = tuple(sorted(str(g) for g in orders["customer_group"].dropna().unique()))
    repeat_groups = repeat_rates(orders, "customer_group") if groups else repeat_rates(orders)
    if group:
        orders = orders.loc[(orders["customer_group"] == group).to_numpy()].reset_index(drop=True)
    if orders.empty:
        return CustomersRun(orders, guest_orders(lines), groups, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(),
                            pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    cohorts = cohort_table(orders)
    return CustomersRun(orders, guest_orders(lines), groups, new_vs_returning(orders), repeat_groups,
                        repeat_rates(orders), cohorts, retention_curve(cohorts), segment_summary(rfm_table(orders)))


def customers_run(currency: str, group: str) -> CustomersRun | None:
    return _run(str(loaders.db_path()), loaders.version(), currency, group)


@st.cache_resource(max_entries=8, show_spinner=False)
def _value(db: str, version_key: tuple, currency: str, group: str, horizon: int):
    from ecom_models.customers import by_group, customer_value, holdout_check

    orders = _run(db, version_key, currency, group).orders
    try:
        result = customer_value(orders, horizon)
    except ValueError:
        return None
    return result, by_group(result), holdout_check(orders)


def value(currency: str, group: str, horizon: int):
    """(ValueResult, per-group frame, hold-out check) or None with too few customers."""
    return _value(str(loaders.db_path()), loaders.version(), currency, group, horizon)


def new_returning_chart(monthly: pd.DataFrame, words: dict, lang: str) -> alt.Chart:
    long = monthly.melt(id_vars="period", value_vars=["new_revenue", "returning_revenue"], var_name="kind",
                        value_name="revenue")
    long["kind"] = long["kind"].map({"new_revenue": words["new"], "returning_revenue": words["returning"]})
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("yearmonth(period):T", title=words["month"]), y=alt.Y("revenue:Q", title=words["revenue"], stack=True),
        color=alt.Color("kind:N", title=None), tooltip=["yearmonth(period):T", "kind:N", alt.Tooltip("revenue:Q", format=",.0f")])
    return _localised(chart.properties(height=260), lang)


@st.cache_resource(max_entries=8, show_spinner=False)
def _responses(db: str, survey_id: int, imported_at: str) -> pd.DataFrame:
    from ecom_models.store.surveys import survey_responses

    return survey_responses(db, survey_id)


def surveys() -> pd.DataFrame:
    """The imported surveys, newest first (a small query; not cached, so an upload shows at once)."""
    from ecom_models.store.surveys import list_surveys

    return list_surveys(loaders.db_path())


def responses(survey: pd.Series) -> pd.DataFrame:
    """One survey's responses, shared by all sessions (immutable once imported)."""
    return _responses(str(loaders.db_path()), int(survey["id"]), str(survey["imported_at"]))


def import_survey(upload, score_column: str | None):
    """Read and store an uploaded survey once per upload: (code, params) of the outcome, or
    the ``IngestError`` that rejected it (nothing written then)."""
    from ecom_models.customers.nps import read_survey
    from ecom_models.ingest.errors import IngestError
    from ecom_models.store.surveys import save_survey

    raw = upload.getvalue()
    try:
        survey = read_survey(raw, upload.name, score_column or None)
    except IngestError as exc:
        return exc
    survey_id, new = save_survey(loaders.db_path(), upload.name, raw, survey.responses, survey.blank)
    return ("nps.saved" if new else "nps.already", {"file": upload.name, "n": len(survey.responses),
                                                    "id": survey_id})


def nps_chart(trend: pd.DataFrame, words: dict, lang: str) -> alt.Chart:
    base = alt.Chart(trend).encode(x=alt.X("yearmonth(period):T", title=words["month"]))
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("ci_low:Q", title=words["nps"], scale=alt.Scale(domain=[-100, 100])),
                                              y2="ci_high:Q")
    line = base.mark_line(point=True).encode(y="nps:Q", tooltip=["yearmonth(period):T", alt.Tooltip("nps:Q", format=".0f"), "n:Q"])
    return _localised((band + line).properties(height=220), lang)


def retention_chart(curve: pd.DataFrame, words: dict, lang: str) -> alt.Chart:
    """Average retention by months since the first order (a line with points)."""
    data = curve.loc[curve["k"] >= 1]
    chart = alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("k:Q", title=words["k"], axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("retention:Q", title=words["retention"], axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("k:Q", title=words["k"]), alt.Tooltip("retention:Q", format=".0%"), "cohorts:Q"])
    return _localised(chart.properties(height=220), lang)
