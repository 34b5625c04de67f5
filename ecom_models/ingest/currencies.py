"""Currencies of money cells: the sign or code a cell carries ('€12,50', '$1,299.00').

A file without a currency column takes its currency from the signs when they name one
currency. A layout whose currency is fixed (UCI Online Retail is in GBP) or set by the
user must not carry cells that name another currency: such a cell is rejected with its
line, never stored in the wrong currency.
"""
from __future__ import annotations

import re

import pandas as pd

from .errors import IngestError
from ..messages import Message

CURRENCY_SIGNS = {"€": "EUR", "£": "GBP", "$": "USD", "₹": "INR", "CHF": "CHF", "EUR": "EUR",
                  "GBP": "GBP", "USD": "USD", "CAD": "CAD", "AUD": "AUD", "SEK": "SEK",
                  "DKK": "DKK", "NOK": "NOK", "PLN": "PLN", "CZK": "CZK", "INR": "INR"}
# Longest first, so 'US$' or 'CHF' wins over '$'; codes only as whole words.
_SIGN_RE = re.compile("|".join(
    re.escape(s) if not s.isalpha() else rf"\b{s}\b"
    for s in sorted(CURRENCY_SIGNS, key=len, reverse=True)))


def _currency_of(text: str) -> str | None:
    found = {CURRENCY_SIGNS[m] for m in _SIGN_RE.findall(text)}
    return found.pop() if len(found) == 1 else ("?" if found else None)


def currency_from_symbols(frame: pd.DataFrame, fields) -> str | None:
    """The one currency whose sign or code the money cells carry ('€12,50' → EUR), or None
    when they carry none or several. Looks at the distinct values only."""
    found = set()
    for f in fields:
        if f in frame and frame[f].dtype.kind not in "biuf":
            for value in frame[f].dropna().unique()[:5000]:
                code = _currency_of(str(value))
                if code and code != "?":
                    found.add(code)
    return found.pop() if len(found) == 1 else None


def reject_contradicting_signs(frame: pd.DataFrame, fields, currency: str | None,
                               columns: dict, file: str, skip: pd.Series) -> None:
    """Raise ``IngestError`` at the first cell whose currency sign names another currency
    than ``currency`` (the layout's fixed or the user's currency). Checked per distinct
    value; rows already being skipped are ignored."""
    if not currency:
        return
    for f in fields:
        if f not in frame or frame[f].dtype.kind in "biuf":
            continue
        codes, uniques = pd.factorize(frame[f].astype(str))
        other = [i for i, u in enumerate(uniques) if _currency_of(u) not in (None, currency)]
        if not other:
            continue
        hit = pd.Series(codes, index=frame.index).isin(other) & ~skip
        if hit.any():
            value = frame.loc[hit, f].iloc[0]
            raise IngestError(
                Message("currency_contradicts", {"value": str(value), "found": _currency_of(value),
                                                 "currency": currency, "count": int(hit.sum())}),
                file=file, line=int(frame.loc[hit, "_line"].iloc[0]), column=columns.get(f, f),
                hint_code="hint.one_currency")
