"""Import a large order export in parts, so memory follows a part, not the file
(docs/architecture.md §4.3).

- **Whole orders per part.** The rows of a part's last order are held back and go with
  the next part, so the shop's rules (Shopify carries order fields down from an order's
  first row), the line keys (occurrence among identical lines of an order), corrections
  and "lines not in file" all see each order whole.
- **Pass 1** reads every part once and judges what must be judged over the whole file:
  the decimal mark (the votes of all parts added up, as ``numbers.detect_decimal`` does
  over a whole column), the date format (over every distinct date text, as
  ``dates.choose_date_format`` does), and whether each order's rows stand together.
  A file whose orders are scattered over parts cannot be merged part by part: it is read
  whole instead (``import_in_parts`` returns None).
- **Pass 2** reads the parts again, normalises each with pass 1's decimal mark and date
  format, and hands them to the store one by one: one transaction, so a bad row in the
  last part leaves nothing written. The import report is the sum of the parts' reports.
"""
from __future__ import annotations

import os
import sqlite3
import weakref
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from ..messages import Message
from .errors import IngestError
from .dates import choose_date_format
from .normalize import Options, normalize_orders, order_text
from .presets import Preset, resolve_columns
from .pipeline import (MAX_UPLOAD_MB, Prepared, as_rejection, build_report, channel_name,
                       content_hash, detect_preset, outcome, prepare, storage_error, store_meta)
from .reader import RawTable, bad_rows_error
from .text_parts import TextParts


@dataclass(frozen=True)
class Judged:
    """What pass 1 decided for a whole file (see module docstring)."""

    preset: Preset
    options: Options        # the user's, with the decimal mark and date format fixed
    facts: dict             # the report's detection facts
    notes: list             # warnings judged over the whole file (an ambiguous date format)
    n_parts: int


def import_in_parts(parts: TextParts, db: Path | str, fmt: str, opts: Options, digest: str,
                    progress=None, judged: Judged | None = None) -> dict | None:
    """Import ``parts`` (an order export) into ``db``; the outcome record of
    ``pipeline.outcome``, or None when the file must be read whole (not an order export,
    or its orders are scattered). ``judged``: pass 1's result when it is known already
    (an upload judged for its preview). Raises ``IngestError`` for a rejected file
    (nothing is written)."""
    from ..store.imports import write_import

    step = progress or (lambda fraction, message: None)
    judged = judged or judge(parts, fmt, opts, step)
    if judged is None:
        return None
    tally = ReportTally(judged.facts, judged.notes)
    meta = {"file_name": parts.file, "content_hash": digest, "format": judged.preset.name,
            "detected": parts.layout.detected, "report": {}, "rows_read": 0,
            "rows_imported": 0, "rows_skipped": 0}   # replaced by the final report
    try:
        written = write_import(db, meta, judged.preset.kind, channel_name(judged.preset, opts),
                               normalised_parts(parts, judged, tally, step), None,
                               ledger=judged.preset.ledger, replace_orders=opts.replace_orders,
                               final_meta=lambda: store_meta(parts.file, digest, judged.preset,
                                                             tally.report()))
    except (OSError, sqlite3.DatabaseError) as exc:
        return outcome(parts.file, "rejected", tally.report(),
                       error=storage_error(exc, parts.file, db))
    return outcome(parts.file, written["status"], tally.report(), written)


def normalised_parts(parts: TextParts, judged: Judged, tally: "ReportTally",
                     step=None, phase: str = "writing") -> Iterator[pd.DataFrame]:
    """Pass 2: the canonical order lines of each part (whole orders), added to ``tally``;
    progress is reported to ``step`` as ``phase``."""
    column = _order_column(judged.preset, parts, judged.options)
    for k, raw in enumerate(_whole_orders(parts.parts(), column)):
        result = normalize_orders(raw, judged.preset, judged.options, parts.file)
        tally.add(build_report(parts.file, judged.preset, raw.detected,
                               len(raw.frame) + len(raw.bad_rows), result, raw.bad_rows),
                  result.frame)
        if step:
            step(0.3 + 0.6 * min(1.0, (k + 1) / judged.n_parts), phase)
        yield result.frame


def plan_in_parts(parts: TextParts, judged: Judged, db: Path | str | None, progress=None,
                  head: int = 20) -> tuple[dict, dict, pd.DataFrame]:
    """Pass 2 without writing: (the import report, what the import would do to ``db``
    (``MergePlan.summary``; as into an empty store when ``db`` is None or missing), the
    first ``head`` canonical lines for a preview)."""
    from ..store.imports import preview_import
    from ..store.merge import add_summaries, plain_summary, rounded_effect

    tally = ReportTally(judged.facts, judged.notes)
    summary, first = None, None
    for rows in normalised_parts(parts, judged, tally, progress, "checking values"):
        first = rows.head(head) if first is None else first
        if db is not None and Path(db).is_file():
            part = preview_import(db, channel_name(judged.preset, judged.options), rows,
                                  judged.preset.ledger, judged.options.replace_orders, exact=True)
        else:
            part = plain_summary(len(rows))
        summary = part if summary is None else add_summaries(summary, part)
    summary["revenue_effect"] = rounded_effect(summary["revenue_effect"])
    return tally.report(), summary, first


