"""The store: migrations, idempotent and overlapping imports, deletes, concurrency, crashes."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

from ecom_models.ingest.pipeline import import_bytes
from ecom_models.store.imports import delete_import, list_imports
from ecom_models.store.migrations import applied_migrations, ensure_schema
from ecom_models.store.queries import order_lines
from tests.store.migration_names import ALL_MIGRATIONS
from tests.conftest import REPO, snapshot

HEADER = "order_id,date,sku,name,quantity,price\n"


def orders_csv(order_ids, sku_prefix="A", price=10.0) -> bytes:
    rows = [f"{o},2024-03-0{1 + o % 9},{sku_prefix}{o % 5},Item {o},2,{price}\n" for o in order_ids]
    return (HEADER + "".join(rows)).encode()


def revenue(db) -> float:
    lines = order_lines(db)
    return float((lines["quantity"] * lines["unit_price"]).sum())


def test_migrations_are_recorded_and_idempotent(db):
    ensure_schema(db)
    ensure_schema(db)
    assert applied_migrations(db) == ["0001_initial", "0002_line_identity", "0003_scenarios", "0004_surveys"]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"imports", "order_lines", "products", "customers", "channels", "settings", "_sqlite_migrations"} <= tables


def test_same_file_twice_is_already_imported_and_changes_nothing(db):
    raw = orders_csv(range(1, 11))
    first = import_bytes(raw, "orders.csv", db, "generic")
    assert first["status"] == "imported"
    before = snapshot(db)
    second = import_bytes(raw, "orders-copy.csv", db, "generic")
    assert second["status"] == "already_imported"
    assert second["import_id"] == first["import_id"]
    assert snapshot(db) == before


def test_overlapping_exports_upsert_and_never_double_revenue(db):
    a = import_bytes(orders_csv(range(1, 11)), "jan.csv", db, "generic")
    b = import_bytes(orders_csv(range(6, 16)), "jan-feb.csv", db, "generic")
    assert (a["status"], b["status"]) == ("imported", "imported")
    assert (b["rows_updated"], b["lines_unchanged"], b["lines_new"]) == (0, 5, 5)  # 6..10 stored
    assert len(order_lines(db)) == 15
    assert revenue(db) == pytest.approx(15 * 2 * 10.0)


def test_delete_removes_exactly_that_imports_rows(db):
    a = import_bytes(orders_csv(range(1, 11)), "a.csv", db, "generic")
    b = import_bytes(orders_csv(range(100, 120), "B"), "b.csv", db, "generic")
    gone = delete_import(db, b["import_id"])
    assert gone == {"deleted": True, "order_lines": 20, "products": 0}
    lines = order_lines(db)
    assert len(lines) == 10 and set(lines["import_id"]) == {a["import_id"]}
    assert list(list_imports(db)["id"]) == [a["import_id"]]
    assert delete_import(db, 999)["deleted"] is False


def test_hostile_text_is_stored_verbatim(db):
    raw = (HEADER + '1,2024-03-01,00123,<img src=x onerror=alert(1)>,1,5\n'
           '2,2024-03-01,NA,[x](javascript:alert(1)),1,5\n3,2024-03-01,\'560029,NA,1,5\n').encode()
    assert import_bytes(raw, "hostile.csv", db, "generic")["status"] == "imported"
    lines = order_lines(db).set_index("order_id")
    assert lines.at["1", "product_name"] == "<img src=x onerror=alert(1)>"
    assert lines.at["1", "sku"] == "00123"
    assert lines.at["2", "sku"] == "NA"
    assert lines.at["2", "product_name"] == "[x](javascript:alert(1))"
    assert lines.at["3", "sku"] == "560029" and lines.at["3", "product_name"] == "NA"


def test_eight_threads_import_different_files_at_once(db):
    ensure_schema(db)
    files = [(orders_csv(range(k * 1000, k * 1000 + 300), f"T{k}-"), f"t{k}.csv") for k in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda f: import_bytes(f[0], f[1], db, "generic"), files))
    assert [r["status"] for r in results] == ["imported"] * 8
    assert len(order_lines(db)) == 8 * 300
    assert len(list_imports(db)) == 8


CHILD = textwrap.dedent("""
    import sys, os
    sys.path.insert(0, {repo!r})
    from ecom_models.ingest.pipeline import import_bytes
    rows = "".join(f"{{o}},2024-03-01,S{{o % 50}},Item,1,2.5\\n" for o in range(300_000))
    raw = ("order_id,date,sku,name,quantity,price\\n" + rows).encode()
    def progress(fraction, message):
        if message == "writing":
            print("WRITING", flush=True)
    import_bytes(raw, "big.csv", {db!r}, "generic", progress=progress)
    print("DONE", flush=True)
""")


def test_process_killed_mid_import_leaves_all_or_nothing(db):
    seed = import_bytes(orders_csv(range(1, 11)), "seed.csv", db, "generic")
    assert seed["status"] == "imported"
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(repo=str(REPO), db=str(db))],
                             stdout=subprocess.PIPE, text=True)
    try:
        first = child.stdout.readline().strip()
        child.kill()           # SIGKILL: no cleanup, the transaction is cut off
    finally:
        child.wait(timeout=60)
    assert first == "WRITING"  # the kill landed after rows were being written
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = conn.execute("SELECT count(*) FROM order_lines").fetchone()[0]
    imports = conn.execute("SELECT count(*) FROM imports").fetchone()[0]
    assert (count, imports) == (10, 1), "the killed import must leave none of its rows"


def test_reexport_that_fixes_a_skipped_row_adds_only_that_line(db):
    """Lines are identified by their content, so a re-export that fixes a skipped row adds
    that row and changes nothing else: 3 lines, not 2 + 3."""
    from ecom_models.ingest.normalize import Options

    broken = (HEADER + "1,2024-03-01,A,Mug,1,10\n1,2024-03-01,B,Plate,two,5\n"
              "1,2024-03-01,C,Bowl,1,7\n").encode()
    fixed = broken.replace(b",two,", b",2,")
    first = import_bytes(broken, "jan.csv", db, "generic", Options(skip_bad_rows=True))
    assert (first["status"], first["rows_imported"]) == ("imported", 2)
    second = import_bytes(fixed, "jan-fixed.csv", db, "generic")
    assert (second["rows_updated"], second["lines_unchanged"], second["lines_new"]) == (0, 2, 1)
    assert sorted(order_lines(db)["sku"].astype(str)) == ["A", "B", "C"]
    assert revenue(db) == pytest.approx(10 + 10 + 7)
