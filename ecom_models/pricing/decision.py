"""A price decision that does not overreach: margin dependence, prices tried, goal caveats.

:func:`decide_price` wraps :func:`~ecom_models.pricing.optimize.best_price` with the rules a
pricing manager needs before acting:

* **Within prices tried.** The recommendation is searched only between the lowest and the
  highest catalogue price the product has sold at (``price_min_seen``/``price_max_seen``;
  today's price always counts). Constant elasticity is an extrapolation beyond them. When
  the search without that limit finds a better price outside, the decision says so
  (``outside_tried``, "test it first") and names that price, but does not recommend it.
* **Margin dependence.** Under constant elasticity ``e`` the profit-maximising price is
  ``cost · e / (1 + e)`` (the Lerner rule); today's price ``p`` is optimal exactly when
  ``e = -1 / m`` with margin ``m = (p - cost) / p`` (the *break-even elasticity*: more
  elastic → cut, less elastic → raise). Without unit costs the direction of the answer is
  set by the assumed margin, so the decision shows the break-even elasticity, the
  probability that the product is more elastic than it (normal posterior), and the answer
  at 25 / 40 / 60 % margin, and asks for costs.
* **Costs** come from the products table (purchase prices), else from the user's
  per-category margin table (``category_margins``: category -> margin %; the row ``"*"``
  covers every product without a row of its own), else are unknown.
* **Revenue goal**: always carries the note that it ignores costs.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy.special import ndtr

from .optimize import PriceRecommendation, best_price
from .response import select_estimates, unit_costs_for
from .scenario import PriceConstraints

MARGINS_PCT = (25.0, 40.0, 60.0)


@dataclass(frozen=True)
class PriceDecision:
    """Result of :func:`decide_price` (prices in shop currency, per week).

    ``recommendation``: the best price within the prices tried (its ``reason_code`` says
    why there is none). ``cost_source``: ``"products_table"``, ``"category_margin"``,
    ``"assumed_margin"`` or ``"unknown"``; ``margin_pct``: today's margin used (None when
    unknown). ``price_min_seen``/``price_max_seen``; ``within_seen``: the recommendation
    lies in that range. ``outside_price``: a better price outside the range (None if none).
    ``break_even``: list of ``{"margin_pct", "elasticity", "prob_more_elastic"}``;
    ``by_margin``: list of ``{"margin_pct", "price", "change_pct", "prob_beats_current",
    "reason_code", "reason_params"}``, shown when costs are unknown. ``notes``: message
    codes (``revenue_ignores_costs``, ``outside_tried``, ``costs_needed``).
    """

    sku: str
    objective: str
    recommendation: PriceRecommendation
    cost_source: str
    margin_pct: float | None
    price_min_seen: float | None
    price_max_seen: float | None
    within_seen: bool | None
    outside_price: float | None
    break_even: list = field(default_factory=list)
    by_margin: list = field(default_factory=list)
    notes: tuple = ()

    def note_params(self) -> dict:
        """Parameters of the ``notes`` codes (``outside``, ``low``, ``high``)."""
        return {"outside": self.outside_price, "low": self.price_min_seen, "high": self.price_max_seen}

    def to_dict(self) -> dict:
        """Plain values for JSON (reasons and notes worded in English, as the CLI prints)."""
        from ..messages import render

        rec = self.recommendation
        return {
            "sku": self.sku, "goal": self.objective, "current_price": rec.current_price,
            "recommendation": rec.recommendation, "price_change_pct": rec.price_change_pct,
            "prob_beats_current": rec.prob_beats_current, "within_prices_seen": self.within_seen,
            "price_min_seen": self.price_min_seen, "price_max_seen": self.price_max_seen,
            "better_price_outside_seen": self.outside_price, "cost_source": self.cost_source,
            "margin_pct": self.margin_pct, "elasticity": rec.elasticity, "confidence": rec.confidence,
            "margin_dependence": {"break_even": self.break_even, "by_margin": self.by_margin},
            "reason_code": rec.reason_code, "reason": rec.reason, "notes": list(self.notes),
            "notes_text": [render(n, self.note_params(), cli=True) for n in self.notes],
        }


def costs_with_margins(estimates: pd.DataFrame, unit_costs=None,
                       category_margins: Mapping[str, float] | None = None) -> tuple[pd.Series, pd.Series]:
    """Unit cost per SKU (shop currency) and its source: the products table first, else
    today's price × (1 − the category's margin % / 100; row ``"*"`` for every other
    product). Returns ``(costs, sources)`` indexed by SKU (:func:`~.response.unit_costs_for`)."""
    cost, source = unit_costs_for(estimates, unit_costs, None, category_margins)
    skus = estimates["sku"].astype(str).to_numpy()
    return pd.Series(cost, index=skus), pd.Series(source, index=skus)


def decide_price(estimates: pd.DataFrame, sku: str, constraints: PriceConstraints = PriceConstraints(),
                 unit_costs=None, *, category_margins: Mapping[str, float] | None = None,
                 seed: int = 0) -> PriceDecision:
    """The best price for ``sku`` with the caveats of the module docstring."""
    row = select_estimates(estimates, sku).iloc[0]
    costs, sources = costs_with_margins(estimates, unit_costs, category_margins)
    cost, source = costs.get(str(sku), np.nan), sources.get(str(sku), "unknown")
    p0 = float(row["current_price"])
    lo = _finite(row.get("price_min_seen"))
    hi = _finite(row.get("price_max_seen"))
    seen = (lo, hi) if lo is not None and hi is not None else None
    known_cost = {str(sku): cost} if math.isfinite(cost) else None
    c = constraints
    if known_cost is None and c.assumed_margin_pct is not None:
        source = "assumed_margin"
    rec = best_price(estimates, sku, c, known_cost, seed=seed, price_range=seen)
    notes = []
    if c.objective == "revenue":
        notes.append("revenue_ignores_costs")
    outside = None
    if rec.recommendation is not None and seen is not None:
        free = best_price(estimates, sku, c, known_cost, seed=seed)
        if (free.recommendation is not None and not (seen[0] - 0.005 <= free.recommendation <= seen[1] + 0.005)
                and free.expected_objective_recommended > rec.expected_objective_recommended + 1e-9):
            outside = free.recommendation
            notes.append("outside_tried")
    within = None if rec.recommendation is None or seen is None else bool(
        min(seen[0], p0) - 0.005 <= rec.recommendation <= max(seen[1], p0) + 0.005)
    margin = (p0 - cost) / p0 if math.isfinite(cost) and p0 > 0 else None
    if margin is None and c.assumed_margin_pct is not None:
        margin = c.assumed_margin_pct / 100
    e, sd = _elasticity(row)
    margins = MARGINS_PCT if source in ("unknown", "assumed_margin") else ((100 * margin,) if margin else ())
    break_even = [{"margin_pct": m, "elasticity": -100.0 / m,
                   "prob_more_elastic": float(ndtr((-100.0 / m - e) / sd)) if sd > 0 else float(e < -100.0 / m)}
                  for m in margins if m > 0 and math.isfinite(e)]
    by_margin = []
    if source in ("unknown", "assumed_margin") and c.objective == "profit":
        for m in MARGINS_PCT:
            r = best_price(estimates, sku, replace(c, assumed_margin_pct=m), None, seed=seed, price_range=seen)
            by_margin.append({"margin_pct": m, "price": r.recommendation, "change_pct": r.price_change_pct,
                              "prob_beats_current": r.prob_beats_current, "reason_code": r.reason_code,
                              "reason_params": r.reason_params})
        notes.append("costs_needed")
    return PriceDecision(sku=str(sku), objective=c.objective, recommendation=rec, cost_source=str(source),
                         margin_pct=None if margin is None else 100 * margin, price_min_seen=lo,
                         price_max_seen=hi, within_seen=within, outside_price=outside,
                         break_even=break_even, by_margin=by_margin, notes=tuple(notes))


def _finite(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _elasticity(row: pd.Series) -> tuple[float, float]:
    """The elasticity the decision uses (own, else the group prior) and its sd."""
    e, sd = _finite(row.get("elasticity")), _finite(row.get("elasticity_sd"))
    if e is None:
        e, sd = _finite(row.get("prior_elasticity")), _finite(row.get("prior_sd"))
    return (e if e is not None else math.nan), (sd if sd is not None else 0.0)
