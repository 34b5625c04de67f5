"""Stock plan against a hand calculation, and the what-if record's validation."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from scipy.stats import norm

from ecom_models.forecasting.inventory import Z80, plan_stock, sigma_from_interval
from ecom_models.forecasting.scenario import ForecastScenario


def test_safety_stock_and_reorder_point_by_hand():
    """Periodic review (R, S) with normal weekly demand, mean 10 and sd 4 units/week,
    lead time L = 14 days (2 weeks), review R = 7 days, cycle service level 95 %.
    Chopra & Meindl, Supply Chain Management (6th ed., §12.3): SS = z·σ·√(L+R), z = Φ⁻¹(0.95)
    = 1.644854; ROP = μ·L + z·σ·√L; S = μ·(L+R) + SS (Silver, Pyke & Peterson 1998, §7.8).
    SS = 1.644854·4·√3 = 11.3959; ROP = 20 + 1.644854·4·√2 = 29.3047; S = 41.3959.
    Stock 25: order ⌈41.3959 − 25⌉ = 17; P(D_L > 25) = 1 − Φ(5 / (4√2)) = 0.18838 (Φ(0.88388) = 0.81162);
    runs out on day 17 (cumulative 10/7 per day first exceeds 25 on the 18th day)."""
    mean = np.full(8, 10.0)
    lo80, hi80 = mean - Z80 * 4, mean + Z80 * 4
    sigma = sigma_from_interval(lo80, hi80)
    np.testing.assert_allclose(sigma, 4.0)
    start = date(2025, 1, 6)
    plan = plan_stock(mean, sigma, start, 25.0, lead_time_days=14, review_period_days=7,
                      service_level_pct=95.0)
    assert plan.safety_stock_units == pytest.approx(11.3959, abs=1e-4)
    assert plan.reorder_point_units == pytest.approx(29.3047, abs=1e-4)
    assert plan.order_up_to_units == pytest.approx(41.3959, abs=1e-4)
    assert plan.order_units == 17
    assert plan.stockout_prob_pct == pytest.approx(18.838, abs=1e-3)
    assert plan.stockout_date == start + timedelta(days=17)
    assert plan.below_reorder_point is True
    # the minimum order quantity is respected
    moq = plan_stock(mean, sigma, start, 25.0, lead_time_days=14, review_period_days=7,
                     service_level_pct=95.0, min_order_qty_units=50)
    assert moq.order_units == 50
    assert float(norm.ppf(0.95)) == pytest.approx(1.644854, abs=1e-6)


def test_enough_stock_orders_nothing_and_unknown_stock_orders_nothing_invented():
    mean, sigma = np.full(8, 10.0), np.full(8, 4.0)
    full = plan_stock(mean, sigma, date(2025, 1, 6), 500.0, lead_time_days=14, review_period_days=7,
                      service_level_pct=95.0, min_order_qty_units=50)
    assert full.order_units == 0 and full.stockout_date is None and full.stockout_prob_pct < 1e-6
    unknown = plan_stock(mean, sigma, date(2025, 1, 6), None, lead_time_days=14, review_period_days=7,
                         service_level_pct=95.0)
    assert unknown.order_units is None and unknown.stockout_prob_pct is None
    assert unknown.safety_stock_units == pytest.approx(11.3959, abs=1e-4)


@pytest.mark.parametrize("bad", [dict(horizon_weeks=0), dict(lead_time_days=2.5), dict(service_level_pct=100.0),
                                 dict(price_change_pct=float("nan")), dict(current_stock_units=-1),
                                 dict(promo_week=9), dict(promo_discount_pct=95.0)])
def test_scenario_rejects_out_of_bounds_values(bad):
    with pytest.raises(ValueError):
        ForecastScenario(**bad)
