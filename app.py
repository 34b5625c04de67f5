"""E-Commerce Decision Lab — router only: page config, shared sidebar, navigation."""
import streamlit as st

from ui.layout import sidebar
from ui.memory import configure_allocators, start_janitor, trim_heap
from ui.text import t
from ui.timing import timed_run

configure_allocators()   # once per process: fewer malloc arenas, pyarrow on glibc (ui/memory.py)
start_janitor()          # once per process: closed sessions leave after their reconnect time
st.set_page_config(page_title="E-Commerce Decision Lab", page_icon="📊", layout="wide")


def pages() -> list:
    """Every page, titled in the session's language (call after the sidebar bound it)."""
    return [
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/monitoring:", default=True),
        st.Page("pages/data.py", title=t("nav.data"), icon=":material/upload_file:", url_path="data"),
        st.Page("pages/pricing.py", title=t("nav.pricing"), icon=":material/sell:", url_path="pricing"),
        st.Page("pages/bundles.py", title=t("nav.bundles"), icon=":material/shopping_basket:", url_path="bundles"),
        st.Page("pages/markets.py", title=t("nav.markets"), icon=":material/public:", url_path="markets"),
        st.Page("pages/forecast.py", title=t("nav.forecast"), icon=":material/trending_up:", url_path="forecast"),
        st.Page("pages/scenarios.py", title=t("nav.scenarios"), icon=":material/bookmarks:", url_path="scenarios"),
        st.Page("pages/portfolio.py", title=t("nav.portfolio"), icon=":material/inventory_2:", url_path="portfolio"),
        st.Page("pages/customers.py", title=t("nav.customers"), icon=":material/groups:", url_path="customers"),
    ]


with timed_run() as run:   # server-side run time, only when $ECOM_TIMING_LOG is set (bench/load.py)
    sidebar()
    page = st.navigation(pages())
    run["page"] = page.url_path or "overview"
    try:
        page.run()
    finally:
        trim_heap()   # freed memory back to the OS: sessions must not ratchet the server up
