"""Pricing v2 decision layer: each rule with a test, the totals bug, the test plan, the
margin table store, the hold-out check against elasticity 0, and the CLI."""
from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from ecom_models.pricing import (PriceConstraints, PriceScenario, decide_price, price_test_plan,
                                 simulate_price_change, validate_count_holdout, weeks_per_arm)

from .sim_shop import simulate_shop
from .synthetic_shop import estimate_rows


def rows(**extra):
    """One SKU, elasticity -2 (sd 0.3), price 10, 100 units a week, sold at 9-11 before."""
    frame = estimate_rows(elasticity=-2.0, **extra)
    frame["elasticity_sd"] = 0.3
    frame["price_min_seen"], frame["price_max_seen"] = 9.0, 11.0
    return frame


def test_without_costs_the_profit_answer_shows_its_margin_dependence():
    d = decide_price(rows(), "A", PriceConstraints(objective="profit"))
    assert d.recommendation.recommendation is None and d.recommendation.reason_params["why"]["code"] == "cost_unknown"
    assert "costs_needed" in d.notes
    assert [b["elasticity"] for b in d.break_even] == pytest.approx([-4.0, -2.5, -100 / 60])
    # e = -2 is less elastic than -1/0.25 = -4 (raise) and more elastic than -1/0.6 (cut)
    by = {m["margin_pct"]: m for m in d.by_margin}
    assert by[25.0]["price"] > 10 and by[60.0]["price"] < 10
    # P(more elastic than -2.5) for N(-2, 0.3²) = Φ(-0.5/0.3)
    from scipy.stats import norm
    assert d.break_even[1]["prob_more_elastic"] == pytest.approx(norm.cdf(-0.5 / 0.3))


def test_with_costs_no_margin_table_is_needed():
    d = decide_price(rows(), "A", PriceConstraints(), {"A": 6.0})
    assert d.cost_source == "products_table" and d.margin_pct == pytest.approx(40.0)
    assert d.by_margin == [] and "costs_needed" not in d.notes
    assert d.recommendation.recommendation is not None


def test_category_margin_table_supplies_costs():
    frame = rows(category="garden")
    d = decide_price(frame, "A", PriceConstraints(), category_margins={"garden": 60.0})
    assert d.cost_source == "category_margin" and d.margin_pct == pytest.approx(60.0)
    assert d.recommendation.unit_cost == pytest.approx(4.0)



def test_margin_table_row_for_every_other_product_and_its_cost_source_in_the_whatif():
    """The '*' row covers products without a category (real exports often have none); the
    what-if table names the margin table as the cost's source, not the products table
    (issue 15 hand-over: costs from the margin table showed up as 'products table')."""
    frame = rows()                                   # no category
    d = decide_price(frame, "A", PriceConstraints(), category_margins={"*": 50.0})
    assert d.cost_source == "category_margin" and d.recommendation.unit_cost == pytest.approx(5.0)
    garden = rows(category="garden")
    own_row = decide_price(garden, "A", PriceConstraints(), category_margins={"garden": 60.0, "*": 20.0})
    assert own_row.recommendation.unit_cost == pytest.approx(4.0)   # the category's own row wins
    result = simulate_price_change(frame, PriceScenario(price_change_pct=5, assumed_margin_pct=30),
                                   skus=["A"], category_margins={"*": 50.0})
    assert result.per_sku["cost_source"].tolist() == ["category_margin"]
    assert result.per_sku["unit_cost"].tolist() == pytest.approx([5.0])
    with_cost = simulate_price_change(frame, PriceScenario(price_change_pct=5), skus=["A"],
                                      unit_costs={"A": 7.0}, category_margins={"*": 50.0})
    assert with_cost.per_sku["cost_source"].tolist() == ["products_table"]   # purchase prices first

def test_recommendation_stays_within_prices_tried_and_says_test_first():
    # cost 6 and e = -2: Lerner optimum 12 > highest price tried 11
    d = decide_price(rows(), "A", PriceConstraints(max_change_pct=30), {"A": 6.0})
    assert d.recommendation.recommendation <= 11.0 + 1e-9 and d.within_seen
    assert d.recommendation.at_edge == "highest_tried"
    assert "outside_tried" in d.notes and d.outside_price > 11.0
    assert "test it first" in d.to_dict()["notes_text"][0]


def test_revenue_goal_carries_its_warning():
    d = decide_price(rows(), "A", PriceConstraints(objective="revenue"))
    assert d.notes[0] == "revenue_ignores_costs"
    assert "ignores costs" in d.to_dict()["notes_text"][0]


