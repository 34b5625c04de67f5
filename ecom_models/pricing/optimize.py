"""Best price under constraints, with the probability that it beats today's price.

Search: every allowed candidate price is scored by its *expected* objective over the
elasticity draws of :mod:`ecom_models.pricing.response` (the Bayes decision under the
posterior; per period, shop currency):

* profit: ``(p - unit_cost) · units(p)``; revenue: ``p · units(p)``.
* Allowed: within ``±max_change_pct`` of today's price, margin ``(p - cost)/p`` at least
  ``min_margin_pct``, and ending in the chosen price ending (``x.99``, ``x.95``, ``x.90``,
  whole numbers) or on a cent grid (at most ``MAX_CANDIDATES`` prices).

``prob_beats_current`` is the share of draws in which the objective at the recommended
price is strictly higher than at today's price. For reference: with a known elasticity
``e < -1`` the unconstrained profit optimum is ``cost · e / (1 + e)`` (the Lerner rule), and
revenue falls with price when ``e < -1``; with ``-1 < e < 0`` both rise without limit, so
the answer sits at the upper edge of the allowed range, which the result says.

No recommendation (``recommendation is None`` and a ``reason``) when the estimate is not
estimable, flagged, or below ``min_confidence``, when there are no recent sales, when the
unit cost is needed but unknown, or when no price satisfies the constraints.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from ..messages import render
from .response import N_DRAWS, prepare_response, select_estimates, units_at
from .scenario import PRICE_ENDINGS, RECOMMENDABLE_CONFIDENCE, PriceConstraints

MAX_CANDIDATES = 2_001
_EDGE_PROBE = 0.02  # look 2 % beyond a bound to see whether the optimum lies outside it


@dataclass(frozen=True)
class PriceRecommendation:
    """The best allowed price for one SKU (amounts per period, shop currency).

    ``recommendation`` is None when the data cannot support one; ``reason_code`` /
    ``reason_params`` say why (code ``"no_recommendation"`` with the cause in ``why``), or
    summarise the recommendation, as message codes (``ecom_models.messages``);
    ``reason`` is their English wording. ``at_edge``: ``"upper_limit"``, ``"lower_limit"``,
    ``"minimum_margin"`` when the optimum sits on that bound (the model would go further),
    else None. ``expected_objective_*``: mean over the elasticity draws.
    """

    sku: str
    objective: str
    current_price: float
    recommendation: float | None
    price_change_pct: float | None
    expected_objective_current: float | None
    expected_objective_recommended: float | None
    prob_beats_current: float | None
    units_current: float
    units_recommended: float | None
    unit_cost: float | None
    cost_source: str
    elasticity: float | None
    confidence: str
    at_edge: str | None
    n_candidates: int
    reason_code: str
    reason_params: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The reason in English (the CLI's wording)."""
        return render(self.reason_code, self.reason_params, cli=True)


def candidate_prices(low: float, high: float, ending: str | None) -> np.ndarray:
    """Allowed prices in ``[low, high]`` with the given ending (sorted, shop currency)."""
    if high < low:
        return np.zeros(0)
    if ending is None:
        cents = np.arange(math.ceil(low * 100 - 1e-9), math.floor(high * 100 + 1e-9) + 1)
        if cents.size > MAX_CANDIDATES:
            cents = np.unique(np.round(np.linspace(cents[0], cents[-1], MAX_CANDIDATES)))
        return cents / 100.0
    frac = PRICE_ENDINGS[ending]
    whole = np.arange(math.floor(low) - 1, math.floor(high) + 1)
    prices = np.round(whole + frac, 2)
    return prices[(prices >= low - 1e-9) & (prices <= high + 1e-9) & (prices > 0)]


def _objective(constraints: PriceConstraints, price, cost, units):
    return (price - cost) * units if constraints.objective == "profit" else price * units


