"""A columnar (Parquet) snapshot of the order lines beside the store.

Turning 541,909 SQLite rows into a DataFrame through Python tuples takes seconds; reading
the same lines from Parquet takes a fraction of a second, so the first page after a server
start stays fast. The snapshot is derived data: it records the store version it was made
from and is rebuilt after any import or delete. If it cannot be written at all, the lines
are simply returned from the store.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

VERSION_KEY = b"ecom_store_version"


def snapshot_path(db: Path | str) -> Path:
    """Beside the store when its folder can be written, else in the user's cache folder
    (``$XDG_CACHE_HOME`` or ``~/.cache``), named after the store's absolute path: the
    snapshot is never in the way of a read-only store."""
    db = Path(db)
    if os.access(db.resolve().parent, os.W_OK):
        return Path(f"{db}.lines.parquet")
    import hashlib

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ecom-decision-lab"
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:16]
    return cache / f"{db.name}.{digest}.lines.parquet"


def beside(path: Path, suffix: str) -> Path:
    """A new name for a temporary file next to ``path``, unique across processes and
    threads (eight imports at once each write their own)."""
    import secrets

    return path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(6)}.{suffix}")


# Bump when the snapshot's columns change: a snapshot of an older layout is then rebuilt.
SNAPSHOT_FORMAT = 4


def _stamp(version: tuple) -> bytes:
    return json.dumps([SNAPSHOT_FORMAT, *version]).encode()


def _read_if_current(path: Path, version: tuple) -> pd.DataFrame | None:
    """The frame stored at ``path`` if it was made from store ``version``, else None.
    The file is read once and its stamp checked on those very bytes: another process may
    replace the file at any moment, and a stamp read from one file with the rows of the
    next would let a writer append its lines twice."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        data = path.read_bytes()
        table = pq.read_table(pa.BufferReader(data))
    except (OSError, pa.ArrowException):
        return None   # missing or unreadable: the caller rebuilds it
    if (table.schema.metadata or {}).get(VERSION_KEY) != _stamp(version):
        return None
    return table.to_pandas()


