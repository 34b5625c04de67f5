"""The long-format panel of time series: one row per series and period.

Contract (docs/architecture.md §2): columns ``series_id`` (str), ``period`` (datetime64,
first day of the period, see ``periods``), ``y`` (float); sorted by series then period;
``attrs["freq"]`` names the grain. Every series runs from its *first* period with a line
to the panel's last period, zero-filled in between (a week without sales is a 0, not a
gap) and absent before its first line (no zeros before a product existed).

``SeriesMatrix`` holds the same numbers as a dense ``(n_series, n_periods)`` array with
NaN before each series' start, which is what the vectorised models work on.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .periods import grain, is_complete, period_index, period_start_days, to_days

PANEL_COLUMNS = ("series_id", "period", "y")
TOTAL = "total"


@dataclass(frozen=True)
class SeriesMatrix:
    """Series as a dense array. ``ids`` (n,) str; ``periods`` (T,) period starts;
    ``values`` (n, T) float, NaN before each series' first period; ``freq`` grain name."""

    ids: np.ndarray
    periods: pd.DatetimeIndex
    values: np.ndarray
    freq: str

    @property
    def starts(self) -> np.ndarray:
        """Column of each series' first observed period (T when a series is empty)."""
        seen = ~np.isnan(self.values)
        return np.where(seen.any(axis=1), seen.argmax(axis=1), self.values.shape[1])

    def head(self, n_periods: int) -> "SeriesMatrix":
        """The first ``n_periods`` periods (a training window ending at an origin)."""
        return SeriesMatrix(self.ids, self.periods[:n_periods], self.values[:, :n_periods], self.freq)

    def rows(self, index) -> "SeriesMatrix":
        return SeriesMatrix(self.ids[index], self.periods, self.values[index], self.freq)


def _labels(lines: pd.DataFrame, key: str | list[str] | None) -> pd.Series:
    if key is None:
        return pd.Series(TOTAL, index=lines.index)
    cols = [key] if isinstance(key, str) else list(key)
    out = lines[cols[0]].astype(str)
    for col in cols[1:]:
        out = out + "/" + lines[col].astype(str)
    missing = np.zeros(len(lines), dtype=bool)
    for col in cols:
        missing |= lines[col].isna().to_numpy()
    return out.where(~missing)


def build_matrix(lines: pd.DataFrame, key: str | list[str] | None = None, freq: str = "week", *,
                 value: str = "quantity", until=None, complete_periods_only: bool = True) -> SeriesMatrix:
    """Sum ``value`` (default net units: returns are negative quantities) per series and
    period from order lines.

    ``lines`` needs ``ordered_at`` (datetime64) and ``value``; ``key``: column(s) naming the
    series (joined with ``/``), None = one series ``"total"``; rows with a missing key are
    left out. ``until``: only lines up to and including this date count. With
    ``complete_periods_only`` (default) the data's first and last period are dropped when
    the data do not cover them fully (an export ending on a Friday would look like a drop).
    """
    g = grain(freq)
    if until is not None:
        lines = lines.loc[(lines["ordered_at"] < pd.Timestamp(until) + pd.Timedelta(days=1)).to_numpy()]
    labels = _labels(lines, key)
    keep = labels.notna().to_numpy() & lines["ordered_at"].notna().to_numpy()
    if not keep.any():
        return SeriesMatrix(np.array([], dtype=object), pd.DatetimeIndex([]), np.zeros((0, 0)), g)
    days = to_days(lines["ordered_at"])[keep]
    pidx = period_index(days, g)
    first, last = int(pidx.min()), int(pidx.max())
    if complete_periods_only and g != "day":
        lo, hi = int(days.min()), int(days.max())
        if until is not None:
            hi = max(hi, int(to_days(pd.Series([pd.Timestamp(until)]))[0]))
        first += 0 if is_complete(lo, hi, first, g) else 1
        last -= 0 if is_complete(lo, hi, last, g) else 1
    if last < first:
        return SeriesMatrix(np.array([], dtype=object), pd.DatetimeIndex([]), np.zeros((0, 0)), g)
    inside = (pidx >= first) & (pidx <= last)
    codes, ids = pd.factorize(labels.to_numpy()[keep][inside], sort=True)
    col = pidx[inside] - first
    n, T = len(ids), last - first + 1
    sums = np.bincount(codes * T + col, weights=lines[value].to_numpy(dtype=float)[keep][inside],
                       minlength=n * T).reshape(n, T)
    seen = np.bincount(codes * T + col, minlength=n * T).reshape(n, T) > 0
    start = seen.argmax(axis=1)
    values = np.where(np.arange(T)[None, :] >= start[:, None], sums, np.nan)
    periods = pd.DatetimeIndex(period_start_days(np.arange(first, last + 1), g).astype("datetime64[D]")
                               .astype("datetime64[ns]"))
    return SeriesMatrix(np.asarray(ids, dtype=object), periods, values, g)


def to_long(matrix: SeriesMatrix) -> pd.DataFrame:
    """The matrix as the long-format panel (``PANEL_COLUMNS``, observed cells only)."""
    n, T = matrix.values.shape
    observed = ~np.isnan(matrix.values)
    rows, cols = np.nonzero(observed)
    panel = pd.DataFrame({"series_id": pd.array(matrix.ids[rows] if n else [], dtype="str"),
                          "period": matrix.periods[cols] if T else pd.DatetimeIndex([]),
                          "y": matrix.values[observed]})
    panel.attrs["freq"] = matrix.freq
    return panel


def build_panel(lines: pd.DataFrame, key: str | list[str] | None = None, freq: str = "week",
                **options) -> pd.DataFrame:
    """Long-format panel of ``value`` per series and period (see ``build_matrix``)."""
    return to_long(build_matrix(lines, key, freq, **options))


def to_matrix(panel: pd.DataFrame, freq: str | None = None) -> SeriesMatrix:
    """A long-format panel as a ``SeriesMatrix`` (periods between the first and last
    period of the panel; cells the panel lacks after a series' start become 0)."""
    g = grain(freq or panel.attrs.get("freq", "week"))
    if panel.empty:
        return SeriesMatrix(np.array([], dtype=object), pd.DatetimeIndex([]), np.zeros((0, 0)), g)
    pidx = period_index(to_days(panel["period"]), g)
    first, last = int(pidx.min()), int(pidx.max())
    codes, ids = pd.factorize(panel["series_id"].to_numpy(), sort=True)
    n, T = len(ids), last - first + 1
    values = np.full((n, T), np.nan)
    values[codes, pidx - first] = panel["y"].to_numpy(dtype=float)
    start = (~np.isnan(values)).argmax(axis=1)
    values = np.where((np.arange(T)[None, :] >= start[:, None]) & np.isnan(values), 0.0, values)
    periods = pd.DatetimeIndex(period_start_days(np.arange(first, last + 1), g).astype("datetime64[D]")
                               .astype("datetime64[ns]"))
    return SeriesMatrix(np.asarray(ids, dtype=object), periods, values, g)
