"""Short-lived SQLite connections to the store.

Rules (docs/architecture.md §4): one connection per operation, WAL journal, foreign keys on,
writes inside ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing
with "database is locked" half-way through.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

DEFAULT_DB = Path("data") / "ecom.db"
BUSY_TIMEOUT_S = 60.0


def default_db_path() -> Path:
    """The store path: ``$ECOM_DB`` if set, else ``data/ecom.db`` (relative to the working dir)."""
    return Path(os.environ.get("ECOM_DB") or DEFAULT_DB)


def _open(path: Path, readonly: bool) -> sqlite3.Connection:
    path = Path(path)
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                               isolation_level=None, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL keeps the database consistent after a crash (only the
        # last commits may be lost, never half of one); it avoids an fsync per commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        # Big imports: keep index pages in memory (KiB, negative = size) so a 500k-line
        # transaction does not spill pages into the WAL again and again.
        conn.execute("PRAGMA cache_size=-262144")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


@contextmanager
def connect(path: Path | str, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    """Yield a connection in autocommit mode and close it afterwards (reads, DDL)."""
    conn = _open(Path(path), readonly)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def write_transaction(path: Path | str) -> Iterator[sqlite3.Connection]:
    """Yield a connection inside ``BEGIN IMMEDIATE``; commit on success, roll back on any error.

    This is the only way the store writes data: one call = one transaction = all or nothing.
    """
    conn = _open(Path(path), readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")
    finally:
        conn.close()
