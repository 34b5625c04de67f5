"""Which data a page shows: the currencies with their own figures and date ranges, the demo
data, and the shops loaded (for the sidebar).

The pure functions take the order-lines frame (``ui.loaders.lines``), the import history
and the demo import ids; ``ui.loaders`` caches their results per store version. The
``show_*`` functions render the shared notices of the Overview and Pricing pages.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from . import state
from .formatting import number
from .text import lang, t

# Import format (preset name) -> the shop system it comes from, for "Shopware 5 shop · EUR · 2024".
SHOP_SYSTEMS = {
    "online-retail": "UCI Online Retail", "shopify": "Shopify", "shopify-products": "Shopify",
    "shopware": "Shopware 5", "shopware-prices": "Shopware 5", "shopware-stock": "Shopware 5",
    "magento": "Magento", "magento-products": "Magento", "woocommerce": "WooCommerce",
    "amazon-sales": "Amazon", "amazon-settlement": "Amazon", "amazon": "Amazon",
    "ebay": "eBay", "etsy": "Etsy",
}
SUMMARY_COLUMNS = ["currency", "revenue", "own_revenue", "orders", "lines", "demo_lines",
                   "first", "last"]


def currency_summary(cube, demo_ids: set[int]) -> pd.DataFrame:
    """One row per currency of the sales (``SalesCube``): product revenue (all, and from the
    user's own imports, i.e. not the demo's), orders (counted as ``ecom_models.sales.kpis``
    counts them), line counts (all, demo), and the first and last order day. The default
    currency (see ``default_currency``) first, then by revenue."""
    daily = cube.daily
    if daily.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    demo = daily["import_id"].isin(list(demo_ids)).to_numpy()
    product = daily["is_product"].to_numpy(dtype=bool)
    frame = pd.DataFrame({
        "currency": daily["currency"].astype(object).to_numpy(),
        "revenue": np.where(product, daily["revenue"].to_numpy(), 0.0),
        "own_revenue": np.where(product & ~demo, daily["revenue"].to_numpy(), 0.0),
        "lines": daily["lines"].to_numpy(), "demo_lines": np.where(demo, daily["lines"].to_numpy(), 0),
        "day": daily["day"].to_numpy()})
    frame = frame.loc[frame["currency"].map(lambda c: isinstance(c, str) and bool(c))]
    summary = frame.groupby("currency").agg(
        revenue=("revenue", "sum"), own_revenue=("own_revenue", "sum"), lines=("lines", "sum"),
        demo_lines=("demo_lines", "sum"), first=("day", "min"), last=("day", "max"))
    counted = cube.orders.loc[(cube.orders["net_units"] > 0).to_numpy()]
    summary["orders"] = counted["currency"].astype(object).value_counts().reindex(
        summary.index, fill_value=0).astype(int)
    summary["first"] = [v.date() if pd.notna(v) else None for v in summary["first"]]
    summary["last"] = [v.date() if pd.notna(v) else None for v in summary["last"]]
    summary = summary.reset_index()[SUMMARY_COLUMNS]
    summary["own"] = summary["lines"] > summary["demo_lines"]
    summary = summary.sort_values(["own", "own_revenue", "revenue"], ascending=False, kind="stable")
    return summary.drop(columns="own").reset_index(drop=True)


def default_currency(summary: pd.DataFrame) -> str | None:
    """The currency the pages open with: the one with most revenue among the user's own
    imports; only a store holding nothing but the demo opens on the demo's currency."""
    return None if summary.empty else str(summary["currency"].iloc[0])


def page_currency(summary: pd.DataFrame, key: str = "currency") -> str | None:
    """The currency a money page shows: the one in the URL (``key``) or chosen by the user,
    else the default (``default_currency``). A currency that was only the default follows
    the data: a session that opened on the demo's GBP moves to the user's EUR after their
    import."""
    default = default_currency(summary)
    value = state.value(key)
    was_default = st.session_state.get(f"{key}_default")
    st.session_state[f"{key}_default"] = default
    if value is None or (value == was_default and value != default):
        return default
    return value


def chosen_currency(summary: pd.DataFrame, notices: list, key: str = "currency") -> str | None:
    """``page_currency`` after checking the link: a URL value that names no currency of the
    data falls back to the default with a notice."""
    if state.value(key) not in (None, *summary["currency"].tolist()):
        notices.append(state.reject(key, "link.not_currency"))
    return page_currency(summary, key)


def stop_when_empty() -> None:
    """On a store without order lines: say so, link to the Data page and end the page."""
    from .loaders import sales_cube, store_exists

    if store_exists() and not sales_cube().daily.empty:
        return
    st.info(t("common.empty_store"))
    st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")
    st.stop()


def is_demo_currency(summary: pd.DataFrame, currency: str | None) -> bool:
    row = summary.loc[summary["currency"] == currency]
    return bool(len(row)) and int(row["demo_lines"].iloc[0]) > 0


def only_demo(summary: pd.DataFrame) -> bool:
    """True when every stored line is the demo's (first start)."""
    return bool(len(summary)) and bool((summary["lines"] == summary["demo_lines"]).all())


