"""The bundled demo data: UCI Online Retail (CC BY 4.0), imported on first start.

Chen, D. (2015). Online Retail [Dataset]. UCI Machine Learning Repository.
See data/README.md for the attribution and how the file was changed.
"""
from __future__ import annotations

from pathlib import Path

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "online_retail.csv.gz"


def store_is_empty(db: Path | str) -> bool:
    from .store.connection import connect
    from .store.migrations import ensure_schema

    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def ensure_demo(db: Path | str, progress=None) -> dict | None:
    """Import the demo file into an empty store; returns the import outcome, or None when
    the store already has data (the demo is never added on top of a user's own imports)."""
    from .ingest.pipeline import import_file

    if not store_is_empty(db):
        return None
    return import_file(DEMO_FILE, db, "online-retail", progress=progress)
