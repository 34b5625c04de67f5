"""AppTest of the Pricing page on the full demo data: it renders, a price change moves the
numbers, a URL reproduces a scenario exactly, and an invalid URL value shows a notice."""
from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


@pytest.fixture
def app(demo_db, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(demo_db))
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    return at


def open_pricing(at, **params):
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("pages/pricing.py").run()
    assert not at.exception, at.exception
    return at


def param(at, key: str) -> str:
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def figures(at) -> list[str]:
    return [m.value for m in at.metric]


def test_renders_on_demo_data_with_estimate_and_model_check(app):
    at = open_pricing(app)
    assert at.title[0].value == "Pricing what-if"
    assert [m.label for m in at.metric][:4] == ["Units per week", "Revenue per week",
                                            "Gross profit per week", "Chance profit rises"]
    text = " ".join(m.value for m in at.markdown)
    assert "Elasticity" in text and "90 % range" in text
    assert "Same model, price ignored" in [m.label for m in at.metric]   # the check: price effect vs none
    assert len(at.get("vega_lite_chart")) == 1     # the profit curve
    top = at.multiselect(key="skus").value
    assert len(top) == 1 and param(at, "skus") == top[0]   # default: the top-selling product


def test_price_change_updates_the_numbers(app):
    at = open_pricing(app, skus="22423", change="5")
    before = figures(at)
    at.number_input(key="change").set_value(15.0).run()
    after = figures(at)
    assert before[0] != after[0] and before[1] != after[1]
    assert param(at, "change") == "15"


def test_url_reproduces_the_scenario(app, demo_db, monkeypatch):
    at = open_pricing(app, skus="22423", change="12", margin="35", ending=".99", goal="revenue")
    shared = {k: param(at, k) for k in at.query_params}
    numbers, advice = figures(at), [s.value for s in at.success] + [i.value for i in at.info]
    st.cache_data.clear()
    fresh = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    fresh.run()
    fresh = open_pricing(fresh, **shared)
    assert figures(fresh) == numbers
    assert [s.value for s in fresh.success] + [i.value for i in fresh.info] == advice
    assert fresh.number_input(key="margin").value == 35.0
    assert fresh.selectbox(key="ending").value == ".99"


def test_invalid_url_values_fall_back_with_a_notice(app):
    at = open_pricing(app, skus="NOPE-123", change="9999", ending="7")
    notices = " ".join(w.value for w in at.warning)
    assert "price change" in notices and "price ending" in notices and "products" in notices
    assert at.number_input(key="change").value == 5.0
    assert at.selectbox(key="ending").value == "none"
    assert len(at.metric) == 7          # the page still works on the defaults (what-if 4, model check 3)
