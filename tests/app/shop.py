"""The AppTest shop fixture and the functions that drive the app in tests/app.

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
import re
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

from ecom_models.ingest.pipeline import import_file

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
    st.cache_resource.clear()
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
