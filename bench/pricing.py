"""Benchmark: elasticity estimation on the full UCI Online Retail data.

Run: ``.venv/bin/python bench/pricing.py``

Ours: the full pipeline from order lines (price panel + batched estimation with trend,
shared seasonality, intervals, pooling, confidence labels).
Anchor: a plain per-SKU ``statsmodels`` OLS of log units on log price
(``sm.OLS(log_units, sm.add_constant(log_price)).fit()``) in a Python loop over the same SKU
set (10+ weeks with sales, 3+ price levels), each SKU's arrays built inside the loop from
the same panel (``groupby`` over its periods with sales; the panel build itself is not
timed for the anchor). Also shown: the same fits on arrays sliced beforehand, i.e. the
statsmodels fitting cost alone. All timed in this run, interleaved; medians reported. Also prints a slope sanity check against statsmodels, the
hold-out accuracy (model vs last-period baseline) and peak memory.

Data: Chen, D. (2015). Online Retail [Dataset]. UCI Machine Learning Repository.
CC BY 4.0. Read from ../shared/data (not copied into the repository).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecom_models.pricing import (ElasticityEstimator, PriceConstraints,  # noqa: E402
                                 PriceScenario, best_price, build_price_panel, profit_curve,
                                 simulate_price_change, validate_holdout)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "online-retail" / "online_retail.csv.gz"
PSEUDO_SKUS = {"POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "B", "PADS"}
REPEATS = 5


def load_uci_lines(path: Path = DATA) -> pd.DataFrame:
    """UCI Online Retail as the store's order-line frame (bench only)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    qty = raw["Quantity"].astype(float)
    code = raw["StockCode"]
    is_product = (~code.isin(PSEUDO_SKUS) & ~code.str.startswith("gift_0001")
                  & ~code.str.startswith("DCGS"))
    return pd.DataFrame({
        "order_id": raw["InvoiceNo"],
        "ordered_at": pd.to_datetime(raw["InvoiceDate"], format="%m/%d/%Y %H:%M").astype("datetime64[ns]"),
        "sku": code,
        "product_name": raw["Description"].replace("", None),
        "category": pd.Series(None, index=raw.index, dtype="str"),
        "quantity": qty,
        "unit_price": raw["UnitPrice"].astype(float),
        "is_return": raw["InvoiceNo"].str.startswith("C") | (qty < 0),
        "is_product": is_product,
    })


def ours(lines: pd.DataFrame) -> ElasticityEstimator:
    return ElasticityEstimator().fit(build_price_panel(lines))


def anchor(panel: pd.DataFrame, skus: set[str]) -> dict[str, float]:
    """The anchor: per-SKU statsmodels OLS of log units on log price, arrays built per SKU
    from the panel inside the loop (periods with sales only, as ours)."""
    import statsmodels.api as sm
    used = panel[(panel["units"] > 0) & (panel["price"] > 0)]
    slopes = {}
    for sku, g in used.groupby("sku", sort=False):
        if sku in skus:
            y, x = np.log(g["units"].to_numpy()), np.log(g["price"].to_numpy())
            slopes[sku] = sm.OLS(y, sm.add_constant(x)).fit().params[1]
    return slopes


