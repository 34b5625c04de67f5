"""`python -m ecom_models scenario ...` and the management report (HTML, CSV, Excel)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from ecom_models.scenarios import PricingInputs, open_saved, save
from tests.conftest import REPO
from tests.scenarios.shop import HOSTILE_NAME, more_orders


def cli(*args, db):
    proc = subprocess.run([sys.executable, "-m", "ecom_models", "scenario", *args, "--db", str(db)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_save_show_list_delete(shop_db):
    code, out, err = cli("save", "pricing", "--set", "skus=A-1", "--set", "change=10", "--set", "margin=40",
                         "--title", "Plus 10", "--json", db=shop_db)
    assert code == 0, err
    saved = json.loads(out)
    assert set(saved) == {"id", "kind", "title", "inputs", "results"}
    assert saved["inputs"]["price_change_pct"] == 10.0 and saved["inputs"]["currency"] == "EUR"
    code, out, _ = cli("show", saved["id"], "--json", db=shop_db)
    shown = json.loads(out)
    assert code == 0 and shown["results"] == saved["results"] and shown["data_changed"] is False
    assert "results_today" not in shown
    # bit for bit: the printed floats are the stored ones
    assert json.dumps(shown["results"]) == json.dumps(open_saved(shop_db, saved["id"]).results)
    more_orders(shop_db.parent, shop_db)
    shown = json.loads(cli("show", saved["id"], "--json", db=shop_db)[1])
    assert shown["data_changed"] is True and shown["results"] == saved["results"]
    assert shown["results_today"]["totals"]["units"] != saved["results"]["totals"]["units"]
    listed = json.loads(cli("list", "--json", db=shop_db)[1])
    assert [r["id"] for r in listed] == [saved["id"]]
    assert cli("delete", saved["id"], "--json", db=shop_db)[0] == 0
    code, out, err = cli("show", saved["id"], "--json", db=shop_db)
    assert code != 0 and "not found" in err and out == ""


@pytest.mark.parametrize("pairs, key", [(["skus=A-1", "change=500"], "change"), (["skus=A-1", "margin=abc"], "margin"),
                                        (["skus=A-1", "colour=red"], "colour"), (["skus=NOPE"], "skus"),
                                        (["skus=A-1", "skus=A-2"], "skus")])
def test_cli_rejects_invalid_values_naming_the_key(shop_db, pairs, key):
    args = [a for p in pairs for a in ("--set", p)]
    code, out, err = cli("save", "pricing", *args, "--json", db=shop_db)
    assert code != 0 and key in err and out == ""


@pytest.mark.parametrize("bad", ["nope", "../../etc/passwd", "x" * 5000])
def test_cli_unknown_ids_are_not_found(shop_db, bad):
    code, _, err = cli("show", bad, db=shop_db)
    assert code != 0 and "not found" in err


def test_report_shows_hostile_names_as_text_and_escapes_formulas(shop_db):
    """Guards against HTML injection in the report (a product name with markup) and formula
    injection in CSV/Excel (a name starting with '=')."""
    from openpyxl import load_workbook

    from ui.scenario_report import csv_report, excel_report, html_report

    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-4", "A-1"), price_change_pct=-5),
                 title="<script>alert(1)</script>", note="=cmd|' /C calc'!A0")
    page = html_report(saved, "en", "http://x/scenarios?scenario=" + saved.id,
                       [("Products", "A-4 — " + HOSTILE_NAME)]).decode()
    assert "<img" not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page and "<svg" in page          # charts inline
    assert saved.fingerprint in page and saved.id in page and "Assumptions" in page
    assert "medium" in page or "high" in page or "low" in page            # confidence labels
    rows = list(csv.reader(io.StringIO(csv_report(saved, "en").decode("utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert "'" + HOSTILE_NAME in cells and HOSTILE_NAME not in cells
    sheet = load_workbook(io.BytesIO(excel_report(saved, "en"))).active
    values = [c for row in sheet.iter_rows() for c in row]
    hostile = [c for c in values if isinstance(c.value, str) and HOSTILE_NAME in c.value]
    assert hostile and all(c.value.startswith("'") and c.data_type == "s" for c in hostile)
    assert not any(c.data_type == "f" for c in values)
    numbers = [c.value for c in values if c.data_type == "n" and c.value is not None]
    # numbers stay numbers (openpyxl writes 16 significant digits; the CSV keeps every bit)
    assert saved.results["totals"]["units"] == pytest.approx(max(numbers, key=lambda v: v == pytest.approx(
        saved.results["totals"]["units"], rel=1e-14)), rel=1e-14)
    assert repr(saved.results["totals"]["units"]) in cells


def test_report_in_german(shop_db):
    from ui.scenario_report import html_report

    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",)))
    page = html_report(saved, "de", "link", []).decode()
    assert "Annahmen" in page and "Daten-Fingerabdruck" in page
