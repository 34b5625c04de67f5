"""The parts every page shares: the sidebar (language switch, the data loaded, removing the
demo data) and the first-start demo import."""
from __future__ import annotations

import os
from typing import Callable

import streamlit as st

from ecom_models.demo import remove_demo, should_offer_demo

from . import loaders, state
from .datasets import reset_view_keys, shop_label
from .formatting import number
from .loaders import db_path
from .safe import md_escape
from .text import EN, lang, t

# The pipeline reports its reading and checking phases on one 0..1 scale (0.05 reading,
# 0.3 checking values, 0.6 validated); the writer then reports its own 0..1 ("writing").
WRITE_START = 0.6


def monotone_progress(bar, label: str) -> Callable[[float, str], None]:
    """A progress callback for ``ingest`` that maps its phases onto one 0..1 scale and never
    moves the bar back: 'writing' fills WRITE_START..1; any other phase that restarts its
    own 0..1 continues from where the bar stands."""
    seen = {"shown": 0.0, "raw": 0.0, "base": 0.0}

    def report(fraction: float, message: str) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        if message == "writing":
            overall = WRITE_START + (1.0 - WRITE_START) * fraction
        else:
            if fraction < seen["raw"]:           # a new phase counting from 0 again
                seen["base"] = seen["shown"]
            overall = seen["base"] + (1.0 - seen["base"]) * fraction
            seen["raw"] = fraction
        seen["shown"] = max(seen["shown"], min(overall, 1.0))
        phase = t(f"phase.{message}") if f"phase.{message}" in EN else message
        bar.progress(seen["shown"], text=f"{label} {phase}".strip())

    return report


def ensure_demo_data() -> None:
    """On the very first start (empty store, demo never removed), import the bundled demo
    data with a progress bar. Set ECOM_NO_DEMO=1 to start with an empty store instead."""
    from ecom_models.demo import ensure_demo

    db = db_path()
    if os.environ.get("ECOM_NO_DEMO") or not should_offer_demo(db):
        return
    bar = st.progress(0.0, text=t("demo.loading"))
    result = ensure_demo(db, progress=monotone_progress(bar, t("demo.loading")))
    bar.empty()
    if result and result["status"] == "imported":
        st.toast(t("demo.done", rows=number(result["lines_stored"], lang())))


def _remove_demo() -> None:
    gone = remove_demo(db_path())
    reset_view_keys()
    st.session_state["demo_removed_message"] = t(
        "demo.removed", lines=number(gone["order_lines"], lang()))


def data_panel() -> None:
    """Which shop's data is loaded ('Shopware 5 shop · EUR · 2023–2024'), the demo data's
    label, and one button (with a confirm step) to remove the demo."""
    if loaders.sales_cube().orders.empty:   # the cube, not all lines: the sidebar shows on every page
        st.caption(t("sidebar.no_data"))
        return
    st.caption(f"**{t('sidebar.loaded')}**")
    for _, row in loaders.shops().iterrows():
        st.caption(md_escape(shop_label(row)))
    if not loaders.demo_ids():
        return
    st.caption(f":orange-badge[{t('demo.badge')}] {t('demo.label')}")
    with st.popover(t("demo.remove"), icon=":material/delete:"):
        summary = loaders.currency_summary()
        st.markdown(t("demo.remove_confirm", lines=number(int(summary["demo_lines"].sum()), lang())))
        st.button(t("demo.remove_yes"), key="remove_demo", type="primary", on_click=_remove_demo)


def sidebar() -> None:
    notices = state.bind(["lang"])
    ensure_demo_data()
    with st.sidebar:
        st.selectbox(t("sidebar.language"), ["en", "de"], key="lang",
                     format_func=lambda code: {"en": "English", "de": "Deutsch"}[code])
        data_panel()
    removed = st.session_state.pop("demo_removed_message", None)
    if removed:
        st.success(removed)
    for notice in notices:
        st.warning(md_escape(notice))
