"""The message catalogue (ecom_models/messages): both languages hold the same codes with
the same parameters, numbers follow the language, hints name the CLI flag on the command
line and the page's control on a page, and a coded IngestError keeps its English text."""
from __future__ import annotations

import pickle
import string

import pytest

from ecom_models.ingest.errors import IngestError
from ecom_models.ingest.reader import read_table
from ecom_models.messages import Message, de, en, render, render_any


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_german_has_every_code_with_the_same_parameters():
    assert set(de.TEXT) == set(en.TEXT)
    for code, template in en.TEXT.items():
        assert fields(de.TEXT[code]) == fields(template), code
    assert set(en.CLI) <= set(en.TEXT)


def test_numbers_and_words_follow_the_language():
    params = {"pct": 90, "low": -4.83, "high": -2.31}
    assert render("wide_interval", params) == "wide 90 % interval (-4.8 to -2.3)"
    assert render("wide_interval", params, "de") == "breites 90-%-Intervall (-4,8 bis -2,3)"
    assert render("few_changes", {"changes": 2, "span": 104, "unit": "week"}, "de") == \
        "Preis nur zweimal geändert in 104 Wochen"
    assert render("field_count_many", {"fields": 2, "expected": 3, "count": 1234}, "de") == \
        "diese Zeile hat 2 Felder, die Kopfzeile 3 (insgesamt 1.234 solche Zeilen)"


def test_nested_and_joined_codes():
    why = {"code": "cannot_estimate", "params": {"reason": {"code": "price_never_changed",
                                                            "params": {"span": 1, "unit": "day"}}}}
    assert render("no_recommendation", {"why": why}) == \
        "no recommendation: the elasticity cannot be estimated (price never changed in 1 day)"
    assert render("note_no_sales;note_cost_unknown", {}, "de") == \
        "keine Verkäufe in letzter Zeit: Ausgangswert ist null; Stückkosten unbekannt: Rohertrag nicht berechnet"


def test_a_message_is_its_english_text_and_survives_pickling():
    m = Message("field_count", {"fields": 3, "expected": 5})
    assert m == "this row has 3 fields, the header has 5" and m.code == "field_count"
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.params == m.params
    assert render_any(m, "de") == "diese Zeile hat 3 Felder, die Kopfzeile 5"
    assert render_any({"code": "empty_file"}, "de") == "die Datei ist leer"
    assert render_any("plain text", "de") == "plain text"


def test_hints_name_the_flag_on_the_cli_and_the_control_on_a_page():
    raw = b"a;b;c\n1;2;3\n4;5\n"
    with pytest.raises(IngestError) as caught:
        read_table(raw, "x.csv")
    err = caught.value
    assert err.code == "field_count" and err.params == {"fields": 2, "expected": 3}
    assert "--skip-bad-rows" in err.hint and "--skip-bad-rows" in err.message   # the CLI's words
    page_en, page_de = err.render("en"), err.render("de")
    assert "Skip malformed rows" in page_en and "--skip" not in page_en
    assert page_de.startswith("x.csv, Zeile 3: diese Zeile hat 2 Felder, die Kopfzeile 3")
    assert "Fehlerhafte Zeilen überspringen" in page_de
    data = err.to_dict()
    assert data["code"] == "field_count" and data["params"] == {"fields": 2, "expected": 3}
    assert data["message"] == err.message


def test_plain_text_errors_still_work():
    err = IngestError("something odd", file="f.csv", line=2, hint="check it")
    assert err.code is None and err.message == "f.csv, line 2: something odd — check it"
    assert err.render("de") == "f.csv, Zeile 2: something odd — check it"
