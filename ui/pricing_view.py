"""Rendering of pricing results: elasticity explanation, what-if figures, best price.

The pricing models give reasons, flags and notes as message codes; they are worded here in
the user's language (``ui.text.say``)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ecom_models.pricing.confidence import pool_message

from .formatting import DASH, money, money_auto, number, percent, signed_percent, styled
from .safe import md_escape
from .text import lang, say, t

def chance(value, lang_code: str) -> str:
    """A model probability as a manager should read it: never a flat 0 % or 100 % (the model
    can be wrong), so '< 1%' / '> 99%' at the ends."""
    if value is None or pd.isna(value):
        return "–"
    if value < 0.005:
        return "< " + percent(0.01, lang_code, 0)
    if value > 0.995:
        return "> " + percent(0.99, lang_code, 0)
    return percent(value, lang_code, 0)


CONFIDENCE_COLOUR = {"high": "green", "medium": "orange", "low": "red", "not estimable": "gray"}


def with_interval(value: str, low: str, high: str) -> str:
    return f"{value}  ({low} – {high})"


def reason_words(row: pd.Series) -> str:
    """Why an estimate is (not) trustworthy, in the user's language (escaped for Markdown)."""
    params = row["reason_params"] if isinstance(row["reason_params"], dict) else {}
    return md_escape(say(str(row["reason_code"]), params))


def explain_elasticity(row: pd.Series) -> None:
    """One product's elasticity in words, with its interval, confidence and pooling."""
    L = lang()
    if pd.isna(row["elasticity"]):
        st.warning(t("pricing.not_estimable", reason=reason_words(row)))
        return
    toward = pool_message(str(row["pooled_toward"]), row.get("category"))
    st.markdown(t("pricing.elasticity_sentence", e=number(row["elasticity"], L, 2),
                  low=number(row["ci_low"], L, 2), high=number(row["ci_high"], L, 2),
                  one=signed_percent(row["elasticity"] / 100, L, 1)))
    st.caption(t("pricing.confidence_line", colour=CONFIDENCE_COLOUR.get(row["confidence"], "gray"),
                 label=t(f"confidence.{row['confidence']}"), reason=reason_words(row),
                 periods=number(row["n_periods"], L), levels=number(row["n_price_levels"], L),
                 shrink=percent(row["shrinkage"], L, 0),
                 toward=md_escape(say(toward["code"], toward["params"]))))
    if row["flag"]:
        st.warning(t("pricing.flag", flag=md_escape(say(f"flag.{row['flag']}"))))


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
    cols[3].metric(t("pricing.metric.prob"), chance(prob, L),
                   help=t("pricing.metric.prob_help"))


CONVINCING = 0.6  # a new price must beat today's in at least 60 % of plausible elasticities


def convincing(rec) -> bool:
    """A recommendation worth acting on: there is one, and it beats today's price often enough."""
    return rec.recommendation is not None and rec.prob_beats_current >= CONVINCING


def recommendation(rec, currency: str, show_edge: bool = True) -> None:
    """The best price in plain words, or why there is none (also when it is a coin flip);
    ``show_edge=False`` leaves out the note that the optimum sits on a limit (the decision
    then says more: a better price lies outside the prices tried)."""
    L = lang()
    if rec.recommendation is None:
        why = rec.reason_params.get("why") or {"code": rec.reason_code}
        st.info(t("pricing.no_recommendation", reason=md_escape(say(why["code"], why.get("params")))))
        return
    if not convincing(rec):
        st.info(t("pricing.keep_price", price=money(rec.recommendation, currency, L),
                  prob=chance(rec.prob_beats_current, L)))
        return
    st.success(t("pricing.recommendation", price=money(rec.recommendation, currency, L),
                 change=signed_percent(rec.price_change_pct / 100, L),
                 goal=t(f"goal.{rec.objective}"),
                 new=money(rec.expected_objective_recommended, currency, L),
                 old=money(rec.expected_objective_current, currency, L),
                 prob=chance(rec.prob_beats_current, L)))
    if rec.at_edge and show_edge:
        st.caption(t("pricing.at_edge", edge=md_escape(say(f"edge.{rec.at_edge}"))))


WHATIF_SHOWN = ("sku", "product", "current_price", "new_price", "elasticity", "confidence",
                "baseline_units", "units", "units_low", "units_high", "revenue", "profit",
                "profit_low", "profit_high", "prob_profit_up", "cost_source", "note")
MONEY_COLUMNS = ("current_price", "new_price", "revenue", "profit", "profit_low", "profit_high")
UNIT_COLUMNS = ("baseline_units", "units", "units_low", "units_high")


def whatif_table(per_sku: pd.DataFrame, names, margin: float | None) -> pd.DataFrame:
    """The per-product what-if table in the user's language (numbers written its way,
    confidence, cost source and notes in words); returns the table for the CSV download."""
    L = lang()
    table = per_sku.assign(
        product=[names.get(s) for s in per_sku["sku"].astype(str)],
        confidence=[t(f"confidence.{c}") for c in per_sku["confidence"]],
        cost_source=[say(f"cost.{c}", {"margin": margin if margin is not None else 0})
                     for c in per_sku["cost_source"]],
        note=[say(c, p) if c else "" for c, p in zip(per_sku["note_code"], per_sku["note_params"])],
    )[list(WHATIF_SHOWN)]
    decimals = {**{c: 2 for c in MONEY_COLUMNS}, **{c: 0 for c in UNIT_COLUMNS}, "elasticity": 2}
    config = {c: st.column_config.Column(t(f"col.{c}")) for c in WHATIF_SHOWN if c != "prob_profit_up"}
    config["product"] = st.column_config.Column(t("col.product"), width="large")
    config["prob_profit_up"] = st.column_config.ProgressColumn(
        t("pricing.metric.prob"), min_value=0.0, max_value=1.0, format="percent")
    st.dataframe(styled(table, L, decimals), placeholder=DASH, hide_index=True, width="stretch", column_config=config)
    return table

