"""The headline journey, timed in a real browser: a new user's first minutes.

1. Fresh start: an empty store; the app imports the bundled demo on first start.
2. Data page: upload the shop's exports (the two-year German Shopware shop: orders,
   customers, article prices, stock), press Import.
3. Overview: the shop's own figures in EUR (the default view is the user's data).
4. Pricing: a price what-if for one of the shop's products.
Then the same with the 4-order Shopware sample, where Pricing must say why there is too
little history. Prints seconds per step and the number of clicks and file choices.

Run: .venv/bin/python bench/journey.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from server import CHROMIUM, CHROMIUM_ARGS, REPO, streamlit_server

SHARED = REPO.parent / "shared" / "data"
SHOP_2Y = [SHARED / "shopware5-shop-2y" / n for n in (
    "export_orders.csv", "export_customers.csv", "export_articles_prices.csv",
    "export_articles_instock.csv")]
SAMPLE = [SHARED / "shopware5" / "export_orders.csv"]
KPI = '[data-testid="stMetricValue"]'
WAIT_MS = 300_000


def journey(files: list[Path], expect_pricing: str) -> list[tuple[str, float, int]]:
    from playwright.sync_api import expect, sync_playwright

    steps: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fresh.db"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            start = time.perf_counter()
            with streamlit_server(db, {"ECOM_NO_DEMO": ""}) as (base, _):
                page.goto(base + "/", timeout=WAIT_MS)
                expect(page.locator(KPI)).to_have_count(6, timeout=WAIT_MS)
                steps.append(("fresh start → demo Overview", time.perf_counter() - start, 0))

                t = time.perf_counter()
                page.locator('[data-testid="stSidebarNav"] a', has_text="Data").first.click()
                page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                    [str(f) for f in files])
                button = page.get_by_role("button", name=f"Import {len(files)} file(s)")
                expect(button).to_be_visible(timeout=WAIT_MS)
                steps.append((f"Data page, choose {len(files)} file(s) → report", time.perf_counter() - t, 2))

                t = time.perf_counter()
                button.click()
                expect(button).to_have_count(0, timeout=WAIT_MS)
                expect(page.get_by_text("Delete import")).to_be_visible(timeout=WAIT_MS)
                steps.append(("Import → done", time.perf_counter() - t, 1))

                t = time.perf_counter()
                page.locator('[data-testid="stSidebarNav"] a', has_text="Overview").first.click()
                expect(page.locator(KPI).first).to_contain_text("€", timeout=WAIT_MS)
                expect(page.locator(KPI)).to_have_count(6, timeout=WAIT_MS)
                steps.append(("Overview in EUR", time.perf_counter() - t, 1))

                t = time.perf_counter()
                page.locator('[data-testid="stSidebarNav"] a', has_text="Pricing").first.click()
                expect(page.get_by_text(expect_pricing).first).to_be_visible(timeout=WAIT_MS)
                steps.append((f"Pricing → '{expect_pricing}'", time.perf_counter() - t, 1))
                page.screenshot(path=str(Path(tempfile.gettempdir()) / f"journey_{len(files)}.png"),
                                full_page=True)
            browser.close()
    return steps


def main() -> None:
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing (the shop exports)")
    for name, files, expected in [
        ("two-year Shopware shop", SHOP_2Y, "Units per week"),
        ("4-order Shopware sample", SAMPLE, "at least 8 weeks"),
    ]:
        steps = journey(files, expected)
        print(f"\n== {name}")
        for label, seconds, clicks in steps:
            print(f"  {label:<48} {seconds:>6.1f} s  {clicks} click(s)")
        print(f"  {'total':<48} {sum(s for _, s, _ in steps):>6.1f} s  "
              f"{sum(c for _, _, c in steps)} click(s)")


if __name__ == "__main__":
    main()
