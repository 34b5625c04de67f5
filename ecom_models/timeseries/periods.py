"""Period arithmetic: days, Monday weeks (ISO 8601) and calendar months.

Days are counted from 1970-01-01, which was a Thursday: adding 3 days makes the integer
division by 7 start weeks on Monday. A *period* is named by its first day; an integer
*period number* is used where arrays are indexed (day: days since 1970-01-01; week:
Monday weeks since the week of 1969-12-29).

Grain names: ``"day"``, ``"week"``, ``"month"``; the pricing code's ``"D"``/``"W"`` are
accepted as aliases of day/week.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

FREQS = ("day", "week", "month")
ALIASES = {"D": "day", "W": "week", "M": "month", "day": "day", "week": "week", "month": "month"}
PERIOD_DAYS = {"day": 1, "week": 7}            # fixed-length periods only
DAYS_PER_YEAR = 365.25
MONDAY_SHIFT_DAYS = 3                          # 1970-01-01 was a Thursday (weekday 3)
PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}


def grain(freq: str) -> str:
    """``freq`` as one of ``FREQS`` (ValueError for anything else)."""
    try:
        return ALIASES[freq]
    except (KeyError, TypeError):
        raise ValueError(f"grain must be one of {FREQS}, got {freq!r}") from None


def to_days(stamps) -> np.ndarray:
    """Days since 1970-01-01 (int64) of datetime-like values (Series, Index or array)."""
    values = stamps.to_numpy() if hasattr(stamps, "to_numpy") else np.asarray(stamps)
    return values.astype("datetime64[D]").astype(np.int64)


def period_start(stamps, freq: str) -> np.ndarray:
    """First day of each stamp's day / Monday week / month, as datetime64[D]."""
    g = grain(freq)
    days = to_days(stamps)
    if g == "month":
        return days.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]")
    return period_start_days(period_index(days, g), g).astype("datetime64[D]")


def period_index(days_since_epoch: np.ndarray, freq: str) -> np.ndarray:
    """Integer period number of each day (days since 1970-01-01); weeks start on Monday,
    months are counted from January 1970."""
    g = grain(freq)
    days = np.asarray(days_since_epoch, dtype=np.int64)
    if g == "week":
        return (days + MONDAY_SHIFT_DAYS) // 7
    if g == "month":
        return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return days.copy()


def period_start_days(index: np.ndarray, freq: str) -> np.ndarray:
    """First day (days since 1970-01-01) of each integer period number."""
    g = grain(freq)
    index = np.asarray(index, dtype=np.int64)
    if g == "week":
        return index * 7 - MONDAY_SHIFT_DAYS
    if g == "month":
        return index.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return index.copy()


def period_length_days(freq: str) -> int:
    """Days in one period of a fixed-length grain (day 1, week 7); months vary (ValueError)."""
    g = grain(freq)
    if g not in PERIOD_DAYS:
        raise ValueError("months have no fixed length in days")
    return PERIOD_DAYS[g]


def periods_per_year(freq: str) -> float:
    """Periods per year: 365.25 days, 52.18 weeks, 12 months."""
    g = grain(freq)
    return 12.0 if g == "month" else DAYS_PER_YEAR / PERIOD_DAYS[g]


def season_length(freq: str) -> int:
    """Whole periods in a yearly season: 52 weeks, 365 days, 12 months."""
    return {"day": 365, "week": 52, "month": 12}[grain(freq)]


def period_range(first: np.datetime64, last: np.datetime64, freq: str) -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` (both period starts)."""
    return pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq=PANDAS_FREQ[grain(freq)])


def is_complete(first_day: int, last_day: int, period: int, freq: str) -> bool:
    """True when days ``first_day..last_day`` (days since 1970) cover the whole ``period``."""
    start = int(period_start_days(np.array([period]), freq)[0])
    end = int(period_start_days(np.array([period + 1]), freq)[0]) - 1
    return first_day <= start and last_day >= end
