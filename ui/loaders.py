"""Cached loaders between the store and the pages. Cache DataFrames, never connections;
every cache is bounded and keyed by the store's version, so an import or a delete is
seen on the next rerun."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from ecom_models.store.connection import default_db_path
from ecom_models.store.queries import order_lines, products, store_version


def db_path() -> Path:
    return default_db_path()


def version() -> tuple:
    return store_version(db_path())


@st.cache_data(max_entries=2, show_spinner="Loading order lines …")
def _lines(db: str, version_key: tuple) -> pd.DataFrame:
    return order_lines(db)


def lines() -> pd.DataFrame:
    """All stored order lines (see ``ecom_models.store.queries.order_lines``)."""
    return _lines(str(db_path()), version())


@st.cache_data(max_entries=2)
def _products(db: str, version_key: tuple) -> pd.DataFrame:
    return products(db)


def product_table() -> pd.DataFrame:
    return _products(str(db_path()), version())
