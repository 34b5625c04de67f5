"""Import pipeline: bytes -> read -> detect format -> normalise -> report -> store.

``prepare`` does everything except writing, so the app can show a preview and the
validation report before the user commits; ``commit`` writes in one transaction;
``import_file`` is both for the CLI and batch work.
"""
from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .errors import IngestError
from ..messages import Message, coded
from .normalize import Normalized, Options, normalize_orders, normalize_products
from .presets import Preset, pick_preset
from .reader import RawTable, read_table

if TYPE_CHECKING:
    from .streaming import Judged
    from .text_parts import TextParts

MAX_UPLOAD_MB = 200
SKIPPED_EXAMPLES = 50


@dataclass
class Prepared:
    """A parsed, validated file ready to be written (nothing is in the store yet).

    A large upload is kept in parts on disk (``parts``, ``judged``: ``streaming``); then
    ``rows`` holds only its first lines, for the preview, and ``planned`` what it would
    do to the store, with the store version that was judged against."""

    file_name: str
    content_hash: str
    preset: Preset
    rows: pd.DataFrame
    report: dict
    parts: "TextParts | None" = None
    judged: "Judged | None" = None
    planned: tuple | None = None

    def discard(self) -> None:
        """Remove the upload's temporary copy on disk (a large upload has one)."""
        if self.parts is not None:
            self.parts.path.unlink(missing_ok=True)


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_and_detect(raw: bytes, file_name: str, fmt: str, opts: Options, progress=None,
                    upload_limit: bool = True) -> tuple[RawTable, Preset]:
    """Read the file and pick its preset. Raises ``IngestError`` (naming file/line/column).
    ``upload_limit``: apply the app's upload limit ``MAX_UPLOAD_MB`` (the command line
    reads files of any size)."""
    step = progress or (lambda fraction, message: None)
    max_mb = MAX_UPLOAD_MB
    if upload_limit and len(raw) > max_mb * 1024 * 1024:
        raise IngestError(code="file_too_large",
                          params={"size_mb": len(raw) / 1024 / 1024, "limit_mb": max_mb},
                          file=file_name, hint_code="hint.upload_too_large")
    step(0.05, "reading")
    table = read_table(raw, file_name, skip_bad_rows=opts.skip_bad_rows)
    preset = detect_preset(table.header, fmt, opts, file_name, table.detected.get("header_line"))
    step(0.3, "checking values")
    return table, preset


def detect_preset(header: list[str], fmt: str, opts: Options, file_name: str,
                  header_line: int | None) -> Preset:
    """The layout of a file with this header; raises ``IngestError`` when no layout
    matches and the user mapped no columns."""
    preset, recognised = pick_preset(header, fmt)
    if not recognised and not opts.mapping:
        raise IngestError(
            code="unknown_format",
            params={"columns": ", ".join(header[:15]) + (" …" if len(header) > 15 else "")},
            file=file_name, line=header_line, hint_code="hint.generic_format")
    return preset


def as_rejection(exc: Exception, file_name: str) -> IngestError:
    if isinstance(exc, IngestError):
        return exc if exc.file else exc.with_file(file_name)
    return IngestError(str(exc), file=file_name, hint_code="hint.check_settings")


def prepare(raw: bytes, file_name: str, fmt: str = "auto", options: Options | None = None,
            progress=None, upload_limit: bool = True) -> Prepared:
    """Read and validate one file. Raises ``IngestError`` (naming file/line/column)."""
    opts = options or Options()
    try:
        table, preset = read_and_detect(raw, file_name, fmt, opts, progress, upload_limit)
        return _prepare_table(table, preset, content_hash(raw), file_name, opts, progress)
    except (IngestError, ValueError) as exc:
        raise as_rejection(exc, file_name) from None


