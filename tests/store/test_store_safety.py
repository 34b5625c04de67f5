"""The store's guarantees under faults: reads never create a store, a full disk is a clear
rejection, eight processes creating one new store at once, an old store upgraded in place."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest
import sqlite_utils

from ecom_models.ingest.pipeline import import_bytes
from ecom_models.store.migrations import applied_migrations, ensure_schema, migrations
from ecom_models.store.queries import StoreMissing, order_lines, products
from tests.store.migration_names import ALL_MIGRATIONS
from tests.conftest import REPO

CSV = b"order_id,date,sku,name,quantity,price\n1,2024-03-01,A,Mug,2,9.50\n"


def cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ecom_models", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, **kw)


@pytest.mark.parametrize("command", ["summary", "elasticity"])
def test_a_read_on_a_missing_store_fails_clearly_and_creates_nothing(tmp_path, command):
    """Guards against: a typo in --db made an empty database and a Parquet file, exit 0."""
    missing = tmp_path / "typo" / "ecom.db"
    result = cli(command, "--db", missing, "--json")
    assert result.returncode == 2
    assert "no store at" in result.stderr and "Traceback" not in result.stderr
    assert not missing.parent.exists()
    with pytest.raises(StoreMissing):
        order_lines(tmp_path / "nothing.db")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_clear_rejection_with_nothing_imported(tmp_path):
    """Guards against: a traceback and exit 1 when the disk fills during an import."""
    big = tmp_path / "big.csv"
    big.write_text("order_id,date,sku,name,quantity,price\n"
                   + "".join(f"{o},2024-03-01,S{o % 50},Item {o},1,2.5\n" for o in range(150_000)))
    db = tmp_path / "full.db"
    result = subprocess.run(
        ["bash", "-c", f"ulimit -f 3000; {sys.executable} -m ecom_models import {big} "
                       f"--db {db} --format generic --currency EUR --json"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    record = json.loads(result.stdout)
    assert record["status"] == "rejected"
    assert "disk is full" in record["error"] and "nothing was imported" in record["error"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM order_lines").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from ecom_models.ingest.pipeline import import_bytes
    k = int(sys.argv[1])
    rows = "".join(f"{{k}}-{{o}},2024-03-01,S{{o}},Item,1,2.5\\n" for o in range(5))
    raw = ("order_id,date,sku,name,quantity,price\\n" + rows).encode()
    r = import_bytes(raw, f"f{{k}}.csv", {db!r}, "generic")
    print(r["status"], r.get("error", ""))
""")


def test_eight_processes_create_one_new_store_at_once(tmp_path):
    """Guards against: IntegrityError on _sqlite_migrations when importers race to create
    the schema of a store that does not exist yet (3 of 7 runs lost files)."""
    db = tmp_path / "new.db"
    code = CHILD.format(repo=str(REPO), db=str(db))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(k)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for k in range(8)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outputs]
    assert [o[0].split()[0] for o in outputs] == ["imported"] * 8
    assert len(order_lines(db)) == 40
    assert applied_migrations(db) == ["0001_initial", "0002_line_identity", "0003_scenarios", "0004_surveys"]


def _store_at_0001(path) -> None:
    """A store as migration 0001 made it, with a UCI import and a Shopware import whose
    line numbers are orderDetailIds (negative: the netting line of a cancelled order)."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(sqlite_utils.Database(conn), stop_before="0002_line_identity")
    conn.execute("INSERT INTO imports (id, file_name, content_hash, format, kind, detected, "
                 "rows_read, rows_imported, rows_skipped, report, imported_at) VALUES "
                 "(1, 'uci.csv', 'h1', 'online-retail', 'orders', '{}', 2, 2, 0, '{}', '2024'),"
                 "(2, 'sw.csv', 'h2', 'shopware', 'orders', '{}', 1, 1, 0, '{}', '2024'),"
                 "(3, 'prices.csv', 'h3', 'shopware-prices', 'products', '{}', 1, 1, 0, '{}', '2024')")
    lines = [
        (1, "online-retail", "536365", 1, "2010-12-01 08:26:00", "85123A", "HEART", 6, 2.55, "GBP", "17850", "United Kingdom"),
        (1, "online-retail", "536365", 2, "2010-12-01 08:26:00", "71053", "LANTERN", 6, 3.39, "GBP", "17850", "EIRE"),
        (2, "shopware", "57", 201, "2012-08-31 08:51:46", "SW10001", "Tee", 1, 30.24, "EUR", "3", None),
        (2, "shopware", "57", -201, "2012-08-31 08:51:46", "SW10001", "Tee", -1, 30.24, "EUR", "3", None),
    ]
    conn.executemany("INSERT INTO order_lines (import_id, channel, order_id, line_no, ordered_at, "
                     "sku, product_name, quantity, unit_price, currency, customer_id, country) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", lines)
    conn.execute("INSERT INTO products (sku, name, unit_cost, current_price, import_id) "
                 "VALUES ('SW10001', 'Tee', 12.5, 35.99, 3)")
    conn.execute("INSERT INTO settings (key, value) VALUES ('data_version', '3')")
    conn.close()


def test_a_store_made_by_migration_0001_is_upgraded_in_place(tmp_path):
    db = tmp_path / "old.db"
    _store_at_0001(db)
    ensure_schema(db)
    assert applied_migrations(db) == ["0001_initial", "0002_line_identity", "0003_scenarios", "0004_surveys"]
    lines = order_lines(db).sort_values(["channel", "sku", "quantity"])
    assert len(lines) == 4
    assert lines["channel"].astype(str).tolist() == ["online-retail", "online-retail", "shopware", "shopware"]
    assert lines["country"].astype(str).tolist()[:2] == ["IE", "GB"]
    ids = lines["customer_id"].astype(str)
    assert "17850" not in set(ids) and ids.str.fullmatch(r"[0-9a-f]{16}").all()
    assert lines["category"].isna().all()
    table = products(db)
    assert table[["channel", "sku", "unit_cost"]].values.tolist() == [["shopware", "SW10001", 12.5]]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = "
                        "'order_lines_natural_key'").fetchone()[0] == 1
    # the same lines imported again after the upgrade are recognised: nothing changes
    uci = ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
           "536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
           "536365,71053,LANTERN,6,12/1/2010 8:26,3.39,17850,EIRE\n").encode()
    again = import_bytes(uci, "uci-again.csv", db)
    assert (again["lines_new"], again["rows_updated"], again["lines_unchanged"]) == (0, 0, 2)


def test_the_natural_key_is_enforced_by_the_schema(db):
    """Guards against: a future writer inserting a second copy of a stored line."""
    import_bytes(CSV, "a.csv", db, "generic")
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO order_lines (import_id, channel_id, order_id, line_key, sku, "
                     "quantity) SELECT import_id, channel_id, order_id, line_key, sku, quantity "
                     "FROM order_lines")
