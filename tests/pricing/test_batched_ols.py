"""The vectorised estimator against statsmodels OLS on the same design.

Golden source: statsmodels 0.15 ``sm.OLS(...).fit()`` ``params`` and ``bse``, computed in
the test on the same data; agreement required to 1e-8.
"""
from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from ecom_models.pricing import ElasticityEstimator, build_price_panel
from ecom_models.pricing.batched_ols import fit_segments
from ecom_models.pricing.design import panel_rows, seasonal_terms

from .synthetic_shop import shop_lines

TOL = 1e-8


@pytest.fixture(scope="module")
def panel():
    specs = [dict(sku="S1", elasticity=-1.2, n_weeks=60),
             dict(sku="S2", elasticity=-2.5, n_weeks=45, first_week=10, base_price=4.0),
             dict(sku="S3", elasticity=-0.8, n_weeks=30, first_week=25, noise_sd=0.4),
             dict(sku="S4", elasticity=-3.0, n_weeks=80, base_price=25.0)]
    return build_price_panel(shop_lines(specs, seed=7), complete_periods_only=False)


def _design(panel):
    rows = panel_rows(panel)
    used = rows.used
    code, y = rows.code[used], rows.log_units[used]
    x, t = rows.log_price[used], rows.years[used]
    F = seasonal_terms(rows.day[used], "W", 1)
    return rows, code, y, x, t, F


def test_joint_fit_matches_statsmodels_with_sku_dummies(panel):
    """Shared seasonal coefficients and per-SKU slopes equal one big statsmodels OLS with
    SKU-specific intercept, log price and trend columns plus the shared Fourier columns."""
    rows, code, y, x, t, F = _design(panel)
    n_sku = code.max() + 1
    blocks = []
    for s in range(n_sku):
        on = (code == s).astype(float)
        blocks += [on, on * x, on * t]
    joint = sm.OLS(y, np.column_stack(blocks + [F])).fit()
    model = ElasticityEstimator(pooling=False).fit(panel)
    assert np.max(np.abs(model.seasonal_coef_ - joint.params[-2:])) < TOL
    slopes = joint.params[:-2].reshape(n_sku, 3)[:, 1]
    assert np.max(np.abs(model.estimates_["raw_elasticity"].to_numpy() - slopes)) < TOL


def test_per_sku_coefficients_and_standard_errors_match_statsmodels(panel):
    """Given the shared seasonal part, each SKU's slope, trend and their standard errors are
    exactly statsmodels' OLS of (log units - seasonal) on [1, log price, years]."""
    rows, code, y, x, t, F = _design(panel)
    model = ElasticityEstimator(pooling=False).fit(panel)
    est = model.estimates_
    coef = model.coefficients_
    for s, sku in enumerate(rows.skus):
        on = code == s
        ref = sm.OLS(y[on] - F[on] @ model.seasonal_coef_, sm.add_constant(np.column_stack([x[on], t[on]]))).fit()
        assert abs(est.loc[s, "raw_elasticity"] - ref.params[1]) < TOL
        assert abs(est.loc[s, "raw_se"] - ref.bse[1]) < TOL
        # with pooling off the trend is the unpooled OLS trend
        assert abs(coef.loc[sku, "trend"] - ref.params[2]) < TOL
        intercept_uncentred = (coef.loc[sku, "intercept"] - coef.loc[sku, "log_price_mean"] * ref.params[1]
                               - coef.loc[sku, "years_mean"] * ref.params[2])
        assert abs(intercept_uncentred - ref.params[0]) < TOL
        # the raw interval is the t interval statsmodels reports at 90 %
        low, high = ref.conf_int(alpha=0.10)[1]
        assert abs(est.loc[s, "raw_ci_low"] - low) < TOL and abs(est.loc[s, "raw_ci_high"] - high) < TOL


def test_plain_log_log_slope_matches_statsmodels(panel):
    """No trend, no season, no pooling: the anchor's regression, slope and SE."""
    rows, code, y, x, t, F = _design(panel)
    est = ElasticityEstimator(trend=False, fourier_order=0, pooling=False).fit(panel).estimates_
    for s in range(len(rows.skus)):
        ref = sm.OLS(y[code == s], sm.add_constant(x[code == s])).fit()
        assert abs(est.loc[s, "raw_elasticity"] - ref.params[1]) < TOL
        assert abs(est.loc[s, "raw_se"] - ref.bse[1]) < TOL


def test_kernel_residuals_and_degrees_of_freedom():
    rng = np.random.default_rng(3)
    sizes = [6, 9, 4]
    X = rng.normal(size=(sum(sizes), 2))
    y = X @ [1.5, -0.5] + rng.normal(size=sum(sizes))
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    fit = fit_segments(y, X, starts)
    # 4 rows and 1 + 2 parameters leave 1 degree of freedom: allowed (k + 2 rows needed)
    assert fit.ok.tolist() == [True, True, True]
    assert fit.df.tolist() == [3.0, 6.0, 1.0]
    for s, (a, n) in enumerate(zip(starts, sizes)):
        ref = sm.OLS(y[a:a + n], sm.add_constant(X[a:a + n])).fit()
        assert np.max(np.abs(fit.resid[a:a + n] - ref.resid)) < TOL
        assert abs(fit.sigma2[s] - ref.scale) < TOL


def test_kernel_marks_singular_series_instead_of_failing():
    x = np.r_[np.ones(5), np.arange(5.0)]   # first series: constant regressor
    y = np.r_[np.arange(5.0), 2 * np.arange(5.0)]
    fit = fit_segments(y, x[:, None], np.array([0, 5]))
    assert fit.ok.tolist() == [False, True]
    assert np.isnan(fit.coef[0, 0]) and fit.coef[1, 0] == pytest.approx(2.0, abs=1e-12)
