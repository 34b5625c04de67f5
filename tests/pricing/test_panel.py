"""Price–demand panel: netting, realised price, zero periods, fees, part weeks."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecom_models.pricing import PANEL_COLUMNS, build_price_panel


def make_lines(rows: list[tuple]) -> pd.DataFrame:
    """rows: (date, sku, quantity, unit_price, is_return, is_product[, category])."""
    frame = pd.DataFrame(
        [r if len(r) == 7 else (*r, None) for r in rows],
        columns=["ordered_at", "sku", "quantity", "unit_price", "is_return", "is_product", "category"])
    frame["ordered_at"] = pd.to_datetime(frame["ordered_at"]).astype("datetime64[ns]")
    frame["order_id"] = [f"o{i}" for i in range(len(frame))]
    frame["product_name"] = None
    frame["sku"] = frame["sku"].astype("str")
    return frame


# Weeks start on Monday: 2024-01-01, 01-08, 01-15, 01-22 are Mondays.
LINES = make_lines([
    ("2024-01-01 09:00", "A", 10, 2.00, False, True, "cups"),
    ("2024-01-03 10:00", "A", 10, 3.00, False, True, "cups"),   # same week: price 2.50
    ("2024-01-04 10:00", "A", -4, 2.50, True, True, "cups"),    # return: net 16, price unchanged
    ("2024-01-05 10:00", "A", 5, 0.00, False, True, "cups"),    # give-away: units, not price
    ("2024-01-02 11:00", "POST", 1, 5.00, False, False),        # postage: dropped
    ("2024-01-23 12:00", "A", 3, 2.00, False, True, None),      # week 4; weeks 2-3 are zero
    ("2024-01-09 12:00", "B", 7, 1.00, False, True),
    ("2024-01-28 23:00", "B", 1, 1.00, False, True),            # Sunday: last week is complete
])


def test_panel_nets_returns_and_prices_sales_only():
    panel = build_price_panel(LINES)
    a = panel[panel["sku"] == "A"].reset_index(drop=True)
    # Hand calculation, week of 2024-01-01: sales 10 + 10 + 5 = 25, returns 4 -> net 21;
    # price = (10·2 + 10·3) / 20 priced units = 2.50 (give-away and return excluded).
    assert a.loc[0, "units"] == 21.0
    assert a.loc[0, "sales_units"] == 25.0 and a.loc[0, "returned_units"] == 4.0
    assert a.loc[0, "price"] == pytest.approx(2.50, abs=1e-12)
    assert a.loc[0, "revenue"] == pytest.approx(50.0, abs=1e-12)


def test_quiet_periods_are_zero_between_first_and_last_sale():
    panel = build_price_panel(LINES)
    a = panel[panel["sku"] == "A"]
    assert a["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
    assert a["units"].tolist() == [21.0, 0.0, 0.0, 3.0]
    assert a["price"].isna().tolist() == [False, True, True, False]
    b = panel[panel["sku"] == "B"]
    assert b["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-08", "2024-01-15", "2024-01-22"]
    assert b["units"].tolist() == [7.0, 0.0, 1.0]


def test_fees_are_excluded_and_columns_and_category():
    panel = build_price_panel(LINES)
    assert list(panel.columns) == list(PANEL_COLUMNS)
    assert set(panel["sku"]) == {"A", "B"}
    assert panel.loc[panel["sku"] == "A", "category"].unique().tolist() == ["cups"]
    assert panel.loc[panel["sku"] == "B", "category"].isna().all()
    assert panel.attrs["freq"] == "W"


def test_part_weeks_at_both_ends_are_dropped():
    lines = make_lines([
        ("2024-01-03 10:00", "A", 1, 1.0, False, True),   # Wednesday: first week incomplete
        ("2024-01-08 10:00", "A", 2, 1.0, False, True),
        ("2024-01-15 10:00", "A", 3, 1.0, False, True),
        ("2024-01-19 10:00", "A", 4, 1.0, False, True),   # Friday: last week incomplete
    ])
    assert build_price_panel(lines)["units"].tolist() == [2.0]
    assert build_price_panel(lines, complete_periods_only=False)["units"].tolist() == [1.0, 2.0, 7.0]


def test_daily_panel():
    panel = build_price_panel(LINES, "D", complete_periods_only=False)
    a = panel[panel["sku"] == "A"]
    assert len(a) == 23  # 2024-01-01 .. 2024-01-23
    assert a["units"].sum() == 24.0
    assert a.loc[a["period"] == "2024-01-03", "price"].item() == 3.0


def test_bad_input_is_rejected_with_plain_message():
    with pytest.raises(ValueError, match="freq must be 'W'"):
        build_price_panel(LINES, "M")
    with pytest.raises(ValueError, match="missing the column"):
        build_price_panel(LINES.drop(columns=["unit_price"]))


line_rows = st.lists(
    st.tuples(st.integers(0, 40), st.sampled_from(["A", "B", "C", "007"]),
              st.integers(-5, 20).filter(lambda q: q != 0), st.sampled_from([0.0, 0.5, 1.99, 3.0]),
              st.booleans()),
    min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(line_rows)
def test_panel_conserves_units_and_revenue(rows):
    """Property: whatever the lines, the panel's totals equal the lines' totals."""
    lines = make_lines([(pd.Timestamp("2024-01-01") + pd.Timedelta(days=d), sku, float(q), p, q < 0, prod)
                        for d, sku, q, p, prod in rows])
    panel = build_price_panel(lines, complete_periods_only=False)
    products = lines[lines["is_product"]]
    assert panel["units"].sum() == pytest.approx(products["quantity"].sum(), abs=1e-9)
    sales = products[(products["quantity"] > 0) & (products["unit_price"] > 0)]
    assert panel["revenue"].sum() == pytest.approx((sales["quantity"] * sales["unit_price"]).sum(), abs=1e-9)
    for _, g in panel.groupby("sku"):  # contiguous weekly periods, no gaps
        assert (g["period"].diff().dropna() == pd.Timedelta(days=7)).all()
    assert set(panel["sku"]) == set(products["sku"])
