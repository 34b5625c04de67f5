"""Best price under constraints: golden optima from the Lerner rule and hand calculations."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from ecom_models.pricing import (PRICE_ENDINGS, PriceConstraints, PriceRecommendation, best_price,
                                 best_prices, candidate_prices)

from .synthetic_shop import estimate_rows

COST = {"A": 6.0}


def rec_for(elasticity=-3.0, sd=0.0, costs=COST, **constraints):
    est = estimate_rows(elasticity=elasticity, elasticity_sd=sd)
    return best_price(est, "A", PriceConstraints(**constraints), costs)


def test_profit_optimum_is_the_lerner_price():
    # Lerner rule: p* = cost · e / (1 + e) = 6 · (-3) / (-2) = 9.00, inside 10 ± 15 %.
    # Expected profit there: (9 - 6) · 100 · 0.9^-3 = 411.5226; today: (10 - 6) · 100 = 400.
    r = rec_for()
    assert r.recommendation == 9.00
    assert r.price_change_pct == pytest.approx(-10.0, abs=1e-9)
    assert r.expected_objective_recommended == pytest.approx(411.5226, abs=1e-4)
    assert r.expected_objective_current == pytest.approx(400.0, abs=1e-9)
    assert r.units_recommended == pytest.approx(137.1742, abs=1e-4)
    assert r.prob_beats_current == 1.0 and r.at_edge is None
    assert r.n_candidates == 301  # 8.50 .. 11.50 in cents
    assert r.reason_code == "recommend"
    assert r.reason.startswith("9.00 (-10.0 %) gives expected gross profit 411.52 per period vs 400.00 today")


@pytest.mark.parametrize("ending, expected", [
    # profit (p - 6) · 100 · (p/10)^-3 at the allowed candidates (hand calculation):
    (".99", 8.99),    # 8.99: 411.52, 9.99: 400.20, 10.99: 375.93
    (".95", 8.95),    # 8.95: 411.48, 9.95: 400.98, 10.95: 377.02
    (".90", 8.90),    # 8.90: 411.37, 9.90: 401.94, 10.90: 378.37
    ("whole", 9.00),  # 9: 411.52, 10: 400.00, 11: 375.66
])
def test_price_endings(ending, expected):
    r = rec_for(price_ending=ending)
    assert r.recommendation == expected
    assert r.n_candidates == 3


def test_optimum_beyond_the_allowed_change_sits_at_the_edge():
    # e = -1.5: Lerner price 6 · 1.5 / 0.5 = 18, far above 10 + 15 % = 11.50.
    r = rec_for(elasticity=-1.5)
    assert r.recommendation == 11.50 and r.at_edge == "upper_limit"
    assert "the optimum sits at the +15 % limit" in r.reason
    r = rec_for(elasticity=-1.5, max_change_pct=5)
    assert r.recommendation == 10.50 and r.at_edge == "upper_limit"


def test_revenue_objective():
    # Revenue p · (p/10)^e: rises with price when e > -1, falls when e < -1.
    assert rec_for(elasticity=-0.5, objective="revenue").recommendation == 11.50
    r = rec_for(elasticity=-2.0, objective="revenue", costs=None)
    assert r.recommendation == 8.50 and r.at_edge == "lower_limit"
    assert r.expected_objective_recommended == pytest.approx(1176.4706, abs=1e-4)  # 8.5·100·0.85^-2


def test_minimum_margin_is_respected():
    # p0 = 12, cost 6, e = -5: Lerner 7.50, below the -15 % bound 10.20; a 45 % minimum
    # margin needs p >= 6 / 0.55 = 10.909 -> first allowed cent 10.91 (margin 45.0 %).
    est = estimate_rows(elasticity=-5.0, current_price=12.0)
    r = best_price(est, "A", PriceConstraints(min_margin_pct=45), COST)
    assert r.recommendation == 10.91 and r.at_edge == "minimum_margin"
    assert (r.recommendation - 6.0) / r.recommendation >= 0.45
    assert "minimum margin stops a lower price" in r.reason


def test_infeasible_minimum_margin_gives_no_recommendation():
    r = rec_for(costs={"A": 9.0}, min_margin_pct=30)
    assert r.recommendation is None
    assert r.reason == ("no recommendation: no price within ±15 % of today's 10.00 reaches the 30 % "
                        "minimum margin (that needs at least 12.86)")


def test_no_price_with_the_ending_in_range():
    est = estimate_rows(current_price=0.42)
    r = best_price(est, "A", PriceConstraints(price_ending=".99"), {"A": 0.2})
    assert r.recommendation is None
    assert r.reason.startswith("no recommendation: no price ending in .99 lies between 0.36 and 0.48")


@pytest.mark.parametrize("overrides, reason_start", [
    (dict(elasticity=0.8, flag="positive"), "no recommendation: the elasticity is flagged: demand rose"),
    (dict(elasticity=-7.0, flag="implausible"), "no recommendation: the elasticity is flagged: implausibly"),
    (dict(confidence="low"), "no recommendation: confidence is low"),
    (dict(elasticity=np.nan, confidence="not estimable", reason_code="price_never_changed",
          reason_params=[{"span": 40, "unit": "week"}]),
     "no recommendation: the elasticity cannot be estimated (price never changed in 40 weeks)"),
    (dict(baseline_units=0.0), "no recommendation: no recent sales"),
])
def test_data_that_cannot_support_a_recommendation(overrides, reason_start):
    r = best_price(estimate_rows(**overrides), "A", PriceConstraints(), COST)
    assert r.recommendation is None and r.prob_beats_current is None
    assert r.reason.startswith(reason_start)


def test_unknown_cost_blocks_profit_but_an_assumed_margin_unblocks():
    est = estimate_rows(elasticity=-3.0)
    assert best_price(est, "A", PriceConstraints(), None).reason.startswith("no recommendation: unit cost unknown")
    # assumed 40 % margin of today's 10 -> cost 6: the Lerner case above
    assert best_price(est, "A", PriceConstraints(assumed_margin_pct=40), None).recommendation == 9.00


def test_medium_is_enough_by_default_but_not_when_high_is_required():
    est = estimate_rows(elasticity=-3.0, confidence="medium")
    assert best_price(est, "A", PriceConstraints(), COST).recommendation == 9.00
    r = best_price(est, "A", PriceConstraints(min_confidence="high"), COST)
    assert r.recommendation is None and r.reason.startswith("no recommendation: confidence is medium")


def test_probability_of_beating_todays_price_matches_the_normal_model():
    # With e ~ N(-3, 0.6²) and a price cut to p1, profit(p1) > profit(10) exactly when
    # e < e* = ln((10 - 6) / (p1 - 6)) / ln(p1 / 10); P = Φ((e* + 3) / 0.6).
    # Monte-Carlo sd from 2,000 draws is at most 0.011; tolerance 0.04.
    r = rec_for(sd=0.6)
    p1 = r.recommendation
    assert p1 < 10
    e_star = np.log(4.0 / (p1 - 6.0)) / np.log(p1 / 10.0)
    assert r.prob_beats_current == pytest.approx(stats.norm.cdf((e_star + 3.0) / 0.6), abs=0.04)


def test_best_prices_table():
    est = estimate_rows(sku=["A", "B"], elasticity=[-3.0, 0.5], flag=["", "positive"])
    table = best_prices(est, PriceConstraints(), skus=["A", "B"], unit_costs={"A": 6.0, "B": 6.0})
    assert list(table.columns) == list(PriceRecommendation.__dataclass_fields__)
    assert table["recommendation"].tolist()[0] == 9.00 and np.isnan(table["recommendation"].tolist()[1])


@pytest.mark.parametrize("kwargs, message", [
    (dict(objective="margin"), "objective must be 'profit' or 'revenue'"),
    (dict(max_change_pct=0), "max_change_pct must be above 0"),
    (dict(min_margin_pct=100), "min_margin_pct must be at least 0 and below 100"),
    (dict(price_ending=".49"), "price_ending must be one of"),
    (dict(min_confidence="low"), "min_confidence must be 'medium' or 'high'"),
])
def test_constraints_are_validated(kwargs, message):
    with pytest.raises(ValueError, match=message):
        PriceConstraints(**kwargs)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.05, 500), st.floats(0.0, 0.5), st.sampled_from([None, *PRICE_ENDINGS]))
def test_candidates_lie_in_range_and_have_the_ending(price, width, ending):
    low, high = price * (1 - width), price * (1 + width)
    cands = candidate_prices(low, high, ending)
    assert np.all(cands >= low - 1e-9) and np.all(cands <= high + 1e-9)
    assert np.all(np.diff(cands) > 0)
    cents = np.round(cands * 100).astype(int) % 100
    if ending is not None:
        assert np.all(cents == round(PRICE_ENDINGS[ending] * 100))
    else:
        assert np.allclose(cands * 100, np.round(cands * 100))
