"""Bundle what-if: take-up, cannibalised single sales, and incremental revenue and gross
profit per week with an interval, against not offering the bundle.

Model (all rates per week over the baskets given; one bundle = one unit of each product):

1. Orders that already hold every product of the bundle take it (the most it can
   cannibalise): each one keeps its units but pays the bundle price, so the discount is
   revenue lost.
2. An order that holds only some products S (missing M) completes the bundle more often
   because M becomes cheaper: within the bundle M costs r = (bundle price − Σ_S price) /
   Σ_M price of its usual price. Today a share a_S of the orders with S also hold M (the
   attach rate, n_all / n_S); with constant price elasticity ε (the products' price
   response, revenue-weighted over M) the attach rate becomes a_S · r^ε, so the orders with
   S that add M grow by n_S · a_S · (r^ε − 1) = n_all · (r^ε − 1), at most the orders that
   hold exactly S. Each pays bundle price − Σ_S price more and costs Σ_M unit cost more.
3. The interval comes from simulation: order counts ~ Gamma(count + ½) (Poisson rate, Jeffreys
   prior), attach rates ~ Beta(n_all + ½, n_S − n_all + ½), elasticities ~ Normal(estimate,
   sd) capped at 0 (the pricing model's sd; 0.5 around an assumption). Fixed seed.

Not modelled (said in the notes): new customers drawn by the bundle, orders that buy more
than one bundle, and orders that hold none of the products.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from .baskets import Baskets
from .scenario import BundleResult, BundleScenario, ItemFacts, Range

ASSUMED_SD = 0.5      # spread around an assumed elasticity
MIN_RELATIVE_PRICE = 0.05   # the missing products never count as cheaper than 95 % off


def simulate_bundle(baskets: Baskets, stats: pd.DataFrame, scenario: BundleScenario, *,
                    elasticities: pd.DataFrame | None = None,
                    unit_costs: pd.Series | None = None) -> BundleResult:
    """The bundle's effect (``BundleResult``).

    ``baskets``: the orders the rates come from (one channel, the period chosen);
    ``stats``: ``baskets.item_stats(baskets)``; ``elasticities``: columns ``sku``,
    ``elasticity``, ``elasticity_sd`` (``price_response.item_elasticities``; None or
    missing SKUs = the scenario's assumption); ``unit_costs``: unit cost by SKU (shop
    currency; missing = the assumed margin). Raises ``ValueError`` when a SKU has no orders
    in ``baskets``.
    """
    cols = _columns(stats, scenario)
    k = len(cols)
    weeks = baskets.weeks()
    facts, notes = _facts(stats, cols, scenario, elasticities, unit_costs, weeks)
    price = np.array([f.price for f in facts])
    cost = np.array([f.unit_cost for f in facts])
    list_price = float(price.sum())
    bundle_price = float(scenario.bundle_price) if scenario.bundle_price is not None \
        else list_price * (1 - scenario.discount_pct / 100)

    # orders by which of the bundle's products they hold (bit i = product i)
    held = baskets.present[:, cols].toarray().astype(np.int64)
    mask_counts = np.bincount(held @ (1 << np.arange(k)), minlength=1 << k)
    full = (1 << k) - 1
    n_all = int(mask_counts[full])

    rng = np.random.default_rng(0)
    draws = scenario.draws
    rate = rng.gamma(mask_counts + 0.5, size=(draws, 1 << k)) / weeks      # orders per week
    eps = np.minimum(rng.normal([f.elasticity for f in facts], [f.elasticity_sd for f in facts],
                                size=(draws, k)), 0.0)
    together = rate[:, full]
    discount = list_price - bundle_price
    revenue = -together * discount
    profit = revenue.copy()
    new_total = np.zeros(draws)
    units = together * k
    capped = False
    for size in range(1, k):
        for subset in combinations(range(k), size):
            mask = sum(1 << i for i in subset)
            missing = [i for i in range(k) if i not in subset]
            supersets = [m for m in range(1 << k) if m & mask == mask]
            n_sup = int(mask_counts[supersets].sum())
            attach = rng.beta(n_all + 0.5, max(n_sup - n_all, 0) + 0.5, size=draws)
            sup_rate = rate[:, supersets].sum(axis=1)
            extra_pay = bundle_price - price[list(subset)].sum()
            relative = max(MIN_RELATIVE_PRICE, extra_pay / price[missing].sum())
            weights = price[missing] / price[missing].sum()
            eps_m = eps[:, missing] @ weights
            wanted = sup_rate * attach * np.maximum(relative ** eps_m - 1.0, 0.0)
            new = np.minimum(wanted, rate[:, mask])
            capped |= bool((wanted > rate[:, mask]).mean() > 0.5)
            new_total += new
            revenue += new * extra_pay
            profit += new * (extra_pay - cost[missing].sum())
            units += new * size
    level = scenario.interval_pct

    def summary(values: np.ndarray) -> Range:
        low, mid, high = np.percentile(values, [(100 - level) / 2, 50, (100 + level) / 2])
        return Range(float(mid), float(low), float(high))

    if n_all < 10:
        notes.append(("bundle.note.few_together", {"count": n_all}))
    if capped:
        notes.append(("bundle.note.capped", {}))
    notes += [("bundle.note.takeup_all", {}), ("bundle.note.not_modelled", {})]
    currency = str(stats["currency"].iloc[cols[0]]) if len(stats) else ""
    return BundleResult(
        currency=currency, list_price=list_price, bundle_price=bundle_price,
        discount_pct=100 * discount / list_price if list_price else 0.0, weeks=weeks,
        together_per_week=n_all / weeks, bundles=summary(together + new_total),
        new_bundles=summary(new_total), cannibalised_units=summary(units),
        discount_given=summary(together * discount), revenue=summary(revenue),
        gross_profit=summary(profit), prob_profit_up=float((profit > 0).mean()),
        interval_pct=level, items=tuple(facts), notes=tuple(notes))


def _columns(stats: pd.DataFrame, scenario: BundleScenario) -> list[int]:
    where = {(c, s): i for i, (c, s) in enumerate(zip(stats["channel"].astype(str), stats["sku"].astype(str)))}
    cols = []
    for sku in scenario.skus:
        col = where.get((scenario.channel, sku))
        if col is None or stats["baskets"].iloc[col] <= 0 or not np.isfinite(stats["price"].iloc[col]):
            raise ValueError(f"product {sku!r} has no orders in {scenario.channel!r} in the period chosen")
        cols.append(col)
    return cols


def _facts(stats, cols, scenario, elasticities, unit_costs, weeks) -> tuple[list[ItemFacts], list]:
    known = {}
    if elasticities is not None and len(elasticities):
        for row in elasticities.itertuples(index=False):
            if np.isfinite(row.elasticity) and row.elasticity < 0 and np.isfinite(row.elasticity_sd):
                known[str(row.sku)] = (float(row.elasticity), float(row.elasticity_sd))
    costs = unit_costs if unit_costs is not None else pd.Series(dtype=float)
    facts, assumed_e, assumed_c = [], [], []
    for col in cols:
        row = stats.iloc[col]
        sku, price = str(row["sku"]), float(row["price"])
        cost = costs.get(sku, np.nan) if sku in costs.index else np.nan
        cost_source = "products_table"
        if not np.isfinite(cost):
            cost, cost_source = price * (1 - scenario.assumed_margin_pct / 100), "assumed_margin"
            assumed_c.append(str(row["product_name"]))
        e, sd, source = (*known[sku], "pricing") if sku in known else \
            (scenario.assumed_elasticity, ASSUMED_SD, "assumption")
        if source == "assumption":
            assumed_e.append(str(row["product_name"]))
        facts.append(ItemFacts(sku=sku, name=str(row["product_name"]), price=price, unit_cost=float(cost),
                               cost_source=cost_source, orders_per_week=float(row["baskets"]) / weeks,
                               elasticity=e, elasticity_sd=sd, elasticity_source=source))
    notes = []
    if assumed_e:
        notes.append(("bundle.note.elasticity_assumed",
                      {"value": scenario.assumed_elasticity, "names": ", ".join(assumed_e)}))
    if assumed_c:
        notes.append(("bundle.note.cost_assumed", {"margin": scenario.assumed_margin_pct,
                                                   "names": ", ".join(assumed_c)}))
    return facts, notes
