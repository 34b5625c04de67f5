"""Backtests and the stock plan on the demo data (UCI Online Retail, ~1 year) and the
two-year Shopware shop (Christmas run-ups, Black Friday and Easter promotions, trader
waves, a stock export); the CLI's JSON contract and ``--until``; the shared periods."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from ecom_models.forecasting.events import black_friday, event_features
from ecom_models.forecasting.inventory import stock_plan
from ecom_models.forecasting.pipeline import forecast
from ecom_models.forecasting.scenario import ForecastScenario
from ecom_models.forecasting.series import build_series
from ecom_models.store.queries import order_lines, products
from ecom_models.timeseries.panel import build_matrix, to_long, to_matrix
from ecom_models.timeseries.periods import period_start
from tests.conftest import REPO, shared_path


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    from ecom_models.ingest.pipeline import import_file

    db = tmp_path_factory.mktemp("shop") / "shop.db"
    for name in ("export_customers.csv", "export_articles_prices.csv", "export_articles_instock.csv",
                 "export_orders.csv"):
        result = import_file(shared_path("shopware5-shop-2y", name), db)
        assert result["status"] == "imported", result.get("error")
    return db


def test_shopware_backtest_beats_seasonal_naive_and_plans_stock(shop_db):
    lines = order_lines(shop_db)
    run = forecast(build_series(lines, "sku", top=20), 8)
    # honest check (chosen on earlier origins, scored on the last): better than the baseline
    assert run.check["wape"] < 0.85 * run.check["baseline_wape"], run.check
    assert run.check["mase_median"] < run.check["baseline_mase_median"]
    plan = stock_plan(run, products(shop_db), ForecastScenario())
    assert plan["stock_units"].notna().mean() >= 0.9             # stock from the export
    empty = plan.loc[plan["stock_units"] == 0]
    assert len(empty) and (empty["order_units"] >= np.floor(empty["order_up_to_units"])).all()
    assert (empty["stockout_prob_pct"] > 50).all()
    assert (plan["safety_stock_units"] > 0).all()


def test_shopware_total_beats_seasonal_naive_with_a_year_of_history(shop_db):
    run = forecast(build_series(order_lines(shop_db), "total"), 8)
    scores = run.scores.set_index("model")
    chosen = run.chosen.iloc[0]
    assert scores.loc[chosen, "mase"] < scores.loc["seasonal_naive", "mase"]


def test_demo_backtest_beats_seasonal_naive(demo_db):
    run = forecast(build_series(order_lines(demo_db), "sku", top=100), 8)
    assert run.check["wape"] < 0.9 * run.check["baseline_wape"], run.check
    assert 0.7 <= run.coverage[80] <= 0.9 and 0.88 <= run.coverage[95] <= 0.99, run.coverage


def test_cli_json_contract_and_until(demo_db):
    out = subprocess.run([sys.executable, "-m", "ecom_models", "forecast", "--db", str(demo_db), "--top", "3",
                          "--until", "2011-09-30", "--json"], capture_output=True, text=True, cwd=REPO, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == 3
    for r in records:
        assert {"series_id", "model", "forecast", "backtest"} <= set(r)
        assert "seasonal_naive" in r["backtest"] and {"mase", "wape"} <= set(r["backtest"]["seasonal_naive"])
        assert [f["period"] for f in r["forecast"]][0] == "2011-09-26"   # first week after the last full week
        assert all(0 <= f["lo95"] <= f["lo80"] <= f["mean"] <= f["hi80"] <= f["hi95"] for f in r["forecast"])


def test_series_are_net_zero_filled_and_start_at_the_first_sale():
    lines = pd.DataFrame({
        "ordered_at": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-16", "2024-01-17",
                                      "2024-01-22", "2024-01-28"]),
        "sku": ["A", "A", "A", "B", "B", "A"], "quantity": [5.0, -2.0, 4.0, 1.0, 2.0, 1.0],
        "is_product": [True] * 6, "channel": ["s"] * 6})
    m = build_series(lines, "sku")
    assert m.ids.tolist() == ["A", "B"]
    np.testing.assert_array_equal(m.values[0], [3.0, 0.0, 4.0, 1.0])      # net of the return; 0 in week 2
    assert np.isnan(m.values[1, :2]).all() and m.values[1, 2:].tolist() == [1.0, 2.0]
    long = to_long(m)
    assert list(long.columns) == ["series_id", "period", "y"] and len(long) == 6
    back = to_matrix(long)
    np.testing.assert_array_equal(np.nan_to_num(back.values, nan=-1), np.nan_to_num(m.values, nan=-1))
    # a data end on a Wednesday drops that partial week
    part = build_matrix(lines.iloc[:4], "sku")
    assert part.periods[-1] == pd.Timestamp("2024-01-08")


def test_period_start_is_the_monday_on_or_before():
    stamps = pd.Series(pd.date_range("2019-12-25", "2021-01-10", freq="17h"))
    weeks = pd.to_datetime(period_start(stamps, "week"))
    assert (weeks.day_of_week == 0).all()
    delta = stamps.dt.normalize() - weeks
    assert ((delta >= pd.Timedelta(0)) & (delta < pd.Timedelta(days=7))).all()
    months = pd.to_datetime(period_start(stamps, "month"))
    assert (months.day == 1).all() and (months.month == stamps.dt.month.to_numpy()).all()


def test_event_calendar():
    assert black_friday(2023).isoformat() == "2023-11-24" and black_friday(2024).isoformat() == "2024-11-29"
    weeks = pd.date_range("2024-03-25", "2024-12-30", freq="W-MON")
    ev = event_features(weeks)
    assert ev.loc["2024-03-25", "easter"] == pytest.approx(3 / 7)        # Good Friday .. Easter Sunday
    assert ev.loc["2024-03-25", "holidays"] == 1                          # Good Friday (Easter Monday: next week)
    assert ev.loc["2024-11-25", "black_friday"] == pytest.approx(1 / 7)
    assert ev.loc["2024-12-02", "cyber_monday"] == pytest.approx(1 / 7)
    assert ev["christmas_runup"].sum() == pytest.approx(23 / 7)
