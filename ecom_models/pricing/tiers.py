"""Elasticity per customer tier (quantity break, trader, guest) where the data allow it.

The standard tier's estimate (:mod:`.count_estimator`) is the product's elasticity. The
other tiers (:data:`.catalogue.TIER_NAMES`) buy at their own prices: traders from their own
list, guests at a surcharge, big registered orders at a quantity break. Where a tier has
enough data of its own, its elasticity is estimated with the same count model, on its own
catalogue price and its own weekly units (:func:`.catalogue.build_tier_panels`).

**Enough data** (per SKU and tier; otherwise ``confidence = "not estimable"`` and the
tier falls back to the standard tier's estimate, ``standard_elasticity``):

* at least ``min_sale_weeks`` (12) weeks with sales in the tier (reason
  ``too_few_periods`` / ``no_periods``), and
* at least ``min_price_changes`` (2) real changes of **the tier's own** catalogue price
  (reason ``price_never_changed`` for none, ``tier_few_changes`` for fewer than needed).
  Two, not one as for the standard tier: a tier sells in fewer, lumpier orders, and one
  step of its price is too easily a one-off deal.
* at least ``min_weeks`` (12) weeks in the fit, and a non-singular fit (``collinear``).

Model per SKU ``i`` of tier ``r`` and week ``t`` (Poisson PML, zero weeks kept, HAC errors)::

    log E[units_rit] = a_ri + e_ri · (log price_rit - mean) + c_ri · (years_t - mean)
                       + s_g(i)(t) + d · promo_t

**Season and promotion are held fixed** at the standard fit's values (an offset), and only
the SKU's level, trend and elasticity are re-estimated. Why: a tier's weekly units come in
few, large orders (a trader's 6/12/24), so a seasonal curve fitted to them would be noise,
and with the few SKUs a tier has per category it could not be told apart from the price
changes; the standard tier's fast movers measure the shop's season far better. The cost:
a tier with a season of its own (traders stocking up before the season) carries that in
its residual, which the HAC standard errors allow for but which can blur the estimate.

The raw estimates are pooled (empirical Bayes) within the tier toward its category or all
its SKUs, as for the standard tier, and labelled with the count estimator's thresholds.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtri

from .catalogue import TIER_NAMES, CountPanel, build_tier_panels
from .confidence import label_estimates, not_estimable_reason
from .count_estimator import COUNT_HIGH, COUNT_MEDIUM, CountElasticityEstimator
from .count_model import fit_poisson_segments
from .design import DAYS_PER_YEAR, seasonal_terms
from .pooling import pool_elasticities

TIER_COLUMNS = ("sku", "tier", "category", "elasticity", "ci_low", "ci_high", "elasticity_sd",
                "n_price_changes", "n_sale_weeks", "n_weeks", "units", "confidence", "reason_code",
                "reason_params", "flag", "shrinkage", "raw_elasticity", "raw_se", "current_price",
                "price_min_seen", "price_max_seen", "standard_elasticity", "standard_confidence")


def _shared_offset(model: CountElasticityEstimator, panel: pd.DataFrame) -> np.ndarray:
    """Season of the SKU's group and the promotion effect from the standard fit."""
    n = len(panel)
    eta = np.zeros(n)
    coef = model.coefficients_
    at = coef.index.get_indexer(panel["sku"].astype(str))
    group = np.where(at >= 0, coef["group"].to_numpy()[np.maximum(at, 0)], 0)
    if model.fourier_order and n:
        day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
        F = seasonal_terms(day, "W", model.fourier_order)
        m = F.shape[1]
        for j, grp in enumerate(model._used_groups):
            eta += np.where(group == grp, F @ model.shared_coef_[j * m:(j + 1) * m], 0.0)
    if model._has_promo:
        eta += model.promo_effect_ * panel["promo"].to_numpy(dtype=float)
    return eta