def prepare_upload(raw: bytes, file_name: str, db: Path | str | None, fmt: str = "auto",
                   options: Options | None = None, progress=None, *,
                   part_bytes: int | None = None, whole_bytes: int | None = None) -> Prepared:
    """``prepare`` for an upload of the app: a large order export (more than
    ``text_parts.WHOLE_BYTES`` of text) is copied to a temporary file and judged in parts,
    so the session keeps its first lines and report, not all its rows; what it would do to
    ``db`` is planned in the same pass. Raises ``IngestError``."""
    import tempfile

    from .sniff import detect_container
    from .text_parts import PART_BYTES, WHOLE_BYTES, open_parts

    opts = options or Options()
    whole = WHOLE_BYTES if whole_bytes is None else whole_bytes
    if len(raw) > MAX_UPLOAD_MB * 1024 * 1024 or detect_container(raw) not in ("text", "gzip") \
            or (detect_container(raw) == "text" and len(raw) <= whole):
        return prepare(raw, file_name, fmt, opts, progress)
    handle, name = tempfile.mkstemp(prefix="ecom-upload-", suffix=".part")
    path = Path(name)
    with open(handle, "wb") as out:
        out.write(raw)
    try:
        parts = open_parts(path, file_name, part_bytes=part_bytes or PART_BYTES, whole_bytes=whole,
                           skip_bad_rows=opts.skip_bad_rows)
        judged = judge(parts, fmt, opts, progress) if parts is not None else None
        if judged is None:
            path.unlink(missing_ok=True)
            return prepare(raw, file_name, fmt, opts, progress)
        report, summary, first = plan_in_parts(parts, judged, db, progress)
    except (IngestError, ValueError) as exc:
        path.unlink(missing_ok=True)
        raise as_rejection(exc, file_name) from None
    prepared = Prepared(file_name, content_hash(raw), judged.preset, first, report, parts, judged,
                        (version_of(db), summary))
    weakref.finalize(prepared, path.unlink, missing_ok=True)   # a session that never imports it
    return prepared


def version_of(db: Path | str | None):
    """The store's version (None when there is no store yet)."""
    from ..store.queries import store_version

    return store_version(db) if db is not None and Path(db).is_file() else None


