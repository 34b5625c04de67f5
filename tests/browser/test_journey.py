"""Real-browser journeys (Playwright + Debian chromium) against `streamlit run app.py`.

The server runs on a temp store holding ``tests/data/shop_eur_orders.csv`` (figures
computed by hand in tests/app/test_pages.py) with ECOM_NO_DEMO=1. Journeys: upload the
Shopware 5 orders export on the Data page and see the Overview's KPIs change; set a filter,
copy the URL and open it in a fresh browser context: the same numbers must show.

CI (CI=true) must run these: a missing chromium or playwright is a failure there; on a
developer machine without them the module is skipped. Every wait is bounded.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from tests.conftest import shared_path as shared_file  # one locator for ../shared/data

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "shop_eur_orders.csv"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
IN_CI = os.environ.get("CI") == "true"
SERVER_START_S = 60      # bounded wait for /_stcore/health
WAIT_MS = 30_000         # bounded wait for any element / rerender

KPI = '[data-testid="stMetricValue"]'
# Hand-computed in tests/app/test_pages.py (revenue 5,923.69 → €5,924; 21 orders; ...).
SHOWN_ALL = ["€5,924", "21", "74", "€282.08", "13", "1.3%"]
SHOWN_SCHWEIZ_REVENUE = "€1,452"            # Schweiz (stored as CH): 1,451.79 in 5 orders
# After the Shopware 5 orders export (EUR; 2 orders, 1,001.56 of product lines net of VAT:
# 836.134 + 196.86 / 1.19): 5,923.69 + 1,001.56 = 6,925.25 → €6,925; 21 + 2 = 23 orders.
SHOWN_WITH_SHOPWARE = ["€6,925", "23"]


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason}; CI=true requires the browser tests to run")
    pytest.skip(reason)


try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit was not healthy after {SERVER_START_S} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running_app(db: Path, root: Path) -> Iterator[str]:
    """`streamlit run app.py` on the store ``db`` (log in ``root``); yields its base URL and
    stops the server afterwards. Every browser journey starts its server this way."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ECOM_DB": str(db), "ECOM_NO_DEMO": "1"}
    log = root / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_healthy(base, proc, log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run app.py` on a temp store with the fixture export; killed at the end."""
    if sync_playwright is None:
        _unavailable("playwright is not installed")
    if not Path(CHROMIUM).is_file():
        _unavailable(f"chromium not found at {CHROMIUM}")
    from ecom_models.ingest.pipeline import import_file

    root = tmp_path_factory.mktemp("browser")
    db = root / "store.db"
    result = import_file(FIXTURE, db, fmt="generic")
    assert result["status"] == "imported", result.get("error")
    with running_app(db, root) as base:
        yield base


@pytest.fixture(scope="module")
def chrome(server):
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            # the first page of a server imports the models: keep that out of each test's waits
            warmup = chromium.new_page()
            warmup.goto(server + "/", timeout=WAIT_MS)
            warmup.locator(KPI).first.wait_for(timeout=WAIT_MS)
            warmup.close()
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def ctx(chrome):
    ctx = chrome.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    ctx.set_default_timeout(WAIT_MS)
    yield ctx
    ctx.close()


def wait_overview(page) -> None:
    """The Overview has rendered completely: six KPIs and its last element (the second
    CSV download button, under the countries chart)."""
    expect(page.locator(KPI)).to_have_count(6, timeout=WAIT_MS)
    expect(page.locator('[data-testid="stDownloadButton"]')).to_have_count(2, timeout=WAIT_MS)
    wait_idle(page)


def wait_idle(page) -> None:
    """No rerun in progress (Streamlit shows a status widget while the script runs)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT_MS)


def kpis(page) -> list[str]:
    return [text.replace("\u00a0", " ").strip() for text in page.locator(KPI).all_inner_texts()]


def go_to(page, title: str) -> None:
    """Switch page through the sidebar navigation (same session, like a user)."""
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()


def pick(page, label: str, option: str) -> None:
    """Open a selectbox by its label and click an option."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def save_screenshot(page, path: Path) -> None:
    """The whole Overview: Streamlit scrolls inside its main container, so a full-page
    screenshot would stop at the viewport; grow the viewport to the content first."""
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 4000)})
    wait_overview(page)
    page.wait_for_timeout(500)   # let vega re-lay out the charts at the new size
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def fail_on_exception(page) -> None:
    errors = page.locator('[data-testid="stException"]')
    if errors.count():
        pytest.fail("the app shows an exception:\n" + "\n".join(errors.all_inner_texts())[:2000])


def test_upload_shopware_export_and_see_the_overview_change(ctx, server):
    export = shared_file("shopware5", "export_orders.csv")
    page = ctx.new_page()
    page.goto(server + "/")
    wait_overview(page)
    assert kpis(page) == SHOWN_ALL

    go_to(page, "Data")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
    commit = page.get_by_role("button", name="Import 1 file(s)")
    expect(commit.or_(page.locator('[data-testid="stException"]')).first).to_be_visible()
    fail_on_exception(page)
    expect(page.get_by_text("Validation report: export_orders.csv")).to_be_visible()
    commit.click()
    # after the import the uploader is replaced by an empty one and the button is gone
    expect(commit).to_have_count(0)
    expect(page.get_by_text("Delete import")).to_be_visible()
    wait_idle(page)
    fail_on_exception(page)

    go_to(page, "Overview")
    wait_overview(page)
    expect(page.locator(KPI).first).to_have_text(SHOWN_WITH_SHOPWARE[0])
    assert kpis(page)[:2] == SHOWN_WITH_SHOPWARE


def test_filter_link_reproduces_the_view_in_a_new_context(chrome, ctx, server):
    page = ctx.new_page()
    page.goto(server + "/")
    wait_overview(page)
    before = kpis(page)
    assert before[0] in (SHOWN_ALL[0], SHOWN_WITH_SHOPWARE[0])   # upload journey may have run

    pick(page, "Country", "Switzerland")     # the export's 'Schweiz', stored as ISO code CH
    expect(page.locator(KPI).first).to_have_text(SHOWN_SCHWEIZ_REVENUE)
    page.wait_for_url("**country=CH**", timeout=WAIT_MS)
    wait_overview(page)
    fail_on_exception(page)
    filtered = kpis(page)
    assert filtered[0] == SHOWN_SCHWEIZ_REVENUE and filtered != before
    link = page.url

    fresh = chrome.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    try:
        fresh.set_default_timeout(WAIT_MS)
        shared = fresh.new_page()
        shared.goto(link)
        wait_overview(shared)
        fail_on_exception(shared)
        assert kpis(shared) == filtered
        assert shared.get_by_role("combobox", name="Country", exact=True).input_value() == "Switzerland"
        alerts = " ".join(shared.locator('[data-testid="stAlert"]').all_inner_texts())
        assert "default is shown" not in alerts, alerts
        save_screenshot(shared, ARTIFACTS / "overview.png")
    finally:
        fresh.close()


def test_a_deep_link_is_the_first_visit_of_a_fresh_server(chrome, tmp_path):
    """Management opens a shared link right after the server (re)started: the page must run
    inside the router (sidebar, language, navigation), not as a bare page file."""
    from ecom_models.ingest.pipeline import import_file

    db = tmp_path / "store.db"
    assert import_file(FIXTURE, db, fmt="generic")["status"] == "imported"
    with running_app(db, tmp_path) as base:
        page = chrome.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(base + "/data?lang=de", timeout=WAIT_MS)
            expect(page.get_by_role("heading", name="Daten")).to_be_visible(timeout=WAIT_MS)
            nav = page.locator('[data-testid="stSidebarNav"]')
            expect(nav).to_contain_text("Überblick", timeout=WAIT_MS)
            assert "app" not in [t.strip() for t in nav.locator("a").all_inner_texts()]
            expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Sprache")
            fail_on_exception(page)
        finally:
            page.close()
