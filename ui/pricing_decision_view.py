"""Rendering of the pricing v2 decision: what an estimate stands on (catalogue price, tiers,
price changes, promotions, stock-outs), the best price with its caveats (prices tried,
margin dependence, revenue goal), the margin table editor, the price test plan and the
model check against the same model without a price effect. Words in the user's language
(``ui.text``), numbers per language (``ui.formatting``), product names as text."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from .formatting import DASH, day, money, number, percent, signed_percent, styled
from .pricing_view import chance, convincing
from .safe import csv_bytes, md_escape
from .text import lang, say, t


def _f(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _weeks(n) -> str:
    n = int(n)
    return t("unit.week" if n == 1 else "unit.weeks", n=number(n, lang()))


# --------------------------------------------------------------------- what it stands on

def catalogue_basis(row: pd.Series, currency: str, tier_estimates: pd.DataFrame | None = None) -> None:
    """Catalogue price and the tier the estimate uses; price changes, promotions, stock-outs;
    the other tiers' own estimates (``tier_estimates``: rows of ``TIER_COLUMNS``) where they sold."""
    L = lang()
    tiers = {k: _f(row.get(f"units_{k}")) or 0.0 for k in ("standard", "quantity_break", "trader", "guest")}
    total = sum(tiers.values())
    other = total - tiers["standard"]
    apart = t("pv2.apart", other=number(other, L)) if other > 0 else t("pv2.apart_none")
    st.markdown(t("pv2.catalogue", price=money(row["current_price"], currency, L),
                  std=number(tiers["standard"], L), all=number(total, L), apart=apart))
    if not row.get("n_price_changes"):
        st.markdown(t("pv2.basis_none", price=money(row["current_price"], currency, L),
                      promo=number(row.get("n_promo_weeks", 0), L),
                      stockout=_weeks(row.get("unavailable_weeks", 0) or 0)))
    else:
        st.markdown(t("pv2.basis", changes=number(row.get("n_price_changes", 0), L),
                      low=money(row.get("price_min_seen"), currency, L),
                      high=money(row.get("price_max_seen"), currency, L),
                      promo=number(row.get("n_promo_weeks", 0), L),
                      stockout=_weeks(row.get("unavailable_weeks", 0) or 0)))
    _tier_estimates(str(row.get("sku", row.name)), currency, tier_estimates)


def _tier_estimates(sku: str, currency: str, tiers: pd.DataFrame | None) -> None:
    """One line per other tier the product sold in: its own estimate, or why not."""
    if tiers is None or tiers.empty:
        return
    mine = tiers.loc[tiers["sku"].astype(str) == sku]
    if mine.empty:
        return
    L = lang()
    lines = []
    for _, r in mine.iterrows():
        params = r["reason_params"] if isinstance(r["reason_params"], dict) else {}
        name = t(f"pv2.tier_name.{r['tier']}")
        if _f(r["elasticity"]) is None:
            lines.append(t("pv2.tier.none", tier=name, reason=md_escape(say(str(r["reason_code"]), params))))
        else:
            lines.append(t("pv2.tier.estimated", tier=name, price=money(r["current_price"], currency, L),
                           e=number(r["elasticity"], L, 2), low=number(r["ci_low"], L, 2),
                           high=number(r["ci_high"], L, 2), changes=number(r["n_price_changes"], L),
                           label=t(f"confidence.{r['confidence']}")))
    st.markdown(t("pv2.tiers_head") + "\n\n" + "\n".join(f"- {x}" for x in lines))


# --------------------------------------------------------------------- the decision

def _answer(change) -> str:
    change = _f(change)
    if change is None:
        return t("pv2.answer.none")
    return t("pv2.answer.raise" if change > 0.05 else "pv2.answer.cut" if change < -0.05 else "pv2.answer.keep")


def margin_dependence(dec, row: pd.Series, currency: str) -> None:
    """Without a unit cost: the break-even elasticity and the answer at 25 / 40 / 60 % margin."""
    L = lang()
    e = _f(row.get("elasticity"))
    if e is None:
        e, sd = _f(row.get("prior_elasticity")), _f(row.get("prior_sd")) or 0.0
        low, high = (None, None) if e is None else (e - 1.645 * sd, e + 1.645 * sd)
    else:
        low, high = _f(row.get("ci_low")), _f(row.get("ci_high"))
    st.markdown(t("pv2.margin_head", e=number(e, L, 2), low=number(low, L, 2), high=number(high, L, 2)))
    be = {b["margin_pct"]: b for b in dec.break_even}
    rows = []
    for m in dec.by_margin or [{"margin_pct": k} for k in be]:
        b = be.get(m["margin_pct"], {})
        rows.append({
            t("pv2.col.margin"): percent(m["margin_pct"] / 100, L, 0),
            t("pv2.col.break_even"): number(b.get("elasticity"), L, 2),
            t("pv2.col.more_elastic"): chance(b.get("prob_more_elastic"), L),
            t("pv2.col.answer"): _answer(m.get("change_pct")) if "price" in m else DASH,
            t("pv2.col.best"): money(m.get("price"), currency, L) if "price" in m else DASH,
            t("pv2.col.change"): signed_percent((_f(m.get("change_pct")) or 0) / 100, L)
            if _f(m.get("change_pct")) is not None else DASH,
            t("pv2.col.beats"): chance(m.get("prob_beats_current"), L),
        })
    if rows:
        table = pd.DataFrame(rows)
        if not any(m.get("price") is not None for m in dec.by_margin):   # no answer at any margin
            table = table.iloc[:, :3]
        st.dataframe(table, placeholder=DASH, hide_index=True, width="stretch")
    st.info(t("pv2.costs_invite"))


