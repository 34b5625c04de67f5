"""Elasticity estimation on synthetic shops with planted elasticities."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ecom_models.pricing import (ESTIMATE_COLUMNS, ElasticityEstimator, build_price_panel,
                                 estimate_elasticities)
from ecom_models.messages import render
from ecom_models.pricing.design import panel_rows, seasonal_terms

from .synthetic_shop import shop_lines


def reason(row, lang: str = "en") -> str:
    """The estimate's reason in words (the model gives codes; see ecom_models.messages)."""
    return render(row["reason_code"], row["reason_params"], lang)

TRUE_E = -1.8
NOISE_SD = 0.25
N_RICH = 8


def fit(specs, seed, **params):
    panel = build_price_panel(shop_lines(specs, seed), complete_periods_only=False)
    return panel, ElasticityEstimator(**params).fit(panel)


@pytest.fixture(scope="module")
def planted():
    """8 SKUs, 104 weeks, elasticity -1.8, noise sd 0.25 (log scale), 5 price levels,
    trend 0.1/year and an annual cycle; plus a SKU whose price never moves."""
    specs = [dict(sku=f"R{i}", elasticity=TRUE_E, noise_sd=NOISE_SD, base_price=5.0 + i) for i in range(N_RICH)]
    specs.append(dict(sku="FLAT", elasticity=TRUE_E, levels=(1.0,)))
    return fit(specs, seed=11)


def theoretical_se(panel, sku):
    """sd of the OLS slope when the noise sd is known: NOISE_SD / sqrt(Σ x̃²), x̃ = log price
    with intercept, trend and the annual cycle partialled out (Greene, Econometric
    Analysis, 7th ed., eq. 3-21 and the Frisch–Waugh theorem)."""
    rows = panel_rows(panel)
    on = rows.used & (rows.code == rows.skus.get_loc(sku))
    Z = np.column_stack([np.ones(on.sum()), rows.years[on], seasonal_terms(rows.day[on], "W", 1)])
    x = rows.log_price[on]
    resid = x - Z @ np.linalg.lstsq(Z, x, rcond=None)[0]
    return NOISE_SD / np.sqrt(resid @ resid)


def test_planted_elasticity_is_recovered(planted):
    panel, model = planted
    est = model.estimates_.set_index("sku")
    for i in range(N_RICH):
        sku = f"R{i}"
        se = theoretical_se(panel, sku)
        # Tolerance: 3 theoretical standard errors (about 0.4 here; a 0.3 % chance per SKU
        # to exceed it if the estimator is unbiased with the stated precision).
        assert abs(est.loc[sku, "raw_elasticity"] - TRUE_E) < 3 * se, sku
        # The reported standard error estimates the theoretical one: with ~100 residual
        # degrees of freedom its relative sd is 1/sqrt(2·100) = 7 %, so 25 % is 3.5 sd.
        assert est.loc[sku, "raw_se"] == pytest.approx(se, rel=0.25), sku
        assert est.loc[sku, "ci_low"] < TRUE_E < est.loc[sku, "ci_high"], sku
        assert est.loc[sku, "confidence"] == "high"
    # Pooled across 8 SKUs that share the same truth: within 3 se / sqrt(8) on average.
    mean_se = np.mean([theoretical_se(panel, f"R{i}") for i in range(N_RICH)])
    pooled = est.loc[[f"R{i}" for i in range(N_RICH)], "elasticity"].mean()
    assert abs(pooled - TRUE_E) < 3 * mean_se / np.sqrt(N_RICH)
    assert model.seasonal_coef_ == pytest.approx([0.30, 0.20], abs=0.05)  # planted annual cycle


def test_flat_price_is_not_estimable(planted):
    _, model = planted
    row = model.estimates_.set_index("sku").loc["FLAT"]
    assert row["confidence"] == "not estimable"
    assert row["reason_code"] == "price_never_changed"
    assert reason(row) == "price never changed in 104 weeks"
    assert reason(row, "de") == "Preis in 104 Wochen nie geändert"
    assert np.isnan(row["elasticity"]) and np.isnan(row["raw_elasticity"])
    assert row["n_price_levels"] == 1 and row["n_price_changes"] == 0
    assert row["prior_elasticity"] == pytest.approx(TRUE_E, abs=0.15)  # what the group says


def test_output_columns_and_counts(planted):
    _, model = planted
    est = model.estimates_
    assert list(est.columns) == list(ESTIMATE_COLUMNS)
    row = est.set_index("sku").loc["R0"]
    assert row["n_periods"] == 104 and row["n_periods_span"] == 104
    assert row["n_price_levels"] == 5


