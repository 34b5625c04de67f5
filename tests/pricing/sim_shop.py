"""A simulated shop shaped like a real one, with planted per-SKU price elasticities.

What it plants (all per week, 104 weeks from Monday 2022-01-03):

* **Standard tier** (registered end customers, group ``EK``): units ~ negative binomial
  with mean ``level · (list_price/base)^e · exp(trend·years + season + promo)`` and
  dispersion ``k = 4`` (variance ``mu + mu²/4``: overdispersed like real sales), split
  into orders of 1–2 units at the catalogue price.
* **Catalogue price**: 0–4 changes per SKU at random weeks, levels 0.8–1.25 × base, the
  new price ending in .99; a third of the SKUs never change price.
* **Quantity-break tier**: registered customers buying 24–96 units at 15 % off the
  catalogue price, in about 30 % of weeks, independent of the price (the weekly
  wholesale shock that made the average price move with volume).
* **Trader tier** (group ``H``): waves of orders of 6/12/24 at 20 % below the catalogue.
* **Guests** (no customer id): 10 % extra buyers at 1.9 × the catalogue price.
* **Slow movers**: a quarter of the SKUs sell 0.5–1 unit a week (many zero weeks).
* **Season**: shared ``0.30·sin + 0.15·cos`` plus a category wave of amplitude 0.2 with a
  category-specific phase; per-SKU trends ±0.15 a year.
* **Promotions**: 4 shop-wide weeks with demand × exp(0.25), every order gets a voucher
  line (``GUTSCHEIN10``, −10 % of its goods, a non-product line).
* **Returns**: 4 % of standard units come back 1–3 weeks later (negative quantity).
* **Stock-out**: two fast SKUs sell nothing in their last 6 weeks, stock 0 at export.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

START = pd.Timestamp("2022-01-03")
N_WEEKS = 104
PROMO_WEEKS = (14, 46, 66, 98)
CATEGORIES = ("garden", "kitchen", "toys")


def _price_path(rng, n_weeks: int, base: float, n_changes: int) -> np.ndarray:
    path = np.full(n_weeks, base)
    if n_changes:
        weeks = np.sort(rng.choice(np.arange(8, n_weeks - 8), n_changes, replace=False))
        level = base
        for w in weeks:
            choices = [m for m in (0.8, 0.88, 0.95, 1.08, 1.15, 1.25) if abs(base * m - level) > 0.02 * base]
            level = float(np.floor(base * rng.choice(choices)) + 0.99)
            path[w:] = level
    return path


def simulate_shop(seed: int = 0, n_skus: int = 120, trader_elasticity: float | None = None,
                  trader_orders: float = 3.0) -> dict:
    """Order lines, products and the truth (one row per SKU: ``sku``, ``elasticity``,
    ``n_changes``, ``slow``, ``category``).

    ``trader_elasticity`` (default None: the trader waves above, independent of the price):
    traders respond to their own catalogue price (20 % below the standard one, so it moves
    with it) with this elasticity: per week a Poisson number of orders with mean
    ``trader_orders · (price/base)^trader_elasticity · exp(season + 0.25·promo)`` (the
    standard tier's season and promotion), each of 6/12/24 units. The truth then has a
    ``trader_elasticity`` column. With the default the data are unchanged."""
    rng = np.random.default_rng(seed)
    weeks = np.arange(N_WEEKS)
    week_start = START + pd.to_timedelta(7 * weeks, unit="D")
    day_mid = (week_start - pd.Timestamp("1970-01-01")).days.to_numpy() + 3.5
    angle = 2 * np.pi * day_mid / 365.25
    years = weeks / 52.18
    promo = np.isin(weeks, PROMO_WEEKS)
    cat_phase = {c: rng.uniform(0, 2 * np.pi) for c in CATEGORIES}
    rows, truth, products = [], [], []
    order_no = 0
    for i in range(n_skus):
        sku = f"S{i:03d}"
        cat = CATEGORIES[i % 3]
        e = float(rng.uniform(-3.0, -0.8))
        slow = i % 4 == 3
        level = rng.uniform(0.5, 1.0) if slow else rng.uniform(6, 40)
        base = float(np.floor(rng.uniform(5, 60)) + 0.99)
        n_changes = int(rng.choice([0, 1, 2, 3, 4], p=[0.3, 0.15, 0.2, 0.2, 0.15]))
        price = _price_path(rng, N_WEEKS, base, n_changes)
        trend = rng.uniform(-0.15, 0.15)
        season = 0.30 * np.sin(angle) + 0.15 * np.cos(angle) + 0.2 * np.sin(angle + cat_phase[cat])
        mu = level * (price / base) ** e * np.exp(trend * years + season + 0.25 * promo)
        units = rng.negative_binomial(4, 4 / (4 + mu))
        stockout = i in (0, 4)
        if stockout:
            units[-6:] = 0
        truth.append({"sku": sku, "elasticity": e, "n_changes": n_changes, "slow": slow, "category": cat,
                      **({} if trader_elasticity is None else {"trader_elasticity": trader_elasticity})})
        products.append({"sku": sku, "stock": 0.0 if stockout else 25.0, "unit_cost": round(base * 0.55, 2)})
        for w in np.flatnonzero(units):
            left = int(units[w])
            while left > 0:
                q = min(left, int(rng.integers(1, 3)))
                rows.append((order_no, w, sku, cat, q, price[w], "c%d" % rng.integers(2000), "EK"))
                order_no += 1
                left -= q
            back = rng.binomial(units[w], 0.04)
            if back and w + 3 < N_WEEKS:
                rows.append((order_no, w + int(rng.integers(1, 4)), sku, cat, -back, price[w], "c1", "EK"))
                order_no += 1
        for w in np.flatnonzero(rng.random(N_WEEKS) < 0.3):         # quantity-break shock
            rows.append((order_no, w, sku, cat, int(rng.choice([24, 48, 96])), round(price[w] * 0.85, 2),
                         "c%d" % rng.integers(2000), "EK"))
            order_no += 1
        if trader_elasticity is None:
            for w in np.flatnonzero(rng.random(N_WEEKS) < (0.25 + 0.2 * np.sin(weeks / 5))):   # trader waves
                rows.append((order_no, w, sku, cat, int(rng.choice([6, 12, 24])), round(price[w] * 0.8, 2),
                             "t%d" % rng.integers(50), "H"))
                order_no += 1
        else:                                                        # traders with their own response
            mu_t = trader_orders * (price / base) ** trader_elasticity * np.exp(season + 0.25 * promo)
            for w, k in zip(weeks, rng.poisson(mu_t)):
                for _ in range(int(k)):
                    rows.append((order_no, w, sku, cat, int(rng.choice([6, 12, 24])), round(price[w] * 0.8, 2),
                                 "t%d" % rng.integers(50), "H"))
                    order_no += 1
        for w in np.flatnonzero(rng.random(N_WEEKS) < min(0.1 * level, 0.9)):              # guests
            rows.append((order_no, w, sku, cat, 1, round(price[w] * 1.9, 2), None, None))
            order_no += 1
    lines = pd.DataFrame(rows, columns=["order_id", "week", "sku", "category", "quantity", "unit_price",
                                        "customer_id", "customer_group"])
    lines["ordered_at"] = (START + pd.to_timedelta(7 * lines["week"] + 2, unit="D")).astype("datetime64[ns]")
    lines["is_return"] = lines["quantity"] < 0
    lines["is_product"] = True
    lines["order_id"] = lines["order_id"].astype(str)
    # vouchers: -10 % of each order's goods in promotion weeks
    in_promo = lines[np.isin(lines["week"], PROMO_WEEKS) & (lines["quantity"] > 0)]
    vouchers = pd.DataFrame({
        "order_id": in_promo["order_id"].to_numpy(), "week": in_promo["week"].to_numpy(), "sku": "GUTSCHEIN10",
        "category": None, "quantity": 1.0,
        "unit_price": -0.1 * in_promo["quantity"].to_numpy() * in_promo["unit_price"].to_numpy(),
        "customer_id": in_promo["customer_id"].to_numpy(), "customer_group": in_promo["customer_group"].to_numpy(),
        "ordered_at": in_promo["ordered_at"].to_numpy(), "is_return": False, "is_product": False})
    lines = pd.concat([lines, vouchers], ignore_index=True).drop(columns="week")
    lines["channel"] = "sim"
    lines["quantity"] = lines["quantity"].astype(float)
    for c in ("sku", "category", "customer_id", "customer_group", "channel", "order_id"):
        lines[c] = lines[c].astype("category")
    return {"lines": lines, "products": pd.DataFrame(products), "truth": pd.DataFrame(truth)}
