"""How the Scenarios page, compare and the report show the what-if kinds besides pricing
(bundles, forecast, markets): their key results (with the do-nothing baseline where the
kind has one), the figures shown as metrics (formatted as their own page formats them, so a
link and the page show the same text), a detail table, and the link back to the page.

Pure functions of the saved results and a language (no Streamlit calls).
"""
from __future__ import annotations

import pandas as pd

from ecom_models.scenarios.fields import Field

from .formatting import day, money, money_auto, number, percent, signed_percent
from .text import render, text_in

PAGES = {"pricing": "pages/pricing.py", "bundles": "pages/bundles.py", "forecast": "pages/forecast.py",
         "markets": "pages/markets.py"}
ICONS = {"pricing": ":material/sell:", "bundles": ":material/shopping_basket:",
         "forecast": ":material/trending_up:", "markets": ":material/public:"}


def _range(value: str, low: str, high: str, language: str) -> str:
    return text_in(language, "scn.range", value=value, low=low, high=high)


def _date(text: str | None, language: str) -> str:
    from datetime import date

    return day(date.fromisoformat(text), language) if text else "–"


def metrics(kind: str, results: dict, language: str) -> list[tuple[str, str]]:
    """(label, value) of the figures the view shows as metrics, formatted as on the kind's page."""
    T, L, r = (lambda key, **v: text_in(language, key, **v)), language, results
    if kind == "bundles":
        cur = r.get("currency") or ""
        return [(T("bundles.m.bundles"), number(r["bundles"]["mid"], L, 1)),
                (T("bundles.m.revenue"), money_auto(r["revenue"]["mid"], cur, L)),
                (T("bundles.m.profit"), money_auto(r["gross_profit"]["mid"], cur, L)),
                (T("bundles.m.chance"), percent(r["prob_profit_up"], L, 0))]
    if kind == "forecast":
        s = r["stock"]
        return [(T("forecast.metric.units", weeks=r["horizon_weeks"]), number(r["units_forecast"], L)),
                (T("scn.k.units_scenario"), number(r["units_scenario"], L)),
                (T("forecast.metric.safety"), number(s["safety_stock_units"], L)),
                (T("forecast.metric.rop"), number(s["reorder_point_units"], L)),
                (T("forecast.metric.order"), number(s["order_units"], L) if s["order_units"] is not None else "–")]
    if kind == "markets":
        cur = r.get("currency") or ""
        return [(T("markets.kpi.margin"), money(r["contribution_margin"], cur, L)),
                (T("markets.kpi.order"), money(r["contribution_margin_per_order"], cur, L)),
                (T("markets.kpi.pct"), percent(r["margin_pct"] / 100, L)),
                (T("scn.k.range"), f"{money(r['low'], cur, L)} – {money(r['high'], cur, L)}")]
    return []


def key_results(kind: str, results: dict, language: str) -> list[tuple[str, str, str]]:
    """(label, the scenario's value with its range, the do-nothing value or "") per key result."""
    T, L, r = (lambda key, **v: text_in(language, key, **v)), language, results
    if kind == "bundles":
        cur = r.get("currency") or ""
        m = lambda v: money_auto(v, cur, L)
        zero = m(0.0)
        return [(T("bundles.m.bundles"), _range(number(r["bundles"]["mid"], L, 1), number(r["bundles"]["low"], L, 1),
                                                 number(r["bundles"]["high"], L, 1), L), number(0, L)),
                (T("bundles.m.revenue"), _range(m(r["revenue"]["mid"]), m(r["revenue"]["low"]), m(r["revenue"]["high"]), L), zero),
                (T("bundles.m.profit"), _range(m(r["gross_profit"]["mid"]), m(r["gross_profit"]["low"]),
                                               m(r["gross_profit"]["high"]), L), zero),
                (T("bundles.m.chance"), percent(r["prob_profit_up"], L, 0), ""),
                (T("scn.k.bundle_price"), m(r["bundle_price"]), m(r["list_price"]))]
    if kind == "forecast":
        s = r["stock"]
        return [(T("scn.k.units", weeks=r["horizon_weeks"]),
                 _range(number(r["units_scenario"], L), number(r["scenario_lo80"], L), number(r["scenario_hi80"], L), L),
                 _range(number(r["units_forecast"], L), number(r["units_lo80"], L), number(r["units_hi80"], L), L)),
                (T("scn.k.price_change"), signed_percent(r["price_change_pct"] / 100, L, 1), signed_percent(0, L, 0)),
                (T("forecast.metric.safety"), number(s["safety_stock_units"], L), ""),
                (T("forecast.metric.rop"), number(s["reorder_point_units"], L), ""),
                (T("forecast.metric.order"), number(s["order_units"], L) if s["order_units"] is not None else "–", ""),
                (T("forecast.metric.stockout"), _date(s["stockout_date"], L), ""),
                (T("forecast.metric.prob"), percent(s["stockout_prob_pct"] / 100, L, 0)
                 if s["stockout_prob_pct"] is not None else "–", "")]
    if kind == "markets":
        cur = r.get("currency") or ""
        return [(T("markets.kpi.margin"), _range(money(r["contribution_margin"], cur, L), money(r["low"], cur, L),
                                                 money(r["high"], cur, L), L), ""),
                (T("markets.kpi.order"), money(r["contribution_margin_per_order"], cur, L), ""),
                (T("markets.kpi.pct"), percent(r["margin_pct"] / 100, L), ""),
                (T("scn.k.target_price"), money(r["target_price_local"], r.get("currency_local") or cur, L)
                 if r.get("target_price_local") is not None else "–", ""),
                (T("scn.k.break_even"), number(r["break_even_units"], L) if r.get("break_even_units") is not None else "–", ""),
                (T("scn.k.months"), number(r["months_to_break_even"], L, 1)
                 if r.get("months_to_break_even") is not None else "–", "")]
    return []


