"""Benchmark: our forecasts against statsforecast on the same data and split.

Run: ``.venv/bin/python bench/forecast.py [--demo-db PATH] [--shop-db PATH]`` (``make
bench``; statsforecast comes from requirements-bench.txt). Without ``--demo-db`` the demo
store is built in a temporary folder; without ``--shop-db`` the Shopware sample in
../shared/data/shopware5-shop-2y is imported into one.

Split: weekly net units of the 500 best-selling SKUs (by net units over all data), the
last 8 weeks held out; every model sees only the weeks before. Scored on the series that
have training data: WAPE over all cells, mean and median MASE (scale: in-sample one-step
naive MAE on the training weeks, Hyndman & Koehler 2006).

Ours: the whole pipeline (rolling-origin backtest of every candidate, per-series choice,
intervals; the global model with the catalogue-price features of
``forecasting.price_features``, built from the lines before the held-out weeks only, unless
``--no-prices``) and, separately, the forecast with the chosen models alone. Anchors
(statsforecast, one process, ``n_jobs=1``): AutoETS, SimpleExponentialSmoothingOptimized,
CrostonOptimized, TSB (α_d = α_p = 0.1, a common default), with statsforecast's Naive as
fallback where a model cannot fit a tiny series; SeasonalNaive(52) where a
series has 52 weeks of training history (AutoETS gets the 52-week season only when the
training window holds two seasons). Each timing is the median of ``--repeats`` runs,
interleaved. Also: the total series' rolling-origin backtest against seasonal naive where
a year of history exists, the interval coverage, and the stock plan from the stock export.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecom_models.forecasting.candidates import BASELINE  # noqa: E402
from ecom_models.forecasting.metrics import mase_scale, wape  # noqa: E402
from ecom_models.forecasting.pipeline import fit_chosen, forecast  # noqa: E402
from ecom_models.forecasting.series import build_series  # noqa: E402

SHOP = Path(__file__).resolve().parents[2] / "shared" / "data" / "shopware5-shop-2y"
H = 8


def score(actual: np.ndarray, fc: np.ndarray, scale: np.ndarray, rows: np.ndarray) -> dict:
    a, f = actual[rows], fc[rows]
    with np.errstate(invalid="ignore"):
        q = np.mean(np.abs(a - f), axis=1) / scale[rows]
    q = q[np.isfinite(q)]
    return {"wape": wape(a, f), "mase_mean": float(np.mean(q)), "mase_median": float(np.median(q)),
            "n": int(rows.sum())}


def anchors(train, repeats: int) -> tuple[dict, dict]:
    from statsforecast import StatsForecast
    from statsforecast.models import (TSB, AutoETS, CrostonOptimized, Naive, SeasonalNaive,
                                      SimpleExponentialSmoothingOptimized)

    values = train.values
    obs = ~np.isnan(values)
    rows, cols = np.nonzero(obs)
    df = pd.DataFrame({"unique_id": rows, "ds": train.periods[cols], "y": values[obs]})
    T = values.shape[1]
    season = 52 if T >= 104 else 1
    models = {"AutoETS": AutoETS(season_length=season), "SES optimized": SimpleExponentialSmoothingOptimized(),
              "CrostonOptimized": CrostonOptimized(), "TSB": TSB(alpha_d=0.1, alpha_p=0.1)}
    out, times = {}, {}
    for name, model in models.items():
        runs = []
        for _ in range(repeats):
            t = time.perf_counter()
            fc = StatsForecast(models=[model], freq="W-MON", n_jobs=1, fallback_model=Naive()).forecast(df=df, h=H)
            runs.append(time.perf_counter() - t)
        times[name] = float(np.median(runs))
        col = [c for c in fc.columns if c not in ("unique_id", "ds")][0]
        arr = np.full((values.shape[0], H), np.nan)
        arr[fc["unique_id"].to_numpy(), np.tile(np.arange(H), fc["unique_id"].nunique())] = fc[col].to_numpy()
        out[name] = arr
    long_enough = np.flatnonzero(obs.sum(axis=1) >= 52)
    if long_enough.size:
        sub = df[df["unique_id"].isin(long_enough)]
        t = time.perf_counter()
        fc = StatsForecast(models=[SeasonalNaive(season_length=52)], freq="W-MON", n_jobs=1).forecast(df=sub, h=H)
        times["SeasonalNaive"] = time.perf_counter() - t
        arr = np.full((values.shape[0], H), np.nan)
        arr[fc["unique_id"].to_numpy(), np.tile(np.arange(H), fc["unique_id"].nunique())] = fc["SeasonalNaive"].to_numpy()
        out["SeasonalNaive (52 wk)"] = arr
    return out, times


def run(label: str, lines: pd.DataFrame, repeats: int, stock: pd.DataFrame | None,
        use_prices: bool = True) -> None:
    from ecom_models.forecasting.price_features import price_inputs

    matrix = build_series(lines, "sku", "week", top=500)
    T = matrix.values.shape[1]
    train, actual = matrix.head(T - H), matrix.values[:, -H:]
    before = lines.loc[(lines["ordered_at"] < matrix.periods[T - H]).to_numpy()]
    t = time.perf_counter()
    prices = price_inputs(before, train, "sku") if use_prices else None
    price_t = time.perf_counter() - t
    has_train = ~np.isnan(train.values[:, -1])
    scale = mase_scale(train.values)
    print(f"\n== {label}: {has_train.sum()} SKUs with training weeks, {T - H} training weeks "
          f"({train.periods[0]:%Y-%m-%d} .. {train.periods[-1]:%Y-%m-%d}), {H} held out ==")

    full, chosen_t = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        fr = forecast(train, H, prices=prices)
        full.append(time.perf_counter() - t)
        from ecom_models.forecasting.candidates import default_candidates
        cands = default_candidates("week", H, prices=prices)
        chosen = fr.chosen.to_numpy()
        t = time.perf_counter()
        fitted = fit_chosen(train, cands, chosen, H)
        chosen_t.append(time.perf_counter() - t)
    ours = fr.forecast["mean"].to_numpy().reshape(-1, H)
    base = fr.forecast["baseline"].to_numpy().reshape(-1, H)
    lo80, hi80 = (fr.forecast[c].to_numpy().reshape(-1, H) for c in ("lo80", "hi80"))
    lo95, hi95 = (fr.forecast[c].to_numpy().reshape(-1, H) for c in ("lo95", "hi95"))
    anchor_fc, anchor_t = anchors(train, repeats)

    rows = has_train & ~np.isnan(actual).any(axis=1)
    table = [("ours (chosen per series)", score(actual, ours, scale, rows), float(np.median(chosen_t)))]
    table.append(("ours: seasonal naive (falls back to naive)", score(actual, base, scale, rows), None))
    for name, fc in anchor_fc.items():
        r = rows & ~np.isnan(fc).any(axis=1)
        table.append((f"statsforecast {name}", score(actual, fc, scale, r), anchor_t.get(name, anchor_t.get("SeasonalNaive"))))
    print(f"{'model':44s} {'WAPE':>6s} {'MASE mean':>9s} {'median':>7s} {'n':>4s} {'time s':>7s} {'ratio':>6s}")
    auto = anchor_t["AutoETS"]
    for name, s, t in table:
        ratio = f"{t / auto:6.2f}" if t is not None else ""
        tt = f"{t:7.2f}" if t is not None else ""
        print(f"{name:44s} {s['wape']:6.3f} {s['mase_mean']:9.3f} {s['mase_median']:7.3f} {s['n']:4d} {tt} {ratio}")
    print(f"{'ours: full backtest + choice + intervals':44s} {'':6s} {'':9s} {'':7s} {'':4s} "
          f"{np.median(full):7.2f} {np.median(full) / auto:6.2f}")
    best = min((s["wape"], n) for n, s, _ in table[2:])
    if use_prices:
        print(f"price features (catalogue prices, promotion weeks): built in {price_t:.2f} s, "
              f"not included in the times above")
    print(f"best anchor by WAPE: {best[1]} ({best[0]:.3f})")
    counts = fr.chosen.value_counts()
    print("chosen models:", ", ".join(f"{k} {v}" for k, v in counts.items()), f"(shared best: {fr.shared_best})")
    inside80 = ((actual >= lo80) & (actual <= hi80))[rows].mean()
    inside95 = ((actual >= lo95) & (actual <= hi95))[rows].mean()
    print(f"interval coverage on the held-out weeks: 80 % -> {inside80:.1%}, 95 % -> {inside95:.1%}; "
          f"in the backtest (leave one origin out): 80 % -> {fr.coverage[80]:.1%}, 95 % -> {fr.coverage[95]:.1%}")
    c = fr.check
    print(f"backtest check of the choice (last origin): WAPE {c['wape']:.3f} vs seasonal naive "
          f"{c['baseline_wape']:.3f}; median MASE {c['mase_median']:.3f} vs {c['baseline_mase_median']:.3f}")
    total(lines, label)
    if stock is not None:
        plan(lines, stock)


def total(lines: pd.DataFrame, label: str) -> None:
    m = build_series(lines, "total", "week")
    fr = forecast(m, H)
    s = fr.scores.pivot(index="series_id", columns="model", values="mase").iloc[0]
    w = fr.scores.pivot(index="series_id", columns="model", values="wape").iloc[0]
    model = fr.chosen.iloc[0]
    year = m.values.shape[1] - H - 1 >= 52 + 8
    print(f"total series ({m.values.shape[1]} weeks, {len(fr.origins)} origins): chosen {model}: "
          f"MASE {s[model]:.3f}, WAPE {w[model]:.3f}; seasonal naive MASE {s[BASELINE]:.3f}, WAPE {w[BASELINE]:.3f}"
          + ("" if year else "  (less than a year before the first origin: seasonal naive = naive)"))


def plan(lines: pd.DataFrame, stock: pd.DataFrame) -> None:
    from ecom_models.forecasting.inventory import stock_plan
    from ecom_models.forecasting.scenario import ForecastScenario

    m = build_series(lines, "sku", "week", top=20)
    fr = forecast(m, H)
    sc = ForecastScenario()
    table = stock_plan(fr, stock, sc)
    print(f"stock plan (lead time {sc.lead_time_days} d, review {sc.review_period_days} d, "
          f"service level {sc.service_level_pct:g} %), 20 best-sellers:")
    cols = ["series_id", "stock_units", "safety_stock_units", "reorder_point_units", "order_units",
            "stockout_date", "stockout_prob_pct"]
    print(table[cols].head(20).to_string(index=False))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--demo-db", type=Path)
    parser.add_argument("--shop-db", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-prices", action="store_true", help="global model without price features")
    args = parser.parse_args()
    from ecom_models.store.queries import order_lines, products

    with tempfile.TemporaryDirectory() as tmp:
        demo = args.demo_db
        if demo is None:
            from ecom_models.demo import ensure_demo
            demo = Path(tmp) / "demo.db"
            ensure_demo(demo)
        run("demo data (UCI Online Retail)", order_lines(demo), args.repeats, None, not args.no_prices)
        shop = args.shop_db
        if shop is None and SHOP.is_dir():
            from ecom_models.ingest.pipeline import import_file
            shop = Path(tmp) / "shop.db"
            for f in sorted(SHOP.glob("*.csv")):
                import_file(f, shop)
        if shop is not None:
            run("Shopware 5 shop, 2 years", order_lines(shop), args.repeats, products(shop), not args.no_prices)


if __name__ == "__main__":
    main()
