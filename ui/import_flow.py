"""Glue between the Data page's widgets and the import pipeline: each uploaded file is read
and validated once per (file, settings) and kept in the session until it is committed."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ecom_models.ingest.errors import IngestError
from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import Prepared, commit, content_hash, prepare
from ecom_models.ingest.presets import ORDER_FIELDS, PRESETS, detect_preset, resolve_columns
from ecom_models.ingest.reader import read_table
from ecom_models.store.imports import find_import

from .loaders import db_path

CACHE = "_prepared_uploads"


@dataclass
class Upload:
    """One uploaded file after validation: exactly one of prepared / error / known is set."""

    name: str
    header: list[str]
    prepared: Prepared | None = None
    error: IngestError | None = None
    known: dict | None = None


def _key(file, fmt: str, opts: Options) -> tuple:
    return (file.file_id, fmt, opts.decimal, opts.date_format, opts.currency, opts.skip_bad_rows,
            tuple(sorted(opts.mapping.items())))


def validate(file, fmt: str, opts: Options) -> Upload:
    """Read + validate an uploaded file (cached in the session by file id and settings)."""
    cache = st.session_state.setdefault(CACHE, {})
    key = _key(file, fmt, opts)
    if key in cache:
        return cache[key]
    raw = file.getvalue()
    known = find_import(db_path(), content_hash(raw))
    header: list[str] = []
    try:
        header = read_table(raw, file.name, skip_bad_rows=True).header
    except IngestError:
        pass
    if known:
        upload = Upload(file.name, header, known=known)
    else:
        try:
            upload = Upload(file.name, header, prepared=prepare(raw, file.name, fmt, opts))
        except IngestError as exc:
            upload = Upload(file.name, header, error=exc)
    cache[key] = upload
    return upload


def mapping_fields(header: list[str], fmt: str) -> tuple[list[str], dict[str, str]]:
    """Fields the user can map for this file, and the columns detected for them."""
    preset, match = detect_preset(header, fmt if fmt != "auto" else "auto")
    if match < 0.75:
        preset = PRESETS["generic"]
    fields = list(preset.columns) if preset.kind == "products" else list(ORDER_FIELDS)
    return fields, resolve_columns(preset, header)


def commit_upload(upload: Upload) -> dict:
    """Write one validated upload; progress is shown while the rows are written."""
    bar = st.progress(0.0, text=upload.name)
    result = commit(upload.prepared, db_path(),
                    progress=lambda f, msg: bar.progress(min(f, 1.0), text=f"{upload.name}: {msg}"))
    bar.empty()
    st.session_state.pop(CACHE, None)
    return result
