"""The price a customer sees: catalogue (list) price per SKU and week, tiers kept apart.

The realised average price (revenue ÷ units over all buyers) moves with the customer mix:
a week with a big wholesale order has more units *and* a lower average price, which reads
as price response. This module separates the buyers into **tiers** and takes the price of
the standard tier as the product's catalogue price.

Tiers (per order line; ``TIER_NAMES``):

* ``trader``: the customer belongs to a customer group other than the shop's most common
  one (Shopware ``H`` traders beside ``EK`` end customers); they buy from their own list.
* ``guest``: no customer id, in a shop where other lines have one (UCI: guests pay a
  different, higher price).
* ``quantity_break``: a registered end customer buying more than the SKU's usual quantity
  (the median line quantity of its registered buyers) at a price more than
  ``tol_pct`` % below the catalogue price of that week.
* ``standard``: everything else. Its units are the demand the catalogue price acts on.

Catalogue price of a SKU in a week: the most frequent unit price (to the cent; ties to the
higher price, since deviations are discounts) of *small* standard orders (quantity up to
the usual quantity); carried forward into weeks without such orders, and back to the
SKU's first week. A level seen in only one week between two weeks at the same other level
is read as noise (an odd sale, a mistyped price) and replaced by its neighbours.

Shop-level discounts: non-product lines with a negative amount that are not returns
(Shopware voucher ``GUTSCHEIN10``, Shopify ``DISCOUNT``) are spread onto the product lines
of their order pro rata of line value (``discount_share`` of the order). A week is a
**promotion week** when at least ``promo_min_share`` of the orders with products carry a
discount. The promotion enters the demand model as its own term; the catalogue price
stays the list price.

Stock-outs: there is no stock history, only the stock at export time. A run of weeks
without sales that ends at the last week of the data is taken as *unavailable* (excluded
from the fit, not read as zero demand) when the product's stock is 0 at export, or, with
no stock figure, when the run is implausibly long for the product's own rate (expected
units over the run above ``ENDED_EXPECTED_UNITS``, i.e. a Poisson chance of zero sales
below 5 %). Zero weeks elsewhere are kept: they are information about demand.

Units are the standard tier's **sold** units (returns are reported, not netted: a return
booked weeks later says nothing about demand at that week's price, and counts must not be
negative).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .panel import _check_lines, period_index, period_start_days

TIER_NAMES = ("standard", "quantity_break", "trader", "guest")
ENDED_EXPECTED_UNITS = 3.0  # exp(-3) ≈ 5 % chance of a zero run this long at the own rate


@dataclass(frozen=True)
class CountPanel:
    """Result of :func:`build_count_panel`.

    ``panel``: one row per SKU and week from the SKU's first sale to the last week of the
    data; columns ``sku``, ``category``, ``period`` (datetime64, Monday), ``units``
    (standard-tier units sold), ``list_price`` (catalogue price, shop currency),
    ``promo`` (bool, promotion week), ``unavailable`` (bool, inferred stock-out or end of
    sale: not used in the fit), ``all_units`` (all tiers), ``revenue`` (standard tier,
    after discounts). ``skus``: one row per SKU with ``sku``, ``category``,
    ``list_price_now``, ``price_min_seen``, ``price_max_seen`` (catalogue prices at which
    it sold), ``n_price_changes`` (catalogue price moves above the tolerance),
    ``n_price_levels``, ``usual_quantity``, ``units_<tier>`` for every tier,
    ``returned_units``, ``unavailable_weeks``, ``stock_at_export`` (NaN when unknown).
    ``promo_weeks``: the promotion weeks. ``freq``: ``"W"``.
    """

    panel: pd.DataFrame
    skus: pd.DataFrame
    promo_weeks: pd.DatetimeIndex
    freq: str = "W"


def _factorize_orders(lines: pd.DataFrame) -> np.ndarray:
    """One integer per order, identified by (channel, order_id) (§4.1 of the architecture)."""
    if "order_id" not in lines.columns:
        return np.arange(len(lines))
    order = pd.Categorical(lines["order_id"]).codes.astype(np.int64)
    if "channel" in lines.columns:
        channel = pd.Categorical(lines["channel"]).codes.astype(np.int64)
        order = (channel + 1) * (int(order.max()) + 2) + order
    return pd.factorize(order)[0]


def _tier_groups(lines: pd.DataFrame, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(is_trader, is_guest) per line from ``customer_group`` and ``customer_id``."""
    trader = np.zeros(n, dtype=bool)
    if "customer_group" in lines.columns and lines["customer_group"].notna().any():
        group = lines["customer_group"].astype(object).where(lines["customer_group"].notna(), None)
        common = group.dropna().astype(str).value_counts().index[0]
        trader = (group.notna() & (group.astype(str) != common)).to_numpy()
    guest = np.zeros(n, dtype=bool)
    if "customer_id" in lines.columns:
        missing = lines["customer_id"].isna().to_numpy()
        if (~missing).any():
            guest = missing
    return trader, guest


