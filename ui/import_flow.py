"""Glue between the Data page's widgets and the import pipeline: each uploaded file is read
and validated once per (file, settings) and kept in the session until it is committed."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ecom_models.ingest.errors import IngestError
from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import Prepared, commit, content_hash
from ecom_models.ingest.presets import ORDER_FIELDS, pick_preset, resolve_columns
from ecom_models.ingest.reader import read_header
from ecom_models.ingest.streaming import prepare_upload
from ecom_models.store.imports import find_import

from .loaders import db_path
from .text import t

CACHE = "_prepared_uploads"


@dataclass
class Upload:
    """One uploaded file after validation: exactly one of prepared / error / known is set."""

    name: str
    header: list[str]
    prepared: Prepared | None = None
    error: IngestError | None = None
    known: dict | None = None
    options: Options | None = None


def _key(file, fmt: str, opts: Options) -> tuple:
    return (file.file_id, fmt, opts.decimal, opts.date_format, opts.currency, opts.skip_bad_rows,
            opts.channel, opts.replace_orders, tuple(sorted(opts.mapping.items())))


def rejection(result: dict) -> IngestError:
    """The error of a rejected commit outcome (e.g. a full disk), to show like any other."""
    d = result["error_detail"]
    return IngestError(d["problem"], file=d["file"], line=d["line"], column=d["column"],
                       hint=d["hint"], code=d.get("code"), params=d.get("params"),
                       hint_code=d.get("hint_code"), hint_params=d.get("hint_params"))


def validate(file, fmt: str, opts: Options) -> Upload:
    """Read + validate an uploaded file (cached in the session by file id and settings)."""
    cache = st.session_state.setdefault(CACHE, {})
    key = _key(file, fmt, opts)
    if key in cache:
        return cache[key]
    raw = file.getvalue()
    known = find_import(db_path(), content_hash(raw))
    columns = header(file)
    if known:
        upload = Upload(file.name, columns, known=known)
    else:
        from .layout import monotone_progress

        bar = st.progress(0.0, text=t("data.checking", file=file.name))
        try:
            prepared = prepare_upload(raw, file.name, db_path(), fmt, opts,
                                      monotone_progress(bar, f"{file.name}:"))
            upload = Upload(file.name, columns, prepared=prepared, options=opts)
        except IngestError as exc:
            upload = Upload(file.name, columns, error=exc)
        bar.empty()
    cache[key] = upload
    return upload


def header(file) -> list[str]:
    """The uploaded file's header (empty when it cannot be read), read once per file."""
    cache = st.session_state.setdefault(CACHE, {})
    key = ("header", file.file_id)
    if key not in cache:
        try:
            cache[key] = read_header(file.getvalue(), file.name)
        except IngestError:
            cache[key] = []
    return cache[key]


def mapping_key(file, field: str) -> str:
    return f"map|{file.file_id}|{field}"


def date_key(file) -> str:
    """Session key of the per-file choice between day-first and month-first dates."""
    return f"datefmt|{file.file_id}"


def user_mapping(file, detected: dict[str, str]) -> dict[str, str]:
    """The fields whose column the user changed in the mapping boxes (not the detected ones)."""
    prefix = mapping_key(file, "")
    chosen = {k[len(prefix):]: v for k, v in st.session_state.items()
              if isinstance(k, str) and k.startswith(prefix)}
    return {field: column for field, column in chosen.items()
            if column and column != detected.get(field)}


def mapping_fields(header: list[str], fmt: str) -> tuple[list[str], dict[str, str]]:
    """Fields the user can map for this file (those of the preset the import will use),
    and the columns detected for them."""
    preset, _ = pick_preset(header, fmt)
    fields = list(preset.columns) if preset.kind == "products" else list(ORDER_FIELDS)
    return fields, resolve_columns(preset, header)


def commit_upload(upload: Upload) -> dict:
    """Write one validated upload; progress is shown while the rows are written."""
    from .layout import monotone_progress

    bar = st.progress(0.0, text=upload.name)
    result = commit(upload.prepared, db_path(), progress=monotone_progress(bar, f"{upload.name}:"),
                    options=upload.options)
    bar.empty()
    st.session_state.pop(CACHE, None)  # other uploads may now be 'already imported' 
    return result
