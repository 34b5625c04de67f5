"""Bundles benchmark: our sparse counting against mlxtend's fpgrowth + association_rules on
the full demo data (docs/architecture.md §8), in the same run.

    .venv/bin/python bench/bundles.py [--db /tmp/b_demo.db] [--factors 1,2,4] [--skip-mlxtend-at 4]

Tasks (min support 0.005 by default):
- pairs: ours = pairs with every measure (support, confidence both ways, lift, leverage,
  conviction, Fisher p, BH q); anchor = fpgrowth(max_len=2) + association_rules;
- pairs+triples: ours = itemsets up to 3 with pair and triple tables; anchor = fpgrowth
  with unlimited length, restricted afterwards to itemsets of size ≤ 3 (and, for
  reference, fpgrowth(max_len=3)).
Each measurement runs in its own subprocess (peak = VmHWM of that process; "+MB" = peak
minus the RSS after loading the basket matrix / building the one-hot frame, i.e. what the
work itself added). Times are the best of ``--repeat`` runs (default 2) for both sides. The anchor gets a sparse one-hot
DataFrame built before its clock starts. Growth: the baskets replicated 2× and 4×
(supports unchanged, counts multiplied). Itemsets and numbers are compared in the run.
"""
from __future__ import annotations

import argparse
import json
import math
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (``VmRSS``) or its peak (``VmHWM``) in MB. (ru_maxrss is
    not used: on Linux a child started by fork+exec reports its parent's peak.)"""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker(args) -> None:
    import numpy as np
    import scipy.sparse as sp

    x = sp.load_npz(args.npz).tocsr()
    if args.factor > 1:
        x = sp.vstack([x] * args.factor).tocsr()
    if args.worker == "ours":
        from ecom_models.bundles.metrics import itemset_table, pair_table, triple_table
        from ecom_models.bundles.mining import count_itemsets

        base = rss_mb()                     # after the imports, as the anchor's (pandas, frame)

        fisher_warm = __import__("ecom_models.bundles.significance", fromlist=["x"])
        fisher_warm.fisher_greater([1], [2], [3], 10)          # scipy.special imported before the clock
        seconds = math.inf
        for _ in range(args.repeat):
            start = time.perf_counter()
            counts = count_itemsets(x, args.min_support, max_size=2 if args.task == "pairs" else 3)
            pairs = pair_table(counts)
            triples = triple_table(counts) if args.task != "pairs" else None
            seconds = min(seconds, time.perf_counter() - start)
        itemsets = itemset_table(counts)
        found = {"itemsets": dict(zip(itemsets["itemsets"], itemsets["support"])),
                 "pairs": {(int(r.a), int(r.b)): (r.confidence_ab, r.confidence_ba, r.lift)
                           for r in pairs.itertuples(index=False)}}
        extra = {"triples": 0 if triples is None else len(triples)}
    else:
        import pandas as pd
        from mlxtend.frequent_patterns import association_rules, fpgrowth

        onehot = pd.DataFrame.sparse.from_spmatrix(x.astype(bool), columns=list(range(x.shape[1])))
        base = rss_mb()
        max_len = {"pairs": 2, "triples": None, "triples3": 3}[args.task]
        seconds = math.inf
        for _ in range(args.repeat):
            start = time.perf_counter()
            frequent = fpgrowth(onehot, min_support=args.min_support, max_len=max_len)
            if args.task != "pairs":
                frequent = frequent.loc[frequent["itemsets"].map(len) <= 3].reset_index(drop=True)
            rules = association_rules(frequent, num_itemsets=x.shape[0], metric="lift", min_threshold=0)
            seconds = min(seconds, time.perf_counter() - start)
        pair_rules = rules.loc[(rules["antecedents"].map(len) == 1) & (rules["consequents"].map(len) == 1)]
        table = {}
        for r in pair_rules.itertuples(index=False):
            (a,), (b,) = tuple(r.antecedents), tuple(r.consequents)
            key = (min(a, b), max(a, b))
            conf = table.get(key, (None, None, r.lift))
            table[key] = (r.confidence, conf[1], r.lift) if a < b else (conf[0], r.confidence, r.lift)
        found = {"itemsets": dict(zip(frequent["itemsets"], frequent["support"])), "pairs": table}
        extra = {"rules": len(rules)}
    peak = rss_mb("VmHWM")
    with open(args.out, "wb") as handle:
        pickle.dump(found, handle)
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "base_mb": base,
                      "itemsets": len(found["itemsets"]), **extra}))


