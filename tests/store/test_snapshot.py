"""The columnar snapshot is brought up to date at the end of every import and delete, and
always equals what the store holds (no visitor waits for a rebuild)."""
from __future__ import annotations

import pandas as pd

from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import import_bytes
from ecom_models.store.imports import delete_import
from ecom_models.store.queries import raw_lines, store_version
from ecom_models.store.snapshot import _read_if_current, snapshot_path

HEADER = "order_id,date,sku,name,quantity,price\n"


def current_snapshot(db) -> pd.DataFrame:
    frame = _read_if_current(snapshot_path(db), store_version(db))
    assert frame is not None, "the snapshot must be current right after the write"
    return frame


def same(db) -> None:
    snap = current_snapshot(db).sort_values("id").reset_index(drop=True)
    store = raw_lines(db).sort_values("id").reset_index(drop=True)
    assert list(snap.columns) == list(store.columns)
    pd.testing.assert_frame_equal(snap.astype(str), store.astype(str))


def test_snapshot_follows_inserts_corrections_removals_and_deletes(db):
    first = import_bytes((HEADER + "1,2024-03-01,A,Mug,2,3\n1,2024-03-01,B,Cup,1,4\n"
                          "2,2024-03-02,C,Bowl,1,7\n").encode(), "a.csv", db, "generic")
    same(db)
    # order 1 corrected (A: 2 → 3) and lacking B, removed on request; order 3 is new
    import_bytes((HEADER + "1,2024-03-01,A,Mug,3,3\n3,2024-03-03,D,Jug,1,9\n").encode(), "b.csv",
                 db, "generic", Options(replace_orders=True))
    same(db)
    assert sorted(current_snapshot(db)["sku"].astype(str)) == ["A", "C", "D"]
    delete_import(db, first["import_id"])
    same(db)
    assert sorted(current_snapshot(db)["sku"].astype(str)) == ["A", "D"]


def test_a_stale_snapshot_is_rebuilt_by_the_import(db):
    import_bytes((HEADER + "1,2024-03-01,A,Mug,2,3\n").encode(), "a.csv", db, "generic")
    snapshot_path(db).unlink()
    import_bytes((HEADER + "2,2024-03-01,B,Cup,1,4\n").encode(), "b.csv", db, "generic")
    same(db)
