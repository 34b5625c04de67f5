"""First start: an empty store gets the bundled demo data (UCI Online Retail) imported
with a progress bar, and the Overview then shows its figures."""
from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

from ecom_models.store.imports import list_imports
from tests.conftest import REPO


def test_empty_store_imports_the_demo_data_on_first_start(tmp_path, monkeypatch):
    db = tmp_path / "fresh.db"
    monkeypatch.setenv("ECOM_DB", str(db))
    monkeypatch.delenv("ECOM_NO_DEMO", raising=False)
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=180).run()
    assert not at.exception, at.exception
    history = list_imports(db)
    assert history["file_name"].tolist() == ["online_retail.csv.gz"]
    assert history["rows_read"].tolist() == [541909]
    revenue = next(m for m in at.metric if m.label == "Revenue")
    assert revenue.value == "£9,792,310"     # product revenue of the demo data (see test_real_exports)
    at.run()                                 # a second run does not import again
    assert len(list_imports(db)) == 1
