"""Imported satisfaction surveys (table ``surveys`` and ``survey_responses``, migration
0004). A survey file is saved whole in one transaction or not at all; the same bytes
twice change nothing (content hash). Reads open the store read-only."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .connection import connect, write_transaction
from .migrations import ensure_schema

RESPONSE_COLUMNS = ("line", "score", "answered_on", "segment", "comment")


def save_survey(db: Path | str, file_name: str, raw: bytes, responses: pd.DataFrame, blank: int = 0) -> tuple[int, bool]:
    """Store the read responses (``ecom_models.customers.nps.read_survey``) of ``raw``.
    Returns (survey id, True when new; False when these bytes were imported before)."""
    ensure_schema(db)
    digest = hashlib.sha256(raw).hexdigest()
    with write_transaction(db) as conn:
        row = conn.execute("SELECT id FROM surveys WHERE content_hash = ?", (digest,)).fetchone()
        if row:
            return int(row[0]), False
        cur = conn.execute("INSERT INTO surveys (file_name, content_hash, imported_at, responses, blank) "
                           "VALUES (?, ?, ?, ?, ?)",
                           (file_name[:200], digest, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                            len(responses), int(blank)))
        survey_id = int(cur.lastrowid)
        records = [(survey_id, int(r.line), int(r.score), _text(r.answered_on), _text(r.segment), _text(r.comment))
                   for r in responses[list(RESPONSE_COLUMNS)].itertuples(index=False)]
        conn.executemany("INSERT INTO survey_responses (survey_id, line, score, answered_on, segment, comment) "
                         "VALUES (?, ?, ?, ?, ?, ?)", records)
    return survey_id, True


def _text(value) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def list_surveys(db: Path | str) -> pd.DataFrame:
    """id, file_name, imported_at, responses, blank; newest first (empty frame without a store)."""
    cols = ["id", "file_name", "imported_at", "responses", "blank"]
    if not Path(db).is_file():
        return pd.DataFrame({c: [] for c in cols})
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return pd.read_sql_query(f"SELECT {', '.join(cols)} FROM surveys ORDER BY id DESC", conn)


def survey_responses(db: Path | str, survey_id: int) -> pd.DataFrame:
    """The responses of one survey (``RESPONSE_COLUMNS``, in file order)."""
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return pd.read_sql_query("SELECT line, score, answered_on, segment, comment FROM survey_responses "
                                 "WHERE survey_id = ? ORDER BY line", conn, params=(int(survey_id),))


def delete_survey(db: Path | str, survey_id: int) -> bool:
    """Remove a survey and its responses; False when there was none."""
    ensure_schema(db)
    with write_transaction(db) as conn:
        conn.execute("DELETE FROM survey_responses WHERE survey_id = ?", (int(survey_id),))
        return conn.execute("DELETE FROM surveys WHERE id = ?", (int(survey_id),)).rowcount > 0
