"""Calendar of e-commerce events, as features per period.

Public holidays come from the ``holidays`` package (Germany's nationwide holidays by
default; any ISO country code works). On top, the shop events no holiday calendar has:

* Black Friday: the Friday after the fourth Thursday of November (US Thanksgiving);
* Cyber Monday: the Monday after Black Friday;
* Christmas run-up: 1–23 December (gift buying before Christmas Eve);
* Christmas lull: 24 December – 1 January (shops and parcel services slow down);
* Easter: Good Friday to Easter Monday (Easter promotions; from ``dateutil.easter``).

Each column is the share of the period's days that fall on the event (0..1; a week with
Black Friday has ``black_friday = 1/7``), except ``holidays``, the number of public
holidays in the period.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from ..timeseries.periods import grain, period_index, period_start_days, to_days

EVENT_COLUMNS = ("holidays", "black_friday", "cyber_monday", "christmas_runup", "christmas_lull", "easter")


def black_friday(year: int) -> date:
    """The day after the fourth Thursday of November."""
    first = date(year, 11, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thursday + timedelta(days=1)


def event_days(years: range, country: str = "DE") -> dict[str, set[int]]:
    """Days (since 1970-01-01) of every event in ``years``, by event column."""
    import holidays
    from dateutil.easter import easter

    epoch = date(1970, 1, 1)

    def num(d: date) -> int:
        return (d - epoch).days

    days: dict[str, set[int]] = {c: set() for c in EVENT_COLUMNS}
    days["holidays"] = {num(d) for d in holidays.country_holidays(country, years=list(years))}
    for y in years:
        bf = black_friday(y)
        days["black_friday"].add(num(bf))
        days["cyber_monday"].add(num(bf + timedelta(days=3)))
        days["christmas_runup"].update(range(num(date(y, 12, 1)), num(date(y, 12, 24))))
        days["christmas_lull"].update(range(num(date(y, 12, 24)), num(date(y + 1, 1, 2))))
        e = easter(y)
        days["easter"].update(range(num(e - timedelta(days=2)), num(e + timedelta(days=2))))
    return days


def event_features(periods, freq: str = "week", country: str = "DE") -> pd.DataFrame:
    """One row per period start in ``periods``: the ``EVENT_COLUMNS`` (see module doc)."""
    g = grain(freq)
    starts = to_days(pd.DatetimeIndex(periods))
    if starts.size == 0:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in EVENT_COLUMNS})
    idx = period_index(starts, g)
    ends = period_start_days(idx + 1, g)            # first day of the next period
    length = (ends - starts).astype(float)
    first_year = pd.Timestamp(starts.min(), unit="D").year - 1
    last_year = pd.Timestamp(ends.max(), unit="D").year + 1
    table = event_days(range(first_year, last_year + 1), country)
    out = {}
    for column, marked in table.items():
        marks = np.array(sorted(marked), dtype=np.int64)
        count = np.searchsorted(marks, ends) - np.searchsorted(marks, starts)
        out[column] = count.astype(float) if column == "holidays" else count / length
    return pd.DataFrame(out, index=pd.DatetimeIndex(periods))[list(EVENT_COLUMNS)]