def _prepare_table(table: RawTable, preset: Preset, digest: str, file_name: str, opts: Options,
                   progress=None) -> Prepared:
    from .customers import normalize_customers

    normalize = {"orders": normalize_orders, "products": normalize_products,
                 "customers": normalize_customers}[preset.kind]
    result = normalize(table, preset, opts, file_name)
    if progress:
        progress(0.6, "validated")
    report = build_report(file_name, preset, table.detected, len(table.frame) + len(table.bad_rows),
                          result, table.bad_rows)
    return Prepared(file_name, digest, preset, result.frame, report)


def build_report(file_name: str, preset: Preset, detected: dict, rows_read: int,
                 result: Normalized, bad_rows: list[dict]) -> dict:
    """The validation report shown before and after committing (JSON-serialisable)."""
    rows, skipped = result.frame, result.skipped
    if bad_rows:
        skipped = pd.concat([skipped, pd.DataFrame(
            {"line": [b["line"] for b in bad_rows],
             "reason": pd.Series([b["problem"] for b in bad_rows], dtype=object)})], ignore_index=True)
    reason_codes = skipped_reason_codes(skipped["reason"])
    report = {
        "file": file_name, "format": preset.name, "format_label": preset.label,
        "format_code": preset.label_code, "kind": preset.kind,
        "detected": {"format": preset.name, "encoding": detected.get("encoding"),
                     "delimiter": detected.get("delimiter"),
                     "delimiter_name": detected.get("delimiter_name"),
                     "decimal": result.facts["decimal"], "date_format": result.facts["date_format"],
                     "date_ambiguous": result.facts["date_ambiguous"],
                     "date_candidates": result.facts["date_candidates"],
                     "header_line": detected.get("header_line"),
                     "container": detected.get("container")},
        "columns": result.facts["columns"],
        "rows_read": int(rows_read),
        "rows_imported": int(rows_read - len(skipped)),
        "rows_skipped": int(len(skipped)),
        "lines_stored": int(len(rows)),
        # {English reason: rows} (CLI, JSON); the same as codes for pages: [{code, params, rows}]
        "skipped_reasons": {text: item["rows"] for text, item in reason_codes.items()},
        "skipped_reason_codes": list(reason_codes.values()),
        "skipped_examples": skipped.head(SKIPPED_EXAMPLES).to_dict("records"),
        "warnings": result.warnings + [Message(code) for code in preset.note_codes],
    }
    if preset.kind == "orders" and rows["customer_id"].notna().any():
        report["warnings"].append(Message("pseudonyms"))
    if preset.kind == "orders":
        dated = rows["ordered_at"].dropna()
        report.update({
            "orders": int(rows["order_id"].nunique()),
            "return_lines": int(rows["is_return"].sum()),
            "reversed_lines": int(result.facts["reversed"]),
            "non_product_lines": int((~rows["is_product"]).sum()),
            "first_date": str(dated.min()) if len(dated) else None,
            "last_date": str(dated.max()) if len(dated) else None,
            "currencies": sorted(str(c) for c in rows["currency"].dropna().unique()),
            "countries": int(rows["country"].nunique()),
            "unknown_countries": list(result.facts.get("unknown_countries", [])),
            "vat": ("net" if (rows["price_basis"] == "net").all() else
                    "mixed" if (rows["price_basis"] == "net").any() else "as_exported")
            if len(rows) else "as_exported",
        })
    elif preset.kind == "customers":
        report.update({"customers": int(len(rows)),
                       "with_country": int(rows["country"].notna().sum())})
    else:
        report.update({"products": int(len(rows)),
                       "with_unit_cost": int(rows["unit_cost"].notna().sum())})
    return report


def skipped_reason_codes(reasons: pd.Series) -> dict[str, dict]:
    """English text of each skip reason -> ``{"code", "params", "rows"}``, most rows first
    (a plain-text reason gets ``code`` None and its text as ``params["text"]``)."""
    codes, uniques = pd.factorize(reasons.to_numpy(dtype=object))
    rows = pd.Series(codes).value_counts()
    out: dict[str, dict] = {}
    for i, n in rows.items():
        reason = uniques[int(i)]
        found = coded(reason)
        item = ({"code": found[0], "params": found[1]} if found
                else {"code": None, "params": {"text": str(reason)}})
        entry = out.setdefault(str(reason), {**item, "rows": 0})
        entry["rows"] += int(n)
    return out


