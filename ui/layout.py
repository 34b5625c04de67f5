"""The parts every page shares: the sidebar (language switch, store) and first-start demo import."""
from __future__ import annotations

import os

import streamlit as st

from ecom_models.demo import ensure_demo, store_is_empty

from . import state
from .loaders import db_path
from .safe import md_escape
from .text import t


def ensure_demo_data() -> None:
    """On the very first start (empty store), import the bundled demo data with a progress bar.
    Set ECOM_NO_DEMO=1 to start with an empty store instead."""
    db = db_path()
    if os.environ.get("ECOM_NO_DEMO") or not store_is_empty(db):
        return
    bar = st.progress(0.0, text=t("demo.loading"))
    result = ensure_demo(db, progress=lambda f, msg: bar.progress(min(f, 1.0), text=f"{t('demo.loading')} {msg}"))
    bar.empty()
    if result and result["status"] == "imported":
        st.toast(t("demo.done", rows=f"{result['lines_stored']:,}"))


def sidebar() -> None:
    notices = state.bind(["lang"])
    ensure_demo_data()
    with st.sidebar:
        st.selectbox(t("sidebar.language"), ["en", "de"], key="lang",
                     format_func=lambda code: {"en": "English", "de": "Deutsch"}[code])
        st.caption(md_escape(t("sidebar.store", path=db_path().name)))
    for notice in notices:
        st.warning(md_escape(notice))
