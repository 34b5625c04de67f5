"""AppTest of the Forecast & stock page on the full demo data: it renders with the
baseline beside the forecast, a what-if moves the forecast, a URL rebuilds the same view,
invalid URL values fall back with a notice, and a typed-in stock gives an order."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


@pytest.fixture
def app(demo_db, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(demo_db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    at.run()
    return at


def open_forecast(at, **params):
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("pages/forecast.py").run()
    assert not at.exception, at.exception
    return at


def param(at, key: str) -> str:
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def metric(at, label_start: str) -> str:
    found = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert found, [m.label for m in at.metric]
    return found[0]


def markdown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_renders_forecast_with_baseline_stock_plan_and_check(app):
    at = open_forecast(app)
    assert at.title[0].value == "Forecast & stock"
    labels = [m.label for m in at.metric]
    assert labels[:3] == ["Units, next 8 weeks", "Method chosen", "Error vs baseline"]
    assert {"Safety stock", "Reorder point", "Order now", "Runs out", "Risk of running out"} <= set(labels)
    assert "seasonal-naive" in markdown(at)                    # the baseline is named and compared
    assert "Honest check" in markdown(at)
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.dataframe) == 2                               # all products' stock plan + scores
    assert param(at, "f_series") == at.selectbox(key="f_series").value
    # the demo has no stock export: the page asks for the stock instead of inventing one
    assert any("type in the stock" in c.value for c in at.caption)


def test_price_change_moves_the_forecast(app):
    at = open_forecast(app)
    assert not any("With the what-if" in m.value for m in at.markdown)
    at.number_input(key="f_price").set_value(-20.0).run()
    assert not at.exception, at.exception
    text = markdown(at)
    assert "With the what-if" in text
    # a 20 % cut raises units when demand falls with price (elasticity < 0), never leaves them equal
    assert "(+0.0%" not in text and "(+" in text
    assert param(at, "f_price") == "-20"


def test_url_reproduces_the_view(app, demo_db, monkeypatch):
    at = open_forecast(app, f_price="-10", f_lead="21", f_sl="97.5", f_stock="40", f_promo="2", f_disc="25")
    sku = at.selectbox(key="f_series").value
    shared = {k: param(at, k) for k in at.query_params}
    assert shared["f_series"] == sku and shared["f_lead"] == "21"
    numbers = [m.value for m in at.metric]
    text = markdown(at)
    fresh = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    fresh.run()
    fresh = open_forecast(fresh, **shared)
    assert [m.value for m in fresh.metric] == numbers
    assert markdown(fresh) == text
    assert fresh.number_input(key="f_sl").value == 97.5
    assert fresh.selectbox(key="f_promo").value == 2


def test_typed_stock_gives_an_order_and_a_stockout_date(app):
    at = open_forecast(app, f_stock="0", f_moq="50")
    order = metric(at, "Order now")
    assert order not in ("–", "0")                       # nothing in stock: something must be ordered
    assert int(order.replace(",", "")) >= 50             # at least the minimum order
    assert metric(at, "Risk of running out") != "–"
    assert any("reorder point" in w.value for w in at.warning)


def test_invalid_url_values_fall_back_with_a_notice(app):
    at = open_forecast(app, f_h="5", f_lead="999", f_series="NOPE-1")
    notices = " ".join(w.value for w in at.warning)
    assert "weeks ahead" in notices and "lead time" in notices and "series" in notices
    assert at.selectbox(key="f_h").value == 8
    assert at.number_input(key="f_lead").value == 14
    assert len(at.metric) >= 8                          # the page works on the defaults


def test_german_page(demo_db, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(demo_db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    at.query_params["lang"] = "de"
    at.run()
    at = open_forecast(at, lang="de")
    assert at.title[0].value == "Prognose & Bestand"
    assert "Vergleichswert" in markdown(at)
