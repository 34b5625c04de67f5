"""AppTest of the Bundles page on the two-year Shopware shop (../shared/data): the page
renders what the numbers stand on and the planted pair first, a what-if input changes the
figures, and the URL alone rebuilds them; bad URL values fall back with a notice; German."""
from __future__ import annotations

import pytest
import streamlit as st

from tests.app.shop import new_app, no_exception, use_store
from tests.conftest import shared_path

PAGE = "pages/bundles.py"


@pytest.fixture(scope="module")
def shopware_db(tmp_path_factory):
    from ecom_models.ingest.pipeline import import_file

    db = tmp_path_factory.mktemp("bundles_page") / "shop.db"
    for name in ("export_articles_instock.csv", "export_articles_prices.csv", "export_customers.csv",
                 "export_orders.csv"):
        assert import_file(shared_path("shopware5-shop-2y", name), db)["status"] == "imported"
    return db


@pytest.fixture
def shop(shopware_db, monkeypatch):
    st.cache_resource.clear()
    return use_store(monkeypatch, shopware_db)


def open_page(query: dict | None = None):
    """A fresh session (nothing but the URL) on the Bundles page, as a shared link opens it."""
    query = dict(query or {})
    at = new_app({"lang": query.pop("lang")} if "lang" in query else None).run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    no_exception(at)
    return at


def figures(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_page_renders_the_basis_the_suggestions_and_a_what_if(shop):
    at = open_page()
    shown = figures(at)
    assert shown["Orders"] == "33,429"                          # product orders, returns netted
    assert at.get("vega_lite_chart"), "the basket-size chart is missing"
    first = at.dataframe[0].value.iloc[0]
    assert first["Bundle"] == "Earl Grey blau + Kräutertee blau"
    assert first["How sure"] == "very sure" and first["Lift (× chance)"].endswith("×")
    assert "as often as chance would give" in first["Why"]
    # the what-if starts on the best suggestion, with figures and their ranges
    assert at.query_params["b_items"] == "SW20054,SW20060"
    assert {"Bundles per week", "Extra revenue", "Extra gross profit", "Chance profit rises"} <= set(shown)
    # at the default strictness all six linked pairs are suggested, the sleeper rescue included
    table = at.dataframe[0].value
    assert len(table) == 6 and (table["How sure"] == "very sure").all()
    assert any("sleeper rescue" in why for why in table["Why"])
    assert any(c.value.startswith("80 % range:") for c in at.caption)


def test_a_what_if_input_changes_the_figures_and_the_url_rebuilds_them(shop):
    at = open_page()
    before = figures(at)
    at.number_input(key="b_discount").set_value(25.0).run()
    no_exception(at)
    after = figures(at)
    assert after["Extra gross profit"] != before["Extra gross profit"]
    assert after["Bundles per week"] != before["Bundles per week"]
    query = {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    assert query["b_discount"] == "25"
    shared = open_page(query)
    assert figures(shared) == after


def test_price_mode_and_other_products_from_the_url(shop):
    at = open_page({"b_items": "SW20019,SW20013", "b_mode": "price", "b_price": "20"})
    assert any("Bundle price €20.00" in c.value for c in at.caption)
    assert at.multiselect(key="b_items").value == ["SW20019", "SW20013"]


def test_invalid_url_values_fall_back_with_a_notice(shop):
    at = open_page({"b_discount": "500", "b_channel": "nope", "b_items": "NOPE1,SW20054"})
    warnings = " ".join(w.value for w in at.warning)
    assert "bundle discount" in warnings and "shop" in warnings and "NOPE1" in warnings
    assert at.number_input(key="b_discount").value == 10.0


def test_german(shop):
    at = open_page({"lang": "de"})
    assert at.title[0].value == "Bündel"
    assert "Mehr-Rohertrag" in figures(at)
    assert at.dataframe[0].value.iloc[0]["Wie sicher"] == "sehr sicher"


def test_empty_store(empty_store):
    st.cache_resource.clear()
    at = open_page()
    assert at.title[0].value == "Bundles" and at.info


def test_sessions_share_one_mining_result(shop):
    """Issue 21: two sessions get the same object for the same data version and inputs."""
    from ui import bundles_view

    key = (str(shop), ("x", 1), "shopware", None, None, None, 0.001, 20)
    assert bundles_view._view(*key) is bundles_view._view(*key)
