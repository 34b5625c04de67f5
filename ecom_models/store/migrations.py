"""Schema of the store, as numbered migrations recorded in the database.

sqlite-utils' ``Migrations`` records each applied step in ``_sqlite_migrations``,
so an old database is brought up to date by applying only what is missing.
Never edit a released migration: add the next number.
"""
from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .connection import connect

migrations = Migrations("ecom_store")
_applied: set[str] = set()
_lock = threading.Lock()


@migrations(name="0001_initial")
def _m0001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS imports (
            id            INTEGER PRIMARY KEY,
            file_name     TEXT NOT NULL,
            content_hash  TEXT NOT NULL UNIQUE,       -- sha256 of the uploaded bytes
            format        TEXT NOT NULL,              -- preset name, e.g. 'online-retail'
            kind          TEXT NOT NULL CHECK (kind IN ('orders', 'products')),
            detected      TEXT NOT NULL,              -- JSON: encoding, delimiter, decimal, date_format
            rows_read     INTEGER NOT NULL,
            rows_imported INTEGER NOT NULL,
            rows_skipped  INTEGER NOT NULL,
            rows_updated  INTEGER NOT NULL DEFAULT 0, -- rows that replaced an earlier import's row
            report        TEXT NOT NULL,              -- JSON validation report
            imported_at   TEXT NOT NULL,              -- UTC, ISO 8601
            status        TEXT NOT NULL DEFAULT 'imported'
        );
        CREATE TABLE IF NOT EXISTS order_lines (
            id            INTEGER PRIMARY KEY,
            import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            channel       TEXT NOT NULL,              -- shop system the export came from
            order_id      TEXT NOT NULL,
            line_no       INTEGER NOT NULL,           -- position of the line within its order
            ordered_at    TEXT,                       -- 'YYYY-MM-DD HH:MM:SS', shop-local wall clock
            sku           TEXT NOT NULL,
            product_name  TEXT,
            quantity      REAL NOT NULL,              -- negative for returns
            unit_price    REAL,                       -- in `currency`, per unit
            currency      TEXT,
            customer_id   TEXT,
            country       TEXT,
            is_return     INTEGER NOT NULL DEFAULT 0, -- return or cancellation (netted in figures)
            is_product    INTEGER NOT NULL DEFAULT 1, -- 0 for postage, fees, adjustments, discounts
            source_line   INTEGER                     -- physical line in the imported file
        );
        -- No index on purpose: the natural key (channel, order_id, line_no) is kept unique
        -- by the only write path (store.imports, serialised by BEGIN IMMEDIATE); a UNIQUE
        -- index plus an import_id index cost ~40 % of the time of a 541,909-line import.
        CREATE TABLE IF NOT EXISTS products (
            sku           TEXT PRIMARY KEY,
            name          TEXT,
            category      TEXT,
            unit_cost     REAL,
            current_price REAL,
            currency      TEXT,
            stock         REAL,
            import_id     INTEGER REFERENCES imports(id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def ensure_schema(path: Path | str) -> None:
    """Create or upgrade the store at ``path`` (idempotent, safe from several threads)."""
    key = str(Path(path).resolve())
    if key in _applied and Path(path).exists():
        return
    with _lock:
        with connect(path) as conn:
            db = sqlite_utils.Database(conn)
            if migrations.pending(db):
                conn.execute("BEGIN IMMEDIATE")  # serialise with other processes
                conn.execute("COMMIT")
                migrations.apply(db)
        _applied.add(key)


def applied_migrations(path: Path | str) -> list[str]:
    """Names of the migrations recorded in the database, in order."""
    with connect(path) as conn:
        return [m.name for m in migrations.applied(sqlite_utils.Database(conn))]
