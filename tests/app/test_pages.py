"""AppTest: every page renders, and the Overview / Data pages' main interactions work.

The store is built with the real importer from ``tests/data/shop_eur_orders.csv``, a
German-style generic export (``;``, decimal comma ``1.234,50``, ``DD.MM.YYYY``; 40 lines,
22 order numbers, 01.04.2024 – 26.05.2024, Deutschland / Österreich / Schweiz, one return
line, SKU ``00123`` and two hostile product names). The expected KPIs below were computed
by hand from that file and are re-derived in ``independent_kpis`` with the ``csv`` module
and ``Decimal`` (no pandas, no app code), so a wrong number in the app cannot also be the
expectation.
"""
from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

from ecom_models.ingest.pipeline import import_file
from ecom_models.store.queries import order_lines
from tests.conftest import shared_path as shared_file  # one locator for ../shared/data

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")
FIXTURE = REPO / "tests" / "data" / "shop_eur_orders.csv"
TIMEOUT = 60
# The fixture's German header is not recognised by fmt="auto" (the generic preset has no
# header signature), so it is imported as the generic format, as a user would pick it.
FIXTURE_FORMAT = "generic"
HOSTILE = ("<img src=x onerror=alert(1)>", "[x](javascript:alert(1))")
KPI_LABELS = ["Revenue", "Orders", "Units", "Avg. order value", "Customers", "Return rate"]

# ---------------------------------------------------------------------------------------
# Expected figures, computed by hand from tests/data/shop_eur_orders.csv.
#
# Per product (net units × unit price):
#   00123 Kaffeebecher        22 × 12.90   =   283.80
#   A-200 Teekanne Glas        8 × 34.50   =   276.00  (9 sold, 1 returned in B-1015)
#   A-300 Espressomaschine     4 × 1234.50 = 4,938.00
#   A-400 <img …>             11 × 9.99    =   109.89
#   A-500 [x](javascript:…)    9 × 19.00   =   171.00
#   A-600 Müsli-Schale        20 × 7.25    =   145.00
#   total                     74 units     = 5,923.69
# Orders: B-1001 … B-1022 without B-1015 (a return only) = 21. Customers K001 … K013 = 13.
# AOV = 5,923.69 / 21 = 282.08. Return rate = 1 returned / 75 sold = 1.33 %.
# Per country: Deutschland 2,901.31 (9 orders), Österreich 1,570.59 (7), Schweiz 1,451.79
# (5 orders: B-1004 50.90, B-1009 64.50, B-1011 1,234.50, B-1016 61.59, B-1019 40.30;
# 18 units; customers K004 K007 K008 K012). The three add up to 5,923.69.
# Österreich 15.04.–12.05.2024: B-1006 69.30 + B-1008 28.99 + B-1013 53.65 = 151.94,
# 3 orders, 15 units, AOV 50.65.
# 03.05.2024 alone: B-1011, one Espressomaschine at 1,234.50.
# ---------------------------------------------------------------------------------------
ALL = {"revenue": Decimal("5923.69"), "orders": 21, "units": 74, "customers": 13,
       "returned": 1, "sold": 75}
SCHWEIZ = {"revenue": Decimal("1451.79"), "orders": 5, "units": 18, "customers": 4,
           "returned": 0, "sold": 18}
AT_SPRING = {"revenue": Decimal("151.94"), "orders": 3, "units": 15, "customers": 3,
             "returned": 0, "sold": 15}
MAY_3 = {"revenue": Decimal("1234.50"), "orders": 1, "units": 1, "customers": 1,
         "returned": 0, "sold": 1}
