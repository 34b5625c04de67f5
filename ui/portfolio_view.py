"""Glue of the Portfolio page: the classification, sleepers and returns computed once per
(store version, inputs) and shared by all sessions (``st.cache_resource``, issue 21); built
from the shared order-lines copy (``loaders._lines``)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from . import loaders


@dataclass(frozen=True)
class PortfolioRun:
    classified: pd.DataFrame
    matrix: pd.DataFrame
    best: pd.DataFrame
    sleepers: pd.DataFrame
    returns: dict
    unprofitable: pd.DataFrame
    end: pd.Timestamp
    has_cost: bool


@st.cache_resource(max_entries=8, show_spinner=False)
def _run(db: str, version_key: tuple, currency: str, weeks: int, by: str, a: float, b: float, x: float,
         y: float, idle: int, rcost: float) -> PortfolioRun | None:
    from ecom_models.portfolio import abcxyz, best_sellers, matrix, product_summary, return_rates, sleepers, unprofitable
    from ecom_models.portfolio.summary import window_start

    frame = loaders._lines(db, version_key)
    lines = frame.loc[(frame["currency"] == currency).to_numpy()]
    if lines.empty:
        return None
    products = loaders._products(db, version_key)
    start = window_start(lines, weeks)
    summary = product_summary(lines, products, weeks)
    has_cost = bool(summary["unit_cost"].notna().any())
    by_col = "gross_profit" if by == "profit" and has_cost else "revenue"
    classified = abcxyz(summary, lines, by=by_col, a_pct=a, b_pct=b, x_max=x, y_max=y, start=start)
    try:
        elasticities = loaders._elasticities(db, version_key, currency)
    except Exception:   # pricing cannot estimate (too little history): sleepers without price advice
        elasticities = None
    sleeping = sleepers(classified, lines, idle_days=idle, elasticities=elasticities)
    returns = return_rates(lines, products, handling_cost=rcost, start=start)
    return PortfolioRun(classified, matrix(classified), best_sellers(classified), sleeping, returns,
                        unprofitable(returns["product"]), lines["ordered_at"].max(), has_cost)


def portfolio_run(currency: str, weeks: int, by: str, a: float, b: float, x: float, y: float, idle: int,
                  rcost: float) -> PortfolioRun | None:
    return _run(str(loaders.db_path()), loaders.version(), currency, weeks, by, a, b, x, y, idle, rcost)


def matrix_table(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """ABC rows × XYZ columns, each cell 'products (share %)'."""
    from .formatting import percent

    cells = matrix.assign(cell=[f"{int(n)} ({percent(s, lang, 0)})" for n, s in
                                zip(matrix["products"], matrix["revenue_share"])])
    table = cells.pivot(index="abc", columns="xyz", values="cell").fillna("0")
    return table.reset_index()
