"""Rendering of an import's validation report (before and after commit)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .formatting import number
from .safe import md_escape
from .text import lang, t

SETTINGS = ("format", "encoding", "delimiter_name", "decimal", "date_format", "header_line")


STRPTIME_WORDS = (("%Y", "YYYY"), ("%y", "YY"), ("%m", "MM"), ("%d", "DD"), ("%H", "hh"),
                  ("%M", "mm"), ("%S", "ss"), ("%b", "Mon"), ("%B", "Month"), ("%z", "±hhmm"),
                  ("%f", "ffffff"))


def readable_date_format(fmt: str | None) -> str:
    """'%d.%m.%Y %H:%M' → 'DD.MM.YYYY hh:mm' (what a manager recognises)."""
    if not fmt:
        return "–"
    for code, word in STRPTIME_WORDS:
        fmt = fmt.replace(code, word)
    return fmt


def render_report(report: dict, preview: pd.DataFrame | None = None) -> None:
    L = lang()
    detected = report.get("detected", {})
    shown = {**detected, "format": report.get("format_label", detected.get("format")),
             "date_format": readable_date_format(detected.get("date_format"))
             if detected.get("date_format") else None}
    settings = {t(f"detected.{key}"): str(shown[key]) for key in SETTINGS
                if shown.get(key) is not None}
    st.markdown(" · ".join(f"**{md_escape(k)}:** {md_escape(v)}" for k, v in settings.items()))
    cols = st.columns(5)
    cols[0].metric(t("data.rows_read"), number(report["rows_read"], L))
    cols[1].metric(t("data.rows_imported"), number(report["rows_imported"], L))
    cols[2].metric(t("data.rows_skipped"), number(report["rows_skipped"], L))
    if report.get("kind") == "orders":
        cols[3].metric(t("data.returns"), number(report.get("return_lines"), L))
        cols[4].metric(t("data.non_product"), number(report.get("non_product_lines"), L))
        if report.get("first_date"):
            st.caption(t("data.date_range", first=report["first_date"], last=report["last_date"])
                       + f" · {t('data.orders')}: {number(report.get('orders'), L)}"
                       + f" · {', '.join(report.get('currencies', []))}")
    if detected.get("date_ambiguous"):
        st.warning(t("data.ambiguous"))
    for warning in report.get("warnings", []):
        st.caption("⚠️ " + md_escape(warning))
    if report.get("skipped_reasons"):
        st.markdown(f"**{t('data.skipped_reasons')}**")
        st.dataframe(pd.DataFrame(list(report["skipped_reasons"].items()),
                                  columns=["reason", "rows"]), hide_index=True)
        st.dataframe(pd.DataFrame(report.get("skipped_examples", [])), hide_index=True, height=150)
    if preview is not None:
        st.markdown(f"**{t('data.preview')}**")
        st.dataframe(preview.head(20), hide_index=True)
