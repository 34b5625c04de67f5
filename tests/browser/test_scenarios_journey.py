"""Real-browser journey of saved scenarios (Playwright + Debian chromium, as test_journey.py):
make a price scenario on the Pricing page and save it; open the share link in a fresh browser
context (no session): the same numbers; import more data and open the link again: the same
saved numbers plus the "data changed" notice; download the management report and check it.

The server runs on a temp store holding the synthetic shop of tests/scenarios/shop.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_journey import (CHROMIUM, CHROMIUM_ARGS, KPI, WAIT_MS, _unavailable, fail_on_exception,
                                        running_app, sync_playwright, wait_idle)
from tests.scenarios.shop import HOSTILE_NAME, build_store, more_orders

if sync_playwright is not None:
    from playwright.sync_api import expect


@pytest.fixture(scope="module")
def shop_server(tmp_path_factory):
    if sync_playwright is None:
        _unavailable("playwright is not installed")
    if not Path(CHROMIUM).is_file():
        _unavailable(f"chromium not found at {CHROMIUM}")
    root = tmp_path_factory.mktemp("scn_browser")
    db = build_store(root)
    with running_app(db, root) as base:
        yield base, root, db


def metrics(page, n: int) -> list[str]:
    expect(page.locator(KPI)).to_have_count(n, timeout=WAIT_MS)
    wait_idle(page)
    return [v.replace("\u00a0", " ").strip() for v in page.locator(KPI).all_inner_texts()]


def open_link(browser, link: str, n: int):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB", accept_downloads=True)
    ctx.set_default_timeout(WAIT_MS)
    page = ctx.new_page()
    page.goto(link)
    shown = metrics(page, n)
    fail_on_exception(page)
    return ctx, page, shown


def test_save_share_import_and_report(shop_server):
    base, root, db = shop_server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            warmup = browser.new_page()      # the first page of a server imports the models
            warmup.goto(base + "/", timeout=WAIT_MS)
            warmup.locator('[data-testid="stSidebarNav"]').wait_for(timeout=WAIT_MS)
            warmup.close()

            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
            ctx.set_default_timeout(WAIT_MS)
            page = ctx.new_page()
            page.goto(base + "/pricing?skus=A-1&change=10")
            expect(page.get_by_role("button", name="Save scenario")).to_be_visible()
            page.locator(KPI).nth(3).wait_for()      # the what-if's four metrics have rendered
            wait_idle(page)
            on_pricing = [v.replace("\u00a0", " ").strip() for v in page.locator(KPI).all_inner_texts()][:4]
            fail_on_exception(page)
            page.get_by_role("button", name="Save scenario").click()
            page.get_by_role("button", name="Save", exact=True).click()
            code = page.locator('[data-testid="stCode"]')
            expect(code).to_contain_text("scenario=")
            link = code.inner_text().strip()
            assert link.startswith(base + "/scenarios?scenario=")
            ctx.close()

            fresh, view, shown = open_link(browser, link, 4)
            assert shown == on_pricing
            alerts = " ".join(view.locator('[data-testid="stAlert"]').all_inner_texts())
            assert "data changed" not in alerts
            fresh.close()

            more_orders(root, db)          # another import into the server's store
            again, view, shown = open_link(browser, link, 8)
            assert shown[:4] == on_pricing and shown[4:] != on_pricing
            expect(view.get_by_text("The data changed since this scenario was saved")).to_be_visible()
            with view.expect_download() as info:
                view.get_by_role("button", name="Management report (HTML)").click()
            report = Path(info.value.path()).read_text(encoding="utf-8")
            scenario_id = link.rsplit("=", 1)[1]
            assert scenario_id in report and "<svg" in report and "Assumptions" in report
            assert "Data fingerprint" in report and "Kaffeebecher" in report
            assert "<img" not in report and "<script" not in report
            assert "differ" in report          # says that today's numbers differ
            again.close()
        finally:
            browser.close()
    assert HOSTILE_NAME   # the shop's hostile product exists in the data (see shop.py)
