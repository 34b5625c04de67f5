"""One place formats numbers, money and dates for English and German (golden strings from
the CLDR conventions: en 1,234.56 / £1,234.56; de 1.234,56 / 1.234,56 € / 31.12.2024)."""
from datetime import date

import pytest

from ui.formatting import DASH, day, money, number, percent, signed_percent
from ui.safe import md_escape, spreadsheet_safe


@pytest.mark.parametrize("value, currency, lang, expected", [
    (1234.5, "EUR", "de", "1.234,50\xa0€"),
    (1234.5, "GBP", "en", "£1,234.50"),
    (1234.5, "GBP", "de", "1.234,50\xa0£"),
    (-12, "EUR", "en", "-€12.00"),
    (9792310.43, "GBP", "en", "£9,792,310.43"),
])
def test_money(value, currency, lang, expected):
    assert money(value, currency, lang) == expected


def test_money_whole_units_and_missing():
    assert money(1234567.4, "GBP", "en", 0) == "£1,234,567"
    assert money(None, "GBP", "en") == DASH
    assert money(float("nan"), "EUR", "de") == DASH


def test_numbers_percent_dates():
    assert number(1234.56, "de", 2) == "1.234,56"
    assert number(1234.56, "en", 2) == "1,234.56"
    assert percent(0.1234, "de") == "12,3\xa0%"
    assert percent(0.1234, "en") == "12.3%"
    assert signed_percent(-0.031, "de") == "-3,1\xa0%"
    assert signed_percent(0.5, "en") == "+50.0%"
    assert day(date(2024, 12, 31), "de") == "31.12.2024"
    assert day(date(2024, 12, 31), "en") == "31 Dec 2024"


def test_markdown_escape_keeps_hostile_text_literal():
    # guards against: product names rendered as links/HTML in st.markdown/st.error
    assert md_escape("[x](javascript:alert(1))") == r"\[x\]\(javascript\:alert\(1\)\)"
    assert "<" not in md_escape("<img src=x onerror=alert(1)>").replace("\\<", "")


def test_downloads_neutralise_formulas():
    # guards against: CSV/formula injection when a manager opens a download in Excel
    import pandas as pd

    safe = spreadsheet_safe(pd.DataFrame({"name": ["=HYPERLINK(1)", "+1", "ok", "@x", "-2"],
                                          "n": [1, 2, 3, 4, 5]}))
    assert safe["name"].tolist() == ["'=HYPERLINK(1)", "'+1", "ok", "'@x", "'-2"]
    assert safe["n"].tolist() == [1, 2, 3, 4, 5]


def test_no_negative_zero():
    """A fee that rounds to nothing is not shown as '-0,00 €' (market waterfall)."""
    assert money(-0.0, "EUR", "de") == "0,00\xa0€"
    assert money(-0.004, "EUR", "de") == "0,00\xa0€"
    assert money(-0.005, "EUR", "de") == "-0,01\xa0€"
    assert number(-0.0, "de") == "0" and number(-0.04, "en", 1) == "0.0"


def test_missing_values_read_a_dash_in_every_column():
    """Streamlit prints a missing text cell as "None" (English, in a German table too)."""
    import re

    import numpy as np
    import pandas as pd

    from ui.formatting import styled

    frame = pd.DataFrame({"n": [1.5, np.nan], "line id": pd.Series(["7", None], dtype=object),
                          "empty": [None, None]})
    cells = re.findall(r">([^<]*)</td>", styled(frame, "de", {"n": 1}).to_html())
    assert cells == ["1,5", "7", DASH, DASH, DASH, DASH]


def test_shares_read_as_percent_in_the_users_language():
    import re

    import pandas as pd

    from ui.formatting import styled

    frame = pd.DataFrame({"share": [0.1449, 0.5]})
    assert re.findall(r">([^<]*)</td>", styled(frame, "de", percents={"share": 1}).to_html()) \
        == ["14,5\xa0%", "50,0\xa0%"]
