"""Confidence labels, flags and the reason (as message codes) for each elasticity estimate.

Labels, from the data behind an estimate (thresholds in ``HIGH`` and ``MEDIUM``):

* ``"not estimable"``: too few periods with sales, or the price never moved (no estimate).
* ``"high"``: long history, several price changes, a narrow interval, and the SKU's own
  data alone already pin the elasticity down roughly (own-data interval not too wide).
  Shrinkage itself is not held against an estimate: when products of a group respond
  alike, even rich SKUs are pulled toward the group, and rightly so.
* ``"medium"``: usable, with visible uncertainty.
* ``"low"``: everything else, and always when the estimate is flagged or the SKU's own
  data alone point the wrong way (positive, or beyond ``implausible_below``).

Flags: ``"positive"`` (demand rose with price: something else moves the data, e.g.
promotions, stock-outs or customer mix), ``"implausible"`` (below ``implausible_below``,
default -6, stronger than almost any published product elasticity; Bijmolt, van Heerde &
Pieters 2005, *J. Marketing Research* 42:141–156, report a mean of -2.62 over 1,851
estimates). Flagged estimates are shown, never used for a recommendation.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .pooling import MIN_POOL_SKUS

CONFIDENCE_LEVELS = ("high", "medium", "low", "not estimable")


@dataclass(frozen=True)
class Thresholds:
    """Minimum evidence for a label: periods with sales, price changes, and the widest
    interval allowed (elasticity points) for the pooled estimate and for the SKU's own
    data alone."""

    min_periods: int
    min_price_changes: int
    max_interval_width: float
    max_own_interval_width: float


HIGH = Thresholds(min_periods=26, min_price_changes=4, max_interval_width=1.5, max_own_interval_width=3.0)
MEDIUM = Thresholds(min_periods=12, min_price_changes=3, max_interval_width=3.0, max_own_interval_width=6.0)


def _meets(t: Thresholds, n, changes, width, own_width) -> np.ndarray:
    return ((n >= t.min_periods) & (changes >= t.min_price_changes)
            & (width <= t.max_interval_width) & (own_width <= t.max_own_interval_width))


def pool_message(toward: str, category: str | None = None, min_skus: int = MIN_POOL_SKUS) -> dict:
    """The group an estimate was pulled toward as a message (``pooled_toward`` code: ``"all"``,
    ``"category"`` (the SKU's own category), ``"none"`` (too few SKUs), ``"off"``)."""
    if toward == "category":
        return {"code": "pool.category", "params": {"name": str(category)}}
    if toward == "none":
        return {"code": "pool.none", "params": {"min_skus": min_skus}}
    return {"code": f"pool.{toward}", "params": {}}


def label_estimates(*, n_periods, n_span, n_changes, not_estimable_reason, elasticity, ci_low,
                    ci_high, raw_elasticity, raw_ci_low, raw_ci_high, shrinkage, pooled_toward, period_unit: str,
                    interval_pct: float, implausible_below: float = -6.0, category=None,
                    high: Thresholds = HIGH, medium: Thresholds = MEDIUM):
    """Confidence label, flag and reason for every SKU (arrays of equal length).

    ``not_estimable_reason``: ``(codes, params)`` from :func:`not_estimable_reason` (code
    ``""`` for SKUs with an estimate). ``pooled_toward``: codes (see :func:`pool_message`);
    ``category``: each SKU's category. ``high``/``medium``: the evidence each label needs
    (the count estimator counts catalogue-price changes, real events, and asks for fewer). Returns four object arrays: ``confidence``, ``flag``
    (``""`` when fine), ``reason_code`` (message codes joined by ``;``, see
    ``ecom_models.messages``) and ``reason_params`` (one dict per SKU).
    """
    why_codes, why_params = not_estimable_reason
    n = np.asarray(n_periods)
    changes = np.asarray(n_changes)
    e = np.asarray(elasticity, dtype=float)
    raw = np.asarray(raw_elasticity, dtype=float)
    shrink = np.asarray(shrinkage, dtype=float)
    width = np.asarray(ci_high, dtype=float) - np.asarray(ci_low, dtype=float)
    own_width = np.asarray(raw_ci_high, dtype=float) - np.asarray(raw_ci_low, dtype=float)
    missing = np.asarray([r != "" for r in why_codes], dtype=bool)
    flag = np.select([~missing & (e > 0), ~missing & (e < implausible_below)],
                     ["positive", "implausible"], "").astype(object)
    weak = (flag != "") | (raw > 0) | (raw < implausible_below)
    confidence = np.select(
        [missing, weak, _meets(high, n, changes, width, own_width),
         _meets(medium, n, changes, width, own_width)],
        ["not estimable", "low", "high", "medium"], "low").astype(object)

    # Codes only, row by row (measured: faster than pandas string ops for a few thousand
    # SKUs); every number above is computed vectorised.
    span = np.asarray(n_span).astype(np.int64)
    shrink_pct = np.round(100 * np.nan_to_num(shrink)).astype(np.int64).clip(0, 100)
    cats = [None] * len(n) if category is None else list(category)
    codes, params = [], []
    for (label, fl, why, why_p, k, sp, ch, sh, lo, hi, b, rb, toward, cat) in zip(
            confidence.tolist(), flag.tolist(), list(why_codes), list(why_params), n.tolist(),
            span.tolist(), changes.tolist(), shrink_pct.tolist(),
            np.asarray(ci_low, dtype=float).tolist(), np.asarray(ci_high, dtype=float).tolist(),
            e.tolist(), raw.tolist(), list(pooled_toward), cats):
        if label == "not estimable":
            codes.append(why)
            params.append(why_p)
            continue
        p = {"unit": period_unit, "periods": int(k), "span": int(sp), "changes": int(ch),
             "shrink": int(sh), "pct": interval_pct, "low": round(lo, 4), "high": round(hi, 4),
             "elasticity": round(b, 4), "own": round(rb, 4), "limit": implausible_below,
             "toward": pool_message(toward, cat)}
        parts = []
        if fl:
            parts.append(fl)                      # "positive" / "implausible"
        elif rb > 0:
            parts.append("own_positive")
        elif rb < implausible_below:
            parts.append("own_implausible")
        if label == "high":
            parts.append("well_supported")
        else:
            if ch <= 2:
                parts.append("few_changes")
            if k < medium.min_periods:
                parts.append("few_periods")
            if sh > 50:
                parts.append("mostly_borrowed")
            if hi - lo > high.max_interval_width:
                parts.append("wide_interval")
            if not parts:
                parts.append("summary")
        codes.append(";".join(parts))
        params.append(p)
    param_array = np.empty(len(params), dtype=object)
    param_array[:] = params
    return confidence, flag, np.asarray(codes, dtype=object), param_array


def not_estimable_reason(n_periods: np.ndarray, n_levels: np.ndarray, n_span: np.ndarray,
                         singular: np.ndarray, *, min_periods: int, min_price_levels: int,
                         period_unit: str) -> tuple[list[str], list[dict]]:
    """Why a SKU has no estimate, as ``(codes, params)`` (code ``""`` when it has one)."""
    codes, params = [], []
    for k, lv, span, sing in zip(np.asarray(n_periods).tolist(), np.asarray(n_levels).tolist(),
                                 np.asarray(n_span).tolist(), np.asarray(singular).tolist()):
        p = {"unit": period_unit, "periods": int(k), "span": int(span), "levels": int(lv),
             "min_periods": min_periods, "min_levels": min_price_levels}
        if k < min_periods:
            code = "too_few_periods" if k else "no_periods"
        elif lv < min_price_levels:
            code = "price_never_changed" if lv <= 1 else "too_few_levels"
        elif sing:
            code = "collinear"
        else:
            code, p = "", {}
        codes.append(code)
        params.append(p)
    return codes, params
