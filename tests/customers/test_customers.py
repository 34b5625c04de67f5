"""Customer figures on a tiny hand-made store, RFM, guests apart, and the Shopware shop
end to end (issue 20)."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from ecom_models.customers import (cohort_table, customer_orders, customer_value, guest_orders, new_vs_returning,
                                   repeat_rates, retention_curve, rfm_table)
from tests.conftest import REPO, shared_path


def tiny_store():
    """Customers: A orders Jan 5, Feb 10, Apr 2; B Jan 20; C Feb 3, Mar 15; D (group H) Feb 28, Feb 29;
    a guest order in March; data end Apr 30 2024 (April complete)."""
    rows = [("o1", "2024-01-05", "A", "EK"), ("o2", "2024-02-10", "A", "EK"), ("o3", "2024-04-02", "A", "EK"),
            ("o4", "2024-01-20", "B", "EK"), ("o5", "2024-02-03", "C", "EK"), ("o6", "2024-03-15", "C", "EK"),
            ("o7", "2024-02-28", "D", "H"), ("o8", "2024-02-29", "D", "H"), ("g1", "2024-03-10", None, None),
            ("o9", "2024-04-30", "B", "EK")]
    frame = pd.DataFrame(rows, columns=["order_id", "ordered_at", "customer_id", "customer_group"])
    frame["ordered_at"] = pd.to_datetime(frame["ordered_at"])
    frame["channel"], frame["is_product"], frame["quantity"], frame["unit_price"] = "shop", True, 1.0, 10.0
    return frame


def test_cohorts_on_a_tiny_store():
    orders = customer_orders(tiny_store())
    table = cohort_table(orders, max_months=4)
    # January cohort: A, B (2). Month 1 (Feb): A -> 50 %; month 2 (Mar): none; month 3 (Apr): A and B -> 100 %
    jan = table.loc[pd.Timestamp("2024-01-01")]
    assert jan["size"] == 2 and list(jan[[0, 1, 2, 3]]) == [1.0, 0.5, 0.0, 1.0]
    # February cohort: C, D. Month 1 (Mar): C -> 50 %; month 2 (Apr): none; month 3 (May) not observed
    feb = table.loc[pd.Timestamp("2024-02-01")]
    assert feb["size"] == 2 and feb[1] == 0.5 and feb[2] == 0.0 and np.isnan(feb[3])
    curve = retention_curve(table).set_index("k")
    assert curve.loc[1, "retention"] == pytest.approx(0.5) and curve.loc[3, "cohorts"] == 1


def test_repeat_rates_new_vs_returning_and_guests_apart():
    lines = tiny_store()
    orders = customer_orders(lines)
    assert guest_orders(lines) == {"orders": 1, "revenue": 10.0}
    assert len(orders) == 9 and "g1" not in set(orders["order_id"])
    rates = repeat_rates(orders, "customer_group").set_index("group")
    assert rates.loc["EK", "customers"] == 3 and rates.loc["EK", "repeat_rate"] == pytest.approx(1.0)
    assert rates.loc["H", "median_days_between"] == pytest.approx(1.0)
    monthly = new_vs_returning(orders).set_index("period")
    # February: C and D new (2 × 10), A and D's second order returning (2 × 10)
    assert monthly.loc[pd.Timestamp("2024-02-01"), "new_revenue"] == 20.0
    assert monthly.loc[pd.Timestamp("2024-02-01"), "returning_revenue"] == 20.0


def test_rfm_segments():
    orders = customer_orders(tiny_store())
    table = rfm_table(orders).set_index("customer_id")
    assert table.loc["A", "orders"] == 3 and table.loc["A", "f"] == 3
    assert table.loc["B", "recency_days"] == 0 and table.loc["B", "r"] == 5
    assert table.loc["B", "segment"] == "promising"      # R 5, F 2


def test_shopware_shop_end_to_end(tmp_path):
    db = tmp_path / "sw.db"
    files = sorted(str(p) for p in shared_path("shopware5-shop-2y", "export_orders.csv").parent.glob("*.csv"))
    done = subprocess.run([sys.executable, "-m", "ecom_models", "import", *files, "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    from ecom_models.store.queries import order_lines
    orders = customer_orders(order_lines(db))
    rates = repeat_rates(orders, "customer_group").set_index("group")
    assert set(rates.index) == {"EK", "H"}                      # end customers and traders
    assert rates.loc["H", "orders_per_customer"] > rates.loc["EK", "orders_per_customer"]
    value = customer_value(orders, 52, draws=50)
    assert value.total_low <= value.total <= value.total_high
    # a year ahead should be of the order of the last year's revenue of these customers
    last_year = orders.loc[orders["ordered_at"] >= orders["ordered_at"].max() - pd.Timedelta(days=365), "value"].sum()
    assert 0.5 * last_year < value.total < 1.5 * last_year
    out = subprocess.run([sys.executable, "-m", "ecom_models", "portfolio", "--db", str(db), "--json"],
                         cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import json
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {"sku", "abc", "xyz", "revenue", "units", "return_rate", "sleeper", "action"} <= set(rows[0])
    assert sum(r["abc"] == "A" for r in rows) > 0 and any(r["sleeper"] for r in rows)
