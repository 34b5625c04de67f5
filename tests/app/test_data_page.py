"""AppTest: the Data page's upload, validation report, import and history (shop fixture
and expected figures: tests/app/shop.py)."""
from __future__ import annotations

import pytest

from tests.app.shop import (
    EXTRA_CSV,
    EXTRA_NAME,
    FIXTURE,
    SHOWN_ALL,
    SHOWN_WITH_EXTRA,
    assert_no_live_markup,
    history_files,
    new_app,
    no_exception,
    open_data_page,
    shown,
    unescape,
    upload,
)
from tests.conftest import shared_path as shared_file

# ------------------------------------------------------------------------------ data page

def test_upload_validate_import_and_see_the_overview_change(shop_store):
    at = new_app().run()
    assert shown(at) == SHOWN_ALL
    at.switch_page("pages/data.py").run()
    at.selectbox(key="import_format").select("generic").run()
    upload(at, EXTRA_NAME, EXTRA_CSV)
    no_exception(at)
    # the validation report
    assert any(EXTRA_NAME in unescape(s.value) for s in at.subheader)
    report = {m.label: m.value for m in at.metric}
    assert (report["Rows read"], report["Rows to import"], report["Rows skipped"]) == ("2", "2", "0")
    assert not at.error, [e.value for e in at.error]
    # import
    at.button(key="commit_imports").click().run()
    no_exception(at)
    assert sorted(history_files(at)) == sorted(["shop_eur_orders.csv", EXTRA_NAME])
    assert at.session_state["upload_round"] == 1                 # a fresh, empty uploader
    assert not at.get("file_uploader")[0].value
    at.switch_page("pages/overview.py").run()
    no_exception(at)
    assert shown(at) == SHOWN_WITH_EXTRA


def test_uploading_an_imported_file_again_changes_nothing(shop_store):
    at = open_data_page()
    upload(at, "shop_eur_orders.csv", FIXTURE.read_bytes())
    no_exception(at)
    assert any("Already imported" in i.value for i in at.info), [i.value for i in at.info]
    assert not [b for b in at.button if b.key == "commit_imports"], "nothing to import"
    assert history_files(at) == ["shop_eur_orders.csv"]
    at.switch_page("pages/overview.py").run()
    assert shown(at) == SHOWN_ALL


@pytest.mark.parametrize("name, raw", [
    ("header_only.csv", FIXTURE.read_bytes().split(b"\n")[0] + b"\n"),
    ("empty.csv", b""),
    ("<img src=x onerror=alert(1)>.csv", FIXTURE.read_bytes().split(b"\n")[0] + b"\n"),
], ids=["header-only", "empty", "hostile-name"])
def test_a_bad_file_is_rejected_by_name_and_nothing_is_imported(shop_store, name, raw):
    at = open_data_page()
    upload(at, name, raw)
    no_exception(at)
    errors = [unescape(e.value) for e in at.error]
    assert any(name in e for e in errors), errors
    assert not [b for b in at.button if b.key == "commit_imports"]
    assert history_files(at) == ["shop_eur_orders.csv"]
    assert_no_live_markup(at)
    at.switch_page("pages/overview.py").run()
    assert shown(at) == SHOWN_ALL


def test_hostile_names_in_report_and_errors_stay_text(empty_store):
    """The preview of a file with hostile product names, and an error quoting a hostile
    cell, render no live markup (guards against Markdown/HTML injection, docs/architecture.md §5)."""
    at = open_data_page()
    at.selectbox(key="import_format").select("generic").run()
    upload(at, "shop_eur_orders.csv", FIXTURE.read_bytes())
    no_exception(at)
    assert [b for b in at.button if b.key == "commit_imports"]
    assert_no_live_markup(at)
    hostile_cell = FIXTURE.read_bytes().replace(b";3;9,99;", b";3;[x](javascript:alert(1));")
    upload(at, "hostile_cell.csv", hostile_cell)
    no_exception(at)
    assert any("javascript" in e.value and "hostile_cell" in unescape(e.value) for e in at.error)
    assert_no_live_markup(at)
    at.switch_page("pages/overview.py").run()
    assert any("no orders yet" in i.value for i in at.info)


