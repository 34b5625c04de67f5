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


@st.cache_data(max_entries=4, show_spinner="Estimating price elasticities …")
def _elasticities(db: str, version_key: tuple, currency: str) -> pd.DataFrame:
    from ecom_models.pricing import estimate_elasticities

    frame = _lines(db, version_key)
    return estimate_elasticities(frame.loc[(frame["currency"] == currency).to_numpy()])


def elasticities(currency: str) -> pd.DataFrame:
    """One row per SKU sold in ``currency`` (see ``ecom_models.pricing.ESTIMATE_COLUMNS``)."""
    return _elasticities(str(db_path()), version(), currency)


@st.cache_data(max_entries=4, show_spinner="Checking the model on held-out weeks …")
def _holdout(db: str, version_key: tuple, currency: str):
    from ecom_models.pricing import build_price_panel, validate_holdout

    frame = _lines(db, version_key)
    return validate_holdout(build_price_panel(frame.loc[(frame["currency"] == currency).to_numpy()]))


def holdout(currency: str):
    """Model vs do-nothing baseline on the last 20 % of weeks (``HoldoutReport``)."""
    return _holdout(str(db_path()), version(), currency)


def unit_costs() -> pd.Series:
    """Known unit costs by SKU from imported product files (empty when none)."""
    table = product_table()
    known = table.dropna(subset=["unit_cost"])
    return pd.Series(known["unit_cost"].to_numpy(dtype=float), index=known["sku"].astype(str))
