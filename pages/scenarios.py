"""Saved scenarios: a share link (``?scenario=ID``) opens one read-only with its numbers as
saved; without one, the list with rename, note, delete and compare (ui/scenario_view.py)."""
import streamlit as st

from ecom_models.scenarios.saved import open_saved
from ecom_models.store.queries import StoreMissing
from ui import loaders, scenario_view
from ui.text import t
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

wanted = scenario_view.requested_id()
if wanted is not None:
    try:
        saved = open_saved(loaders.db_path(), wanted) if wanted else None
    except StoreMissing:
        saved = None
    if saved is None:
        st.title(t("scn.page.title"))
        scenario_view.not_found()
    else:
        scenario_view.show_saved(saved)
    st.stop()

st.title(t("scn.page.title"))
st.caption(t("scn.page.caption"))
scenario_view.show_list()
