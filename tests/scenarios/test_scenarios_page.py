"""AppTest of saving on the Pricing page and of the Scenarios page: the share link shows the
saved numbers, "data changed" with today's numbers beside, not found for every bad link,
rename/delete, compare, German."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ecom_models.scenarios import PricingInputs, save
from ecom_models.store import scenarios as table
from tests.conftest import REPO
from tests.scenarios.shop import more_orders

APP = str(REPO / "app.py")


@pytest.fixture
def store(shop_db, monkeypatch):
    monkeypatch.setenv("ECOM_DB", str(shop_db))
    monkeypatch.setenv("ECOM_NO_DEMO", "1")
    return shop_db


def open_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_save_on_the_pricing_page_and_open_the_link_in_a_new_session(store):
    at = open_page("pages/pricing.py", skus="A-1", change="10")
    shown = [m.value for m in at.metric][:4]
    at.button(key="scn_save").click().run()
    assert not at.exception, at.exception
    link = at.code[0].value
    scenario_id = link.rsplit("scenario=", 1)[1]
    assert table.valid_id(scenario_id)
    view = open_page("pages/scenarios.py", scenario=scenario_id)
    assert [m.value for m in view.metric] == shown
    assert not view.warning and not view.text_input   # read-only: nothing to edit


def test_data_changed_notice_keeps_saved_numbers_and_shows_today_beside(store):
    saved = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-2",), price_change_pct=-10))
    before = [m.value for m in open_page("pages/scenarios.py", scenario=saved.id).metric]
    more_orders(store.parent, store)
    view = open_page("pages/scenarios.py", scenario=saved.id)
    metrics = [m.value for m in view.metric]
    assert metrics[:4] == before and len(metrics) == 8 and metrics[4:] != before
    assert "data changed since this scenario was saved" in view.warning[0].value
    assert any("Today" in str(df.value.columns.tolist()) for df in view.dataframe)


@pytest.mark.parametrize("query", [
    {"scenario": "nope"}, {"scenario": "../../etc/passwd"}, {"scenario": "x" * 10_000},
    {"scenario": "A" * 22},                          # well-formed but never issued
    {"scenario": ["AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB"]},   # repeated key
])
def test_bad_links_show_not_found_and_nothing_else(store, query):
    """Guards against probing: malformed, path-like, oversized, unknown and repeated ids all
    give the same "not found", with no numbers, no inputs and no error details."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/scenarios.py").run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Scenario not found."]
    assert not at.metric and not at.dataframe


def test_repeated_key_with_a_real_id_is_still_not_found(store):
    """Guards against ambiguity: ?scenario=REAL&scenario=OTHER must not pick one of them."""
    saved = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",)))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.query_params["scenario"] = [saved.id, saved.id]
    at.switch_page("pages/scenarios.py").run()
    assert [e.value for e in at.error] == ["Scenario not found."]


def test_deleted_scenario_link_is_not_found(store):
    saved = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",)), title="to delete")
    at = open_page("pages/scenarios.py")
    at.selectbox(key="scn_pick").set_value(saved.id).run()
    at.button(key="scn_delete_sure").click().run()
    assert not at.exception and "deleted" in at.success[0].value
    assert [e.value for e in open_page("pages/scenarios.py", scenario=saved.id).error] == ["Scenario not found."]


def test_list_compare_highlights_differing_inputs_with_the_baseline(store):
    a = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=5), title="five")
    b = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=15), title="fifteen")
    at = open_page("pages/scenarios.py")
    at.multiselect(key="scn_compare").set_value([a.id, b.id]).run()
    assert not at.exception
    frame = at.dataframe[-1].value
    assert list(frame.columns) == ["Do nothing", "1. five", "2. fifteen"]
    assert frame.loc["Price change %", "1. five"] != frame.loc["Price change %", "2. fifteen"]
    from ui.scenario_view import compare_frame

    _, differing = compare_frame([a, b], "en")
    assert differing == {"Price change %"}


def test_german_view_and_hostile_title_as_text(store):
    saved = save(store, "pricing", PricingInputs(currency="EUR", skus=("A-4",)), title="[x](javascript:alert(1))")
    """Guards against a title from the user becoming a live link (Markdown injection)."""
    from ui.safe import md_escape

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "de"
    at.run()
    at.query_params["scenario"] = saved.id
    at.switch_page("pages/scenarios.py").run()
    assert not at.exception
    assert "Schreibgeschützt" in at.caption[0].value
    assert at.title[0].value == md_escape("[x](javascript:alert(1))")
