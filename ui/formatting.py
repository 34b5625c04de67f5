"""All number, money, percent and date formatting of the app, for English and German.

Backed by babel (CLDR data): en → '£1,234.56', '1,234.56', '31 Dec 2024';
de → '1.234,56 £', '1.234,56', '31.12.2024'. Money always keeps its currency code.
"""
from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"en": "en_GB", "de": "de_DE"}
DATE_PATTERNS = {"en": "d MMM yyyy", "de": "dd.MM.yyyy"}
DASH = "–"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def money(value: float | None, currency: str | None, lang: str = "en", decimals: int = 2) -> str:
    """Amount with its currency, e.g. money(1234.5, 'EUR', 'de') == '1.234,50 €'."""
    if _missing(value):
        return DASH
    if not currency:
        return number(value, lang, decimals)
    # Round half up, as people (and invoices) do; babel would round half to even.
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    amount = abs(amount) if amount == 0 else amount   # no "-0,00 €" for a tiny negative amount
    fmt = None if decimals == 2 else ("¤#,##0" if lang == "en" else "#,##0\xa0¤")
    return format_currency(amount, currency, format=fmt, locale=LOCALES[lang],
                           currency_digits=decimals == 2)


WHOLE_MONEY_FROM = 1000.0   # amounts from here on are shown without cents


def money_auto(value: float | None, currency: str | None, lang: str = "en") -> str:
    """Money rounded so that small amounts stay meaningful: cents below 1,000
    (money_auto(1.47, 'GBP') == '£1.47', not '£1'), whole units from 1,000 on ('£12,346')."""
    if _missing(value):
        return DASH
    return money(value, currency, lang, 0 if abs(value) >= WHOLE_MONEY_FROM else 2)


def number(value: float | None, lang: str = "en", decimals: int = 0) -> str:
    """Grouped number, e.g. number(1234.56, 'de', 2) == '1.234,56'."""
    if _missing(value):
        return DASH
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if round(value, decimals) == 0:
        value = 0.0   # no "-0" for a tiny negative value
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(value: float | None, lang: str = "en", decimals: int = 1) -> str:
    """Share as percent, e.g. percent(0.1234, 'de') == '12,3 %'."""
    if _missing(value):
        return DASH
    sign = "\xa0%" if lang == "de" else "%"  # German sets a no-break space before %
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + sign
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def signed_percent(value: float | None, lang: str = "en", decimals: int = 1) -> str:
    """Change with its sign, e.g. '+4.2%' / '-3,1 %' (ASCII minus: st.metric reads the sign
    from it to colour the delta)."""
    if _missing(value):
        return DASH
    text = percent(abs(value), lang, decimals)
    return ("+" if value >= 0 else "-") + text


def day(value: date | None, lang: str = "en") -> str:
    """Calendar date: '31 Dec 2024' (en) or '31.12.2024' (de)."""
    if value is None:
        return DASH
    return format_date(value, DATE_PATTERNS[lang], locale=LOCALES[lang])


def number_columns(frame, floats: int = 2, skip=("id", "line")) -> dict[str, int]:
    """Decimals for ``styled`` by column type: 0 for integers, ``floats`` for decimals."""
    import pandas as pd

    return {c: 0 if pd.api.types.is_integer_dtype(frame[c]) else floats for c in frame.columns
            if c not in skip and pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])}


def styled(frame, lang: str = "en", decimals: dict[str, int] | None = None,
           percents: dict[str, int] | None = None):
    """``frame`` for ``st.dataframe`` with its numbers written the language's way
    (de: 164.762,19; 14,5 %) while the cells stay numbers, so the table still sorts
    numerically.

    ``decimals``: column -> decimals shown; ``percents``: column of shares (0.145) ->
    decimals of the percent shown. Streamlit shows a Styler's display values;
    ``NumberColumn(format=...)`` cannot (its printf formats are English-only and
    "localized" follows the browser's language, not the app's). Keep the plain frame for
    CSV downloads.
    """
    shown = {col: (lambda v, d=d: number(v, lang, d)) for col, d in (decimals or {}).items()
             if col in frame.columns}
    shown |= {col: (lambda v, d=d: percent(v, lang, d)) for col, d in (percents or {}).items()
              if col in frame.columns}
    others = [col for col in frame.columns if col not in shown]
    # a missing value reads "–" in every column (Streamlit would print "None")
    return frame.style.format(shown, na_rep=DASH).format(na_rep=DASH, subset=others)
