"""The management report of a saved scenario: a self-contained HTML page (charts as inline
SVG drawn by vl-convert, the assumptions, confidence labels, the data fingerprint and the
link) and the numbers as CSV and Excel.

Pure functions (no Streamlit calls): they get the language and the link passed. Everything
from data (product names, SKUs, titles, notes) is HTML-escaped in the report; the page sends
a Content-Security-Policy that allows no script and no remote request. CSV and Excel cells
that start with = + - @, tab or CR get a leading ' (``ui.safe.spreadsheet_safe``), and
SKUs and names are written as text cells.
"""
from __future__ import annotations

import html
import io
import json

import altair as alt
import pandas as pd

from .formatting import money, number, percent
from .safe import csv_bytes, spreadsheet_safe
from .text import text_in

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
NUMBER_COLUMNS = ("current_price", "new_price", "price_change_pct", "elasticity", "unit_cost",
                  "baseline_units", "units", "units_low", "units_high", "baseline_revenue", "revenue",
                  "revenue_low", "revenue_high", "baseline_profit", "profit", "profit_low",
                  "profit_high", "prob_profit_up")
TEXT_COLUMNS = ("sku", "product", "confidence")


def numbers_table(saved, lang: str) -> pd.DataFrame:
    """Per-product rows and a total row of the saved results (numbers stay numbers;
    headers in ``lang``; confidence worded)."""
    if saved.kind != "pricing":    # bundles, forecast, markets: the kind's detail rows
        from .scenario_kinds import detail_table

        return detail_table(saved.kind, saved.results, lang)
    rows = saved.results.get("per_sku", [])
    frame = pd.DataFrame([{c: r.get(c) for c in TEXT_COLUMNS + NUMBER_COLUMNS} for r in rows],
                         columns=list(TEXT_COLUMNS + NUMBER_COLUMNS))
    frame["confidence"] = [text_in(lang, f"confidence.{c}") if c else "" for c in frame["confidence"]]
    totals = saved.results.get("totals", {})
    total = {c: totals.get(c) for c in NUMBER_COLUMNS if c in totals}
    frame = pd.concat([frame, pd.DataFrame([{"sku": "", "product": "Σ", **total}])], ignore_index=True)
    for column in NUMBER_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    return frame.rename(columns=lambda c: _header(c, lang))


def _header(column: str, lang: str) -> str:
    from .text import TABLES

    key = {"product": "col.product", "baseline_revenue": "col.baseline_revenue"}.get(column, f"col.{column}")
    return text_in(lang, key) if key in TABLES["en"] else column


def csv_report(saved, lang: str) -> bytes:
    """The numbers as CSV (UTF-8 with BOM; formula cells escaped)."""
    return csv_bytes(numbers_table(saved, lang))


def excel_report(saved, lang: str) -> bytes:
    """The numbers as an .xlsx workbook: text cells stored as text (never as formulas:
    escaped and typed ``s``), numbers as numbers."""
    from openpyxl import Workbook

    table = spreadsheet_safe(numbers_table(saved, lang))
    book = Workbook()
    sheet = book.active
    sheet.title = "scenario"
    sheet.append([str(c) for c in table.columns])
    text_positions = [i for i, c in enumerate(table.columns) if table[c].dtype == object]
    for values in table.itertuples(index=False):
        sheet.append([None if isinstance(v, float) and v != v else v for v in values])
        for i in text_positions:
            cell = sheet.cell(row=sheet.max_row, column=i + 1)
            cell.data_type, cell.number_format = "s", "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _chart_frame(totals: dict, key: str, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        "what": [text_in(lang, "scn.baseline"), text_in(lang, "scn.col.saved")],
        "value": [totals.get(f"baseline_{key}"), totals.get(key)],
        "low": [totals.get(f"baseline_{key}"), totals.get(f"{key}_low")],
        "high": [totals.get(f"baseline_{key}"), totals.get(f"{key}_high")],
    })


def charts(saved, lang: str) -> list[tuple[str, dict]]:
    """(title, Vega-Lite spec) of the report's charts: units and gross profit per week,
    do nothing vs the scenario, with the scenario's range."""
    out = []
    for key, title in (("units", "report.chart_units"), ("profit", "report.chart_profit")):
        frame = _chart_frame(saved.results.get("totals", {}), key, lang)
        if frame["value"].isna().all():
            continue
        base = alt.Chart(frame).encode(y=alt.Y("what:N", title=None, sort=None))
        chart = (base.mark_bar(color="#4c78a8").encode(x=alt.X("value:Q", title=None))
                 + base.mark_rule(color="#222").encode(x="low:Q", x2="high:Q")).properties(
            width=420, height=90, title=text_in(lang, title))
        out.append((text_in(lang, title), chart.to_dict()))
    return out


def _svg(spec: dict) -> str | None:
    try:
        import vl_convert as vlc

        return vlc.vegalite_to_svg(spec)
    except Exception:   # noqa: BLE001 - a missing renderer must not stop the report
        return None