def anchor_fit_only(slices: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Reference: the same statsmodels fits on arrays sliced beforehand (fits only)."""
    import statsmodels.api as sm
    return np.array([sm.OLS(y, sm.add_constant(x)).fit().params[1] for y, x in slices])


def presliced(panel: pd.DataFrame, skus: set[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    used = panel[(panel["units"] > 0) & (panel["price"] > 0) & panel["sku"].isin(skus)]
    sku = used["sku"].to_numpy()
    y, x = np.log(used["units"].to_numpy()), np.log(used["price"].to_numpy())
    bounds = np.r_[0, np.flatnonzero(sku[1:] != sku[:-1]) + 1, len(sku)]
    return [(y[a:b], x[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> None:
    lines = load_uci_lines()
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import statsmodels.api  # noqa: F401  (import cost not timed for the anchor)

    model = ours(lines)  # warm-up, and the SKU set
    rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    est = model.estimates_
    bench_set = est.loc[(est["n_periods"] >= 10) & (est["n_price_levels"] >= 3), "sku"]
    skus = set(bench_set)
    panel = build_price_panel(lines)
    slices = presliced(panel, skus)
    times = {"ours": [], "anchor": [], "fit_only": []}
    for _ in range(REPEATS):  # interleaved, so load from other processes hits all alike
        times["ours"].append(timed(ours, lines)[0])
        t_a, slopes = timed(anchor, panel, skus)
        times["anchor"].append(t_a)
        times["fit_only"].append(timed(anchor_fit_only, slices)[0])
    t_ours, t_anchor, t_fit = (float(np.median(times[k])) for k in ("ours", "anchor", "fit_only"))

    print("Elasticity estimation, UCI Online Retail (weekly), median of "
          f"{REPEATS} interleaved runs")
    print(f"  SKUs in the anchor set (10+ weeks with sales, 3+ price levels): {len(bench_set):,}")
    print(f"  SKUs handled by ours (all, incl. not estimable):              {len(est):,}")
    print(f"  {'':44s}{'seconds':>9s}{'ours/this':>11s}")
    print(f"  {'ours (panel + fit + pooling + labels)':44s}{t_ours:9.3f}")
    print(f"  {'anchor: statsmodels loop, arrays per SKU':44s}{t_anchor:9.3f}{t_ours / t_anchor:11.3f}"
          "   (bar: <= 0.200)")
    print(f"  {'reference: same fits on pre-sliced arrays':44s}{t_fit:9.3f}{t_ours / t_fit:11.3f}")
    print(f"  peak RSS: after loading data {rss_loaded:,.0f} MB; after ours {rss_ours:,.0f} MB; "
          f"process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")

    plain = ElasticityEstimator(trend=False, fourier_order=0, pooling=False).fit(panel).estimates_
    plain = plain.set_index("sku")["raw_elasticity"]
    check = list(bench_set)[:: max(1, len(bench_set) // 5)][:5]
    print("  sanity: our raw slope (no controls, no pooling) vs the anchor's statsmodels slope")
    for sku in check:
        print(f"    {sku:10s} ours {plain[sku]: .10f}  statsmodels {slopes[sku]: .10f}")
    diffs = np.abs(plain.loc[list(slopes)].to_numpy() - np.array(list(slopes.values())))
    print(f"    max |difference| over all {len(slopes):,} anchor SKUs: {diffs.max():.2e}")

    sku = est.loc[est["confidence"] == "high", "sku"].iloc[0]
    calls = {
        "what-if +8 %": lambda: simulate_price_change(
            est, PriceScenario(price_change_pct=8, assumed_margin_pct=40), skus=sku),
        "profit curve (61 prices)": lambda: profit_curve(est, sku, assumed_margin_pct=40),
        "best price (cent grid, ±15 %)": lambda: best_price(
            est, sku, PriceConstraints(assumed_margin_pct=40)),
    }
    print(f"Interactive calls for one SKU ({sku}), 2,000 draws, median of 21 (bar: < 50 ms)")
    for label, call in calls.items():
        ms = np.median([timed(call)[0] for _ in range(21)]) * 1000
        print(f"  {label:28s}{ms:8.1f} ms")

    report = validate_holdout(panel)
    print(f"Hold-out (last 20 % of weeks, from {report.cutoff_period.date()}), model vs last-period baseline")
    print(f"  SKUs {report.n_skus:,}, test periods {int(report.per_sku['n_test_periods'].sum()):,}")
    print(f"  WAPE model {report.wape_model:.3f}   naive {report.wape_naive:.3f}   "
          f"ratio {report.wape_model / report.wape_naive:.3f}")
    print(f"  per-SKU MAE: model better for {report.share_model_better:.1%} of SKUs")
    print("  confidence labels: " + ", ".join(
        f"{k} {v:,}" for k, v in est["confidence"].value_counts().items()))


if __name__ == "__main__":
    main()
