"""Demand response to a price change, with the elasticity's uncertainty.

Constant-elasticity demand, relative to today (the model of
:mod:`ecom_models.pricing.design` with everything but price held fixed)::

    units(p) = baseline_units · (p / current_price) ** elasticity

Uncertainty: ``n_draws`` elasticities per SKU from ``N(elasticity, elasticity_sd²)`` (the
pooled posterior of :class:`~ecom_models.pricing.elasticity.ElasticityEstimator`). The
random numbers of a SKU depend only on ``seed`` and the SKU, so a SKU gets the same draws
in every view (what-if, profit curve, best price), alone or within a category. Intervals
are percentiles over the draws; point values use the elasticity itself, which is the
median of the draws' outcomes (units are monotone in the elasticity).

SKUs without an own estimate ("not estimable") use the group prior they were pooled
toward (``prior_elasticity``, ``prior_sd``), and say so.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

N_DRAWS = 2_000


@dataclass(frozen=True)
class Response:
    """The chosen SKUs' inputs for a simulation (arrays of length ``n`` SKUs).

    ``elasticity`` / ``elasticity_sd``: used values; ``source``: ``"own"`` (own data) or
    ``"group"`` (the group prior of ``pooled_toward``); ``draws`` (n, n_draws): sampled
    elasticities; ``unit_cost`` and ``cost_source`` (``"products_table"``,
    ``"category_margin"``, ``"assumed_margin"`` or ``"unknown"``); ``rows``: the SKUs' rows of the estimates table.
    """

    rows: pd.DataFrame
    elasticity: np.ndarray
    elasticity_sd: np.ndarray
    source: np.ndarray
    draws: np.ndarray
    unit_cost: np.ndarray
    cost_source: np.ndarray


def select_estimates(estimates: pd.DataFrame, skus: str | Iterable[str] | None = None,
                     category: str | None = None) -> pd.DataFrame:
    """The estimates rows of one SKU, a list of SKUs, or a category (in that order)."""
    if (skus is None) == (category is None):
        raise ValueError("give either skus or category")
    if category is not None:
        rows = estimates[estimates["category"] == category]
        if rows.empty:
            raise ValueError(f"no SKUs in category {category!r}")
        return rows
    wanted = [skus] if isinstance(skus, str) else list(skus)
    if not wanted:
        raise ValueError("the list of SKUs is empty")
    at = pd.Index(estimates["sku"]).get_indexer(wanted)
    unknown = [s for s, i in zip(wanted, at) if i < 0]
    if unknown:
        raise ValueError(f"unknown SKU(s): {', '.join(map(str, unknown[:5]))}")
    return estimates.iloc[at]


def standard_normal_draws(skus: Iterable[str], n_draws: int, seed: int) -> np.ndarray:
    """(n_sku, n_draws) standard normals; each SKU's row depends only on (seed, SKU)."""
    return np.vstack([np.random.default_rng([seed, zlib.crc32(str(s).encode())]).standard_normal(n_draws)
                      for s in skus]) if n_draws > 0 else np.zeros((0, 0))


OTHER_CATEGORIES = "*"  # margin-table row for products whose category has no row (or no category)


def unit_costs_for(rows: pd.DataFrame, unit_costs: Mapping[str, float] | pd.Series | None,
                   assumed_margin_pct: float | None,
                   category_margins: Mapping[str, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Unit cost (shop currency) per SKU and where it came from, first source that has one:

    1. ``unit_costs`` (sku -> cost; missing, negative or non-numeric = unknown):
       ``"products_table"``;
    2. ``category_margins`` (category -> gross margin % of today's price; the row
       ``OTHER_CATEGORIES`` (``"*"``) covers products whose category has no row, or no
       category): cost = today's price × (1 - margin/100), ``"category_margin"``;
    3. ``assumed_margin_pct`` likewise: ``"assumed_margin"``;
    4. NaN: ``"unknown"``.

    Sources are codes: word them as ``cost.<source>`` (``ecom_models.messages``).
    """
    if unit_costs is None:
        given = np.full(len(rows), np.nan)
    else:
        series = unit_costs if isinstance(unit_costs, pd.Series) else pd.Series(dict(unit_costs), dtype=object)
        series = series[~series.index.duplicated(keep="last")]
        given = pd.to_numeric(series.reindex(rows["sku"].astype(str).to_numpy()),
                              errors="coerce").to_numpy(dtype=float)
    given = np.where(np.isfinite(given) & (given >= 0), given, np.nan)
    price = rows["current_price"].to_numpy(dtype=float)
    cost = given.copy()
    source = np.where(np.isfinite(given), "products_table", "unknown").astype(object)
    if category_margins:
        other = category_margins.get(OTHER_CATEGORIES)
        margin = np.array([category_margins.get(str(c), other) if pd.notna(c) else other
                           for c in rows["category"].astype(object)], dtype=float) \
            if "category" in rows.columns else np.full(len(rows), np.nan if other is None else float(other))
        fill = ~np.isfinite(cost) & np.isfinite(margin) & np.isfinite(price)
        cost[fill] = price[fill] * (1.0 - margin[fill] / 100.0)
        source[fill] = "category_margin"
    if assumed_margin_pct is not None:
        fill = ~np.isfinite(cost) & np.isfinite(price)
        cost[fill] = price[fill] * (1.0 - assumed_margin_pct / 100.0)
        source[fill] = "assumed_margin"
    return cost, source


def prepare_response(rows: pd.DataFrame, unit_costs=None, assumed_margin_pct: float | None = None,
                     *, n_draws: int = N_DRAWS, seed: int = 0,
                     category_margins: Mapping[str, float] | None = None) -> Response:
    """Elasticities (own or group prior), their draws and unit costs for ``rows``
    (costs as in :func:`unit_costs_for`)."""
    if n_draws < 100:
        raise ValueError("n_draws must be at least 100 for stable 90 % intervals")
    own = rows["elasticity"].to_numpy(dtype=float)
    has_own = np.isfinite(own)
    elasticity = np.where(has_own, own, rows["prior_elasticity"].to_numpy(dtype=float))
    sd = np.where(has_own, rows["elasticity_sd"].to_numpy(dtype=float), rows["prior_sd"].to_numpy(dtype=float))
    sd = np.where(np.isfinite(sd), sd, 0.0)
    source = np.where(has_own, "own", "group").astype(object)
    z = standard_normal_draws(rows["sku"], n_draws, seed)
    draws = elasticity[:, None] + sd[:, None] * z
    cost, cost_source = unit_costs_for(rows, unit_costs, assumed_margin_pct, category_margins)
    return Response(rows=rows, elasticity=elasticity, elasticity_sd=sd, source=source, draws=draws,
                    unit_cost=cost, cost_source=cost_source)


def units_at(baseline_units: np.ndarray, current_price: np.ndarray, new_price: np.ndarray,
             elasticity: np.ndarray) -> np.ndarray:
    """``baseline_units · (new_price / current_price) ** elasticity`` (broadcasting)."""
    return baseline_units * (new_price / current_price) ** elasticity
