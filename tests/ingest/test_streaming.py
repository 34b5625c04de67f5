"""A large export is read and written in parts (ingest.text_parts, ingest.streaming): the
store, the report and the sales cube must be exactly what reading the file whole gives,
on the real exports and on files built to put the hard cases on part boundaries."""
from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from ecom_models.ingest.pipeline import import_file
from ecom_models.store.queries import sales_cube

from ..conftest import shared_path

COMPARED = ("order_id, line_key, ordered_at, sku, product_name, quantity, unit_price, currency, "
            "customer_id IS NULL AS no_customer, country, is_return, is_product, source_line, "
            "vat_rate, price_basis")


def stored(db: Path) -> pd.DataFrame:
    with sqlite3.connect(db) as conn:
        return pd.read_sql(f"SELECT {COMPARED} FROM order_lines ORDER BY order_id, line_key", conn)


def whole_and_parts(tmp_path: Path, source: Path, part_bytes: int, **kwargs) -> tuple[dict, dict]:
    """Import ``source`` into two fresh stores: whole, and in parts of ``part_bytes``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    whole = import_file(source, tmp_path / "whole.db", whole_bytes=1 << 40, **kwargs)
    parts = import_file(source, tmp_path / "parts.db", part_bytes=part_bytes, whole_bytes=0,
                        **kwargs)
    return whole, parts


def assert_same_import(tmp_path: Path, whole: dict, parts: dict, *, in_parts: bool = True) -> None:
    assert whole["status"] == parts["status"] == "imported", parts.get("error")
    assert parts["report"].get("parts", False) is in_parts
    for key, value in whole["report"].items():
        assert parts["report"][key] == value, key
    for key in ("rows_read", "rows_imported", "lines_new", "rows_skipped", "revenue_effect"):
        assert parts[key] == whole[key], key
    a, b = stored(tmp_path / "whole.db"), stored(tmp_path / "parts.db")
    pd.testing.assert_frame_equal(a, b)
    cube_a, cube_b = sales_cube(tmp_path / "whole.db"), sales_cube(tmp_path / "parts.db")
    keys = ["day", "channel", "sku", "country", "currency", "is_product", "is_return"]
    daily_a = cube_a.daily.groupby(keys, observed=True, dropna=False)[["quantity", "revenue", "lines"]].sum()
    daily_b = cube_b.daily.groupby(keys, observed=True, dropna=False)[["quantity", "revenue", "lines"]].sum()
    pd.testing.assert_frame_equal(daily_a, daily_b, check_exact=False, rtol=1e-12)
    orders = ["channel", "order_id", "day", "country", "currency", "net_units", "revenue", "has_sale"]
    ord_a = cube_a.orders[orders].astype(object).sort_values(["channel", "order_id"]).reset_index(drop=True)
    ord_b = cube_b.orders[orders].astype(object).sort_values(["channel", "order_id"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(ord_a, ord_b)


@pytest.mark.parametrize(("folder", "name", "part_bytes", "in_parts"), [
    ("online-retail", "online_retail_tiny.csv", 1_500, True),    # UCI: content keys, returns
    ("shopify", "orders_export.csv", 2_000, True),                # order fields on first row only
    ("shopware5-shop-2y", "export_orders.csv", 1_000_000, True),  # shop line ids, net of VAT
    # a settlement report lists an order's events apart: read whole
    ("amazon", "settlement_flatfile_ca.txt", 3_000, False),
    ("amazon", "amazon_sale_report.csv", 40_000, True),
    ("etsy", "EtsySoldOrderItems2020_en-GB_masked.csv", 8_000, True),
])
def test_real_exports_in_parts_equal_whole(tmp_path, folder, name, part_bytes, in_parts):
    from ecom_models.ingest.normalize import Options

    source = shared_path(folder, name)
    whole, parts = whole_and_parts(tmp_path, source, part_bytes)
    if whole["status"] == "rejected":   # the tiny UCI sample has broken rows on purpose
        assert parts["error_detail"] == whole["error_detail"]
        whole, parts = whole_and_parts(tmp_path / "skip", source, part_bytes,
                                       options=Options(skip_bad_rows=True))
        tmp_path = tmp_path / "skip"
    assert_same_import(tmp_path, whole, parts, in_parts=in_parts)


def uci_csv(rows: int, *, bad_at: int | None = None, name=lambda i: f"MUG {i % 40}",
            date=lambda i: f"{1 + i % 28}/{1 + i % 12}/2011 10:{i % 60:02d}") -> str:
    """A UCI-layout file: ``rows`` lines, three per order; line ``bad_at`` (1-based, the
    header is line 1) has a price that is not a number."""
    out = ["InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"]
    for i in range(rows):
        price = "abc" if bad_at is not None and i + 2 == bad_at else f"{1 + i % 7}.50"
        out.append(f'{540000 + i // 3},{20000 + i % 40},"{name(i)}",{1 + i % 5},{date(i)},'
                   f"{price},{13000 + i % 90},United Kingdom")
    return "\n".join(out) + "\n"


def test_bad_value_in_a_later_part_names_the_file_line_and_writes_nothing(tmp_path, db):
    source = tmp_path / "orders.csv"
    source.write_text(uci_csv(3000, bad_at=2500))
    result = import_file(source, db, fmt="online-retail", part_bytes=8_000, whole_bytes=0)
    assert result["status"] == "rejected"
    detail = result["error_detail"]
    assert (detail["file"], detail["line"], detail["column"]) == ("orders.csv", 2500, "UnitPrice")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM order_lines").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    leftovers = [p.name for p in db.parent.iterdir() if p.suffix in (".spool", ".tmp")
                 or ".spool" in p.name or p.name.endswith(".tmp")]
    assert leftovers == []


def test_skipped_rows_in_parts_are_reported_with_their_lines(tmp_path):
    source = tmp_path / "orders.csv"
    source.write_text(uci_csv(3000, bad_at=2500))
    from ecom_models.ingest.normalize import Options

    whole, parts = whole_and_parts(tmp_path, source, 8_000, fmt="online-retail",
                                   options=Options(skip_bad_rows=True))
    assert parts["rows_skipped"] == 1
    assert parts["report"]["skipped_examples"][0]["line"] == 2500
    assert_same_import(tmp_path, whole, parts)


def test_date_format_is_judged_over_all_parts(tmp_path):
    """Days ≤ 12 in every early part (day-first and month-first both fit there); one late
    line reads 13/1/2011, so only day-first fits the file. Judged per part, the early
    parts would be read month-first."""
    def date(i: int) -> str:
        return "13/1/2011 09:00" if i == 2900 else f"{1 + i % 12}/{1 + (i // 12) % 12}/2011 10:00"

    source = tmp_path / "orders.csv"
    source.write_text(uci_csv(3000, date=date))
    whole, parts = whole_and_parts(tmp_path, source, 8_000, fmt="online-retail")
    assert parts["report"]["detected"]["date_format"].startswith("%d/%m/%Y")
    assert_same_import(tmp_path, whole, parts)


def test_scattered_orders_are_read_whole(tmp_path):
    """An order whose rows are at the start and at the end of the file cannot be merged part
    by part (occurrence keys, lines not in file): such a file is read whole."""
    text = uci_csv(3000)
    header, *rows = text.splitlines()
    source = tmp_path / "orders.csv"
    source.write_text("\n".join([header, *rows, rows[0].replace(",1,", ",7,", 1)]) + "\n")
    whole, parts = whole_and_parts(tmp_path, source, 8_000, fmt="online-retail")
    assert_same_import(tmp_path, whole, parts, in_parts=False)


def test_gzip_cp1252_and_cells_with_newlines_across_parts(tmp_path):
    """German names in cp1252, descriptions with line breaks inside quotes (a cut must not
    fall inside one), gzip: the same lines, names and line numbers as read whole."""
    def name(i: int) -> str:
        # CSV text: a quote inside a quoted cell is doubled
        return f'Kräutertee Nr. {i % 40}\nmit Größe ""L""' if i % 3 == 0 else f"Müsli {i % 40}"

    source = tmp_path / "orders.csv.gz"
    source.write_bytes(gzip.compress(uci_csv(3000, name=name).encode("cp1252")))
    whole, parts = whole_and_parts(tmp_path, source, 5_000, fmt="online-retail")
    assert whole["report"]["detected"]["encoding"] == "cp1252"
    assert_same_import(tmp_path, whole, parts)
    names = set(stored(tmp_path / "parts.db")["product_name"])
    assert "Kräutertee Nr. 0\nmit Größe \"L\"" in names


def test_overlapping_export_in_parts_changes_nothing(tmp_path, db):
    """A second, overlapping export read in parts: its lines are found unchanged."""
    source = tmp_path / "orders.csv"
    source.write_text(uci_csv(3000))
    first = import_file(source, db, fmt="online-retail", part_bytes=8_000, whole_bytes=0)
    header, *rows = source.read_text().splitlines()
    later = tmp_path / "later.csv"
    later.write_text("\n".join([header, *rows[1500:]]) + "\n")
    again = import_file(later, db, fmt="online-retail", part_bytes=8_000, whole_bytes=0)
    assert first["lines_new"] == 3000
    assert (again["lines_new"], again["lines_unchanged"], again["revenue_effect"]) == (0, 1500, {})
    assert import_file(source, db, fmt="online-retail", part_bytes=8_000,
                       whole_bytes=0)["status"] == "already_imported"


def test_a_large_upload_is_checked_in_parts_and_imports_like_the_whole_file(tmp_path, db):
    """The Data page keeps a large upload on disk in parts: the session holds its report
    and first 20 lines, the plan of what it would do equals the whole file's, the import
    stores the same lines, and the temporary copy is gone afterwards."""
    import gc

    from ecom_models.ingest.pipeline import commit, prepare, preview
    from ecom_models.ingest.streaming import prepare_upload

    raw = uci_csv(3000).encode()
    header, *rows = raw.decode().splitlines()
    import_file_text = "\n".join([header, *rows[:1500]]) + "\n"   # half is stored already
    (tmp_path / "first.csv").write_text(import_file_text)
    import_file(tmp_path / "first.csv", db, fmt="online-retail")
    twin = tmp_path / "twin.db"
    import_file(tmp_path / "first.csv", twin, fmt="online-retail")

    whole = prepare(raw, "orders.csv", "online-retail")
    parts = prepare_upload(raw, "orders.csv", db, "online-retail", whole_bytes=0, part_bytes=8_000)
    assert whole.parts is None and parts.parts is not None
    assert len(parts.rows) == 20
    pd.testing.assert_frame_equal(parts.rows, whole.rows.head(20))
    assert {k: v for k, v in parts.report.items() if k != "parts"} == whole.report
    assert preview(parts, db) == preview(whole, twin)
    assert preview(parts, db)["lines_unchanged"] == 1500

    copy = parts.parts.path
    assert copy.is_file()
    done = commit(parts, db)
    assert done["status"] == "imported" and done["lines_new"] == 1500
    assert not copy.exists()
    assert commit(whole, twin)["lines_new"] == 1500
    pd.testing.assert_frame_equal(stored(db).drop(columns="no_customer"),
                                  stored(twin).drop(columns="no_customer"))

    dropped = prepare_upload(raw, "orders.csv", db, "online-retail", whole_bytes=0, part_bytes=8_000)
    copy = dropped.parts.path
    del dropped
    gc.collect()
    assert not copy.exists()   # a session that never imports it leaves no file behind
