"""Scenario inputs are validated with plain messages."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecom_models.pricing import PriceScenario


@pytest.mark.parametrize("kwargs, message", [
    (dict(), "give either price_change_pct or new_price"),
    (dict(price_change_pct=5, new_price=3.0), "give either price_change_pct or new_price"),
    (dict(price_change_pct=-100), "price_change_pct must be above -100"),
    (dict(price_change_pct=float("nan")), "price_change_pct must be a number"),
    (dict(price_change_pct="8"), "price_change_pct must be a number"),
    (dict(price_change_pct=True), "price_change_pct must be a number"),
    (dict(new_price=0.0), "new_price must be above zero"),
    (dict(price_change_pct=5, assumed_margin_pct=100), "assumed_margin_pct must be at least 0 and below 100"),
])
def test_invalid_scenarios(kwargs, message):
    with pytest.raises(ValueError, match=message):
        PriceScenario(**kwargs)


def test_scenario_is_frozen():
    s = PriceScenario(price_change_pct=8)
    with pytest.raises(AttributeError):
        s.price_change_pct = 9


@given(st.floats(-99, 500), st.floats(0.01, 1e4))
def test_percentage_change_round_trips(pct, price):
    new = PriceScenario(price_change_pct=pct).new_prices(np.array([price]))[0]
    assert math.isclose(100 * (new / price - 1), pct, rel_tol=1e-9, abs_tol=1e-9)
