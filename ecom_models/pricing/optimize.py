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
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from .response import N_DRAWS, prepare_response, select_estimates, units_at
from .scenario import PRICE_ENDINGS, RECOMMENDABLE_CONFIDENCE, PriceConstraints

MAX_CANDIDATES = 2_001
_EDGE_PROBE = 0.02  # look 2 % beyond a bound to see whether the optimum lies outside it


@dataclass(frozen=True)
class PriceRecommendation:
    """The best allowed price for one SKU (amounts per period, shop currency).

    ``recommendation`` is None when the data cannot support one; ``reason`` says why, or
    summarises the recommendation. ``at_edge``: ``"upper limit"``, ``"lower limit"``,
    ``"minimum margin"`` when the optimum sits on that bound (the model would go further),
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
    reason: str


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
               unit_costs=None, *, n_draws: int = N_DRAWS, seed: int = 0) -> PriceRecommendation:
    """The price that maximises expected profit (or revenue) for ``sku`` within the rules.

    ``estimates``: :attr:`ElasticityEstimator.estimates_`; ``unit_costs``: sku -> unit
    cost (mapping or Series), falling back to ``constraints.assumed_margin_pct``.
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

    def refuse(why: str, n_candidates: int = 0) -> PriceRecommendation:
        return PriceRecommendation(**info, recommendation=None, price_change_pct=None,
                                   expected_objective_current=None, expected_objective_recommended=None,
                                   prob_beats_current=None, units_recommended=None, at_edge=None,
                                   n_candidates=n_candidates, reason=f"no recommendation: {why}")

    needs_cost = c.objective == "profit" or c.min_margin_pct is not None
    allowed = RECOMMENDABLE_CONFIDENCE[:RECOMMENDABLE_CONFIDENCE.index(c.min_confidence) + 1]
    if row["confidence"] == "not estimable":
        return refuse(f"the elasticity cannot be estimated ({row['reason']})")
    if row["flag"]:
        return refuse(f"the elasticity is flagged {row['flag']} ({row['reason']})")
    if row["confidence"] not in allowed:
        return refuse(f"confidence is {row['confidence']} ({row['reason']})")
    if not (math.isfinite(p0) and p0 > 0 and base > 0):
        return refuse("no recent sales to base a price on")
    if needs_cost and not math.isfinite(cost):
        return refuse("unit cost unknown; give unit costs or an assumed margin")

    low, high = p0 * (1 - c.max_change_pct / 100), p0 * (1 + c.max_change_pct / 100)
    floor = cost / (1 - c.min_margin_pct / 100) if c.min_margin_pct is not None else 0.0
    margin_binds = floor > low
    low = max(low, floor)
    band = f"±{c.max_change_pct:g} % of today's {p0:.2f}"
    if low > high:
        return refuse(f"no price within {band} reaches the {c.min_margin_pct:g} % minimum margin "
                      f"(that needs at least {floor:.2f})")
    prices = candidate_prices(low, high, c.price_ending)
    if prices.size == 0:
        return refuse(f"no price ending in {c.price_ending} lies between {low:.2f} and {high:.2f} "
                      f"({band})")

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
        edge = "upper limit"
    elif best == 0 and mean_at(low * (1 - _EDGE_PROBE)) > expected[best]:
        edge = "minimum margin" if margin_binds else "lower limit"
    prob = float(np.mean(obj_d[best] > obj_now))
    change = 100 * (rec / p0 - 1)
    return PriceRecommendation(
        **info, recommendation=rec, price_change_pct=change, expected_objective_current=float(obj_now),
        expected_objective_recommended=float(expected[best]), prob_beats_current=prob,
        units_recommended=float(units_at(base, p0, rec, resp.elasticity[0])), at_edge=edge,
        n_candidates=int(prices.size), reason=_explain(c, p0, rec, change, expected[best], obj_now, prob, edge))


def _explain(c: PriceConstraints, p0: float, rec: float, change: float, exp_rec: float,
             obj_now: float, prob: float, edge: str | None) -> str:
    if abs(rec - p0) < 0.005:
        text = f"keep today's price {p0:.2f}: no allowed price earns more {c.objective}"
    else:
        text = (f"{rec:.2f} ({change:+.1f} %) gives expected {c.objective} {exp_rec:,.2f} per period "
                f"vs {obj_now:,.2f} today; better than today's price in {100 * prob:.0f} % of the "
                "elasticity draws")
    if edge == "upper limit":
        text += (f"; the optimum sits at the +{c.max_change_pct:g} % limit and the model would go "
                 "higher: raise in steps and watch sales")
    elif edge == "lower limit":
        text += (f"; the optimum sits at the -{c.max_change_pct:g} % limit and the model would go "
                 "lower: cut in steps and watch sales")
    elif edge == "minimum margin":
        text += f"; the {c.min_margin_pct:g} % minimum margin stops a lower price"
    return text


def best_prices(estimates: pd.DataFrame, constraints: PriceConstraints = PriceConstraints(),
                skus: str | Iterable[str] | None = None, category: str | None = None,
                unit_costs=None, *, n_draws: int = N_DRAWS, seed: int = 0) -> pd.DataFrame:
    """:func:`best_price` for several SKUs or a category: one row per SKU, one column per
    :class:`PriceRecommendation` field."""
    rows = select_estimates(estimates, skus, category)
    recs = [asdict(best_price(estimates, s, constraints, unit_costs, n_draws=n_draws, seed=seed))
            for s in rows["sku"]]
    return pd.DataFrame(recs, columns=list(PriceRecommendation.__dataclass_fields__))
