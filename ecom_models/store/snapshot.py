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
from typing import Callable

import numpy as np
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


# Bump when the snapshot's columns change: a snapshot of an older layout is then rebuilt.
SNAPSHOT_FORMAT = 3


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
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


Query = Callable[[Path | str], "tuple[pd.DataFrame, tuple]"]


def cached_lines(db: Path | str, version: tuple, query: Query) -> tuple[pd.DataFrame, tuple]:
    """The order lines for store ``version`` and the version they belong to: from the
    snapshot if it matches, else from ``query(db)``, which returns the lines and their
    version (the snapshot is stamped with that one: it may be newer than ``version``)."""
    path = snapshot_path(db)
    frame = _read_if_current(path, version)
    if frame is not None:
        return frame, version
    frame, actual = query(db)
    _write(path, frame, actual)
    return frame, actual


def apply_change(db: Path | str, before: tuple, after: tuple, added: pd.DataFrame | None,
                 removed_ids, query: Query, start_empty: bool = False) -> tuple[pd.DataFrame, tuple]:
    """Bring the snapshot from store version ``before`` to ``after`` right after a write:
    drop the lines ``removed_ids`` (changed or deleted), append ``added`` (new or changed
    lines, typed like the snapshot). When the snapshot is not at ``before`` (another
    writer came in between, or there is none), it is rebuilt from the store instead. Runs
    at the end of every import and delete, so no visitor waits for it. Returns the lines
    written and the version they were stamped with (the sales cube is built from them)."""
    path = snapshot_path(db)
    frame = _read_if_current(path, before)
    if frame is None and start_empty and added is not None:
        frame = added.iloc[:0]
    if frame is None:
        frame, actual = query(db)
        _write(path, frame, actual)
        return frame, actual
    removed = np.asarray(list(removed_ids), dtype=np.int64)
    if len(removed):
        frame = frame.loc[~np.isin(frame["id"].to_numpy(), removed)]
    if added is not None and len(added):
        categorical = [c for c in frame.columns if isinstance(added[c].dtype, pd.CategoricalDtype)
                       or isinstance(frame[c].dtype, pd.CategoricalDtype)]
        frame = pd.concat([frame, added[frame.columns]], ignore_index=True)
        frame = frame.astype({c: "category" for c in categorical})
    frame = frame.reset_index(drop=True)
    _write(path, frame, after)
    return frame, after
