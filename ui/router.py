"""Every page runs inside the router (app.py), even for the first visitor of a fresh server
who comes by a deep link (a shared scenario link, ``/pricing?...``).

Streamlit treats an app with a ``pages/`` folder the old way (each file a page of its own,
run without the main script) until some run has called ``st.navigation``; only then does
it run ``app.py`` for every page. So on a fresh server a first visit to ``/scenarios?…``
showed the page without the sidebar, the language or the data notices. ``through_router``
notices that case in a new session, switches Streamlit to the new way for the whole
process and reruns: ``app.py`` then renders the page (the URL, and so the page and its
settings, stay as they were).
"""
from __future__ import annotations

import streamlit as st


ROUTED = "_routed"   # set in the session by its first run through the router


def through_router() -> None:
    """Call first in every page file."""
    from streamlit.runtime.pages_manager import PagesManager

    if not PagesManager.uses_pages_directory:
        st.session_state[ROUTED] = True
    elif ROUTED not in st.session_state:
        # a session the router has never run: switch to the new way and run app.py. (A
        # routed session is left alone: Streamlit's AppTest turns the old way on again
        # before each of its runs, and its tests open pages that way.)
        PagesManager.uses_pages_directory = False
        st.rerun()
