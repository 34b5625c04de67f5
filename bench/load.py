"""Benchmark: many people opening the app at once (a shared link sent to management).

N = 1, 5, 10 concurrent sessions (one Chromium browser context each: its own Streamlit
session) against one server, on the demo store and on the demo replicated ×4 (unique
order numbers). Each session opens the Overview, changes the country filter, and opens
Pricing. Reported per round:
- client-side p50/p95 (s): from the navigation or click until the page's last element
  (Overview: the countries' download button; filter: the Revenue KPI changed; Pricing:
  its model-check heading);
- server-side p50/p95 (s): the script run times the app logs into $ECOM_TIMING_LOG
  (ui/timing.py), per page;
- server memory (MiB RSS): before the first round, after each round, and after the
  sessions closed and the server idled (Streamlit drops a closed session after 120 s).
Goals (issue "one copy of the data for all sessions"): memory grows ≤ 10 MiB per session
on the demo data and returns to within 10 % of the one-session level; 10 sessions p95
< 3 s server-side for the Overview. Nothing is asserted: these machines are noisy.

Run: .venv/bin/python bench/load.py [--db demo.db] [--x4-db demo4.db] [--rounds 1,5,10]
     [--idle 150]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from server import CHROMIUM, CHROMIUM_ARGS, REPO, build_demo, rss_mib, streamlit_server

TIMEOUT_MS = 240_000
KPI = '[data-testid="stMetricValue"]'


def replicated_demo_csv(path: Path, times: int) -> None:
    """The demo CSV repeated ``times`` times, each copy with its own order numbers."""
    text = gzip.decompress((REPO / "data" / "online_retail.csv.gz").read_bytes()).decode("latin-1")
    head, body = text.split("\n", 1)
    rows = body.splitlines()
    with open(path, "w", encoding="latin-1") as out:
        out.write(head + "\n")
        for k in range(times):
            prefix = "" if k == 0 else str(k)
            for row in rows:   # 'C536379' → 'C1536379': a cancellation stays one
                out.write(("C" + prefix + row[1:] if row.startswith("C") else prefix + row) + "\n")


def replicated_demo(db: Path, times: int) -> None:
    """The replicated demo imported into ``db`` by the CLI."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"demo_x{times}.csv"
        replicated_demo_csv(path, times)
        done = subprocess.run([sys.executable, "-m", "ecom_models", "import", str(path), "--db",
                               str(db), "--format", "online-retail", "--json"], cwd=REPO,
                              capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr[-2000:])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def one_session(browser, base: str, out: dict, errors: list) -> None:
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(base + "/", timeout=TIMEOUT_MS)
        page.locator('[data-testid="stDownloadButton"]').nth(1).wait_for(timeout=TIMEOUT_MS)
        out["overview"] = time.perf_counter() - start
        before = page.locator(KPI).first.inner_text()
        box = page.get_by_role("combobox", name="Country", exact=True)
        box.click()
        box.press_sequentially("France")
        option = page.get_by_role("option", name="France", exact=True)
        option.wait_for(timeout=TIMEOUT_MS)
        start = time.perf_counter()
        option.click()
        page.wait_for_function(
            "old => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
            " return e && e.innerText !== old; }", arg=before, timeout=TIMEOUT_MS)
        out["filter"] = time.perf_counter() - start
        start = time.perf_counter()
        page.goto(base + "/pricing", timeout=TIMEOUT_MS)
        page.get_by_text("How good is the model").wait_for(timeout=TIMEOUT_MS)
        out["pricing"] = time.perf_counter() - start
        out["context"] = context
    except Exception as exc:   # report, do not hide: a session that got no page
        errors.append(repr(exc)[:300])


