"""Bundle what-if: the scenario record's validation, the take-up arithmetic against a hand
calculation, the interval, and the price-response adapter's fallback."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ecom_models.bundles import BOUNDS, BundleScenario, build_baskets, item_stats, simulate_bundle
from ecom_models.bundles import price_response


def two_product_shop() -> pd.DataFrame:
    """52 weeks: 520 orders with A and B, 1,040 with A only, 520 with B only (A 10 €, B 20 €)."""
    rows = []
    for i in range(2080):
        skus = ["A", "B"] if i < 520 else ["A"] if i < 1560 else ["B"]
        for sku in skus:
            rows.append((str(i), sku))
    frame = pd.DataFrame(rows, columns=["order_id", "sku"])
    frame["ordered_at"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(frame["order_id"].astype(int) * 364 / 2079,
                                                                       unit="D")
    frame["unit_price"] = np.where(frame["sku"] == "A", 10.0, 20.0)
    frame["quantity"], frame["channel"], frame["currency"], frame["country"] = 1.0, "shop", "EUR", "DE"
    frame["product_name"], frame["import_id"] = "Name " + frame["sku"], 1
    frame["is_product"], frame["is_return"] = True, False
    return frame


def test_scenario_validates_its_inputs():
    BundleScenario("shop", ("A", "B"))
    for bad in ({"skus": ("A",)}, {"skus": ("A", "B", "C", "D")}, {"skus": ("A", "A")},
                {"discount_pct": BOUNDS["discount_pct"][1] + 1}, {"discount_pct": float("nan")},
                {"assumed_elasticity": 0.5}, {"bundle_price": 0.0}, {"channel": ""}):
        with pytest.raises(ValueError):
            BundleScenario(**{"channel": "shop", "skus": ("A", "B"), **bad})
    with pytest.raises(Exception):
        BundleScenario("shop", ("A", "B")).discount_pct = 5          # frozen


def test_take_up_and_profit_match_a_hand_calculation():
    baskets = build_baskets(two_product_shop())
    stats = item_stats(baskets)
    costs = pd.Series({"A": 4.0, "B": 8.0})
    elasticities = pd.DataFrame({"sku": ["A", "B"], "elasticity": [-2.0, -2.0], "elasticity_sd": [1e-9, 1e-9]})
    scenario = BundleScenario("shop", ("A", "B"), discount_pct=10, draws=20000)
    result = simulate_bundle(baskets, stats, scenario, elasticities=elasticities, unit_costs=costs)
    weeks = baskets.weeks()
    together = 520 / weeks
    # bundle 27 €. A-only orders pay 17 € for B (20 €): r = 0.85, r^-2 - 1 = 0.3841;
    # B-only orders pay 7 € for A (10 €): r = 0.7, r^-2 - 1 = 1.0408, which would convert
    # more orders than hold only B (520 / weeks): capped there.
    new_from_a, new_from_b = together * (0.85 ** -2 - 1), min(together * (0.7 ** -2 - 1), 520 / weeks)
    assert result.bundle_price == pytest.approx(27.0)
    assert result.together_per_week == pytest.approx(together)
    assert result.new_bundles.mid == pytest.approx(new_from_a + new_from_b, rel=0.03)
    revenue = -together * 3.0 + new_from_a * 17.0 + new_from_b * 7.0
    profit = -together * 3.0 + new_from_a * (17.0 - 8.0) + new_from_b * (7.0 - 4.0)
    assert result.revenue.mid == pytest.approx(revenue, rel=0.05)
    assert result.gross_profit.mid == pytest.approx(profit, rel=0.05)
    assert result.gross_profit.low < result.gross_profit.mid < result.gross_profit.high
    assert [f.elasticity_source for f in result.items] == ["pricing", "pricing"]
    codes = [code for code, _ in result.notes]
    assert "bundle.note.capped" in codes and "bundle.note.cost_assumed" not in codes


def test_no_discount_brings_no_new_bundles_and_a_deep_discount_loses_profit():
    baskets = build_baskets(two_product_shop())
    stats = item_stats(baskets)
    none = simulate_bundle(baskets, stats, BundleScenario("shop", ("A", "B"), discount_pct=0))
    assert none.new_bundles.high == 0 and none.gross_profit.mid == 0
    deep = simulate_bundle(baskets, stats, BundleScenario("shop", ("A", "B"), discount_pct=50,
                                                          assumed_margin_pct=20))
    assert deep.prob_profit_up < 0.05
    codes = [code for code, _ in deep.notes]
    assert "bundle.note.elasticity_assumed" in codes and "bundle.note.cost_assumed" in codes


def test_unknown_product_is_refused():
    baskets = build_baskets(two_product_shop())
    with pytest.raises(ValueError):
        simulate_bundle(baskets, item_stats(baskets), BundleScenario("shop", ("A", "Z")))


def test_price_response_falls_back_when_pricing_fails(monkeypatch):
    def broken(lines):
        raise TypeError("estimate_elasticities() got an unexpected keyword argument")

    monkeypatch.setattr(price_response, "_estimate", broken)
    table, why = price_response.item_elasticities(two_product_shop())
    assert table.empty and why == "bundle.note.pricing_unavailable"
