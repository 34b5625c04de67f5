"""Customer lifetime value over a horizon: BG/NBD purchases × Gamma-Gamma spend, with an
interval, and a hold-out check of the purchase model.

``summary_frame(orders, end)``: one row per customer (channel, customer_id,
customer_group) with ``x`` (repeat orders: orders − 1, distinct days counted once, as in
Fader, Hardie & Lee 2005), ``t_x`` and ``T`` in weeks (last and end minus first order),
``orders``, ``mean_value`` (mean order value).

``customer_value(orders, horizon_weeks)``: CLV_i = E[purchases in the next horizon | x, t_x, T]
(BG/NBD eq. 10) × E[order value | m̄, x] (Gamma-Gamma) — expected revenue, undiscounted
(horizons here are at most two years). The interval: ``draws`` parameter vectors from the
estimates' asymptotic normal distribution on the log scale (inverse Hessian), the CLV
recomputed for each; the 5th and 95th percentiles give a 90 % interval for each customer
and for the total (parameter uncertainty; a single customer's own randomness is larger).

``holdout_check(orders, weeks)``: fit on all but the last ``weeks`` weeks, predict each
customer's orders in those weeks, compare with what happened.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .bgnbd import BetaGeoNBD, expected_purchases, p_alive
from .gamma_gamma import GammaGamma, expected_spend

WEEK = pd.Timedelta(weeks=1)


def summary_frame(orders: pd.DataFrame, end=None) -> pd.DataFrame:
    """See the module docstring. ``end``: the observation end (default: last order)."""
    cols = ["channel", "customer_id", "customer_group", "orders", "x", "t_x", "T", "mean_value"]
    if orders.empty:
        return pd.DataFrame({c: [] for c in cols})
    end = pd.Timestamp(end) if end is not None else orders["ordered_at"].max()
    frame = orders.loc[orders["ordered_at"] <= end].assign(day=lambda f: f["ordered_at"].dt.normalize())
    g = frame.groupby(["channel", "customer_id"], sort=False)
    out = pd.DataFrame({"customer_group": g["customer_group"].first(), "orders": g["order_id"].size(),
                        "days": g["day"].nunique(), "first": g["day"].min(), "last": g["day"].max(),
                        "mean_value": g["value"].mean()}).reset_index()
    out["x"] = (out["days"] - 1).astype(float)
    out["t_x"] = (out["last"] - out["first"]) / WEEK
    out["T"] = (end.normalize() - out["first"]) / WEEK
    return out[cols]


@dataclass(frozen=True)
class ValueResult:
    """``customers``: summary_frame + ``p_alive``, ``purchases`` (expected in the horizon),
    ``spend`` (expected order value), ``clv``, ``clv_low``, ``clv_high`` (90 %);
    ``total``/``total_low``/``total_high``; the fitted models; ``horizon_weeks``."""

    customers: pd.DataFrame
    total: float
    total_low: float
    total_high: float
    purchases: BetaGeoNBD
    spend: GammaGamma
    horizon_weeks: float


def customer_value(orders: pd.DataFrame, horizon_weeks: float = 52.0, draws: int = 200, seed: int = 0) -> ValueResult:
    """See the module docstring. Raises ValueError with too few customers (< 20)."""
    table = summary_frame(orders)
    table = table.loc[table["T"] > 0].reset_index(drop=True)   # a customer from the last day tells nothing yet
    if len(table) < 20:
        raise ValueError("too_few_customers")
    bg = BetaGeoNBD(penalizer=0.0).fit(table["x"], table["t_x"], table["T"])
    gg = GammaGamma().fit(table["mean_value"], table["orders"])
    x, t_x, T = (table[c].to_numpy(float) for c in ("x", "t_x", "T"))
    m, n = table["mean_value"].to_numpy(float), table["orders"].to_numpy(float)
    bgp, ggp = tuple(bg.params_.values()), tuple(gg.params_.values())
    purchases = expected_purchases(bgp, horizon_weeks, x, t_x, T)
    spend = expected_spend(ggp, m, n)
    clv = purchases * spend
    rng = np.random.default_rng(seed)
    sims = np.empty((draws, len(table)))
    bg_draws = _draws(bg.theta_, bg.cov_, draws, rng)
    gg_draws = _draws(gg.theta_, gg.cov_, draws, rng)
    with np.errstate(all="ignore"):   # draws far out in a flat direction may not evaluate
        for k in range(draws):
            sims[k] = (expected_purchases(bg_draws[k], horizon_weeks, x, t_x, T)
                       * expected_spend(gg_draws[k], m, n))
    usable = np.isfinite(sims).all(axis=1)
    if usable.mean() >= MIN_USABLE_DRAWS:
        sims = sims[usable]
        low, high = np.percentile(sims, 5, axis=0), np.percentile(sims, 95, axis=0)
        totals = sims.sum(axis=1)
        total_low, total_high = float(np.percentile(totals, 5)), float(np.percentile(totals, 95))
    else:   # the data cannot pin the model down: no range rather than a made-up one
        low = high = np.full(len(table), np.nan)
        total_low = total_high = float("nan")
    out = table.assign(p_alive=p_alive(bgp, x, t_x, T), purchases=purchases, spend=spend, clv=clv,
                       clv_low=low, clv_high=high)
    return ValueResult(out.sort_values("clv", ascending=False, kind="mergesort").reset_index(drop=True),
                       float(clv.sum()), total_low, total_high, bg, gg, float(horizon_weeks))


# Share of parameter draws whose predictions must be finite for a 90 % range to be given.
MIN_USABLE_DRAWS = 0.9
# Log-parameter draws are kept within ± this of the estimate: exp() of more overflows, and a
# draw that far out says only that the direction is flat.
MAX_LOG_STEP = 30.0


def _draws(theta, cov, n, rng) -> np.ndarray:
    """``n`` parameter draws from the normal approximation of the log-parameters' posterior
    (estimate ``theta``, inverse Hessian ``cov``), back on the parameter scale."""
    if not np.all(np.isfinite(cov)):
        return np.tile(np.exp(theta), (n, 1))
    # a fit at the edge of the space (e.g. almost no drop-out, a → 0) can leave the inverse
    # Hessian slightly indefinite: sample along its eigenvectors with negative variances at 0
    values, vectors = np.linalg.eigh((cov + cov.T) / 2)
    scale = vectors * np.sqrt(np.clip(values, 0.0, None))
    step = np.clip(rng.standard_normal((n, len(theta))) @ scale.T, -MAX_LOG_STEP, MAX_LOG_STEP)
    return np.exp(theta + step)


def by_group(result: ValueResult, draws: int = 200) -> pd.DataFrame:
    """CLV summed per customer group: ``group``, ``customers``, ``clv``, ``per_customer``."""
    c = result.customers.assign(group=result.customers["customer_group"].fillna("–"))
    g = c.groupby("group", sort=True)
    out = pd.DataFrame({"customers": g.size(), "clv": g["clv"].sum(), "clv_low": g["clv_low"].sum(),
                        "clv_high": g["clv_high"].sum()}).reset_index()
    out["per_customer"] = out["clv"] / out["customers"]
    return out


def holdout_check(orders: pd.DataFrame, weeks: int = 26) -> dict | None:
    """Fit on the orders up to ``weeks`` weeks before the end; ``predicted`` and ``actual``
    repeat orders (distinct days) of those customers in the hold-out weeks, and per number of
    repeat orders in calibration (0, 1, 2, 3, 4, 5+) ``by_frequency``. None when too short."""
    if orders.empty:
        return None
    end = orders["ordered_at"].max().normalize()
    cut = end - pd.Timedelta(weeks=weeks)
    if orders["ordered_at"].min() > cut - pd.Timedelta(weeks=weeks):
        return None
    cal = summary_frame(orders.loc[orders["ordered_at"] < cut], cut - pd.Timedelta(days=1))
    cal = cal.loc[cal["T"] > 0]
    if len(cal) < 20:
        return None
    bg = BetaGeoNBD().fit(cal["x"], cal["t_x"], cal["T"])
    later = orders.loc[orders["ordered_at"] >= cut].assign(day=lambda f: f["ordered_at"].dt.normalize())
    actual = later.groupby(["channel", "customer_id"])["day"].nunique()
    key = pd.MultiIndex.from_arrays([cal["channel"], cal["customer_id"]])
    cal = cal.assign(actual=actual.reindex(key).fillna(0).to_numpy(),
                     predicted=expected_purchases(tuple(bg.params_.values()), weeks, cal["x"], cal["t_x"], cal["T"]))
    bins = cal["x"].clip(upper=5).astype(int)
    freq = cal.groupby(bins).agg(customers=("x", "size"), predicted=("predicted", "mean"), actual=("actual", "mean"))
    return {"weeks": weeks, "cut": cut, "customers": int(len(cal)), "predicted": float(cal["predicted"].sum()),
            "actual": float(cal["actual"].sum()), "by_frequency": freq.reset_index(names="x"),
            "params": bg.params_}