def run(who: str, task: str, npz: Path, factor: int, min_support: float, out: Path, repeat: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", who, "--task", task, "--npz", str(npz),
           "--factor", str(factor), "--min-support", str(min_support), "--out", str(out),
           "--repeat", str(repeat)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def same(ours: Path, theirs: Path) -> str:
    a, b = pickle.load(open(ours, "rb")), pickle.load(open(theirs, "rb"))
    if set(a["itemsets"]) != set(b["itemsets"]):
        return f"NO: {len(set(a['itemsets']) ^ set(b['itemsets']))} itemsets differ"
    worst = max((abs(a["itemsets"][k] - b["itemsets"][k]) for k in b["itemsets"]), default=0.0)
    for key, values in b["pairs"].items():
        for x, y in zip(a["pairs"][key], values):
            worst = max(worst, abs(x - y) / max(abs(y), 1e-300))
    return f"yes (largest relative difference {worst:.1e})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["ours", "mlxtend"])
    parser.add_argument("--task", default="pairs")
    parser.add_argument("--npz", type=Path)
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--min-support", type=float, default=0.005)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs, for both sides")
    parser.add_argument("--db", type=Path, default=Path("/tmp/b_demo.db"))
    parser.add_argument("--factors", default="1,2,4")
    parser.add_argument("--skip-mlxtend-at", type=int, default=0,
                        help="run the anchor only below this replication factor (0 = always)")
    args = parser.parse_args()
    if args.worker:
        return worker(args)

    import scipy.sparse as sp

    from ecom_models.bundles import build_baskets
    from ecom_models.store.queries import order_lines

    if not args.db.is_file():
        raise SystemExit(f"{args.db} missing: python -m ecom_models demo --db {args.db}")
    baskets = build_baskets(order_lines(args.db))
    tmp = Path(tempfile.mkdtemp(prefix="bench_bundles_"))
    npz = tmp / "baskets.npz"
    sp.save_npz(npz, baskets.present)
    print(f"demo data: {baskets.n_baskets:,} baskets x {baskets.present.shape[1]:,} products, "
          f"{baskets.present.nnz:,} entries; min support {args.min_support}")
    header = f"{'task':<14}{'x':>3}{'ours s':>9}{'mlxtend s':>11}{'ratio':>8}{'ours MB':>9}{'mlx MB':>8}" \
             f"{'ours +MB':>9}{'mlx +MB':>8}{'itemsets':>10}  identical"
    print(header)
    rows = []
    for factor in [int(f) for f in args.factors.split(",")]:
        for task in ("pairs", "triples", "triples3"):
            if task == "triples3" and factor > 1:
                continue
            ours = run("ours", "pairs" if task == "pairs" else "triples", npz, factor, args.min_support,
                       tmp / "ours.pkl", args.repeat)
            anchor = None
            if not args.skip_mlxtend_at or factor < args.skip_mlxtend_at:
                anchor = run("mlxtend", task, npz, factor, args.min_support, tmp / "mlx.pkl", args.repeat)
            label = {"pairs": "pairs", "triples": "pairs+triples", "triples3": "  (max_len=3)"}[task]
            ratio = anchor["seconds"] / ours["seconds"] if anchor else math.nan
            verdict = same(tmp / "ours.pkl", tmp / "mlx.pkl") if anchor else "-"
            a = anchor or {"seconds": math.nan, "peak_mb": math.nan, "base_mb": math.nan}
            print(f"{label:<14}{factor:>3}{ours['seconds']:>9.3f}{a['seconds']:>11.2f}{ratio:>7.1f}x"
                  f"{ours['peak_mb']:>9.0f}{a['peak_mb']:>8.0f}{ours['peak_mb'] - ours['base_mb']:>9.0f}"
                  f"{a['peak_mb'] - a['base_mb']:>8.0f}{ours['itemsets']:>10,}  {verdict}", flush=True)
            rows.append((task, factor, ours, anchor))
    for task in ("pairs", "triples"):
        series = {f: (o, m) for t, f, o, m in rows if t == task}
        if 1 in series:
            o1, m1 = series[1]
            for f in sorted(k for k in series if k > 1):
                o, m = series[f]
                growth = math.log(o["seconds"] / o1["seconds"]) / math.log(f)
                text = f"{task}: ours time ×{o['seconds'] / o1['seconds']:.1f} at {f}× baskets " \
                       f"(exponent {growth:.2f}), peak memory {o1['peak_mb']:.0f} → {o['peak_mb']:.0f} MB"
                if m and m1:
                    text += f"; mlxtend time ×{m['seconds'] / m1['seconds']:.1f} " \
                            f"(exponent {math.log(m['seconds'] / m1['seconds']) / math.log(f):.2f}), " \
                            f"peak {m1['peak_mb']:.0f} → {m['peak_mb']:.0f} MB"
                print(text)


if __name__ == "__main__":
    main()
