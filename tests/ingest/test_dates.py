"""Tests for ecom_models.ingest.dates: whole-column date format detection and parsing."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecom_models.ingest.dates import CANDIDATE_FORMATS, DateDetection, detect_date_format, parse_dates


def S(values) -> pd.Series:
    return pd.Series(values, dtype="str")


def T(*args) -> pd.Timestamp:
    return pd.Timestamp(*args)


# --------------------------------------------------------------------------- detection

@pytest.mark.parametrize("values, fmt", [
    (["12/1/2010 8:26", "12/13/2010 9:00"], "%m/%d/%Y %H:%M"),        # UCI, no zero padding
    (["01.02.2024", "13.02.2024"], "%d.%m.%Y"),
    (["01.02.2024 10:15", "13.02.2024 23:59"], "%d.%m.%Y %H:%M"),
    (["01.02.24", "31.12.24"], "%d.%m.%y"),
    (["2012-08-30 10:15:54", "2012-08-31 08:51:46"], "%Y-%m-%d %H:%M:%S"),
    (["2024-01-05", "2024-12-31"], "%Y-%m-%d"),
    (["2025-08-18T02:48:54+00:00", "2025-08-14T22:07:18+00:00"], "%Y-%m-%dT%H:%M:%S%z"),
    (["2025-08-18T02:48:54Z"], "%Y-%m-%dT%H:%M:%S%z"),
    (["2025-12-06 10:37:33 -0500", "2025-12-06 23:01:00 +0530"], "%Y-%m-%d %H:%M:%S %z"),
    (["04-30-22", "04-13-22"], "%m-%d-%y"),                            # Amazon
    (["30-04-22", "13-04-22"], "%d-%m-%y"),
    (["Jan-18-16", "Feb-01-16"], "%b-%d-%y"),                          # eBay
    (["18 Jan 2016", "1 Feb 2016"], "%d %b %Y"),
    (["12/26/21", "01/02/21"], "%m/%d/%y"),                            # Etsy Sale Date
    (["26/12/2021", "01/02/2021"], "%d/%m/%Y"),
])
def test_detect_unambiguous(values, fmt):
    det = detect_date_format(S(values))
    assert det.format == fmt
    assert det.ambiguous is False
    assert det.candidates[0] == fmt


@pytest.mark.parametrize("values, default, other", [
    (["01/02/2024", "03/04/2024", "12/12/2024"], "%m/%d/%Y", "%d/%m/%Y"),
    (["01-02-24", "03-04-24"], "%m-%d-%y", "%d-%m-%y"),
    (["12/1/10 8:26", "12/1/10 9:41"], "%m/%d/%y %H:%M", "%d/%m/%y %H:%M"),
])
def test_detect_ambiguous_month_first_default(values, default, other):
    det = detect_date_format(S(values))
    assert det.ambiguous is True
    assert det.format == default
    assert det.candidates == (default, other)
    assert "ambiguous" in det.note and "choose" in det.note
    assert f"'{values[0]}'" in det.note


def test_ambiguous_note_shows_both_readings():
    det = detect_date_format(S(["01/02/2024", "03/04/2024"]))
    assert det.note.startswith("The dates are ambiguous")
    assert "2024-02-01 read day-first but 2024-01-02 read month-first" in det.note


def test_one_unambiguous_value_decides_the_whole_column():
    values = ["01/02/2024"] * 500 + ["12/25/2024"]           # the last value settles it
    det = detect_date_format(S(values))
    assert (det.format, det.ambiguous) == ("%m/%d/%Y", False)
    values = ["01/02/2024"] * 500 + ["25/12/2024"]
    assert detect_date_format(S(values)).format == "%d/%m/%Y"


def test_value_that_fits_nothing_is_named():
    det = detect_date_format(S(["2024-01-01", "2024-01-02", "hello"]))
    assert det == DateDetection(None, (), False, "the value 'hello' fits no known date format")


def test_mixed_formats_note():
    det = detect_date_format(S(["2024-01-01", "2024-01-02", "2024-01-03", "01.02.2024"]))
    assert det.format is None
    assert det.note == ("no single date format fits every value: most read as %Y-%m-%d, "
                        "but '01.02.2024' does not")


def test_nothing_parses_at_all():
    det = detect_date_format(S(["abc", "def"]))
    assert det.format is None and det.note == "no known date format fits the values, e.g. 'abc'"


def test_iso_mixed_date_and_datetime():
    det = detect_date_format(S(["2024-01-05", "2024-01-05 10:00", "2024-01-06T11:30:00+01:00"]))
    assert det.format == "ISO8601"
    dates, bad = parse_dates(S(["2024-01-05", "2024-01-05 10:00", "2024-01-06T11:30:00+01:00"]), det.format)
    assert dates.tolist() == [T("2024-01-05"), T("2024-01-05 10:00"), T("2024-01-06 11:30")]
    assert not bad.any()


def test_iso_mixed_does_not_accept_bare_years_or_numbers():
    assert detect_date_format(S(["2024", "2025"])).format is None
    assert detect_date_format(S(["20240105", "20240106"])).format is None


def test_empty_and_null_dates_are_ignored_by_detection():
    det = detect_date_format(S(["", "0000-00-00", "2012-08-30", " "]))
    assert det.format == "%Y-%m-%d"
    none = detect_date_format(S(["", "0000-00-00"]))
    assert none.format is None and none.candidates == () and "no date text" in none.note


def test_detection_result_is_frozen():
    det = detect_date_format(S(["2024-01-05"]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        det.format = "%d.%m.%Y"


def test_datetime_cells_need_no_format():
    det = detect_date_format(pd.Series(pd.to_datetime(["2024-01-05"])))
    assert det.format is None and "already dates" in det.note


# --------------------------------------------------------------------------- parsing

def test_parse_impossible_dates_are_bad_and_null_date_is_missing():
    values = S(["31.02.2024", "29.02.2024", "", "0000-00-00", "x", "1.2.2024", "30.02.2023"])
    dates, bad = parse_dates(values, "%d.%m.%Y")
    assert dates.dtype == "datetime64[ns]"
    assert dates.iloc[1] == T("2024-02-29") and dates.iloc[5] == T("2024-02-01")
    assert bad.tolist() == [True, False, False, False, True, False, True]
    assert dates.isna().tolist() == [True, False, True, True, True, False, True]


def test_parse_month_13_is_bad():
    dates, bad = parse_dates(S(["2024-13-01", "2024-12-01"]), "%Y-%m-%d")
    assert bad.tolist() == [True, False]
    assert dates.iloc[1] == T("2024-12-01")


def test_parse_keeps_wall_clock_time_and_drops_offset():
    values = S(["2025-12-06 10:37:33 -0500", "2025-12-06 23:37:33 +0530", "2025-12-06 10:37:33"])
    dates, bad = parse_dates(values, "%Y-%m-%d %H:%M:%S %z")
    assert dates.iloc[:2].tolist() == [T("2025-12-06 10:37:33"), T("2025-12-06 23:37:33")]
    assert bad.tolist() == [False, False, True]              # the offset is part of the format
    assert dates.dt.tz is None


def test_parse_out_of_nanosecond_range_is_bad():
    dates, bad = parse_dates(S(["31.12.9999", "01.01.0001", "01.01.2000"]), "%d.%m.%Y")
    assert bad.tolist() == [True, True, False]
    assert dates.iloc[2] == T("2000-01-01")


def test_parse_keeps_index_and_name():
    values = pd.Series(["01.02.2024", ""], index=[7, 9], name="orderTime", dtype="str")
    dates, bad = parse_dates(values, "%d.%m.%Y")
    assert dates.index.tolist() == [7, 9] and dates.name == "orderTime"
    assert bad.index.tolist() == [7, 9] and bad.dtype == bool


def test_parse_excel_datetime_cells_unchanged():
    values = pd.Series([T("2024-01-01 10:00"), "02.01.2024", None, dt.datetime(2011, 1, 1, 8, 26),
                        dt.date(2011, 2, 3), float("nan"), "bad"], dtype=object)
    dates, bad = parse_dates(values, "%d.%m.%Y")
    assert dates.tolist()[:5] == [T("2024-01-01 10:00"), T("2024-01-02"), pd.NaT,
                                  T("2011-01-01 08:26"), T("2011-02-03")]
    assert bad.tolist() == [False, False, False, False, False, False, True]


def test_parse_datetime_dtype_passes_through_naive():
    aware = pd.Series(pd.to_datetime(["2024-01-01 10:00"]).tz_localize("Europe/Berlin"))
    dates, bad = parse_dates(aware, None)
    assert dates.tolist() == [T("2024-01-01 10:00")] and dates.dtype == "datetime64[ns]"
    assert bad.tolist() == [False]
    naive = pd.Series(pd.to_datetime(["2024-01-01 10:00"]).as_unit("s"))
    assert parse_dates(naive, "%d.%m.%Y")[0].dtype == "datetime64[ns]"


# --------------------------------------------------------------------------- properties

# Formats whose strftime output the parser must read back; (format, finest unit kept).
ROUND_TRIP_FORMATS = [f for f, _ in CANDIDATE_FORMATS if "%z" not in f and "%f" not in f]


def _truncate(ts: dt.datetime, fmt: str) -> dt.datetime:
    if "%S" in fmt:
        return ts.replace(microsecond=0)
    if "%M" in fmt:
        return ts.replace(second=0, microsecond=0)
    return ts.replace(hour=0, minute=0, second=0, microsecond=0)


@settings(max_examples=150, deadline=None)
@given(fmt=st.sampled_from(ROUND_TRIP_FORMATS),
       stamps=st.lists(st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2068, 12, 31)),
                       min_size=1, max_size=40))
def test_property_formatted_dates_are_detected_and_read_back(fmt, stamps):
    values = S([s.strftime(fmt) for s in stamps])
    det = detect_date_format(values)
    assert fmt in det.candidates
    if not det.ambiguous:
        chosen = det.format
    else:                           # the user picks; the candidates hold the right one
        chosen = fmt
    dates, bad = parse_dates(values, chosen)
    assert not bad.any()
    assert dates.tolist() == [pd.Timestamp(_truncate(s, fmt)) for s in stamps]


@settings(max_examples=80, deadline=None)
@given(stamps=st.lists(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1)),
                       min_size=1, max_size=20),
       minutes=st.lists(st.integers(-12 * 60, 14 * 60), min_size=20, max_size=20),
       template=st.sampled_from(["%Y-%m-%dT%H:%M:%S{sign}{hh}:{mm}", "%Y-%m-%d %H:%M:%S {sign}{hh}{mm}"]))
def test_property_offsets_keep_wall_clock(stamps, minutes, template):
    def text(s, off):
        sign = "-" if off < 0 else "+"
        hh, mm = divmod(abs(off), 60)
        return s.strftime(template.format(sign=sign, hh=f"{hh:02d}", mm=f"{mm:02d}"))
    values = S([text(s, m) for s, m in zip(stamps, minutes)])
    det = detect_date_format(values)
    assert det.format is not None and det.format.endswith("%z") and not det.ambiguous
    dates, bad = parse_dates(values, det.format)
    assert not bad.any()
    assert dates.tolist() == [pd.Timestamp(s.replace(microsecond=0)) for s in stamps]


@settings(max_examples=60, deadline=None)
@given(days=st.lists(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), min_size=1, max_size=30))
def test_property_day_month_both_at_most_12_is_ambiguous(days):
    values = S([d.strftime("%m/%d/%Y") for d in days])
    det = detect_date_format(values)
    both_small = all(d.day <= 12 for d in days)
    assert det.ambiguous is both_small
    assert det.format == "%m/%d/%Y"


# --------------------------------------------------------------------------- real files

def test_uci_invoice_dates(uci_frame):
    det = detect_date_format(uci_frame["InvoiceDate"])
    assert det == DateDetection("%m/%d/%Y %H:%M", ("%m/%d/%Y %H:%M",), False,
                                "dates read as %m/%d/%Y %H:%M, e.g. '12/1/2010 8:26' = 2010-12-01 08:26")
    dates, bad = parse_dates(uci_frame["InvoiceDate"], det.format)
    assert int(bad.sum()) == 0 and int(dates.isna().sum()) == 0
    assert (dates.min(), dates.max()) == (T("2010-12-01 08:26"), T("2011-12-09 12:50"))
    assert uci_frame["InvoiceDate"].nunique() == 23_260


def test_uci_tiny_two_digit_years_are_ambiguous(shared):
    # All 183 rows fall on 2010-12-01, written 12/1/10: 1 Dec or 12 Jan, both valid.
    with shared("online-retail", "online_retail_tiny.csv").open(newline="") as fh:
        rows = [r for r in csv.reader(fh)]
    dates = S([r[4] for r in rows[1:] if len(r) == 8])       # 4 damaged rows have 7 fields
    det = detect_date_format(dates)
    assert det.ambiguous is True
    assert det.candidates == ("%m/%d/%y %H:%M", "%d/%m/%y %H:%M")
    parsed, bad = parse_dates(dates, det.format)
    assert not bad.any()
    assert (parsed.min(), parsed.max()) == (T("2010-12-01 08:26"), T("2010-12-01 09:59"))


@pytest.mark.parametrize("parts, sep, column, fmt, first, last", [
    (("shopware5", "export_orders.csv"), ";", "orderTime", "%Y-%m-%d %H:%M:%S",
     "2012-08-30 10:15:54", "2012-08-31 08:51:46"),
    (("shopify", "orders_export.csv"), ",", "Created at", "%Y-%m-%d %H:%M:%S %z",
     "2025-12-06 06:34:20", "2025-12-06 10:37:33"),
    (("amazon", "amazon_sale_report.csv"), ",", "Date", "%m-%d-%y", "2022-04-30", "2022-04-30"),
    (("amazon", "settlement_flatfile_ca.txt"), "\t", "posted-date", "%Y-%m-%dT%H:%M:%S%z",
     "2025-08-14 22:07:18", "2025-08-28 15:32:14"),
    (("etsy", "EtsySoldOrderItems2021_masked.csv"), ",", "Sale Date", "%m/%d/%y", "2021-01-02", "2021-12-26"),
    (("etsy", "EtsySoldOrderItems2020_en-GB_masked.csv"), ",", "Sale Date", "%m/%d/%y",
     "2020-04-21", "2020-12-30"),
    (("etsy", "EtsySoldOrderItems2021_masked.csv"), ",", "Date Paid", "%m/%d/%Y", "2021-01-02", "2021-12-26"),
])
def test_real_date_columns(shared, parts, sep, column, fmt, first, last):
    frame = pd.read_csv(shared(*parts), sep=sep, dtype=str, keep_default_na=False)
    det = detect_date_format(frame[column])
    assert (det.format, det.ambiguous) == (fmt, False)
    dates, bad = parse_dates(frame[column], det.format)
    assert not bad.any()
    assert (dates.min(), dates.max()) == (T(first), T(last))


def test_shopware_null_release_date_is_missing_not_bad(shared):
    frame = pd.read_csv(shared("shopware5", "export_orders.csv"), sep=";", dtype=str, keep_default_na=False)
    assert (frame["releaseDate"] == "0000-00-00").any()
    dates, bad = parse_dates(frame["releaseDate"], "%Y-%m-%d")
    assert not bad.any() and dates.isna().all()


def test_ebay_month_name_dates(shared):
    frame = pd.read_csv(shared("ebay", "SalesHistory.csv"), skiprows=1, dtype=str, keep_default_na=False)
    sale = frame.loc[frame["User Id"].str.startswith("random_user"), "Sale Date"]
    det = detect_date_format(sale)
    assert det.format == "%b-%d-%y"
    dates, bad = parse_dates(sale, det.format)
    assert dates.tolist() == [T("2016-01-18")] * 4 and not bad.any()


def test_uci_datetime_cells_from_xlsx_parse_unchanged():
    stamps = np.array(["2010-12-01T08:26", "2011-12-09T12:31"], dtype="datetime64[us]")
    dates, bad = parse_dates(pd.Series(stamps), None)
    assert dates.tolist() == [T("2010-12-01 08:26"), T("2011-12-09 12:31")]
    assert not bad.any()
