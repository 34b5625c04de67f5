"""Benchmark: how import and pages grow with the data (demo ×1, ×4, ×16, unique orders).

For each size: the import as a whole CLI process (time, peak RSS), then the Overview's
server work from a cold process (load the pre-aggregated sales and compute the KPIs with
their change, the chart and both top lists), a filter change in that process (median of
5 country filters), and the elasticity estimate behind Pricing (cold; the page then
serves it warm from the shared cache). Growth exponents b in time ∝ lines^b between the
sizes are printed. Goals (issue "one copy of the data for all sessions"): import peak
memory < 2 GB at ×16; filter change < 1 s at ×16.

Run: .venv/bin/python bench/scale.py [--sizes 1,4,16] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import replicated_demo_csv
from server import REPO

OVERVIEW = r"""
import json, statistics, sys, time
start = time.perf_counter()
from ecom_models.sales import Filters, kpis_with_change, revenue_over_time, top_countries, top_products
from ecom_models.store.queries import sales_cube
db = sys.argv[1]
def overview(country=None):
    cube = sales_cube(db)
    f = Filters(country=country, currency="GBP")
    kpis_with_change(cube, f); revenue_over_time(cube, f, "week")
    top_products(cube, f, 10); top_countries(cube, f, 10)
overview()
first = time.perf_counter() - start
samples = []
for country in ["FR", "DE", "IE", "ES", "NL"]:
    t = time.perf_counter(); overview(country); samples.append(time.perf_counter() - t)
t = time.perf_counter()
from ecom_models.pricing import estimate_elasticities
from ecom_models.store.queries import order_lines
lines = order_lines(db)
estimate_elasticities(lines.loc[(lines["currency"] == "GBP").to_numpy()])
pricing = time.perf_counter() - t
print(json.dumps({"first": first, "filter": statistics.median(samples), "pricing": pricing}))
"""


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS MiB of the child, stdout) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{cmd[:4]} failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the maximum over all children so far: report it only
    # when this child raised it (sizes grow, so each larger import does)
    return seconds, max(peak, before) / 1024, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for times in sizes:
            csv = work / f"demo_x{times}.csv"
            replicated_demo_csv(csv, times)
            db = work / f"demo_x{times}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            seconds, peak, _ = timed([sys.executable, "-m", "ecom_models", "import", str(csv),
                                      "--db", str(db), "--format", "online-retail", "--json"])
            csv.unlink()
            _, _, out = timed([sys.executable, "-c", OVERVIEW, str(db)])
            pages = json.loads(out)
            rows.append({"times": times, "lines": 541_909 * times, "import": seconds,
                         "peak": peak, **pages})
            print(f"×{times}: import {seconds:.1f} s (peak {peak:.0f} MiB), first overview "
                  f"{pages['first']:.2f} s, filter {pages['filter']:.3f} s, pricing "
                  f"{pages['pricing']:.1f} s", flush=True)
    print()
    print(f"{'size':>5} {'lines':>11} {'import s':>9} {'peak MiB':>9} {'overview s':>11} "
          f"{'filter s':>9} {'pricing s':>10}")
    for r in rows:
        print(f"{'×' + str(r['times']):>5} {r['lines']:>11,} {r['import']:>9.1f} {r['peak']:>9.0f} "
              f"{r['first']:>11.2f} {r['filter']:>9.3f} {r['pricing']:>10.1f}")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        ratio = math.log(b["lines"] / a["lines"])
        print("\ngrowth exponent b (time ∝ lines^b) between "
              f"×{a['times']} and ×{b['times']}: " + ", ".join(
                  f"{k} {math.log(b[k] / a[k]) / ratio:.2f}" for k in ("import", "first", "filter", "pricing")))
    print("goals: import peak < 2,048 MiB at ×16; filter change < 1 s at ×16")


if __name__ == "__main__":
    main()
