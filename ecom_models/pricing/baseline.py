"""Today's price and the do-nothing baseline of each SKU, from the recent periods.

* ``baseline_units``: mean net units per period over the last ``n_periods`` periods of
  the panel (the same calendar window for every SKU, ending at the panel's last period).
  Quiet periods count as zero; periods before a SKU's first sale do not count, so a
  product launched three weeks ago is averaged over three weeks. Negative means (more
  returns than sales) are reported as 0.
* ``current_price``: revenue / units over the sales in that window (shop currency); when
  the SKU sold nothing in the window, the price of its last period with sales.
* ``last_sale_period``: first day of the SKU's last period with sales.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .design import PERIOD_DAYS, PanelRows


def recent_baseline(rows: PanelRows, freq: str, n_periods: int = 8) -> pd.DataFrame:
    """Per-SKU ``current_price``, ``baseline_units``, ``last_sale_period`` (index: SKU).

    ``rows`` is :func:`~ecom_models.pricing.design.panel_rows` of the price panel.
    """
    if n_periods < 1:
        raise ValueError("baseline_periods must be at least 1")
    n_sku = len(rows.skus)
    units, revenue, price = rows.units, rows.revenue, rows.price
    priced = np.isfinite(price) & (price > 0) & (revenue > 0)
    last_day = rows.day.max() if rows.day.size else 0
    window_start = last_day - (n_periods - 1) * PERIOD_DAYS[freq]
    inside = rows.day >= window_start

    code = rows.code
    first_day = np.full(n_sku, np.iinfo(np.int64).max)
    np.minimum.at(first_day, code, rows.day)
    periods_alive = np.clip((last_day - np.maximum(first_day, window_start)) // PERIOD_DAYS[freq] + 1,
                            1, n_periods)
    unit_sum = np.bincount(code[inside], units[inside], minlength=n_sku)
    rev_sum = np.bincount(code[inside & priced], revenue[inside & priced], minlength=n_sku)
    pu_sum = np.bincount(code[inside & priced], (revenue / np.where(priced, price, 1.0))[inside & priced],
                         minlength=n_sku)
    last_priced = np.full(n_sku, -1, dtype=np.int64)
    idx = np.flatnonzero(priced)
    np.maximum.at(last_priced, code[idx], idx)  # rows are sorted by period within a SKU
    has_sale = last_priced >= 0
    fallback = np.where(has_sale, price[np.maximum(last_priced, 0)], np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        current = np.where(pu_sum > 0, rev_sum / np.where(pu_sum > 0, pu_sum, 1.0), fallback)
    last_sale = rows.day[np.maximum(last_priced, 0)].astype("datetime64[D]").astype("datetime64[ns]")
    return pd.DataFrame({
        "current_price": current,
        "baseline_units": np.maximum(unit_sum / periods_alive, 0.0),
        "last_sale_period": np.where(has_sale, last_sale, np.datetime64("NaT", "ns")),
    }, index=rows.skus)

