"""AppTest: every page renders, and the Overview's main interactions work (shop fixture
and expected figures: tests/app/shop.py)."""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from streamlit.testing.v1 import AppTest

from ecom_models.ingest.pipeline import import_file
from ecom_models.store.queries import order_lines
from tests.app.shop import (
    ALL,
    AT_SPRING,
    EXTRA_CSV,
    EXTRA_NAME,
    FIXTURE,
    FIXTURE_FORMAT,
    HOSTILE,
    MAY_3,
    PAGE_TITLES,
    SCHWEIZ,
    SHOWN_ALL,
    SHOWN_AT_SPRING,
    SHOWN_MAY_3_DE,
    SHOWN_SCHWEIZ,
    SHOWN_WITH_EXTRA,
    assert_no_live_markup,
    independent_kpis,
    metric_snapshot,
    new_app,
    no_exception,
    registered_pages,
    shown,
    shown_de,
    unescape,
)


def stored_as(name: str) -> tuple[str, ...]:
    """How the store may hold a fixture country: its ISO code (issue 14 §2) or the name."""
    from ecom_models.countries import to_code

    return tuple(v for v in (to_code(name), name) if v)


def country_option(name: str) -> str:
    """The Overview's country option for a fixture country: its name in English
    (``ui.datasets.country_label``), e.g. 'Schweiz' -> 'Switzerland' once stored as 'CH'."""
    from ui.datasets import country_label

    return country_label(stored_as(name)[0], "en")


def test_the_markup_guard_catches_raw_markup():
    """The injection guard used below is not vacuous: unescaped names trip it, escaped
    ones (ui.safe.md_escape) do not."""
    def page(text):
        return AppTest.from_string(f"import streamlit as st\nst.caption({text!r})").run()

    for raw in HOSTILE:
        with pytest.raises(AssertionError):
            assert_no_live_markup(page(raw))
    from ui.safe import md_escape
    for raw in HOSTILE:
        assert_no_live_markup(page(md_escape(raw)))


# ----------------------------------------------------------------------------- the fixture

def test_fixture_imports_as_a_german_generic_export(tmp_path):
    """The fixture is what it claims: ';', decimal comma, day-first dates, 40 lines kept,
    SKU 00123 with its leading zeros, the return as a negative line."""
    db = tmp_path / "f.db"
    result = import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)
    assert result["status"] == "imported", result.get("error")
    detected = result["report"]["detected"]
    assert (detected["delimiter"], detected["decimal"], detected["date_format"]) == (";", ",", "%d.%m.%Y")
    assert result["lines_stored"] == 40
    lines = order_lines(db)
    assert "00123" in set(lines["sku"].astype(str))
    assert set(lines["product_name"].astype(str)) >= set(HOSTILE)
    assert int(lines["is_return"].sum()) == 1
    names = ["Deutschland", "Schweiz", "Österreich"]
    assert sorted(lines["country"].astype(str).unique()) in (sorted(names),
                                                             sorted(stored_as(n)[0] for n in names))


@pytest.mark.parametrize("expected, filters", [
    (ALL, {}),
    (SCHWEIZ, {"country": "Schweiz"}),
    (AT_SPRING, {"country": "Österreich", "date_from": date(2024, 4, 15), "date_to": date(2024, 5, 12)}),
    (MAY_3, {"date_from": date(2024, 5, 3), "date_to": date(2024, 5, 3)}),
], ids=["all", "schweiz", "at-spring", "may-3"])
def test_hand_figures_match_an_independent_recount(expected, filters):
    assert independent_kpis(**filters) == expected


def test_shown_strings_follow_from_the_hand_figures():
    """The display strings above are the hand figures rounded as the page shows them."""
    def money0(v): return f"€{v.quantize(Decimal('1'), ROUND_HALF_UP):,}"
    def money2(v): return f"€{v.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    for figures, shown_values in [(ALL, SHOWN_ALL), (SCHWEIZ, SHOWN_SCHWEIZ), (AT_SPRING, SHOWN_AT_SPRING)]:
        rate = Decimal(figures["returned"]) / figures["sold"] * 100
        assert shown_values == [money0(figures["revenue"]), str(figures["orders"]), str(figures["units"]),
                                money2(figures["revenue"] / figures["orders"]), str(figures["customers"]),
                                f"{rate.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"]


# ---------------------------------------------------------------------------- smoke test

@pytest.mark.parametrize("page", registered_pages())
def test_every_page_renders(shop_store, page):
    at = new_app().run()
    no_exception(at)
    at.switch_page(page).run()
    no_exception(at)
    titles = [t.value for t in at.title]
    if page in PAGE_TITLES:   # the page's own title (it may grow: "Pricing what-if")
        assert any(t.startswith(PAGE_TITLES[page]) for t in titles), titles
    else:  # a page added after this test was written: it must at least have a title
        assert titles, f"{page} shows no title"


def test_registered_pages_include_the_known_ones():
    assert set(PAGE_TITLES) <= set(registered_pages())


# ------------------------------------------------------------------------------ overview

