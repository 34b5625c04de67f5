"""Cached loaders of the Pricing page (pricing v2): the count model's estimates with the
products table (stock-outs), the decision with its caveats, the price test plan and the
count hold-out check.

One shared copy per data version (``st.cache_resource`` keyed by ``ui.loaders.version()``,
docs/architecture.md §6); widget values come in as arguments, and every cache is bounded.
The margin table is a setting, not data (saving it does not change the data version), so
it is read on each run (one small read-only query) and passed in as a key.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from . import loaders


@dataclass(frozen=True)
class PricingData:
    """The estimates of one currency (``ESTIMATE_COLUMNS`` + ``EXTRA_COLUMNS``) and the
    shop's promotion weeks (skipped by a test plan); ``tiers``: the other customer tiers'
    own estimates (``ecom_models.pricing.tiers.TIER_COLUMNS``, one row per SKU and tier)."""

    estimates: pd.DataFrame
    promo_weeks: pd.DatetimeIndex
    tiers: pd.DataFrame = field(default_factory=pd.DataFrame)


def _currency_lines(db: str, version_key: tuple, currency: str) -> pd.DataFrame:
    frame = loaders._lines(db, version_key)
    return frame.loc[(frame["currency"] == currency).to_numpy()]


@st.cache_resource(max_entries=4, show_spinner=False)
def _data(db: str, version_key: tuple, currency: str) -> PricingData:
    from ecom_models.pricing import CountElasticityEstimator, build_tier_panels
    from ecom_models.pricing.tiers import fit_tier

    lines = _currency_lines(db, version_key, currency)
    none = PricingData(pd.DataFrame(), pd.DatetimeIndex([]))
    if lines.empty:
        return none
    panel, tier_panels = build_tier_panels(lines, loaders._products(db, version_key))
    if panel.skus.empty:   # too little history: the page says so
        return none
    model = CountElasticityEstimator().fit(panel)
    tiers = [fit_tier(model, p, name) for name, p in tier_panels.items()]
    return PricingData(model.estimates_, panel.promo_weeks,
                       pd.concat(tiers, ignore_index=True) if tiers else pd.DataFrame())


def data(currency: str) -> PricingData:
    """Estimates (count model, stock-outs from the products table) and promotion weeks."""
    return _data(str(loaders.db_path()), loaders.version(), currency)


@st.cache_resource(max_entries=4, show_spinner=False)
def _holdout(db: str, version_key: tuple, currency: str):
    from ecom_models.pricing import validate_count_holdout

    try:
        return validate_count_holdout(_currency_lines(db, version_key, currency),
                                      loaders._products(db, version_key))
    except ValueError:   # too few weeks for a split
        return None


def holdout(currency: str):
    """``CountHoldoutReport``: the model against the same model with elasticity 0 and
    against 'same as last week' on the last 20 % of weeks; None with too few weeks."""
    return _holdout(str(loaders.db_path()), loaders.version(), currency)


def margins() -> dict[str, float]:
    """The saved margin table (category -> margin %; ``"*"`` = every other product)."""
    from ecom_models.store.settings import category_margins

    return category_margins(loaders.db_path())


def save_margins(table: dict[str, float | None]) -> dict[str, float]:
    """Validate and store the margin table (empty rows dropped); returns what was stored."""
    from ecom_models.store.settings import save_category_margins

    return save_category_margins(loaders.db_path(), table)


@st.cache_resource(max_entries=64, show_spinner=False)
def _decision(db: str, version_key: tuple, currency: str, sku: str, constraints, margin_items: tuple):
    from ecom_models.pricing import decide_price

    return decide_price(_data(db, version_key, currency).estimates, sku, constraints,
                        loaders.unit_costs(), category_margins=dict(margin_items) or None)


def decision(currency: str, sku: str, constraints, margin_table: dict[str, float]):
    """``PriceDecision`` for ``sku`` under ``constraints`` (a frozen ``PriceConstraints``)."""
    return _decision(str(loaders.db_path()), loaders.version(), currency, sku, constraints,
                     tuple(sorted(margin_table.items())))


@st.cache_resource(max_entries=32, show_spinner=False)
def _test_plan(db: str, version_key: tuple, currency: str, skus: tuple, change_pct: float):
    from ecom_models.pricing import price_test_plan

    found = _data(db, version_key, currency)
    return price_test_plan(found.estimates, list(skus), change_pct=change_pct, promo_weeks=found.promo_weeks)


def test_plan(currency: str, skus: list[str], change_pct: float):
    """``TestPlan``: a switchback test of ``skus`` at ``change_pct``, promotion weeks skipped."""
    return _test_plan(str(loaders.db_path()), loaders.version(), currency, tuple(skus), float(change_pct))


def suggested_test_skus(currency: str, n: int = 10) -> list[str]:
    """Products worth a test: no trustworthy estimate yet, with recent sales (by revenue)."""
    from ecom_models.pricing.test_plan import default_test_skus

    return default_test_skus(data(currency).estimates, n)
