"""Re-importing what the store holds never changes it; corrections change exactly their
line; channels keep colliding order numbers apart (issue: the manager's own data)."""
from __future__ import annotations

import gzip

import pandas as pd
import pytest

from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import import_bytes, prepare, preview
from ecom_models.sales import Filters, kpis
from ecom_models.store.line_identity import line_keys
from ecom_models.store.queries import order_lines
from tests.conftest import shared_path, snapshot

HEADER = "order_id,date,sku,name,quantity,price\n"


def csv(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def figures(db) -> dict:
    lines = order_lines(db)
    return {"lines": len(lines), "revenue": round(float((lines["quantity"] * lines["unit_price"]).sum()), 2)}


def test_keys_ignore_row_order_and_separate_same_sku_lines():
    frame = pd.DataFrame({"order_id": ["1", "1", "1", "2"], "sku": ["A", "A", "B", "A"],
                          "quantity": [2.0, 5.0, 1.0, 2.0], "unit_price": [3.0, 3.0, 4.0, 3.0]})
    keys = line_keys(frame)
    assert len(set(keys[:3])) == 3                      # same SKU, other quantity: other key
    shuffled = frame.iloc[[3, 2, 1, 0]].reset_index(drop=True)
    assert sorted(line_keys(shuffled)) == sorted(keys)
    assert line_keys(frame.iloc[[1]])[0] == keys[1]     # the second line alone keeps its key


def test_identical_lines_are_counted_not_merged():
    frame = pd.DataFrame({"order_id": ["1", "1"], "sku": ["A", "A"], "quantity": [1.0, 1.0],
                          "unit_price": [2.0, 2.0]})
    assert len(set(line_keys(frame))) == 2


def test_subset_with_only_the_second_line_of_a_sku_does_not_overwrite_the_first(db):
    full = csv("1,2024-03-01,A,Mug,2,3.00", "1,2024-03-01,A,Mug,5,3.00", "1,2024-03-01,B,Cup,1,4")
    import_bytes(full, "full.csv", db, "generic")
    before = figures(db)
    second_only = import_bytes(csv("1,2024-03-01,A,Mug,5,3.00"), "part.csv", db, "generic")
    assert (second_only["lines_new"], second_only["rows_updated"], second_only["lines_unchanged"]) == (0, 0, 1)
    assert second_only["lines_not_in_file"] == 2        # reported, not deleted
    assert figures(db) == before == {"lines": 3, "revenue": 25.0}


def test_a_corrected_line_updates_exactly_that_line(db):
    eur = Options(currency="EUR")
    import_bytes(csv("1,2024-03-01,A,Mug,2,3.00", "1,2024-03-01,B,Cup,1,4"), "a.csv", db, "generic", eur)
    fixed = import_bytes(csv("1,2024-03-01,A,Mug,3,3.00", "1,2024-03-01,B,Cup,1,4"), "b.csv", db,
                         "generic", eur)
    assert (fixed["rows_updated"], fixed["lines_new"], fixed["lines_unchanged"]) == (1, 0, 1)
    assert fixed["revenue_effect"] == {"EUR": 3.0}
    lines = order_lines(db).set_index("sku")
    assert len(lines) == 2 and lines.at["A", "quantity"] == 3


def test_a_newer_export_lacking_a_line_keeps_it_unless_asked(db):
    """Issue example: £33.00 stored instead of £30.00 when the newer export dropped a line."""
    import_bytes(csv("7,2024-03-01,A,Mug,1,30.00", "7,2024-03-01,P,Postage,1,3.00"), "old.csv",
                 db, "generic")
    newer = csv("7,2024-03-01,A,Mug,1,30.00", "8,2024-03-02,B,Cup,1,5.00")
    prepared = prepare(newer, "new.csv", "generic")
    said = preview(prepared, db)
    assert (said["lines_unchanged"], said["lines_new"], said["lines_not_in_file"],
            said["orders_lacking_lines"]) == (1, 1, 1, 1)
    kept = import_bytes(newer, "new.csv", db, "generic")
    assert kept["lines_not_in_file"] == 1 and kept["lines_removed"] == 0
    assert figures(db)["revenue"] == 38.0
    replaced = import_bytes(newer + b"\n", "new-again.csv", db, "generic",
                            Options(replace_orders=True))
    assert replaced["lines_removed"] == 1
    assert figures(db)["revenue"] == 35.0


def test_preview_states_the_revenue_effect_before_writing(db):
    import_bytes(csv("1,2024-03-01,A,Mug,2,3.00"), "a.csv", db, "generic", Options(currency="GBP"))
    before = snapshot(db)
    prepared = prepare(csv("1,2024-03-01,A,Mug,2,2.50", "2,2024-03-01,B,Cup,1,4"), "b.csv",
                       "generic", Options(currency="GBP"))
    said = preview(prepared, db)
    assert snapshot(db) == before
    assert said["lines_changed"] == 1 and said["lines_new"] == 1
    assert said["revenue_effect"] == {"GBP": pytest.approx(-1.0 + 4.0)}


def test_two_channels_with_colliding_order_numbers_are_two_orders(db):
    """Order 700000 of a UCI-layout file and 700000 of a German generic export."""
    uci = ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
           "700000,85123A,HEART,2,12/1/2010 8:26,2.55,17850,United Kingdom\n").encode()
    german = ("Bestellnummer;Datum;Artikelnummer;Menge;Preis;Land\n"
              "700000;01.12.2010;85123A;1;2,55;Deutschland\n").encode("cp1252")
    assert import_bytes(uci, "uci.csv", db)["status"] == "imported"
    assert import_bytes(german, "shop.csv", db, options=Options(currency="GBP"))["status"] == "imported"
    lines = order_lines(db)
    assert sorted(lines["channel"].astype(str)) == ["generic", "online-retail"]
    assert sorted(lines["country"].astype(str)) == ["DE", "GB"]
    assert kpis(lines, Filters(currency="GBP"))["orders"] == 2


