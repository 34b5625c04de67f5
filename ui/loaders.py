"""Cached loaders between the store and the pages: ONE read-only copy of the store's data
per data version, shared by every session (``st.cache_resource``), never a copy per page
load (docs/architecture.md §6). Pages cannot change a shared frame: pandas 3 copies on
write, so an assignment in a page changes the page's own copy only. Caches are bounded
and keyed by the store's version, so an import or a delete is seen on the next rerun;
connections are never cached."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from ecom_models.store.connection import default_db_path
from ecom_models.store.queries import order_lines, products, store_version


def db_path() -> Path:
    return default_db_path()


def store_exists() -> bool:
    """False before the first import: the pages then show an empty store (reads never create one)."""
    return db_path().is_file()


def version() -> tuple:
    """Cache key of the store's data: (path, data_version); (path, -1) when there is no store."""
    if not store_exists():
        return (str(db_path().resolve()), -1)
    return store_version(db_path())


# The order-lines frame of a store that does not exist yet (``order_lines`` of an empty store).
EMPTY_LINES = {"channel": "category", "order_id": "category", "ordered_at": "datetime64[ns]",
               "sku": "category", "product_name": "category", "category": "category",
               "quantity": float, "unit_price": float, "currency": "category",
               "customer_id": "category", "country": "category", "is_return": bool,
               "is_product": bool, "import_id": "int64"}


@st.cache_resource(max_entries=1, show_spinner=False)
def _lines(db: str, version_key: tuple) -> pd.DataFrame:
    if version_key[1] == -1:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in EMPTY_LINES.items()})
    return order_lines(db)


def lines() -> pd.DataFrame:
    """All stored order lines (see ``ecom_models.store.queries.order_lines``)."""
    return _lines(str(db_path()), version())


@st.cache_resource(max_entries=1, show_spinner=False)
def _cube(db: str, version_key: tuple):
    from ecom_models.store.aggregates import empty_cube
    from ecom_models.store.queries import sales_cube

    return empty_cube() if version_key[1] == -1 else sales_cube(db)


def sales_cube():
    """The pre-aggregated sales the Overview reads (``ecom_models.store.aggregates``)."""
    return _cube(str(db_path()), version())


@st.cache_resource(max_entries=8, show_spinner=False)
def _countries(db: str, version_key: tuple, currency: str) -> tuple[str, ...]:
    from ecom_models.sales import countries

    return tuple(countries(_cube(db, version_key), currency))


def countries(currency: str) -> tuple[str, ...]:
    """Country codes of one currency's sales, sorted (``ecom_models.sales.countries``)."""
    return _countries(str(db_path()), version(), currency)


@dataclass(frozen=True)
class OverviewFigures:
    """Everything the Overview computes for one view: the KPIs of the period and of the
    previous one (``kpis_with_change``), the revenue series, the top lists and their CSV
    downloads. Shared between sessions: read it, never change it."""

    now: dict
    before: dict
    previous: object            # ecom_models.sales.Filters of the previous period, or None
    series: pd.DataFrame        # revenue_over_time
    products: pd.DataFrame      # top_products (10)
    places: pd.DataFrame        # top_countries (10)
    products_csv: bytes
    places_csv: bytes


# A shared link opened by ten people is one computation, not ten: the figures of a view
# depend only on the data version, the filters and the grain (and the compute lock makes
# concurrent first requests wait for one result). 64 views of one version stay.
@st.cache_resource(max_entries=64, show_spinner=False)
def _overview(db: str, version_key: tuple, filters, grain: str) -> OverviewFigures:
    from ecom_models.sales import kpis_with_change, revenue_over_time, top_countries, top_products

    from .safe import csv_bytes

    cube = _cube(db, version_key)
    now, before, previous = kpis_with_change(cube, filters)
    products = top_products(cube, filters, 10)
    places = top_countries(cube, filters, 10)
    return OverviewFigures(now, before, previous, revenue_over_time(cube, filters, grain),
                           products, places, csv_bytes(products), csv_bytes(places))


def overview(filters, grain: str) -> OverviewFigures:
    """The Overview's figures for ``filters`` (``ecom_models.sales.Filters``) and ``grain``
    (day, week, month), computed once per data version and view for all sessions."""
    return _overview(str(db_path()), version(), filters, grain)


@st.cache_resource(max_entries=1, show_spinner=False)
def _products(db: str, version_key: tuple) -> pd.DataFrame:
    if version_key[1] == -1:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in
                             ("sku", "name", "category", "unit_cost", "current_price", "currency", "stock")})
    return products(db)


def product_table() -> pd.DataFrame:
    return _products(str(db_path()), version())


def elasticities(currency: str) -> pd.DataFrame:
    """One row per SKU sold in ``currency`` (``ecom_models.pricing.ESTIMATE_COLUMNS``): the
    Pricing page's own estimates (``ui.pricing_data``), so the Forecast and Markets pages use
    the same numbers and the model is fitted once per data version."""
    from .pricing_data import data

    return data(currency).estimates


@st.cache_resource(max_entries=2, show_spinner=False)
def _demo_ids(db: str, version_key: tuple) -> frozenset:
    from ecom_models.demo import demo_import_ids

    return frozenset(demo_import_ids(db))


def demo_ids() -> set[int]:
    """Ids of the imports that are the bundled demo data (``ecom_models.demo``)."""
    return set(_demo_ids(str(db_path()), version()))


@st.cache_resource(max_entries=2, show_spinner=False)
def _imports(db: str, version_key: tuple) -> pd.DataFrame:
    from ecom_models.store.imports import list_imports

    if version_key[1] == -1:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ("id", "file_name", "format", "kind")})
    return list_imports(db)


def imports() -> pd.DataFrame:
    """The import history (``ecom_models.store.imports.list_imports``)."""
    return _imports(str(db_path()), version())


@st.cache_resource(max_entries=2, show_spinner=False)
def _currency_summary(db: str, version_key: tuple) -> pd.DataFrame:
    from .datasets import currency_summary as summarise

    return summarise(_cube(db, version_key), set(_demo_ids(db, version_key)))


def currency_summary() -> pd.DataFrame:
    """Per currency: revenue, orders, demo share and date range (``ui.datasets.currency_summary``);
    the default currency (the user's own data, never the demo when there is any) first."""
    return _currency_summary(str(db_path()), version())


@st.cache_resource(max_entries=2, show_spinner=False)
def _shops(db: str, version_key: tuple) -> pd.DataFrame:
    from .datasets import shop_summary

    return shop_summary(_cube(db, version_key), _imports(db, version_key),
                        set(_demo_ids(db, version_key)))


def shops() -> pd.DataFrame:
    """The user's own shops loaded (system, currency, date range), for the sidebar."""
    return _shops(str(db_path()), version())


def unit_costs() -> pd.Series:
    """Known unit costs by SKU from imported product files (empty when none)."""
    table = product_table()
    known = table.dropna(subset=["unit_cost"])
    return pd.Series(known["unit_cost"].to_numpy(dtype=float), index=known["sku"].astype(str))