def channel_of(prepared: Prepared, options: Options | None = None) -> str:
    """The channel the file's orders, products and customers belong to: the user's name for
    the shop (``Options.channel``) or the shop system of the layout."""
    return channel_name(prepared.preset, options)


def channel_name(preset: Preset, options: Options | None = None) -> str:
    """``channel_of`` for a layout (``preset``) and the user's options."""
    return ((options.channel if options else None) or preset.channel).strip()


def preview(prepared: Prepared, db: Path | str, options: Options | None = None) -> dict:
    """What committing would do to the stored figures (nothing is written): counts of new,
    changed, unchanged lines, stored lines of the file's orders that it lacks, and the
    revenue effect per currency (``store.merge.MergePlan.summary``)."""
    from ..store.imports import preview_import

    if prepared.parts is not None:
        from .streaming import plan_in_parts, version_of

        version = version_of(db)
        if prepared.planned is None or prepared.planned[0] != version:
            prepared.planned = (version, plan_in_parts(prepared.parts, prepared.judged, db)[1])
        return prepared.planned[1]

    if prepared.preset.kind != "orders" or not Path(db).is_file():
        from ..store.merge import plain_summary

        return plain_summary(len(prepared.rows))
    return preview_import(db, channel_of(prepared, options), prepared.rows,
                          prepared.preset.ledger, bool(options and options.replace_orders))


def commit(prepared: Prepared, db: Path | str, progress=None, options: Options | None = None
           ) -> dict:
    """Write a prepared file in one transaction; returns the import outcome. A store that
    cannot be written (disk full, read-only) rolls back and gives a 'rejected' outcome."""
    from ..store.imports import write_import

    if prepared.parts is not None:
        from .streaming import import_in_parts

        try:
            return import_in_parts(prepared.parts, db, prepared.preset.name, prepared.judged.options,
                                   prepared.content_hash, progress, prepared.judged)
        except IngestError as exc:
            return outcome(prepared.file_name, "rejected", None, error=as_rejection(exc, prepared.file_name))
        finally:
            prepared.discard()

    report = prepared.report
    meta = store_meta(prepared.file_name, prepared.content_hash, prepared.preset, report)
    try:
        written = write_import(db, meta, prepared.preset.kind, channel_of(prepared, options),
                               prepared.rows, progress, ledger=prepared.preset.ledger,
                               replace_orders=bool(options and options.replace_orders))
    except (sqlite3.DatabaseError, OSError) as exc:
        return outcome(prepared.file_name, "rejected", report,
                       error=storage_error(exc, prepared.file_name, db))
    return outcome(prepared.file_name, written["status"], report, written)


def storage_error(exc: Exception, file_name: str, db: Path | str) -> IngestError:
    """A clear rejection for a store that could not be written; nothing was imported."""
    text = str(exc).lower()
    if ("full" in text or "disk i/o" in text
            or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EFBIG)):
        # SQLite reports a full disk as SQLITE_FULL, and a refused write (file size limit,
        # failing disk) as SQLITE_IOERR 'disk I/O error'
        code, params, hint = "disk_full", {}, "hint.free_disk"
    elif "readonly" in text or "read-only" in text or getattr(exc, "errno", None) in (errno.EACCES, errno.EROFS):
        code, params, hint = "store_readonly", {"db": str(db)}, "hint.store_permissions"
    else:
        code, params, hint = "store_write_failed", {"db": str(db), "detail": str(exc)}, "hint.try_again"
    return IngestError(code=code, params=params, file=file_name, hint_code=hint)


def store_meta(file_name: str, digest: str, preset: Preset, report: dict) -> dict:
    """What the store records about an import (see ``store.imports.write_import``)."""
    return {"file_name": file_name, "content_hash": digest, "format": preset.name,
            "detected": report["detected"], "report": report, "rows_read": report["rows_read"],
            "rows_imported": report["rows_imported"], "rows_skipped": report["rows_skipped"]}


