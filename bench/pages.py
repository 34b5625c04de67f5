"""Benchmark: page speed of the Overview on the full demo store, in a real browser.

Run: ``.venv/bin/python bench/pages.py`` (``--db PATH`` reuses a store built earlier with
``python -m ecom_models demo --db PATH``; otherwise one is built in a temp dir, ~10 s).

Figures (docs/architecture.md §8: cold first page and warm rerun of a page):
- cold: from starting ``streamlit run app.py`` (fresh process, empty caches) until the
  Overview's six KPI values are visible in the first browser page. Chromium is launched
  before the clock starts, so its own start-up is not counted.
- warm: on that page, choose a different country in the Country selectbox; the time from
  the click on the option until the Revenue metric shows a new text. The median of
  ``--changes`` changes is reported (each sample is printed too).
- pricing warm: on the Pricing page, click the price change's '+' button; the time until
  the 'Units per week' metric shows a new text (median of ``--changes`` clicks).
Bars: cold < 5 s, warm < 1 s. Nothing is asserted; these machines are noisy.

Data: the bundled UCI Online Retail file (541,909 lines; Chen, D. (2015). Online Retail
[Dataset]. UCI Machine Learning Repository. CC BY 4.0).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from server import CHROMIUM, CHROMIUM_ARGS, REPO, build_demo, free_port, wait_healthy

KPI = '[data-testid="stMetricValue"]'
COUNTRIES = ["France", "Germany", "Ireland", "Spain", "Netherlands", "Australia", "Belgium"]
BARS = {"cold": 5.0, "warm": 1.0}
TIMEOUT_MS = 120_000


def revenue_text(page) -> str:
    return page.locator(KPI).first.inner_text()


def wait_changed(page, before: str, start: float) -> float:
    """Seconds since ``start`` until the first metric's text differs from ``before``; then
    wait until the rerun has finished (no status widget) before the next interaction."""
    page.wait_for_function(
        "old => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
        " return e && e.innerText !== old; }", arg=before, timeout=TIMEOUT_MS, polling="raf")
    took = time.perf_counter() - start
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=TIMEOUT_MS)
    return took


def choose_country(page, country: str) -> float:
    """Seconds from the click on ``country`` until the Revenue metric text changed."""
    before = revenue_text(page)
    box = page.get_by_role("combobox", name="Country", exact=True)
    box.click()
    box.press("Control+a")
    box.press_sequentially(country)          # the option list is virtualised: filter it
    option = page.get_by_role("option", name=country, exact=True)
    option.wait_for(timeout=TIMEOUT_MS)
    start = time.perf_counter()
    option.click()
    return wait_changed(page, before, start)


def step_price(page) -> float:
    """Seconds from a click on the price-change '+' until the Units metric text changed."""
    before = revenue_text(page)
    start = time.perf_counter()
    page.locator('[data-testid="stNumberInputStepUp"]').first.click()
    return wait_changed(page, before, start)


def measure(db: Path, changes: int) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ECOM_DB": str(db), "ECOM_NO_DEMO": "1"}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(base, proc)
            healthy = time.perf_counter() - start
            page.goto(base + "/", timeout=TIMEOUT_MS)
            page.locator(KPI).nth(5).wait_for(timeout=TIMEOUT_MS)
            cold = time.perf_counter() - start
            page.locator('[data-testid="stDownloadButton"]').nth(1).wait_for(timeout=TIMEOUT_MS)
            complete = time.perf_counter() - start
            samples = [choose_country(page, c) for c in COUNTRIES[:changes]]
            page.goto(base + "/pricing", timeout=TIMEOUT_MS)
            page.get_by_text("How good is the model").wait_for(timeout=TIMEOUT_MS)
            pricing = [step_price(page) for _ in range(changes)]
        finally:
            browser.close()
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    return {"healthy": healthy, "cold": cold, "complete": complete, "warm": samples,
            "pricing": pricing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="demo store to reuse (built if missing)")
    parser.add_argument("--changes", type=int, default=5, help="filter changes for the warm figure")
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        sys.exit(f"chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="bench_pages_")
        db = Path(tmp) / "demo.db"
    try:
        if not db.exists():
            print(f"building the demo store in {db} …", flush=True)
            print(f"  demo import: {build_demo(db):.1f} s", flush=True)
        result = measure(db, max(1, min(args.changes, len(COUNTRIES))))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    warm = statistics.median(result["warm"])
    print()
    print(f"{'figure':<44} {'ours (s)':>9} {'bar (s)':>8} {'ours/bar':>9}")
    print("-" * 73)
    for name, ours, bar in [
        ("cold: server start -> overview KPIs visible", result["cold"], BARS["cold"]),
        (f"warm: country change -> revenue (median/{len(result['warm'])})", warm, BARS["warm"]),
        (f"warm: pricing +1 % -> units (median/{len(result['pricing'])})",
         statistics.median(result["pricing"]), BARS["warm"]),
    ]:
        print(f"{name:<44} {ours:>9.2f} {bar:>8.1f} {ours / bar:>9.2f}")
    print()
    print(f"  server healthy after          {result['healthy']:.2f} s")
    print(f"  overview complete (last elem) {result['complete']:.2f} s")
    print("  warm samples: " + ", ".join(f"{c} {s:.2f}" for c, s in zip(COUNTRIES, result["warm"])))


if __name__ == "__main__":
    main()
