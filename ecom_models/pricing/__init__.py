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
"""
from .elasticity import ESTIMATE_COLUMNS, ElasticityEstimator, estimate_elasticities
from .optimize import PriceRecommendation, best_price, best_prices, candidate_prices
from .panel import PANEL_COLUMNS, build_price_panel
from .scenario import PRICE_ENDINGS, PriceConstraints, PriceScenario
from .validation import REPORT_COLUMNS, HoldoutReport, validate_holdout
from .whatif import CURVE_COLUMNS, WHATIF_COLUMNS, WhatIfResult, profit_curve, simulate_price_change

__all__ = [
    "CURVE_COLUMNS", "ESTIMATE_COLUMNS", "PANEL_COLUMNS", "PRICE_ENDINGS", "REPORT_COLUMNS",
    "WHATIF_COLUMNS", "ElasticityEstimator", "HoldoutReport", "PriceConstraints",
    "PriceRecommendation", "PriceScenario", "WhatIfResult", "best_price", "best_prices",
    "build_price_panel", "candidate_prices", "estimate_elasticities", "profit_curve",
    "simulate_price_change", "validate_holdout",
]
