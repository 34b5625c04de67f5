"""Hold-out validation: the model against the last-period baseline."""
from __future__ import annotations

import pytest

from ecom_models.pricing import REPORT_COLUMNS, ElasticityEstimator, build_price_panel, validate_holdout

from .synthetic_shop import shop_lines


@pytest.fixture(scope="module")
def panel():
    specs = [dict(sku=f"R{i:02d}", elasticity=-2.0) for i in range(20)]
    specs.append(dict(sku="SHORT", elasticity=-2.0, n_weeks=10))  # too little training history
    return build_price_panel(shop_lines(specs, seed=12), complete_periods_only=False)


def test_model_beats_the_naive_forecast_when_prices_move(panel):
    report = validate_holdout(panel)
    # 104 weeks -> the last ceil(0.2 · 104) = 21 weeks are the test set.
    assert str(report.cutoff_period.date()) == "2023-08-07"
    assert report.n_skus == 20 and list(report.per_sku.columns) == list(REPORT_COLUMNS)
    assert report.per_sku["n_test_periods"].tolist() == [21] * 20
    # The model's only error should be the planted noise: for log-normal noise with sd 0.25,
    # E|e^u - 1| / E[e^u] = 0.198 (numerical integral), so WAPE ≈ 0.20 up to estimation
    # error. The naive forecast also carries the price moves (±20 % at elasticity -2) and
    # the noise of its own week, so it must be clearly worse.
    assert 0.17 < report.wape_model < 0.24
    assert report.wape_model < 0.6 * report.wape_naive
    assert report.share_model_better >= 0.9


def test_per_sku_errors_are_mean_absolute_errors(panel):
    report = validate_holdout(panel, holdout_fraction=0.3)
    per = report.per_sku.set_index("sku")
    assert "SHORT" not in per.index
    # 104 weeks: 32 test weeks from 2023-06-26, 72 training weeks
    assert per["n_test_periods"].eq(32).all() and per["n_train_periods"].eq(72).all()
    assert (per["model_better"] == (per["mae_model"] < per["mae_naive"])).all()


def test_estimator_parameters_are_used():
    specs = [dict(sku=f"R{i:02d}", elasticity=-2.0, noise_sd=0.0, trend_per_year=0.0) for i in range(6)]
    panel = build_price_panel(shop_lines(specs, seed=1), complete_periods_only=False)
    exact = validate_holdout(panel, estimator=ElasticityEstimator())
    # Noise-free data: the right model forecasts the hold-out exactly.
    assert exact.wape_model == pytest.approx(0.0, abs=1e-9)
    # Without the seasonal term the forecast misses the planted annual cycle.
    assert validate_holdout(panel, estimator=ElasticityEstimator(fourier_order=0)).wape_model > 0.05


def test_bad_fraction():
    with pytest.raises(ValueError, match="holdout_fraction must be between 0 and 1"):
        validate_holdout(build_price_panel(shop_lines([dict(sku="A", elasticity=-1.0)], 1)), holdout_fraction=1.5)
