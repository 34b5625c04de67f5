"""Benchmark: pricing v2 (count model) on all SKUs of the demo data, against statsmodels.

Run: ``.venv/bin/python bench/pricing.py [--db PATH]`` (default: builds the demo store in a
temporary folder once; ``make bench``).

Ours: the whole pipeline from order lines — catalogue-price panel (tiers, promotions,
stock-outs), shared season from the fast movers, the vectorised Poisson IRLS for every SKU
with HAC intervals, empirical-Bayes pooling and confidence labels.
Anchor: a per-SKU ``statsmodels`` GLM Poisson loop on the same panels (same rows, same
design: log catalogue price, trend, and our shared season/promotion as offset; HAC
covariance with the same lags), each SKU's arrays built inside the loop from the panel
(the panel build itself is not timed for the anchor). Timed in this run, interleaved,
medians. Also: equality of our slopes with the anchor's, the hold-out check (model vs
the same model with elasticity 0 vs last week), and interactive call times.

Data: Chen, D. (2015). Online Retail [Dataset]. UCI Machine Learning Repository. CC BY 4.0.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecom_models.pricing import (CountElasticityEstimator, PriceConstraints,  # noqa: E402
                                 PriceScenario, build_count_panel, decide_price, profit_curve,
                                 simulate_price_change, validate_count_holdout)
from ecom_models.pricing.design import DAYS_PER_YEAR  # noqa: E402

REPEATS = 3
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "online-retail" / "online_retail.csv.gz"
PSEUDO_SKUS = {"POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "B", "PADS"}


def load_uci_lines(path: Path = DATA) -> pd.DataFrame:
    """UCI Online Retail as an order-line frame without the store (used by tests/pricing/test_uci.py)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    qty = raw["Quantity"].astype(float)
    code = raw["StockCode"]
    is_product = (~code.isin(PSEUDO_SKUS) & ~code.str.startswith("gift_0001") & ~code.str.startswith("DCGS"))
    return pd.DataFrame({
        "order_id": raw["InvoiceNo"],
        "ordered_at": pd.to_datetime(raw["InvoiceDate"], format="%m/%d/%Y %H:%M").astype("datetime64[ns]"),
        "sku": code, "product_name": raw["Description"].replace("", None),
        "category": pd.Series(None, index=raw.index, dtype="str"), "quantity": qty,
        "unit_price": raw["UnitPrice"].astype(float),
        "is_return": raw["InvoiceNo"].str.startswith("C") | (qty < 0), "is_product": is_product,
    })


def ours(lines: pd.DataFrame, products: pd.DataFrame) -> CountElasticityEstimator:
    return CountElasticityEstimator().fit(build_count_panel(lines, products))


def anchor_inputs(model: CountElasticityEstimator, counts) -> tuple[pd.DataFrame, list[str]]:
    """The panel rows with our shared offset, and the SKUs we fit (those with a price change)."""
    panel = counts.panel[~counts.panel["unavailable"]].copy()
    coef = model.coefficients_
    at = coef.index.get_indexer(panel["sku"].astype(str))
    # our shared part = log mu - per-SKU part, recomputed from predict() without trend clipping
    day = panel["period"].to_numpy().astype("datetime64[D]").astype(np.int64)
    c = {k: coef[k].to_numpy()[at] for k in coef.columns}
    own = c["intercept"] + c["elasticity"] * (np.log(panel["list_price"].to_numpy()) - c["x_mean"]) \
        + c["trend"] * (np.minimum(day / DAYS_PER_YEAR, c["t_last"]) - c["t_mean"])
    with np.errstate(invalid="ignore"):
        panel["offset"] = np.log(model.predict(panel)) - own
    # every SKU the model handles with a fit of its own (enough weeks and weeks with sales);
    # the anchor fits the price slope where the catalogue price moved, else trend only
    est = model.estimates_
    enough = (est["n_periods_span"] >= model.min_weeks) & (est["n_periods"] >= model.min_sale_weeks)
    return panel, est.loc[enough, "sku"].astype(str).tolist()


