"""The last link of the chain price → forecast → stock → market (issue 16): a market scenario
that names a saved forecast or pricing scenario takes its units per month from it."""
from __future__ import annotations

import shutil

import pytest

from ecom_models.scenarios.markets import WEEKS_PER_MONTH
from ecom_models.scenarios.registry import get_kind
from ecom_models.scenarios.saved import compare_today, save
from tests.scenarios.test_kinds import QUERIES, _import, write_baskets


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("chain")
    _import(write_baskets(root / "orders.csv", 0, 40, seed=1), root / "store.db")
    return root / "store.db"


@pytest.fixture
def store(template, tmp_path, monkeypatch):
    db = tmp_path / "store.db"
    shutil.copy(template, db)
    monkeypatch.setenv("ECOM_DB", str(db))
    monkeypatch.setenv("ECOM_NO_DEMO", "1")
    return db


def _market(db, **fixed):
    return save(db, "markets", get_kind("markets").build(db, {**QUERIES["markets"], "m_price": "40", "m_units": "3"}, **fixed))


def test_price_forecast_market_chain(store):
    from ecom_models.scenarios import PricingInputs

    price = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=15))
    forecast = save(store, "forecast", get_kind("forecast").build(store, {"f_series": "A-1"}, parent_id=price.id))
    market = _market(store, parent_id=forecast.id)
    assert market.steps == (price.id, forecast.id, market.id)
    # the forecast's what-if units over its horizon, per month: units ÷ weeks × 52/12
    expected = forecast.results["units_scenario"] / forecast.results["horizon_weeks"] * WEEKS_PER_MONTH
    assert market.results["units_per_month"] == pytest.approx(expected)
    assert market.results["units_from"] == forecast.id
    alone = _market(store)
    assert alone.results["units_per_month"] == 3.0 and alone.results["units_from"] is None
    margin = market.results["contribution_margin"]
    assert margin > 0
    # months to break even = fixed entry costs ÷ (margin per unit × the parent's units per month)
    assert market.results["months_to_break_even"] == pytest.approx(market.inputs.fixed_costs_base / (margin * expected))
    assert compare_today(store, market, recompute=True).same_numbers


def test_a_pricing_parent_gives_the_weekly_units_at_the_new_price(store):
    from ecom_models.scenarios import PricingInputs

    price = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=-10))
    market = _market(store, parent_id=price.id)
    weekly = next(r["units"] for r in price.results["per_sku"] if r["sku"] == "A-1")
    assert market.results["units_per_month"] == pytest.approx(weekly * 52 / 12)


def test_a_forecast_of_another_product_is_refused(store):
    forecast = save(store, "forecast", get_kind("forecast").build(store, {"f_series": "A-2"}))
    with pytest.raises(LookupError, match="parent_id"):
        _market(store, parent_id=forecast.id)
