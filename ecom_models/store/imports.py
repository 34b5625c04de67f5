"""Writing imports into the store: one import = one ``BEGIN IMMEDIATE`` transaction.

Order lines are merged on their natural key (channel, order id, line key; see
``line_identity`` and ``merge``): re-importing lines the store holds changes nothing, a
corrected line is updated and then belongs to the newer import, and stored lines a newer
export lacks are only reported unless the user asks to remove them. Products and customers
are upserted per channel; a product file only fills the fields it has (it never blanks a
known unit cost).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from .connection import connect, write_transaction
from .merge import plain_summary
from .migrations import ensure_schema

LINE_COLUMNS = ("import_id", "channel_id", "order_id", "line_key", "ordered_at", "sku",
                "product_name", "quantity", "unit_price", "currency", "customer_id",
                "country", "is_return", "is_product", "source_line", "vat_rate", "price_basis")
INSERT_LINES = (f"INSERT INTO order_lines ({', '.join(LINE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(LINE_COLUMNS))})")
# A corrected line keeps its row (id) and channel; everything else is the file's.
UPDATED_COLUMNS = tuple(c for c in LINE_COLUMNS if c not in ("channel_id", "order_id"))
UPDATE_LINES = (f"UPDATE order_lines SET {', '.join(f'{c} = ?' for c in UPDATED_COLUMNS)} "
                "WHERE id = ?")
RAW_COLUMNS = ("id", "channel", "order_id", "line_key", "ordered_at", "sku", "product_name",
               "quantity", "unit_price", "currency", "customer_id", "country", "is_return",
               "is_product", "import_id", "price_basis")   # as in queries.RAW_LINES_SQL
PRODUCT_COLUMNS = ("channel_id", "sku", "name", "category", "unit_cost", "current_price",
                   "currency", "stock", "import_id")
UPSERT_PRODUCTS = (
    f"INSERT INTO products ({', '.join(PRODUCT_COLUMNS)}) VALUES ({', '.join('?' * len(PRODUCT_COLUMNS))}) "
    "ON CONFLICT(channel_id, sku) DO UPDATE SET "
    + ", ".join(f"{c} = coalesce(excluded.{c}, products.{c})" for c in PRODUCT_COLUMNS
                if c not in ("channel_id", "sku", "import_id"))
    + ", import_id = excluded.import_id"
)
CUSTOMER_COLUMNS = ("channel_id", "customer_id", "country", "customer_group", "import_id")
UPSERT_CUSTOMERS = (
    f"INSERT INTO customers ({', '.join(CUSTOMER_COLUMNS)}) VALUES ({', '.join('?' * len(CUSTOMER_COLUMNS))}) "
    "ON CONFLICT(channel_id, customer_id) DO UPDATE SET country = coalesce(excluded.country, "
    "customers.country), customer_group = coalesce(excluded.customer_group, "
    "customers.customer_group), import_id = excluded.import_id")


def find_import(db: Path | str, content_hash: str) -> dict | None:
    """The import with this content hash, or None (also None when there is no store yet)."""
    if not Path(db).is_file():
        return None
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM imports WHERE content_hash = ?", [content_hash]).fetchone()
    return dict(row) if row else None


def _iso_seconds(values: pd.Series) -> list:
    """'YYYY-MM-DD HH:MM:SS' text per value (None for NaT). Formats each distinct
    timestamp once: an export has far fewer distinct times than lines."""
    codes, uniques = pd.factorize(values)
    text = pd.Index(uniques).strftime("%Y-%m-%d %H:%M:%S").to_numpy(dtype=object)
    out = text.take(codes) if len(text) else np.full(len(codes), None, dtype=object)
    out[codes < 0] = None
    return out.tolist()


def _column(frame: pd.DataFrame, name: str) -> list:
    """Python values of one column for binding. Missing values may come out as float NaN:
    SQLite stores a bound NaN as NULL (sqlite3VdbeMemSetDouble), so no conversion pass."""
    return frame[name].tolist()


def channel_id(conn, name: str) -> int:
    """The id of channel ``name``, created on first use (inside a write transaction)."""
    conn.execute("INSERT OR IGNORE INTO channels (name) VALUES (?)", [name])
    return conn.execute("SELECT id FROM channels WHERE name = ?", [name]).fetchone()[0]


def storage_rows(conn, channel: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Canonical order lines (see ``ingest.normalize``) as the store keeps them: the line key,
    the customer pseudonym, the date as text, flags as integers."""
    from .line_identity import line_keys
    from .pseudonyms import pseudonymise, store_key

    customers = rows["customer_id"] if "customer_id" in rows else pd.Series(None, index=rows.index)
    out = pd.DataFrame({
        "order_id": rows["order_id"].astype(str).to_numpy(),
        "line_key": line_keys(rows),
        "ordered_at": _iso_seconds(rows["ordered_at"]),
        **{c: rows[c].to_numpy() if c in rows else None
           for c in ("sku", "product_name", "quantity", "unit_price", "currency", "country",
                     "source_line", "vat_rate", "price_basis")},
        "customer_id": pseudonymise(store_key(conn), channel, customers),
        "is_return": rows["is_return"].astype(int).to_numpy(),
        "is_product": rows["is_product"].astype(int).to_numpy(),
    })
    return out


