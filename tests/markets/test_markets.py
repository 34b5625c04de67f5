"""Markets: the waterfall against a hand calculation, VAT/de-minimis rules per market, FX
against a recorded ECB daily file, break-even, price endings, the inverse price, and the
completeness of the shipped reference table."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from ecom_models.markets import (MarketInputs, Seller, break_even_units, comparable_demand, completeness_problems,
                                 compute, default_inputs, load_rates, markets, months_to_break_even,
                                 parse_ecb_daily, price_for_margin, round_to_ending, tax_rule)
from ecom_models.markets.entry import oss_status

RECORDED = Path(__file__).resolve().parents[1] / "data" / "ecb_eurofxref_2023-12-08.csv"


def test_waterfall_by_hand_chf():
    # Hand calculation (DE seller, CH market, EUR base):
    # P = 45 CHF, v = 8.1 %, x = 0.9438 CHF/EUR, k = 1.
    # gross = 45 / 0.9438 = 47.679593; net N = 47.679593 / 1.081 = 44.106932; VAT = -3.572661
    # FX 1 % of N = -0.441069; shipping -15; duties 0 % + clearance 10 = -10
    # payment 2.49 % × 47.679593 + 0.35 = -1.537222
    # returns 8 % × (44.106932 + 5) = -3.928555; product cost 12 × (1 - 0.08 × 0.8) = -11.232
    # margin = 44.106932 - 0.441069 - 15 - 10 - 1.537222 - 3.928555 - 11.232 = 1.968086
    i = MarketInputs(list_price_gross_local=45, currency_local="CHF", fx_local_per_base=0.9438, vat_pct=8.1,
                     unit_cost_base=12, shipping_cost_base_per_order=15, clearance_fee_base_per_order=10,
                     fx_cost_pct=1, payment_fee_pct=2.49, payment_fee_fixed_base_per_order=0.35,
                     return_rate_pct=8, return_cost_base_per_return=5, resellable_pct=80)
    r = compute(i)
    steps = {c.code: c.base for c in r.components}
    assert steps["vat"] == pytest.approx(-3.572661, abs=1e-6)
    assert steps["payment_fee"] == pytest.approx(-1.537222, abs=1e-6)
    assert steps["returns"] == pytest.approx(-3.928555, abs=1e-6)
    assert r.contribution_margin_base == pytest.approx(1.968086, abs=1e-6)
    assert steps["contribution_margin"] == pytest.approx(sum(v for k, v in steps.items()
                                                             if k not in ("list_price", "contribution_margin"))
                                                         + steps["list_price"], abs=1e-9)
    # the break-even rate makes the margin zero
    assert r.breakeven_fx_local_per_base is not None
    zero = compute(replace(i, fx_local_per_base=r.breakeven_fx_local_per_base))
    assert zero.contribution_margin_base == pytest.approx(0, abs=1e-9)
    assert r.low_base < r.contribution_margin_base < r.high_base


def test_waterfall_marketplace_fee_on_gross_with_order_spread():
    # Amazon-like: P = 23.80 EUR gross (19 % VAT → net 20), 15 % fee on gross incl. shipping
    # fee charged 4.76 gross per order of 2 units (2.38 per unit): fee = 0.15 × (23.80 + 2.38) = 3.927
    # shipping cost 6 per order → -3 per unit, + shipping fee net 2.00 per unit → -1.00
    # no payment fee (included), no returns, cost 8: margin = 20 - 1 - 3.927 - 8 = 7.073; per order 14.146
    i = MarketInputs(list_price_gross_local=23.80, vat_pct=19, units_per_order=2, shipping_cost_base_per_order=6,
                     shipping_fee_gross_local_per_order=4.76, marketplace_fee_pct=15, fee_on_gross=True,
                     payment_fee_pct=0, payment_fee_fixed_base_per_order=0, return_rate_pct=0, unit_cost_base=8)
    r = compute(i)
    assert r.contribution_margin_base == pytest.approx(7.073, abs=1e-9)
    assert r.contribution_margin_per_order_base == pytest.approx(14.146, abs=1e-9)
    assert r.breakeven_fx_local_per_base is None          # same currency: no FX risk


def test_return_heavy_category():
    # Fashion-like: 50 % returns, 60 % resellable, return handling 6 per order, P = 59.50 (net 50)
    # returns = 0.5 × (50 + 6) = 28; cost 20 × (1 - 0.5 × 0.6) = 14; shipping 5; payment 0
    # margin = 50 - 5 - 28 - 14 = 3
    i = MarketInputs(list_price_gross_local=59.5, vat_pct=19, shipping_cost_base_per_order=5, payment_fee_pct=0,
                     payment_fee_fixed_base_per_order=0, return_rate_pct=50, return_cost_base_per_return=6,
                     resellable_pct=60, unit_cost_base=20)
    assert compute(i).contribution_margin_base == pytest.approx(3.0, abs=1e-9)


def test_us_import_with_duty_by_hand():
    # Hand calculation (DE seller, US market, EUR base; formula in markets/waterfall.py):
    # P = 33.99 USD, v = 0 (sales tax not charged), x = 1.0765 USD/EUR, k = 1.
    # N = 33.99 / 1.0765 = 31.574547; FX 1.5 % of N = -0.473618
    # shipping S = 14 → -14; duties 15 % × (N + 14) + clearance 5 = -(0.15 × 45.574547 + 5) = -11.836182
    # payment 2.49 % × 31.574547 + 0.35 = -1.136206; returns 5 % × (N + 0) = -1.578727
    # product cost 10 × (1 - 0.05 × 0.5) = -9.75
    # margin = 31.574547 - 0.473618 - 14 - 11.836182 - 1.136206 - 1.578727 - 9.75 = -7.200186
    i = MarketInputs(list_price_gross_local=33.99, currency_local="USD", fx_local_per_base=1.0765, vat_pct=0,
                     shipping_cost_base_per_order=14, duty_pct=15, clearance_fee_base_per_order=5,
                     fx_cost_pct=1.5, payment_fee_pct=2.49, payment_fee_fixed_base_per_order=0.35,
                     return_rate_pct=5, return_cost_base_per_return=0, resellable_pct=50, unit_cost_base=10)
    r = compute(i)
    steps = {c.code: c.base for c in r.components}
    assert steps["duties"] == pytest.approx(-11.836182, abs=1e-6)
    assert r.contribution_margin_base == pytest.approx(-7.200186, abs=1e-6)


def test_uk_marketplace_fee_on_net_by_hand():
    # Hand calculation (DE seller, UK market via a marketplace, EUR base):
    # P = 24 GBP incl. 20 % VAT, x = 0.8560 GBP/EUR, k = 2 units per order.
    # gross/x = 28.037383; N = 28.037383 / 1.2 = 23.364486; VAT = -4.672897
    # shipping: S = 9 per order, F = 3.60 GBP gross per order → F/(1.2)/x/k = 1.752336; -(4.5 - 1.752336) = -2.747664
    # marketplace 12 % on net: 0.12 × (N + 1.752336) + fixed 0.5/2 = 3.014019 + 0.25 = -3.264019
    # payment 0 (included); FX 0; returns 10 % × (N + 4/2) = -2.536449
    # product cost 9 × (1 - 0.1 × 1.0) = -8.1
    # margin = 23.3644860 - 2.7476636 - 3.2640187 - 2.5364486 - 8.1 = 6.7163551; per order × 2 = 13.4327103
    i = MarketInputs(list_price_gross_local=24, currency_local="GBP", fx_local_per_base=0.8560, vat_pct=20,
                     units_per_order=2, shipping_cost_base_per_order=9, shipping_fee_gross_local_per_order=3.60,
                     marketplace_fee_pct=12, marketplace_fee_fixed_base_per_order=0.5, fee_on_gross=False,
                     payment_fee_pct=0, payment_fee_fixed_base_per_order=0, fx_cost_pct=0,
                     return_rate_pct=10, return_cost_base_per_return=4, resellable_pct=100, unit_cost_base=9)
    r = compute(i)
    steps = {c.code: c.base for c in r.components}
    assert steps["marketplace_fee"] == pytest.approx(-3.264019, abs=1e-6)
    assert r.contribution_margin_base == pytest.approx(6.7163551, abs=1e-6)
    assert r.contribution_margin_per_order_base == pytest.approx(13.4327103, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(price=st.floats(1, 5000), vat=st.floats(0, 27), fx=st.floats(0.05, 400), ship=st.floats(0, 50),
       fee=st.floats(0, 25), ret=st.floats(0, 60), cost=st.floats(0, 500), target=st.floats(0, 60),
       upo=st.floats(1, 10))
def test_price_for_margin_inverts_the_margin(price, vat, fx, ship, fee, ret, cost, target, upo):
    i = MarketInputs(list_price_gross_local=price, currency_local="CHF", fx_local_per_base=fx, vat_pct=vat,
                     shipping_cost_base_per_order=ship, marketplace_fee_pct=fee, return_rate_pct=ret,
                     unit_cost_base=cost, units_per_order=upo)
    p = price_for_margin(i, target, None)
    if p is None:
        return
    if p <= 0.01 or p > 1e7:
        return
    r = compute(replace(i, list_price_gross_local=p))
    # exact up to float rounding: margin = target × net revenue (both in the base currency)
    assert r.contribution_margin_base == pytest.approx(target / 100 * r.net_revenue_base, rel=1e-9,
                                                        abs=1e-9 * (1 + p / fx + cost + ship))
    rounded = price_for_margin(i, target, ".99")
    assert rounded >= p and compute(replace(i, list_price_gross_local=rounded)).margin_pct >= target - 1e-9


@pytest.mark.parametrize("price,ending,expected", [
    (12.31, ".99", 12.99), (12.99, ".99", 12.99), (13.0, ".99", 13.99), (12.31, ".90", 12.90),
    (12.96, ".90", 13.90), (241.5, "whole9", 249.0), (250.0, "whole9", 259.0), (4.01, "whole", 5.0),
    (7.001, "none", 7.01)])
def test_price_endings(price, ending, expected):
    assert round_to_ending(price, ending) == pytest.approx(expected)


def test_reference_table_complete_with_sources():
    table = markets()
    assert completeness_problems(table) == []
    for code in ("AT", "FR", "GB", "CH", "NO", "US", "DE"):
        assert code in table.index
    # rates checked against the cited sources (EU 'VAT rates in Europe', ESTV, gov.uk, news of 2024-25 changes)
    expected = {"DE": 19, "AT": 20, "FR": 20, "NL": 21, "CH": 8.1, "GB": 20, "NO": 25, "US": 0, "EE": 24,
                "RO": 21, "SK": 23, "FI": 25.5, "HU": 27, "LU": 17}
    for code, rate in expected.items():
        assert table.loc[code, "vat_standard_pct"] == rate, code


def test_completeness_flags_a_missing_market_and_source():
    table = markets().drop(index="NO").copy()
    table.loc["AT", "vat_source"] = ""
    problems = completeness_problems(table)
    assert ("NO", "missing") in problems and ("AT", "vat_source") in problems


@pytest.fixture(scope="module")
def fx():
    return parse_ecb_daily(RECORDED.read_bytes())


def test_fx_from_recorded_ecb_file(fx):
    assert fx.as_of == date(2023, 12, 8)
    assert fx.rates["GBP"] == 0.8569 and "TRY" not in fx.rates      # N/A is skipped
    # 100 GBP in CHF = 100 / 0.8569 × 0.9438 = 110.141207
    assert fx.convert(100, "GBP", "CHF") == pytest.approx(110.141207, abs=1e-6)
    assert fx.convert(100, "EUR", "USD") == pytest.approx(107.77)
    shipped = load_rates()
    assert shipped.rates["CHF"] == fx.rates["CHF"] and shipped.as_of == fx.as_of


def test_parser_rejects_other_files():
    with pytest.raises(ValueError):
        parse_ecb_daily("sku,price\nA,1\n")


def _rule(seller, market, net_local, fx, oss=True):
    return tax_rule(seller, markets(), market, net_local, fx, oss_registered=oss)


def test_rules_per_market(fx):
    # inside the EU: home VAT below the OSS threshold, destination VAT above it, no customs
    assert _rule("DE", "AT", 100, fx, oss=False).vat_pct == 19
    r = _rule("DE", "AT", 100, fx, oss=True)
    assert (r.vat_pct, r.duty_pct, r.regime) == (20, 0, "eu_oss")
    # UK: seller charges VAT up to GBP 135, above it border VAT and duty
    assert _rule("DE", "GB", 135, fx).regime == "import_uk135"
    assert _rule("DE", "GB", 136, fx).regime == "import_border"
    # Switzerland: no VAT when the tax is at most CHF 5 (CHF 61 × 8.1 % = 4.94), VAT above (CHF 62.5 → 5.06)
    assert _rule("DE", "CH", 61, fx).vat_pct == 0
    assert _rule("DE", "CH", 62.5, fx).vat_pct == 8.1
    # US: no VAT, duty from the first dollar
    us = _rule("DE", "US", 10, fx)
    assert (us.vat_pct, us.duty_pct) == (0, 15)
    # Norway VOEC: VAT at sale under NOK 3,000, no duty
    assert _rule("DE", "NO", 2999, fx).regime == "import_voec"
    # a UK seller into the EU: IOSS up to EUR 150 (in the market's currency)
    assert _rule("GB", "FR", 150, fx).regime == "import_ioss"
    assert _rule("GB", "FR", 151, fx).regime == "import_border"
    # Poland's limit is EUR 150 converted to PLN (150 × 4.3318 = 649.77)
    assert _rule("GB", "PL", 649, fx).regime == "import_ioss"
    assert _rule("GB", "PL", 651, fx).regime == "import_border"


def test_default_inputs_for_a_marketplace(fx):
    inputs, rule = default_inputs(Seller("DE", "EUR", True), markets(), "FR", fx, price_gross_local=30,
                                  unit_cost_base=10, channel_kind="amazon")
    assert inputs.marketplace_fee_pct == 15 and inputs.payment_fee_pct == 0 and inputs.vat_pct == 20
    gb, _ = default_inputs(Seller("DE", "EUR"), markets(), "GB", fx, price_gross_local=30, unit_cost_base=10)
    assert gb.fx_local_per_base == pytest.approx(0.8569) and gb.fx_cost_pct > 0


def test_break_even():
    # 5,000 fixed / 2.40 per unit = 2,083.3 → 2,084 units; at 100 units a month: 20.83 months
    assert break_even_units(5000, 2.4) == 2084
    assert months_to_break_even(5000, 2.4, 100) == pytest.approx(20.8333, abs=1e-4)
    assert break_even_units(5000, 0) is None and months_to_break_even(5000, -1, 100) is None
    assert break_even_units(0, 3) == 0


def test_comparable_demand():
    # AT: 400 units / 9.2 m = 43.48 per m; NL: 60 / 17.9 = 3.35 per m; pooled 460 / 27.1 = 16.97
    d = comparable_demand({"AT": 400, "NL": 60}, {"AT": 9.2, "NL": 17.9}, 10.0)
    assert d.mid == pytest.approx(460 / 27.1 * 10) and d.low == pytest.approx(60 / 17.9 * 10)
    assert d.high == pytest.approx(400 / 9.2 * 10)
    assert comparable_demand({}, {"AT": 9.2}, 5) is None


def test_oss_threshold_crossing_date():
    import pandas as pd

    sales = pd.DataFrame({"ordered_at": pd.to_datetime(["2024-01-10", "2024-02-01", "2024-03-01", "2024-03-05"]),
                          "country": ["AT", "DE", "AT", "FR"], "net_eur": [6000.0, 50000.0, 3000.0, 2000.0]})
    # cross-border only (DE is home): 6,000 + 3,000 = 9,000, then 11,000 on 2024-03-05
    status = oss_status(sales, "DE")
    assert status[0].crossed_on == date(2024, 3, 5) and status[0].sales_eur == 11000
    assert oss_status(sales, "GB") == []
