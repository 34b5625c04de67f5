"""Import messages are codes (issue 14 section 6): the CLI and JSON keep their English texts
(report["skipped_reasons"] keyed by English reason, warnings as English strings), pages word
the same codes in German, and hints name the CLI's flags on the command line only."""
from __future__ import annotations

import json

import pytest

from ecom_models.ingest.errors import IngestError
from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import prepare, storage_error
from ecom_models.ingest.presets import PRESETS
from ecom_models.messages import de, en, render, render_any


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_preset_label_and_notes_are_their_codes_english(name):
    preset = PRESETS[name]
    assert en.TEXT[preset.label_code] == preset.label
    assert [render(code) for code in preset.note_codes] == list(preset.notes)
    assert preset.label_code in de.TEXT and all(code in de.TEXT for code in preset.note_codes)


def test_skip_reasons_are_english_keys_and_german_codes():
    raw = (b"order_id,date,sku,quantity,price\n1,2024-03-01,A,1,9.5\n,2024-03-01,B,1,2\n"
           b"2,2024-03-02,C,x,2\n3,2024-03-02,D,,2\n4,2024-03-02,E,1,2,9\n")
    report = prepare(raw, "s.csv", "generic", Options(skip_bad_rows=True)).report
    assert report["skipped_reasons"] == {"no order number": 1, "value is not a number": 1,
                                         "no quantity": 1,
                                         "this row has 6 fields, the header has 5": 1}
    codes = {r["code"]: r for r in report["skipped_reason_codes"]}
    assert set(codes) == {"skip.no_order_number", "skip.not_a_number", "skip.no_quantity",
                          "field_count"}
    assert render("skip.not_a_number", {}, "de") == "Wert ist keine Zahl"
    assert [r["rows"] for r in report["skipped_reason_codes"]] == list(report["skipped_reasons"].values())
    # the examples hold Messages: English text in JSON, German on a page
    example = next(e for e in report["skipped_examples"] if e["line"] == 3)
    assert example["reason"] == "no order number"
    assert render_any(example["reason"], "de") == "keine Bestellnummer"
    json.dumps(report, default=str)   # still JSON (the store keeps it)


def test_product_skip_reasons_keep_their_parameters():
    raw = b"ordernumber;price;pricegroup;from;pseudoprice\nA;1,00;EK;1;\nA;0,90;EK;10;\nB;2,00;H;1;\n"
    report = prepare(raw, "p.csv").report
    assert report["format_code"] == "format.shopware-prices"
    assert set(report["skipped_reasons"]) == {
        "graduated price from quantity 10", "customer group H (only end-customer prices EK are used)"}
    worded = {render(r["code"], r["params"], "de") for r in report["skipped_reason_codes"]}
    assert worded == {"Staffelpreis ab Menge 10",
                      "Kundengruppe H (nur Endkundenpreise EK werden verwendet)"}


def test_warnings_are_messages_with_numbers_per_language():
    raw = "Bestellnummer;Datum;Artikelnummer;Artikel;Menge;Preis\n1;01.03.2024;A;Tasse;2;€ 1.234,50\n"
    raw += "".join(f"{i};02.03.2024;;Becher;1;2,00\n" for i in range(2, 1240))
    report = prepare(raw.encode(), "de.csv").report
    warnings = {w.code: w for w in report["warnings"]}
    assert warnings["currency_from_signs"] == "currency EUR taken from the currency signs in the prices"
    assert warnings["no_sku"] == "1,238 line(s) have no SKU; their product name is used as SKU"
    assert render_any(warnings["no_sku"], "de") == \
        "1.238 Zeile(n) ohne Artikelnummer; ihr Produktname dient als Artikelnummer"


def test_rejections_word_fields_and_hints_per_language():
    with pytest.raises(IngestError) as caught:
        prepare(b"order_id,date,name,price\n1,2024-03-01,Mug,9.5\n", "f.csv", "generic")
    err = caught.value
    assert err.code == "missing_columns"
    assert "sku (e.g. 'sku'), quantity (e.g. 'quantity')" in err.problem
    assert "--map FIELD=COLUMN" in err.hint
    page = err.render("de")
    assert "Artikelnummer (z. B. „sku“), Menge (z. B. „quantity“)" in page and "--map" not in page

    with pytest.raises(IngestError) as caught:
        prepare(b"order_id,date,sku,quantity,price\n1,2024-03-01,A,three,9.5\n", "f.csv", "generic")
    err = caught.value
    assert "--skip-bad-rows" in err.hint and "--skip" not in err.render("en")
    assert "Fehlerhafte Zeilen überspringen" in err.render("de")


def test_storage_errors_are_codes():
    full = storage_error(OSError(28, "No space left on device"), "f.csv", "x.db")
    assert full.code == "disk_full" and "disk is full" in full.message
    assert "Datenträger ist voll" in full.render("de")
    readonly = storage_error(Exception("attempt to write a readonly database"), "f.csv", "x.db")
    assert readonly.code == "store_readonly" and "--db" in readonly.hint
    assert "--db" not in readonly.render("en")