def plan_lines(conn, channel: str, rows: pd.DataFrame, ledger: bool):
    """The merge plan of ``rows`` against the store (``store.merge.MergePlan``) and the
    storage rows; works on a read-only connection too (nothing is created)."""
    from .merge import plan_merge, stored_lines_of_orders

    stored_rows = storage_rows(conn, channel, rows)
    found = conn.execute("SELECT id FROM channels WHERE name = ?", [channel]).fetchone()
    stored = stored_lines_of_orders(conn, found[0] if found else -1,
                                    stored_rows["order_id"].unique().tolist())
    return plan_merge(stored_rows, stored, ledger)


def preview_import(db: Path | str, channel: str, rows: pd.DataFrame, ledger: bool = False,
                   replace_orders: bool = False, exact: bool = False) -> dict:
    """What importing ``rows`` would do, without writing (``MergePlan.summary``)."""
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return plan_lines(conn, channel, rows, ledger).summary(replace_orders, exact)


def write_import(db: Path | str, meta: dict, kind: str, channel: str,
                 rows: pd.DataFrame | Iterable[pd.DataFrame], progress=None, ledger: bool = False,
                 replace_orders: bool = False, final_meta: Callable[[], dict] | None = None) -> dict:
    """Record the import and write its rows in one transaction.

    ``meta`` has file_name, content_hash, format, detected (dict), report (dict), rows_read,
    rows_imported, rows_skipped; ``final_meta``, when given, is called after the last row and
    replaces it (a file read in parts knows its report only then). ``rows`` is one frame or
    an iterable of frames (parts of one file, each holding whole orders: memory follows a
    part). Order lines are merged (``store.merge``): new lines are inserted, changed lines
    updated, stored lines of the file's orders that the file lacks are kept and counted, or
    removed when ``replace_orders``. Returns {'import_id', 'rows_imported' (lines written),
    'rows_updated', 'status', and the merge summary}; status is 'already_imported' (nothing
    written) when the content hash is known.
    """
    from .merge import add_summaries, rounded_effect
    from .snapshot import LineSpool

    parts = [rows] if isinstance(rows, pd.DataFrame) else rows
    ensure_schema(db)
    spool = LineSpool(db)
    try:
        with write_transaction(db) as conn:
            known = conn.execute("SELECT id FROM imports WHERE content_hash = ?",
                                 [meta["content_hash"]]).fetchone()
            if known:
                return {"import_id": known[0], "rows_imported": 0, "rows_updated": 0,
                        "status": "already_imported"}
            before = _version(conn)
            had_lines = conn.execute("SELECT 1 FROM order_lines LIMIT 1").fetchone() is not None
            import_id = conn.execute(
                "INSERT INTO imports (file_name, content_hash, format, kind, channel, detected, "
                "rows_read, rows_imported, rows_skipped, report, imported_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [meta["file_name"], meta["content_hash"], meta["format"], kind, channel,
                 json.dumps(meta["detected"]), meta["rows_read"], meta["rows_imported"],
                 meta["rows_skipped"], json.dumps(meta["report"], default=str),
                 datetime.now(timezone.utc).isoformat(timespec="seconds")]).lastrowid
            cid = channel_id(conn, channel)
            if kind == "orders":
                summary = None
                for part in parts:
                    done = _write_lines(conn, import_id, cid, channel, part, progress, ledger,
                                        replace_orders, spool)
                    summary = done if summary is None else add_summaries(summary, done)
                summary = summary or plain_summary(0)
                summary["revenue_effect"] = rounded_effect(summary["revenue_effect"])
            else:
                rows = pd.concat(list(parts), ignore_index=True)
                summary = (_write_customers(conn, import_id, cid, channel, rows) if kind == "customers"
                           else _write_products(conn, import_id, cid, rows))
            if final_meta is not None:
                meta = final_meta()
                conn.execute(
                    "UPDATE imports SET detected = ?, rows_read = ?, rows_imported = ?, "
                    "rows_skipped = ?, report = ? WHERE id = ?",
                    [json.dumps(meta["detected"]), meta["rows_read"], meta["rows_imported"],
                     meta["rows_skipped"], json.dumps(meta["report"], default=str), import_id])
            conn.execute(
                "UPDATE imports SET rows_updated = ?, lines_new = ?, lines_unchanged = ?, "
                "lines_not_in_file = ?, lines_removed = ? WHERE id = ?",
                [summary["lines_changed"], summary["lines_new"], summary["lines_unchanged"],
                 summary["lines_not_in_file"], summary["lines_removed"], import_id])
            _bump_version(conn)
            after = _version(conn)
        if progress:
            progress(1.0, "snapshot")
        _refresh_snapshot(db, before, after, spool, had_lines=had_lines)
    finally:
        spool.close()
    return {"import_id": import_id, "rows_imported": summary["lines_new"],
            "rows_updated": summary["lines_changed"], "status": "imported", **summary}


