"""Price–demand panel: one row per SKU and period, built from order lines.

This is the single input of the elasticity estimator. It is computed with
vectorised group sums (``np.unique`` + ``np.bincount``); there is no loop over SKUs.

Definitions (per SKU and period):

* ``units``: net units = units on sales lines minus units on return lines. It can be
  zero or negative (returns booked in a later period than the sale).
* ``price``: the realised average price = revenue / units over *sales* lines with a
  positive unit price (returns and give-aways at price 0 are left out). Currency is the
  shop currency of ``unit_price``. ``NaN`` in a period without priced sales.
* Periods without any line between a SKU's first and last period are present with
  ``units = 0`` (not missing), so averages over time count the quiet weeks.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

# one period rule for the whole app (Monday weeks): docs/architecture.md §2
from ..timeseries.periods import period_index, period_start_days  # noqa: F401 (re-exported)

REQUIRED_COLUMNS = ("ordered_at", "sku", "quantity", "unit_price", "is_return", "is_product")
PANEL_COLUMNS = ("sku", "category", "period", "units", "sales_units", "returned_units",
                 "revenue", "price")
FREQUENCIES = {"W": 7, "D": 1}  # the pricing grains ("W", "D") and their length in days
# Largest SKU x period grid counted densely (8 bytes per cell, a few arrays at once).
_DENSE_GRID_LIMIT = 4_000_000


def _check_lines(lines: pd.DataFrame, freq: str) -> None:
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be 'W' (weekly) or 'D' (daily), got {freq!r}")
    missing = [c for c in REQUIRED_COLUMNS if c not in lines.columns]
    if missing:
        raise ValueError(f"order lines are missing the column(s) {', '.join(missing)}")
    if not pd.api.types.is_datetime64_any_dtype(lines["ordered_at"]):
        raise ValueError("column 'ordered_at' must hold dates (datetime64), not text")


def build_price_panel(lines: pd.DataFrame, freq: str = "W", *,
                      complete_periods_only: bool = True) -> pd.DataFrame:
    """Per-SKU, per-period units and realised price from order lines.

    Parameters
    ----------
    lines : one row per order line with at least ``ordered_at`` (datetime64), ``sku`` (str),
        ``quantity`` (negative for returns), ``unit_price`` (shop currency), ``is_return``,
        ``is_product`` (False for postage and fees: those rows are dropped); ``category`` is
        optional (first non-missing value per SKU is used).
    freq : ``"W"`` (weeks starting Monday, default) or ``"D"`` (days).
    complete_periods_only : weekly only; drop the first and last week of the data when the
        data do not cover them fully (e.g. an export ending on a Friday), because a part-week
        looks like a sales drop.

    Returns
    -------
    DataFrame with columns ``sku`` (str), ``category`` (str or NaN), ``period`` (datetime64,
    first day of the period), ``units`` (net units, float), ``sales_units``,
    ``returned_units`` (positive numbers), ``revenue`` (sales revenue, shop currency),
    ``price`` (revenue / priced sales units, NaN without sales); sorted by ``sku`` then
    ``period``; every period between a SKU's first and last line is present.
    ``attrs["freq"]`` records the period.
    """
    _check_lines(lines, freq)
    sku_codes, skus = lines["sku"].factorize(sort=True)
    keep = np.asarray(lines["is_product"], dtype=bool) & (sku_codes >= 0)
    if not keep.any():
        return _empty_panel(freq)
    if "category" in lines.columns and lines["category"].notna().any():
        cat_codes, categories = lines["category"].factorize()
    else:
        cat_codes, categories = np.full(len(lines), -1), pd.Index([], dtype="str")
    codes, cat_codes = sku_codes[keep], cat_codes[keep]
    qty = np.asarray(lines["quantity"], dtype=float)[keep]
    price = np.asarray(lines["unit_price"], dtype=float)[keep]
    is_ret = np.asarray(lines["is_return"], dtype=bool)[keep] | (qty < 0)
    days = lines["ordered_at"].to_numpy()[keep].astype("datetime64[D]").astype(np.int64)

    pidx = period_index(days, freq)
    if complete_periods_only and freq == "W":
        first, last = pidx.min(), pidx.max()
        rows = np.ones(pidx.size, dtype=bool)
        if days.min() > period_start_days(first, freq):
            rows &= pidx != first
        if days.max() < period_start_days(last, freq) + 6:
            rows &= pidx != last
        if not rows.any():
            return _empty_panel(freq)
        codes, cat_codes, pidx = codes[rows], cat_codes[rows], pidx[rows]
        qty, price, is_ret = qty[rows], price[rows], is_ret[rows]

    p0 = pidx.min()
    n_p = int(pidx.max() - p0 + 1)
    key = codes.astype(np.int64) * n_p + (pidx - p0)
    cell, inv = _cells(key, len(skus) * n_p)
    sale = ~is_ret & (qty > 0)
    priced = sale & (price > 0)
    returned = np.bincount(inv, np.where(is_ret, np.abs(qty), 0.0), minlength=cell.size)
    sold = np.bincount(inv, np.where(sale, qty, 0.0), minlength=cell.size)
    priced_units = np.bincount(inv, np.where(priced, qty, 0.0), minlength=cell.size)
    revenue = np.bincount(inv, np.where(priced, qty * price, 0.0), minlength=cell.size)

    # Fill every period between a SKU's first and last observed cell with zeros.
    cell_sku, cell_p = cell // n_p, cell % n_p
    starts = np.flatnonzero(np.r_[True, cell_sku[1:] != cell_sku[:-1]])
    ends = np.r_[starts[1:], cell.size] - 1
    sku_ids, first_p = cell_sku[starts], cell_p[starts]
    span = cell_p[ends] - first_p + 1
    offset = np.r_[0, np.cumsum(span)[:-1]]
    total = int(span.sum())
    full_sku = np.repeat(sku_ids, span)
    full_p = np.arange(total) - np.repeat(offset, span) + np.repeat(first_p, span)
    pos = np.repeat(offset - first_p, np.diff(np.r_[starts, cell.size])) + cell_p

    def scatter(values: np.ndarray) -> np.ndarray:
        out = np.zeros(total)
        out[pos] = values
        return out

    sales_units, returned_units = scatter(sold), scatter(returned)
    rev, pu = scatter(revenue), scatter(priced_units)
    with np.errstate(invalid="ignore", divide="ignore"):
        avg_price = np.where(pu > 0, rev / pu, np.nan)
    sku_cat = _first_code_per_sku(codes, cat_codes, len(skus))
    sku_category = pd.Index(np.where(sku_cat >= 0, np.asarray(categories, dtype=object)[sku_cat]
                                     if len(categories) else np.nan, np.nan), dtype="str")
    period_days = period_start_days(full_p + p0, freq)
    panel = pd.DataFrame({
        "sku": skus.astype("str").take(full_sku).array,
        "category": sku_category.take(full_sku).array,
        "period": period_days.astype("datetime64[D]").astype("datetime64[ns]"),
        "units": sales_units - returned_units,
        "sales_units": sales_units,
        "returned_units": returned_units,
        "revenue": rev,
        "price": avg_price,
    })
    panel.attrs["freq"] = freq
    return panel


def _cells(key: np.ndarray, n_dense: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct keys and each row's position among them.

    Counts into a dense array when the SKU x period grid is small (no sort needed),
    otherwise falls back to ``np.unique`` (memory stays proportional to the lines).
    """
    if n_dense <= _DENSE_GRID_LIMIT:
        counts = np.bincount(key, minlength=n_dense)
        cell = np.flatnonzero(counts)
        lookup = np.zeros(n_dense, dtype=np.int64)
        lookup[cell] = np.arange(cell.size)
        return cell, lookup[key]
    return np.unique(key, return_inverse=True)


def _first_code_per_sku(sku_codes: np.ndarray, cat_codes: np.ndarray, n_sku: int) -> np.ndarray:
    """First non-missing category code of each SKU (-1 when a SKU has none)."""
    out = np.full(n_sku, -1, dtype=np.int64)
    present = cat_codes >= 0
    if present.any():
        first_codes, first_rows = np.unique(sku_codes[present], return_index=True)
        out[first_codes] = cat_codes[present][first_rows]
    return out


def _empty_panel(freq: str) -> pd.DataFrame:
    panel = pd.DataFrame({
        "sku": pd.array([], dtype="str"), "category": pd.array([], dtype="str"),
        "period": np.array([], dtype="datetime64[ns]"),
        **{c: np.array([], dtype=float) for c in PANEL_COLUMNS[3:]},
    })
    panel.attrs["freq"] = freq
    return panel