def _modal_price(cell: np.ndarray, cents: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct ``cell``: the price (cents) with the most weight; ties to the higher price."""
    if cell.size == 0:
        return cell, cents
    low = int(cents.min())
    base = int(cents.max()) - low + 1
    keys, inv = np.unique(cell.astype(np.int64) * base + (cents - low), return_inverse=True)
    counts = np.bincount(inv.ravel(), weight)
    k_cell, k_cents = keys // base, keys % base + low
    order = np.lexsort((k_cents, counts, k_cell))
    last = np.r_[k_cell[order][1:] != k_cell[order][:-1], True]
    return k_cell[order][last], k_cents[order][last]


def _drop_blips(sku: np.ndarray, level: np.ndarray, tol: float) -> np.ndarray:
    """Replace a level seen in one week only, between two weeks at the same other level."""
    out = level.copy()
    if out.size < 3:
        return out
    prev_same = (sku[1:-1] == sku[:-2]) & (sku[1:-1] == sku[2:])
    flank_equal = np.abs(np.log(out[:-2] / out[2:])) <= tol
    differs = np.abs(np.log(out[1:-1] / out[:-2])) > tol
    blip = np.flatnonzero(prev_same & flank_equal & differs) + 1
    out[blip] = out[blip - 1]
    return out


def build_count_panel(lines: pd.DataFrame, products: pd.DataFrame | None = None, *,
                      tol_pct: float = 1.0, promo_min_share: float = 0.05,
                      complete_periods_only: bool = True) -> CountPanel:
    """Weekly standard-tier units and catalogue price per SKU from order lines.

    ``lines``: ``ecom_models.store.queries.order_lines`` (or any frame with ``ordered_at``,
    ``sku``, ``quantity``, ``unit_price``, ``is_return``, ``is_product``; optional
    ``order_id``, ``channel``, ``customer_id``, ``customer_group``, ``category``).
    ``products``: ``queries.products`` (``sku``, ``stock``), optional. ``tol_pct``: price
    moves up to this % are no change. See the module docstring for every definition.
    """
    return _count_panel_parts(lines, products, tol_pct=tol_pct, promo_min_share=promo_min_share,
                              complete_periods_only=complete_periods_only)[0]


def _count_panel_parts(lines: pd.DataFrame, products: pd.DataFrame | None, *, tol_pct: float,
                       promo_min_share: float, complete_periods_only: bool) -> tuple[CountPanel, dict | None]:
    """:func:`build_count_panel` plus the per-line pieces the tier panels need (None when empty)."""
    _check_lines(lines, "W")
    n = len(lines)
    qty = lines["quantity"].to_numpy(dtype=float)
    price = lines["unit_price"].to_numpy(dtype=float)
    is_product = lines["is_product"].to_numpy(dtype=bool)
    is_ret = lines["is_return"].to_numpy(dtype=bool) | (qty < 0)
    days = lines["ordered_at"].to_numpy().astype("datetime64[D]").astype(np.int64)
    week = period_index(days, "W")
    keep_weeks = np.ones(n, dtype=bool)
    if complete_periods_only and n:
        first, last = week.min(), week.max()
        if days.min() > period_start_days(first, "W"):
            keep_weeks &= week != first
        if days.max() < period_start_days(last, "W") + 6:
            keep_weeks &= week != last
    order = _factorize_orders(lines)

    # Shop-level discounts spread over the order's product lines (pro rata of line value).
    value = qty * price
    sale_product = is_product & ~is_ret & (qty > 0) & (price > 0)
    discount = ~is_product & ~is_ret & (value < 0)
    n_orders = int(order.max()) + 1 if n else 0
    goods = np.bincount(order[sale_product], value[sale_product], minlength=n_orders)
    off = -np.bincount(order[discount], value[discount], minlength=n_orders)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.clip(np.where(goods > 0, off / goods, 0.0), 0.0, 0.9)
    order_week = np.zeros(n_orders, dtype=np.int64)
    order_week[order[sale_product]] = week[sale_product]
    has_goods = goods > 0
    w0 = int(week[keep_weeks].min()) if keep_weeks.any() else 0
    w1 = int(week[keep_weeks].max()) if keep_weeks.any() else -1
    n_w = w1 - w0 + 1
    promo_week = np.zeros(max(n_w, 0), dtype=bool)
    if n_w > 0:
        in_range = has_goods & (order_week >= w0) & (order_week <= w1)
        all_o = np.bincount(order_week[in_range] - w0, minlength=n_w)
        disc_o = np.bincount(order_week[in_range & (share > 0)] - w0, minlength=n_w)
        promo_week = disc_o >= promo_min_share * np.maximum(all_o, 1)
        promo_week &= disc_o > 0

    rows = sale_product & keep_weeks & lines["sku"].notna().to_numpy()
    sku_codes, skus = lines["sku"].astype(object).where(lines["sku"].notna(), None).factorize(sort=True)
    rows &= sku_codes >= 0
    ret_rows = is_product & is_ret & keep_weeks & (sku_codes >= 0)
    trader, guest = _tier_groups(lines, n)
    n_sku = len(skus)
    if not rows.any():
        return _empty(), None

    code, q, p, wk = sku_codes[rows], qty[rows], price[rows], week[rows] - w0
    d_share = share[order[rows]]
    registered = ~trader[rows] & ~guest[rows]
    # usual quantity: median line quantity of registered buyers (all buyers when none)
    usual = np.ones(n_sku)
    frame = pd.DataFrame({"c": code, "q": q, "r": registered})
    med_reg = frame[frame["r"]].groupby("c")["q"].median()
    med_all = frame.groupby("c")["q"].median()
    usual[med_all.index.to_numpy()] = med_all.to_numpy()
    usual[med_reg.index.to_numpy()] = med_reg.to_numpy()
    small = q <= usual[code] + 1e-9
    has_reg_small = np.bincount(code[registered & small], minlength=n_sku) > 0
    basis = small & (registered | ~has_reg_small[code])
    cents = np.round(p * 100).astype(np.int64)
    cell = code.astype(np.int64) * n_w + wk
    obs_cell, obs_cents = _modal_price(cell[basis], cents[basis], q[basis] * 0 + 1.0)

    # Dense grid: each SKU from its first sale week to the last week of the data.
    first_wk = np.full(n_sku, n_w, dtype=np.int64)
    np.minimum.at(first_wk, code, wk)
    present = first_wk < n_w
    span = np.where(present, n_w - first_wk, 0)
    total = int(span.sum())
    g_sku = np.repeat(np.arange(n_sku), span)
    offset = np.r_[0, np.cumsum(span)[:-1]]
    g_wk = np.arange(total) - np.repeat(offset, span) + np.repeat(first_wk, span)
    g_index = np.repeat(offset - first_wk, span)  # row of (sku, wk) = offset[sku] - first + wk

    tol = np.log1p(tol_pct / 100.0)
    level = np.full(total, np.nan)
    obs_sku, obs_wk = obs_cell // n_w, obs_cell % n_w
    obs_price = _drop_blips(obs_sku, obs_cents / 100.0, tol)
    level[offset[obs_sku] - first_wk[obs_sku] + obs_wk] = obs_price
    list_price = pd.Series(level).groupby(g_sku).ffill().groupby(g_sku).bfill().to_numpy()

    # tiers: quantity break = big registered line clearly below this week's catalogue price
    row_of = offset[code] - first_wk[code] + wk
    below = p < list_price[row_of] * np.exp(-tol)
    tier = np.where(trader[rows], 2, np.where(guest[rows], 3,
                    np.where(~small & below, 1, 0)))
    std = tier == 0
    units = np.bincount(row_of[std], q[std], minlength=total)
    all_units = np.bincount(row_of, q, minlength=total)
    revenue = np.bincount(row_of[std], (q * p * (1 - d_share))[std], minlength=total)
    tier_units = np.stack([np.bincount(code[tier == k], q[tier == k], minlength=n_sku) for k in range(4)])
    returned = np.bincount(sku_codes[ret_rows], np.abs(qty[ret_rows]), minlength=n_sku)

    unavailable, stock = _unavailable(g_sku, g_wk, units, n_sku, n_w, skus, products)
    sold_at = np.where(units > 0, list_price, np.nan)
    seen = pd.DataFrame({"s": g_sku, "p": sold_at}).groupby("s")["p"]
    changes = np.zeros(n_sku, dtype=np.int64)
    same = g_sku[1:] == g_sku[:-1]
    np.add.at(changes, g_sku[1:][same & (np.abs(np.diff(np.log(list_price))) > tol)], 1)
    levels = pd.DataFrame({"s": g_sku, "p": np.round(np.log(list_price) / tol)}).groupby("s")["p"].nunique()

    category = _categories(lines, sku_codes, n_sku)
    period = period_start_days(g_wk + w0, "W").astype("datetime64[D]").astype("datetime64[ns]")
    sku_index = pd.Index(skus.astype(str), dtype="str")
    panel = pd.DataFrame({
        "sku": sku_index.take(g_sku).array, "category": pd.array(category[g_sku], dtype="str"),
        "period": period, "units": units, "list_price": list_price,
        "promo": promo_week[g_wk], "unavailable": unavailable, "all_units": all_units,
        "revenue": revenue,
    })
    last_row = np.where(present, offset + span - 1, 0)
    table = pd.DataFrame({
        "sku": sku_index.array, "category": pd.array(category, dtype="str"),
        "list_price_now": np.where(present, list_price[last_row], np.nan),
        "price_min_seen": seen.min().reindex(range(n_sku)).to_numpy(),
        "price_max_seen": seen.max().reindex(range(n_sku)).to_numpy(),
        "n_price_changes": changes, "n_price_levels": levels.reindex(range(n_sku), fill_value=0).to_numpy(),
        "usual_quantity": usual,
        **{f"units_{name}": tier_units[k] for k, name in enumerate(TIER_NAMES)},
        "returned_units": returned,
        "unavailable_weeks": np.bincount(g_sku[unavailable], minlength=n_sku),
        "stock_at_export": stock,
    })
    promo_days = period_start_days(np.flatnonzero(promo_week) + w0, "W").astype("datetime64[D]")
    standard = CountPanel(panel=panel[present[g_sku]].reset_index(drop=True),
                          skus=table[present].reset_index(drop=True),
                          promo_weeks=pd.DatetimeIndex(promo_days.astype("datetime64[ns]")))
    parts = {"code": code, "q": q, "p": p, "wk": wk, "tier": tier, "d_share": d_share, "n_sku": n_sku,
             "n_w": n_w, "w0": w0, "tol": tol, "first_wk": first_wk, "offset": offset,
             "unavailable": unavailable, "all_units": all_units, "promo_week": promo_week,
             "category": category, "sku_index": sku_index, "table": table}
    return standard, parts


def build_tier_panels(lines: pd.DataFrame, products: pd.DataFrame | None = None, *,
                      tol_pct: float = 1.0, promo_min_share: float = 0.05,
                      complete_periods_only: bool = True) -> tuple[CountPanel, dict[str, CountPanel]]:
    """The standard tier's :class:`CountPanel` and one panel per other tier with sales.

    A tier's panel has the same columns as the standard one, read for that tier alone:
    ``units`` are the tier's units sold; ``list_price`` is the **tier's own catalogue
    price**: the most frequent unit price of the tier's lines in the week (line count, to
    the cent, ties to the higher price; one-week blips dropped), carried forward into weeks
    without tier sales and back to the tier's first week; each SKU's rows run from its first
    sale in the tier to the last week of the data. ``promo`` and ``unavailable`` (stock-outs
    hit every tier) are the standard panel's; ``revenue`` is the tier's (after discounts).
    In ``skus``, ``list_price_now``, ``price_min_seen``/``price_max_seen``,
    ``n_price_changes`` and ``n_price_levels`` are the tier's own; the other columns are
    the SKU's (as in the standard table). Keys: ``TIER_NAMES[1:]`` that have any sale.
    """
    standard, parts = _count_panel_parts(lines, products, tol_pct=tol_pct, promo_min_share=promo_min_share,
                                         complete_periods_only=complete_periods_only)
    out: dict[str, CountPanel] = {}
    if parts is None:
        return standard, out
    for k, name in enumerate(TIER_NAMES):
        if k == 0 or not (parts["tier"] == k).any():
            continue
        out[name] = _tier_panel(parts, k, standard.promo_weeks)
    return standard, out


def _tier_panel(parts: dict, k: int, promo_weeks: pd.DatetimeIndex) -> CountPanel:
    """One tier's panel (see :func:`build_tier_panels`)."""
    sel = parts["tier"] == k
    code, q, p, wk = parts["code"][sel], parts["q"][sel], parts["p"][sel], parts["wk"][sel]
    n_sku, n_w, tol = parts["n_sku"], parts["n_w"], parts["tol"]
    cents = np.round(p * 100).astype(np.int64)
    obs_cell, obs_cents = _modal_price(code.astype(np.int64) * n_w + wk, cents, np.ones(code.size))
    first_wk = np.full(n_sku, n_w, dtype=np.int64)
    np.minimum.at(first_wk, code, wk)
    present = first_wk < n_w
    span = np.where(present, n_w - first_wk, 0)
    total = int(span.sum())
    g_sku = np.repeat(np.arange(n_sku), span)
    offset = np.r_[0, np.cumsum(span)[:-1]]
    g_wk = np.arange(total) - np.repeat(offset, span) + np.repeat(first_wk, span)
    level = np.full(total, np.nan)
    obs_sku, obs_wk = obs_cell // n_w, obs_cell % n_w
    level[offset[obs_sku] - first_wk[obs_sku] + obs_wk] = _drop_blips(obs_sku, obs_cents / 100.0, tol)
    list_price = pd.Series(level).groupby(g_sku).ffill().groupby(g_sku).bfill().to_numpy()
    row_of = offset[code] - first_wk[code] + wk
    units = np.bincount(row_of, q, minlength=total)
    revenue = np.bincount(row_of, q * p * (1 - parts["d_share"][sel]), minlength=total)
    # the standard grid starts at the SKU's first sale in any tier: never later than here
    std_row = parts["offset"][g_sku] - parts["first_wk"][g_sku] + g_wk
    unavailable = parts["unavailable"][std_row]
    all_units = parts["all_units"][std_row]
    sold_at = np.where(units > 0, list_price, np.nan)
    seen = pd.DataFrame({"s": g_sku, "p": sold_at}).groupby("s")["p"]
    changes = np.zeros(n_sku, dtype=np.int64)
    same = g_sku[1:] == g_sku[:-1]
    np.add.at(changes, g_sku[1:][same & (np.abs(np.diff(np.log(list_price))) > tol)], 1)
    levels = pd.DataFrame({"s": g_sku, "p": np.round(np.log(list_price) / tol)}).groupby("s")["p"].nunique()
    period = period_start_days(g_wk + parts["w0"], "W").astype("datetime64[D]").astype("datetime64[ns]")
    sku_index, category = parts["sku_index"], parts["category"]
    panel = pd.DataFrame({
        "sku": sku_index.take(g_sku).array, "category": pd.array(category[g_sku], dtype="str"),
        "period": period, "units": units, "list_price": list_price,
        "promo": parts["promo_week"][g_wk], "unavailable": unavailable, "all_units": all_units,
        "revenue": revenue,
    })
    last_row = np.where(present, offset + span - 1, 0)
    table = parts["table"].copy()
    table["list_price_now"] = np.where(present, list_price[last_row] if total else np.nan, np.nan)
    table["price_min_seen"] = seen.min().reindex(range(n_sku)).to_numpy()
    table["price_max_seen"] = seen.max().reindex(range(n_sku)).to_numpy()
    table["n_price_changes"] = changes
    table["n_price_levels"] = levels.reindex(range(n_sku), fill_value=0).to_numpy()
    return CountPanel(panel=panel, skus=table[present].reset_index(drop=True), promo_weeks=promo_weeks)


