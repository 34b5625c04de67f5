"""The URL codec of ui/state: every valid state survives encode -> decode unchanged, and
every invalid URL value falls back to the default with a notice (never an exception)."""
from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from ecom_models.bundles.scenario import BOUNDS as BUNDLE_BOUNDS
from ecom_models.forecasting.scenario import BOUNDS as FORECAST_BOUNDS
from ecom_models.markets.scenario import BOUNDS as MARKET_BOUNDS
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


def _floats(low: float, high: float):
    """Values inside the record's own bounds, at cent precision (as the widgets step)."""
    return st.floats(low, high).map(lambda x: min(max(round(x, 2), low), high))


def _ints(low: float, high: float):
    return st.integers(int(low), int(high))


dates = st.dates(date(2000, 1, 1), date(2030, 12, 31))
codes = st.sampled_from(["AT", "CH", "DE", "FR", "GB", "NL", "US"])
# Bundles page (b_*): bounds from ecom_models.bundles.scenario.BOUNDS (the what-if) and the
# page's own mining settings (b_minsup 0.01–50 %, b_mincount 1–100000 orders)
VALUES.update({
    "b_channel": st.none() | names,
    "b_from": st.none() | dates,
    "b_to": st.none() | dates,
    "b_country": st.just("") | names,
    "b_minsup": _floats(0.01, 50.0),
    "b_mincount": _ints(1, 100_000),
    "b_items": st.lists(names.filter(lambda n: "," not in n), max_size=3, unique=True).map(tuple),
    "b_mode": st.sampled_from(["pct", "price"]),
    "b_discount": _floats(*BUNDLE_BOUNDS["discount_pct"]),
    "b_price": st.none() | _floats(*BUNDLE_BOUNDS["bundle_price"]),
    "b_elast": _floats(*BUNDLE_BOUNDS["assumed_elasticity"]),
    "b_margin": _floats(*BUNDLE_BOUNDS["assumed_margin_pct"]),
})
# Forecast & stock page (f_*): bounds from ecom_models.forecasting.scenario.BOUNDS
VALUES.update({
    "f_level": st.sampled_from(["sku", "country", "category", "total"]),
    "f_series": st.none() | names,
    "f_h": st.sampled_from([4, 8, 13, 26]),
    "f_price": _floats(*FORECAST_BOUNDS["price_change_pct"][:2]),
    "f_promo": _ints(0, FORECAST_BOUNDS["horizon_weeks"][1]),
    "f_disc": _floats(*FORECAST_BOUNDS["promo_discount_pct"][:2]),
    "f_stock": st.none() | _floats(0.0, 1e9),
    "f_lead": _ints(*FORECAST_BOUNDS["lead_time_days"][:2]),
    "f_review": _ints(*FORECAST_BOUNDS["review_period_days"][:2]),
    "f_sl": _floats(*FORECAST_BOUNDS["service_level_pct"][:2]),
    "f_moq": _floats(*FORECAST_BOUNDS["min_order_qty_units"][:2]),
})
# Markets & channels page (m_*): None = the reference value; bounds from MarketInputs' BOUNDS
_MARKET_KEYS = {"m_price": "list_price_gross_local", "m_vat": "vat_pct", "m_ship": "shipping_cost_base_per_order",
                "m_shipfee": "shipping_fee_gross_local_per_order", "m_duty": "duty_pct",
                "m_fee": "marketplace_fee_pct", "m_pay": "payment_fee_pct", "m_ret": "return_rate_pct",
                "m_cost": "unit_cost_base", "m_fxcost": "fx_cost_pct", "m_upo": "units_per_order"}
VALUES.update({key: st.none() | _floats(*MARKET_BOUNDS[name][:2]) for key, name in _MARKET_KEYS.items()})
VALUES.update({
    "m_sku": st.none() | names,
    "m_country": st.none() | codes,
    "m_channel": st.sampled_from(["own", "amazon", "ebay", "etsy"]),
    "m_target": _floats(0.0, 90.0),
    "m_fixed": _floats(0.0, 1e8),
    "m_units": st.none() | _floats(0.0, 1e7),
    # an empty list cannot be written into the URL (encode leaves out ()), so it reads back
    # as the default markets: at least one market is compared
    "m_compare": st.lists(codes, min_size=1, max_size=7, unique=True).map(tuple),
})
# Portfolio (p_*) and Customers (c_*) pages (issue 20)
VALUES.update({
    "p_currency": st.none() | st.sampled_from(["GBP", "EUR", "USD"]),
    "p_by": st.sampled_from(["revenue", "profit"]),
    "p_a": _floats(50.0, 95.0), "p_b": _floats(1.0, 45.0),
    "p_x": _floats(0.1, 2.0), "p_y": _floats(0.2, 5.0),
    "p_weeks": st.sampled_from([13, 26, 52, 104]),
    "p_idle": _ints(7, 365),
    "p_rcost": _floats(0.0, 1000.0),
    "c_currency": st.none() | st.sampled_from(["GBP", "EUR", "USD"]),
    "c_group": st.just("") | names,
    "c_horizon": st.sampled_from([13, 26, 52, 104]),
    "c_survey": st.none() | st.integers(1, 10**9),
    "c_seg": st.just("") | names,
})


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