def judge(parts: TextParts, fmt: str, opts: Options, step=None) -> Judged | None:
    """Pass 1 (see module docstring), or None when the file must be read whole."""
    step = step or (lambda fraction, message: None)
    preset = detect_preset(parts.layout.names, fmt, opts, parts.file, parts.layout.header_line)
    if preset.kind != "orders":
        return None
    comma = dot = 0
    dates: list[np.ndarray] = []
    done: set = set()
    n_parts = bad_count = 0
    estimate = max(1, os.path.getsize(parts.path) // parts.part_bytes)
    stage = None
    bad_rows: list[dict] = []
    for raw in _whole_orders(parts.parts(skip_bad_rows=True), _order_column(preset, parts, opts)):
        n_parts += 1
        bad_rows += raw.bad_rows[:1]
        bad_count += len(raw.bad_rows)
        stage = order_text(raw, preset, opts, parts.file)
        c, d = stage.decimal_votes()
        comma, dot = comma + c, dot + d
        dates.append(stage.date_texts())
        orders = set(stage.frame["order_id"].dropna().unique().tolist())
        if not done.isdisjoint(orders):
            return None  # an order's rows are in two parts: merge it whole
        done |= orders
        step(0.05 + 0.25 * min(1.0, n_parts / estimate), "checking values")
    if bad_rows and not opts.skip_bad_rows:   # named with the count of the whole file
        raise bad_rows_error(min(bad_rows, key=lambda b: b["line"]), bad_count, parts.file)
    if stage is None:
        return None
    decimal = opts.decimal or ("," if comma > dot else ".")
    facts = {"decimal": decimal, "date_format": None, "date_ambiguous": False,
             "date_candidates": [], "columns": stage.cols}
    notes: list = []
    date_format = opts.date_format
    if "ordered_at" in stage.frame:
        texts = pd.Series(pd.unique(np.concatenate(dates)) if dates else [], dtype=object)
        date_format, found, note = choose_date_format(texts.astype(str), stage.cols.get("ordered_at"),
                                                      opts.date_format, parts.file)
        facts.update(found, date_format=date_format)
        notes += [note] if note else []
    return Judged(preset, replace(opts, decimal=decimal, date_format=date_format), facts, notes,
                  n_parts)


def _order_column(preset: Preset, parts: TextParts, opts: Options) -> str | None:
    """The file's order number column (its rows are kept together), if mapped."""
    header = parts.layout.names
    column = resolve_columns(preset, header, opts.mapping).get("order_id")
    return column if column in header else None


def _whole_orders(parts: Iterator[RawTable], column: str | None) -> Iterator[RawTable]:
    """``parts`` with the rows of each part's last order moved to the next part."""
    held: RawTable | None = None
    for raw in parts:
        if held is not None:
            raw = _concat(held, raw)
            held = None
        if column is not None and len(raw.frame):
            order = raw.frame[column].to_numpy(dtype=object)
            last = str(order[-1]).strip()
            if last:
                tail = order == order[-1]
                held = _rows(raw, tail, bad_rows=[])
                raw = _rows(raw, ~tail, bad_rows=raw.bad_rows)
        if len(raw.frame) or raw.bad_rows:
            yield raw
    if held is not None:
        yield held


def _rows(raw: RawTable, mask: np.ndarray, bad_rows: list) -> RawTable:
    return RawTable(raw.frame.loc[mask].reset_index(drop=True), raw.header, raw.lines[mask],
                    raw.detected, raw.warnings, bad_rows)


def _concat(a: RawTable, b: RawTable) -> RawTable:
    return RawTable(pd.concat([a.frame, b.frame], ignore_index=True), b.header,
                    np.concatenate([a.lines, b.lines]), b.detected, b.warnings,
                    a.bad_rows + b.bad_rows)


SUMMED = ("rows_read", "rows_imported", "rows_skipped", "lines_stored", "orders",
          "return_lines", "reversed_lines", "non_product_lines")


class ReportTally:
    """The report of a file read in parts: the parts' reports added up
    (``pipeline.build_report`` per part), with pass 1's date and decimal facts."""

    def __init__(self, facts: dict, notes: list):
        self.facts, self.notes = facts, notes
        self.total: dict | None = None
        self.countries: set = set()
        self.reasons: dict[str, dict] = {}
        self.warnings: list = []
        self.vat: set = set()

    def add(self, part: dict, rows: pd.DataFrame) -> None:
        self.countries |= set(rows["country"].dropna().astype(str).unique().tolist())
        for item, (text, rows_n) in zip(part["skipped_reason_codes"], part["skipped_reasons"].items()):
            entry = self.reasons.setdefault(text, {**item, "rows": 0})
            entry["rows"] += rows_n
        self.warnings = merge_messages(self.warnings, part["warnings"])
        if part.get("lines_stored"):
            self.vat.add(part.get("vat"))
        if self.total is None:
            self.total = dict(part)
            return
        total = self.total
        for key in SUMMED:
            total[key] = total.get(key, 0) + part.get(key, 0)
        total["skipped_examples"] = (total["skipped_examples"] + part["skipped_examples"])[:50]
        for key, pick in (("first_date", min), ("last_date", max)):
            values = [v for v in (total.get(key), part.get(key)) if v is not None]
            total[key] = pick(values) if values else None
        total["currencies"] = sorted(set(total["currencies"]) | set(part["currencies"]))
        total["unknown_countries"] = list(dict.fromkeys(total["unknown_countries"]
                                                        + part["unknown_countries"]))

    def report(self) -> dict:
        if self.total is None:
            return {}
        out = dict(self.total)
        out["countries"] = len(self.countries)
        if self.vat:
            out["vat"] = next(iter(self.vat)) if len(self.vat) == 1 else "mixed"
        reasons = sorted(self.reasons.items(), key=lambda kv: -kv[1]["rows"])
        out["skipped_reasons"] = {text: item["rows"] for text, item in reasons}
        out["skipped_reason_codes"] = [item for _, item in reasons]
        out["detected"] = {**out["detected"], **{k: v for k, v in self.facts.items()
                                                 if k in out["detected"]}}
        out["columns"] = self.facts["columns"]
        out["warnings"] = merge_messages(self.notes, self.warnings)
        out["parts"] = True
        return out


def merge_messages(first: list, second: list) -> list:
    """Warnings of two parts as one list: a code seen before is kept once, its ``count``
    added up and its ``names`` joined (at most 10)."""
    out = list(first)
    for message in second:
        code = getattr(message, "code", None)
        same = next((i for i, m in enumerate(out)
                     if code is not None and getattr(m, "code", None) == code
                     or code is None and m == message), None)
        if same is None:
            out.append(message)
            continue
        if code is None:
            continue
        params = dict(out[same].params)
        if "count" in params and "count" in message.params:
            params["count"] += message.params["count"]
        if "names" in params and "names" in message.params:
            params["names"] = list(dict.fromkeys(params["names"] + message.params["names"]))[:10]
        out[same] = Message(code, params)
    return out