def decision(dec, row: pd.Series, currency: str, show_recommendation) -> None:
    """The decision for one product: costs or margin dependence, then the recommendation
    (``show_recommendation(rec, currency)``), prices tried, 'test it first', revenue caveat."""
    L = lang()
    rec = dec.recommendation
    if dec.objective == "revenue":
        st.warning(t("pv2.revenue_warning"))
    if dec.cost_source in ("products_table", "category_margin"):
        be = dec.break_even[0] if dec.break_even else {}
        st.markdown(t("pv2.cost_known", cost=money(rec.unit_cost, currency, L), source=say(f"cost.{dec.cost_source}"),
                      margin=percent((dec.margin_pct or 0) / 100, L, 0),
                      be=number(be.get("elasticity"), L, 2), prob=chance(be.get("prob_more_elastic"), L)))
    elif dec.objective == "profit":
        margin_dependence(dec, row, currency)
        if dec.cost_source == "assumed_margin" and dec.margin_pct is not None:
            st.markdown(t("pv2.at_assumed", margin=percent(dec.margin_pct / 100, L, 0)))
    outside = "outside_tried" in dec.notes
    show_recommendation(rec, currency, show_edge=not outside)
    if rec.recommendation is not None and dec.within_seen:
        st.caption(t("pv2.within", low=money(dec.price_min_seen, currency, L),
                     high=money(dec.price_max_seen, currency, L)))
    if outside:
        st.warning(f"**{t('pv2.outside_head')}** " + t(
            "pv2.outside", price=money(dec.outside_price, currency, L),
            change=signed_percent(dec.outside_price / rec.current_price - 1, L),
            low=money(dec.price_min_seen, currency, L), high=money(dec.price_max_seen, currency, L)))


# --------------------------------------------------------------------- margin table

OTHER = "*"


def margin_editor(categories: list[str], saved: dict[str, float], save) -> None:
    """The per-category margin table (``OTHER`` = every other product), editable and saved
    with a button through ``save(table)``; a message says what was stored."""
    keys = [*categories, OTHER]
    frame = pd.DataFrame({
        "category": [t("pv2.margins.other") if k == OTHER else k for k in keys],
        "margin": [saved.get(k) for k in keys]}).astype({"margin": "float64"})
    st.caption(t("pv2.margins_help"))
    edited = st.data_editor(
        frame, key="margin_editor", hide_index=True, width="stretch", num_rows="fixed",
        column_config={"category": st.column_config.TextColumn(t("pv2.margins.category"), disabled=True),
                       "margin": st.column_config.NumberColumn(t("pv2.margins.margin"), min_value=0.0,
                                                               max_value=95.0, step=1.0)})
    if st.button(t("pv2.margins.save"), key="save_margins"):
        table = {k: (None if pd.isna(v) else float(v)) for k, v in zip(keys, edited["margin"])}
        try:
            stored = save(table)
        except ValueError as exc:
            st.error(t("pv2.margins.bad", error=md_escape(exc)))
            return
        st.session_state.pop("margin_editor", None)
        st.toast(t("pv2.margins.saved", n=len(stored)))
        st.rerun()


# --------------------------------------------------------------------- test plan