def min_weeks() -> int:
    """Weeks with sales the elasticity model needs for a product (its default ``min_periods``)."""
    from ecom_models.pricing.elasticity import ElasticityEstimator

    return int(ElasticityEstimator().min_periods)


def history_span(cube, currency: str) -> tuple[int, int]:
    """(days with orders, ISO weeks with product sales) of one currency's sales: what the
    pricing page reports when the history is too short to estimate anything."""
    daily = cube.daily.loc[(cube.daily["currency"] == currency).to_numpy()]
    days = daily["day"].dropna().nunique()
    sales = daily.loc[daily["is_product"].to_numpy(dtype=bool) & ~daily["is_return"].to_numpy(dtype=bool)]
    weeks = sales["day"].dropna().dt.to_period("W-SUN").nunique()
    return int(days), int(weeks)


def year_span(first: date | None, last: date | None) -> str:
    """'2023–2024', or '2024' for one year."""
    if first is None or last is None:
        return "–"
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def shop_summary(cube, imports: pd.DataFrame, demo_ids: set[int]) -> pd.DataFrame:
    """The user's own shops loaded: one row per (shop system, currency) of the order imports
    that are not the demo, with the years their orders span. Columns: system (None for a
    generic export), currency, first, last, lines."""
    columns = ["system", "currency", "first", "last", "lines"]
    daily = cube.daily
    own = daily.loc[~daily["import_id"].isin(list(demo_ids)).to_numpy()]
    if own.empty or imports.empty:
        return pd.DataFrame(columns=columns)
    formats = imports.set_index("id")["format"].astype(str)
    frame = pd.DataFrame({
        "system": own["import_id"].map(lambda i: SHOP_SYSTEMS.get(formats.get(i, ""))).astype(object),
        "currency": own["currency"].astype(object), "day": own["day"], "lines": own["lines"]})
    frame["system"] = frame["system"].where(frame["system"].notna(), "")
    grouped = frame.groupby(["system", "currency"], dropna=False).agg(
        first=("day", "min"), last=("day", "max"), lines=("lines", "sum"))
    out = grouped.reset_index()
    out["first"] = [v.date() if pd.notna(v) else None for v in out["first"]]
    out["last"] = [v.date() if pd.notna(v) else None for v in out["last"]]
    out["system"] = pd.Series([v or None for v in out["system"]], index=out.index, dtype=object)
    return out.sort_values("lines", ascending=False).reset_index(drop=True)[columns]


def shop_label(row) -> str:
    """'Shopware 5 shop · EUR · 2023–2024' (a generic export: 'Your shop · …')."""
    system = row["system"] if isinstance(row["system"], str) else None
    name = t("shop.system", system=system) if system else t("shop.generic")
    return f"{name} · {row['currency']} · {year_span(row['first'], row['last'])}"


def country_label(value, language: str | None = None) -> str:
    """A country for display: its name in the UI language when the store holds ISO codes
    (``ecom_models.countries.country_name``, when available), else the stored value."""
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    if not text:
        return text
    try:
        from ecom_models.countries import country_name
    except ImportError:
        return text
    try:
        return str(country_name(text, language or lang()) or text)
    except Exception:  # an unknown code or a module being rewritten: show the value itself
        return text


# ------------------------------------------------------------------------------ rendering

def _switch_currency(code: str) -> None:
    st.session_state["currency"] = code


def show_other_currencies(summary: pd.DataFrame, currency: str) -> None:
    """'Also 2,301 orders in EUR' with a button that switches the page to that currency."""
    L = lang()
    for row in summary.itertuples(index=False):
        if row.currency == currency:
            continue
        text, button = st.columns([5, 1], vertical_alignment="center")
        key = "demo" if row.lines == row.demo_lines else "other"
        text.caption(t(f"currency.also_{key}", orders=number(row.orders, L), code=row.currency,
                       years=year_span(row.first, row.last)))
        button.button(t("currency.switch", code=row.currency), key=f"switch_currency_{row.currency}",
                      type="tertiary", on_click=_switch_currency, args=(row.currency,))


def show_demo_notice(summary: pd.DataFrame, currency: str) -> None:
    """A visible label when the shown data is (or includes) the demo data; on a store that
    holds only the demo, what to do next."""
    if not is_demo_currency(summary, currency):
        return
    row = summary.loc[summary["currency"] == currency].iloc[0]
    if only_demo(summary):
        st.info(f"**{t('demo.label')}** {t('demo.first_start')}", icon=":material/info:")
        st.page_link("pages/data.py", label=t("demo.go_upload"), icon=":material/upload_file:")
    elif row["lines"] == row["demo_lines"]:
        st.info(f"**{t('demo.label')}** {t('demo.remove_hint')}", icon=":material/info:")
    else:
        st.info(t("demo.mixed"), icon=":material/info:")


def reset_view_keys() -> None:
    """Forget the view state that names data of one currency (used after the demo is removed)."""
    shadow = st.session_state.get(state.SHADOW, {})
    for key in ("currency", "from", "to", "country", "skus", "category", "focus", "newprice"):
        st.session_state.pop(key, None)
        shadow.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]
    for key in ("overview_bounds", "overview_currency", "pricing_currency", "pricing_defaulted",
                "newprice_for"):
        st.session_state.pop(key, None)
