"""Markets & channels page (AppTest): renders on the fixture shop and on the two-year Shopware
shop, an assumption edit changes the margin, and the URL rebuilds the same numbers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.shop import REPO, new_app, no_exception, use_store
from tests.conftest import shared_path

PAGE = "pages/markets.py"


def open_markets(query: dict | None = None):
    """The page as a shared link opens it: the URL's parameters set before the page runs (the
    first run shows the default page, which keeps only its own parameters)."""
    query = dict(query or {})
    at = new_app({"lang": query.pop("lang")} if "lang" in query else None).run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    no_exception(at)
    return at


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_renders_on_the_fixture_shop(shop_store):
    at = open_markets()
    shown = metrics(at)
    assert "Contribution margin per unit" in shown
    assert len(at.get("vega_lite_chart")) >= 2          # waterfall + markets compared
    assert at.query_params["m_sku"] and at.query_params["m_country"]


def test_assumption_edit_changes_the_margin_and_the_link_rebuilds_it(shop_store):
    at = open_markets()
    before = metrics(at)["Contribution margin per unit"]
    at.number_input(key="m_ret").set_value(40.0).run()
    no_exception(at)
    after = metrics(at)["Contribution margin per unit"]
    assert after != before
    link = {k: at.query_params[k] for k in at.query_params}
    assert link["m_ret"] == ["40"] or link["m_ret"] == "40"
    again = open_markets({k: (v[0] if isinstance(v, list) else v) for k, v in link.items()})
    assert metrics(again) == metrics(at)


def test_bad_link_values_fall_back_with_a_notice(shop_store):
    at = open_markets({"m_country": "XX", "m_ret": "500"})
    assert any("market" in w.value.lower() or "return" in w.value.lower() for w in at.warning)


@pytest.fixture
def shopware_store(tmp_path, monkeypatch):
    folder = shared_path("shopware5-shop-2y", "export_orders.csv").parent
    db = tmp_path / "m_sw.db"
    files = sorted(str(p) for p in Path(folder).glob("*.csv"))
    done = subprocess.run([sys.executable, "-m", "ecom_models", "import", *files, "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return use_store(monkeypatch, db)


def test_shopware_shop_is_a_german_eur_seller_selling_into_switzerland(shopware_store):
    at = open_markets({"m_country": "CH"})
    text = " ".join(c.value for c in at.caption)
    assert "Switzerland" in text or "CHF" in text
    assert "crossed on" in text                      # the shop's AT/CH/NL/BE sales cross the OSS threshold
    frames = [d.value for d in at.dataframe]
    assert any("Per unit (CHF)" in f.columns for f in frames)     # local and base currency side by side


def test_amazon_fee_rate_comes_from_the_imported_settlement(shop_store):
    from ecom_models.ingest.pipeline import import_file

    assert import_file(shared_path("amazon", "settlement_flatfile_ca.txt"), shop_store)["status"] == "imported"
    at = open_markets()
    table = next(d.value for d in at.dataframe if "Fee rate from" in d.value.columns).set_index("Channel")
    # the settlement's marketplace fees: 708.93 of 2,180.00 CAD product revenue (tests/markets/test_channel_costs)
    assert table.at["Amazon", "Fee rate from"] == "from your Amazon settlement reports"
    assert table.at["Amazon", "Marketplace fee %"] == pytest.approx(32.5)
    assert table.at["eBay", "Fee rate from"] == "assumption (reference table)"
    assert table.at["eBay", "Marketplace fee %"] == pytest.approx(11.0)
    costs = next(d.value for d in at.dataframe if "Marketplace fees" in d.value.columns)   # the reports' breakdown
    assert costs["Marketplace fees"].tolist() == [-708.93] and costs["All charges"].tolist() == [-1163.92]
