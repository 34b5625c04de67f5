"""Price what-if and profit curve: golden numbers from hand calculations."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ecom_models.pricing import (CURVE_COLUMNS, WHATIF_COLUMNS, PriceScenario, profit_curve,
                                 simulate_price_change)

from ecom_models.messages import render

from .synthetic_shop import estimate_rows


def test_golden_price_raise_of_eight_percent():
    # Hand calculation: price 10 -> 10.80, elasticity -2, baseline 100 units, unit cost 6.
    #   units   = 100 · 1.08^-2           = 85.7339
    #   revenue = 10.80 · 85.7339         = 925.9259   (the issue text's 857.34 is 10 · 85.73,
    #                                                   i.e. the old price; revenue uses the new one)
    #   profit  = (10.80 - 6) · 85.7339   = 411.5226
    #   today: 100 units, revenue 1000, profit 400 -> profit change +11.5226
    est = estimate_rows()
    res = simulate_price_change(est, PriceScenario(price_change_pct=8), skus="A", unit_costs={"A": 6.0})
    row = res.per_sku.iloc[0]
    assert list(res.per_sku.columns) == list(WHATIF_COLUMNS)
    assert row["new_price"] == pytest.approx(10.80, abs=1e-12)
    assert row["units"] == pytest.approx(85.7339, abs=1e-4)
    assert row["revenue"] == pytest.approx(925.9259, abs=1e-4)
    assert row["profit"] == pytest.approx(411.5226, abs=1e-4)
    assert (row["baseline_units"], row["baseline_revenue"], row["baseline_profit"]) == (100.0, 1000.0, 400.0)
    assert row["profit_change"] == pytest.approx(11.5226, abs=1e-4)
    # sd 0: no uncertainty, so the interval collapses onto the point and the sign is sure
    assert row["units_low"] == pytest.approx(row["units"], abs=1e-9)
    assert row["units_high"] == pytest.approx(row["units"], abs=1e-9)
    assert row["prob_profit_up"] == 1.0 and row["prob_revenue_up"] == 0.0
    assert row["cost_source"] == "products_table" and row["note_code"] == ""


def test_new_price_and_assumed_margin():
    # New price 9 (-10 %), elasticity -2: units 100 · 0.9^-2 = 123.4568.
    # Assumed margin 40 % of today's price: cost 10 · 0.6 = 6; profit 3 · 123.4568 = 370.3704.
    res = simulate_price_change(estimate_rows(), PriceScenario(new_price=9.0, assumed_margin_pct=40),
                                skus=["A"])
    row = res.per_sku.iloc[0]
    assert row["price_change_pct"] == pytest.approx(-10.0, abs=1e-12)
    assert row["units"] == pytest.approx(123.4568, abs=1e-4)
    assert row["unit_cost"] == pytest.approx(6.0, abs=1e-12)
    assert row["profit"] == pytest.approx(370.3704, abs=1e-4)
    assert row["cost_source"] == "assumed_margin"


def test_interval_matches_the_normal_quantiles_of_the_elasticity():
    # Elasticity ~ N(-2, 0.5²); units = 100 · 1.08^e is monotone (decreasing) in -e, so the
    # 5 % / 95 % units quantiles sit at e = -2 ∓ 1.645 · 0.5:
    #   100 · 1.08^-2.8224 = 80.48,  100 · 1.08^-1.1776 = 91.34.
    # Monte-Carlo error of a 5 % quantile from 2,000 draws: about 0.15 units; tolerance 0.6.
    est = estimate_rows(elasticity_sd=0.5)
    row = simulate_price_change(est, PriceScenario(price_change_pct=8), skus="A").per_sku.iloc[0]
    z = stats.norm.ppf(0.95)
    assert row["units_low"] == pytest.approx(100 * 1.08 ** (-2 - z * 0.5), abs=0.6)
    assert row["units_high"] == pytest.approx(100 * 1.08 ** (-2 + z * 0.5), abs=0.6)
    assert row["units"] == pytest.approx(85.7339, abs=1e-4)  # the point stays the median
    assert np.isnan(row["profit"]) and row["note_code"] == "note_cost_unknown"
    assert render(row["note_code"], row["note_params"]) == "unit cost unknown: profit not computed"


def test_same_sku_gets_the_same_draws_alone_or_in_a_group():
    est = estimate_rows(sku=["A", "B"], elasticity=[-2.0, -1.0], elasticity_sd=0.4)
    alone = simulate_price_change(est, PriceScenario(price_change_pct=5), skus="B").per_sku
    both = simulate_price_change(est, PriceScenario(price_change_pct=5), skus=["A", "B"]).per_sku
    assert alone.iloc[0]["units_low"] == both.iloc[1]["units_low"]


def test_category_totals_add_up():
    # Two SKUs, no uncertainty: totals are plain sums.
    # A: 100 · 1.1^-2 = 82.6446 units at 11 -> revenue 909.0909, profit (11 - 6) · 82.6446 = 413.2231
    # B: 50 · 1.1^-1 = 45.4545 units at 22 -> revenue 1000.0000, profit (22 - 12) · 45.4545 = 454.5455
    est = estimate_rows(sku=["A", "B"], category="mugs", elasticity=[-2.0, -1.0],
                        current_price=[10.0, 20.0], baseline_units=[100.0, 50.0])
    res = simulate_price_change(est, PriceScenario(price_change_pct=10), category="mugs",
                                unit_costs=pd.Series({"A": 6.0, "B": 12.0}))
    tot = res.totals.iloc[0]
    assert tot["n_skus"] == 2 and tot["n_skus_with_cost"] == 2
    assert tot["units"] == pytest.approx(82.6446 + 45.4545, abs=1e-3)
    assert tot["revenue"] == pytest.approx(909.0909 + 1000.0, abs=1e-3)
    assert tot["profit"] == pytest.approx(413.2231 + 454.5455, abs=1e-3)
    assert tot["baseline_profit"] == pytest.approx(400.0 + 400.0, abs=1e-9)
    assert tot["profit_low"] == pytest.approx(tot["profit"], abs=1e-9)


def test_not_estimable_sku_uses_the_group_prior_and_says_so():
    est = estimate_rows(elasticity=np.nan, elasticity_sd=np.nan, confidence="not estimable",
                        prior_elasticity=-1.5, prior_sd=0.0, pooled_toward="category",
                        category="mugs")
    row = simulate_price_change(est, PriceScenario(price_change_pct=10), skus="A").per_sku.iloc[0]
    assert row["elasticity"] == -1.5
    assert row["units"] == pytest.approx(100 * 1.1 ** -1.5, abs=1e-9)
    assert row["elasticity_source"] == "group"
    assert render(row["note_code"], row["note_params"]).startswith(
        "no own estimate (not estimable): uses the category 'mugs' value")
    assert render(row["note_code"], row["note_params"], "de").startswith(
        "keine eigene Schätzung (nicht schätzbar): nutzt den Wert von Kategorie „mugs“")


def test_profit_curve_grid_and_band():
    # Grid -8 %, 0, +8 % with elasticity -2, cost 6:
    #   -8 %: price 9.20, units 100 · 0.92^-2 = 118.1474, profit 3.20 · 118.1474 = 378.0718
    #    0  : profit 400;  +8 %: profit 411.5226 (see the golden test above)
    curve = profit_curve(estimate_rows(), "A", {"A": 6.0}, max_change_pct=8, n_points=3)
    assert list(curve.columns) == list(CURVE_COLUMNS)
    assert curve["price"].tolist() == pytest.approx([9.2, 10.0, 10.8], abs=1e-12)
    assert curve["profit"].tolist() == pytest.approx([378.0718, 400.0, 411.5226], abs=1e-4)
    assert curve["is_current"].tolist() == [False, True, False]
    assert curve["prob_profit_above_current"].tolist() == [0.0, 0.0, 1.0]


def test_profit_curve_band_widens_away_from_todays_price():
    curve = profit_curve(estimate_rows(elasticity_sd=0.5), "A", {"A": 6.0}, max_change_pct=20, n_points=5)
    width = (curve["units_high"] - curve["units_low"]).to_numpy()
    assert width[2] == 0.0  # today's price: units are today's baseline in every draw
    assert width[0] > width[1] > 0 and width[4] > width[3] > 0
    assert (curve["profit_low"] <= curve["profit"]).all() and (curve["profit"] <= curve["profit_high"]).all()


def test_input_checks():
    est = estimate_rows(sku=["A", "B"])
    with pytest.raises(ValueError, match="unknown SKU"):
        simulate_price_change(est, PriceScenario(price_change_pct=5), skus="Z")
    with pytest.raises(ValueError, match="single SKU"):
        simulate_price_change(est, PriceScenario(new_price=5.0), skus=["A", "B"])
    with pytest.raises(ValueError, match="either skus or category"):
        simulate_price_change(est, PriceScenario(price_change_pct=5))