def outcome(file_name: str, status: str, report: dict | None, written: dict | None = None,
            error: IngestError | None = None) -> dict:
    """The result record of one file (CLI --json prints exactly this)."""
    report = report or {}
    result = {
        "file": file_name, "status": status,
        "rows_read": report.get("rows_read", 0),
        "rows_imported": report.get("rows_imported", 0) if status == "imported" else 0,
        "lines_stored": (written or {}).get("rows_imported", 0),
        "rows_updated": (written or {}).get("rows_updated", 0),
        "lines_new": (written or {}).get("lines_new", 0),
        "lines_changed": (written or {}).get("rows_updated", 0),
        "lines_unchanged": (written or {}).get("lines_unchanged", 0),
        "lines_not_in_file": (written or {}).get("lines_not_in_file", 0),
        "orders_lacking_lines": (written or {}).get("orders_lacking_lines", 0),
        "lines_removed": (written or {}).get("lines_removed", 0),
        "revenue_effect": (written or {}).get("revenue_effect", {}),
        "rows_skipped": report.get("rows_skipped", 0),
        "detected": report.get("detected", {}),
        "import_id": (written or {}).get("import_id"),
        "report": report,
    }
    if error is not None:
        result["error"] = error.message
        result["error_detail"] = error.to_dict()
    return result


def already_imported(db: Path | str, digest: str, file_name: str) -> dict | None:
    """The 'already_imported' outcome when the store has a file with this content hash."""
    from ..store.imports import find_import

    known = find_import(db, digest)
    if not known:
        return None
    return outcome(file_name, "already_imported", json.loads(known["report"]),
                   {"import_id": known["id"], "rows_imported": 0, "rows_updated": 0})


def import_bytes(raw: bytes, file_name: str, db: Path | str, fmt: str = "auto",
                 options: Options | None = None, progress=None,
                 upload_limit: bool = True) -> dict:
    """Import one file's bytes; never raises for bad input (status 'rejected' instead)."""
    known = already_imported(db, content_hash(raw), file_name)
    if known:
        return known
    try:
        prepared = prepare(raw, file_name, fmt, options, progress, upload_limit)
    except IngestError as exc:
        return outcome(file_name, "rejected", None, error=exc)
    return commit(prepared, db, progress, options)


def import_file(path: Path | str, db: Path | str, fmt: str = "auto",
                options: Options | None = None, progress=None, *,
                part_bytes: int | None = None, whole_bytes: int | None = None) -> dict:
    """Import a file from disk (see ``import_bytes``); no upload size limit. An order export
    of more than ``whole_bytes`` of text (``text_parts.WHOLE_BYTES``) is read and written in
    parts of ``part_bytes`` (``text_parts.PART_BYTES``), so memory follows a part, not the
    file (``streaming``)."""
    from .streaming import import_in_parts
    from .text_parts import PART_BYTES, WHOLE_BYTES, open_parts

    path = Path(path)
    opts = options or Options()
    try:
        parts = open_parts(path, path.name, part_bytes=part_bytes or PART_BYTES,
                           whole_bytes=WHOLE_BYTES if whole_bytes is None else whole_bytes,
                           skip_bad_rows=opts.skip_bad_rows)
        if parts is not None:
            digest = file_hash(path)
            known = already_imported(db, digest, path.name)
            if known:
                return known
            done = import_in_parts(parts, db, fmt, opts, digest, progress)
            if done is not None:
                return done
        raw = path.read_bytes()
    except IngestError as exc:
        return outcome(path.name, "rejected", None, error=as_rejection(exc, path.name))
    except OSError as exc:
        return outcome(path.name, "rejected", None,
                       error=IngestError(code="cannot_open", params={"detail": str(exc.strerror)},
                                         file=path.name, hint_code="hint.check_path"))
    return import_bytes(raw, path.name, db, fmt, options, progress, upload_limit=False)


def file_hash(path: Path) -> str:
    """``content_hash`` of a file's bytes, read 1 MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
