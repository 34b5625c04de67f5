"""Saved scenarios in the app: the read-only view behind a share link (``?scenario=ID``)
and the list with rename, note, delete and compare (``pages/scenarios.py`` only lays these
out). The "Save scenario" button of the what-if pages is ``ui.scenario_save``.

A link's id is checked for its form before anything is read; a malformed, unknown,
deleted or repeated id shows the same "not found" and nothing else. Titles, notes and
product names are shown as text (``ui.safe.md_escape``, or in tables).
"""
from __future__ import annotations

from urllib.parse import urljoin

import pandas as pd
import streamlit as st

from ecom_models.scenarios.pricing import FIELDS as PRICING_FIELDS, PricingData, PricingInputs
from ecom_models.scenarios.fields import to_url
from ecom_models.scenarios.saved import compare_today, delete, open_saved, rename, saved_list
from ecom_models.store.queries import StoreMissing
from ecom_models.store.scenarios import valid_id

from . import loaders
from .formatting import DASH, money, number, percent, signed_percent
from .safe import md_escape
from .scenario_report import csv_report, excel_report, html_report, numbers_table
from .text import lang, t

PAGE = "pages/scenarios.py"
LAST_SAVED = "_scn_last_saved"      # (id, inputs) of the scenario saved last in this session


def share_link(scenario_id: str) -> str:
    """The absolute share link when the browser's URL is known (else relative)."""
    base = st.context.url or ""
    return urljoin(base, f"scenarios?scenario={scenario_id}") if base else f"scenarios?scenario={scenario_id}"


# ------------------------------------------------------------------------- the shared view

def requested_id() -> str | None:
    """The ``scenario`` URL value when it is one well-formed id, else "" (not found);
    None when the URL has none."""
    if "scenario" not in st.query_params:
        return None
    values = st.query_params.get_all("scenario")
    return values[0] if len(values) == 1 and valid_id(values[0]) else ""


def not_found() -> None:
    st.error(t("scn.not_found"))
    st.caption(t("scn.not_found_hint"))
    st.page_link(PAGE, label=t("scn.go_list"), icon=":material/list:")


def _data_fn(inputs):
    """Today's data for recomputing, from the page's shared caches (as the Pricing page)."""
    if isinstance(inputs, PricingInputs):
        def load():
            lines = loaders.lines()
            names = lines.drop_duplicates("sku").set_index("sku")["product_name"]
            from .pricing_data import data

            return PricingData(data(inputs.currency).estimates, loaders.unit_costs(), names)
        return load
    return None


def inputs_rows(saved, language: str) -> list[tuple[str, str]]:
    """(label, value) of a scenario's inputs in ``language`` (for the view and the report)."""
    from .text import text_in

    inputs = saved.inputs
    if not isinstance(inputs, PricingInputs):
        rows = [(text_in(language, "scn.row.kind"), text_in(language, f"scn.kind.{saved.kind}"))]
        for f in getattr(inputs, "FIELDS", ()):
            value = getattr(inputs, f.name)
            rows.append((f.label or f.name, "–" if value is None else
                         ", ".join(value) if isinstance(value, tuple) else str(value)))
        return rows
    names = {r.get("sku"): r.get("product") for r in saved.results.get("per_sku", [])}
    scope = (text_in(language, "scn.save.category", name=inputs.category) if inputs.category else
             ", ".join(f"{s} — {names.get(s) or ''}" for s in inputs.skus))
    rows = [(text_in(language, "scn.row.kind"), text_in(language, f"scn.kind.{saved.kind}")),
            (text_in(language, "scn.row.currency"), inputs.currency or ""),
            (text_in(language, "scn.row.scope"), scope),
            (text_in(language, "scn.row.mode"), text_in(language, f"mode.{inputs.mode}"))]
    if inputs.mode == "pct":
        rows.append((text_in(language, "scn.row.change"), number(inputs.price_change_pct, language, 1)))
    else:
        rows.append((text_in(language, "scn.row.newprice"), money(inputs.new_price, inputs.currency, language)))
    rows.append((text_in(language, "scn.row.margin"), number(inputs.assumed_margin_pct, language, 1)))
    return rows


def _totals(results: dict) -> pd.Series:
    return pd.Series({k: (float("nan") if v is None else v) for k, v in results.get("totals", {}).items()},
                     dtype=float)


