"""Price test plan: which products, which weeks, and how long until the answer is clear.

Design: a **switchback** test. The catalogue price alternates week by week between today's
price (arm A) and the test price (arm B, ``change_pct`` away), for ``2n`` weeks, skipping
promotion weeks; alternating weeks share the season, so the comparison of the two arms
is not confounded by it.

How long (the stated formula). Under elasticity ``e`` the weekly units of arm B are
``mu_B = mu_A · (1 + c)^e``, so the log ratio of the arms is ``e · log(1 + c)``. Two
candidate elasticities ``e1`` and ``e2`` (default −1.5 and −2.5) differ in that log ratio
by ``delta = |e1 − e2| · |log(1 + c)|``. The log ratio of two Poisson means estimated from
``n`` weeks per arm has variance ``phi · (1/(n mu_A) + 1/(n mu_B))`` (delta method; the
two-sample Poisson rate comparison of Gu, Ng, Tang & Schucany 2008, *Biometrical Journal*
50:283–298), inflated by the overdispersion ``phi`` (quasi-Poisson, McCullagh & Nelder
1989 §6.2). Telling ``e1`` from ``e2`` with a two-sided test at level ``alpha`` and power
``power`` therefore takes::

    n = (z_{1-alpha/2} + z_{power})² · phi · (1/mu_A + 1/mu_B) / delta²    weeks per arm

with ``mu_B`` at the midpoint elasticity. Testing several products together (one shared
elasticity) adds their weekly units: ``mu`` is the sum.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import ndtri

DEFAULT_DISPERSION = 1.5  # when a product has no fit of its own (weekly sales are overdispersed)


@dataclass(frozen=True)
class TestPlan:
    """Result of :func:`price_test_plan`.

    ``per_sku``: ``sku``, ``current_price``, ``test_price``, ``weekly_units`` (arm A),
    ``dispersion``, ``weeks_per_arm``, ``weeks_total`` (``2n``), ``feasible`` (fits within
    ``max_weeks``). ``together_weeks_per_arm``: the same for all products tested together.
    ``schedule``: ``week_start`` (Monday) and ``arm`` (``"today"``/``"test"``) for the
    together plan (or the shortest single plan), promotion weeks skipped.
    ``change_pct``, ``elasticities``, ``alpha``, ``power``: the inputs.
    """

    per_sku: pd.DataFrame
    together_weeks_per_arm: int | None
    schedule: pd.DataFrame
    change_pct: float
    elasticities: tuple[float, float]
    alpha: float
    power: float
    __test__ = False  # not a pytest test class



def weeks_per_arm(weekly_units: float, change_pct: float, e1: float = -1.5, e2: float = -2.5, *,
                  dispersion: float = 1.0, alpha: float = 0.10, power: float = 0.80) -> float:
    """Weeks per arm (``n`` of the module formula; inf without sales)."""
    if not weekly_units > 0 or change_pct == 0 or e1 == e2:
        return math.inf
    lr = math.log1p(change_pct / 100)
    mu_b = weekly_units * math.exp(0.5 * (e1 + e2) * lr)
    delta = abs(e1 - e2) * abs(lr)
    z = float(ndtri(1 - alpha / 2) + ndtri(power))
    return z * z * dispersion * (1 / weekly_units + 1 / mu_b) / (delta * delta)


def default_test_skus(estimates: pd.DataFrame, n: int = 10) -> list[str]:
    """Products worth a test: no trustworthy own estimate (never changed price, or low
    confidence), with recent sales; by weekly revenue at today's price."""
    weak = estimates["confidence"].isin(["not estimable", "low"]) & (estimates["baseline_units"] > 0)
    ranked = estimates[weak].assign(_rev=lambda d: d["current_price"] * d["baseline_units"])
    return ranked.sort_values("_rev", ascending=False)["sku"].astype(str).head(n).tolist()


def price_test_plan(estimates: pd.DataFrame, skus: list[str] | None = None, *, change_pct: float = 10.0,
                    elasticities: tuple[float, float] = (-1.5, -2.5), alpha: float = 0.10,
                    power: float = 0.80, max_weeks: int = 26, start: pd.Timestamp | None = None,
                    promo_weeks: pd.DatetimeIndex | None = None) -> TestPlan:
    """A switchback test for ``skus`` (default :func:`default_test_skus`).

    ``estimates``: the count estimator's ``estimates_`` (``baseline_units``, optional
    ``dispersion``); ``start``: first test week (default: the Monday after the last week with
    sales); ``promo_weeks``: past promotion weeks, skipped a year later.
    """
    if not -50 < change_pct < 100 or change_pct == 0:
        raise ValueError("change_pct must be non-zero and between -50 and 100")
    skus = default_test_skus(estimates) if skus is None else list(skus)
    rows = estimates.set_index(estimates["sku"].astype(str)).reindex(skus)
    units = rows["baseline_units"].to_numpy(dtype=float)
    disp = (rows["dispersion"].to_numpy(dtype=float) if "dispersion" in rows.columns
            else np.full(len(rows), np.nan))
    disp = np.where(np.isfinite(disp) & (disp > 0), np.maximum(disp, 1.0), DEFAULT_DISPERSION)
    e1, e2 = elasticities
    n = np.array([weeks_per_arm(u, change_pct, e1, e2, dispersion=d, alpha=alpha, power=power)
                  for u, d in zip(units, disp)])
    n_up = np.where(np.isfinite(n), np.ceil(n), np.nan)
    per_sku = pd.DataFrame({
        "sku": skus, "current_price": rows["current_price"].to_numpy(dtype=float),
        "test_price": rows["current_price"].to_numpy(dtype=float) * (1 + change_pct / 100),
        "weekly_units": units, "dispersion": disp, "weeks_per_arm": n_up, "weeks_total": 2 * n_up,
        "feasible": np.isfinite(n_up) & (2 * np.nan_to_num(n_up, nan=np.inf) <= max_weeks)})
    total_units = float(np.nansum(units))
    phi = float(np.average(disp, weights=np.nan_to_num(units))) if total_units > 0 else DEFAULT_DISPERSION
    together = weeks_per_arm(total_units, change_pct, e1, e2, dispersion=phi, alpha=alpha, power=power)
    together_n = int(math.ceil(together)) if math.isfinite(together) else None
    if start is None:
        last = pd.to_datetime(estimates["last_sale_period"]).max()
        start = (last + pd.Timedelta(days=7)) if pd.notna(last) else pd.Timestamp.today().normalize()
    start = pd.Timestamp(start) - pd.Timedelta(days=pd.Timestamp(start).weekday())
    schedule = _schedule(start, together_n or 0, promo_weeks)
    return TestPlan(per_sku=per_sku, together_weeks_per_arm=together_n, schedule=schedule,
                    change_pct=change_pct, elasticities=(e1, e2), alpha=alpha, power=power)


def _schedule(start: pd.Timestamp, n: int, promo_weeks: pd.DatetimeIndex | None, cap: int = 104) -> pd.DataFrame:
    """``2n`` alternating weeks from ``start``, skipping the ISO weeks of past promotions."""
    skip = set() if promo_weeks is None else {int(w.isocalendar().week) for w in promo_weeks}
    weeks, arms, k = [], [], 0
    week = start
    while len(weeks) < 2 * n and k < cap:
        if int(week.isocalendar().week) not in skip:
            weeks.append(week)
            arms.append("today" if len(weeks) % 2 else "test")
        week += pd.Timedelta(days=7)
        k += 1
    return pd.DataFrame({"week_start": pd.to_datetime(weeks), "arm": arms})
