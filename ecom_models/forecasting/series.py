"""The series to forecast, from order lines: net units per period for each SKU, category,
country, or the shop in total.

* Net of returns: returns are negative quantities and are summed in (a return booked in a
  later week lowers that week).
* Products only: postage, fees and vouchers (``is_product`` False) are left out.
* Zero-filled from each series' first sale to the data's last complete period; nothing
  before a product's first sale (``timeseries.panel``).
* Products are (channel, SKU): the series id is the SKU when the store holds one channel,
  ``channel/SKU`` otherwise.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..timeseries.panel import SeriesMatrix, build_matrix, to_long

LEVELS = ("sku", "category", "country", "total")


def series_key(lines: pd.DataFrame, level: str) -> str | list[str] | None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    if level == "total":
        return None
    if level == "sku" and "channel" in lines and lines["channel"].nunique(dropna=True) > 1:
        return ["channel", "sku"]
    return level


def product_lines(lines: pd.DataFrame, until=None) -> pd.DataFrame:
    keep = np.array(lines["is_product"], dtype=bool)
    if until is not None:
        keep &= (lines["ordered_at"] < pd.Timestamp(until) + pd.Timedelta(days=1)).to_numpy()
    return lines.loc[keep]


def build_series(lines: pd.DataFrame, level: str = "sku", freq: str = "week", *, top: int | None = None,
                 until=None, ids: list[str] | None = None) -> SeriesMatrix:
    """Net units per series and period (``SeriesMatrix``) at ``level``.

    ``top``: keep the ``top`` series with the most net units (best-sellers first, ties by
    id); ``ids``: keep exactly these series (unknown ids are ignored); ``until``: use only
    lines up to and including that date (a forecast made "as of" that day).
    """
    sel = product_lines(lines, until)
    matrix = build_matrix(sel, series_key(lines, level), freq, until=until)
    if ids is not None:
        wanted = np.flatnonzero(np.isin(matrix.ids, np.asarray(ids, dtype=object)))
        matrix = matrix.rows(wanted)
    if top is not None and len(matrix.ids) > top:
        units = np.nansum(matrix.values, axis=1)
        order = np.lexsort((matrix.ids.astype(str), -units))[:top]
        matrix = matrix.rows(order)
    return matrix


def series_panel(lines: pd.DataFrame, level: str = "sku", freq: str = "week", **options) -> pd.DataFrame:
    """``build_series`` as the long-format panel (``series_id``, ``period``, ``y``)."""
    return to_long(build_series(lines, level, freq, **options))


def series_names(lines: pd.DataFrame, level: str) -> dict[str, str]:
    """Display name per series id (the product name for SKUs; the id itself otherwise)."""
    if level != "sku":
        return {}
    key = series_key(lines, level)
    first = lines.loc[np.array(lines["is_product"], dtype=bool)].drop_duplicates(["channel", "sku"])
    ids = first["sku"].astype(str) if key == "sku" else first["channel"].astype(str) + "/" + first["sku"].astype(str)
    return dict(zip(ids, first["product_name"].astype(str)))