def test_a_named_channel_keeps_two_shops_of_one_system_apart(db):
    raw = csv("1,2024-03-01,A,Mug,1,3")
    import_bytes(raw, "a.csv", db, "generic", Options(channel="Shop Nord"))
    other = import_bytes(raw + b"\n", "b.csv", db, "generic", Options(channel="Shop Süd"))
    assert other["lines_new"] == 1
    assert set(order_lines(db)["channel"].astype(str)) == {"Shop Nord", "Shop Süd"}


def test_settlement_refund_in_a_later_report_adds_to_the_order(db):
    """Issue example: a report holding only an order's later refund must not replace its
    sale; the order then nets the sale minus the refund."""
    text = shared_path("amazon", "settlement_flatfile_ca.txt").read_text()
    head, *rows = [r for r in text.splitlines() if r.strip()]
    cols = head.split("\t")
    kind = cols.index("transaction-type")
    order = cols.index("order-id")
    refunded = next(r.split("\t")[order] for r in rows if r.split("\t")[kind] == "Refund")
    summary = rows[0]
    sales = [r for r in rows[1:] if r.split("\t")[kind] != "Refund"]
    refunds = [r.replace("24288684721", "24288684722") for r in rows[1:]
               if r.split("\t")[kind] == "Refund" and r.split("\t")[order] == refunded]
    later_summary = summary.replace("24288684721", "24288684722")
    first = import_bytes("\n".join([head, summary, *sales]).encode(), "s1.txt", db)
    assert first["status"] == "imported", first.get("error")
    sale = order_lines(db).query("order_id == @refunded")
    sale_total = float((sale["quantity"] * sale["unit_price"]).sum())
    later = import_bytes("\n".join([head, later_summary, *refunds]).encode(), "s2.txt", db)
    assert later["status"] == "imported", later.get("error")
    assert later["lines_new"] > 0
    assert later["lines_not_in_file"] == 0 and later["rows_updated"] == 0
    both = order_lines(db).query("order_id == @refunded")
    refund_total = sum(float(x) for r in refunds for x in _amounts(r, cols))
    assert float((both["quantity"] * both["unit_price"]).sum()) == pytest.approx(sale_total + refund_total)
    assert len(both) == len(sale) + later["lines_new"]


def _amounts(row: str, cols: list[str]) -> list[str]:
    cells = row.split("\t")
    return [cells[i].strip() for i, c in enumerate(cols) if c.endswith("-amount")
            and c != "total-amount" and cells[i].strip()]


@pytest.fixture(scope="module")
def demo_csv() -> bytes:
    from ecom_models.demo import DEMO_FILE

    return gzip.decompress(DEMO_FILE.read_bytes())


def test_subset_and_shuffled_copy_of_the_demo_change_nothing(tmp_path, demo_csv):
    """A 60,000-line slice of the demo CSV, then a shuffled half of it: no figure moves."""
    db = tmp_path / "s.db"
    text = demo_csv.decode("latin-1").splitlines(keepends=True)
    head, body = text[0], text[1:60_001]
    assert import_bytes((head + "".join(body)).encode("latin-1"), "slice.csv", db)["status"] == "imported"
    before = snapshot(db)
    lines_before = kpis(order_lines(db), Filters(currency="GBP"))
    shuffled = pd.Series(body).sample(frac=0.5, random_state=7)
    again = import_bytes((head + "".join(shuffled)).encode("latin-1"), "shuffled.csv", db)
    assert (again["lines_new"], again["rows_updated"]) == (0, 0)
    assert again["lines_unchanged"] == len(shuffled)
    assert kpis(order_lines(db), Filters(currency="GBP")) == lines_before
    assert snapshot(db)[1] == before[1]


def test_the_40k_xlsx_sample_on_top_of_the_demo_changes_nothing(demo_db, tmp_path):
    """Issue example: it reported '40,000 replaced rows' and revenue fell by £59,249."""
    import shutil

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    before = kpis(order_lines(db), Filters(currency="GBP"))
    result = import_bytes(shared_path("online-retail", "online_retail_sample40k.xlsx").read_bytes(),
                          "online_retail_sample40k.xlsx", db)
    assert result["status"] == "imported", result.get("error")
    assert (result["lines_new"], result["rows_updated"], result["lines_unchanged"]) == (0, 0, 40_000)
    assert kpis(order_lines(db), Filters(currency="GBP")) == before
    assert before["revenue"] == pytest.approx(9792310.43, abs=0.01)


def test_shopify_emails_are_never_stored_in_clear(db):
    path = shared_path("shopify", "orders_export.csv")
    assert import_bytes(path.read_bytes(), path.name, db)["status"] == "imported"
    import sqlite3

    conn = sqlite3.connect(db)
    dump = "\n".join(conn.iterdump())
    assert "@example.com" not in dump
    ids = order_lines(db)["customer_id"].dropna().astype(str)
    assert ids.nunique() == 2 and ids.str.fullmatch(r"[0-9a-f]{16}").all()
    report = prepare(path.read_bytes(), path.name).report
    assert any("pseudonym" in str(w) for w in report["warnings"])
