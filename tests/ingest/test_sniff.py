"""Tests for ecom_models.ingest.sniff: container, encoding and delimiter sniffing."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecom_models.ingest.errors import IngestError
from ecom_models.ingest.sniff import detect_container, detect_delimiter, detect_encoding

REEXPORT_HINT = "export the file again as CSV (UTF-8) from your shop system"

# Every text file in ../shared/data with its delimiter, as documented in its README.
REAL_FILES = {
    ("online-retail", "online_retail_tiny.csv"): ",",
    ("shopware5", "export_orders.csv"): ";",
    ("shopware5", "export_articles_prices.csv"): ";",
    ("shopware5", "export_articles_instock.csv"): ";",
    ("shopware5", "export_customers.csv"): ";",
    ("woocommerce", "sample_products.csv"): ",",
    ("woocommerce", "sample_tax_rates.csv"): ",",
    ("magento2", "orders.csv"): ",",
    ("magento2", "products_gear_bags.csv"): ",",
    ("magento2", "tax_rate.csv"): ",",
    ("shopify", "orders_export.csv"): ",",
    ("shopify", "product_template.csv"): ",",
    ("amazon", "amazon_sale_report.csv"): ",",
    ("amazon", "settlement_flatfile_ca.txt"): "\t",
    ("ebay", "SalesHistory.csv"): ",",
    ("etsy", "EtsySoldOrderItems2021_masked.csv"): ",",
    ("etsy", "EtsySoldOrderItems2020_en-GB_masked.csv"): ",",
}


# --------------------------------------------------------------------------- real files

@pytest.mark.parametrize("parts, delimiter", REAL_FILES.items(), ids=lambda v: "/".join(v) if isinstance(v, tuple) else None)
def test_real_text_files_are_utf8_with_documented_delimiter(shared, parts, delimiter):
    raw = shared(*parts).read_bytes()
    assert detect_container(raw) == "text"
    assert detect_encoding(raw, parts[-1]) == "utf-8"  # README: all UTF-8 without BOM
    assert detect_delimiter(raw.decode("utf-8"), parts[-1]) == delimiter


def test_full_uci_file_gzip_then_utf8_comma(shared, uci_raw):
    gz = shared("online-retail", "online_retail.csv.gz").read_bytes()
    assert detect_container(gz) == "gzip"
    assert len(uci_raw) == 45_047_766
    assert detect_encoding(uci_raw) == "utf-8"  # ASCII plus 32 '£' signs
    assert detect_delimiter(uci_raw.decode("utf-8")) == ","


def test_real_xlsx_is_recognised_by_content(shared):
    raw = shared("online-retail", "online_retail_sample40k.xlsx").read_bytes()
    assert detect_container(raw) == "xlsx"


def test_shopware_umlauts_decode(shared):
    raw = shared("shopware5", "export_articles_prices.csv").read_bytes()
    text = raw.decode(detect_encoding(raw))
    assert "Münsterländer Lagerkorn 32%" in text


def test_settlement_tab_file_with_blank_line_in_middle(shared):
    text = shared("amazon", "settlement_flatfile_ca.txt").read_text("utf-8")
    assert text.splitlines()[98] == ""  # README: physical line 99 is empty
    assert detect_delimiter(text) == "\t"


# --------------------------------------------------------------------------- container

@pytest.mark.parametrize("raw, kind", [
    (b"\x1f\x8b\x08\x00rest", "gzip"),
    (b"PK\x03\x04\x14\x00", "xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    (b"InvoiceNo,StockCode\n", "text"),
    (b"", "text"),
    (b"PK", "text"),
])
def test_detect_container(raw, kind):
    assert detect_container(raw) == kind


# --------------------------------------------------------------------------- encoding

GERMAN = "Name;Preis\nMüller Größe;12,50 €\nStraße;1.234,50 €\n"


def test_utf8_bom():
    assert detect_encoding(b"\xef\xbb\xbf" + GERMAN.encode("utf-8")) == "utf-8-sig"


def test_utf8_plain():
    assert detect_encoding(GERMAN.encode("utf-8")) == "utf-8"


def test_cp1252_euro_and_umlaut():
    raw = GERMAN.encode("cp1252")
    assert b"\x80" in raw and b"\xfc" in raw  # € and ü as Windows bytes
    codec = detect_encoding(raw)
    assert codec == "cp1252"
    assert raw.decode(codec) == GERMAN


def test_late_non_ascii_is_seen_whole_file_judged():
    ascii_block = b"sku,name,price\n" + b"A1,plain ascii row,1.00\n" * 60_000  # ~1.4 MB
    assert detect_encoding(ascii_block + "Müller,x,€2\n".encode("cp1252")) == "cp1252"
    assert detect_encoding(ascii_block + "Müller,x,€2\n".encode("utf-8")) == "utf-8"


def test_utf16_with_bom_and_tabs():
    text = "order-id\tname\tamount\n701-1\tMüller\t12.50\n"
    raw = text.encode("utf-16")  # Excel "Unicode text": BOM + UTF-16LE, tab-separated
    codec = detect_encoding(raw)
    assert codec == "utf-16"
    decoded = raw.decode(codec)
    assert decoded == text
    assert detect_delimiter(decoded) == "\t"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    text = "order-id\tname\tamount\n701-1\tMüller\t12.50\n"
    assert detect_encoding(text.encode(codec)) == codec


@pytest.mark.parametrize("raw", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", "\n".encode("utf-16")])
def test_empty_file_is_rejected(raw):
    with pytest.raises(IngestError) as err:
        detect_encoding(raw, "orders.csv")
    assert err.value.problem == "the file is empty"
    assert err.value.file == "orders.csv"


def test_random_binary_junk_is_rejected():
    junk = random.Random(0).randbytes(5000)
    with pytest.raises(IngestError) as err:
        detect_encoding(junk, "junk.csv")
    assert err.value.hint == REEXPORT_HINT
    assert err.value.file == "junk.csv"


def test_nul_byte_in_text_names_its_line():
    raw = b"sku,qty\nA,1\nB,2\x00\nC,3\n"
    with pytest.raises(IngestError) as err:
        detect_encoding(raw, "x.csv")
    assert err.value.line == 3
    assert "NUL" in err.value.problem
    assert err.value.hint == REEXPORT_HINT


def test_many_control_characters_are_rejected():
    raw = b"a,b\n" + b"\x01\x02\x03x,y\n" * 50  # 60 % control characters, no NUL
    with pytest.raises(IngestError) as err:
        detect_encoding(raw)
    assert err.value.problem == "the file is not text (it contains binary data)"


def test_a_few_control_characters_are_tolerated():
    raw = b"a,b\n" + b"x,y\n" * 100 + b"form\x0cfeed,1\n"
    assert detect_encoding(raw) == "utf-8"


def test_mixed_utf8_and_cp1252_is_rejected_with_line():
    raw = "name\nMüller\nGröße\nStraße\n".encode("utf-8") + "Bäcker\n".encode("cp1252")
    with pytest.raises(IngestError) as err:
        detect_encoding(raw, "mixed.csv")
    assert err.value.line == 5
    assert "mixes encodings" in err.value.problem


def test_dos_codepage_falls_back_to_charset_normalizer():
    # cp850 writes ü as 0x81, a byte cp1252 leaves undefined: charset-normalizer decides.
    text = "Kunde;Stadt\n" + "Müller;Köln\n" * 20
    raw = text.encode("cp850")
    codec = detect_encoding(raw)
    assert codec in ("cp850", "cp437")                     # identical for these letters
    assert raw.decode(codec) == text


def test_invalid_utf16_after_bom_is_rejected():
    with pytest.raises(IngestError) as err:
        detect_encoding(b"\xff\xfea\x00b", "u.txt")      # odd byte count after the BOM
    assert err.value.problem.startswith("the file looks like UTF-16 text but is not valid")
    assert err.value.hint == REEXPORT_HINT


def test_message_names_file():
    with pytest.raises(IngestError) as err:
        detect_encoding(b"", "orders.csv")
    assert str(err.value).startswith("orders.csv: the file is empty")


def _no_adjacent_non_ascii(text: str) -> bool:
    # A lone cp1252 byte >= 0x80 between ASCII bytes is never valid UTF-8; two in a row
    # can be ("Ä€" is C4 80), which is exactly the accidental case no sniffer can tell.
    return not text.isascii() and re.search(r"[^\x00-\x7f]{2}", text) is None


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs")), min_size=1)
       .filter(_no_adjacent_non_ascii))
def test_property_cp1252_text_is_detected_and_decodes_back(text):
    raw = text.encode("cp1252")
    assert detect_encoding(raw) == "cp1252"
    assert raw.decode("cp1252") == text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1).filter(lambda s: s.replace("\ufeff", "").strip()))  # BOM-only = empty file
def test_property_utf8_text_is_detected_and_decodes_back(text):
    raw = text.encode("utf-8")
    codec = detect_encoding(raw)
    assert codec == ("utf-8" if not raw.startswith(b"\xef\xbb\xbf") else "utf-8-sig")
    assert raw.decode("utf-8") == text


# --------------------------------------------------------------------------- delimiter

@pytest.mark.parametrize("text, expected", [
    ("a,b,c\n1,2,3\n", ","),
    ("a;b;c\n1,5;2,5;3\n", ";"),
    ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("a|b|c\n1|2|3\n", "|"),
    ("just one column\nvalue\nother\n", ","),
    ("", ","),
    ("\n\n  \n", ","),
])
def test_detect_delimiter_simple(text, expected):
    assert detect_delimiter(text) == expected


def test_delimiter_inside_quotes_is_ignored():
    # Header: ';' twice, ',' once. Counted naively, every row has three ';' and one ','
    # so ',' would look consistent; outside the quotes ';' matches the header exactly.
    header = "id;name, alias;price\n"
    rows = '1;"Tee; grün, lose";2\n' * 40
    assert detect_delimiter(header + rows) == ";"


def test_delimiter_judged_over_whole_file_not_first_rows():
    # Header: ';' and ',' both appear twice, so the tie would go to ','. The first
    # 3,000 rows fit both; only rows further down show ',' is not the separator.
    header = "sku;name, colour, size;price\n"
    early = "X1;red, big, small;3\n" * 3000
    late = "Y2;blue;4\n" * 3000
    assert detect_delimiter(header + early + late) == ";"
    assert detect_delimiter(header + early) == ","  # without the late rows: a true tie


def test_delimiter_follows_quoted_multiline_cells():
    # The header has 3 ',' and 1 ';'. The description cells span three physical lines,
    # and the middle line ("line two; and") alone would vote for ';'.
    header = "sku,name,note;x,price\n"
    row = 'S1,Bag,"Line one; more\nline two; and\nline three",12\n'
    assert detect_delimiter(header + row * 50) == ","
    assert detect_delimiter(header + row * 5000) == ","  # sampled positions land mid-cell


def test_delimiter_with_stray_quote_falls_back_to_lines():
    # An unescaped inch mark flips the running quote count for the rest of the file.
    header = "sku;size, colour;price\n"
    rows = "A;12\" pizza;3\n" + "B;big;4\n" * 200
    assert detect_delimiter(header + rows) == ";"


def test_delimiter_skips_leading_blank_lines():
    assert detect_delimiter("\n\n a;b\n1;2\n") == ";"


def test_crlf_lines():
    assert detect_delimiter("a;b;c\r\n1;2;3\r\n4;5;6") == ";"


@settings(max_examples=60, deadline=None)
@given(delim=st.sampled_from([",", ";", "\t", "|"]),
       ncols=st.integers(2, 8),
       rows=st.lists(st.lists(st.text(alphabet="abcXYZ019 .,;|", max_size=8), min_size=8, max_size=8),
                     min_size=1, max_size=30))
def test_property_quoted_csv_round_trip(delim, ncols, rows):
    def cell(v: str) -> str:
        return '"' + v + '"'  # every cell quoted: other candidates only appear inside quotes
    header = delim.join(f"col{i}" for i in range(ncols))
    body = "\n".join(delim.join(cell(v) for v in r[:ncols]) for r in rows)
    assert detect_delimiter(header + "\n" + body + "\n") == delim


# --------------------------------------------------------------------------- the data helper

def test_shared_data_helper_skips_locally_and_fails_under_ci(monkeypatch, tmp_path):
    from tests import conftest

    monkeypatch.setattr(conftest, "SHARED_DATA", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        conftest.shared_path("amazon", "amazon_sale_report.csv")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        conftest.shared_path("amazon", "amazon_sale_report.csv")
