"""What an import of order lines does to the store: the merge plan.

Every line of a file is matched against the stored lines of the same channel and orders
(docs/architecture.md §4, identity rules in ``store.line_identity``):

- **unchanged**: the same key with the same content — nothing is written;
- **changed**: the same key with other content (a shop line id whose quantity changed),
  or, for exports without line ids, the one line of an order and SKU the store has that
  the file lacks, paired with the one line of that order and SKU the file has that the
  store lacks (a corrected quantity or price) — that stored line is updated;
- **new**: inserted;
- **not in file**: stored lines of the file's orders that the file does not have (a newer
  export of an order that lost a line). Kept by default and reported; removed only when
  the user asks (``replace_orders``). Ledger reports (events) never have such lines.

The plan is computed read-only (the Data page shows it before anything is written) and
again inside the import's write transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

STORED_COLUMNS = ("order_id", "line_key", "ordered_at", "sku", "product_name", "quantity",
                  "unit_price", "currency", "customer_id", "country", "is_return", "is_product",
                  "vat_rate", "price_basis")
COMPARED = ("ordered_at", "sku", "product_name", "quantity", "unit_price", "currency",
            "customer_id", "country", "is_return", "is_product", "vat_rate", "price_basis")


@dataclass
class MergePlan:
    """Row sets of one import (``rows`` frames have the storage columns of STORED_COLUMNS)."""

    new: pd.DataFrame
    changed: pd.DataFrame                 # file rows + ``stored_id`` of the line they update
    unchanged: int
    not_in_file: pd.DataFrame             # stored rows (with ``id``) of the file's orders
    old_of_changed: pd.DataFrame = field(default_factory=pd.DataFrame)

    def summary(self, replace_orders: bool = False, exact: bool = False) -> dict:
        """Counts and the revenue effect per currency (product lines, Σ quantity × price),
        rounded to cents unless ``exact`` (parts of a file are added up before rounding)."""
        effect: dict[str, float] = {}

        def add(frame: pd.DataFrame, sign: float) -> None:
            if frame.empty:
                return
            product = frame["is_product"].to_numpy().astype(bool)
            value = np.nan_to_num(pd.to_numeric(frame["quantity"]).to_numpy(dtype=float)
                                  * pd.to_numeric(frame["unit_price"]).to_numpy(dtype=float))
            codes, currencies = pd.factorize(frame["currency"].astype(object).fillna("").to_numpy())
            sums = np.bincount(codes[product], weights=value[product], minlength=len(currencies))
            for currency, amount in zip(currencies, sums):
                effect[str(currency)] = effect.get(str(currency), 0.0) + sign * float(amount)

        add(self.new, 1.0)
        add(self.changed, 1.0)
        add(self.old_of_changed, -1.0)
        if replace_orders:
            add(self.not_in_file, -1.0)
        missing = self.not_in_file
        return {
            "lines_new": int(len(self.new)), "lines_changed": int(len(self.changed)),
            "lines_unchanged": int(self.unchanged),
            "lines_not_in_file": int(len(missing)),
            "orders_lacking_lines": int(missing["order_id"].nunique()) if len(missing) else 0,
            "lines_removed": int(len(missing)) if replace_orders else 0,
            "revenue_effect": effect if exact else rounded_effect(effect),
        }


def plain_summary(new: int, changed: int = 0) -> dict:
    """A ``MergePlan.summary`` of rows that are only new or changed (products, customers, or
    order lines going into an empty store): no unchanged lines, none lacking, no revenue
    effect worked out."""
    return {"lines_new": int(new), "lines_changed": int(changed), "lines_unchanged": 0,
            "lines_not_in_file": 0, "orders_lacking_lines": 0, "lines_removed": 0,
            "revenue_effect": {}}


def add_summaries(a: dict, b: dict) -> dict:
    """Two exact ``MergePlan.summary`` results as one (parts of one file hold distinct
    orders); round the total with ``rounded_effect``."""
    effect = dict(a["revenue_effect"])
    for currency, amount in b["revenue_effect"].items():
        effect[currency] = effect.get(currency, 0.0) + amount
    return {**{k: a[k] + b[k] for k in a if k != "revenue_effect"}, "revenue_effect": effect}


def rounded_effect(effect: dict[str, float]) -> dict[str, float]:
    """The revenue effect per currency in cents, currencies without effect left out."""
    return {c: round(v, 2) for c, v in sorted(effect.items()) if round(v, 2)}


def stored_lines_of_orders(conn, channel_id: int, order_ids: list[str]) -> pd.DataFrame:
    """The stored lines (with ``id``) of ``order_ids`` in one channel (uses the unique index)."""
    columns = ["id", *STORED_COLUMNS]
    if not order_ids or conn.execute("SELECT 1 FROM order_lines WHERE channel_id = ? LIMIT 1",
                                     [channel_id]).fetchone() is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_orders (order_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM merge_orders")
    conn.executemany("INSERT OR IGNORE INTO merge_orders VALUES (?)", [(o,) for o in order_ids])
    rows = conn.execute(
        f"SELECT o.{', o.'.join(columns)} FROM merge_orders m CROSS JOIN order_lines o "
        "ON o.channel_id = ? AND o.order_id = m.order_id", [channel_id]).fetchall()
    conn.execute("DELETE FROM merge_orders")
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(
        {c: pd.Series(dtype=object) for c in columns})


def plan_merge(rows: pd.DataFrame, stored: pd.DataFrame, ledger: bool) -> MergePlan:
    """Match the file's ``rows`` (storage columns incl. ``line_key``) with ``stored``."""
    if stored.empty:
        return MergePlan(rows, rows.iloc[:0].assign(stored_id=pd.Series(dtype=np.int64)), 0,
                         stored)
    stored = stored.astype({"line_key": np.int64, "order_id": str})
    file = rows.reset_index(drop=True).assign(_row=lambda f: np.arange(len(f)))
    pair = file[["order_id", "line_key", "_row"]].merge(
        stored[["order_id", "line_key", "id"]], on=["order_id", "line_key"], how="inner")
    same_key_rows = pair["_row"].to_numpy()
    same_key_ids = pair["id"].to_numpy()
    differs = _differs(file.iloc[same_key_rows], stored.set_index("id").loc[same_key_ids])
    changed_rows, changed_ids = list(same_key_rows[differs]), list(same_key_ids[differs])
    unchanged = int((~differs).sum())
    left_file = file.loc[~file["_row"].isin(same_key_rows)]
    left_stored = stored.loc[~stored["id"].isin(same_key_ids)]
    if not ledger and len(left_file) and len(left_stored):
        rows_c, ids_c = _pair_corrections(left_file, left_stored)
        changed_rows += rows_c
        changed_ids += ids_c
        left_file = left_file.loc[~left_file["_row"].isin(rows_c)]
        left_stored = left_stored.loc[~left_stored["id"].isin(ids_c)]
    changed = file.iloc[changed_rows].assign(stored_id=np.asarray(changed_ids, dtype=np.int64))
    old = stored.set_index("id").loc[changed_ids].reset_index()
    not_in_file = left_stored.iloc[:0] if ledger else left_stored
    return MergePlan(left_file.drop(columns="_row"), changed.drop(columns="_row"), unchanged,
                     not_in_file.reset_index(drop=True), old)