def test_noise_free_data_give_the_planted_model_exactly():
    specs = [dict(sku=f"N{i}", elasticity=-1.0 - 0.5 * i, noise_sd=0.0, trend_per_year=0.2)
             for i in range(6)]
    panel, model = fit(specs, seed=5)
    est = model.estimates_
    assert est["raw_elasticity"].to_numpy() == pytest.approx([-1.0, -1.5, -2.0, -2.5, -3.0, -3.5], abs=1e-9)
    assert model.seasonal_coef_ == pytest.approx([0.30, 0.20], abs=1e-9)
    assert model.coefficients_["trend"].to_numpy() == pytest.approx(np.full(6, 0.2), abs=1e-9)
    assert model.predict(panel) == pytest.approx(panel["units"].to_numpy(), rel=1e-9)


def test_ninety_percent_intervals_cover_about_ninety_percent():
    rng = np.random.default_rng(2)
    truth = rng.normal(-2.0, 0.5, 60)
    specs = [dict(sku=f"C{i:02d}", elasticity=e, n_weeks=52, noise_sd=0.3) for i, e in enumerate(truth)]
    _, model = fit(specs, seed=3)
    est = model.estimates_
    raw_cover = np.mean((est["raw_ci_low"] < truth) & (truth < est["raw_ci_high"]))
    pooled_cover = np.mean((est["ci_low"] < truth) & (truth < est["ci_high"]))
    # 60 SKUs at 90 % nominal: binomial sd 3.9 points, so [78 %, 100 %] is a ±3 sd band.
    assert 0.78 <= raw_cover <= 1.0
    assert 0.78 <= pooled_cover <= 1.0
    # Pooling helps on average: smaller mean squared error than the raw estimates.
    assert np.mean((est["elasticity"] - truth) ** 2) < np.mean((est["raw_elasticity"] - truth) ** 2)


def test_pooling_moves_thin_skus_and_leaves_rich_ones():
    """Rich SKUs (104 weeks, noise sd 0.1): shrinkage s²/(s² + tau²) ≈ 0.07²/(0.07² + 0.4²)
    ≈ 3 %. Thin SKU (10 weeks, two prices 5 % apart): s ≈ 1.4, shrinkage ≈ 93 %."""
    rng = np.random.default_rng(8)
    truth = rng.normal(-2.0, 0.4, 20)
    specs = [dict(sku=f"R{i:02d}", elasticity=e, noise_sd=0.1) for i, e in enumerate(truth)]
    specs.append(dict(sku="THIN", elasticity=-2.0, n_weeks=10, first_week=94, noise_sd=0.25,
                      levels=(0.95, 1.05)))
    _, model = fit(specs, seed=9)
    est = model.estimates_.set_index("sku")
    rich = est.drop("THIN")
    assert rich["shrinkage"].max() < 0.08
    assert (rich["elasticity"] - rich["raw_elasticity"]).abs().max() < 0.03
    thin = est.loc["THIN"]
    assert thin["shrinkage"] > 0.8
    assert abs(thin["elasticity"] - thin["prior_elasticity"]) < 0.2 * abs(thin["raw_elasticity"] - thin["prior_elasticity"])
    # The posterior is exactly the precision-weighted mix stated in pooling.py.
    assert thin["elasticity"] == pytest.approx(
        thin["prior_elasticity"] + (1 - thin["shrinkage"]) * (thin["raw_elasticity"] - thin["prior_elasticity"]), abs=1e-12)
    assert thin["confidence"] == "low"
    assert {"few_changes", "mostly_borrowed"} <= set(thin["reason_code"].split(";"))
    assert "price changed only" in reason(thin) and "mostly borrowed from all products" in reason(thin)
    assert "größtenteils übernommen von allen Produkten" in reason(thin, "de")
    assert model.tau_ == pytest.approx(0.4, abs=0.2)


