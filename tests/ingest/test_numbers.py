"""Tests for ecom_models.ingest.numbers: decimal mark, number parsing, ID cleaning."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecom_models.ingest.numbers import clean_id, detect_decimal, detect_decimal_for_columns, parse_numbers


def S(values) -> pd.Series:
    return pd.Series(values, dtype="str")


def read_text_csv(path, sep=",", **kw) -> pd.DataFrame:
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, **kw)


# --------------------------------------------------------------------------- detect_decimal

@pytest.mark.parametrize("values, expected", [
    (["59,99", "1.234,50"], ","),
    (["59,99"], ","),
    (["1.234,5"], ","),
    (["0,5", "12"], ","),
    (["1.234.567"], ","),
    (["1,299.00", "12.5"], "."),
    (["2.55", "18.0"], "."),
    (["35.949999999999"], "."),
    (["1,234,567"], "."),
    (["1,234"], "."),                       # ambiguous alone -> point
    (["1.234"], "."),
    (["1,234", "5,5"], ","),                # the rest of the column decides
    (["1,234", "1.234,5"], ","),
    (["1,234", "2.5"], "."),
    (["12", "199", ""], "."),               # integers do not vote
    (["", "  ", "abc"], "."),
    (["€ 1.299,00", "EUR 12,50", "12,50 €"], ","),
    (["$1,299.00", "$19.50"], "."),
])
def test_detect_decimal(values, expected):
    assert detect_decimal(S(values)) == expected


def test_detect_decimal_majority_by_rows():
    assert detect_decimal(S(["1,5"] * 3 + ["2.25"] * 2)) == ","
    assert detect_decimal(S(["1,5"] * 2 + ["2.25"] * 3)) == "."


def test_detect_decimal_for_columns_majority_over_all_values():
    frame = pd.DataFrame({"price": S(["1,234", "1,234", "199"]),   # ambiguous / no vote
                          "tax": S(["3,50", "0,19", "2"]),          # decides: comma
                          "name": S(["1.5 Liter", "a.b", "x"])})    # not listed: ignored
    assert detect_decimal_for_columns(frame, ["price", "tax"]) == ","
    assert detect_decimal_for_columns(frame, ["price"]) == "."
    assert detect_decimal_for_columns(frame, []) == "."
    with pytest.raises(KeyError):
        detect_decimal_for_columns(frame, ["missing"])


def test_detect_decimal_ignores_numeric_cells():
    mixed = pd.Series([1.5, 2, "3,25", None], dtype=object)  # XLSX: numbers are numbers
    assert detect_decimal(mixed) == ","
    assert detect_decimal(pd.Series([1.25, 2.5])) == "."


# --------------------------------------------------------------------------- parse_numbers

POINT_CASES = [
    ("2.55", 2.55), ("18.0", 18.0), ("-2", -2.0), ("2-", -2.0), ("+5", 5.0),
    ("(12.50)", -12.5), ("62.31    ", 62.31), ("  7 ", 7.0), ("1,234", 1234.0),
    ("1,299.00", 1299.0), ("$1,299.00", 1299.0), ("€12", 12.0), ("12 €", 12.0),
    ("£3.50", 3.5), ("₹647", 647.0), ("12.00 CAD", 12.0), ("CAD 12.00", 12.0),
    ("US$5", 5.0), ("-€12", -12.0), ("€-12", -12.0), ("(€12.50)", -12.5),
    ("1 234.50", 1234.5), ("1\u00a0234.50", 1234.5), ("1'234.50", 1234.5),
    ("4.6347E+11", 463_470_000_000.0), (".5", 0.5), ("\u22127", -7.0), ("0", 0.0),
]
COMMA_CASES = [
    ("59,99", 59.99), ("1.234,50", 1234.5), ("1 234,50", 1234.5), ("1\u00a0234,50", 1234.5),
    ("EUR 12,50", 12.5), ("12,50 €", 12.5), ("-3,5", -3.5), ("3,5-", -3.5),
    ("(1.000,00)", -1000.0), ("199", 199.0), ("1.234", 1234.0), ("1.234.567,89", 1234567.89),
]
BAD_POINT = ["abc", "CAD", "1e999", "-1e999", "inf", "-inf", "nan", "NaN", "(12", "12)", "-(12)",
             "12 34", "12-3", "1,2,3", "€", "--2", "1.2.3"]
BAD_COMMA = ["12.5", "1,234.5", "€ 1.299,-", "1e999", "abc"]


@pytest.mark.parametrize("text, value", POINT_CASES)
def test_parse_numbers_point(text, value):
    out, bad = parse_numbers(S([text]), ".")
    assert out.iloc[0] == pytest.approx(value, rel=1e-12)
    assert not bad.iloc[0]


@pytest.mark.parametrize("text, value", COMMA_CASES)
def test_parse_numbers_comma(text, value):
    out, bad = parse_numbers(S([text]), ",")
    assert out.iloc[0] == pytest.approx(value, rel=1e-12)
    assert not bad.iloc[0]


@pytest.mark.parametrize("text", BAD_POINT)
def test_parse_numbers_bad_point(text):
    out, bad = parse_numbers(S([text, "1.5"]), ".")
    assert bad.tolist() == [True, False]
    assert math.isnan(out.iloc[0]) and out.iloc[1] == 1.5


@pytest.mark.parametrize("text", BAD_COMMA)
def test_parse_numbers_bad_comma(text):
    out, bad = parse_numbers(S([text, "1,5"]), ",")
    assert bad.tolist() == [True, False]
    assert math.isnan(out.iloc[0]) and out.iloc[1] == 1.5


def test_overflow_to_infinity_is_bad_not_inf():
    out, bad = parse_numbers(S(["9" * 400, "1e308", "1e309"]), ".")
    assert bad.tolist() == [True, False, True]
    assert out.iloc[1] == 1e308
    assert np.isfinite(out.fillna(0)).all()


def test_empty_is_missing_not_bad_and_index_kept():
    values = pd.Series(["", "  ", "3.5", None], index=[10, 11, 12, 13], name="price", dtype="str")
    out, bad = parse_numbers(values, ".")
    assert out.index.tolist() == [10, 11, 12, 13]
    assert out.name == "price" and out.dtype == "float64" and bad.dtype == bool
    assert out.isna().tolist() == [True, True, False, True]
    assert out.loc[12] == 3.5
    assert bad.tolist() == [False, False, False, False]


def test_repeated_values_map_back_to_their_rows():
    out, bad = parse_numbers(S(["1,5", "x", "1,5", "", "2"] * 3), ",")
    assert out.tolist()[:5] == [1.5, pytest.approx(float("nan"), nan_ok=True), 1.5,
                                pytest.approx(float("nan"), nan_ok=True), 2.0]
    assert bad.tolist() == [False, True, False, False, False] * 3


def test_object_column_from_xlsx_mixes_numbers_and_text():
    values = pd.Series([12, 2.5, "3,75", None, float("inf"), "abc", ""], dtype=object)
    out, bad = parse_numbers(values, ",")
    assert out.iloc[:3].tolist() == [12.0, 2.5, 3.75]
    assert out.iloc[3:].isna().all()
    assert bad.tolist() == [False, False, False, False, True, True, False]


def test_numeric_dtype_passes_through():
    out, bad = parse_numbers(pd.Series([1, 2, 3]), ".")
    assert out.tolist() == [1.0, 2.0, 3.0] and out.dtype == "float64"
    assert bad.tolist() == [False, False, False]


def test_invalid_decimal_argument():
    with pytest.raises(ValueError):
        parse_numbers(S(["1"]), ";")


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_property_german_format_round_trip(x):
    us = format(x, ",.2f")                                  # 1,234,567.89
    de = us.replace(",", "_").replace(".", ",").replace("_", ".")   # 1.234.567,89
    assert detect_decimal(S([de])) == ","
    out, bad = parse_numbers(S([de, de + " €", "EUR " + de]), ",")
    assert not bad.any()
    assert out.tolist() == [float(us.replace(",", ""))] * 3


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       st.sampled_from(["{}", "${}", "{} USD", "£{}", "  {}  ", "({})"]))
def test_property_us_format_round_trip(x, template):
    us = format(abs(x), ",.2f")
    out, bad = parse_numbers(S([template.format(us)]), ".")
    expected = float(us.replace(",", ""))
    assert not bad.iloc[0]
    assert out.iloc[0] == (-expected if template == "({})" else expected)


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_property_repr_of_any_float_parses_back_exactly(x):
    out, bad = parse_numbers(S([repr(x)]), ".")
    assert not bad.iloc[0]
    assert out.iloc[0] == x


# --------------------------------------------------------------------------- clean_id

@pytest.mark.parametrize("text, expected", [
    ("17850.0", "17850"), ("400081.0", "400081"), (" 17850 ", "17850"),
    ("'560029", "560029"), ("' 560029", "560029"), ('="00123"', "00123"),
    ("00123", "00123"), ("85123A", "85123A"), ("C536379", "C536379"),
    ("NA", "NA"), ("null", "null"), ("None", "None"), ("nan", "nan"),
    ("1.5", "1.5"), ("4.6347E+11", "4.6347E+11"), ("-5.0", "-5"), ("SW10002.1", "SW10002.1"),
    ("", None), ("   ", None), ("'", None),
])
def test_clean_id(text, expected):
    assert clean_id(S([text])).tolist() == [expected]


def test_clean_id_keeps_index_and_maps_missing_to_none():
    values = pd.Series(["17850.0", None, "x"], index=[5, 6, 7], name="CustomerID", dtype="str")
    out = clean_id(values)
    assert out.dtype == object and out.name == "CustomerID"
    assert out.to_dict() == {5: "17850", 6: None, 7: "x"}


def test_clean_id_from_xlsx_numbers():
    values = pd.Series([17850.0, float("nan"), 85123, "85123A", None, 1.5], dtype=object)
    assert clean_id(values).tolist() == ["17850", None, "85123", "85123A", None, "1.5"]
    assert clean_id(pd.Series([17850.0, float("nan")])).tolist() == ["17850", None]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=4))
def test_property_clean_id_float_formatted_and_leading_zeros(n, zeros):
    assert clean_id(S([f"{n}.0"])).tolist() == [str(n)]
    padded = "0" * zeros + str(n)
    assert clean_id(S([padded, "'" + padded])).tolist() == [padded, padded]


# --------------------------------------------------------------------------- real files

def test_uci_prices_and_quantities(uci_frame):
    # README: sum of Quantity x UnitPrice = 9,747,747.93; 2,515 rows with UnitPrice 0.
    decimal = detect_decimal_for_columns(uci_frame, ["Quantity", "UnitPrice"])
    assert decimal == "."
    qty, bad_q = parse_numbers(uci_frame["Quantity"], decimal)
    price, bad_p = parse_numbers(uci_frame["UnitPrice"], decimal)
    assert int(bad_q.sum()) == 0 and int(bad_p.sum()) == 0
    assert round(float((qty * price).sum()), 2) == 9_747_747.93
    assert int((price == 0).sum()) == 2_515
    assert int((qty < 0).sum()) == 10_624
    assert int((price < 0).sum()) == 2                      # the two "Adjust bad debt" rows


def test_uci_customer_ids_stay_text(uci_frame):
    ids = clean_id(uci_frame["CustomerID"])
    assert int(ids.isna().sum()) == 135_080                 # README: 24.9 % without ID
    assert ids.iloc[0] == "17850"
    assert ids.dropna().nunique() == 4_372


def test_shopware_decimal_comma_prices_match_the_decimal_point_stock_file(shared):
    prices = read_text_csv(shared("shopware5", "export_articles_prices.csv"), sep=";")
    stock = read_text_csv(shared("shopware5", "export_articles_instock.csv"), sep=";")
    assert detect_decimal_for_columns(prices, ["price", "pseudoprice", "purchaseprice"]) == ","
    assert detect_decimal(stock["_price"]) == "."           # same shop, other file: point
    p, bad_p = parse_numbers(prices["price"], ",")
    s, bad_s = parse_numbers(stock["_price"], ".")
    assert not bad_p.any() and not bad_s.any()
    assert p.iloc[0] == 59.99
    assert round(p.sum(), 2) == round(s.sum(), 2) == 40_644.81  # 35.949999999999 artefacts


def test_settlement_amounts_with_trailing_spaces(shared):
    frame = read_text_csv(shared("amazon", "settlement_flatfile_ca.txt"), sep="\t",
                          skip_blank_lines=True)
    assert (frame["other-amount"] == "62.31    ").sum() == 1
    amount_cols = [c for c in frame.columns if c.endswith("-amount") and c != "total-amount"]
    decimal = detect_decimal_for_columns(frame, amount_cols)
    assert decimal == "."
    total = 0.0
    for col in amount_cols:
        values, bad = parse_numbers(frame[col], decimal)
        assert not bad.any(), col
        total += values.iloc[1:].sum()                       # row 0 is the summary row
    summary, _ = parse_numbers(frame["total-amount"], decimal)
    assert summary.iloc[0] == 1016.08
    assert round(total, 2) == 1016.08                       # README: equals total-amount


def test_ebay_dollar_amounts(shared):
    frame = read_text_csv(shared("ebay", "SalesHistory.csv"), skiprows=1)
    rows = frame[frame["User Id"].str.startswith("random_user")]
    values, bad = parse_numbers(rows["Sale Price"], detect_decimal(rows["Sale Price"]))
    assert not bad.any()
    assert values.tolist() == [19.5, 5.9, 3.0, 1.0]


def test_amazon_postal_codes_and_amounts(shared):
    frame = read_text_csv(shared("amazon", "amazon_sale_report.csv"))
    codes = clean_id(frame["ship-postal-code"])
    assert (frame["ship-postal-code"] == "400081.0").any()
    assert "400081" in set(codes.dropna())
    assert not codes.dropna().str.endswith(".0").any()
    amount, bad = parse_numbers(frame["Amount"], ".")
    assert not bad.any()
    assert int(amount.isna().sum()) == 53                   # README: Amount empty in 53 rows


def test_shopify_zip_apostrophe(shared):
    frame = read_text_csv(shared("shopify", "orders_export.csv"))
    raw = frame["Billing Zip"][frame["Billing Zip"] != ""]
    assert raw.str.startswith("'").all()
    cleaned = clean_id(raw)
    assert "560029" in set(cleaned)
    assert not cleaned.str.startswith("'").any()


def test_etsy_zip_codes_keep_leading_zeros(shared):
    frame = read_text_csv(shared("etsy", "EtsySoldOrderItems2021_masked.csv"))
    assert "02125" in set(clean_id(frame["Ship Zipcode"]).dropna())
