"""The URL codec of ui/state: every valid state survives encode -> decode unchanged, and
every invalid URL value falls back to the default with a notice (never an exception)."""
from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from ui.state import PARAMS, decode, encode

KEYS = list(PARAMS)

names = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF,
                                       exclude_categories=("Cs",)), min_size=1, max_size=60)
VALUES = {
    "lang": st.sampled_from(["en", "de"]),
    "from": st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    "to": st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    "country": st.just("") | names,
    "currency": st.none() | st.sampled_from(["GBP", "EUR", "USD", "INR"]),
    "grain": st.sampled_from(["day", "week", "month"]),
    "skus": st.lists(names.filter(lambda n: "," not in n), max_size=20).map(tuple),
    "category": st.just("") | names,
    "mode": st.sampled_from(["pct", "price"]),
    "focus": st.none() | names,
    "change": st.floats(-50, 100).map(lambda x: round(x, 2)),
    "newprice": st.none() | st.floats(0.01, 1e6).map(lambda x: round(x, 2)),
    "margin": st.floats(0, 95).map(lambda x: round(x, 2)),
    "minmargin": st.floats(0, 95).map(lambda x: round(x, 2)),
    "maxchange": st.floats(1, 50).map(lambda x: round(x, 2)),
    "ending": st.sampled_from(["none", ".99", ".95", ".90", "whole"]),
    "goal": st.sampled_from(["profit", "revenue"]),
    "tchange": st.floats(-30, 30).map(lambda x: round(x, 2)),
    "twhich": st.sampled_from(["chosen", "suggested"]),
}


def test_every_param_has_a_strategy():
    assert set(VALUES) == set(PARAMS)


@given(st.fixed_dictionaries(VALUES))
def test_round_trip(values):
    query = encode(values)
    assert all(isinstance(v, str) for v in query.values())
    decoded, notices = decode(query, KEYS)
    assert notices == []
    assert decoded == values


@given(st.dictionaries(st.sampled_from(KEYS), st.text(max_size=30)))
def test_any_url_decodes_without_error(query):
    decoded, notices = decode(query, KEYS)
    assert set(decoded) == set(KEYS)
    assert len(notices) <= len(query)


def test_invalid_values_fall_back_with_a_notice():
    decoded, notices = decode({"from": "2024-13-45", "lang": "xx", "change": "nan",
                               "margin": "150", "grain": "week"}, KEYS)
    assert decoded["from"] is None and decoded["lang"] == "en"
    assert decoded["change"] == PARAMS["change"].default
    assert decoded["margin"] == PARAMS["margin"].default
    assert decoded["grain"] == "week"
    assert len(notices) == 4
    assert any("start date" in n for n in notices)


def test_defaults_are_left_out_of_the_url():
    assert encode({"grain": "week", "lang": "en", "country": ""}) == {}
    assert encode({"country": "France", "from": date(2011, 3, 1)}) == {
        "country": "France", "from": "2011-03-01"}


def test_every_widget_key_is_owned_by_the_state_module():
    """Pages may only use session keys declared in ui/state.py (URL params or LOCAL_KEYS)."""
    import re
    from pathlib import Path

    from ui.state import LOCAL_KEYS

    root = Path(__file__).resolve().parents[2]
    used = set()
    for path in [*root.glob("pages/*.py"), *root.glob("ui/*.py")]:
        used |= set(re.findall(r'key=f?"([a-z]+(?:_[a-z]+)*)', path.read_text()))
    assert used, "no widget keys found: the check itself is broken"
    assert used <= set(PARAMS) | LOCAL_KEYS, used - set(PARAMS) - LOCAL_KEYS