def test_plan(plan, names, currency: str, max_weeks: int = 26) -> None:
    """The plan in words, per product, and the schedule; CSV: one row per week and product."""
    L = lang()
    n = plan.together_weeks_per_arm
    if n is None:
        st.info(t("pv2.test.none"))
        return
    weeks = plan.schedule
    if 2 * n > 52:
        st.warning(t("pv2.test.too_long", weeks=_weeks(2 * n)))
    else:
        st.markdown(t("pv2.test.result" if len(plan.per_sku) > 1 else "pv2.test.result_one",
                      n=number(len(plan.per_sku), L), weeks=_weeks(2 * n), per=_weeks(n),
                      start=day(weeks["week_start"].iloc[0].date(), L),
                      end=day((weeks["week_start"].iloc[-1] + pd.Timedelta(days=6)).date(), L)))
    per = plan.per_sku
    shown = pd.DataFrame({
        t("col.sku"): per["sku"].astype(str),
        t("col.product"): [str(names.get(s, "")) for s in per["sku"].astype(str)],
        t("col.current_price"): per["current_price"], t("pv2.col.test_price"): per["test_price"],
        t("pv2.col.weekly_units"): per["weekly_units"], t("pv2.col.weeks_alone"): per["weeks_total"],
        t("pv2.col.feasible"): [t("value.yes") if f else t("value.no") for f in per["feasible"]]})
    st.markdown(f"**{t('pv2.test.per_sku', max=max_weeks)}**")
    st.dataframe(styled(shown, L, {t("col.current_price"): 2, t("pv2.col.test_price"): 2,
                                   t("pv2.col.weekly_units"): 1, t("pv2.col.weeks_alone"): 0}),
                 placeholder=DASH, hide_index=True, width="stretch")
    if 2 * n <= 52:
        st.markdown(f"**{t('pv2.test.schedule')}**")
        st.dataframe(pd.DataFrame({t("pv2.col.week_start"): [day(w.date(), L) for w in weeks["week_start"]],
                                   t("pv2.col.arm"): [t(f"pv2.test.arm.{a}") for a in weeks["arm"]]}),
                     placeholder=DASH, hide_index=True, width="stretch", height=min(36 * (len(weeks) + 1), 300))
    st.download_button(t("common.download_csv"), csv_bytes(schedule_csv(plan, names)), "price_test_plan.csv",
                       "text/csv", key="dl_testplan")


def schedule_csv(plan, names) -> pd.DataFrame:
    """One row per test week and product: week start, SKU, product, arm and the price to set."""
    per = plan.per_sku.set_index(plan.per_sku["sku"].astype(str))
    rows = []
    for week, arm in zip(plan.schedule["week_start"], plan.schedule["arm"]):
        for sku, r in per.iterrows():
            rows.append({"week_start": week.date().isoformat(), "sku": sku, "product": str(names.get(sku, "")),
                         "arm": arm, "price": round(float(r["test_price"] if arm == "test" else r["current_price"]), 2)})
    return pd.DataFrame(rows, columns=["week_start", "sku", "product", "arm", "price"])


# --------------------------------------------------------------------- model check

def coin_chance(helps: int, n: int) -> float:
    """Chance that a coin (a price effect that is pure noise) helps in at least ``helps`` of
    ``n`` products: the one-sided sign test, P(X ≥ helps) for X ~ Binomial(n, ½)."""
    from scipy.stats import binom

    return float(binom.sf(helps - 1, n, 0.5)) if n else 1.0


def model_check(report) -> None:
    """What the price effect adds on held-out weeks, with how sure that is."""
    L = lang()
    if report is None:
        st.info(t("pv2.check.none"))
        return
    st.markdown(t("pv2.check.intro", cutoff=day(report.cutoff_period.date(), L), n=number(report.n_skus, L)))
    cols = st.columns(3)
    for col, key, value in ((cols[0], "model", report.wape_model), (cols[1], "no_price", report.wape_no_price),
                            (cols[2], "naive", report.wape_naive)):
        col.metric(t(f"pv2.check.{key}"), percent(value, L, 0), help=t("pv2.check.help"))
    moved = report.n_skus_price_moved
    if moved < 5 or not math.isfinite(report.share_price_helps):
        st.warning(t("pv2.check.few", moved=number(moved, L)))
        return
    helps = int(round(report.share_price_helps * moved))
    st.markdown(t("pv2.check.moved", moved=number(moved, L), helps=number(helps, L),
                  m=percent(report.wape_model_moved, L, 0), z=percent(report.wape_no_price_moved, L, 0)))
    p = coin_chance(helps, moved)
    if report.wape_model_moved >= report.wape_no_price_moved or helps * 2 <= moved:
        st.markdown(t("pv2.check.verdict.hurts"))
    else:
        shown = chance(p, L)
        st.markdown(t("pv2.check.verdict.helps" if p < 0.05 else "pv2.check.verdict.unclear", p=shown))


def _set_test_change(value: float) -> None:
    st.session_state["tchange"] = value


def use_change_button(container, dec) -> float | None:
    """A button that copies the change to test into the plan: the better price outside the
    prices tried ('test it first'), else a convincing recommendation. Returns that change (%)."""
    rec = dec.recommendation
    price = dec.outside_price if "outside_tried" in dec.notes else (
        rec.recommendation if convincing(rec) else None)
    if price is None or not rec.current_price:
        return None
    change = round(max(-30.0, min(30.0, 100 * (price / rec.current_price - 1))), 1)
    if abs(change) < 0.5:
        return None
    container.button(t("pv2.test.use_rec", change=signed_percent(change / 100, lang())), key="use_rec_change",
                     on_click=_set_test_change, args=(change,))
    return change
