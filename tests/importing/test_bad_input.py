"""The rule for bad input: a clear message naming file, line and column and what to do,
and nothing written. Each case asserts the message and that the store is unchanged."""
from __future__ import annotations

import io
import zipfile

import pytest

from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import MAX_UPLOAD_MB, import_bytes
from tests.conftest import snapshot

GOOD = (b"order_id,date,sku,name,quantity,price\n"
        b"1001,2024-03-01,A1,Mug,2,9.50\n"
        b"1002,2024-03-02,A2,Plate,1,12.00\n")


@pytest.fixture
def seeded(db):
    """A store that already holds one good import, to prove bad ones change nothing."""
    assert import_bytes(GOOD, "good.csv", db, "generic")["status"] == "imported"
    return db


def _reject(db, raw: bytes, name: str = "bad.csv", fmt: str = "generic", **options) -> dict:
    before = snapshot(db)
    result = import_bytes(raw, name, db, fmt, Options(**options))
    assert result["status"] == "rejected", result
    assert snapshot(db) == before, "a rejected file must not change the store"
    assert result["error"].startswith(name)
    return result["error_detail"]


def test_empty_file(seeded):
    err = _reject(seeded, b"")
    assert "empty" in err["problem"]


def test_whitespace_only_file(seeded):
    assert "empty" in _reject(seeded, b"\n\n  \n")["problem"]


def test_header_only(seeded):
    err = _reject(seeded, b"order_id,date,sku,name,quantity,price\n")
    assert "no data rows" in err["problem"] and err["line"] == 1


def test_xlsx_renamed_to_csv(seeded):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    err = _reject(seeded, buffer.getvalue(), "orders.csv")
    assert "Excel workbook" in err["problem"] and ".xlsx" in err["hint"]


def test_binary_junk(seeded):
    err = _reject(seeded, bytes(range(256)) * 40, "junk.csv")
    assert err["hint"]


def test_unterminated_quote(seeded):
    raw = GOOD + b'1003,2024-03-03,A3,"Bowl,1,4.00\n1004,2024-03-04,A4,Cup,1,3.00\n'
    err = _reject(seeded, raw)
    assert "unterminated quote" in err["problem"]
    assert err["line"] == 4


def test_too_many_fields(seeded):
    err = _reject(seeded, GOOD + b"1003,2024-03-03,A3,Bowl,1,4.00,extra\n")
    assert err["line"] == 4 and "7 fields, the header has 6" in err["problem"]


def test_too_few_fields(seeded):
    err = _reject(seeded, GOOD + b"1003,2024-03-03,A3,Bowl,1\n")
    assert err["line"] == 4 and "5 fields, the header has 6" in err["problem"]


def test_duplicate_header_in_a_used_column(seeded):
    raw = b"order_id,date,sku,quantity,quantity,price\n1,2024-03-01,A1,2,3,9.5\n"
    err = _reject(seeded, raw)
    assert "'quantity' appears 2 times" in err["problem"] and err["column"] == "quantity"


def test_missing_required_columns_lists_missing_and_present(seeded):
    err = _reject(seeded, b"order_id,date,name,price\n1,2024-03-01,Mug,9.5\n")
    assert "sku" in err["problem"] and "quantity" in err["problem"]
    assert "The file has: order_id, date, name, price" in err["problem"]


def test_non_numeric_quantity(seeded):
    err = _reject(seeded, GOOD + b"1003,2024-03-03,A3,Bowl,three,4.00\n")
    assert (err["line"], err["column"]) == (4, "quantity")
    assert "'three' is not a number" in err["problem"]


def test_non_numeric_price(seeded):
    err = _reject(seeded, GOOD + b"1003,2024-03-03,A3,Bowl,1,abc\n")
    assert (err["line"], err["column"]) == (4, "price")


def test_overflow_to_infinity(seeded):
    err = _reject(seeded, GOOD + b"1003,2024-03-03,A3,Bowl,1,1e999\n")
    assert (err["line"], err["column"]) == (4, "price")


def test_impossible_date(seeded):
    raw = (b"order_id;date;sku;quantity;price\n1;28.02.2024;A1;1;2,50\n"
           b"2;31.02.2024;A2;1;3,50\n")
    err = _reject(seeded, raw)
    assert err["column"] == "date" and err["line"] == 3
    assert "31.02.2024" in err["problem"]


def test_file_over_upload_limit(seeded, monkeypatch):
    import ecom_models.ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_UPLOAD_MB", 0.0001)
    err = _reject(seeded, GOOD * 10)
    assert "above the upload limit" in err["problem"] and "gzip" in err["hint"]
    assert MAX_UPLOAD_MB == 200


def test_unknown_format_names_the_header(seeded):
    err = _reject(seeded, b"foo,bar\n1,2\n", fmt="auto")
    assert "not recognised" in err["problem"] and "foo, bar" in err["problem"]


def test_skip_bad_rows_imports_the_rest_and_reports_lines(db):
    raw = GOOD + b"1003,2024-03-03,A3,Bowl,three,4.00\n1004,2024-03-04,A4,Cup,1\n"
    result = import_bytes(raw, "mixed.csv", db, "generic", Options(skip_bad_rows=True))
    assert result["status"] == "imported"
    assert result["rows_imported"] == 2 and result["rows_skipped"] == 2
    lines = sorted(e["line"] for e in result["report"]["skipped_examples"])
    assert lines == [4, 5]


def test_currency_taken_from_the_price_signs(db):
    raw = "Bestellnummer;Datum;Artikelnummer;Menge;Preis\n1;01.03.2024;A;2;€ 1.234,50\n2;02.03.2024;B;1;12,00 €\n"
    result = import_bytes(raw.encode(), "de.csv", db)
    assert result["status"] == "imported", result.get("error")
    assert result["detected"]["format"] == "generic" and result["detected"]["decimal"] == ","
    assert result["report"]["currencies"] == ["EUR"]
    assert any("taken from the currency signs" in w for w in result["report"]["warnings"])


def test_an_absurd_amount_is_a_bad_row(seeded):
    """Guards against: 9.7e307 × 10 made revenue infinite for the whole store and
    `summary --json` print Infinity (invalid JSON)."""
    raw = GOOD + b"1003,2024-03-03,A3,Bowl,10,9.7e307\n"
    err = _reject(seeded, raw)
    assert (err["line"], err["column"]) == (4, "price")
    assert "beyond any real order line" in err["problem"]
    skipped = import_bytes(raw, "bad.csv", seeded, "generic", Options(skip_bad_rows=True))
    assert skipped["status"] == "imported" and skipped["rows_skipped"] == 1


@pytest.mark.parametrize("cell", ["$1,299.00", "€12"])
def test_a_currency_sign_that_contradicts_the_layout_is_rejected(seeded, cell):
    """Guards against: '$1,299.00' in a UCI-layout file (GBP by definition) stored as GBP."""
    raw = ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
           "536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
           f'536366,71053,LANTERN,1,12/1/2010 8:28,"{cell}",17850,United Kingdom\n').encode()
    err = _reject(seeded, raw, name="uci.csv", fmt="online-retail")
    assert (err["line"], err["column"]) == (3, "UnitPrice")
    assert "GBP" in err["problem"] and cell in err["problem"]