def _write_lines(conn, import_id: int, cid: int, channel: str, rows: pd.DataFrame, progress,
                 ledger: bool, replace_orders: bool, spool) -> dict:
    """Apply the merge plan of ``rows`` and spool the change for the snapshot (lines added
    or changed, with their ids; ids removed or changed); returns the plan's summary."""
    from .queries import typed_lines

    plan = plan_lines(conn, channel, rows, ledger)
    new, n = plan.new, len(plan.new)
    first_id = (conn.execute("SELECT max(id) FROM order_lines").fetchone()[0] or 0) + 1
    chunk = 50_000   # Python tuples only for one chunk at a time: memory ∝ chunk, not file
    for start in range(0, n, chunk):
        part = new.iloc[start:start + chunk]
        cols = {"import_id": [import_id] * len(part), "channel_id": [cid] * len(part),
                **{c: _column(part, c) for c in LINE_COLUMNS if c not in ("import_id", "channel_id")}}
        conn.executemany(INSERT_LINES, zip(*(cols[c] for c in LINE_COLUMNS)))
        del cols
        if progress:
            progress(min(1.0, (start + chunk) / max(n, 1)), "writing")
    changed = plan.changed
    if len(changed):
        values = [[import_id] * len(changed) if c == "import_id" else _column(changed, c)
                  for c in UPDATED_COLUMNS]
        conn.executemany(UPDATE_LINES, zip(*values, changed["stored_id"].tolist()))
    removed = changed["stored_id"].astype(np.int64).tolist()
    if replace_orders and len(plan.not_in_file):
        gone = [int(i) for i in plan.not_in_file["id"]]
        conn.executemany("DELETE FROM order_lines WHERE id = ?", [(i,) for i in gone])
        removed += gone
    # INTEGER PRIMARY KEY without AUTOINCREMENT: inside this exclusive transaction the new
    # rows took max(id) + 1, + 2, ... in insert order
    added = pd.concat([new.assign(id=np.arange(first_id, first_id + n, dtype=np.int64)),
                       changed.drop(columns="stored_id").assign(id=changed["stored_id"].to_numpy())],
                      ignore_index=True)
    added = added.assign(channel=channel, import_id=import_id)
    spool.add(typed_lines(added[list(RAW_COLUMNS)]) if len(added) else None, removed)
    return plan.summary(replace_orders, exact=True)


def _version(conn) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = 'data_version'").fetchone()
    return int(row[0]) if row else 0


