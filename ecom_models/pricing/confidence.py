"""Confidence labels, flags and the reason in words for each elasticity estimate.

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
_TIMES = {0: "never", 1: "once", 2: "twice"}


def _meets(t: Thresholds, n, changes, width, own_width) -> np.ndarray:
    return ((n >= t.min_periods) & (changes >= t.min_price_changes)
            & (width <= t.max_interval_width) & (own_width <= t.max_own_interval_width))


def _times(k: int) -> str:
    return _TIMES.get(k, f"{k} times")


def _count(k: int, unit: str) -> str:
    """``"no weeks"``, ``"1 week"``, ``"12 weeks"`` for ``unit`` = ``"week"``."""
    return f"no {unit}s" if k == 0 else f"{k} {unit}" if k == 1 else f"{k} {unit}s"


def label_estimates(*, n_periods, n_span, n_changes, not_estimable_reason, elasticity, ci_low,
                    ci_high, raw_elasticity, raw_ci_low, raw_ci_high, shrinkage, pooled_toward, period_unit: str,
                    interval_pct: float, implausible_below: float = -6.0):
    """Confidence label, flag and reason for every SKU (arrays of equal length).

    ``not_estimable_reason`` holds the reason text for SKUs without an estimate and ``""``
    for the others. Returns three object arrays: ``confidence``, ``flag`` (``""`` when
    fine), ``reason``.
    """
    n = np.asarray(n_periods)
    changes = np.asarray(n_changes)
    e = np.asarray(elasticity, dtype=float)
    raw = np.asarray(raw_elasticity, dtype=float)
    shrink = np.asarray(shrinkage, dtype=float)
    width = np.asarray(ci_high, dtype=float) - np.asarray(ci_low, dtype=float)
    own_width = np.asarray(raw_ci_high, dtype=float) - np.asarray(raw_ci_low, dtype=float)
    missing = np.asarray([r != "" for r in not_estimable_reason], dtype=bool)
    flag = np.select([~missing & (e > 0), ~missing & (e < implausible_below)],
                     ["positive", "implausible"], "").astype(object)
    weak = (flag != "") | (raw > 0) | (raw < implausible_below)
    confidence = np.select(
        [missing, weak, _meets(HIGH, n, changes, width, own_width),
         _meets(MEDIUM, n, changes, width, own_width)],
        ["not estimable", "low", "high", "medium"], "low").astype(object)

    # Text only, row by row (measured: faster than pandas string ops for a few thousand
    # SKUs); every number above is computed vectorised. Look-up lists avoid per-row calls.
    pct = f"{interval_pct:g} %"
    span = np.asarray(n_span).astype(np.int64)
    top = int(max(span.max(initial=0), n.max(initial=0), changes.max(initial=0))) + 1
    count_txt = [_count(i, period_unit) for i in range(top)]
    times_txt = [_times(i) for i in range(top)]
    pct_txt = [f"{i} %" for i in range(101)]
    shrink_pct = np.round(100 * np.nan_to_num(shrink)).astype(np.int64).clip(0, 100)
    reasons = []
    for (label, fl, why, k, sp, ch, sh, lo, hi, b, rb, toward) in zip(
            confidence.tolist(), flag.tolist(), list(not_estimable_reason), n.tolist(),
            span.tolist(), changes.tolist(), shrink_pct.tolist(),
            np.asarray(ci_low, dtype=float).tolist(), np.asarray(ci_high, dtype=float).tolist(),
            e.tolist(), raw.tolist(), list(pooled_toward)):
        if label == "not estimable":
            reasons.append(why)
            continue
        parts = []
        if fl == "positive":
            parts.append(f"elasticity came out positive ({b:+.1f}): demand rose with price, so "
                         "something else (promotions, season, stock-outs, customer mix) drives "
                         "the data; not used for recommendations")
        elif fl == "implausible":
            parts.append(f"elasticity {b:.1f} is implausibly strong (below {implausible_below:g}); "
                         "likely driven by a few unusual periods; not used for recommendations")
        elif rb > 0:
            parts.append(f"own data alone gave a positive elasticity ({rb:+.1f}); the value shown "
                         f"leans on {toward}")
        elif rb < implausible_below:
            parts.append(f"own data alone gave an implausibly strong elasticity ({rb:.1f}); the "
                         f"value shown leans on {toward}")
        if label == "high":
            parts.append(f"price changed {times_txt[ch]} in {count_txt[sp]}; {pct} interval "
                         f"{lo:.2f} to {hi:.2f}; shrinkage {pct_txt[sh]}")
        else:
            if ch <= 2:
                parts.append(f"price changed only {times_txt[ch]} in {count_txt[sp]}")
            if k < MEDIUM.min_periods:
                parts.append(f"only {count_txt[k]} with sales")
            if sh > 50:
                parts.append(f"mostly borrowed from {toward} (shrinkage {pct_txt[sh]})")
            if hi - lo > HIGH.max_interval_width:
                parts.append(f"wide {pct} interval ({lo:.1f} to {hi:.1f})")
            if not parts:
                parts.append(f"price changed {times_txt[ch]} in {count_txt[sp]}; shrinkage "
                             f"{pct_txt[sh]}; {pct} interval {lo:.1f} to {hi:.1f}")
        reasons.append("; ".join(parts))
    return confidence, flag, np.asarray(reasons, dtype=object)


def not_estimable_reason(n_periods: np.ndarray, n_levels: np.ndarray, n_span: np.ndarray,
                         singular: np.ndarray, *, min_periods: int, min_price_levels: int,
                         period_unit: str) -> np.ndarray:
    """Why a SKU has no estimate (``""`` when it has one), in words."""
    out = []
    for k, lv, span, sing in zip(np.asarray(n_periods).tolist(), np.asarray(n_levels).tolist(),
                                 np.asarray(n_span).tolist(), np.asarray(singular).tolist()):
        if k < min_periods:
            out.append(f"only {_count(int(k), period_unit)} with sales (at least {min_periods} needed)"
                       if k else f"no {period_unit}s with sales")
        elif lv < min_price_levels:
            out.append(f"price never changed in {_count(int(span), period_unit)}" if lv <= 1 else
                       f"only {int(lv)} price levels in {_count(int(span), period_unit)} "
                       f"(at least {min_price_levels} needed)")
        elif sing:
            out.append("price moved in step with the trend; their effects cannot be told apart")
        else:
            out.append("")
    return np.asarray(out, dtype=object)