def test_the_report_of_an_auto_detected_file_is_stable_across_reruns(empty_store):
    """Regression: auto-filled mapping boxes must not be read back as a user mapping."""
    at = open_data_page()
    upload(at, "shop_eur_orders.csv", FIXTURE.read_bytes())      # format left on 'auto'
    no_exception(at)
    first = ([e.value for e in at.error], [b.key for b in at.button])
    at.run()                                                     # any unrelated rerun
    no_exception(at)
    assert ([e.value for e in at.error], [b.key for b in at.button]) == first


def test_shopware_export_through_the_data_page(shop_store):
    """The real Shopware 5 orders export (EUR) is recognised and previewed; importing it
    adds its 2 orders and 1,001.56 of product revenue net of VAT (README of ../shared/data:
    order 57 has net = 0, so its 196.86 include 19 % VAT: 836.134 + 196.86 / 1.19)."""
    path = shared_file("shopware5", "export_orders.csv")
    at = open_data_page()
    upload(at, path.name, path.read_bytes())
    no_exception(at)
    report = {m.label: m.value for m in at.metric}
    # 17 rows: 8 kept (4 of them products + 3 non-product lines + ...), 9 skipped
    assert (report["Rows read"], report["Rows to import"]) == ("17", "8")
    at.button(key="commit_imports").click().run()
    at.switch_page("pages/overview.py").run()
    # 5,923.69 + 1,001.56 = 6,925.25; 21 + 2 orders; AOV 6,925.25 / 23 = 301.10
    assert shown(at)[:2] == ["€6,925", "23"]
    assert shown(at)[3] == "€301.10"
    # the shop file's prices are as exported, Shopware's net of VAT: the Overview says so
    assert any("mix prices net of VAT" in c.value for c in at.caption), [c.value for c in at.caption]


# A corrected export of order B-1001: the mug's quantity 2 → 3 (one line changes), the
# teapot line dropped (the store keeps it unless asked), order B-2001 is new.
CORRECTED = ("Bestellnummer;Datum;Artikelnummer;Artikel;Menge;Einzelpreis;Währung;Kunde;Land\n"
             "B-1001;01.04.2024;00123;Kaffeebecher;3;12,90;EUR;K001;Deutschland\n"
             "B-2001;27.05.2024;A-300;Espressomaschine Deluxe;1;1.234,50;EUR;K020;Schweiz\n"
             ).encode("utf-8")


def _effect_text(at) -> str:
    return " ".join(unescape(w.value) for w in [*at.warning, *at.info]
                    if "What this import does" in w.value)


def test_the_page_says_what_an_import_will_do_before_writing(shop_store):
    at = open_data_page()
    upload(at, "corrected.csv", CORRECTED)
    no_exception(at)
    said = _effect_text(at)
    # new: B-2001; changed: the mug (2 → 3: +12.90); kept: the teapot (34.50) of B-1001
    assert "1 new lines" in said and "1 stored lines change" in said, said
    assert "1 orders in this file lack 1 lines the store has (kept" in said, said
    assert "€1,247.40" in said, said            # 1,234.50 + 12.90
    at.checkbox(key="import_replace").check().run()
    said = _effect_text(at)
    assert "(they will be removed)" in said and "€1,212.90" in said, said   # − 34.50
    at.button(key="commit_imports").click().run()
    no_exception(at)
    done = " ".join(unescape(s.value) for s in at.success)
    assert "1 new lines" in done and "€1,212.90" in done, done


def test_an_interrupted_import_is_reported_as_not_done(shop_store):
    """The commit loop records the files it has not finished; a rerun or a closed tab cuts
    the loop off (its transaction rolls back), and the next run of the page says so."""
    at = new_app()
    at.session_state["import_pending"] = ["big_export.csv"]
    at.run()
    at.switch_page("pages/data.py").run()
    assert any("big_export.csv" in unescape(e.value) and "did not happen" in e.value
               for e in at.error), \
        [e.value for e in at.error]
