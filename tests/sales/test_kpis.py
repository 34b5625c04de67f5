"""KPI definitions on a hand-built frame (expected values computed by hand in comments)."""
from datetime import date

import pandas as pd
import pytest

from ecom_models.sales import Filters, kpis, kpis_with_change, revenue_over_time, top_countries, top_products


def frame(rows):
    cols = ["order_id", "ordered_at", "sku", "product_name", "quantity", "unit_price", "currency",
            "customer_id", "country", "is_return", "is_product"]
    df = pd.DataFrame(rows, columns=cols)
    df["ordered_at"] = pd.to_datetime(df["ordered_at"])
    for c in ("order_id", "sku", "product_name", "currency", "customer_id", "country"):
        df[c] = df[c].astype("category")
    return df


LINES = frame([
    # order 1 (DE, 2024-03-04 Monday): 2 × 10 + 1 × 5 = 25, postage 4.90
    ("1", "2024-03-04 10:00", "A", "Mug", 2, 10.0, "EUR", "c1", "DE", False, True),
    ("1", "2024-03-04 10:00", "B", "Plate", 1, 5.0, "EUR", "c1", "DE", False, True),
    ("1", "2024-03-04 10:00", "POSTAGE", "Postage", 1, 4.9, "EUR", "c1", "DE", False, False),
    # order 2 (AT, 2024-03-12): 3 × 10 = 30, one unit returned (−10)
    ("2", "2024-03-12 09:00", "A", "Mug", 3, 10.0, "EUR", "c2", "AT", False, True),
    ("R2", "2024-03-15 09:00", "A", "Mug", -1, 10.0, "EUR", "c2", "AT", True, True),
    # order 3 (DE, 2024-02-20): fully cancelled: +1 −1
    ("3", "2024-02-20 09:00", "B", "Plate", 1, 5.0, "EUR", None, "DE", False, True),
    ("3", "2024-02-20 09:00", "B", "Plate", -1, 5.0, "EUR", None, "DE", True, True),
    # another currency never mixes in
    ("9", "2024-03-05 09:00", "A", "Mug", 100, 1.0, "GBP", "c9", "UK", False, True),
])


def test_kpi_definitions():
    k = kpis(LINES, Filters(currency="EUR"))
    assert k["revenue"] == 45.0            # 25 + 30 − 10 + (5 − 5)
    assert k["other_revenue"] == 4.9
    assert k["orders"] == 2                # order 3 nets to 0 units; R2 is a return
    assert k["units"] == 5                 # 2 + 1 + 3 − 1 + 1 − 1
    assert k["average_order_value"] == 22.5
    assert k["return_rate"] == pytest.approx(2 / 7, abs=1e-4)  # returned 2 of 7 sold
    assert k["customers"] == 2
    assert (k["first_date"], k["last_date"]) == ("2024-02-20", "2024-03-15")


def test_filters_and_previous_period():
    march = Filters(date(2024, 3, 1), date(2024, 3, 31), None, "EUR")
    now, before, prev = kpis_with_change(LINES, march)
    assert now["revenue"] == 45.0
    assert (prev.date_from, prev.date_to) == (date(2024, 1, 30), date(2024, 2, 29))  # 31 days
    assert before["revenue"] == 0.0 and before["orders"] == 0
    assert kpis(LINES, Filters(country="AT", currency="EUR"))["revenue"] == 20.0
    with pytest.raises(ValueError):
        Filters(date(2024, 3, 2), date(2024, 3, 1))


def test_breakdowns():
    eur = Filters(currency="EUR")
    weeks = revenue_over_time(LINES, eur, "week")
    # ISO weeks starting Monday: 19 Feb (0), 26 Feb (empty), 4 Mar (25), 11 Mar (30 − 10)
    assert weeks["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-19", "2024-02-26",
                                                                "2024-03-04", "2024-03-11"]
    assert weeks["revenue"].tolist() == [0.0, 0.0, 25.0, 20.0]
    top = top_products(LINES, eur, 5)
    assert top[["sku", "revenue", "units"]].values.tolist() == [["A", 40.0, 4.0], ["B", 5.0, 1.0]]
    countries = top_countries(LINES, eur, 5)
    assert countries["country"].tolist() == ["DE", "AT"]        # 25 vs 30 − 10
    assert countries["share"].tolist() == pytest.approx([25 / 45, 20 / 45])


def test_last_period_is_partial():
    from ecom_models.sales import last_period_is_partial

    assert last_period_is_partial(date(2011, 12, 9), "month")        # the demo data's last day
    assert not last_period_is_partial(date(2011, 11, 30), "month")
    assert not last_period_is_partial(date(2024, 3, 10), "week")      # a Sunday ends an ISO week
    assert last_period_is_partial(date(2024, 3, 9), "week")
    assert not last_period_is_partial(date(2024, 3, 9), "day")
