"""Rendering of pricing results: elasticity explanation, what-if figures, best price, model check."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .formatting import money, money_auto, number, percent, signed_percent
from .safe import md_escape
from .text import lang, t

CONFIDENCE_COLOUR = {"high": "green", "medium": "orange", "low": "red", "not estimable": "gray"}


def with_interval(value: str, low: str, high: str) -> str:
    return f"{value}  ({low} – {high})"


def explain_elasticity(row: pd.Series) -> None:
    """One product's elasticity in words, with its interval, confidence and pooling."""
    L = lang()
    if pd.isna(row["elasticity"]):
        st.warning(t("pricing.not_estimable", reason=md_escape(row["reason"])))
        return
    st.markdown(t("pricing.elasticity_sentence", e=number(row["elasticity"], L, 2),
                  low=number(row["ci_low"], L, 2), high=number(row["ci_high"], L, 2),
                  one=signed_percent(row["elasticity"] / 100, L, 1)))
    st.caption(t("pricing.confidence_line", colour=CONFIDENCE_COLOUR.get(row["confidence"], "gray"),
                 label=t(f"confidence.{row['confidence']}"), reason=md_escape(row["reason"]),
                 periods=int(row["n_periods"]), levels=int(row["n_price_levels"]),
                 shrink=percent(row["shrinkage"], L, 0),
                 toward=md_escape(row["pooled_toward"] or "—")))
    if row["flag"]:
        st.warning(t("pricing.flag", flag=md_escape(row["flag"])))


def whatif_metrics(totals: pd.Series, currency: str) -> None:
    """Units, revenue and profit per week after the change vs the do-nothing baseline."""
    L = lang()
    cols = st.columns(4)
    for col, key, fmt in ((cols[0], "units", lambda v: number(v, L, 0)),
                          (cols[1], "revenue", lambda v: money_auto(v, currency, L)),
                          (cols[2], "profit", lambda v: money_auto(v, currency, L))):
        new, base = totals[key], totals[f"baseline_{key}"]
        delta = signed_percent((new - base) / abs(base), L) if base else None
        col.metric(t(f"pricing.metric.{key}"), fmt(new), delta,
                   help=t("pricing.metric_help", base=fmt(base), low=fmt(totals[f"{key}_low"]),
                          high=fmt(totals[f"{key}_high"])))
        col.caption(t("pricing.range", low=fmt(totals[f"{key}_low"]), high=fmt(totals[f"{key}_high"]),
                      base=fmt(base)))
    prob = totals.get("prob_profit_up")
    cols[3].metric(t("pricing.metric.prob"), percent(prob, L, 0) if pd.notna(prob) else "–",
                   help=t("pricing.metric.prob_help"))


CONVINCING = 0.6  # a new price must beat today's in at least 60 % of plausible elasticities


def convincing(rec) -> bool:
    """A recommendation worth acting on: there is one, and it beats today's price often enough."""
    return rec.recommendation is not None and rec.prob_beats_current >= CONVINCING


def recommendation(rec, currency: str) -> None:
    """The best price in plain words, or why there is none (also when it is a coin flip)."""
    L = lang()
    if rec.recommendation is None:
        st.info(t("pricing.no_recommendation", reason=md_escape(rec.reason)))
        return
    if not convincing(rec):
        st.info(t("pricing.keep_price", price=money(rec.recommendation, currency, L),
                  prob=percent(rec.prob_beats_current, L, 0)))
        return
    st.success(t("pricing.recommendation", price=money(rec.recommendation, currency, L),
                 change=signed_percent(rec.price_change_pct / 100, L),
                 goal=t(f"goal.{rec.objective}"),
                 new=money(rec.expected_objective_recommended, currency, L),
                 old=money(rec.expected_objective_current, currency, L),
                 prob=percent(rec.prob_beats_current, L, 0)))
    if rec.at_edge:
        st.caption(t("pricing.at_edge", edge=md_escape(rec.at_edge)))


def model_check(report) -> None:
    """How the model did on held-out weeks against 'same as last week'."""
    L = lang()
    st.markdown(t("pricing.check", model=percent(report.wape_model, L, 0),
                  naive=percent(report.wape_naive, L, 0), n=number(report.n_skus, L),
                  better=percent(report.share_model_better, L, 0),
                  cutoff=report.cutoff_period.date().isoformat()))
