"""The bundle, forecast and market what-ifs as saved scenarios (issues 17–19 → 16): saving
and reopening gives back every input and result bit for bit; the command line saves and
shows them; the share link's read-only view shows the numbers the page showed; another
import gives the "data changed" notice with the saved numbers kept; a forecast takes its
price change from a saved price what-if (the chain)."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from ecom_models.scenarios.registry import get_kind, kinds
from ecom_models.scenarios.saved import compare_today, open_saved, save
from ecom_models.store import scenarios as table
from tests.conftest import REPO
from tests.scenarios.shop import PRODUCTS, START

QUERIES = {   # page URL keys, as a link or the command line gives them
    "bundles": {"b_items": "A-1,A-2", "b_discount": "12"},
    "forecast": {"f_series": "A-1", "f_price": "10", "f_lead": "21"},
    "markets": {"m_sku": "A-1", "m_country": "AT", "m_price": "14.9"},
}


def write_baskets(path: Path, first_week: int, weeks: int, seed: int) -> Path:
    """Orders holding 1–4 of the shop's products (A-1 goes with A-2 far more often than
    chance), German and Austrian customers, price steps every 4 weeks (EUR)."""
    rng = np.random.default_rng(seed)
    rows, skus = [], list(PRODUCTS)
    for week in range(first_week, first_week + weeks):
        level = (0.9, 1.0, 1.1, 1.0)[(week // 4) % 4]
        for o in range(25):
            basket = [s for s in skus if rng.random() < 0.35]
            if "A-1" in basket and "A-2" not in basket and rng.random() < 0.7:
                basket.append("A-2")
            basket = basket or [skus[o % 4]]
            day = START + timedelta(weeks=week, days=int(rng.integers(0, 5)))
            for sku in basket:
                name, price, _ = PRODUCTS[sku]
                rows.append([f"O{week}-{o}", day.strftime("%d.%m.%Y"), sku, name, str(int(rng.integers(1, 3))),
                             f"{price * level:.2f}".replace(".", ","), "EUR", f"K{o % 9}",
                             ("Deutschland", "Österreich")[o % 2]])
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Bestellnummer", "Datum", "Artikelnummer", "Artikel", "Menge", "Einzelpreis",
                         "Währung", "Kunde", "Land"])
        writer.writerows(rows)
    return path


def _import(path: Path, db: Path) -> None:
    from ecom_models.ingest.pipeline import import_file

    result = import_file(path, db, fmt="generic")
    assert result["status"] == "imported", result.get("error")


@pytest.fixture(scope="module")
def basket_template(tmp_path_factory):
    root = tmp_path_factory.mktemp("kinds")
    _import(write_baskets(root / "orders.csv", 0, 40, seed=1), root / "store.db")
    return root / "store.db"


@pytest.fixture
def store(basket_template, tmp_path, monkeypatch):
    db = tmp_path / "store.db"
    shutil.copy(basket_template, db)
    monkeypatch.setenv("ECOM_DB", str(db))
    monkeypatch.setenv("ECOM_NO_DEMO", "1")
    return db


def _save(db: Path, kind: str, **extra):
    spec = get_kind(kind)
    return save(db, kind, spec.build(db, {**QUERIES[kind], **extra}))


def test_the_three_kinds_are_registered():
    assert {"pricing", "bundles", "forecast", "markets"} <= set(kinds())


@pytest.mark.parametrize("kind", ["bundles", "forecast", "markets"])
def test_save_and_reopen_reproduces_inputs_and_results_exactly(store, kind):
    saved = _save(store, kind)
    again = open_saved(store, saved.id)
    assert again.inputs == saved.inputs
    assert table.dumps(again.results) == table.dumps(saved.results)   # every bit, no NaN
    spec = get_kind(kind)
    assert spec.inputs_from_dict(json.loads(json.dumps(spec.inputs_to_dict(saved.inputs)))) == saved.inputs
    # the URL values given are the record's: a link and the page agree
    by_key = {f.key: f for f in spec.fields}
    for key, text in QUERIES[kind].items():
        assert by_key[key].dump(getattr(saved.inputs, by_key[key].name)) == by_key[key].dump(by_key[key].parse(text))
    # nothing changed since: recomputing gives the same numbers
    check = compare_today(store, again, recompute=True)
    assert not check.data_changed and not check.model_changed and check.same_numbers, check.error


def test_results_follow_the_inputs(store):
    """Guards against a kind that ignores its inputs: another discount, price change or shelf
    price gives other numbers."""
    pairs = [("bundles", {"b_discount": "30"}, lambda r: r["revenue"]["mid"]),
             ("forecast", {"f_price": "-20"}, lambda r: r["units_scenario"]),
             ("markets", {"m_price": "19.9"}, lambda r: r["contribution_margin"])]
    for kind, change, pick in pairs:
        assert pick(_save(store, kind).results) != pick(_save(store, kind, **change).results), kind


def test_another_import_gives_data_changed_and_keeps_the_saved_numbers(store, tmp_path):
    saved = {kind: _save(store, kind) for kind in ("bundles", "forecast", "markets")}
    _import(write_baskets(tmp_path / "later.csv", 40, 6, seed=2), store)
    for kind, before in saved.items():
        again = open_saved(store, before.id)
        assert table.dumps(again.results) == table.dumps(before.results)
        check = compare_today(store, again)
        assert check.data_changed and check.imports_added == 1, kind
        assert check.results_today is not None or check.error, kind
    assert not compare_today(store, saved["bundles"]).same_numbers     # 6 more weeks of orders


def test_forecast_takes_its_price_change_from_a_saved_price_what_if(store):
    from ecom_models.scenarios import PricingInputs

    price = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=15))
    forecast = save(store, "forecast", get_kind("forecast").build(store, {"f_series": "A-1"}, parent_id=price.id))
    assert forecast.parent_id == price.id and forecast.steps == (price.id, forecast.id)
    assert forecast.results["price_change_pct"] == pytest.approx(15.0)
    assert forecast.results["price_from"] == price.id
    alone = _save(store, "forecast", f_price="0")
    assert forecast.results["units_scenario"] != alone.results["units_scenario"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ecom_models", "scenario", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("kind", ["bundles", "forecast", "markets"])
def test_cli_saves_and_shows(store, kind):
    sets = [a for k, v in QUERIES[kind].items() for a in ("--set", f"{k}={v}")]
    done = _cli("save", kind, *sets, "--title", "cli", "--db", str(store), "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["kind"] == kind and record["results"]
    shown = _cli("show", record["id"], "--db", str(store), "--json")
    assert shown.returncode == 0, shown.stderr
    shown = json.loads(shown.stdout)
    assert shown["inputs"] == record["inputs"] and shown["results"] == record["results"]
    assert shown["data_changed"] is False
    bad = _cli("save", kind, "--set", f"{next(iter(QUERIES[kind]))}=", "--set", "nope=1", "--db", str(store))
    assert bad.returncode == 2 and "nope" in bad.stderr


# ----------------------------------------------------------------------------- AppTest

PAGES = {"bundles": ("pages/bundles.py", {"b_items": "A-1,A-2", "b_discount": "12"}),
         "forecast": ("pages/forecast.py", {"f_series": "A-1", "f_price": "10"}),
         "markets": ("pages/markets.py", {"m_sku": "A-1", "m_country": "AT", "m_price": "14.9"})}


def _open(page: str, **query):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=180)
    at.run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("kind", ["bundles", "forecast", "markets"])
def test_save_on_the_page_and_the_link_shows_the_same_numbers(store, kind):
    page, query = PAGES[kind]
    at = _open(page, **query)
    shown = {m.label: m.value for m in at.metric}
    at.button(key="scn_save").click().run()
    assert not at.exception, at.exception
    scenario_id = at.code[0].value.rsplit("scenario=", 1)[1]
    saved = open_saved(store, scenario_id)
    assert saved.kind == kind
    view = _open("pages/scenarios.py", scenario=scenario_id)
    in_view = {m.label: m.value for m in view.metric}
    common = set(in_view) & set(shown)
    assert len(common) >= 3, (in_view, shown)
    assert {k: in_view[k] for k in common} == {k: shown[k] for k in common}
    assert not view.warning and not view.text_input          # read-only, nothing changed


def test_the_view_says_data_changed_after_another_import(store, tmp_path):
    saved = _save(store, "bundles")
    before = [m.value for m in _open("pages/scenarios.py", scenario=saved.id).metric]
    _import(write_baskets(tmp_path / "later.csv", 40, 6, seed=2), store)
    view = _open("pages/scenarios.py", scenario=saved.id)
    metrics = [m.value for m in view.metric]
    assert metrics[:4] == before and len(metrics) == 8 and metrics[4:] != before
    assert "data changed since this scenario was saved" in view.warning[0].value