def test_thin_sku_pools_toward_its_category():
    specs = ([dict(sku=f"A{i}", elasticity=-1.0, noise_sd=0.1, category="mugs") for i in range(6)]
             + [dict(sku=f"B{i}", elasticity=-3.0, noise_sd=0.1, category="candles") for i in range(6)]
             + [dict(sku="B_THIN", elasticity=-3.0, n_weeks=10, first_week=94, levels=(0.95, 1.05),
                     category="candles"),
                dict(sku="NOCAT", elasticity=-3.0, n_weeks=10, first_week=94, levels=(0.95, 1.05))])
    _, model = fit(specs, seed=4)
    est = model.estimates_.set_index("sku")
    assert est.loc["B_THIN", "pooled_toward"] == "category"
    assert est.loc["B_THIN", "prior_elasticity"] == pytest.approx(-3.0, abs=0.3)
    assert est.loc["NOCAT", "pooled_toward"] == "all"
    assert est.loc["NOCAT", "prior_elasticity"] == pytest.approx(-2.0, abs=0.3)
    assert model.category_elasticity_.to_dict() == pytest.approx({"mugs": -1.0, "candles": -3.0}, abs=0.3)


def test_positive_and_implausible_elasticities_are_flagged():
    specs = ([dict(sku=f"R{i}", elasticity=-2.0) for i in range(6)]
             + [dict(sku="UP", elasticity=1.5, noise_sd=0.1), dict(sku="WILD", elasticity=-9.0, noise_sd=0.1)])
    _, model = fit(specs, seed=6)
    est = model.estimates_.set_index("sku")
    assert est.loc["UP", "flag"] == "positive" and est.loc["UP", "confidence"] == "low"
    assert est.loc["UP", "reason_code"].split(";")[0] == "positive"
    assert reason(est.loc["UP"]).startswith("elasticity came out positive (+1.")
    assert reason(est.loc["UP"], "de").startswith("Elastizität positiv (+1,")
    assert est.loc["WILD", "flag"] == "implausible" and est.loc["WILD", "confidence"] == "low"
    assert (est.drop(["UP", "WILD"])["flag"] == "").all()


def test_few_skus_are_not_pooled():
    specs = [dict(sku=f"R{i}", elasticity=-2.0) for i in range(3)]
    _, model = fit(specs, seed=1)
    est = model.estimates_
    assert (est["shrinkage"] == 0).all()
    assert (est["elasticity"] == est["raw_elasticity"]).all()
    assert (est["pooled_toward"] == "none").all()


def test_too_few_weeks_and_no_estimable_sku_at_all():
    specs = [dict(sku="SHORT", elasticity=-2.0, n_weeks=6), dict(sku="FLAT", elasticity=-2.0, levels=(1.0,))]
    _, model = fit(specs, seed=1)
    est = model.estimates_.set_index("sku")
    assert reason(est.loc["SHORT"]) == "only 6 weeks with sales (at least 8 needed)"
    assert (est["confidence"] == "not estimable").all()


def test_daily_panel_and_cli_function():
    lines = shop_lines([dict(sku=f"R{i}", elasticity=-2.0) for i in range(5)], seed=2)
    est = estimate_elasticities(lines, "D", complete_periods_only=False)
    # one line per week: 104 selling days in a 722-day span; elasticity still recovered
    assert est["n_periods"].tolist() == [104] * 5 and est["n_periods_span"].tolist() == [722] * 5
    assert est["elasticity"].to_numpy() == pytest.approx(np.full(5, -2.0), abs=0.35)


def test_invalid_parameters_are_rejected():
    with pytest.raises(ValueError, match="interval must be between 0 and 1"):
        ElasticityEstimator(interval=90).fit(pd.DataFrame({"sku": [], "period": [], "units": [], "price": []}))


def test_t_interval_matches_scipy_quantile(planted):
    _, model = planted
    row = model.estimates_.set_index("sku").loc["R0"]
    t = stats.t.ppf(0.95, row["n_periods"] - 3)  # intercept, log price, trend
    assert row["raw_ci_high"] - row["raw_elasticity"] == pytest.approx(t * row["raw_se"], rel=1e-12)


def test_thin_sku_with_positive_own_estimate_is_pooled_but_kept_low():
    specs = ([dict(sku=f"R{i}", elasticity=-2.0, noise_sd=0.1) for i in range(6)]
             + [dict(sku="UP_THIN", elasticity=3.0, n_weeks=12, first_week=92, levels=(0.95, 1.05))])
    _, model = fit(specs, seed=6)
    row = model.estimates_.set_index("sku").loc["UP_THIN"]
    assert row["raw_elasticity"] > 0 > row["elasticity"]   # pooling pulls it below zero ...
    assert row["flag"] == "" and row["confidence"] == "low"  # ... but it stays low confidence
    assert reason(row).startswith("own data alone gave a positive elasticity (+")
    assert "leans on all products" in reason(row)
