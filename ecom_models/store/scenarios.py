"""Saved scenarios in the store (table ``scenarios``, migration ``0003_scenarios``).

Writes go through ``write_transaction`` (``BEGIN IMMEDIATE``); reads open the store
read-only and raise ``StoreMissing`` on a missing store without creating one. An id is
checked against its format (``ID_RE``) before any query, so a malformed, path-like or very
long value never reaches SQL. A deleted scenario is gone for every read: its link is revoked.

JSON columns are written with ``json.dumps`` (Python writes a float as its shortest repr,
which reads back to the same bits) and without NaN (``allow_nan=False``).
"""
from __future__ import annotations

import hashlib
import json
import re
import secrets
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .connection import connect, write_transaction
from .migrations import ensure_schema
from .queries import open_for_reading

ID_BYTES = 16                       # secrets.token_urlsafe(16): 128 random bits
ID_RE = re.compile(r"[A-Za-z0-9_-]{22}")
MAX_TITLE, MAX_NOTE = 200, 5000     # characters
COLUMNS = ("id", "kind", "title", "note", "inputs", "results", "pins", "fingerprint",
           "app_version", "parent_id", "created_at", "updated_at")
JSON_COLUMNS = ("inputs", "results", "pins")


def new_id() -> str:
    """A fresh unguessable id (22 URL-safe characters; never derived from another id)."""
    return secrets.token_urlsafe(ID_BYTES)


def valid_id(value: object) -> bool:
    """True when ``value`` has the form of a scenario id (checked before any query)."""
    return isinstance(value, str) and ID_RE.fullmatch(value) is not None


def dumps(value) -> str:
    """Exact JSON: floats as their shortest repr (bit for bit on reading), no NaN."""
    return json.dumps(value, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _clean_text(value: str, limit: int, name: str) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(f"{name} must be text of at most {limit} characters")
    return value


def imports_seen(db: Path | str) -> list[str]:
    """Content hashes (sha256 of the files) of the store's imports, sorted."""
    open_for_reading(db)
    with connect(db, readonly=True) as conn:
        return [r[0] for r in conn.execute("SELECT content_hash FROM imports ORDER BY content_hash")]


def fingerprint_of(hashes: list[str]) -> str:
    """The data fingerprint: sha256 (hex) over the sorted import content hashes."""
    return hashlib.sha256("\n".join(sorted(hashes)).encode()).hexdigest()


def save_scenario(db: Path | str, record: dict) -> str:
    """Store a scenario; returns its new id. ``record`` holds ``kind``, ``title``, ``note``,
    ``inputs``, ``results``, ``pins`` (JSON-ready), ``fingerprint``, ``app_version`` and
    optionally ``parent_id`` (an existing, not deleted scenario)."""
    ensure_schema(db)
    row = {
        "id": new_id(), "kind": str(record["kind"]),
        "title": _clean_text(record.get("title", ""), MAX_TITLE, "title"),
        "note": _clean_text(record.get("note", ""), MAX_NOTE, "note"),
        **{c: dumps(record.get(c, {})) for c in JSON_COLUMNS},
        "fingerprint": str(record["fingerprint"]), "app_version": str(record["app_version"]),
        "parent_id": record.get("parent_id"), "created_at": _now(),
    }
    row["updated_at"] = row["created_at"]
    with write_transaction(db) as conn:
        if row["parent_id"] is not None and not _exists(conn, row["parent_id"]):
            raise LookupError("parent scenario not found")
        conn.execute(f"INSERT INTO scenarios ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     [row[c] for c in COLUMNS])
    return row["id"]


def _exists(conn: sqlite3.Connection, scenario_id: str) -> bool:
    return valid_id(scenario_id) and conn.execute(
        "SELECT 1 FROM scenarios WHERE id = ? AND deleted = 0", [scenario_id]).fetchone() is not None


def load_scenario(db: Path | str, scenario_id: object) -> dict | None:
    """The saved scenario (JSON columns decoded), or None when the id is malformed, unknown
    or deleted: the three cases look the same to the caller. ``StoreMissing`` when there is
    no store."""
    if not valid_id(scenario_id):
        return None
    open_for_reading(db)
    with connect(db, readonly=True) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM scenarios WHERE id = ? AND deleted = 0",
                           [scenario_id]).fetchone()
    if row is None:
        return None
    out = dict(row)
    for column in JSON_COLUMNS:
        out[column] = json.loads(out[column])
    return out


def list_scenarios(db: Path | str) -> list[dict]:
    """The saved (not deleted) scenarios, newest first: id, kind, title, note, fingerprint,
    app_version, parent_id, created_at, updated_at (no inputs or results)."""
    open_for_reading(db)
    with connect(db, readonly=True) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            "SELECT id, kind, title, note, fingerprint, app_version, parent_id, created_at, updated_at "
            "FROM scenarios WHERE deleted = 0 ORDER BY created_at DESC, id").fetchall()
    return [dict(r) for r in rows]


def update_scenario(db: Path | str, scenario_id: object, *, title: str | None = None,
                    note: str | None = None) -> bool:
    """Rename and/or annotate; True when a (not deleted) scenario was changed."""
    if not valid_id(scenario_id) or (title is None and note is None):
        return False
    open_for_reading(db)
    sets, values = [], []
    if title is not None:
        sets.append("title = ?")
        values.append(_clean_text(title, MAX_TITLE, "title"))
    if note is not None:
        sets.append("note = ?")
        values.append(_clean_text(note, MAX_NOTE, "note"))
    with write_transaction(db) as conn:
        cur = conn.execute(f"UPDATE scenarios SET {', '.join(sets)}, updated_at = ? "
                           "WHERE id = ? AND deleted = 0", [*values, _now(), scenario_id])
        return cur.rowcount == 1


def delete_scenario(db: Path | str, scenario_id: object) -> bool:
    """Delete a scenario: its link shows "not found" from now on, and its inputs and results
    are wiped (only the id stays, so it is never reused). True when one was deleted."""
    if not valid_id(scenario_id):
        return False
    open_for_reading(db)
    with write_transaction(db) as conn:
        cur = conn.execute(
            "UPDATE scenarios SET deleted = 1, title = '', note = '', inputs = '{}', results = '{}', "
            "pins = '{}', updated_at = ? WHERE id = ? AND deleted = 0", [_now(), scenario_id])
        return cur.rowcount == 1