def _unavailable(g_sku, g_wk, units, n_sku, n_w, skus, products) -> tuple[np.ndarray, np.ndarray]:
    """Trailing zero runs read as stock-out / end of sale (module docstring); stock per SKU."""
    stock = np.full(n_sku, np.nan)
    if products is not None and len(products) and {"sku", "stock"} <= set(products.columns):
        known = products.dropna(subset=["stock"]).drop_duplicates("sku", keep="last")
        at = pd.Index(skus.astype(str)).get_indexer(known["sku"].astype(str))
        stock[at[at >= 0]] = known["stock"].to_numpy(dtype=float)[at >= 0]
    last_sale = np.full(n_sku, -1, dtype=np.int64)
    sold = units > 0
    np.maximum.at(last_sale, g_sku[sold], g_wk[sold])
    first = np.full(n_sku, n_w, dtype=np.int64)
    np.minimum.at(first, g_sku, g_wk)
    run = n_w - 1 - last_sale
    alive = np.maximum(last_sale - first + 1, 1)
    rate = np.bincount(g_sku, units, minlength=n_sku) / alive
    ended = (stock == 0) | (~np.isfinite(stock) & (rate * run > ENDED_EXPECTED_UNITS))
    ended &= run > 0
    return ended[g_sku] & (g_wk > last_sale[g_sku]), stock


