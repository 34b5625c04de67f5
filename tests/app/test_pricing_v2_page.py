"""AppTest of the Pricing page's v2 parts (issue 15): the count model on the Shopware shop
(purchase prices, traders, vouchers, stock) and on the demo (no costs), the margin table
that saves and changes the recommendation, the price test plan, a URL that reproduces the
view, and totals over a selection that mixes estimable and not-estimable products."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecom_models.store.settings import category_margins, save_category_margins
from tests.conftest import REPO, shared_path

TOP_SW = "SW20107"      # the Shopware shop's best seller: 3 catalogue-price changes, high confidence
NEVER_CHANGED = "SW20006"   # sells ~20 a week at one catalogue price: not estimable (borrows the group's)


@pytest.fixture(scope="module")
def sw_db(tmp_path_factory):
    """The Shopware 5 shop (2 years: orders, customers, prices, stock) imported by the CLI."""
    folder = shared_path("shopware5-shop-2y", "export_orders.csv").parent
    db = tmp_path_factory.mktemp("sw") / "sw.db"
    run = subprocess.run([sys.executable, "-m", "ecom_models", "import", *sorted(map(str, folder.glob("*.csv"))),
                          "--db", str(db)], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return db


def open_pricing(db, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("ECOM_DB", str(db))
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("pages/pricing.py").run()
    assert not at.exception, at.exception
    return at


def texts(at) -> str:
    return " ".join(e.value for kind in ("markdown", "caption", "success", "info", "warning")
                    for e in getattr(at, kind))


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def number(text: str) -> float:
    return float(re.sub(r"[^\d.\-]", "", text.replace("−", "-")))


def test_shopware_page_works_from_the_shops_own_costs_tiers_and_checks(sw_db, monkeypatch):
    at = open_pricing(sw_db, monkeypatch, skus=TOP_SW)
    words = texts(at)
    # catalogue price and the tier the estimate uses: traders' units are kept apart
    assert "Catalogue price today **€34.37**" in words and "kept apart" in words
    assert "Estimated from **3** real catalogue-price changes" in words and "promotion weeks" in words
    # the traders' own estimate, on their own price (85 % of the catalogue price here)
    assert "**Traders** (their price today €29.21): elasticity **-1.50**" in words
    assert "from 3 changes of their own price; confidence medium" in words
    # the shop's purchase price, not an assumed margin, sets the answer: no margin dependence table
    assert "Unit cost €20.93 from the products table" in words
    assert "depends on your margin" not in words
    # within prices tried, and the better price outside them says 'test it first'
    assert "Within the prices this product has sold at (€29.82 – €36.09)" in words
    assert "Outside anything you have tried: test it first" in words
    assert at.success and "Chance it beats today's price" in at.success[0].value
    # the model check compares with the same model without the price effect, and says how sure
    labels = [m.label for m in at.metric]
    assert {"With the price effect", "Same model, price ignored", "Same as last week"} <= set(labels)
    assert "improved the forecast for" in words and "would come up by chance in" in words
    assert at.get("vega_lite_chart")


def test_demo_renders_with_margin_dependence_and_the_table_saves_and_changes_the_answer(demo_db, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(demo_db))
    assert category_margins(demo_db) == {}
    at = open_pricing(demo_db, monkeypatch, skus="22423", change="5")
    words = texts(at)
    assert "No unit cost for this product, so the answer depends on your margin" in words
    assert "Enter your costs for a firm answer" in words
    before = [s.value for s in at.success] + [i.value for i in at.info]
    profit_before = metric(at, "Gross profit per week")
    # the editor's '*' row (every product: the demo has no categories) -> 60 %, then Save
    at.session_state["margin_editor"] = {"edited_rows": {0: {"margin": 60.0}}, "added_rows": [],
                                         "deleted_rows": []}
    at.button(key="save_margins").click().run()
    assert not at.exception, at.exception
    assert category_margins(demo_db) == {"*": 60.0}
    words = texts(at)
    assert "from the category margin table: today's margin 60%" in words
    assert "depends on your margin" not in words
    assert [s.value for s in at.success] + [i.value for i in at.info] != before
    assert metric(at, "Gross profit per week") != profit_before   # 60 % instead of the assumed 40 %
    save_category_margins(demo_db, {})    # leave the session's demo store as it was


def test_price_test_plan_appears_with_weeks_and_download(sw_db, monkeypatch):
    at = open_pricing(sw_db, monkeypatch, skus=f"{TOP_SW},SW20101,SW20115", tchange="-10")
    assert "Price test plan" in [h.value for h in at.subheader]
    words = texts(at)
    assert re.search(r"Testing these 3 products together takes \*\*\d+ weeks\*\*", words) or \
        "too long to be practical" in words
    assert any(b.proto.label == "Download as CSV" for b in at.get("download_button"))
    # the products most worth testing: ones without a trustworthy estimate that sell
    at.radio(key="twhich").set_value("suggested").run()
    assert not at.exception
    shown = " ".join(str(df.value) for df in at.dataframe)
    assert NEVER_CHANGED in shown
    assert at.query_params["twhich"] in ("suggested", ["suggested"])


def test_a_link_reproduces_the_view(sw_db, monkeypatch):
    params = {"skus": f"{TOP_SW},{NEVER_CHANGED}", "focus": NEVER_CHANGED, "change": "-8", "goal": "revenue",
              "tchange": "15", "twhich": "suggested", "maxchange": "20"}
    at = open_pricing(sw_db, monkeypatch, **params)
    shared = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert {k: shared[k] for k in params} == params
    seen = ([m.value for m in at.metric], texts(at))
    assert "The revenue goal ignores costs" in seen[1]
    again = open_pricing(sw_db, monkeypatch, **shared)
    assert ([m.value for m in again.metric], texts(again)) == seen
    assert again.number_input(key="tchange").value == 15.0 and again.radio(key="twhich").value == "suggested"


def test_a_tier_without_enough_data_says_why(sw_db, monkeypatch):
    at = open_pricing(sw_db, monkeypatch, skus=NEVER_CHANGED)
    words = texts(at)
    assert "**Traders**: no estimate of their own (price never changed in 104 weeks)" in words


def test_a_selection_mixing_estimable_and_not_estimable_products_adds_both(sw_db, monkeypatch):
    """Issue 15's totals bug: a product without its own elasticity (price never changed)
    borrows the group's and counts in the totals instead of dropping out of them."""
    alone = open_pricing(sw_db, monkeypatch, skus=TOP_SW)
    mixed = open_pricing(sw_db, monkeypatch, skus=f"{TOP_SW},{NEVER_CHANGED}")
    units_alone, units_mixed = number(metric(alone, "Units per week")), number(metric(mixed, "Units per week"))
    table = next(df.value for df in mixed.dataframe if "sku" in getattr(df.value, "columns", []))
    per_product = table.data["units"] if hasattr(table, "data") else table["units"]
    assert units_mixed == pytest.approx(float(per_product.sum()), abs=1)
    assert units_mixed > units_alone + 10            # SW20006 sells ~20 a week
    assert "Chance profit rises" in [m.label for m in mixed.metric]
    assert number(metric(mixed, "Chance profit rises")) > 0