def _side_by_side(saved_totals: pd.Series, today_totals: pd.Series, currency: str) -> pd.DataFrame:
    L, rows = lang(), []
    for key in ("units", "revenue", "profit"):
        fmt = (lambda v: number(v, L, 1)) if key == "units" else (lambda v: money(v, currency, L))
        for part, label in ((f"baseline_{key}", t("scn.baseline")), (key, t("scn.col.saved"))):
            rows.append({t("scn.input"): f"{t(f'scn.row.{key}')} · {label}",
                         t("scn.col.saved"): fmt(saved_totals.get(part)), t("scn.col.today"): fmt(today_totals.get(part))})
    return pd.DataFrame(rows)


@st.cache_data(max_entries=16, show_spinner=False)
def _report_bytes(scenario_id: str, updated_at: str, language: str, link: str, today_differs: bool):
    saved = open_saved(loaders.db_path(), scenario_id)
    rows = inputs_rows(saved, language)
    return (html_report(saved, language, link, rows, today_differs), csv_report(saved, language),
            excel_report(saved, language))


def show_saved(saved) -> None:
    """The read-only view: the saved numbers exactly, what changed since, today's numbers
    beside them when anything did (or on request), the chain, the report downloads."""
    db, L = loaders.db_path(), lang()
    currency = saved.results.get("currency") or ""
    st.title(md_escape(saved.title or t("scn.untitled")))
    st.caption(t("scn.readonly", when=saved.created_at[:16].replace("T", " "), kind=t(f"scn.kind.{saved.kind}")))
    if saved.note:
        st.markdown(t("scn.note", note=md_escape(saved.note)))
    asked = st.button(t("scn.recompute"), key="scn_recompute", icon=":material/refresh:")
    check = compare_today(db, saved, recompute=asked, data_fn=_data_fn(saved.inputs))
    if check.data_changed:
        st.warning(t("scn.data_changed", added=check.imports_added, removed=check.imports_removed))
    if check.model_changed:
        st.warning(t("scn.model_changed", old=md_escape(saved.app_version),
                     new=md_escape(_current_version(saved.kind))))
    if check.error:
        st.warning(t("scn.today_error", reason=md_escape(check.error)))
    elif check.same_numbers:
        st.info(t("scn.same_today"))
    elif not (check.data_changed or check.model_changed):
        st.caption(t("scn.unchanged"))

    st.subheader(t("scn.inputs"))
    st.dataframe(pd.DataFrame(inputs_rows(saved, L), columns=[t("scn.input"), t("scn.value")]),
                 placeholder=DASH, hide_index=True, width="stretch")
    if saved.kind != "pricing":
        _show_other_kind(saved, check)
        return
    from .pricing_view import whatif_metrics

    st.subheader(t("scn.saved_numbers", when=saved.created_at[:10]))
    whatif_metrics(_totals(saved.results), currency)
    if check.results_today is not None and not check.same_numbers:
        st.subheader(t("scn.today_numbers"))
        whatif_metrics(_totals(check.results_today), currency)
        st.markdown(f"**{t('scn.side_by_side')}**")
        st.dataframe(_side_by_side(_totals(saved.results), _totals(check.results_today), currency),
                     placeholder=DASH, hide_index=True, width="stretch")
    st.markdown(f"**{t('scn.per_sku')}**")
    st.dataframe(numbers_table(saved, L), placeholder=DASH, hide_index=True, width="stretch")
    _chain(saved)
    if isinstance(saved.inputs, PricingInputs):
        st.page_link("pages/pricing.py", label=t("scn.open_in_page"), icon=":material/sell:",
                     query_params=to_url(saved.inputs, PRICING_FIELDS))
    _provenance_and_downloads(saved, check)


def _metric_row(values: list[tuple[str, str]]) -> None:
    for column, (label, value) in zip(st.columns(len(values)), values):
        column.metric(label, value)


