"""Altair chart builders: pure functions from DataFrames to ``alt.Chart`` (no Streamlit)."""
from __future__ import annotations

import altair as alt
import pandas as pd


D3_LOCALES = {  # number/time format locales for the Vega renderer
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]},
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]},
}


def _localised(chart: alt.Chart, lang: str) -> alt.Chart:
    return chart.properties(usermeta={"embedOptions": {"formatLocale": D3_LOCALES[lang]}})


AXIS_FORMATS = {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y"}
TICK_INTERVALS = {"day": "day", "month": "month"}


def _period_axis(frame: pd.DataFrame, grain: str) -> alt.Axis:
    """Ticks on period starts: Vega's own weeks start on Sunday, ours (ISO) on Monday, so
    week ticks are placed at the data's own periods."""
    if grain == "week":
        ticks = [d.isoformat() for d in pd.to_datetime(frame["period"]).dt.date]
        return alt.Axis(format=AXIS_FORMATS[grain], labelOverlap=True, values=ticks)
    return alt.Axis(format=AXIS_FORMATS[grain], labelOverlap=True,
                    tickCount={"interval": TICK_INTERVALS[grain], "step": 1})


def revenue_over_time(frame: pd.DataFrame, grain: str, grain_label: str, value_title: str,
                      lang: str) -> alt.Chart:
    """Area of net revenue per period (points when few), with orders in the tooltip."""
    chart = alt.Chart(frame).mark_area(color="#4C78A8", opacity=0.35, line=True,
                                        point=len(frame) <= 60).encode(
        x=alt.X("period:T", title=grain_label.capitalize(),
                axis=_period_axis(frame, grain)),
        y=alt.Y("revenue:Q", title=value_title, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("period:T", title=grain_label, format="%Y-%m-%d"),
                 alt.Tooltip("revenue:Q", format=",.2f", title=value_title),
                 alt.Tooltip("orders:Q", format=",d")],
    ).properties(height=280)
    return _localised(chart, lang)


def share_bars(frame: pd.DataFrame, category: str, value: str, title: str, lang: str) -> alt.Chart:
    """Horizontal bars, largest first (top countries, top products)."""
    chart = alt.Chart(frame).mark_bar(color="#72B7B2").encode(
        y=alt.Y(f"{category}:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False, labelLimit=160)),
        x=alt.X(f"{value}:Q", title=title, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q", format=",.2f")],
    ).properties(height=max(120, 26 * len(frame)))
    return _localised(chart, lang)




def profit_curve(curve: pd.DataFrame, measure: str, price_title: str, value_title: str,
                 recommended: float | None, lang: str) -> alt.Chart:
    """Expected ``measure`` (profit or revenue per week) over price, with its 90 % band, a rule
    at today's price and a point at the recommended price (None: no point)."""
    base = alt.Chart(curve).encode(x=alt.X("price:Q", title=price_title, scale=alt.Scale(zero=False)))
    band = base.mark_area(opacity=0.25, color="#4C78A8").encode(
        y=alt.Y(f"{measure}_low:Q", title=value_title), y2=f"{measure}_high:Q")
    line = base.mark_line(color="#4C78A8").encode(
        y=f"{measure}:Q",
        tooltip=[alt.Tooltip("price:Q", format=",.2f"), alt.Tooltip(f"{measure}:Q", format=",.2f"),
                 alt.Tooltip(f"{measure}_low:Q", format=",.2f", title="90 % low"),
                 alt.Tooltip(f"{measure}_high:Q", format=",.2f", title="90 % high")])
    today = alt.Chart(curve.loc[curve["is_current"]]).mark_rule(color="#888", strokeDash=[4, 4]).encode(
        x="price:Q")
    layers = [band, line, today]
    if recommended is not None:
        pick = curve.iloc[[(curve["price"] - recommended).abs().argmin()]]
        layers.append(alt.Chart(pick).mark_point(size=120, filled=True, color="#E45756").encode(
            x="price:Q", y=f"{measure}:Q"))
    return _localised(alt.layer(*layers).properties(height=300), lang)


__all__ = ["profit_curve", "revenue_over_time", "share_bars"]
