"""Pricing: price–demand panel, elasticity estimation, price what-if and best price.

Typical use::

    panel = build_price_panel(lines)                     # order lines -> SKU x week
    model = ElasticityEstimator().fit(panel)
    est = model.estimates_                               # one row per SKU
    simulate_price_change(est, PriceScenario(price_change_pct=8), skus="85123A",
                          unit_costs=costs).per_sku
    profit_curve(est, "85123A", costs)
    best_price(est, "85123A", PriceConstraints(max_change_pct=15, price_ending=".99"), costs)
    validate_holdout(panel)                              # model vs last-period baseline

Pricing v2 (the default of ``estimate_elasticities`` for weekly data)::

    counts = build_count_panel(lines, products)          # catalogue price, tiers, promotions
    model = CountElasticityEstimator().fit(counts)       # Poisson PML, HAC errors, pooling
    decide_price(model.estimates_, "SW20000", PriceConstraints(), costs)   # with its caveats
    price_test_plan(model.estimates_, ["SW20000"])       # switchback test, weeks needed
    estimate_tier_elasticities(lines, products)          # trader/guest/quantity-break tiers
    validate_count_holdout(lines, products)              # what the price effect adds
"""
from .catalogue import TIER_NAMES, CountPanel, build_count_panel, build_tier_panels
from .count_estimator import EXTRA_COLUMNS, CountElasticityEstimator
from .count_validation import CountHoldoutReport, validate_count_holdout
from .decision import MARGINS_PCT, PriceDecision, costs_with_margins, decide_price
from .elasticity import ESTIMATE_COLUMNS, ElasticityEstimator, estimate_elasticities
from .tiers import TIER_COLUMNS, estimate_tier_elasticities
from .test_plan import TestPlan, price_test_plan, weeks_per_arm
from .optimize import PriceRecommendation, best_price, best_prices, candidate_prices
from .panel import PANEL_COLUMNS, build_price_panel
from .scenario import PRICE_ENDINGS, PriceConstraints, PriceScenario
from .validation import REPORT_COLUMNS, HoldoutReport, validate_holdout
from .whatif import CURVE_COLUMNS, WHATIF_COLUMNS, WhatIfResult, profit_curve, simulate_price_change

__all__ = [
    "EXTRA_COLUMNS", "MARGINS_PCT", "TIER_NAMES", "CountElasticityEstimator", "CountHoldoutReport",
    "CountPanel", "PriceDecision", "TestPlan", "build_count_panel", "costs_with_margins", "decide_price",
    "price_test_plan", "validate_count_holdout", "weeks_per_arm", "TIER_COLUMNS", "build_tier_panels",
    "estimate_tier_elasticities",
    "CURVE_COLUMNS", "ESTIMATE_COLUMNS", "PANEL_COLUMNS", "PRICE_ENDINGS", "REPORT_COLUMNS",
    "WHATIF_COLUMNS", "ElasticityEstimator", "HoldoutReport", "PriceConstraints",
    "PriceRecommendation", "PriceScenario", "WhatIfResult", "best_price", "best_prices",
    "build_price_panel", "candidate_prices", "estimate_elasticities", "profit_curve",
    "simulate_price_change", "validate_holdout",
]