def fit_tier(model: CountElasticityEstimator, tier_panel: CountPanel, tier: str, *,
             min_sale_weeks: int = 12, min_price_changes: int = 2, min_weeks: int = 12,
             pooling: bool = True) -> pd.DataFrame:
    """Estimates of one tier (``TIER_COLUMNS``), one row per SKU that sold in the tier.

    ``model``: the fitted standard-tier :class:`CountElasticityEstimator` (its season and
    promotion are held fixed; its estimate is ``standard_elasticity``); ``tier_panel``:
    the tier's panel from :func:`~.catalogue.build_tier_panels`.
    """
    panel, table = tier_panel.panel, tier_panel.skus
    skus = pd.Index(table["sku"].astype(str), dtype="str")
    n_sku = len(skus)
    code = skus.get_indexer(panel["sku"].astype(str))
    day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
    t = day / DAYS_PER_YEAR
    units = panel["units"].to_numpy(dtype=float)
    x = np.log(panel["list_price"].to_numpy(dtype=float))
    w = (~panel["unavailable"].to_numpy(dtype=bool)).astype(float)
    category = table["category"].astype(object).where(table["category"].notna(), None).to_numpy()
    weeks = np.bincount(code, w, minlength=n_sku)
    sale_weeks = np.bincount(code, w * (units > 0), minlength=n_sku)
    changes = table["n_price_changes"].to_numpy(dtype=np.int64)

    def centred(values):
        mean = np.bincount(code, w * values, minlength=n_sku) / np.maximum(weeks, 1)
        return values - mean[code]

    candidate = (weeks >= min_weeks) & (sale_weeks >= min_sale_weeks) & (changes >= min_price_changes)
    rows = candidate[code]
    c_sku = np.flatnonzero(candidate)
    sid = np.searchsorted(c_sku, code[rows])
    shared = _shared_offset(model, panel)
    fit = fit_poisson_segments(units[rows], np.column_stack([centred(x)[rows], centred(t)[rows]]), sid,
                               c_sku.size, offset=shared[rows], weight=w[rows], hac_lags=model.hac_lags)
    raw = np.full(n_sku, np.nan)
    raw_se = np.full(n_sku, np.nan)
    raw[c_sku], raw_se[c_sku] = fit.coef[:, 1], np.sqrt(fit.cov[:, 1, 1])
    singular = np.zeros(n_sku, dtype=bool)
    singular[c_sku] = ~fit.ok
    z = float(ndtri(0.5 + model.interval / 2.0))
    if pooling:
        pooled = pool_elasticities(raw, raw_se, category, min_category_skus=model.min_category_skus)
        post, post_sd, shrink, toward = (pooled.posterior_mean, pooled.posterior_sd, pooled.shrinkage,
                                         pooled.pooled_toward)
    else:
        post, post_sd = raw, raw_se
        shrink = np.where(np.isfinite(raw), 0.0, np.nan)
        toward = np.full(n_sku, "off", dtype=object)
    # reasons: sale weeks first, then the tier's own price changes (levels stand for them)
    codes, params = not_estimable_reason(sale_weeks.astype(np.int64), np.where(changes > 0, 2, 1),
                                         weeks.astype(np.int64), singular, min_periods=min_sale_weeks,
                                         min_price_levels=2, period_unit="week")
    for i in np.flatnonzero((np.asarray([c == "" for c in codes])) & ~candidate):
        if weeks[i] < min_weeks:
            codes[i] = "too_few_periods"
            params[i] = {"unit": "week", "periods": int(sale_weeks[i]), "span": int(weeks[i]),
                         "levels": 2, "min_periods": min_weeks, "min_levels": 2}
        else:
            codes[i] = "tier_few_changes"
            params[i] = {"unit": "week", "span": int(weeks[i]), "changes": int(changes[i]),
                         "min_changes": int(min_price_changes)}
    ci_low, ci_high = post - z * post_sd, post + z * post_sd
    confidence, flag, reason_code, reason_params = label_estimates(
        n_periods=sale_weeks.astype(np.int64), n_span=weeks.astype(np.int64), n_changes=changes,
        not_estimable_reason=(codes, params), elasticity=post, ci_low=ci_low, ci_high=ci_high,
        raw_elasticity=raw, raw_ci_low=raw - z * raw_se, raw_ci_high=raw + z * raw_se,
        shrinkage=shrink, pooled_toward=toward, period_unit="week",
        interval_pct=round(100 * model.interval, 6), implausible_below=model.implausible_below,
        category=category, high=COUNT_HIGH, medium=COUNT_MEDIUM)
    std = model.estimates_.set_index(model.estimates_["sku"].astype(str))
    return pd.DataFrame({
        "sku": skus.array, "tier": pd.array([tier] * n_sku, dtype="str"),
        "category": pd.array(category, dtype="str"),
        "elasticity": post, "ci_low": ci_low, "ci_high": ci_high, "elasticity_sd": post_sd,
        "n_price_changes": changes, "n_sale_weeks": sale_weeks.astype(np.int64),
        "n_weeks": weeks.astype(np.int64), "units": np.bincount(code, units, minlength=n_sku),
        "confidence": pd.array(confidence, dtype="str"), "reason_code": pd.array(reason_code, dtype="str"),
        "reason_params": reason_params, "flag": pd.array(flag, dtype="str"), "shrinkage": shrink,
        "raw_elasticity": raw, "raw_se": raw_se,
        "current_price": table["list_price_now"].to_numpy(dtype=float),
        "price_min_seen": table["price_min_seen"].to_numpy(dtype=float),
        "price_max_seen": table["price_max_seen"].to_numpy(dtype=float),
        "standard_elasticity": std["elasticity"].reindex(skus).to_numpy(dtype=float),
        "standard_confidence": pd.array(std["confidence"].reindex(skus).to_numpy(dtype=object), dtype="str"),
    })[list(TIER_COLUMNS)]


def estimate_tier_elasticities(lines: pd.DataFrame, products: pd.DataFrame | None = None, *,
                               tiers: tuple[str, ...] = TIER_NAMES[1:], complete_periods_only: bool = True,
                               min_sale_weeks: int = 12, min_price_changes: int = 2, min_weeks: int = 12,
                               standard: CountElasticityEstimator | None = None,
                               **params) -> pd.DataFrame:
    """One row per SKU and non-standard tier it sold in (``TIER_COLUMNS``; ``tier`` names it).

    ``standard``: an already fitted standard-tier estimator on the same lines (fitted here
    with ``params`` when None). Tiers without sales have no rows; SKUs without enough data
    in a tier have ``confidence = "not estimable"`` and a reason code (module docstring).
    """
    unknown = set(tiers) - set(TIER_NAMES[1:])
    if unknown:
        raise ValueError(f"tiers must be among {TIER_NAMES[1:]}, got {sorted(unknown)}")
    counts, panels = build_tier_panels(lines, products, complete_periods_only=complete_periods_only)
    model = standard if standard is not None else CountElasticityEstimator(**params).fit(counts)
    frames = [fit_tier(model, panels[t], t, min_sale_weeks=min_sale_weeks, min_price_changes=min_price_changes,
                       min_weeks=min_weeks, pooling=model.pooling)
              for t in tiers if t in panels]
    if not frames:
        return pd.DataFrame({c: [] for c in TIER_COLUMNS})
    return pd.concat(frames, ignore_index=True)
