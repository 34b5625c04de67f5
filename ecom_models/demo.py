"""The bundled demo data: UCI Online Retail (CC BY 4.0), imported on first start.

Chen, D. (2015). Online Retail [Dataset]. UCI Machine Learning Repository.
See data/README.md for the attribution and how the file was changed.

An import *is the demo* when its content hash (sha256 of the file's bytes, as the importer
records it) equals the bundled file's: no schema change, and a user's own copy of the same
file is recognised too. Removing the demo deletes that import and exactly its rows, and
records that the user removed it, so an empty store does not get it back on the next start.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "online_retail.csv.gz"
REMOVED_SETTING = "demo_removed"   # settings row written by remove_demo (value: "1")


@lru_cache(maxsize=4)
def _file_hash(path: str, size: int, mtime_ns: int) -> str:
    """sha256 of a file's bytes (same digest as ``ingest.pipeline.content_hash``); cached per
    process and keyed by size and mtime, so the 8 MB demo file is read once."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def demo_hash(demo_file: Path | str | None = None) -> str | None:
    """Content hash of the bundled demo file (None when the file is missing)."""
    path = Path(demo_file or DEMO_FILE)
    try:
        stat = path.stat()
    except OSError:
        return None
    return _file_hash(str(path), stat.st_size, stat.st_mtime_ns)


def _read(db: Path | str, sql: str, params: tuple = ()) -> list[tuple]:
    """A read-only query on an existing store ([] when the store or its table is missing)."""
    import sqlite3

    from .store.connection import connect

    if not Path(db).exists():
        return []
    try:
        with connect(db, readonly=True) as conn:
            return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError:   # no such table (a store from before the schema)
        return []


def demo_import_ids(db: Path | str) -> set[int]:
    """Ids of the imports whose file is the bundled demo file (empty set when none)."""
    digest = demo_hash()
    if digest is None:
        return set()
    return {int(row[0]) for row in _read(db, "SELECT id FROM imports WHERE content_hash = ?", (digest,))}


def demo_was_removed(db: Path | str) -> bool:
    """True once the user removed the demo data from this store (see ``remove_demo``)."""
    return bool(_read(db, "SELECT 1 FROM settings WHERE key = ?", (REMOVED_SETTING,)))


def remove_demo(db: Path | str) -> dict:
    """Delete every demo import and exactly its rows (``store.imports.delete_import``).

    Returns {'imports': number of imports deleted, 'order_lines': lines deleted,
    'products': product rows deleted}. The store remembers the removal, so an empty store
    is not filled with the demo again on the next start (``ensure_demo`` checks it).
    """
    from .store.connection import write_transaction
    from .store.imports import delete_import

    ids = demo_import_ids(db)
    removed = {"imports": 0, "order_lines": 0, "products": 0}
    if not ids:
        return removed
    import sqlite3

    try:
        with write_transaction(db) as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, '1') "
                         "ON CONFLICT(key) DO UPDATE SET value = '1'", [REMOVED_SETTING])
    except sqlite3.OperationalError:   # a store without a settings table: remove all the same
        pass
    for import_id in sorted(ids):
        gone = delete_import(db, import_id)
        removed["imports"] += int(bool(gone["deleted"]))
        removed["order_lines"] += int(gone["order_lines"])
        removed["products"] += int(gone["products"])
    return removed


def store_is_empty(db: Path | str) -> bool:
    from .store.connection import connect
    from .store.migrations import ensure_schema

    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def should_offer_demo(db: Path | str) -> bool:
    """The app imports the demo on start only into an empty store whose user has not
    removed it before."""
    return store_is_empty(db) and not demo_was_removed(db)


def ensure_demo(db: Path | str, progress=None) -> dict | None:
    """Import the demo file into an empty store; returns the import outcome, or None when
    the store already has data (the demo is never added on top of a user's own imports)."""
    from .ingest.pipeline import import_file

    if not store_is_empty(db):
        return None
    return import_file(DEMO_FILE, db, "online-retail", progress=progress)