def test_totals_keep_skus_without_elasticity_out_of_baseline_and_scenario_alike():
    """Issue 15's bug: a SKU without an elasticity got P = 0 in the point totals but kept
    its baseline, so totals fell (units 0.69 instead of 3.25)."""
    frame = estimate_rows(sku=["A", "B", "C"], elasticity=[-2.0, np.nan, -1.0],
                          prior_elasticity=[-2.0, np.nan, -1.0], prior_sd=[0.2, np.nan, 0.2],
                          confidence=["high", "not estimable", "medium"], baseline_units=[1.0, 2.0, 0.5])
    result = simulate_price_change(frame, PriceScenario(price_change_pct=5, assumed_margin_pct=40),
                                   skus=["A", "B", "C"])
    totals = result.totals.iloc[0]
    known = result.per_sku[result.per_sku["sku"] != "B"]
    assert totals["n_skus"] == 3 and totals["n_skus_without_elasticity"] == 1
    assert totals["baseline_units"] == pytest.approx(1.5)
    assert totals["units"] == pytest.approx(known["units"].sum())
    assert totals["units"] == pytest.approx(1.05 ** -2 + 0.5 * 1.05 ** -1)
    assert 0 < totals["prob_profit_up"] < 1 or totals["prob_profit_up"] in (0.0, 1.0)
    assert not math.isnan(totals["prob_revenue_up"])


def test_power_formula_by_hand():
    """n = (z_.95 + z_.80)² · phi · (1/mu_A + 1/mu_B) / delta²; mu_A = 20, c = +10 %,
    e = -1.5 vs -2.5: delta = log 1.1, mu_B = 20 · 1.1^-2, phi = 1.5 (hand calculation)."""
    lr = math.log(1.1)
    expected = (1.6448536 + 0.8416212) ** 2 * 1.5 * (1 / 20 + 1 / (20 * 1.1 ** -2)) / lr ** 2
    assert weeks_per_arm(20, 10, dispersion=1.5) == pytest.approx(expected, rel=1e-6)
    assert weeks_per_arm(80, 10, dispersion=1.5) == pytest.approx(expected / 4, rel=1e-6)
    assert math.isinf(weeks_per_arm(0, 10))


def test_test_plan_picks_uncertain_products_and_skips_promotion_weeks():
    frame = estimate_rows(sku=["A", "B", "C"], confidence=["high", "not estimable", "low"],
                          baseline_units=[100.0, 40.0, 5.0])
    frame["last_sale_period"] = pd.Timestamp("2024-11-18")
    plan = price_test_plan(frame, promo_weeks=pd.DatetimeIndex(["2023-11-27"]))
    assert plan.per_sku["sku"].tolist() == ["B", "C"]          # the trusted one needs no test
    b, c = plan.per_sku.set_index("sku").loc[["B", "C"], "weeks_per_arm"]
    assert b < c                                               # more volume, shorter test
    weeks = plan.schedule["week_start"]
    assert weeks.iloc[0] == pd.Timestamp("2024-11-25") - pd.Timedelta(days=0) or weeks.iloc[0].weekday() == 0
    assert 48 not in {int(w.isocalendar().week) for w in weeks}   # Black Friday week skipped
    assert plan.schedule["arm"].iloc[:2].tolist() == ["today", "test"]


def test_margin_table_round_trip(tmp_path):
    from ecom_models.store.settings import category_margins, get_json, save_category_margins, set_json

    db = tmp_path / "s.db"
    assert category_margins(db) == {}            # a missing store has no settings (and is not created)
    assert not db.exists()
    save_category_margins(db, {"garden": 45.0, "toys": None})
    assert category_margins(db) == {"garden": 45.0}
    with pytest.raises(ValueError, match="percentage"):
        save_category_margins(db, {"garden": 120})
    with pytest.raises(ValueError, match="kept by the store"):
        set_json(db, "data_version", 3)
    assert get_json(db, "pricing.category_margins") == {"garden": 45.0}


def test_holdout_shows_what_the_price_effect_adds():
    shop = simulate_shop(7, n_skus=60)
    report = validate_count_holdout(shop["lines"], shop["products"], holdout_fraction=0.3)
    assert report.n_skus_price_moved >= 5
    assert report.wape_model_moved < report.wape_no_price_moved
    assert report.deviance_model < report.deviance_no_price


def test_cli_best_price_json(tmp_path):
    from ecom_models.ingest.pipeline import import_file  # noqa: F401  (store must import)
    from tests.conftest import shared_path

    files = [shared_path("shopware5-shop-2y", f) for f in
             ("export_articles_prices.csv", "export_articles_instock.csv", "export_customers.csv",
              "export_orders.csv")]
    db = tmp_path / "sw.db"
    run = lambda *a: subprocess.run([sys.executable, "-m", "ecom_models", *map(str, a)],
                                    capture_output=True, text=True)
    assert run("import", *files, "--db", db).returncode == 0
    out = run("best-price", "--sku", "SW20003", "--db", db, "--json", "--goal", "revenue")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert {"recommendation", "prob_beats_current", "within_prices_seen", "margin_dependence",
            "notes"} <= set(record)
    assert record["cost_source"] == "products_table"           # the shop's purchase prices
    assert "revenue_ignores_costs" in record["notes"]
    bad = run("best-price", "--sku", "NOPE", "--db", db, "--json")
    assert bad.returncode == 2 and "NOPE" in bad.stderr