def _show_other_kind(saved, check) -> None:
    """The saved numbers of a bundle, forecast or market what-if (as their pages format
    them), today's beside them when they differ, the details, the chain and the page link."""
    from . import scenario_kinds as kinds

    L = lang()
    st.subheader(t("scn.saved_numbers", when=saved.created_at[:10]))
    _metric_row(kinds.metrics(saved.kind, saved.results, L))
    parent = saved.results.get("price_from")
    if parent:
        step = open_saved(loaders.db_path(), parent)
        st.caption(t("scn.price_from", change=signed_percent(saved.results["price_change_pct"] / 100, L, 1),
                     title=md_escape(step.title if step and step.title else t("scn.untitled"))))
    if check.results_today is not None and not check.same_numbers:
        st.subheader(t("scn.today_numbers"))
        _metric_row(kinds.metrics(saved.kind, check.results_today, L))
        st.markdown(f"**{t('scn.side_by_side')}**")
        today = {label: value for label, value, _ in kinds.key_results(saved.kind, check.results_today, L)}
        st.dataframe(pd.DataFrame([{t("scn.input"): label, t("scn.col.saved"): value,
                                    t("scn.col.today"): today.get(label, "")}
                                   for label, value, _ in kinds.key_results(saved.kind, saved.results, L)]),
                     placeholder=DASH, hide_index=True, width="stretch")
    st.markdown(f"**{t('scn.key_results')}**")
    st.dataframe(pd.DataFrame([{t("scn.what"): label, t("scn.col.saved"): value, t("scn.baseline"): base}
                               for label, value, base in kinds.key_results(saved.kind, saved.results, L)]),
                 placeholder=DASH, hide_index=True, width="stretch")
    st.markdown(f"**{t('scn.details')}**")
    st.dataframe(kinds.detail_table(saved.kind, saved.results, L), placeholder=DASH, hide_index=True, width="stretch")
    for line in kinds.notes(saved.kind, saved.results, L):
        st.caption("– " + md_escape(line))
    _chain(saved)
    st.page_link(kinds.PAGES[saved.kind], label=t("scn.open_in_page"), icon=kinds.ICONS[saved.kind],
                 query_params=kinds.page_query(saved))
    _provenance_and_downloads(saved, check)


def _provenance_and_downloads(saved, check) -> None:
    L = lang()
    st.caption(t("scn.fingerprint", short=saved.fingerprint[:12], n=len(saved.pins.get("imports", [])),
                 model=md_escape(saved.app_version)))
    html, csv, xlsx = _report_bytes(saved.id, saved.updated_at, L, share_link(saved.id),
                                    bool(check.results_today is not None and not check.same_numbers))
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("scn.dl.html"), html, "scenario_report.html", "text/html", key="dl_scn_html")
    c2.download_button(t("scn.dl.csv"), csv, "scenario_numbers.csv", "text/csv", key="dl_scn_csv")
    c3.download_button(t("scn.dl.xlsx"), xlsx, "scenario_numbers.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_scn_xlsx")


def _current_version(kind: str) -> str:
    from ecom_models.scenarios.registry import get_kind

    return get_kind(kind).model_version()


def _chain(saved) -> None:
    if len(saved.steps) < 2:
        return
    st.subheader(t("scn.chain"))
    st.caption(t("scn.chain_caption"))
    for n, step_id in enumerate(saved.steps, start=1):
        step = saved if step_id == saved.id else open_saved(loaders.db_path(), step_id)
        if step is None:
            continue
        label = t("scn.chain_step", n=n, kind=t(f"scn.kind.{step.kind}"), title=step.title or t("scn.untitled"))
        st.page_link(PAGE, label=label, query_params={"scenario": step_id})


# ------------------------------------------------------------------------- list and compare

