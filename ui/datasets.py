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


def _revenue(frame: pd.DataFrame) -> float:
    product = frame["is_product"].to_numpy(dtype=bool)
    value = (frame["quantity"].to_numpy(dtype=float) * frame["unit_price"].to_numpy(dtype=float))
    return float(np.nansum(value[product]))


def currency_summary(lines: pd.DataFrame, demo_ids: set[int]) -> pd.DataFrame:
    """One row per currency in the lines: product revenue (all, and from the user's own
    imports, i.e. not the demo's), orders (counted as ``ecom_models.sales.kpis`` counts them),
    line counts (all, demo), and the first and last order day. The default currency first
    (see ``default_currency``), then by revenue."""
    from ecom_models.sales import Filters, kpis

    rows = []
    currency = lines["currency"].astype(object).to_numpy()
    is_demo = lines["import_id"].isin(list(demo_ids)).to_numpy()
    for code in pd.unique(currency):
        if not isinstance(code, str) or not code:
            continue
        mask = currency == code
        sel = lines.loc[mask]
        own = sel.loc[~is_demo[mask]]
        stamps = sel["ordered_at"].dropna()
        rows.append({"currency": code, "revenue": _revenue(sel), "own_revenue": _revenue(own),
                     "orders": int(kpis(sel, Filters(currency=code))["orders"]),
                     "lines": int(mask.sum()), "demo_lines": int(is_demo[mask].sum()),
                     "first": stamps.min().date() if len(stamps) else None,
                     "last": stamps.max().date() if len(stamps) else None})
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    if summary.empty:
        return summary
    summary["own"] = summary["lines"] > summary["demo_lines"]
    summary = summary.sort_values(["own", "own_revenue", "revenue"], ascending=False, kind="stable")
    return summary.drop(columns="own").reset_index(drop=True)


def default_currency(summary: pd.DataFrame) -> str | None:
    """The currency the pages open with: the one with most revenue among the user's own
    imports; only a store holding nothing but the demo opens on the demo's currency."""
    return None if summary.empty else str(summary["currency"].iloc[0])


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


def history_span(lines: pd.DataFrame, currency: str) -> tuple[int, int]:
    """(days with orders, ISO weeks with product sales) of one currency's lines: what the
    pricing page reports when the history is too short to estimate anything."""
    sel = lines.loc[(lines["currency"] == currency).to_numpy()]
    days = sel["ordered_at"].dropna().dt.normalize().nunique()
    sales = sel.loc[sel["is_product"].to_numpy(dtype=bool) & ~sel["is_return"].to_numpy(dtype=bool)]
    weeks = sales["ordered_at"].dropna().dt.to_period("W-SUN").nunique()
    return int(days), int(weeks)


def year_span(first: date | None, last: date | None) -> str:
    """'2023–2024', or '2024' for one year."""
    if first is None or last is None:
        return "–"
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def shop_summary(lines: pd.DataFrame, imports: pd.DataFrame, demo_ids: set[int]) -> pd.DataFrame:
    """The user's own shops loaded: one row per (shop system, currency) of the order imports
    that are not the demo, with the years their orders span. Columns: system (None for a
    generic export), currency, first, last, lines."""
    columns = ["system", "currency", "first", "last", "lines"]
    own = lines.loc[~lines["import_id"].isin(list(demo_ids)).to_numpy()]
    if own.empty or imports.empty:
        return pd.DataFrame(columns=columns)
    formats = imports.set_index("id")["format"].astype(str)
    frame = pd.DataFrame({
        "system": own["import_id"].map(lambda i: SHOP_SYSTEMS.get(formats.get(i, ""))).astype(object),
        "currency": own["currency"].astype(object),
        "ordered_at": own["ordered_at"]})
    frame["system"] = frame["system"].where(frame["system"].notna(), "")
    grouped = frame.groupby(["system", "currency"], dropna=False)["ordered_at"].agg(["min", "max", "size"])
    out = grouped.reset_index().rename(columns={"min": "first", "max": "last", "size": "lines"})
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
