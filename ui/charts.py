"""Altair chart builders: pure functions from DataFrames to ``alt.Chart`` (no Streamlit)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from .formatting import LOCALES

D3_LOCALES = {  # number/time format locales for the Vega renderer
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]},
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]},
}


def _localised(chart: alt.Chart, lang: str) -> alt.Chart:
    return chart.properties(usermeta={"embedOptions": {"formatLocale": D3_LOCALES[lang]}})


def revenue_over_time(frame: pd.DataFrame, currency: str, grain_label: str, lang: str) -> alt.Chart:
    """Area of net revenue per period (points when few), with orders in the tooltip."""
    chart = alt.Chart(frame).mark_area(color="#4C78A8", opacity=0.35, line=True,
                                        point=len(frame) <= 60).encode(
        x=alt.X("period:T", title=grain_label.capitalize()),
        y=alt.Y("revenue:Q", title=f"{'Revenue' if lang == 'en' else 'Umsatz'} ({currency})",
                axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("period:T", title=grain_label, format="%Y-%m-%d"),
                 alt.Tooltip("revenue:Q", format=",.2f", title=currency),
                 alt.Tooltip("orders:Q", format=",d")],
    ).properties(height=280)
    return _localised(chart, lang)


def share_bars(frame: pd.DataFrame, category: str, value: str, title: str, lang: str) -> alt.Chart:
    """Horizontal bars, largest first (top countries, top products)."""
    chart = alt.Chart(frame).mark_bar(color="#72B7B2").encode(
        y=alt.Y(f"{category}:N", sort="-x", title=None),
        x=alt.X(f"{value}:Q", title=title, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q", format=",.2f")],
    ).properties(height=max(120, 26 * len(frame)))
    return _localised(chart, lang)


__all__ = ["revenue_over_time", "share_bars", "LOCALES"]