def _categories(lines: pd.DataFrame, sku_codes: np.ndarray, n_sku: int) -> np.ndarray:
    out = np.full(n_sku, None, dtype=object)
    if "category" in lines.columns:
        cats = lines["category"].astype(object).to_numpy()
        ok = (sku_codes >= 0) & pd.notna(cats)
        if ok.any():
            first_codes, first_rows = np.unique(sku_codes[ok], return_index=True)
            out[first_codes] = cats[ok][first_rows]
    return out


def _empty() -> CountPanel:
    panel = pd.DataFrame({"sku": pd.array([], dtype="str"), "category": pd.array([], dtype="str"),
                          "period": np.array([], dtype="datetime64[ns]"), "units": [], "list_price": [],
                          "promo": np.array([], dtype=bool), "unavailable": np.array([], dtype=bool),
                          "all_units": [], "revenue": []})
    cols = ["sku", "category", "list_price_now", "price_min_seen", "price_max_seen", "n_price_changes",
            "n_price_levels", "usual_quantity", *[f"units_{t}" for t in TIER_NAMES], "returned_units",
            "unavailable_weeks", "stock_at_export"]
    return CountPanel(panel=panel, skus=pd.DataFrame({c: [] for c in cols}),
                      promo_weeks=pd.DatetimeIndex([]))
