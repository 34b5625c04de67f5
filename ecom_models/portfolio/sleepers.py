"""Best-sellers and sleepers, and what to do about a sleeper.

A *sleeper* is a product that is in stock (or, without a stock export, was sold in the
window) and hardly moves. Its reasons (message codes ``portfolio.reason.*``):

- ``idle``: no sale for at least ``idle_days`` days (or never sold while in stock);
- ``declining``: class C and net units in the last ``trend_weeks`` weeks at least
  ``decline_pct`` % below the ``trend_weeks`` weeks before;
- ``slow_cover``: not class A and the stock lasts at least ``cover_weeks`` weeks at the
  recent rate, cover = stock / (units_recent / trend_weeks).

The suggested action (``portfolio.action.*``), with its evidence as parameters:

1. ``reduce_price`` when the pricing model's own estimate says demand is elastic
   (elasticity < −1 and its 90 % interval below 0): a 10 % cut changes units by about
   0.9^e − 1 (constant-elasticity demand, ``ecom_models.pricing``);
2. else ``bundle`` with the product most often in the same orders (a frequent partner:
   at least ``min_together`` orders together and lift ≥ ``min_lift``, lift = n_ab · N / (n_a · n_b));
3. else ``delist``: stop reordering and clear the stock.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .summary import product_lines

PRICE_CUT_PCT = 10.0


def best_sellers(classified: pd.DataFrame, n: int = 10, trend_weeks: int = 13) -> pd.DataFrame:
    """The ``n`` products with the largest revenue in the window, with ``cover_weeks``."""
    top = classified.loc[classified["revenue"] > 0].nlargest(n, "revenue").copy()
    return _with_cover(top, trend_weeks).reset_index(drop=True)


def _with_cover(frame: pd.DataFrame, trend_weeks: int) -> pd.DataFrame:
    rate = frame["units_recent"].clip(lower=0) / trend_weeks
    with np.errstate(divide="ignore", invalid="ignore"):
        cover = np.where(rate > 0, frame["stock"] / rate.where(rate > 0, 1.0), np.inf)
    frame["cover_weeks"] = np.where(frame["stock"].notna() & (frame["stock"] > 0), cover, np.nan)
    return frame


def partners(lines: pd.DataFrame, targets: pd.DataFrame, exclude=(), min_together: int = 5, min_lift: float = 1.2) -> pd.DataFrame:
    """Per target (channel, sku): the product most often bought in the same orders (not in
    ``exclude``, a set of (channel, sku)), with ``together`` (orders with both) and
    ``lift``; only partners with ``together ≥ min_together`` and lift ≥ ``min_lift``."""
    cols = ["channel", "sku", "partner_sku", "partner_name", "together", "lift"]
    pl = product_lines(lines)
    pl = pl.loc[pl["quantity"] > 0, ["channel", "order_id", "sku", "product_name"]].drop_duplicates(
        ["channel", "order_id", "sku"])
    if pl.empty or targets.empty:
        return pd.DataFrame({c: [] for c in cols})
    n_orders = pl[["channel", "order_id"]].drop_duplicates().shape[0]
    n_item = pl.groupby(["channel", "sku"]).size()
    want = targets[["channel", "sku"]].astype(str).drop_duplicates()
    mine = pl.merge(want, on=["channel", "sku"])[["channel", "order_id", "sku"]]
    pairs = mine.merge(pl.rename(columns={"sku": "partner_sku", "product_name": "partner_name"}),
                       on=["channel", "order_id"])
    pairs = pairs.loc[pairs["sku"] != pairs["partner_sku"]]
    if len(exclude):
        bad = pd.MultiIndex.from_tuples(list(exclude))
        pairs = pairs.loc[~pd.MultiIndex.from_arrays([pairs["channel"], pairs["partner_sku"]]).isin(bad)]
    if pairs.empty:
        return pd.DataFrame({c: [] for c in cols})
    counts = pairs.groupby(["channel", "sku", "partner_sku"]).agg(
        together=("order_id", "size"), partner_name=("partner_name", "first")).reset_index()
    n_a = n_item.reindex(pd.MultiIndex.from_arrays([counts["channel"], counts["sku"]])).to_numpy()
    n_b = n_item.reindex(pd.MultiIndex.from_arrays([counts["channel"], counts["partner_sku"]])).to_numpy()
    counts["lift"] = counts["together"] * n_orders / (n_a * n_b)
    counts = counts.loc[(counts["together"] >= min_together) & (counts["lift"] >= min_lift)]
    counts = counts.sort_values(["together", "lift", "partner_sku"], ascending=[False, False, True],
                                kind="mergesort")
    return counts.groupby(["channel", "sku"], sort=False).head(1)[cols].reset_index(drop=True)


def sleepers(classified: pd.DataFrame, lines: pd.DataFrame, *, idle_days: int = 60, decline_pct: float = 50.0,
             cover_weeks: float = 26.0, trend_weeks: int = 13, elasticities: pd.DataFrame | None = None,
             min_together: int = 5, min_lift: float = 1.2) -> pd.DataFrame:
    """Sleepers among ``classified`` (``abcxyz`` output) with ``reasons`` (list of codes),
    ``cover_weeks``, ``action`` (code), ``action_params`` (dict) and ``partner_sku``;
    sorted by days without a sale, then by stock value."""
    frame = _with_cover(classified.copy(), trend_weeks)
    stock = frame["stock"]
    candidate = (stock.isna() | (stock > 0)).to_numpy()
    idle = (frame["days_since_sale"].fillna(np.inf) >= idle_days).to_numpy()
    declining = ((frame["abc"] == "C") & (frame["trend_pct"] <= -decline_pct)).fillna(False).to_numpy()
    slow = ((frame["abc"] != "A") & (frame["cover_weeks"] >= cover_weeks)).fillna(False).to_numpy()
    hit = candidate & (idle | declining | slow)
    out = frame.loc[hit].copy()
    out["reasons"] = [[code for code, on in (("idle", i), ("declining", d), ("slow_cover", s)) if on]
                      for i, d, s in zip(idle[hit], declining[hit], slow[hit])]
    sleeping = set(zip(out["channel"].astype(str), out["sku"].astype(str)))
    found = partners(lines, out, exclude=sleeping, min_together=min_together, min_lift=min_lift).set_index(["channel", "sku"])
    own = _own_elasticities(elasticities)
    actions, params, partner = [], [], []
    for row in out.itertuples(index=False):
        key = (str(row.channel), str(row.sku))
        e = own.get(key[1])
        if e is not None and e[0] < -1 and e[2] < 0:
            change = (1 - PRICE_CUT_PCT / 100) ** e[0] - 1
            actions.append("reduce_price")
            params.append({"cut": PRICE_CUT_PCT, "elasticity": e[0], "low": e[1], "high": e[2],
                           "units_pct": 100 * change})
            partner.append(None)
        elif key in found.index:
            p = found.loc[key]
            actions.append("bundle")
            params.append({"partner": str(p["partner_sku"]), "partner_name": str(p["partner_name"]),
                           "together": int(p["together"]), "lift": float(p["lift"])})
            partner.append(str(p["partner_sku"]))
        else:
            actions.append("delist")
            stock_units = None if pd.isna(row.stock) else float(row.stock)
            value = (None if stock_units is None or pd.isna(row.unit_cost) else stock_units * float(row.unit_cost))
            params.append({"stock": stock_units, "stock_value": value,
                           "days": None if pd.isna(row.days_since_sale) else int(row.days_since_sale)})
            partner.append(None)
    out["action"], out["action_params"], out["partner_sku"] = actions, params, partner
    value = (out["stock"].fillna(0) * out["unit_cost"].fillna(0))
    out = out.assign(_idle=out["days_since_sale"].fillna(1e9), _value=value)
    out = out.sort_values(["_idle", "_value", "sku"], ascending=[False, False, True], kind="mergesort")
    return out.drop(columns=["_idle", "_value"]).reset_index(drop=True)


def _own_elasticities(table: pd.DataFrame | None) -> dict:
    """SKU → (elasticity, ci_low, ci_high) of products with their own estimate."""
    if table is None or table.empty:
        return {}
    known = table.dropna(subset=["elasticity", "ci_low", "ci_high"])
    return {str(r.sku): (float(r.elasticity), float(r.ci_low), float(r.ci_high))
            for r in known.itertuples(index=False)}
