"""`python -m ecom_models` as a user runs it: a real process, JSON out, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, shared_path


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "ecom_models", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_import_json_then_already_imported_then_summary(tmp_path):
    db = tmp_path / "s.db"
    orders = shared_path("shopware5", "export_orders.csv")
    first = cli("import", orders, "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    record = json.loads(first.stdout)
    assert record["status"] == "imported"
    assert (record["rows_read"], record["rows_imported"], record["rows_skipped"]) == (17, 8, 9)
    assert record["detected"]["delimiter"] == ";" and record["detected"]["format"] == "shopware"
    assert set(record["detected"]) >= {"encoding", "delimiter", "decimal", "date_format", "format"}
    again = cli("import", orders, "--db", db, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["status"] == "already_imported"
    summary = json.loads(cli("summary", "--db", db, "--json").stdout)
    assert summary["revenue"] == 1001.56 and summary["orders"] == 2 and summary["currency"] == "EUR"
    assert {"other_revenue", "units", "customers", "skus", "countries", "first_date",
            "last_date"} <= set(summary)


def test_rejected_file_exits_non_zero_with_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("order_id,date,sku,quantity,price\n")
    result = cli("import", bad, "--db", tmp_path / "s.db", "--json", "--format", "generic")
    assert result.returncode != 0
    record = json.loads(result.stdout)
    assert record["status"] == "rejected" and "bad.csv, line 1" in record["error"]


def test_generic_mapping_and_filters_and_env_db(tmp_path):
    data = tmp_path / "orders.csv"
    data.write_text("Nr;Tag;Art;Stk;Preis;Land\n"
                    "1;01.03.2024;A;2;1.234,50;Deutschland\n"
                    "2;15.03.2024;B;1;10,00;Österreich\n"
                    "3;02.04.2024;A;1;1.234,50;Deutschland\n", encoding="cp1252")
    db = tmp_path / "env.db"
    result = cli("import", data, "--format", "generic", "--currency", "EUR", "--json",
                 "--map", "order_id=Nr", "--map", "ordered_at=Tag", "--map", "sku=Art",
                 "--map", "quantity=Stk", "--map", "unit_price=Preis", "--map", "country=Land",
                 env={"ECOM_DB": str(db)})
    record = json.loads(result.stdout)
    assert record["status"] == "imported", record
    assert record["detected"]["encoding"] == "cp1252" and record["detected"]["decimal"] == ","
    assert record["detected"]["date_format"] == "%d.%m.%Y"
    march = json.loads(cli("summary", "--from", "2024-03-01", "--to", "2024-03-31", "--json",
                           env={"ECOM_DB": str(db)}).stdout)
    assert march["revenue"] == 2479.0 and march["orders"] == 2     # 2 × 1,234.50 + 10.00
    germany = json.loads(cli("summary", "--country", "Deutschland", "--json", "--db", db).stdout)
    assert germany["revenue"] == 3703.5 and germany["countries"] == 1


def test_elasticity_json_matches_the_model(demo_db):
    from ecom_models.pricing import estimate_elasticities
    from ecom_models.store.queries import order_lines

    result = cli("elasticity", "--db", demo_db, "--sku", "22423", "--sku", "85123A", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["sku"] for r in records] == ["22423", "85123A"]
    for record in records:
        assert {"sku", "elasticity", "ci_low", "ci_high", "n_periods", "n_price_levels",
                "confidence"} <= set(record)
        if record["confidence"] == "not estimable":   # pricing v2: catalogue price never changed
            assert record["elasticity"] is None and record["n_price_changes"] == 0
        else:
            assert record["ci_low"] <= record["elasticity"] <= record["ci_high"]
        assert record["confidence"] in {"high", "medium", "low", "not estimable"}
        assert record["currency"] == "GBP"
    lines = order_lines(demo_db)
    model = estimate_elasticities(lines.loc[(lines["currency"] == "GBP").to_numpy()]).set_index("sku")
    assert records[0]["confidence"] == model.at["22423", "confidence"]
    assert records[0]["n_price_changes"] == model.at["22423", "n_price_changes"]
    assert records[0]["n_periods"] == model.at["22423", "n_periods"]
    unknown = cli("elasticity", "--db", demo_db, "--sku", "NO-SUCH-SKU", "--json")
    assert unknown.returncode == 2 and "NO-SUCH-SKU" in unknown.stderr