def test_every_new_string_has_its_german_and_the_page_speaks_german(sw_db, monkeypatch):
    from ui import text_pricing

    assert set(text_pricing.EN) == set(text_pricing.DE)
    monkeypatch.setenv("ECOM_DB", str(sw_db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    at.query_params["lang"] = "de"
    at.run()
    at.query_params["skus"] = TOP_SW
    at.switch_page("pages/pricing.py").run()
    assert not at.exception, at.exception
    words = texts(at).replace("\xa0", " ")
    assert at.title[0].value == "Preis-Simulation"
    assert "Listenpreis heute **34,37 €**" in words               # numbers and money the German way
    assert "Stückkosten 20,93 € aus der Produktdatei" in words
    assert "Außerhalb aller erprobten Preise: erst testen." in words
    assert "**Händler** (ihr Preis heute 29,21 €): Elastizität **-1,50**" in words
    assert {"Mit Preiseffekt", "Gleiches Modell ohne Preis", "Wie letzte Woche"} <= {m.label for m in at.metric}


@pytest.fixture(scope="module")
def sim_db(tmp_path_factory):
    """The simulated shop of tests/pricing/sim_shop.py (categories garden, kitchen, toys):
    its orders as a generic CSV and its products as a Magento products export (categories
    reach order lines through the products table), both imported by the CLI as one shop."""
    import pandas as pd

    from tests.pricing.sim_shop import simulate_shop

    folder = tmp_path_factory.mktemp("sim")
    lines = simulate_shop(seed=1, n_skus=30)["lines"]
    lines = lines[lines["is_product"]].assign(currency="EUR", product_name=lambda d: "Item " + d["sku"].astype(str))
    lines.rename(columns={"ordered_at": "date"})[
        ["order_id", "date", "sku", "product_name", "quantity", "unit_price", "currency"]
    ].to_csv(folder / "orders.csv", index=False)
    first = lines.drop_duplicates("sku")
    pd.DataFrame({"sku": first["sku"], "attribute_set": "Default", "price": first["unit_price"], "qty": 10,
                  "name": first["product_name"], "categories": first["category"]}).to_csv(
        folder / "products.csv", index=False)
    db = folder / "sim.db"
    for name in ("orders.csv", "products.csv"):
        run = subprocess.run([sys.executable, "-m", "ecom_models", "import", str(folder / name), "--db", str(db),
                              "--channel", "sim"], cwd=REPO, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
    return db


def test_a_category_what_if_says_substitution_is_not_included(sim_db, monkeypatch):
    at = open_pricing(sim_db, monkeypatch, category="garden")
    assert "Substitution between the category's products" in texts(at)
    single = open_pricing(sim_db, monkeypatch)
    assert "Substitution between" not in texts(single)
    # the margin table offers each category and a row for every other product
    editor = next(df for df in at.dataframe if "category" in df.value.columns)
    assert editor.value["category"].tolist() == ["garden", "kitchen", "toys", "All other products"]


def test_cli_elasticity_tier_rows_keep_the_contract(sw_db):
    import json

    run = subprocess.run([sys.executable, "-m", "ecom_models", "elasticity", "--db", str(sw_db), "--tier", "trader",
                          "--sku", TOP_SW, "--sku", NEVER_CHANGED, "--json"],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    rows = {r["sku"]: r for r in map(json.loads, run.stdout.splitlines())}
    assert {"sku", "elasticity", "ci_low", "ci_high", "n_price_changes", "confidence", "reason", "tier"} <= set(rows[TOP_SW])
    assert rows[TOP_SW]["tier"] == "trader" and rows[TOP_SW]["confidence"] == "medium"
    assert rows[NEVER_CHANGED]["elasticity"] is None and rows[NEVER_CHANGED]["reason"] == "price never changed in 104 weeks"
