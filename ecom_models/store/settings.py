"""User settings kept in the store's ``settings`` table as JSON (e.g. the margin table).

Reads open the store read-only and never create it (a missing store has no settings);
writes run in one ``BEGIN IMMEDIATE`` transaction (docs/architecture.md §4). Writing a
setting does not change ``data_version``: settings are not data, so caches of the order
lines stay valid.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .connection import connect, write_transaction
from .migrations import ensure_schema

CATEGORY_MARGINS_KEY = "pricing.category_margins"
RESERVED_KEYS = frozenset({"data_version"})


def get_json(db: Path | str, key: str, default: Any = None) -> Any:
    """The value stored under ``key`` (decoded JSON), or ``default`` when absent."""
    if not Path(db).is_file():
        return default
    with connect(db, readonly=True) as conn:
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        except Exception:  # an old store without the table: no settings yet
            return default
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def set_json(db: Path | str, key: str, value: Any) -> None:
    """Store ``value`` (JSON-serialisable) under ``key``, replacing what was there."""
    if key in RESERVED_KEYS:
        raise ValueError(f"the setting {key!r} is kept by the store itself")
    text = json.dumps(value, allow_nan=False, sort_keys=True)
    ensure_schema(db)
    with write_transaction(db) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, text))


def category_margins(db: Path | str) -> dict[str, float]:
    """The per-category gross margin table (category -> margin in % of the net price)."""
    raw = get_json(db, CATEGORY_MARGINS_KEY, {}) or {}
    return {str(k): float(v) for k, v in raw.items() if _valid_margin(v)}


def save_category_margins(db: Path | str, margins: dict[str, float]) -> dict[str, float]:
    """Validate and store the margin table; empty entries are dropped. Returns what was stored."""
    clean = {}
    for name, value in margins.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if not _valid_margin(value):
            raise ValueError(f"the margin for {name!r} must be a percentage from 0 to below 100, got {value!r}")
        clean[str(name)] = float(value)
    set_json(db, CATEGORY_MARGINS_KEY, clean)
    return clean


def _valid_margin(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and 0 <= value < 100)
