"""Altair chart builders: pure functions from DataFrames to ``alt.Chart`` (no Streamlit)."""
from __future__ import annotations

import altair as alt
import pandas as pd


def _time_locale(babel_locale: str, date: str, date_time: str) -> dict:
    """A d3 time-format locale (month and day names) from babel's CLDR data."""
    from babel.dates import get_day_names, get_month_names

    def days(width: str) -> list[str]:  # d3 starts the week on Sunday, babel's 0 is Monday
        names = get_day_names(width, locale=babel_locale)
        return [str(names[(i + 6) % 7]) for i in range(7)]

    def months(width: str) -> list[str]:
        names = get_month_names(width, locale=babel_locale)
        return [str(names[i]) for i in range(1, 13)]

    return {"dateTime": date_time, "date": date, "time": "%H:%M:%S", "periods": ["AM", "PM"],
            "days": days("wide"), "shortDays": days("abbreviated"),
            "months": months("wide"), "shortMonths": months("abbreviated")}


# Number and time formats of the Vega renderer per language (Vega-Lite ``config.locale``;
# Streamlit drops vega-embed's formatLocale option but keeps the spec's config).
VEGA_LOCALES = {
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]},
           "time": _time_locale("en_GB", "%d/%m/%Y", "%a %e %b %X %Y")},
    "de": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
           "time": _time_locale("de_DE", "%d.%m.%Y", "%A, %e. %B %Y, %X")},
}
AXIS_FORMATS = {"en": {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y"},
                "de": {"day": "%d.%m.%Y", "week": "%d.%m.%Y", "month": "%b %Y"}}
DAY_FORMAT = {"en": "%d %b %Y", "de": "%d.%m.%Y"}
TICK_INTERVALS = {"day": "day", "month": "month"}
WORDS = {"en": {"low": "90 % low", "high": "90 % high", "orders": "Orders"},
         "de": {"low": "90 % unten", "high": "90 % oben", "orders": "Bestellungen"}}


def _localised(chart, lang: str):
    """Numbers (1.234,5) and month names (Okt., Dez.) of every axis and tooltip in ``lang``."""
    return chart.configure(locale=VEGA_LOCALES.get(lang, VEGA_LOCALES["en"]))


def _period_axis(frame: pd.DataFrame, grain: str, lang: str = "en") -> alt.Axis:
    """Ticks on period starts: Vega's own weeks start on Sunday, ours (ISO) on Monday, so
    week ticks are placed at the data's own periods."""
    if grain == "week":
        ticks = [d.isoformat() for d in pd.to_datetime(frame["period"]).dt.date]
        return alt.Axis(format=AXIS_FORMATS[lang][grain], labelOverlap=True, values=ticks)
    return alt.Axis(format=AXIS_FORMATS[lang][grain], labelOverlap=True,
                    tickCount={"interval": TICK_INTERVALS[grain], "step": 1})


def revenue_over_time(frame: pd.DataFrame, grain: str, grain_label: str, value_title: str,
                      lang: str) -> alt.Chart:
    """Area of net revenue per period (points when few), with orders in the tooltip."""
    chart = alt.Chart(frame).mark_area(color="#4C78A8", opacity=0.35, line=True,
                                        point=len(frame) <= 60).encode(
        x=alt.X("period:T", title=grain_label.capitalize(),
                axis=_period_axis(frame, grain, lang)),
        y=alt.Y("revenue:Q", title=value_title, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("period:T", title=grain_label, format=DAY_FORMAT[lang]),
                 alt.Tooltip("revenue:Q", format=",.2f", title=value_title),
                 alt.Tooltip("orders:Q", format=",d", title=WORDS[lang]["orders"])],
    ).properties(height=280)
    return _localised(chart, lang)


def share_bars(frame: pd.DataFrame, category: str, value: str, title: str, lang: str) -> alt.Chart:
    """Horizontal bars, largest first (top countries, top products)."""
    chart = alt.Chart(frame).mark_bar(color="#72B7B2").encode(
        y=alt.Y(f"{category}:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False, labelLimit=160)),
        x=alt.X(f"{value}:Q", title=title, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{category}:N", title=None), alt.Tooltip(f"{value}:Q", format=",.2f", title=title)],
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
        tooltip=[alt.Tooltip("price:Q", format=",.2f", title=price_title),
                 alt.Tooltip(f"{measure}:Q", format=",.2f", title=value_title),
                 alt.Tooltip(f"{measure}_low:Q", format=",.2f", title=WORDS[lang]["low"]),
                 alt.Tooltip(f"{measure}_high:Q", format=",.2f", title=WORDS[lang]["high"])])
    today = alt.Chart(curve.loc[curve["is_current"]]).mark_rule(color="#888", strokeDash=[4, 4]).encode(
        x="price:Q")
    layers = [band, line, today]
    if recommended is not None:
        pick = curve.iloc[[(curve["price"] - recommended).abs().argmin()]]
        layers.append(alt.Chart(pick).mark_point(size=120, filled=True, color="#E45756").encode(
            x="price:Q", y=f"{measure}:Q"))
    return _localised(alt.layer(*layers).properties(height=300), lang)


__all__ = ["profit_curve", "revenue_over_time", "share_bars"]