def _write(path: Path, frame: pd.DataFrame, version: tuple) -> None:
    """Write atomically (temporary file + rename); a failure leaves no snapshot behind."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           VERSION_KEY: _stamp(version)})
    tmp = beside(path, "tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


# (store version, the store's lines as typed frames): ``queries.versioned_raw_line_parts``
Query = Callable[[Path | str], "tuple[tuple, Iterator[pd.DataFrame]]"]


def cached_lines(db: Path | str, version: tuple, query: Query) -> tuple[pd.DataFrame, tuple]:
    """The order lines for store ``version`` and the version they belong to: from the
    snapshot if it matches, else rebuilt from the store by ``query`` (the snapshot is
    stamped with the version the query saw: it may be newer than ``version``)."""
    path = snapshot_path(db)
    frame = _read_if_current(path, version)
    if frame is not None:
        return frame, version
    actual = rebuild(db, query)
    frame = _read_if_current(path, actual)
    if frame is None:   # the snapshot could not be written: the lines from the store
        _, parts = query(db)
        frame = pd.concat(list(parts), ignore_index=True)
    return frame, actual


def rebuild(db: Path | str, query: Query) -> tuple:
    """Write the snapshot anew from the store, part by part; returns its version."""
    actual, parts = query(db)
    _write_lines(snapshot_path(db), (_line_table(frame) for frame in parts), actual)
    return actual


def _write_lines(path: Path, tables, version: tuple) -> None:
    """Arrow tables of order lines as one snapshot of ``version``, written atomically
    (temporary file + rename); a failure leaves the old file in place."""
    import pyarrow.parquet as pq

    schema = line_schema().with_metadata({VERSION_KEY: _stamp(version)})
    tmp = beside(path, "tmp")
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for table in tables:
                writer.write_table(table.cast(schema))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _line_table(frame: pd.DataFrame):
    """A frame of typed lines (``queries.typed_lines``) as an Arrow table of the snapshot's
    schema."""
    import pyarrow as pa

    schema = line_schema()
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)


def line_schema():
    """The snapshot's Arrow schema (``queries.RAW_LINES_SQL`` columns, typed like
    ``queries.typed_lines``): every part written with it, so parts append to one file."""
    import pyarrow as pa

    text = pa.dictionary(pa.int32(), pa.string())
    return pa.schema([
        ("id", pa.int64()), ("channel", text), ("order_id", text), ("line_key", pa.int64()),
        ("ordered_at", pa.timestamp("us")), ("sku", text), ("product_name", text),
        ("quantity", pa.float64()), ("unit_price", pa.float64()), ("currency", text),
        ("customer_id", text), ("country", text), ("is_return", pa.bool_()),
        ("is_product", pa.bool_()), ("import_id", pa.int64()), ("price_basis", text)])


class LineSpool:
    """The lines an import adds or changes, kept on disk (a temporary Parquet file beside
    the snapshot) until the snapshot is patched, and the ids it removes or changes: an
    import of any size holds one part in memory, not all its lines."""

    def __init__(self, db: Path | str):
        self.path = beside(snapshot_path(db), "spool")
        self.removed: list[int] = []
        self.rows = 0
        self._writer = None

    def add(self, lines: pd.DataFrame | None, removed_ids=()) -> None:
        """Spool ``lines`` (typed like the snapshot) and remember ``removed_ids``."""
        import pyarrow.parquet as pq

        self.removed += [int(i) for i in removed_ids]
        if lines is None or not len(lines):
            return
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, line_schema())
        self._writer.write_table(_line_table(lines))
        self.rows += len(lines)

    def tables(self):
        """The spooled lines as Arrow record batches (closes the writer)."""
        import pyarrow.parquet as pq

        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self.rows:
            yield from pq.ParquetFile(self.path).iter_batches(batch_size=BATCH_ROWS)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.path.unlink(missing_ok=True)


BATCH_ROWS = 500_000


def open_current(path: Path, version: tuple):
    """The snapshot at ``path`` as an open ``ParquetFile`` if it was made from store
    ``version``, else None. Rows are read from the same open file whose stamp was checked
    (a newer file renamed into place meanwhile does not change what is read)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException):
        return None
    if (handle.schema_arrow.metadata or {}).get(VERSION_KEY) != _stamp(version):
        handle.close()
        return None
    return handle


def apply_change(db: Path | str, before: tuple, after: tuple, spool: LineSpool,
                 query: Query, start_empty: bool = False) -> tuple:
    """Bring the snapshot from store version ``before`` to ``after`` right after a write:
    drop the lines ``spool.removed`` (changed or deleted), append the spooled lines (new or
    changed). Streams row groups from the old file and the spool into a new file, so memory
    follows one batch. When the snapshot is not at ``before`` (another writer came in
    between, or there is none), it is rebuilt from the store instead. Runs at the end of
    every import and delete, so no visitor waits for it. Returns the version the snapshot
    was stamped with (the sales cube is built from it)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    path = snapshot_path(db)
    old = open_current(path, before)
    if old is None and not start_empty:
        return rebuild(db, query)
    removed = pa.array(sorted(set(spool.removed)), type=pa.int64())

    def lines():
        if old is not None:
            for batch in old.iter_batches(batch_size=BATCH_ROWS):
                table = pa.Table.from_batches([batch])
                if len(removed):
                    table = table.filter(pc.invert(pc.is_in(table["id"], value_set=removed)))
                yield table
        for batch in spool.tables():
            yield pa.Table.from_batches([batch])

    try:
        _write_lines(path, lines(), after)
    finally:
        if old is not None:
            old.close()
    return after


def snapshot_batches(db: Path | str, version: tuple):
    """The snapshot's lines of store ``version`` as DataFrames of at most ``BATCH_ROWS``
    rows (nothing when the snapshot is at another version)."""
    import pyarrow as pa

    handle = open_current(snapshot_path(db), version)
    if handle is None:
        return
    try:
        for batch in handle.iter_batches(batch_size=BATCH_ROWS):
            yield pa.Table.from_batches([batch]).to_pandas()
    finally:
        handle.close()
