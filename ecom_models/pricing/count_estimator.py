"""Price elasticity from weekly counts at the catalogue price (the default estimator).

Model per SKU ``i`` and week ``t`` (Poisson mean, log link; zero weeks kept)::

    log E[units_it] = a_i + e_i · (log list_price_it - mean_i) + c_i · (years_t - mean_i)
                      + s_g(i)(t) + d · promo_t

* ``units``: standard-tier units (``catalogue.build_count_panel``), ``list_price``: the
  catalogue price, so customer mix and wholesale waves are not read as price response.
* ``e_i``: the elasticity; identified only by real catalogue-price changes. A SKU whose
  catalogue price never changed gets no own estimate ("not estimable"); what-ifs may use
  its group's value, labelled as borrowed.
* ``s_g(t)``: annual Fourier terms (``fourier_order`` sin/cos pairs; Hyndman &
  Athanasopoulos, *FPP* 3rd ed. §7.4), one curve per category with at least
  ``min_category_fast`` fast movers, else one for the shop; ``d``: promotion weeks.
  Both are estimated from the **fast movers** only (mean at least ``fast_units`` units a
  week over at least 26 weeks), by backfitting: per-SKU fits given the shared terms, then
  one Poisson fit of the shared terms given the per-SKU parts, ``backfit_rounds`` times.
  Slow movers therefore cannot bend the season; they take it as a known offset.
* Estimation: Poisson pseudo-ML with HAC (Newey–West) standard errors
  (:mod:`ecom_models.pricing.count_model`), then empirical-Bayes pooling toward the
  category or all products (:mod:`ecom_models.pricing.pooling`) and the labels of
  :mod:`ecom_models.pricing.confidence`, with ``n_price_changes`` = catalogue-price changes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtri

from .catalogue import TIER_NAMES, CountPanel
from .confidence import Thresholds, label_estimates, not_estimable_reason
from .count_model import fit_poisson, fit_poisson_segments
from .design import DAYS_PER_YEAR, seasonal_terms
from .elasticity import ESTIMATE_COLUMNS
from .pooling import pool_elasticities

EXTRA_COLUMNS = ("price_min_seen", "price_max_seen", "dispersion", "n_promo_weeks", "unavailable_weeks",
                 "season_group", *(f"units_{t}" for t in TIER_NAMES), "returned_units", "usual_quantity")
# Catalogue-price changes are real events, not week-to-week noise of an average price, so
# fewer of them carry a label than with realised prices (confidence.HIGH / MEDIUM).
COUNT_HIGH = Thresholds(min_periods=26, min_price_changes=3, max_interval_width=1.5, max_own_interval_width=3.0)
COUNT_MEDIUM = Thresholds(min_periods=12, min_price_changes=2, max_interval_width=3.0, max_own_interval_width=6.0)


class CountElasticityEstimator:
    """Constant price elasticity per SKU from a :class:`~.catalogue.CountPanel`.

    Parameters: ``fourier_order`` (annual harmonics of the shared season), ``hac_lags``
    (weeks of autocorrelation the standard errors allow for), ``min_weeks`` (weeks in the
    fit), ``min_sale_weeks`` (weeks with sales), ``fast_units`` (units a week that make a
    fast mover), ``min_category_fast`` (fast movers a category needs for its own season),
    ``backfit_rounds``, ``price_term`` (False = the same model with elasticity 0, for the
    model check), ``pooling``, ``min_category_skus``, ``interval`` (0.90 = 90 %),
    ``baseline_periods`` (recent weeks behind ``baseline_units``), ``implausible_below``.

    Learned: ``estimates_`` (``ESTIMATE_COLUMNS`` + ``EXTRA_COLUMNS``; see the old
    :class:`~.elasticity.ElasticityEstimator` for the shared columns), ``coefficients_``
    (per SKU: ``intercept``, ``elasticity`` (pooled), ``trend``, ``x_mean``, ``t_mean``,
    ``t_last``, ``group``), ``shared_coef_`` (season per group, then promotion),
    ``groups_`` (season groups), ``promo_effect_`` (log scale), ``freq_``.
    """

    def __init__(self, *, fourier_order: int = 2, hac_lags: int = 4, min_weeks: int = 12,
                 min_sale_weeks: int = 4, fast_units: float = 2.0, min_category_fast: int = 5,
                 backfit_rounds: int = 3, price_term: bool = True, pooling: bool = True,
                 min_category_skus: int = 5, interval: float = 0.90, baseline_periods: int = 8,
                 implausible_below: float = -6.0):
        self.fourier_order = fourier_order
        self.hac_lags = hac_lags
        self.min_weeks = min_weeks
        self.min_sale_weeks = min_sale_weeks
        self.fast_units = fast_units
        self.min_category_fast = min_category_fast
        self.backfit_rounds = backfit_rounds
        self.price_term = price_term
        self.pooling = pooling
        self.min_category_skus = min_category_skus
        self.interval = interval
        self.baseline_periods = baseline_periods
        self.implausible_below = implausible_below

    def get_params(self, deep: bool = True) -> dict:
        return {k: getattr(self, k) for k in (
            "fourier_order", "hac_lags", "min_weeks", "min_sale_weeks", "fast_units",
            "min_category_fast", "backfit_rounds", "price_term", "pooling", "min_category_skus",
            "interval", "baseline_periods", "implausible_below")}

    def set_params(self, **params) -> "CountElasticityEstimator":
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"unknown parameter {k!r}")
            setattr(self, k, v)
        return self

    # ---- design -------------------------------------------------------------------
    def _shared_design(self, day, code, category, fast):
        """Season columns per group (category with enough fast movers, else all) + promo."""
        n_sku = category.size
        cats = pd.Series(category, dtype=object)
        fast_per_cat = cats[fast].value_counts()
        own = [c for c, k in fast_per_cat.items() if pd.notna(c) and k >= self.min_category_fast]
        group_of = np.array([own.index(c) + 1 if c in own else 0 for c in cats], dtype=np.int64) \
            if n_sku else np.zeros(0, dtype=np.int64)
        F = seasonal_terms(day, "W", self.fourier_order) if self.fourier_order else np.zeros((day.size, 0))
        g_row = group_of[code]
        used_groups = [0] + [k + 1 for k in range(len(own))]
        if not (group_of == 0).any():
            used_groups = used_groups[1:]
        cols = [F * (g_row == g)[:, None] for g in used_groups]
        return cols, group_of, ["all", *own], used_groups

    def fit(self, count_panel: CountPanel, y=None) -> "CountElasticityEstimator":
        """Estimate every SKU of ``count_panel`` (from ``build_count_panel``). Returns self."""
        if not 0.0 < self.interval < 1.0:
            raise ValueError("interval must be between 0 and 1, e.g. 0.90")
        panel, table = count_panel.panel, count_panel.skus
        skus = pd.Index(table["sku"].astype(str), dtype="str")
        n_sku = len(skus)
        code = skus.get_indexer(panel["sku"].astype(str))
        day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
        t = day / DAYS_PER_YEAR
        units = panel["units"].to_numpy(dtype=float)
        x = np.log(panel["list_price"].to_numpy(dtype=float))
        w = (~panel["unavailable"].to_numpy(dtype=bool)).astype(float)
        promo = panel["promo"].to_numpy(dtype=bool).astype(float)
        category = table["category"].astype(object).where(table["category"].notna(), None).to_numpy()

        weeks = np.bincount(code, w, minlength=n_sku)
        sale_weeks = np.bincount(code, w * (units > 0), minlength=n_sku)
        rate = np.bincount(code, w * units, minlength=n_sku) / np.maximum(weeks, 1)
        changes = table["n_price_changes"].to_numpy(dtype=np.int64)
        fast = (rate >= self.fast_units) & (weeks >= 26)
        if fast.sum() < 3:
            fast = (weeks >= 26) & (sale_weeks >= 8)

        def centred(values):
            mean = np.bincount(code, w * values, minlength=n_sku) / np.maximum(weeks, 1)
            return values - mean[code], mean
        xc, x_mean = centred(x)
        tc, t_mean = centred(t)
        if not self.price_term:
            xc = np.zeros_like(xc)
        cols, group_of, names, used_groups = self._shared_design(day, code, category, fast)
        if promo.any() and not promo.all():
            cols.append(promo[:, None])
        Z = np.column_stack(cols) if cols else np.zeros((units.size, 0))

        # shared terms from the fast movers (backfitting)
        g = np.zeros(Z.shape[1])
        rows_f = fast[code]
        if Z.shape[1] and rows_f.any():
            f_sku = np.flatnonzero(fast)
            sid = np.searchsorted(f_sku, code[rows_f])
            Xf = np.column_stack([xc[rows_f], tc[rows_f]])
            beta = None
            for _ in range(self.backfit_rounds):
                fit = fit_poisson_segments(units[rows_f], Xf, sid, f_sku.size, offset=Z[rows_f] @ g,
                                           weight=w[rows_f], hac_lags=0, ridge=1e-8, start=beta)
                beta = fit.coef
                own = np.log(fit.mu) - Z[rows_f] @ g
                own = np.where(np.isfinite(own), own, np.log(np.maximum(rate[code[rows_f]], 1e-3)))
                g = fit_poisson(units[rows_f], Z[rows_f], offset=own, weight=w[rows_f])
        shared = Z @ g if Z.shape[1] else np.zeros(units.size)

        # per-SKU fits with the shared terms as offset
        candidate = (weeks >= self.min_weeks) & (sale_weeks >= self.min_sale_weeks)
        if self.price_term:
            candidate &= changes >= 1
        rows_c = candidate[code]
        c_sku = np.flatnonzero(candidate)
        sid = np.searchsorted(c_sku, code[rows_c])
        X = np.column_stack([xc[rows_c], tc[rows_c]]) if self.price_term else tc[rows_c][:, None]
        fit = fit_poisson_segments(units[rows_c], X, sid, c_sku.size, offset=shared[rows_c],
                                   weight=w[rows_c], hac_lags=self.hac_lags, ridge=0.0 if self.price_term else 1e-8)
        raw = np.full(n_sku, np.nan)
        raw_se = np.full(n_sku, np.nan)
        coef = np.full((n_sku, 3), np.nan)
        singular = np.zeros(n_sku, dtype=bool)
        singular[c_sku] = ~fit.ok
        if self.price_term:
            raw[c_sku], raw_se[c_sku] = fit.coef[:, 1], np.sqrt(fit.cov[:, 1, 1])
            coef[c_sku] = fit.coef
        else:
            coef[c_sku, 0], coef[c_sku, 2] = fit.coef[:, 0], fit.coef[:, 1]
            coef[c_sku, 1] = 0.0

        # Pearson overdispersion per SKU (variance / mean of the weekly units; 1 = Poisson)
        dispersion = np.full(n_sku, np.nan)
        if c_sku.size:
            resid2 = w[rows_c] * (units[rows_c] - fit.mu) ** 2 / np.maximum(fit.mu, 1e-12)
            dof = np.maximum(np.bincount(sid, w[rows_c], minlength=c_sku.size) - X.shape[1] - 1, 1)
            dispersion[c_sku] = np.bincount(sid, resid2, minlength=c_sku.size) / dof
        z = float(ndtri(0.5 + self.interval / 2.0))
        if self.pooling and self.price_term:
            pooled = pool_elasticities(raw, raw_se, category, min_category_skus=self.min_category_skus)
            post, post_sd, shrink = pooled.posterior_mean, pooled.posterior_sd, pooled.shrinkage
            prior, prior_sd, toward = pooled.prior_mean, pooled.prior_sd, pooled.pooled_toward
            self.tau_, self.overall_elasticity_ = pooled.tau, pooled.overall_mean
        else:
            post, post_sd = raw, raw_se
            shrink = np.where(np.isfinite(raw), 0.0, np.nan)
            prior = prior_sd = np.full(n_sku, np.nan)
            toward = np.full(n_sku, "off", dtype=object)
            self.tau_, self.overall_elasticity_ = np.nan, np.nan
        levels = table["n_price_levels"].to_numpy(dtype=np.int64)
        why_not = not_estimable_reason(sale_weeks.astype(np.int64), np.where(changes > 0, np.maximum(levels, 2), 1),
                                       weeks.astype(np.int64), singular, min_periods=self.min_sale_weeks,
                                       min_price_levels=2, period_unit="week")
        ci_low, ci_high = post - z * post_sd, post + z * post_sd
        confidence, flag, reason_code, reason_params = label_estimates(
            n_periods=weeks.astype(np.int64), n_span=weeks.astype(np.int64), n_changes=changes,
            not_estimable_reason=why_not, elasticity=post, ci_low=ci_low, ci_high=ci_high,
            raw_elasticity=raw, raw_ci_low=raw - z * raw_se, raw_ci_high=raw + z * raw_se,
            shrinkage=shrink, pooled_toward=toward, period_unit="week",
            interval_pct=round(100 * self.interval, 6), implausible_below=self.implausible_below,
            category=category, high=COUNT_HIGH, medium=COUNT_MEDIUM)

        base, last_sale = self._baseline(code, day, units, w, n_sku)
        self.estimates_ = pd.DataFrame({
            "sku": skus.array, "category": pd.array(category, dtype="str"),
            "elasticity": post, "ci_low": ci_low, "ci_high": ci_high, "elasticity_sd": post_sd,
            "n_periods": sale_weeks.astype(np.int64), "n_price_levels": levels,
            "n_price_changes": changes, "n_periods_span": weeks.astype(np.int64),
            "confidence": pd.array(confidence, dtype="str"), "reason_code": pd.array(reason_code, dtype="str"),
            "reason_params": reason_params, "flag": pd.array(flag, dtype="str"), "shrinkage": shrink,
            "raw_elasticity": raw, "raw_se": raw_se, "raw_ci_low": raw - z * raw_se,
            "raw_ci_high": raw + z * raw_se, "prior_elasticity": prior, "prior_sd": prior_sd,
            "pooled_toward": pd.array(toward, dtype="str"),
            "current_price": table["list_price_now"].to_numpy(dtype=float),
            "baseline_units": base, "last_sale_period": last_sale,
            "price_min_seen": table["price_min_seen"].to_numpy(dtype=float),
            "price_max_seen": table["price_max_seen"].to_numpy(dtype=float),
            "dispersion": dispersion,
            "n_promo_weeks": np.bincount(code, promo * w, minlength=n_sku).astype(np.int64),
            "unavailable_weeks": table["unavailable_weeks"].to_numpy(dtype=np.int64),
            "season_group": pd.array(np.asarray(names, dtype=object)[group_of], dtype="str"),
            **{c: table[c].to_numpy() for c in (*(f"units_{t}" for t in TIER_NAMES), "returned_units",
                                                 "usual_quantity")},
        })[list(ESTIMATE_COLUMNS) + list(EXTRA_COLUMNS)]
        self.estimates_.attrs["freq"] = "W"
        t_last = np.full(n_sku, -np.inf)
        np.maximum.at(t_last, code, np.where(w > 0, t, -np.inf))
        elasticity_used = np.where(np.isfinite(post), post, coef[:, 1]) if self.price_term else coef[:, 1]
        self.coefficients_ = pd.DataFrame({"intercept": coef[:, 0], "elasticity": elasticity_used,
                                           "trend": coef[:, 2], "x_mean": x_mean, "t_mean": t_mean,
                                           "t_last": t_last, "group": group_of}, index=skus)
        self.shared_coef_, self.groups_ = g, names
        self._used_groups = used_groups
        self._has_promo = bool(promo.any() and not promo.all())
        self.promo_effect_ = float(g[-1]) if self._has_promo else np.nan
        self.freq_ = "W"
        return self

    def _baseline(self, code, day, units, w, n_sku):
        """Mean standard-tier units over the last ``baseline_periods`` available weeks."""
        order = np.lexsort((-day, code))
        avail = w[order] > 0
        c_sorted = code[order]
        rank = np.zeros(order.size, dtype=np.int64)
        csum = np.cumsum(avail)
        starts = np.r_[0, np.flatnonzero(np.diff(c_sorted)) + 1] if order.size else np.zeros(0, dtype=np.int64)
        first_csum = np.repeat(csum[starts] - avail[starts], np.diff(np.r_[starts, order.size]))
        rank = csum - first_csum
        take = avail & (rank <= self.baseline_periods)
        k = np.bincount(c_sorted[take], minlength=n_sku)
        base = np.bincount(c_sorted[take], units[order][take], minlength=n_sku) / np.maximum(k, 1)
        last = np.full(n_sku, np.iinfo(np.int64).min)
        sold = units > 0
        np.maximum.at(last, code[sold], day[sold])
        last_sale = np.where(last > np.iinfo(np.int64).min, last, 0).astype("datetime64[D]").astype("datetime64[ns]")
        return base, np.where(last > np.iinfo(np.int64).min, last_sale, np.datetime64("NaT", "ns"))

    def predict(self, panel: pd.DataFrame) -> np.ndarray:
        """Mean standard-tier units per row of a count panel (its ``list_price``, ``promo``),
        holding each SKU's trend at its last fitted week. NaN for SKUs without a fit."""
        if not hasattr(self, "coefficients_"):
            raise ValueError("call fit before predict")
        coef = self.coefficients_
        at = coef.index.get_indexer(panel["sku"].astype(str))
        known = at >= 0
        c = {k: coef[k].to_numpy()[np.where(known, at, 0)] for k in coef.columns}
        day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
        t = day / DAYS_PER_YEAR
        x = np.log(panel["list_price"].to_numpy(dtype=float))
        eta = (c["intercept"] + c["elasticity"] * (x - c["x_mean"])
               + c["trend"] * (np.minimum(t, c["t_last"]) - c["t_mean"]))
        if self.fourier_order:
            F = seasonal_terms(day, "W", self.fourier_order)
            for j, grp in enumerate(self._used_groups):
                eta = eta + np.where(c["group"] == grp, F @ self.shared_coef_[j * F.shape[1]:(j + 1) * F.shape[1]], 0.0)
        if self._has_promo:
            eta = eta + self.promo_effect_ * panel["promo"].to_numpy(dtype=float)
        return np.where(known & np.isfinite(eta), np.exp(eta), np.nan)
