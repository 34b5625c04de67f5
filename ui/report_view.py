"""Rendering of an import's validation report (before and after commit), of a rejection,
and of the import history, in the user's language."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .formatting import DASH, day, number, number_columns, styled
from .safe import md_escape
from .text import TABLES, lang, say, say_any, t

SETTINGS = ("format", "encoding", "delimiter_name", "decimal", "date_format", "header_line")


STRPTIME_CODES = ("%Y", "%y", "%m", "%d", "%H", "%M", "%S")
STRPTIME_OTHER = (("%b", "Mon"), ("%B", "Month"), ("%z", "±hhmm"), ("%f", "ffffff"))


def readable_date_format(fmt: str | None, lang_code: str | None = None) -> str:
    """'%d.%m.%Y %H:%M' → 'DD.MM.YYYY hh:mm' (de: 'TT.MM.JJJJ hh:mm'), what a manager recognises."""
    if not fmt:
        return "–"
    words = TABLES.get(lang_code or lang(), TABLES["en"]).get("datefmt.words") or TABLES["en"]["datefmt.words"]
    for code, word in (*zip(STRPTIME_CODES, words.split()), *STRPTIME_OTHER):
        fmt = fmt.replace(code, word)
    return fmt


def _word(prefix: str, value, fallback=None) -> str | None:
    """``t(prefix + value)`` when the table knows it, else ``fallback`` (or the value)."""
    if value is None:
        return None
    key = f"{prefix}{value}"
    return t(key) if key in TABLES["en"] else (fallback if fallback is not None else str(value))


def column_label(name: str) -> str:
    """A field or column name in the user's language (``col.<name>``), else the name itself."""
    return _word("col.", name)


def detected_settings(report: dict) -> dict[str, str]:
    """The detected settings of an import as label -> words in the user's language."""
    detected = report.get("detected", {})
    delimiter = "excel" if detected.get("container") == "xlsx" else detected.get("delimiter")
    encoding = detected.get("encoding")
    shown = {"format": say(report["format_code"]) if report.get("format_code")
             else report.get("format_label", detected.get("format")),
             "encoding": _word("enc.", str(encoding).lower() if encoding else None, encoding),
             "delimiter_name": _word("delim.", delimiter, detected.get("delimiter_name")),
             "decimal": _word("decimal.name.", detected.get("decimal")),
             "date_format": readable_date_format(detected.get("date_format"))
             if detected.get("date_format") else None,
             "header_line": number(detected["header_line"], lang())
             if detected.get("header_line") is not None else None}
    return {t(f"detected.{key}"): str(shown[key]) for key in SETTINGS if shown.get(key) is not None}


def shown_table(frame: pd.DataFrame, decimals: dict[str, int] | None = None, **dataframe_args) -> None:
    """A table with headers from the text table (``col.<name>``), yes/no in words and
    numbers written the user's way; values stay text (never HTML)."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == bool:
            frame[col] = frame[col].map({True: t("value.yes"), False: t("value.no")})
    config = {c: st.column_config.Column(_word("col.", c)) for c in frame.columns}
    st.dataframe(styled(frame, lang(), {**number_columns(frame), **(decimals or {})}), placeholder=DASH, hide_index=True,
                 column_config=config, **dataframe_args)


def render_rejection(error) -> None:
    """Why a file cannot be imported, in the user's language; hints name this page's controls."""
    st.error(f"**{t('data.rejected')}:** {md_escape(error.render(lang()))}")


def render_history(history: pd.DataFrame) -> None:
    """The import history with translated headers, kinds and statuses."""
    shown = history.copy()
    for col, prefix in (("kind", "kind."), ("status", "status.")):
        if col in shown:
            shown[col] = [_word(prefix, v) for v in shown[col]]
    shown_table(shown, width="stretch")


def render_report(report: dict, preview: pd.DataFrame | None = None) -> None:
    L = lang()
    st.markdown(" · ".join(f"**{md_escape(k)}:** {md_escape(v)}"
                           for k, v in detected_settings(report).items()))
    detected = report.get("detected", {})
    cols = st.columns(5)
    cols[0].metric(t("data.rows_read"), number(report["rows_read"], L))
    cols[1].metric(t("data.rows_imported"), number(report["rows_imported"], L))
    cols[2].metric(t("data.rows_skipped"), number(report["rows_skipped"], L))
    if report.get("kind") == "orders":
        cols[3].metric(t("data.returns"), number(report.get("return_lines"), L))
        cols[4].metric(t("data.non_product"), number(report.get("non_product_lines"), L))
        if report.get("first_date"):
            st.caption(t("data.date_range", first=day(pd.Timestamp(report["first_date"]).date(), L),
                         last=day(pd.Timestamp(report["last_date"]).date(), L))
                       + f" · {t('data.orders')}: {number(report.get('orders'), L)}"
                       + f" · {', '.join(report.get('currencies', []))}")
    if detected.get("date_ambiguous"):
        st.warning(t("data.ambiguous"))
    for warning in report.get("warnings", []):
        st.caption("⚠️ " + md_escape(say_any(warning)))
    if report.get("skipped_reasons"):
        st.markdown(f"**{t('data.skipped_reasons')}**")
        # skipped_reason_codes (same order as skipped_reasons, whose keys are English) words
        # each reason in the user's language, also in a report read back from the store
        coded = report.get("skipped_reason_codes")
        worded = ({text: say(r["code"], r["params"]) if r.get("code") else text
                   for text, r in zip(report["skipped_reasons"], coded)} if coded is not None
                  else {text: say_any(text) for text in report["skipped_reasons"]})
        shown_table(pd.DataFrame([(worded[k], v) for k, v in report["skipped_reasons"].items()],
                                 columns=["reason", "rows"]))
        examples = [{**e, "reason": worded.get(str(e.get("reason", "")), say_any(e.get("reason", "")))}
                    for e in report.get("skipped_examples", [])]
        shown_table(pd.DataFrame(examples), height=150)
    if preview is not None:
        st.markdown(f"**{t('data.preview')}**")
        shown_table(preview.head(20))