# The same figures as the Overview's metrics must show them (revenue without cents).
SHOWN_ALL = ["€5,924", "21", "74", "€282.08", "13", "1.3%"]
SHOWN_SCHWEIZ = ["€1,452", "5", "18", "€290.36", "4", "0.0%"]
SHOWN_AT_SPRING = ["€152", "3", "15", "€50.65", "3", "0.0%"]
# German: 1.234,50 € style (a no-break space before €; compared with spaces normalised).
# 1,234.50 without cents is 1.235: money rounds half up, as invoices do.
SHOWN_MAY_3_DE = ["1.235 €", "1", "1", "1.234,50 €", "1", "0,0 %"]

# An extra export uploaded through the Data page: 2 new orders, +1,234.50 + 10 × 12.90.
EXTRA_NAME = "extra_orders.csv"
EXTRA_CSV = (
    "Bestellnummer;Datum;Artikelnummer;Artikel;Menge;Einzelpreis;Währung;Kunde;Land\n"
    "B-2001;27.05.2024;A-300;Espressomaschine Deluxe;1;1.234,50;EUR;K020;Schweiz\n"
    "B-2002;28.05.2024;00123;Kaffeebecher;10;12,90;EUR;K021;Deutschland\n"
).encode("utf-8")
# 5,923.69 + 1,363.50 = 7,287.19; 23 orders; 85 units; AOV 316.83; 15 customers;
# return rate 1 / 86 = 1.16 %.
SHOWN_WITH_EXTRA = ["€7,287", "23", "85", "€316.83", "15", "1.2%"]


def independent_kpis(country: str | None = None, date_from: date | None = None,
                     date_to: date | None = None) -> dict:
    """KPIs of the fixture computed without the app: csv module, Decimal, German numbers
    parsed by hand ('1.234,50' -> 1234.50). Definitions as in the app's KPI help texts."""
    def num(text: str) -> Decimal:
        return Decimal(text.replace(".", "").replace(",", "."))

    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    chosen = []
    for row in rows:
        day = datetime.strptime(row["Datum"], "%d.%m.%Y").date()
        if country and row["Land"] != country:
            continue
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        chosen.append(row)
    net_per_order: dict[str, Decimal] = defaultdict(Decimal)
    customers = set()
    for row in chosen:
        net_per_order[row["Bestellnummer"]] += num(row["Menge"])
        if num(row["Menge"]) > 0:
            customers.add(row["Kunde"])
    return {
        "revenue": sum((num(r["Menge"]) * num(r["Einzelpreis"]) for r in chosen), Decimal(0)),
        "orders": sum(1 for v in net_per_order.values() if v > 0),
        "units": int(sum(num(r["Menge"]) for r in chosen)),
        "customers": len(customers),
        "returned": int(-sum(num(r["Menge"]) for r in chosen if num(r["Menge"]) < 0)),
        "sold": int(sum(num(r["Menge"]) for r in chosen if num(r["Menge"]) > 0)),
    }


# ------------------------------------------------------------------ helpers and fixtures

def registered_pages() -> list[str]:
    """Every page app.py registers with st.navigation (so a new page is smoke-tested too)."""
    pages = re.findall(r"""st\.Page\(\s*["']([^"']+\.py)["']""", (REPO / "app.py").read_text())
    assert pages, "no st.Page(...) found in app.py"
    return pages


PAGE_TITLES = {"pages/overview.py": "Overview", "pages/data.py": "Data",
               "pages/pricing.py": "Pricing"}


def use_store(monkeypatch, db: Path) -> Path:
    monkeypatch.setenv("ECOM_DB", str(db))
    monkeypatch.setenv("ECOM_NO_DEMO", "1")
    st.cache_data.clear()
    return db


@pytest.fixture
def shop_store(tmp_path, monkeypatch) -> Path:
    """A temp store holding the fixture export, imported by the real importer."""
    db = tmp_path / "shop.db"
    result = import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)
    assert result["status"] == "imported", result.get("error")
    return use_store(monkeypatch, db)


@pytest.fixture
def empty_store(tmp_path, monkeypatch) -> Path:
    return use_store(monkeypatch, tmp_path / "empty.db")