def _table(header: list[str], rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_report(saved, lang: str, link: str, inputs_rows: list[tuple[str, str]],
                today_differs: bool = False) -> bytes:
    """The self-contained HTML report (UTF-8). ``inputs_rows``: (label, value) of the
    inputs, worded by the caller; ``link``: the share link; ``today_differs``: say that the
    numbers on today's data differ."""
    e, T = html.escape, (lambda key, **v: text_in(lang, key, **v))
    res, inputs = saved.results, saved.inputs
    totals, currency = res.get("totals", {}), res.get("currency") or ""
    title = saved.title or T("scn.untitled")

    def fmt(key: str, value) -> str:
        if key == "units":
            return number(value, lang, 1)
        return money(value, currency, lang)

    summary = []
    for key in (("units", "revenue", "profit") if saved.kind == "pricing" else ()):
        summary.append([T(f"scn.row.{key}"), fmt(key, totals.get(f"baseline_{key}")), fmt(key, totals.get(key)),
                        fmt(key, totals.get(f"{key}_low")), fmt(key, totals.get(f"{key}_high"))])
    if saved.kind == "pricing":
        summary.append([T("scn.row.prob"), "", percent(totals.get("prob_profit_up"), lang, 0), "", ""])
    else:
        from .scenario_kinds import detail_table, key_results

        summary = [[label, base, value, "", ""] for label, value, base in key_results(saved.kind, res, lang)]
    per_sku = [[r.get("sku", ""), r.get("product", ""), T(f"confidence.{r.get('confidence')}"),
                number(r.get("elasticity"), lang, 2), money(r.get("current_price"), currency, lang),
                money(r.get("new_price"), currency, lang), number(r.get("units"), lang, 1),
                money(r.get("profit"), currency, lang)] for r in res.get("per_sku", [])]
    details = None if saved.kind == "pricing" else detail_table(saved.kind, res, lang)
    figures = []
    for chart_title, spec in charts(saved, lang):
        svg = _svg(spec)
        figures.append(f"<figure>{svg}</figure>" if svg else
                       f"<p>{e(T('report.no_chart'))}</p><pre>{e(json.dumps(spec))}</pre>")
    assumptions = [] if saved.kind != "pricing" else [
                   T("report.assume.elasticity", interval=number(res.get("interval_pct"), lang)),
                   T("report.assume.baseline"),
                   T("report.assume.cost", margin=number(getattr(inputs, "assumed_margin_pct", None), lang)),
                   T("report.assume.seed", draws=number(getattr(inputs, "n_draws", None), lang),
                     seed=getattr(inputs, "seed", "")),
                   T("report.confidence")]
    if saved.kind != "pricing":
        from .scenario_kinds import notes

        assumptions = notes(saved.kind, res, lang)
    settings = json.dumps(saved.pins.get("settings", {}), sort_keys=True)
    parts = [
        f"<h1>{e(T('report.heading', title=title))}</h1>",
        f"<p>{e(T('report.saved', when=saved.created_at[:16].replace('T', ' '), link=''))}"
        f"<a href=\"{e(link, quote=True)}\">{e(link)}</a></p>",
        f"<p>{e(T('scn.note', note=saved.note))}</p>" if saved.note else "",
        f"<p class=warn>{e(T('report.today_differs'))}</p>" if today_differs else "",
        f"<h2>{e(T('scn.inputs'))}</h2>",
        _table([T("scn.input"), T("scn.value")], [list(r) for r in inputs_rows]),
        f"<h2>{e(T('report.summary', currency=currency))}</h2>",
        _table([T("report.what"), T("scn.baseline"), T("scn.col.saved"), T("report.low"), T("report.high")], summary),
        f"<h2>{e(T('report.charts'))}</h2>", *figures,
        f"<h2>{e(T('report.per_sku'))}</h2>",
        _table([T("col.sku"), T("col.product"), T("col.confidence"), T("col.elasticity"),
                T("col.current_price"), T("col.new_price"), T("col.units"), T("col.profit")], per_sku)
        if saved.kind == "pricing" else _table(list(map(str, details.columns)), details.astype(str).values.tolist()),
        f"<h2>{e(T('report.assumptions'))}</h2><ul>" + "".join(f"<li>{e(a)}</li>" for a in assumptions) + "</ul>",
        f"<h2>{e(T('report.provenance'))}</h2><ul>"
        f"<li>{e(T('report.fingerprint', n=len(saved.pins.get('imports', [])), fp=saved.fingerprint))}</li>"
        f"<li>{e(T('report.model', model=saved.app_version))}</li>"
        f"<li>{e(T('report.settings', settings=settings))}</li></ul>",
    ]
    page = (f"<!DOCTYPE html><html lang=\"{e(lang)}\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            f"<title>{e(T('report.heading', title=title))}</title><style>"
            "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
            "text-align:left}.warn{color:#a40}figure{margin:1rem 0}</style></head><body>"
            + "".join(parts) + "</body></html>")
    return page.encode("utf-8")
