"""Writing imports into the store: one import = one ``BEGIN IMMEDIATE`` transaction.

Order lines are upserted on their natural key (channel, order_id, line_no): an
overlapping export replaces the lines it shares with an earlier one instead of doubling
revenue, and those lines then belong to the newer import. Products are upserted on SKU, and
a product file only fills the fields it has (it never blanks a known unit cost).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from .connection import connect, write_transaction
from .migrations import ensure_schema

LINE_COLUMNS = ("import_id", "channel", "order_id", "line_no", "ordered_at", "sku",
                "product_name", "quantity", "unit_price", "currency", "customer_id",
                "country", "is_return", "is_product", "source_line")
INSERT_LINES = (f"INSERT INTO order_lines ({', '.join(LINE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(LINE_COLUMNS))})")
PRODUCT_COLUMNS = ("sku", "name", "category", "unit_cost", "current_price", "currency",
                   "stock", "import_id")
UPSERT_PRODUCTS = (
    f"INSERT INTO products ({', '.join(PRODUCT_COLUMNS)}) VALUES ({', '.join('?' * len(PRODUCT_COLUMNS))}) "
    "ON CONFLICT(sku) DO UPDATE SET "
    + ", ".join(f"{c} = coalesce(excluded.{c}, products.{c})" for c in PRODUCT_COLUMNS
                if c not in ("sku", "import_id"))
    + ", import_id = excluded.import_id"
)


def find_import(db: Path | str, content_hash: str) -> dict | None:
    """The import with this content hash, or None."""
    ensure_schema(db)
    with connect(db) as conn:
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


def write_import(db: Path | str, meta: dict, kind: str, channel: str, rows: pd.DataFrame,
                 progress=None) -> dict:
    """Record the import and write all its rows in one transaction.

    ``meta`` has file_name, content_hash, format, detected (dict), report (dict), rows_read,
    rows_imported, rows_skipped. Returns {'import_id', 'rows_imported' (lines stored),
    'rows_updated', 'status'}; status is 'already_imported' (nothing written) when the
    content hash is known.
    """
    ensure_schema(db)
    with write_transaction(db) as conn:
        known = conn.execute("SELECT id FROM imports WHERE content_hash = ?",
                             [meta["content_hash"]]).fetchone()
        if known:
            return {"import_id": known[0], "rows_imported": 0, "rows_updated": 0,
                    "status": "already_imported"}
        cur = conn.execute(
            "INSERT INTO imports (file_name, content_hash, format, kind, detected, rows_read, "
            "rows_imported, rows_skipped, report, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [meta["file_name"], meta["content_hash"], meta["format"], kind,
             json.dumps(meta["detected"]), meta["rows_read"], meta["rows_imported"],
             meta["rows_skipped"], json.dumps(meta["report"], default=str),
             datetime.now(timezone.utc).isoformat(timespec="seconds")])
        import_id = cur.lastrowid
        if kind == "orders":
            updated = _write_lines(conn, import_id, channel, rows, progress)
        else:
            updated = _write_products(conn, import_id, rows)
        conn.execute("UPDATE imports SET rows_updated = ? WHERE id = ?", [updated, import_id])
        _bump_version(conn)
    return {"import_id": import_id, "rows_imported": len(rows), "rows_updated": updated,
            "status": "imported"}


def _write_lines(conn, import_id: int, channel: str, rows: pd.DataFrame, progress) -> int:
    """Insert the lines; stored lines with the same natural key are replaced (returned count)."""
    n = len(rows)
    replaced = _delete_overlap(conn, channel, import_id, rows) if n else 0
    cols = {
        "import_id": [import_id] * n, "channel": [channel] * n,
        "ordered_at": _iso_seconds(rows["ordered_at"]),
        **{c: _column(rows, c) for c in LINE_COLUMNS
           if c not in ("import_id", "channel", "ordered_at")},
    }
    records = list(zip(*(cols[c] for c in LINE_COLUMNS)))
    chunk = 50_000
    for start in range(0, n, chunk):
        conn.executemany(INSERT_LINES, records[start:start + chunk])
        if progress:
            progress(min(1.0, (start + chunk) / max(n, 1)), "writing")
    return replaced


def _delete_overlap(conn, channel: str, import_id: int, rows: pd.DataFrame) -> int:
    """Delete earlier imports' lines of ``channel`` whose (order_id, line_no) the new rows also
    have. One scan of the channel's lines; nothing to do for a channel's first import."""
    stored = pd.DataFrame(
        conn.execute("SELECT rowid, order_id, line_no FROM order_lines "
                     "WHERE channel = ? AND import_id != ?", [channel, import_id]).fetchall(),
        columns=["rowid", "order_id", "line_no"])
    if stored.empty:
        return 0
    new = pd.DataFrame({"order_id": rows["order_id"].astype(str).to_numpy(),
                        "line_no": rows["line_no"].astype("int64").to_numpy()})
    stored["order_id"] = stored["order_id"].astype(str)
    stored["line_no"] = stored["line_no"].astype("int64")
    overlap = stored.merge(new, on=["order_id", "line_no"])["rowid"].tolist()
    conn.executemany("DELETE FROM order_lines WHERE rowid = ?", [(r,) for r in overlap])
    return len(overlap)


def _write_products(conn, import_id: int, rows: pd.DataFrame) -> int:
    skus = rows["sku"].tolist()
    existing = 0
    for start in range(0, len(skus), 500):
        part = skus[start:start + 500]
        existing += conn.execute(
            f"SELECT count(*) FROM products WHERE sku IN ({','.join('?' * len(part))})", part
        ).fetchone()[0]
    data = {c: _column(rows, c) for c in PRODUCT_COLUMNS if c != "import_id"}
    data["import_id"] = [import_id] * len(rows)
    conn.executemany(UPSERT_PRODUCTS, list(zip(*(data[c] for c in PRODUCT_COLUMNS))))
    return existing


def _bump_version(conn) -> None:
    """Count every data change, inside the writing transaction (readers' cache key)."""
    conn.execute("INSERT INTO settings (key, value) VALUES ('data_version', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


def delete_import(db: Path | str, import_id: int) -> dict:
    """Delete one import and exactly the rows it owns (ON DELETE CASCADE)."""
    ensure_schema(db)
    with write_transaction(db) as conn:
        lines = conn.execute("SELECT count(*) FROM order_lines WHERE import_id = ?",
                             [import_id]).fetchone()[0]
        products = conn.execute("SELECT count(*) FROM products WHERE import_id = ?",
                                [import_id]).fetchone()[0]
        deleted = conn.execute("DELETE FROM imports WHERE id = ?", [import_id]).rowcount
        _bump_version(conn)
    return {"deleted": bool(deleted), "order_lines": lines, "products": products}


def list_imports(db: Path | str) -> pd.DataFrame:
    """Import history, newest first."""
    ensure_schema(db)
    with connect(db) as conn:
        return pd.read_sql_query(
            "SELECT i.id, i.file_name, i.format, i.kind, i.rows_read, i.rows_imported, "
            "i.rows_skipped, i.rows_updated, i.imported_at, i.status, "
            "coalesce(o.lines, 0) AS lines_now FROM imports i LEFT JOIN "
            "(SELECT import_id, count(*) AS lines FROM order_lines GROUP BY import_id) o "
            "ON o.import_id = i.id ORDER BY i.id DESC", conn)