def new_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def shown(at: AppTest) -> list[str]:
    """The Overview's six KPI values, spaces normalised (babel uses no-break spaces)."""
    metrics = {m.label: m.value for m in at.metric}
    assert [label for label in KPI_LABELS if label in metrics] == KPI_LABELS, list(metrics)
    return [metrics[label].replace("\u00a0", " ").replace("\u202f", " ") for label in KPI_LABELS]


def shown_de(at: AppTest) -> list[str]:
    return [m.value.replace("\u00a0", " ").replace("\u202f", " ") for m in at.metric]


def metric_snapshot(at: AppTest) -> list[tuple]:
    return [(m.label, m.value, m.delta) for m in at.metric]


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def rendered_markdown(at: AppTest) -> list[str]:
    """Every text Streamlit renders as Markdown: markdown/captions/headings/alerts/toasts
    and widget, expander and metric labels, from the main area and the sidebar."""
    texts = []
    for node in [*walk(at.main), *walk(at.sidebar)]:
        if isinstance(node, (et.Markdown, et.HeadingBase, et.AlertBase, et.Toast, et.Html)):
            texts.append(str(node.value))
        if isinstance(node, et.Exception):
            texts.append(str(node.message))
        label = getattr(node, "label", None)
        if isinstance(label, str):
            texts.append(label)
    return texts


def assert_no_live_markup(at: AppTest) -> None:
    """Guards against HTML/Markdown injection through product or file names: a raw '<img'
    or a live '](javascript:' link in any Markdown-rendered text would be markup."""
    texts = rendered_markdown(at)
    assert texts, "nothing rendered: the guard would pass vacuously"
    for text in texts:
        assert not re.search(r"(?<!\\)<img", text, re.IGNORECASE), text
        assert "](javascript:" not in text.lower(), text


def open_data_page(query: dict | None = None) -> AppTest:
    at = new_app(query).run()
    no_exception(at)
    at.switch_page("pages/data.py").run()
    no_exception(at)
    return at


def upload(at: AppTest, name: str, raw: bytes, mime: str = "text/csv") -> AppTest:
    key = f"uploads_{at.session_state['upload_round']}"   # pages/data.py: uploads_<round>
    at.file_uploader(key=key).set_value((name, raw, mime)).run()
    return at


def history_files(at: AppTest) -> list[str]:
    for frame in at.dataframe:
        if "file_name" in frame.value.columns:
            return frame.value["file_name"].tolist()
    return []


def test_the_markup_guard_catches_raw_markup():
    """The injection guard used below is not vacuous: unescaped names trip it, escaped
    ones (ui.safe.md_escape) do not."""
    def page(text):
        return AppTest.from_string(f"import streamlit as st\nst.caption({text!r})").run()

    for raw in HOSTILE:
        with pytest.raises(AssertionError):
            assert_no_live_markup(page(raw))
    from ui.safe import md_escape
    for raw in HOSTILE:
        assert_no_live_markup(page(md_escape(raw)))


# ----------------------------------------------------------------------------- the fixture

def test_fixture_imports_as_a_german_generic_export(tmp_path):
    """The fixture is what it claims: ';', decimal comma, day-first dates, 40 lines kept,
    SKU 00123 with its leading zeros, the return as a negative line."""
    db = tmp_path / "f.db"
    result = import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)
    assert result["status"] == "imported", result.get("error")
    detected = result["report"]["detected"]
    assert (detected["delimiter"], detected["decimal"], detected["date_format"]) == (";", ",", "%d.%m.%Y")
    assert result["lines_stored"] == 40
    lines = order_lines(db)
    assert "00123" in set(lines["sku"].astype(str))
    assert set(lines["product_name"].astype(str)) >= set(HOSTILE)
    assert int(lines["is_return"].sum()) == 1
    assert sorted(lines["country"].astype(str).unique()) == ["Deutschland", "Schweiz", "Österreich"]


