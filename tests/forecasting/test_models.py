"""Forecasting models against known truth: planted trend + yearly season, planted
intermittent demand, hand calculations and statsmodels as golden references."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from ecom_models.forecasting.backtest import rolling_origin
from ecom_models.forecasting.baselines import Naive, SeasonalNaive
from ecom_models.forecasting.base import Forecaster
from ecom_models.forecasting.candidates import FAMILIES
from ecom_models.forecasting.intermittent import TSB, Croston
from ecom_models.forecasting.pipeline import forecast
from ecom_models.forecasting.smoothing import SES
from tests.forecasting import synthetic


@pytest.fixture(scope="module")
def seasonal_run():
    matrix, truth = synthetic.seasonal_trend(20)
    return forecast(matrix, 8), truth


@pytest.fixture(scope="module")
def sparse_run():
    matrix, rate = synthetic.intermittent(200)
    return forecast(matrix, 8), rate


def test_planted_season_and_trend_a_seasonal_model_wins_and_is_accurate(seasonal_run):
    run, truth = seasonal_run
    families = run.chosen.map(FAMILIES)
    assert (families == "seasonal").mean() >= 0.8, run.chosen.value_counts()
    mean = run.forecast["mean"].to_numpy().reshape(-1, 8)
    # tolerance: within 5 % of the true expected units on average (noise sd 10 on ~200-800 units)
    assert np.abs(mean - truth).mean() / truth.mean() < 0.05
    # and much better than the baseline it must beat
    base = run.forecast["baseline"].to_numpy().reshape(-1, 8)
    assert np.abs(mean - truth).mean() < 0.7 * np.abs(base - truth).mean()


def test_planted_intermittent_demand_an_intermittent_method_wins_near_the_true_rate(sparse_run):
    run, rate = sparse_run
    assert (run.chosen.map(FAMILIES) == "intermittent").mean() >= 0.5, run.chosen.value_counts()
    # the mean forecast over all series is the planted 0.45 units/week within 15 %
    assert abs(run.forecast["mean"].mean() - rate.mean()) < 0.15 * rate.mean()
    assert run.forecast["mean"].min() >= 0


@pytest.mark.parametrize("which", ["seasonal", "sparse"])
def test_interval_coverage_is_near_nominal(which, seasonal_run, sparse_run):
    run, _ = seasonal_run if which == "seasonal" else sparse_run
    assert 0.70 <= run.coverage[80] <= 0.90, run.coverage
    assert 0.89 <= run.coverage[95] <= 0.99, run.coverage


def test_intervals_are_ordered_and_never_below_zero(sparse_run):
    f = sparse_run[0].forecast
    assert (f["lo95"] >= 0).all()
    assert (f["lo95"] <= f["lo80"]).all() and (f["lo80"] <= f["mean"]).all()
    assert (f["mean"] <= f["hi80"]).all() and (f["hi80"] <= f["hi95"]).all()


def test_ses_matches_statsmodels():
    """Golden reference: statsmodels' SimpleExpSmoothing with the same fixed alpha and the
    first value as initial level."""
    from statsmodels.tsa.holtwinters import SimpleExpSmoothing

    y = np.array([12., 15, 9, 14, 20, 18, 11, 16, 19, 22, 17, 15])
    ours = SES(alpha=0.3).fit(y[None, :]).predict(3)[0]
    ref = SimpleExpSmoothing(y, initialization_method="known", initial_level=y[0]) \
        .fit(smoothing_level=0.3, optimized=False).forecast(3)
    np.testing.assert_allclose(ours, ref, rtol=1e-10)


def test_sba_by_hand():
    """Croston/SBA on 0, 3, 0, 0, 2 with α = 0.1 (Syntetos & Boylan 2005): first demand
    z = 3 after p = 2 periods; next demand: z = 3 + 0.1·(2 − 3) = 2.9, p = 2 + 0.1·(3 − 2) = 2.1;
    forecast (1 − 0.1/2) · 2.9 / 2.1 = 1.311905."""
    y = np.array([[0., 3, 0, 0, 2]])
    assert Croston("sba", alpha=0.1).fit(y).predict(2)[0, 0] == pytest.approx(0.95 * 2.9 / 2.1)
    assert Croston("classic", alpha=0.1).fit(y).predict(1)[0, 0] == pytest.approx(2.9 / 2.1)


def test_tsb_decays_after_demand_stops():
    """TSB (Teunter et al. 2011) lowers the forecast of a product that stopped selling;
    Croston keeps it (it only updates at demands)."""
    alive = np.r_[np.tile([4.0, 0.0], 20), np.zeros(20)][None, :]
    assert TSB().fit(alive).predict(1)[0, 0] < 0.5 * Croston().fit(alive).predict(1)[0, 0]


def test_series_before_their_first_sale_are_left_alone():
    y = np.array([[np.nan, np.nan, 5.0, 7.0], [1.0, 2.0, 3.0, 4.0]])
    assert SeasonalNaive(season_length=2).fit(y).predict(3).tolist() == [[5, 7, 5], [3, 4, 3]]
    assert SeasonalNaive(season_length=3).fit(y).predict(1)[0, 0] == 7.0   # too short: naive
    assert np.isnan(SES().fit(np.full((1, 4), np.nan)).predict(1)).all()


class CountingNaive(Forecaster):
    """Any estimator that follows scikit-learn's conventions can be backtested."""

    def __init__(self, shift: float = 0.0):
        self.shift = shift

    def _fit(self, values, periods):
        self.last_ = values[:, -1] + self.shift

    def _predict(self, h):
        return np.repeat(self.last_[:, None], h, axis=1)


def test_backtest_clones_any_sklearn_style_estimator():
    matrix, _ = synthetic.seasonal_trend(3)
    mine = CountingNaive(shift=1.0)
    bt = rolling_origin(matrix, {"mine": mine, "naive": Naive(), "seasonal_naive": SeasonalNaive()}, 8, 3)
    assert not hasattr(mine, "last_")                 # the original was cloned, never fitted
    np.testing.assert_allclose(bt.forecasts["mine"], bt.forecasts["naive"] + 1.0)
    assert clone(mine).get_params() == {"shift": 1.0}
    assert bt.origins.tolist() == [139, 143, 147]     # 156 weeks, h = 8, step 4
