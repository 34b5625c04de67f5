"""Benchmark: importing the full UCI Online Retail file (541,909 lines) with all validation,
the schema-enforced natural key and the columnar snapshot, against the anchor: the sqlite3
command-line shell's `.import` of the same CSV into an empty table. Both are timed as
whole processes (interpreter start included), alternately in one run; medians compared.

Run: .venv/bin/python bench/ingest.py [--runs 3]
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


BAR_RATIO = 3.0
BAR_MEMORY_MB = 1500


def anchor(csv_path: Path, work: Path) -> float:
    db = work / "anchor.db"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db), ".mode csv", f".import {csv_path} retail"], check=True)
    return time.perf_counter() - start


def ours(csv_path: Path, work: Path) -> float:
    db = work / "ours.db"
    for suffix in ("", "-wal", "-shm", ".lines.parquet"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ecom_models", "import", str(csv_path), "--db",
                           str(db), "--json"], cwd=REPO, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    result = json.loads(done.stdout)
    assert result["status"] == "imported" and result["rows_imported"] == 541909, result
    return elapsed


def peak_memory_mb(csv_path: Path, work: Path) -> float:
    """Peak RSS of a separate process doing one full import (the CLI)."""
    db = work / "mem.db"
    subprocess.run([sys.executable, "-m", "ecom_models", "import", str(csv_path), "--db", str(db),
                    "--json"], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("the anchor needs the sqlite3 command-line shell (apt-get install sqlite3)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv_path = work / "online_retail.csv"
        csv_path.write_bytes(gzip.decompress((REPO / "data" / "online_retail.csv.gz").read_bytes()))
        ours(csv_path, work)  # warm the imports and the page cache once
        pairs = [(ours(csv_path, work), anchor(csv_path, work)) for _ in range(args.runs)]
        memory = peak_memory_mb(csv_path, work)
    our_s = statistics.median(p[0] for p in pairs)
    anchor_s = statistics.median(p[1] for p in pairs)
    ratio = our_s / anchor_s
    print(f"ingest of 541,909 lines, median of {args.runs} alternating runs")
    print(f"{'figure':<34}{'ours':>10}{'anchor':>10}{'ratio':>8}{'bar':>8}")
    print(f"{'import time (s)':<34}{our_s:>10.2f}{anchor_s:>10.2f}{ratio:>8.2f}{BAR_RATIO:>8.1f}")
    print(f"{'peak memory, CLI process (MB)':<34}{memory:>10.0f}{'':>10}{'':>8}{BAR_MEMORY_MB:>8}")
    print("per run (ours, anchor):", ", ".join(f"({a:.2f}, {b:.2f})" for a, b in pairs))
    print("ours: `python -m ecom_models import` as a process (read, validate, merge on the "
          "natural key, write, snapshot)")
    print("anchor: sqlite3 shell `.import` of the same CSV into an empty table")


if __name__ == "__main__":
    main()