@pytest.mark.parametrize("expected, filters", [
    (ALL, {}),
    (SCHWEIZ, {"country": "Schweiz"}),
    (AT_SPRING, {"country": "Österreich", "date_from": date(2024, 4, 15), "date_to": date(2024, 5, 12)}),
    (MAY_3, {"date_from": date(2024, 5, 3), "date_to": date(2024, 5, 3)}),
], ids=["all", "schweiz", "at-spring", "may-3"])
def test_hand_figures_match_an_independent_recount(expected, filters):
    assert independent_kpis(**filters) == expected


def test_shown_strings_follow_from_the_hand_figures():
    """The display strings above are the hand figures rounded as the page shows them."""
    def money0(v): return f"€{v.quantize(Decimal('1'), ROUND_HALF_UP):,}"
    def money2(v): return f"€{v.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    for figures, shown_values in [(ALL, SHOWN_ALL), (SCHWEIZ, SHOWN_SCHWEIZ), (AT_SPRING, SHOWN_AT_SPRING)]:
        rate = Decimal(figures["returned"]) / figures["sold"] * 100
        assert shown_values == [money0(figures["revenue"]), str(figures["orders"]), str(figures["units"]),
                                money2(figures["revenue"] / figures["orders"]), str(figures["customers"]),
                                f"{rate.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"]


# ---------------------------------------------------------------------------- smoke test

@pytest.mark.parametrize("page", registered_pages())
def test_every_page_renders(shop_store, page):
    at = new_app().run()
    no_exception(at)
    at.switch_page(page).run()
    no_exception(at)
    titles = [t.value for t in at.title]
    if page in PAGE_TITLES:   # the page's own title (it may grow: "Pricing what-if")
        assert any(t.startswith(PAGE_TITLES[page]) for t in titles), titles
    else:  # a page added after this test was written: it must at least have a title
        assert titles, f"{page} shows no title"


def test_registered_pages_include_the_known_ones():
    assert set(PAGE_TITLES) <= set(registered_pages())


# ------------------------------------------------------------------------------ overview

def test_overview_shows_the_hand_computed_kpis(shop_store):
    at = new_app().run()
    no_exception(at)
    assert shown(at) == SHOWN_ALL
    assert not at.warning, [w.value for w in at.warning]
    assert at.get("vega_lite_chart"), "the revenue chart is missing"
    assert_no_live_markup(at)


def test_country_filter_changes_revenue_and_url(shop_store):
    at = new_app().run()
    before = shown(at)
    at.selectbox(key="country").select("Schweiz").run()
    no_exception(at)
    assert shown(at) == SHOWN_SCHWEIZ
    assert shown(at)[0] != before[0]
    assert at.query_params.get("country") in ("Schweiz", ["Schweiz"])


def test_link_reproduces_the_widget_view(shop_store):
    """Setting the widgets, and opening the link they produce, give the same metrics."""
    at = new_app().run()
    at.selectbox(key="country").select("Österreich").run()
    at.date_input(key="from").set_value(date(2024, 4, 15)).run()
    at.date_input(key="to").set_value(date(2024, 5, 12)).run()
    no_exception(at)
    assert shown(at) == SHOWN_AT_SPRING
    link = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert {k: link.get(k) for k in ("country", "from", "to")} == \
        {"country": "Österreich", "from": "2024-04-15", "to": "2024-05-12"}
    assert set(link) <= {"country", "from", "to", "currency", "grain", "lang"}, link

    shared = new_app(link).run()
    no_exception(shared)
    assert metric_snapshot(shared) == metric_snapshot(at)   # values and changes alike
    assert shared.selectbox(key="country").value == "Österreich"
    assert shared.date_input(key="from").value == date(2024, 4, 15)
    assert not shared.warning, [w.value for w in shared.warning]


def test_filters_survive_a_page_switch(shop_store):
    at = new_app().run()
    at.selectbox(key="country").select("Schweiz").run()
    at.switch_page("pages/data.py").run()
    no_exception(at)
    at.switch_page("pages/overview.py").run()
    no_exception(at)
    assert shown(at) == SHOWN_SCHWEIZ