def best_price(estimates: pd.DataFrame, sku: str, constraints: PriceConstraints = PriceConstraints(),
               unit_costs=None, *, n_draws: int = N_DRAWS, seed: int = 0,
               price_range: tuple[float, float] | None = None) -> PriceRecommendation:
    """The price that maximises expected profit (or revenue) for ``sku`` within the rules.

    ``estimates``: :attr:`ElasticityEstimator.estimates_`; ``unit_costs``: sku -> unit
    cost (mapping or Series), falling back to ``constraints.assumed_margin_pct``;
    ``price_range``: (lowest, highest) price allowed besides the rules, e.g. the prices the
    product has sold at (``decision.decide_price``).
    """
    rows = select_estimates(estimates, sku)
    row = rows.iloc[0]
    resp = prepare_response(rows, unit_costs, constraints.assumed_margin_pct, n_draws=n_draws, seed=seed)
    p0, base = float(row["current_price"]), float(row["baseline_units"])
    cost = float(resp.unit_cost[0])
    c = constraints
    info = dict(sku=str(row["sku"]), objective=c.objective, current_price=p0, units_current=base,
                unit_cost=cost if math.isfinite(cost) else None, cost_source=str(resp.cost_source[0]),
                elasticity=float(row["elasticity"]) if math.isfinite(row["elasticity"]) else None,
                confidence=str(row["confidence"]))

    def refuse(code: str, params: dict | None = None, n_candidates: int = 0) -> PriceRecommendation:
        return PriceRecommendation(**info, recommendation=None, price_change_pct=None,
                                   expected_objective_current=None, expected_objective_recommended=None,
                                   prob_beats_current=None, units_recommended=None, at_edge=None,
                                   n_candidates=n_candidates, reason_code="no_recommendation",
                                   reason_params={"why": {"code": code, "params": params or {}}})

    given = row["reason_params"]
    reason = {"code": str(row["reason_code"]), "params": dict(given) if isinstance(given, dict) else {}}

    needs_cost = c.objective == "profit" or c.min_margin_pct is not None
    allowed = RECOMMENDABLE_CONFIDENCE[:RECOMMENDABLE_CONFIDENCE.index(c.min_confidence) + 1]
    if row["confidence"] == "not estimable":
        return refuse("cannot_estimate", {"reason": reason})
    if row["flag"]:
        return refuse("flagged", {"flag": {"code": f"flag.{row['flag']}"}, "reason": reason})
    if row["confidence"] not in allowed:
        return refuse("confidence_too_low", {"confidence": {"code": f"confidence.{row['confidence']}"},
                                             "reason": reason})
    if not (math.isfinite(p0) and p0 > 0 and base > 0):
        return refuse("no_recent_sales")
    if needs_cost and not math.isfinite(cost):
        return refuse("cost_unknown")

    low, high = p0 * (1 - c.max_change_pct / 100), p0 * (1 + c.max_change_pct / 100)
    seen_low = seen_high = False
    if price_range is not None:
        seen_low, seen_high = min(price_range[0], p0) > low, max(price_range[1], p0) < high
        low, high = max(low, min(price_range[0], p0)), min(high, max(price_range[1], p0))
    floor = cost / (1 - c.min_margin_pct / 100) if c.min_margin_pct is not None else 0.0
    margin_binds = floor > low
    low = max(low, floor)
    band = {"max_change": c.max_change_pct, "price": p0}
    if low > high:
        return refuse("margin_unreachable", {**band, "min_margin": c.min_margin_pct, "floor": floor})
    prices = candidate_prices(low, high, c.price_ending)
    if prices.size == 0:
        return refuse("no_price_with_ending", {**band, "ending": c.price_ending, "low": low, "high": high})

    draws = resp.draws[0]
    obj_d = _objective(c, prices[:, None], cost, units_at(base, p0, prices[:, None], draws[None, :]))
    obj_now = _objective(c, p0, cost, base)  # today's units are the baseline in every draw
    expected = obj_d.mean(axis=1)
    best = int(np.argmax(expected))
    rec = float(prices[best])

    def mean_at(price: float) -> float:
        return float(_objective(c, price, cost, units_at(base, p0, price, draws)).mean())

    edge = None
    if best == prices.size - 1 and mean_at(high * (1 + _EDGE_PROBE)) > expected[best]:
        edge = "highest_tried" if seen_high else "upper_limit"
    elif best == 0 and mean_at(low * (1 - _EDGE_PROBE)) > expected[best]:
        edge = "minimum_margin" if margin_binds else "lowest_tried" if seen_low else "lower_limit"
    prob = float(np.mean(obj_d[best] > obj_now))
    change = 100 * (rec / p0 - 1)
    return PriceRecommendation(
        **info, recommendation=rec, price_change_pct=change, expected_objective_current=float(obj_now),
        expected_objective_recommended=float(expected[best]), prob_beats_current=prob,
        units_recommended=float(units_at(base, p0, rec, resp.elasticity[0])), at_edge=edge,
        n_candidates=int(prices.size),
        **dict(zip(("reason_code", "reason_params"), _explain(c, p0, rec, change, expected[best], obj_now,
                                                              prob, edge))))


def _explain(c: PriceConstraints, p0: float, rec: float, change: float, exp_rec: float,
             obj_now: float, prob: float, edge: str | None) -> tuple[str, dict]:
    """The recommendation summarised as ``(code, params)``."""
    params = {"price": p0, "new_price": rec, "change": change, "expected": exp_rec, "today": obj_now,
              "prob": 100 * prob, "goal": {"code": f"goal.{c.objective}"},
              "max_change": c.max_change_pct, "min_margin": c.min_margin_pct}
    code = "keep_price" if abs(rec - p0) < 0.005 else "recommend"
    if edge is not None:
        code += f";at_{edge}"
    return code, params


def best_prices(estimates: pd.DataFrame, constraints: PriceConstraints = PriceConstraints(),
                skus: str | Iterable[str] | None = None, category: str | None = None,
                unit_costs=None, *, n_draws: int = N_DRAWS, seed: int = 0) -> pd.DataFrame:
    """:func:`best_price` for several SKUs or a category: one row per SKU, one column per
    :class:`PriceRecommendation` field."""
    rows = select_estimates(estimates, skus, category)
    recs = [asdict(best_price(estimates, s, constraints, unit_costs, n_draws=n_draws, seed=seed))
            for s in rows["sku"]]
    return pd.DataFrame(recs, columns=list(PriceRecommendation.__dataclass_fields__))