def anchor(panel: pd.DataFrame, skus: list[str], lags: int) -> dict[str, float]:
    import statsmodels.api as sm
    wanted = set(skus)
    slopes = {}
    for sku, g in panel.groupby("sku", sort=False, observed=True):
        if sku not in wanted:
            continue
        x = np.log(g["list_price"].to_numpy())
        t = g["period"].to_numpy().astype("datetime64[D]").astype(np.int64) / DAYS_PER_YEAR
        cols = [x - x.mean(), t - t.mean()] if np.ptp(x) > 0 else [t - t.mean()]
        X = sm.add_constant(np.column_stack(cols), has_constant="add")
        fit = sm.GLM(g["units"].to_numpy(), X, family=sm.families.Poisson(),
                     offset=np.nan_to_num(g["offset"].to_numpy())).fit(
            cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": False})
        slopes[sku] = fit.params[1] if np.ptp(x) > 0 else np.nan
    return slopes


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    from ecom_models.store.queries import order_lines, products
    db = args.db
    if db is None:
        from ecom_models.demo import ensure_demo
        db = Path(tempfile.gettempdir()) / "ecom_bench_demo.db"
        if not db.exists():
            ensure_demo(db)
    lines, table = order_lines(db), products(db)
    import statsmodels.api  # noqa: F401  (import cost not timed)

    model = ours(lines, table)
    counts = build_count_panel(lines, table)
    panel, skus = anchor_inputs(model, counts)
    times = {"ours": [], "anchor": []}
    for _ in range(REPEATS):
        times["ours"].append(timed(ours, lines, table)[0])
        t_a, slopes = timed(anchor, panel, skus, model.hac_lags)
        times["anchor"].append(t_a)
    t_ours, t_anchor = (float(np.median(times[k])) for k in ("ours", "anchor"))
    est = model.estimates_
    print(f"Pricing v2 on {db.name}: {len(est):,} SKUs, {len(counts.panel):,} SKU-weeks; median of {REPEATS}")
    print(f"  {'':56s}{'seconds':>9s}{'ratio':>8s}")
    print(f"  {'ours: panel + season + IRLS(all SKUs) + HAC + pooling':56s}{t_ours:9.3f}")
    print(f"  (anchor: every SKU with a fit of its own; price slope where the catalogue price moved)")
    print(f"  {'anchor: statsmodels GLM Poisson HAC loop, ' + format(len(skus), ',') + ' SKUs':56s}"
          f"{t_anchor:9.3f}{t_ours / t_anchor:8.3f}   (bar: <= 0.200)")
    raw = est.set_index(est["sku"].astype(str))["raw_elasticity"]
    diff = np.array([abs(raw[s] - v) for s, v in slopes.items() if np.isfinite(v)])
    print(f"  our raw slopes vs statsmodels: max |difference| {np.nanmax(diff):.2e} over {diff.size:,} SKUs "
          f"(median {np.nanmedian(diff):.1e})")
    print("  confidence: " + ", ".join(f"{k} {v:,}" for k, v in est["confidence"].value_counts().items()))
    rich = est[est["confidence"].isin(["high", "medium"])]
    print(f"  median elasticity (high/medium): {rich['elasticity'].median():.2f}; all with own estimate: "
          f"{est['elasticity'].median():.2f}; overall (pooled mean) {model.overall_elasticity_:.2f}")

    sku = rich.sort_values("baseline_units")["sku"].iloc[-1]
    calls = {
        "what-if +8 %": lambda: simulate_price_change(
            est, PriceScenario(price_change_pct=8, assumed_margin_pct=40), skus=sku),
        "profit curve (61 prices)": lambda: profit_curve(est, sku, assumed_margin_pct=40),
        "decision (within tried, 25/40/60 %)": lambda: decide_price(est, sku, PriceConstraints()),
    }
    print(f"Interactive calls for one SKU ({sku}), 2,000 draws, median of 11 (bar: < 50 ms each)")
    for label, call in calls.items():
        print(f"  {label:38s}{np.median([timed(call)[0] for _ in range(11)]) * 1000:8.1f} ms")

    report = validate_count_holdout(lines, table)
    print(f"Hold-out (last 20 % of weeks from {report.cutoff_period.date()}), {report.n_skus:,} SKUs")
    print(f"  WAPE: model {report.wape_model:.3f}  elasticity 0 {report.wape_no_price:.3f}  "
          f"last week {report.wape_naive:.3f}")
    print(f"  SKUs whose price moved ({report.n_skus_price_moved}): WAPE model {report.wape_model_moved:.3f} "
          f"vs elasticity 0 {report.wape_no_price_moved:.3f}; price helps for {report.share_price_helps:.0%}")
    print(f"  mean Poisson deviance: model {report.deviance_model:.3f}  elasticity 0 {report.deviance_no_price:.3f}")


if __name__ == "__main__":
    main()
