"""Synthetic order lines with planted price elasticities, and hand-made estimate rows.

Demand model planted (the model the estimator assumes, so recovery can be judged against
the theoretical standard error)::

    log units = log(level) + elasticity · log(price / base_price) + trend · years
                + 0.30 · sin(2π d / 365.25) + 0.20 · cos(2π d / 365.25) + N(0, noise_sd²)

``d`` = the middle day of the week. One order line per SKU and week, dated on the week's
Wednesday, quantity = units (continuous, lognormal), so panel units equal the planted
units exactly.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ecom_models.pricing import ESTIMATE_COLUMNS

START = pd.Timestamp("2022-01-03")  # a Monday
SEASON_SIN, SEASON_COS = 0.30, 0.20


def price_path(rng: np.random.Generator, n_weeks: int, levels: list[float], min_run: int = 3,
               max_run: int = 8) -> np.ndarray:
    """Price multipliers that stay on a level for ``min_run``..``max_run`` weeks, then move."""
    out, current = [], rng.choice(levels)
    while len(out) < n_weeks:
        out += [current] * int(rng.integers(min_run, max_run + 1))
        current = rng.choice([lv for lv in levels if lv != current] or levels)
    return np.array(out[:n_weeks])


def sku_lines(sku: str, elasticity: float, rng: np.random.Generator, *, n_weeks: int = 104,
              first_week: int = 0, base_price: float = 10.0, level: float = 50.0,
              trend_per_year: float = 0.10, noise_sd: float = 0.25,
              levels: tuple[float, ...] = (0.8, 0.9, 1.0, 1.1, 1.2), category=None) -> pd.DataFrame:
    weeks = np.arange(first_week, first_week + n_weeks)
    week_start = START + pd.to_timedelta(7 * weeks, unit="D")
    day_mid = (week_start - pd.Timestamp("1970-01-01")).days.to_numpy() + 3.5
    angle = 2 * np.pi * day_mid / 365.25
    mult = price_path(rng, n_weeks, list(levels)) if len(levels) > 1 else np.full(n_weeks, levels[0])
    years = (week_start - pd.Timestamp("1970-01-01")).days.to_numpy() / 365.25
    log_q = (np.log(level) + elasticity * np.log(mult) + trend_per_year * (years - years[0])
             + SEASON_SIN * np.sin(angle) + SEASON_COS * np.cos(angle)
             + rng.normal(0.0, noise_sd, n_weeks))
    return pd.DataFrame({
        "order_id": [f"{sku}-{w}" for w in weeks],
        "ordered_at": (week_start + pd.Timedelta(days=2)).astype("datetime64[ns]"),
        "sku": sku, "product_name": f"product {sku}", "category": category,
        "quantity": np.exp(log_q), "unit_price": base_price * mult,
        "is_return": False, "is_product": True,
    })


def shop_lines(specs: list[dict], seed: int) -> pd.DataFrame:
    """Lines for several SKUs: each spec holds ``sku``, ``elasticity`` and sku_lines options."""
    rng = np.random.default_rng(seed)
    frames = [sku_lines(rng=rng, **spec) for spec in specs]
    lines = pd.concat(frames, ignore_index=True)
    lines["category"] = lines["category"].astype("str")
    lines["sku"] = lines["sku"].astype("str")
    return lines


def estimate_rows(**columns) -> pd.DataFrame:
    """A hand-made estimates table (as ``ElasticityEstimator.estimates_``) for what-if tests.

    Scalars broadcast; defaults: one SKU "A", elasticity -2 with sd 0 (no uncertainty),
    confidence "high", price 10, baseline 100 units per week.
    """
    base = {"sku": ["A"], "category": [None], "elasticity": [-2.0], "ci_low": [np.nan],
            "ci_high": [np.nan], "elasticity_sd": [0.0], "n_periods": [52], "n_price_levels": [5],
            "n_price_changes": [12], "n_periods_span": [52], "confidence": ["high"],
            "reason_code": ["summary"], "reason_params": [{}], "flag": [""], "shrinkage": [0.0], "raw_elasticity": [-2.0],
            "raw_se": [0.0], "raw_ci_low": [np.nan], "raw_ci_high": [np.nan],
            "prior_elasticity": [-2.0], "prior_sd": [1.0], "pooled_toward": ["all"],
            "current_price": [10.0], "baseline_units": [100.0],
            "last_sale_period": [pd.Timestamp("2024-01-01")]}
    n = max(len(v) if isinstance(v, list) else 1 for v in columns.values()) if columns else 1
    data = {}
    for name in ESTIMATE_COLUMNS:
        value = columns.get(name, base[name])
        data[name] = value if isinstance(value, list) and len(value) == n else (
            [value] * n if not isinstance(value, list) else value * n)
    frame = pd.DataFrame(data)
    for name in ("sku", "category", "confidence", "reason_code", "flag", "pooled_toward"):
        frame[name] = frame[name].astype("str")
    return frame
