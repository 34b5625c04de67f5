"""AppTest of the Portfolio and Customers pages on the Shopware shop (issue 20): they
render, an input changes the numbers, and a URL reproduces the view."""
from __future__ import annotations

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.shop import use_store
from tests.conftest import REPO, shared_path


@pytest.fixture(scope="module")
def shopware_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sw") / "sw.db"
    files = sorted(str(p) for p in shared_path("shopware5-shop-2y", "export_orders.csv").parent.glob("*.csv"))
    done = subprocess.run([sys.executable, "-m", "ecom_models", "import", *files, "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return db


def open_page(page, **params):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    if "lang" in params:
        at.query_params["lang"] = params["lang"]
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_portfolio_renders_changes_and_reproduces(shopware_db, monkeypatch):
    use_store(monkeypatch, shopware_db)
    at = open_page("pages/portfolio.py")
    assert at.title[0].value == "Portfolio"
    assert "A-products" in text(at) and "sleepers" in text(at) and "units came back" in text(at)
    note = [i.value for i in at.info if i.value.startswith("In short")][0]
    assert "A-products make" in note and "sleepers" in note       # the closing note reports them
    before = text(at)
    at.number_input(key="p_a").set_value(60.0).run()         # fewer A-products with a 60 % A share
    assert not at.exception
    assert text(at) != before
    shared = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert shared["p_a"] == "60"
    fresh = open_page("pages/portfolio.py", **shared)
    assert text(fresh) == text(at)
    assert fresh.number_input(key="p_a").value == 60.0


def test_customers_renders_changes_and_reproduces(shopware_db, monkeypatch):
    use_store(monkeypatch, shopware_db)
    at = open_page("pages/customers.py")
    assert at.title[0].value == "Customers"
    assert "Expected revenue from today's customers in the next 52 weeks" in text(at)
    assert "Honest check" in text(at)
    assert len(at.get("vega_lite_chart")) == 2                  # new vs returning; retention curve
    note = [i.value for i in at.info if i.value.startswith("In short")][0]
    # the closing note reports repeat rates per customer group (Shopware end customers and traders)
    assert "end customers (EK)" in note and "traders (H)" in note and "2,400 customers" in note
    all_customers = [m.value for m in at.metric]
    at.selectbox(key="c_group").set_value("H").run()            # traders only
    assert not at.exception
    assert [m.value for m in at.metric] != all_customers
    at.selectbox(key="c_horizon").set_value(26).run()
    assert "next 26 weeks" in text(at)
    shared = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert shared == {"c_group": "H", "c_horizon": "26"}
    fresh = open_page("pages/customers.py", **shared)
    assert [m.value for m in fresh.metric] == [m.value for m in at.metric]
    assert text(fresh) == text(at)


def test_german_pages(shopware_db, monkeypatch):
    use_store(monkeypatch, shopware_db)
    at = open_page("pages/portfolio.py", lang="de")
    assert at.title[0].value == "Sortiment" and "A-Artikel" in text(at)
    at = open_page("pages/customers.py", lang="de")
    assert at.title[0].value == "Kunden" and "Erwarteter Umsatz" in text(at)


def test_nps_upload_of_a_latin1_export(shopware_db, tmp_path, monkeypatch):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(shopware_db, db)
    use_store(monkeypatch, db)
    at = open_page("pages/customers.py")
    assert any("No survey yet" in i.value for i in at.info)
    raw = (REPO / "tests" / "data" / "survey_latin1.csv").read_bytes()
    at.file_uploader(key="nps_upload").set_value(("umfrage.csv", raw, "text/csv")).run()
    assert not at.exception, at.exception
    assert "NPS **-11** (95 % range -68 to 46) from 9 responses" in text(at)
    at.selectbox(key="c_seg").set_value("Händler").run()
    assert "NPS **25**" in text(at)
    shared = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert shared["c_seg"] == "Händler" and shared["c_survey"] == "1"
    fresh = open_page("pages/customers.py", **shared)
    assert "NPS **25**" in text(fresh)
    # a bad file is rejected with its line and column, and nothing is added
    at.file_uploader(key="nps_upload").set_value(("bad.csv", b"score\n5\n11\n", "text/csv")).run()
    assert any("line 3" in e.value and "score" in e.value for e in at.error)
    from ecom_models.store.surveys import list_surveys
    assert len(list_surveys(db)) == 1


def test_demo_data_pages(demo_db, monkeypatch):
    """The bundled demo (UCI Online Retail: no stock export, no costs, guest orders)."""
    use_store(monkeypatch, demo_db)
    at = open_page("pages/portfolio.py", p_by="profit")
    assert "A-products" in text(at) and "sleepers" in text(at)
    # no unit costs in the demo: ABC by gross profit says so and falls back to revenue
    assert any("Gross profit needs unit costs" in i.value for i in at.info)
    assert "of the revenue" in text(at)
    at = open_page("pages/customers.py")
    assert any("Guest orders" in c.value for c in at.caption)                      # guests counted apart
    assert "Expected revenue from today's customers" in text(at)
