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
    assert len(at.get("vega_lite_chart")) == 1
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
