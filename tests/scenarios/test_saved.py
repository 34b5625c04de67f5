"""Saved scenarios: exact round trip (property test), the data-changed check, the record's
bounds, and the security cases of ids (each test names what it guards against)."""
from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from ecom_models.scenarios import PricingInputs, compare_today, delete, open_saved, rename, save
from ecom_models.scenarios.fields import FieldError, from_url, to_url
from ecom_models.scenarios.pricing import FIELDS, N_DRAWS
from ecom_models.store import scenarios as table
from ecom_models.store.queries import StoreMissing
from tests.scenarios.shop import more_orders

names = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_characters=","), min_size=1, max_size=30)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)
inputs_strategy = st.builds(
    PricingInputs, currency=st.sampled_from(["EUR", "GBP", "CHF"]),
    skus=st.lists(names, min_size=1, max_size=5, unique=True).map(tuple),
    price_change_pct=st.floats(-50, 100), assumed_margin_pct=st.floats(0, 95),
    seed=st.integers(0, 2**32 - 1), n_draws=st.integers(100, 100_000), interval_pct=st.floats(50, 99),
    category_margins=st.dictionaries(names, st.floats(0, 99.9), max_size=3))


def test_n_draws_default_matches_the_model():
    from ecom_models.pricing.response import N_DRAWS as MODEL_DRAWS

    assert N_DRAWS == MODEL_DRAWS


@settings(max_examples=60)
@given(inputs=inputs_strategy, results=st.dictionaries(st.text(max_size=10), json_values, max_size=6))
def test_save_and_reopen_reproduces_inputs_and_results_bit_for_bit(tmp_path_factory, inputs, results):
    """Every input and every result float (also -0.0, subnormals, 17-digit values) comes back
    with the same bits: compared as JSON text, which tells -0.0 from 0.0."""
    from ecom_models.store.migrations import ensure_schema

    db = tmp_path_factory.mktemp("rt") / "s.db"
    ensure_schema(db)
    new_id = table.save_scenario(db, {"kind": "pricing", "inputs": inputs.to_dict(), "results": results,
                                      "fingerprint": "f", "app_version": "v"})
    again = open_saved(db, new_id)
    assert again.inputs == inputs
    assert table.dumps(again.results) == table.dumps(results)
    assert json.dumps(again.inputs.to_dict()) == json.dumps(inputs.to_dict())


def test_a_computed_scenario_reopens_with_the_same_numbers(shop_db):
    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1", "A-2"), price_change_pct=8),
                 title="Plus 8")
    again = open_saved(shop_db, saved.id)
    assert again == saved and again.results["totals"]["units"] > 0
    assert len(again.results["per_sku"]) == 2
    check = compare_today(shop_db, again, recompute=True)
    assert not check.data_changed and not check.model_changed and check.same_numbers


def test_data_changed_after_another_import_keeps_the_saved_numbers(shop_db):
    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=10))
    before = table.dumps(saved.results)
    more_orders(shop_db.parent, shop_db)
    again = open_saved(shop_db, saved.id)
    check = compare_today(shop_db, again)
    assert table.dumps(again.results) == before                      # saved numbers unchanged
    assert check.data_changed and check.imports_added == 1 and check.imports_removed == 0
    assert check.results_today is not None and check.same_numbers is False
    assert check.results_today["totals"]["baseline_units"] != again.results["totals"]["baseline_units"]


def test_rename_annotate_and_delete_revokes_the_link(shop_db):
    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",)))
    assert rename(shop_db, saved.id, title="New", note="for the board")
    assert (open_saved(shop_db, saved.id).title, open_saved(shop_db, saved.id).note) == ("New", "for the board")
    assert delete(shop_db, saved.id)
    assert open_saved(shop_db, saved.id) is None
    assert not delete(shop_db, saved.id) and not rename(shop_db, saved.id, title="x")
    with sqlite3.connect(shop_db) as conn:   # the deleted record keeps nothing but its id
        row = conn.execute("SELECT title, inputs, results FROM scenarios WHERE id = ?", [saved.id]).fetchone()
    assert row == ("", "{}", "{}")


@pytest.mark.parametrize("bad", ["", "../../etc/passwd", "..%2F..%2F", "a" * 21, "a" * 23, "a" * 10_000,
                                 "abc' OR '1'='1'--xxxxx", "AAAAAAAAAAAAAAAAAAAAA/", None, 12, ["x"]])
def test_malformed_ids_are_not_found_and_never_queried(shop_db, bad, monkeypatch):
    """Guards against path traversal, SQL injection and oversized values reaching the store:
    the format check comes first, so no connection is opened at all."""
    from ecom_models.store import scenarios as module

    def no_connection(*args, **kwargs):
        raise AssertionError("a malformed id reached the database")

    monkeypatch.setattr(module, "connect", no_connection)
    assert open_saved(shop_db, bad) is None


def test_unknown_and_tampered_ids_are_not_found(shop_db):
    """Guards against guessing: a well-formed id that was never issued, or a real id with one
    character changed, finds nothing; ids are random (not derivable from one another)."""
    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",)))
    tampered = saved.id[:-1] + ("A" if saved.id[-1] != "A" else "B")
    assert open_saved(shop_db, tampered) is None
    assert open_saved(shop_db, table.new_id()) is None
    ids = {table.new_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(table.valid_id(i) for i in ids)


def test_reading_a_missing_store_creates_nothing(tmp_path):
    db = tmp_path / "absent.db"
    with pytest.raises(StoreMissing):
        open_saved(db, table.new_id())
    assert not db.exists()


def test_a_record_that_no_longer_fits_its_kind_is_not_found(shop_db):
    """Guards against a tampered row (inputs outside the bounds) being shown as if valid."""
    saved = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",)))
    with sqlite3.connect(shop_db) as conn:
        conn.execute("UPDATE scenarios SET inputs = ? WHERE id = ?",
                     [json.dumps({**saved.inputs.to_dict(), "price_change_pct": 1e9}), saved.id])
    assert open_saved(shop_db, saved.id) is None


def test_one_source_for_bounds_url_keys_and_the_record():
    """The URL codec of ui/state.py, the record and the CLI read the same bounds."""
    from ui import state

    for field in FIELDS:
        if field.url_key in state.PARAMS and field.kind == "float":
            param = state.PARAMS[field.url_key]
            assert param.default == field.default
            assert param.parse(repr(field.high)) == field.high
            with pytest.raises(ValueError):
                param.parse(repr(field.high + 1))
    inputs = from_url(PricingInputs, FIELDS, {"skus": "A-1,A-2", "change": "12.5", "margin": "35", "currency": "EUR"})
    assert from_url(PricingInputs, FIELDS, to_url(inputs, FIELDS)) == inputs
    with pytest.raises(FieldError, match="change"):
        from_url(PricingInputs, FIELDS, {"skus": "A-1", "change": "101", "currency": "EUR"})
    with pytest.raises(FieldError, match="bogus"):
        from_url(PricingInputs, FIELDS, {"skus": "A-1", "bogus": "1"})


def test_a_chain_of_linked_what_ifs(shop_db):
    first = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=5), title="price")
    second = save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",), price_change_pct=7),
                  title="next", parent_id=first.id)
    assert open_saved(shop_db, second.id).steps == (first.id, second.id)
    with pytest.raises(LookupError):
        save(shop_db, "pricing", PricingInputs(currency="EUR", skus=("A-1",)), parent_id=table.new_id())