def detail_table(kind: str, results: dict, language: str) -> pd.DataFrame:
    """The kind's detail rows (numbers stay numbers): bundle products, forecast weeks or
    waterfall steps."""
    T = lambda key, **v: text_in(language, key, **v)
    if kind == "bundles":
        items = results.get("items", [])
        return pd.DataFrame({T("bundles.col.sku"): [str(i["sku"]) for i in items],
                             T("bundles.col.product"): [str(i["name"]) for i in items],
                             T("bundles.col.price"): [i["price"] for i in items],
                             T("bundles.col.cost"): [i["unit_cost"] for i in items],
                             T("bundles.col.orders_week"): [i["orders_per_week"] for i in items],
                             T("bundles.col.elasticity"): [i["elasticity"] for i in items]})
    if kind == "forecast":
        weeks = pd.DataFrame(results.get("weeks", []))
        if weeks.empty:
            return weeks
        return pd.DataFrame({T("forecast.chart.week"): weeks["period"].astype(str),
                             T("forecast.chart.forecast"): weeks["mean"], "lo80": weeks["lo80"], "hi80": weeks["hi80"],
                             T("forecast.chart.baseline"): weeks["baseline"],
                             T("forecast.chart.scenario"): weeks["scenario"]})
    if kind == "markets":
        steps = results.get("components", [])
        out = {T("markets.col.step"): [T(f"step.{c['name']}") for c in steps]}
        if results.get("currency_local") != results.get("currency_base"):
            out[T("markets.col.local", currency=results.get("currency_local"))] = [c["local"] for c in steps]
        out[T("markets.col.base", currency=results.get("currency_base"))] = [c["base"] for c in steps]
        return pd.DataFrame(out)
    return pd.DataFrame()


def notes(kind: str, results: dict, language: str) -> list[str]:
    """The result's notes in words (bundle assumptions, forecast notes, market notes)."""
    raw = results.get("notes", [])
    out = []
    for note in raw:
        code, params = (note["code"], note["params"]) if isinstance(note, dict) else note
        out.append(render(code, params or {}, language))
    return out


def page_query(saved) -> dict[str, str]:
    """The kind's page URL for the saved inputs: every URL key (a market's reference values
    differ from the record's defaults, so none is left out)."""
    from ecom_models.scenarios.fields import to_url

    fields: tuple[Field, ...] = tuple(getattr(saved.inputs, "FIELDS", ()))
    if saved.kind == "pricing":
        return to_url(saved.inputs, fields)
    out = {}
    for field in fields:
        value = getattr(saved.inputs, field.name)
        if field.url_key and value not in (None, ()):
            out[field.url_key] = field.dump(value)
    if saved.kind == "forecast" and saved.results.get("price_change_pct") is not None:
        out["f_price"] = Field("f_price", "f_price", "float", 0.0).dump(saved.results["price_change_pct"])
    return out