def test_an_open_overview_sees_a_new_import(shop_store):
    """Another tab (or the CLI) imports while this session is open: the next rerun must
    count the new orders, as the user never picked a date range."""
    at = new_app().run()
    assert shown(at) == SHOWN_ALL
    extra = shop_store.parent / EXTRA_NAME
    extra.write_bytes(EXTRA_CSV)
    assert import_file(extra, shop_store, fmt=FIXTURE_FORMAT)["status"] == "imported"
    at.run()
    no_exception(at)
    assert shown(at) == SHOWN_WITH_EXTRA


@pytest.mark.parametrize("query, label", [
    ({"from": "2024-13-45"}, "start date"),
    ({"to": "yesterday"}, "end date"),
    ({"from": "1999-01-01"}, "start date"),                # outside the data
    ({"country": "Atlantis"}, "country"),
    ({"country": "<img src=x onerror=alert(1)>"}, "country"),
    ({"currency": "XXX"}, "currency"),
    ({"grain": "fortnight"}, "time grain"),
    ({"lang": "xx"}, "language"),
    ({"from": "2024-05-10", "to": "2024-04-10"}, "date"),
], ids=["bad-from", "bad-to", "from-outside-data", "unknown-country", "hostile-country",
        "unknown-currency", "bad-grain", "bad-lang", "from-after-to"])
def test_invalid_link_values_warn_and_fall_back(shop_store, query, label):
    at = new_app(query).run()
    no_exception(at)
    notices = [unescape(w.value) for w in at.warning]
    assert any(label in n and "default is shown" in n for n in notices), notices
    assert shown(at) == SHOWN_ALL                          # the default view
    for key in query:                                      # the bad value left the URL
        assert at.query_params.get(key) != query[key]
    assert_no_live_markup(at)


def test_all_invalid_values_at_once(shop_store):
    at = new_app({"from": "2024-13-45", "country": "Atlantis", "lang": "xx"}).run()
    no_exception(at)
    notices = " | ".join(unescape(w.value) for w in at.warning)
    for label in ("start date", "country", "language"):
        assert label in notices
    assert shown(at) == SHOWN_ALL
    assert at.selectbox(key="country").value is None
    assert at.selectbox(key="lang").value == "en"


def test_german_formats_money_the_german_way(shop_store):
    at = new_app({"lang": "de", "from": "2024-05-03", "to": "2024-05-03"}).run()
    no_exception(at)
    assert [m.label for m in at.metric][:2] == ["Umsatz", "Bestellungen"]
    assert shown_de(at) == SHOWN_MAY_3_DE
    assert "Überblick" in [t.value for t in at.title]


def test_empty_store_says_no_orders_yet(empty_store):
    at = new_app().run()
    no_exception(at)
    assert any("no orders yet" in i.value for i in at.info), [i.value for i in at.info]
    assert not at.metric
    assert at.get("page_link"), "the link to the Data page is missing"


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
    cell, render no live markup (guards against Markdown/HTML injection, GUIDE §5)."""
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
    adds its 2 orders and 1,032.99 of product revenue (README of ../shared/data)."""
    path = shared_file("shopware5", "export_orders.csv")
    at = open_data_page()
    upload(at, path.name, path.read_bytes())
    no_exception(at)
    report = {m.label: m.value for m in at.metric}
    # 17 rows: 8 kept (4 of them products + 3 non-product lines + ...), 9 skipped
    assert (report["Rows read"], report["Rows to import"]) == ("17", "8")
    at.button(key="commit_imports").click().run()
    at.switch_page("pages/overview.py").run()
    # 5,923.69 + 1,032.99 = 6,956.68; 21 + 2 orders; AOV 6,956.68 / 23 = 302.46
    assert shown(at)[:2] == ["€6,957", "23"]
    assert shown(at)[3] == "€302.46"