def _pair_corrections(left_file: pd.DataFrame, left_stored: pd.DataFrame
                      ) -> tuple[list[int], list[int]]:
    """Pair, per (order, SKU), the file's unmatched lines with the store's unmatched lines
    when both sides have exactly one: the export corrected that line's quantity or price.
    Several on both sides stay unpaired (new + not in file): guessing could overwrite the
    wrong line."""
    f = left_file.groupby(["order_id", "sku"], observed=True)["_row"].agg(["first", "size"])
    s = left_stored.groupby(["order_id", "sku"], observed=True)["id"].agg(["first", "size"])
    both = f.add_suffix("_f").join(s.add_suffix("_s"), how="inner")
    both = both.loc[(both["size_f"] == 1) & (both["size_s"] == 1)]
    return both["first_f"].astype(int).tolist(), both["first_s"].astype(int).tolist()


def _differs(new: pd.DataFrame, old: pd.DataFrame) -> np.ndarray:
    """Per row pair: does any compared field differ (numbers within 1e-9, NULL = NULL)?"""
    out = np.zeros(len(new), dtype=bool)
    for column in COMPARED:
        a = new[column].to_numpy(dtype=object)
        b = old[column].to_numpy(dtype=object)
        if column in ("quantity", "unit_price", "vat_rate", "is_return", "is_product"):
            x = pd.to_numeric(pd.Series(a), errors="coerce").to_numpy(dtype=float)
            y = pd.to_numeric(pd.Series(b), errors="coerce").to_numpy(dtype=float)
            both_nan = np.isnan(x) & np.isnan(y)
            out |= ~both_nan & ~(np.abs(x - y) <= 1e-9)
        else:
            na_a = pd.isna(pd.Series(a)).to_numpy()
            na_b = pd.isna(pd.Series(b)).to_numpy()
            out |= (na_a != na_b) | (~na_a & ~na_b & (pd.Series(a).astype(str).to_numpy()
                                                     != pd.Series(b).astype(str).to_numpy()))
    return out
