"""Baskets: one row per order, one column per product, as sparse matrices.

A basket is an order, keyed by (channel, order id) (docs/architecture.md §4.1); a product
is (channel, SKU). Only product lines count (postage, fees and vouchers are not products).
Quantities are netted per order and product, so a return or a cancellation booked as a
netting line in the same order (Shopware status 4) takes the product out of the basket, and
an order that is only a return (UCI 'C' invoices) is no basket at all. Lines with a unit
price of zero or less (free samples, corrections) are left out unless asked for.

The result is an aggregate (one entry per order × product, not per line): it is what the
pages keep instead of the order lines (issue 21), and a date, country or channel filter is a
row selection of it (``select``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import scipy.sparse as sp

ITEM_COLUMNS = ("channel", "sku", "product_name", "currency")
ORDER_COLUMNS = ("channel", "order_id", "ordered_at", "country", "import_id", "n_items")


@dataclass(frozen=True)
class Baskets:
    """Orders × products.

    ``present``: CSR matrix (int32, 1 = the product is in the order with a positive net
    quantity); ``units`` and ``revenue``: CSR matrices with the same pattern holding the
    net units and the net revenue (shop currency, quantity × unit price) of that product in
    that order. ``items``: one row per column (``ITEM_COLUMNS``); ``orders``: one row per
    row (``ORDER_COLUMNS``; ``ordered_at`` is the order's first line's time, ``n_items``
    the number of distinct products).
    """

    present: sp.csr_matrix
    units: sp.csr_matrix
    revenue: sp.csr_matrix
    items: pd.DataFrame
    orders: pd.DataFrame

    @property
    def n_baskets(self) -> int:
        return self.present.shape[0]

    def item_counts(self) -> np.ndarray:
        """Number of baskets holding each product (column sums of ``present``)."""
        return np.asarray(self.present.sum(axis=0)).ravel().astype(np.int64)

    def weeks(self) -> float:
        """Length of the period the baskets span, in weeks (at least 1)."""
        if not len(self.orders):
            return 1.0
        span = self.orders["ordered_at"].max() - self.orders["ordered_at"].min()
        return max(1.0, span / pd.Timedelta(days=7))


def build_baskets(lines: pd.DataFrame, *, include_zero_price: bool = False) -> Baskets:
    """Baskets from order lines (``ecom_models.store.queries.order_lines`` columns).

    Kept: product lines (``is_product``) with, unless ``include_zero_price``, a unit price
    above zero; quantities are summed per (channel, order, SKU) and a product counts when
    the sum is positive (returns are negative quantities).
    """
    keep = lines["is_product"].to_numpy(dtype=bool, copy=True)
    if not include_zero_price:
        keep &= lines["unit_price"].to_numpy(dtype=float) > 0
    part = lines.loc[keep, ["channel", "order_id", "sku", "product_name", "currency",
                            "ordered_at", "country", "import_id", "quantity", "unit_price"]]
    if part.empty:
        return empty_baskets()
    order_code = part.groupby(["channel", "order_id"], observed=True, sort=False).ngroup().to_numpy()
    item_code = part.groupby(["channel", "sku"], observed=True, sort=False).ngroup().to_numpy()
    n_items = int(item_code.max()) + 1
    cell, inverse = np.unique(order_code.astype(np.int64) * n_items + item_code, return_inverse=True)
    quantity = part["quantity"].to_numpy(dtype=float)
    units = np.bincount(inverse, weights=quantity, minlength=len(cell))
    revenue = np.bincount(inverse, weights=quantity * part["unit_price"].to_numpy(dtype=float),
                          minlength=len(cell))
    positive = units > 0
    rows_all, cols = cell[positive] // n_items, cell[positive] % n_items
    # renumber the orders that kept at least one product (0..n-1, in order of appearance)
    kept_orders, rows = np.unique(rows_all, return_inverse=True)

    first = pd.DataFrame({"o": order_code}).drop_duplicates("o")
    order_meta = part.iloc[first.index.to_numpy()].assign(o=first["o"].to_numpy()).set_index("o")
    order_meta = order_meta.loc[kept_orders]
    # the most recent name and currency of each product
    last = pd.DataFrame({"i": item_code}).iloc[::-1].drop_duplicates("i")
    item_meta = part.iloc[last.index.to_numpy()].assign(i=last["i"].to_numpy()).set_index("i").sort_index()

    shape = (len(kept_orders), n_items)
    present = sp.csr_matrix((np.ones(len(rows), np.int32), (rows, cols)), shape=shape)
    units_m = sp.csr_matrix((units[positive], (rows, cols)), shape=shape)
    revenue_m = sp.csr_matrix((revenue[positive], (rows, cols)), shape=shape)
    items = pd.DataFrame({c: item_meta[c].astype(str).to_numpy() for c in ITEM_COLUMNS})
    orders = pd.DataFrame({
        "channel": order_meta["channel"].astype(str).to_numpy(),
        "order_id": order_meta["order_id"].astype(str).to_numpy(),
        "ordered_at": pd.to_datetime(order_meta["ordered_at"].to_numpy()),
        "country": order_meta["country"].astype(object).to_numpy(),
        "import_id": order_meta["import_id"].to_numpy(dtype=np.int64),
        "n_items": np.diff(present.indptr).astype(np.int64)})
    return Baskets(present, units_m, revenue_m, items, orders)


def empty_baskets() -> Baskets:
    """Baskets of a store without product orders (0 × 0)."""
    shape = (0, 0)
    empty = sp.csr_matrix(shape, dtype=np.int32)
    items = pd.DataFrame({c: pd.Series(dtype=object) for c in ITEM_COLUMNS})
    orders = pd.DataFrame({"channel": pd.Series(dtype=object), "order_id": pd.Series(dtype=object),
                           "ordered_at": pd.Series(dtype="datetime64[ns]"),
                           "country": pd.Series(dtype=object), "import_id": pd.Series(dtype=np.int64),
                           "n_items": pd.Series(dtype=np.int64)})
    return Baskets(empty, empty.astype(float), empty.astype(float), items, orders)


def select(baskets: Baskets, *, channel: str | None = None, date_from: date | None = None,
           date_to: date | None = None, country: str | None = None) -> Baskets:
    """The baskets of one channel, ordered between ``date_from`` and ``date_to`` (both
    inclusive, calendar days) and shipped to ``country`` (ISO code); None = no filter.
    Products keep their columns (a product without baskets in the selection counts 0)."""
    orders = baskets.orders
    mask = np.ones(len(orders), dtype=bool)
    if channel is not None:
        mask &= (orders["channel"] == channel).to_numpy()
    if date_from is not None:
        mask &= (orders["ordered_at"] >= pd.Timestamp(date_from)).to_numpy()
    if date_to is not None:
        mask &= (orders["ordered_at"] < pd.Timestamp(date_to) + pd.Timedelta(days=1)).to_numpy()
    if country is not None:
        mask &= (orders["country"] == country).to_numpy()
    if mask.all():
        return baskets
    rows = np.flatnonzero(mask)
    return Baskets(baskets.present[rows], baskets.units[rows], baskets.revenue[rows],
                   baskets.items, orders.iloc[rows].reset_index(drop=True))


def size_distribution(baskets: Baskets) -> pd.DataFrame:
    """How many orders hold 1, 2, 3, … distinct products: columns ``n_items``, ``orders``."""
    counts = baskets.orders["n_items"].value_counts().sort_index()
    return pd.DataFrame({"n_items": counts.index.to_numpy(dtype=np.int64),
                         "orders": counts.to_numpy(dtype=np.int64)})


def item_stats(baskets: Baskets, recent_weeks: float = 13.0) -> pd.DataFrame:
    """Per product: ``baskets`` (orders holding it), ``units`` (net), ``revenue`` (net),
    ``price`` (net revenue ÷ net units over the last ``recent_weeks`` weeks of the baskets,
    or over all of them when the product did not sell then; shop currency), ``rank`` (1 =
    in the most orders). Same row order as ``baskets.items``."""
    out = baskets.items.copy()
    out["baskets"] = baskets.item_counts()
    out["units"] = np.asarray(baskets.units.sum(axis=0)).ravel()
    out["revenue"] = np.asarray(baskets.revenue.sum(axis=0)).ravel()
    price = np.divide(out["revenue"], out["units"], out=np.full(len(out), np.nan),
                      where=out["units"].to_numpy() > 0)
    if len(baskets.orders):
        cutoff = baskets.orders["ordered_at"].max() - pd.Timedelta(weeks=recent_weeks)
        recent = np.flatnonzero((baskets.orders["ordered_at"] > cutoff).to_numpy())
        r_units = np.asarray(baskets.units[recent].sum(axis=0)).ravel()
        r_rev = np.asarray(baskets.revenue[recent].sum(axis=0)).ravel()
        price = np.where(r_units > 0, r_rev / np.where(r_units > 0, r_units, 1), price)
    out["price"] = price
    out["rank"] = out["baskets"].rank(ascending=False, method="min").astype(np.int64)
    return out