def _refresh_snapshot(db: Path | str, before: int, after: int, spool,
                      had_lines: bool = True) -> None:
    """Bring the columnar snapshot and the sales cube up to date now, so the next page view
    does not wait (a store that had no lines starts from an empty snapshot instead of a
    query). Both are streamed batch by batch: memory follows a batch, not the store."""
    from .aggregates import refresh_cube_from_snapshot
    from .queries import versioned_raw_line_parts
    from .snapshot import apply_change

    key = str(Path(db).resolve())
    version = apply_change(db, (key, before), (key, after), spool, versioned_raw_line_parts,
                           start_empty=not had_lines)
    refresh_cube_from_snapshot(db, version)


def _write_products(conn, import_id: int, cid: int, rows: pd.DataFrame) -> dict:
    skus = rows["sku"].tolist()
    existing = 0
    for start in range(0, len(skus), 500):
        part = skus[start:start + 500]
        existing += conn.execute(
            f"SELECT count(*) FROM products WHERE channel_id = ? AND sku IN "
            f"({','.join('?' * len(part))})", [cid, *part]).fetchone()[0]
    data = {c: _column(rows, c) for c in PRODUCT_COLUMNS if c not in ("import_id", "channel_id")}
    data["import_id"] = [import_id] * len(rows)
    data["channel_id"] = [cid] * len(rows)
    conn.executemany(UPSERT_PRODUCTS, list(zip(*(data[c] for c in PRODUCT_COLUMNS))))
    return plain_summary(new=len(rows) - existing, changed=existing)


def _write_customers(conn, import_id: int, cid: int, channel: str, rows: pd.DataFrame) -> dict:
    """Customers of one channel (pseudonymised id, country code, group): they give orders
    that have no country of their own their country (``queries.order_lines``)."""
    from .pseudonyms import pseudonymise, store_key

    ids = pseudonymise(store_key(conn), channel, rows["customer_id"])
    existing = conn.execute("SELECT count(*) FROM customers WHERE channel_id = ?", [cid]).fetchone()[0]
    conn.executemany(UPSERT_CUSTOMERS, zip([cid] * len(rows), ids, _column(rows, "country"),
                                           _column(rows, "customer_group"), [import_id] * len(rows)))
    after = conn.execute("SELECT count(*) FROM customers WHERE channel_id = ?", [cid]).fetchone()[0]
    return plain_summary(new=after - existing, changed=len(rows) - (after - existing))


def _bump_version(conn) -> None:
    """Count every data change, inside the writing transaction (readers' cache key)."""
    conn.execute("INSERT INTO settings (key, value) VALUES ('data_version', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


def delete_import(db: Path | str, import_id: int) -> dict:
    """Delete one import and exactly the rows it owns (ON DELETE CASCADE)."""
    ensure_schema(db)
    with write_transaction(db) as conn:
        before = _version(conn)
        ids = [r[0] for r in conn.execute("SELECT id FROM order_lines WHERE import_id = ?",
                                          [import_id])]
        lines = len(ids)
        products = conn.execute("SELECT count(*) FROM products WHERE import_id = ?",
                                [import_id]).fetchone()[0]
        deleted = conn.execute("DELETE FROM imports WHERE id = ?", [import_id]).rowcount
        _bump_version(conn)
        after = _version(conn)
    from .snapshot import LineSpool

    spool = LineSpool(db)
    spool.add(None, ids)
    try:
        _refresh_snapshot(db, before, after, spool)
    finally:
        spool.close()
    return {"deleted": bool(deleted), "order_lines": lines, "products": products}


def list_imports(db: Path | str) -> pd.DataFrame:
    """Import history, newest first (reads never create a store: ``StoreMissing``)."""
    from .queries import open_for_reading

    open_for_reading(db)
    with connect(db) as conn:
        return pd.read_sql_query(
            "SELECT i.id, i.file_name, i.format, i.kind, i.channel, i.rows_read, i.rows_imported, "
            "i.rows_skipped, i.rows_updated, i.lines_new, i.lines_unchanged, i.lines_not_in_file, "
            "i.lines_removed, i.imported_at, i.status, "
            "coalesce(o.lines, 0) AS lines_now FROM imports i LEFT JOIN "
            "(SELECT import_id, count(*) AS lines FROM order_lines GROUP BY import_id) o "
            "ON o.import_id = i.id ORDER BY i.id DESC", conn)
