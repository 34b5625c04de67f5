"""Data page: an ambiguous date column (every date could be day- or month-first) is said
plainly, and the user's choice changes how the file is read before anything is written."""
from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

AMBIGUOUS = (b"order_id,date,sku,quantity,price\n"
             b"1,03/04/2024,A,1,10.00\n2,05/06/2024,B,2,5.00\n3,07/08/2024,A,1,10.00\n")


def test_ambiguous_dates_ask_the_user_and_the_choice_is_applied(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(tmp_path / "s.db"))
    monkeypatch.setenv("ECOM_NO_DEMO", "1")
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="uploads_0").set_value(("orders.csv", AMBIGUOUS, "text/csv")).run()
    assert not at.exception
    assert any("ambiguous" in w.value for w in at.warning)
    choice = next(r for r in at.radio if r.label == "Dates in this file are written as")
    assert choice.options == ["MM/DD/YYYY", "DD/MM/YYYY"]   # shown in words; month-first is the "/" default
    preview = at.dataframe[-1].value
    assert str(preview["ordered_at"].iloc[0].date()) == "2024-03-04"
    choice.set_value("%d/%m/%Y").run()                     # the value is the strptime format
    assert not at.exception
    preview = at.dataframe[-1].value
    assert str(preview["ordered_at"].iloc[0].date()) == "2024-04-03"   # now read day-first
