"""Empirical-Bayes partial pooling of per-SKU elasticities.

Each SKU's own estimate ``b_i`` (standard error ``s_i``) is combined with a prior
``N(m_g, v_g)`` for its group ``g`` (its category, or all products)::

    w_i       = v_g / (v_g + s_i²)            weight on the SKU's own data
    posterior = m_g + w_i (b_i - m_g),        posterior sd = sqrt(w_i · s_i²)
    shrinkage = 1 - w_i                       0 = own data only, 1 = group value only

(the normal–normal model; Gelman et al., *Bayesian Data Analysis*, 3rd ed., §5.4–5.5;
Morris 1983, "Parametric empirical Bayes inference", JASA 78:47–55).

Hyper-parameters, all by the method of moments:

* ``tau²``, how much true elasticities differ between SKUs of the same group:
  DerSimonian & Laird (1986, *Controlled Clinical Trials* 7:177–188), in its
  meta-regression form with one mean per group (Raudenbush 2009, "Analyzing effect sizes:
  random-effects models", in *The Handbook of Research Synthesis*, 2nd ed., ch. 16):
  ``tau² = max(0, (Q - (N - G)) / (Σw - Σ_g Σ_{i∈g} w_i² / Σ_{i∈g} w_i))`` with
  ``w_i = 1/s_i²``, ``Q = Σ w_i (b_i - weighted group mean)²``, N SKUs, G groups.
* The all-products mean ``m_all``: precision-weighted mean with weights ``1 / (s_i² + tau²)``.
* A category mean ``m_c`` (categories with at least ``min_category_skus`` estimates) is
  itself shrunk toward ``m_all`` with a between-category variance from the same
  DerSimonian–Laird formula over categories. The prior variance ``v_g`` is ``tau²`` plus
  the remaining uncertainty of the group mean.

Estimates far outside the plausible range (raw elasticity outside ``HYPER_RANGE``) take no
part in the hyper-parameters, so that a few wild fits cannot inflate ``tau²``; they are
still shrunk like every other SKU. Pooling needs at least ``MIN_POOL_SKUS`` SKUs with
estimates; with fewer, estimates are returned unpooled (shrinkage 0).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

HYPER_RANGE = (-10.0, 5.0)
# Fewest SKUs with estimates for any pooling: with fewer, the group value would be mostly
# the SKU's own estimate counted twice, making its interval too narrow.
MIN_POOL_SKUS = 5


@dataclass(frozen=True)
class PoolingResult:
    """Arrays per SKU plus the hyper-parameters.

    ``posterior_mean``, ``posterior_sd``, ``shrinkage`` (in [0, 1]), ``prior_mean``,
    ``prior_sd`` (the group prior a SKU was pulled toward), ``pooled_toward`` (object array of
    codes: ``"category"`` (the SKU's own category), ``"all"``, or ``"none"`` when too few SKUs
    to pool; worded by ``confidence.pool_message``); ``tau`` (between-SKU sd of true
    elasticities within a group), ``overall_mean``, ``category_means`` (Series).
    """

    posterior_mean: np.ndarray
    posterior_sd: np.ndarray
    shrinkage: np.ndarray
    prior_mean: np.ndarray
    prior_sd: np.ndarray
    pooled_toward: np.ndarray
    tau: float
    overall_mean: float
    category_means: pd.Series


def _dl_tau2(b: np.ndarray, v: np.ndarray, group: np.ndarray) -> float:
    """DerSimonian–Laird between-unit variance with one fixed mean per group."""
    if b.size < 2:
        return 0.0
    w = 1.0 / v
    n_g = group.max() + 1
    sw = np.bincount(group, w, minlength=n_g)
    mean_g = np.bincount(group, w * b, minlength=n_g) / np.where(sw > 0, sw, 1.0)
    q = float(np.sum(w * (b - mean_g[group]) ** 2))
    n_groups = int(np.count_nonzero(sw))
    denom = float(w.sum() - np.sum(np.bincount(group, w * w, minlength=n_g) / np.where(sw > 0, sw, 1.0)))
    if denom <= 0:
        return 0.0
    return max(0.0, (q - (b.size - n_groups)) / denom)


def pool_elasticities(raw: np.ndarray, se: np.ndarray, category: np.ndarray, *,
                      min_category_skus: int = 5) -> PoolingResult:
    """Shrink raw elasticities toward their category (or all products).

    Parameters
    ----------
    raw, se : (n,) raw elasticities and their standard errors (NaN = not estimable; such
        SKUs get the prior of their group and NaN posterior).
    category : (n,) category name per SKU, NaN/None when unknown (then the SKU pools
        toward all products).
    min_category_skus : categories with fewer estimable SKUs pool toward all products.
    """
    raw = np.asarray(raw, dtype=float)
    se = np.asarray(se, dtype=float)
    est = np.isfinite(raw) & np.isfinite(se) & (se >= 0)
    hyper = est & (se > 0) & (raw > HYPER_RANGE[0]) & (raw < HYPER_RANGE[1])
    if hyper.sum() < MIN_POOL_SKUS:
        return _unpooled(raw, se, est)
    cat_codes, cat_names = pd.factorize(pd.Series(category, dtype=object))
    cat_codes = np.asarray(cat_codes)
    n_cat = len(cat_names)
    big_cat = np.bincount(cat_codes[hyper & (cat_codes >= 0)], minlength=n_cat) >= min_category_skus
    in_big = (cat_codes >= 0) & np.r_[big_cat, False][cat_codes]  # index -1 hits the False pad
    group = np.where(in_big, cat_codes + 1, 0)  # 0 = all products

    b, v, g = raw[hyper], se[hyper] ** 2, group[hyper]
    tau2, overall, overall_var = 0.0, np.nan, np.nan
    if hyper.any():
        tau2 = _dl_tau2(b, v, np.unique(g, return_inverse=True)[1])
        w_star = 1.0 / (v + tau2)
        overall, overall_var = float(np.sum(w_star * b) / np.sum(w_star)), float(1.0 / np.sum(w_star))

    group_mean = np.full(n_cat + 1, overall)
    group_var = np.full(n_cat + 1, overall_var)
    if big_cat.any():  # implies hyper.any()
        sw = np.bincount(g, w_star, minlength=n_cat + 1)
        raw_mean = np.bincount(g, w_star * b, minlength=n_cat + 1) / np.where(sw > 0, sw, 1.0)
        cats = np.flatnonzero(np.r_[False, big_cat])
        raw_var = 1.0 / sw[cats]
        tau_b2 = _dl_tau2(raw_mean[cats], raw_var, np.zeros(cats.size, dtype=np.int64))
        lam = tau_b2 / (tau_b2 + raw_var)
        group_mean[cats] = overall + lam * (raw_mean[cats] - overall)
        group_var[cats] = lam * raw_var + (1.0 - lam) ** 2 * overall_var

    prior_mean = group_mean[group]
    prior_var = tau2 + group_var[group]
    with np.errstate(invalid="ignore", divide="ignore"):
        weight = np.where(est, np.where(se > 0, prior_var / (prior_var + se ** 2), 1.0), np.nan)
    post_mean = np.where(est, prior_mean + weight * (raw - prior_mean), np.nan)
    post_sd = np.where(est, np.sqrt(weight * se ** 2), np.nan)
    names = np.asarray(cat_names, dtype=object)
    labels = np.array(["all"] + ["category"] * len(names), dtype=object)
    cat_series = pd.Series(group_mean[1:][big_cat], index=pd.Index(names[big_cat], dtype="str"),
                           name="category_elasticity", dtype=float)
    return PoolingResult(posterior_mean=post_mean, posterior_sd=post_sd,
                         shrinkage=np.where(est, 1.0 - weight, np.nan), prior_mean=prior_mean,
                         prior_sd=np.sqrt(prior_var), pooled_toward=labels[group],
                         tau=float(np.sqrt(tau2)), overall_mean=overall, category_means=cat_series)


def _unpooled(raw: np.ndarray, se: np.ndarray, est: np.ndarray) -> PoolingResult:
    """No pooling (too few SKUs): posterior = own estimate, shrinkage 0."""
    nan = np.full(raw.size, np.nan)
    return PoolingResult(posterior_mean=np.where(est, raw, np.nan), posterior_sd=np.where(est, se, np.nan),
                         shrinkage=np.where(est, 0.0, np.nan), prior_mean=nan, prior_sd=nan,
                         pooled_toward=np.full(raw.size, "none", dtype=object),
                         tau=np.nan, overall_mean=np.nan, category_means=pd.Series(dtype=float,
                                                                                  name="category_elasticity"))