def show_list() -> None:
    """The saved scenarios with rename/annotate/delete and a side-by-side comparison."""
    db = loaders.db_path()
    message = st.session_state.pop("_scn_message", None)
    if message:
        st.success(t(message))
    try:
        rows = saved_list(db)
    except StoreMissing:
        rows = []
    st.subheader(t("scn.list.title"))
    if not rows:
        st.info(t("scn.list.empty"))
        return
    by_id = {r["id"]: r for r in rows}
    table = pd.DataFrame({t("scn.col.title"): [r["title"] for r in rows],
                          t("scn.col.kind"): [t(f"scn.kind.{r['kind']}") for r in rows],
                          t("scn.col.created"): [r["created_at"][:16].replace("T", " ") for r in rows],
                          t("scn.col.note"): [r["note"] for r in rows],
                          t("scn.col.link"): [share_link(r["id"]) for r in rows]})
    st.dataframe(table, placeholder=DASH, hide_index=True, width="stretch",
                 column_config={t("scn.col.link"): st.column_config.LinkColumn(display_text=t("scn.open_saved"))})
    label = (lambda i: f"{by_id[i]['title'] or t('scn.untitled')} · {by_id[i]['created_at'][:16].replace('T', ' ')}")
    with st.expander(t("scn.manage")):
        pick = st.selectbox(t("scn.pick"), list(by_id), key="scn_pick", format_func=label)
        if pick:
            with st.form(f"scn_form_{pick}"):
                title = st.text_input(t("scn.rename"), value=by_id[pick]["title"], max_chars=200, key=f"scn_rename_{pick}")
                note = st.text_area(t("scn.renote"), value=by_id[pick]["note"], max_chars=5000, key=f"scn_renote_{pick}")
                if st.form_submit_button(t("scn.update")):
                    rename(db, pick, title=title, note=note)
                    st.session_state["_scn_message"] = "scn.updated"
                    st.rerun()
            with st.popover(t("scn.delete"), icon=":material/delete:"):
                st.button(t("scn.delete_sure"), key="scn_delete_sure", type="primary",
                          on_click=_delete, args=(pick,))
    chosen = st.multiselect(t("scn.compare"), list(by_id), key="scn_compare", format_func=label)
    if len(chosen) < 2:
        st.caption(t("scn.compare.need"))
        return
    records = [s for s in (open_saved(db, i) for i in chosen) if s is not None]
    frame, differing = compare_frame(records, lang())
    interval = number(records[0].results.get("interval_pct"), lang())
    st.caption(t("scn.compare.caption", interval=interval))
    st.dataframe(frame.style.apply(lambda row: ["background-color: #fff3b0" if row.name in differing else ""
                                                for _ in row], axis=1), width="stretch", placeholder=DASH)


def _delete(scenario_id: str) -> None:
    delete(loaders.db_path(), scenario_id)
    st.session_state.pop("scn_pick", None)
    st.session_state.pop("scn_compare", None)
    st.session_state["_scn_message"] = "scn.deleted"


def compare_frame(records: list, language: str) -> tuple[pd.DataFrame, set[str]]:
    """Scenarios side by side: inputs and key results (with ranges), a "Do nothing" column
    per distinct baseline, and the input rows whose values differ between the scenarios."""
    from .text import text_in

    def results_column(totals: dict, currency: str, baseline: bool) -> dict:
        if kind != "pricing":
            from .scenario_kinds import key_results

            return {label: base if baseline else value for label, value, base in key_results(kind, saved.results, language)}
        out = {}
        for key in ("units", "revenue", "profit"):
            fmt = (lambda v: number(v, language, 1)) if key == "units" else (lambda v: money(v, currency, language))
            label = text_in(language, f"scn.row.{key}")
            out[label] = fmt(totals.get(f"baseline_{key}")) if baseline else text_in(
                language, "scn.range", value=fmt(totals.get(key)), low=fmt(totals.get(f"{key}_low")),
                high=fmt(totals.get(f"{key}_high")))
        out[text_in(language, "scn.row.prob")] = "" if baseline else percent(totals.get("prob_profit_up"), language, 0)
        return out

    columns, seen_baselines, input_labels = {}, {}, []
    for n, saved in enumerate(records, start=1):
        kind = saved.kind
        rows = dict(inputs_rows(saved, language))
        input_labels = input_labels or list(rows)
        rows[text_in(language, "scn.row.saved")] = saved.created_at[:16].replace("T", " ")
        rows[text_in(language, "scn.row.data")] = saved.fingerprint[:12]
        currency = saved.results.get("currency") or ""
        key = (kind, currency, tuple(sorted(r.get("sku", "") for r in saved.results.get("per_sku", []))),
               saved.fingerprint)
        if key not in seen_baselines:
            name = text_in(language, "scn.baseline") + (f" ({n})" if _many(records) else "")
            seen_baselines[key] = name
            columns[name] = {**{label: "" for label in rows}, **results_column(saved.results.get("totals", {}), currency, True)}
        columns[f"{n}. {saved.title or text_in(language, 'scn.untitled')}"] = {
            **rows, **results_column(saved.results.get("totals", {}), currency, False)}
    frame = pd.DataFrame(columns)
    scenario_columns = [c for c in frame.columns if c not in seen_baselines.values()]
    differing = {label for label in frame.index if label in input_labels
                 and frame.loc[label, scenario_columns].nunique() > 1}
    return frame, differing


def _many(records: list) -> bool:
    """True when the compared scenarios have more than one baseline."""
    keys = {(s.kind, s.results.get("currency"), tuple(sorted(r.get("sku", "") for r in s.results.get("per_sku", []))),
             s.fingerprint) for s in records}
    return len(keys) > 1
