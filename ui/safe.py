"""Showing untrusted text (product names, file names, URL values) as text, never as markup,
and writing downloads that spreadsheet programs will not execute."""
from __future__ import annotations

import re

import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_escape(text: object) -> str:
    """Escape Markdown/HTML-significant characters so ``st.markdown``/``st.error`` show the text
    literally: '[x](javascript:alert(1))' stays visible text, not a link; '<img ...>' stays text."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` where text cells starting with = + - @ tab or CR get a leading "'"
    (CSV/formula injection, OWASP). Numbers are left as numbers."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or str(series.dtype) in ("string", "str", "category"):
            text = series.astype(object)
            mask = text.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START))
            out[column] = text.where(~mask, "'" + text.astype(str))
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 (with BOM, so Excel detects it) CSV of a spreadsheet-safe copy of ``frame``."""
    return spreadsheet_safe(frame).to_csv(index=False).encode("utf-8-sig")