def test_overview_shows_the_hand_computed_kpis(shop_store):
    at = new_app().run()
    no_exception(at)
    assert shown(at) == SHOWN_ALL
    assert not at.warning, [w.value for w in at.warning]
    assert at.get("vega_lite_chart"), "the revenue chart is missing"
    assert_no_live_markup(at)


def test_country_filter_changes_revenue_and_url(shop_store):
    at = new_app().run()
    before = shown(at)
    at.selectbox(key="country").select(country_option("Schweiz")).run()
    no_exception(at)
    assert shown(at) == SHOWN_SCHWEIZ
    assert shown(at)[0] != before[0]
    assert at.query_params.get("country") in (*stored_as("Schweiz"), *[[v] for v in stored_as("Schweiz")])


def test_link_reproduces_the_widget_view(shop_store):
    """Setting the widgets, and opening the link they produce, give the same metrics."""
    at = new_app().run()
    at.selectbox(key="country").select(country_option("Österreich")).run()
    at.date_input(key="from").set_value(date(2024, 4, 15)).run()
    at.date_input(key="to").set_value(date(2024, 5, 12)).run()
    no_exception(at)
    assert shown(at) == SHOWN_AT_SPRING
    link = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert {k: link.get(k) for k in ("country", "from", "to")} == \
        {"country": link.get("country"), "from": "2024-04-15", "to": "2024-05-12"}
    assert link["country"] in stored_as("Österreich")
    assert set(link) <= {"country", "from", "to", "currency", "grain", "lang"}, link

    shared = new_app(link).run()
    no_exception(shared)
    assert metric_snapshot(shared) == metric_snapshot(at)   # values and changes alike
    assert shared.selectbox(key="country").value in stored_as("Österreich")
    assert shared.date_input(key="from").value == date(2024, 4, 15)
    assert not shared.warning, [w.value for w in shared.warning]


def test_filters_survive_a_page_switch(shop_store):
    at = new_app().run()
    at.selectbox(key="country").select(country_option("Schweiz")).run()
    at.switch_page("pages/data.py").run()
    no_exception(at)
    at.switch_page("pages/overview.py").run()
    no_exception(at)
    assert shown(at) == SHOWN_SCHWEIZ


def test_an_open_overview_sees_a_new_import(shop_store):
    """Another tab (or the CLI) imports while this session is open: the next rerun must
    count the new orders, as the user never picked a date range."""
    at = new_app().run()
    assert shown(at) == SHOWN_ALL
    extra = shop_store.parent / EXTRA_NAME
    extra.write_bytes(EXTRA_CSV)
    assert import_file(extra, shop_store, fmt=FIXTURE_FORMAT)["status"] == "imported"
    at.run()
    no_exception(at)
    assert shown(at) == SHOWN_WITH_EXTRA


@pytest.mark.parametrize("query, label", [
    ({"from": "2024-13-45"}, "start date"),
    ({"to": "yesterday"}, "end date"),
    ({"from": "1999-01-01"}, "start date"),                # outside the data
    ({"country": "Atlantis"}, "country"),
    ({"country": "<img src=x onerror=alert(1)>"}, "country"),
    ({"currency": "XXX"}, "currency"),
    ({"grain": "fortnight"}, "time grain"),
    ({"lang": "xx"}, "language"),
    ({"from": "2024-05-10", "to": "2024-04-10"}, "date"),
], ids=["bad-from", "bad-to", "from-outside-data", "unknown-country", "hostile-country",
        "unknown-currency", "bad-grain", "bad-lang", "from-after-to"])
def test_invalid_link_values_warn_and_fall_back(shop_store, query, label):
    at = new_app(query).run()
    no_exception(at)
    notices = [unescape(w.value) for w in at.warning]
    assert any(label in n and "default is shown" in n for n in notices), notices
    assert shown(at) == SHOWN_ALL                          # the default view
    for key in query:                                      # the bad value left the URL
        assert at.query_params.get(key) != query[key]
    assert_no_live_markup(at)


def test_all_invalid_values_at_once(shop_store):
    at = new_app({"from": "2024-13-45", "country": "Atlantis", "lang": "xx"}).run()
    no_exception(at)
    notices = " | ".join(unescape(w.value) for w in at.warning)
    for label in ("start date", "country", "language"):
        assert label in notices
    assert shown(at) == SHOWN_ALL
    assert at.selectbox(key="country").value == ""          # "" = All countries
    assert at.selectbox(key="lang").value == "en"


def test_german_formats_money_the_german_way(shop_store):
    at = new_app({"lang": "de", "from": "2024-05-03", "to": "2024-05-03"}).run()
    no_exception(at)
    assert [m.label for m in at.metric][:2] == ["Umsatz", "Bestellungen"]
    assert shown_de(at) == SHOWN_MAY_3_DE
    assert "Überblick" in [t.value for t in at.title]


def test_empty_store_says_no_orders_yet(empty_store):
    at = new_app().run()
    no_exception(at)
    assert any("no orders yet" in i.value for i in at.info), [i.value for i in at.info]
    assert not at.metric
    assert at.get("page_link"), "the link to the Data page is missing"