def concurrent_round(base: str, proc, n: int, log: Path) -> dict:
    """n sessions at the same moment, each in its own thread with its own Playwright."""
    from playwright.sync_api import sync_playwright

    log.write_text("")
    results = [dict() for _ in range(n)]
    errors: list[str] = []
    holders = []
    barrier = threading.Barrier(n)

    def worker(i: int) -> None:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            barrier.wait()
            one_session(browser, base, results[i], errors)
            holders.append(browser)
            done.wait()
            browser.close()

    done = threading.Event()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    while sum(1 for r in results if r or errors) < n and any(t.is_alive() for t in threads):
        time.sleep(0.5)
        if len(holders) + len(errors) >= n:
            break
    memory = rss_mib(proc.pid)
    done.set()
    for thread in threads:
        thread.join(timeout=120)
    runs = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    by_page: dict[str, list[float]] = {}
    for run in runs:
        by_page.setdefault(run["page"], []).append(run["seconds"])
    client = {k: [r[k] for r in results if k in r] for k in ("overview", "filter", "pricing")}
    return {"n": n, "client": client, "server": by_page, "memory": memory, "errors": errors}


def report(name: str, base_mem: float, rounds: list[dict], idle_mem: float | None) -> None:
    print(f"\n== {name}")
    print(f"server memory before the first round: {base_mem:.0f} MiB")
    print(f"{'N':>3} {'client p50/p95 overview':>24} {'filter':>12} {'pricing':>12} "
          f"{'server p95 overview':>20} {'p50':>8} {'pricing p95':>12} {'MiB':>7} {'MiB/sess':>9}")
    print("    (server 'overview' runs include the filter changes: each is an Overview rerun)")
    print("    (MiB/sess: growth over the one-session round per extra session; client and "
          "server figures in s)")
    one = None
    for r in rounds:
        c, s = r["client"], r["server"]
        mem = r["memory"]
        one_n = rounds[0]["n"]
        one = one if one is not None else mem
        per = (mem - one) / (r["n"] - one_n) if r["n"] > one_n else float("nan")
        overview_runs = s.get("overview", [])
        print(f"{r['n']:>3} {pct(c['overview'], .5):>11.2f}/{pct(c['overview'], .95):<11.2f} "
              f"{pct(c['filter'], .5):>5.2f}/{pct(c['filter'], .95):<5.2f} "
              f"{pct(c['pricing'], .5):>5.2f}/{pct(c['pricing'], .95):<5.2f} "
              f"{pct(overview_runs, .95):>20.2f} {pct(s.get('overview', []), .5):>8.2f} "
              f"{pct(s.get('pricing', []), .95):>12.2f} {mem:>7.0f} {per:>9.1f}")
        if r["errors"]:
            print(f"    {len(r['errors'])} session(s) got no page: {r['errors'][:2]}")
    if idle_mem is not None and one is not None:
        print(f"after the sessions closed and the server idled: {idle_mem:.0f} MiB "
              f"({(idle_mem - one) / one:+.0%} vs the one-session level {one:.0f} MiB; goal within 10 %)")


def measure(db: Path, name: str, sizes: list[int], idle_s: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "runs.jsonl"
        with streamlit_server(db, {"ECOM_TIMING_LOG": str(log)}) as (base, proc):
            base_mem = rss_mib(proc.pid)
            rounds = [concurrent_round(base, proc, n, log) for n in sizes]
            time.sleep(idle_s)
            idle_mem = rss_mib(proc.pid)
        report(name, base_mem, rounds, idle_mem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="demo store (built if missing)")
    parser.add_argument("--x4-db", type=Path, help="demo ×4 store (built if missing)")
    parser.add_argument("--rounds", default="1,5,10")
    parser.add_argument("--idle", type=float, default=150.0, help="seconds to idle at the end")
    parser.add_argument("--skip-x4", action="store_true")
    args = parser.parse_args()
    sizes = [int(x) for x in args.rounds.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.db"
        if not db.exists():
            print(f"building the demo store ({build_demo(db):.0f} s)", flush=True)
        measure(db, "demo data (541,909 lines)", sizes, args.idle)
        if not args.skip_x4:
            x4 = args.x4_db or Path(tmp) / "demo_x4.db"
            if not x4.exists():
                print("building the demo ×4 store …", flush=True)
                replicated_demo(x4, 4)
            measure(x4, "demo ×4 (2,167,636 lines)", sizes, args.idle)


if __name__ == "__main__":
    main()
