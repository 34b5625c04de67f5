"""Issue 14 §3 and §7 in the app: the user's data first, currencies the manager can switch,
demo data labelled and removable, pricing on too little history, the product picker, money
that keeps its cents, the sidebar's shop labels, a progress bar that never moves back.

Stores: tests/app/demo_shop.py (a small stand-in for the bundled demo, recognised by its
content hash like the real one) and tests/app/shop.py (the user's EUR shop).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from ecom_models.demo import demo_import_ids, remove_demo
from ecom_models.ingest.pipeline import import_file
from ecom_models.store.imports import list_imports
from ecom_models.store.queries import order_lines
from tests.app.demo_shop import (DEMO_FIRST, DEMO_LAST, DEMO_PRODUCTS, demo_and_shop_store,  # noqa: F401
                                 demo_file, demo_only_store, import_demo)
from tests.app.shop import (FIXTURE, FIXTURE_FORMAT, SHOWN_ALL, new_app, no_exception, shown, unescape,
                            use_store)
from tests.conftest import shared_path

SHOP_FIRST, SHOP_LAST = date(2024, 4, 1), date(2024, 5, 26)   # tests/data/shop_eur_orders.csv


def texts(elements) -> list[str]:
    return [unescape(str(e.value)) for e in elements]


def open_pricing(query: dict | None = None):
    at = new_app(query).run()
    no_exception(at)
    at.switch_page("pages/pricing.py").run()
    no_exception(at)
    return at


# ----------------------------------------------------------------------- the demo's identity

def test_the_demo_is_recognised_by_its_content_not_its_name(tmp_path, demo_file):
    db = tmp_path / "s.db"
    import_demo(demo_file, db)
    renamed = tmp_path / "my_copy.csv"                       # the same bytes under another name
    renamed.write_bytes(demo_file.read_bytes() + b"")
    shop = import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)
    history = list_imports(db).set_index("file_name")
    assert demo_import_ids(db) == {int(history.at["online_retail.csv", "id"])}
    assert int(history.at[FIXTURE.name, "id"]) == shop["import_id"]
    assert demo_import_ids(tmp_path / "absent.db") == set()


def test_remove_demo_deletes_exactly_the_demo_rows(tmp_path, demo_file):
    db = tmp_path / "s.db"
    import_demo(demo_file, db)
    assert import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)["status"] == "imported"
    before = order_lines(db)
    shop_before = before.loc[before["currency"] == "EUR"].drop(columns=["import_id"])
    demo_lines = int((before["currency"] == "GBP").sum())
    gone = remove_demo(db)
    after = order_lines(db)
    assert gone == {"imports": 1, "order_lines": demo_lines, "products": 0}
    assert list_imports(db)["file_name"].tolist() == [FIXTURE.name]
    assert set(after["currency"].astype(str)) == {"EUR"}
    assert after.drop(columns=["import_id"]).astype(object).values.tolist() == \
        shop_before.astype(object).values.tolist()
    assert remove_demo(db) == {"imports": 0, "order_lines": 0, "products": 0}   # nothing left to remove


# ------------------------------------------------------------------------------- overview

def test_the_default_view_is_the_users_data_not_the_demo(demo_and_shop_store):
    """The demo has more revenue (GBP) than the user's EUR shop; the Overview still opens on EUR,
    with the EUR shop's own date range, and says that GBP data exists."""
    at = new_app().run()
    no_exception(at)
    assert at.selectbox(key="currency").value == "EUR"
    assert shown(at) == SHOWN_ALL
    assert (at.date_input(key="from").value, at.date_input(key="to").value) == (SHOP_FIRST, SHOP_LAST)
    also = [c for c in texts(at.caption) if c.startswith("Also")]
    assert also == ["Also 378 orders in GBP: the demo data (2010–2011)."], texts(at.caption)
    assert not [i for i in texts(at.info) if "Demo data" in i]      # EUR is not the demo
    assert not at.warning, texts(at.warning)


def test_switching_currency_moves_dates_and_chart_to_that_data(demo_and_shop_store):
    at = new_app().run()
    at.button(key="switch_currency_GBP").click().run()
    no_exception(at)
    assert at.selectbox(key="currency").value == "GBP"
    assert at.query_params.get("currency") in ("GBP", ["GBP"])
    assert (at.date_input(key="from").value, at.date_input(key="to").value) == \
        (DEMO_FIRST.date(), DEMO_LAST.date())
    assert not at.warning, texts(at.warning)                         # no "outside your data" notice
    spec = at.get("vega_lite_chart")[0].proto.spec                # weekly ticks sit on the data's weeks
    years = {int(y) for y in re.findall(r'"(20\d\d)-\d\d-\d\d"', spec)}
    assert years and years <= {2010, 2011}, years                    # no line of zeros to 2024
    assert any(i.startswith("Demo data: a UK gift shop, 2010–11.") for i in
               [i.replace("**", "") for i in texts(at.info)]), texts(at.info)
    assert [c for c in texts(at.caption) if c.startswith("Also")] == ["Also 21 orders in EUR (2024)."]
    at.button(key="switch_currency_EUR").click().run()               # and back
    assert shown(at) == SHOWN_ALL
    assert at.date_input(key="from").value == SHOP_FIRST


def test_a_link_with_the_demo_currency_shows_the_demo_labelled(demo_and_shop_store):
    at = new_app({"currency": "GBP"}).run()
    no_exception(at)
    assert at.selectbox(key="currency").value == "GBP"
    assert any("Demo data" in i for i in texts(at.info)), texts(at.info)


def test_first_start_says_what_to_do_next(demo_only_store):
    at = new_app().run()
    no_exception(at)
    info = " ".join(texts(at.info))
    assert "Demo data: a UK gift shop" in info and "You are looking at demo data" in info, info
    assert [link.proto.page for link in at.get("page_link")] and \
        any(link.proto.label == "Upload your exports on the Data page" for link in at.get("page_link"))
    assert at.selectbox(key="currency").value == "GBP"
    assert not [c for c in texts(at.caption) if c.startswith("Also")]


def test_the_sidebar_names_the_shops_loaded_not_the_file(demo_and_shop_store, tmp_path, monkeypatch):
    at = new_app().run()
    side = texts(at.sidebar.caption)
    assert "Your shop (own export) · EUR · 2024" in side, side
    assert any("Demo data: a UK gift shop, 2010–11" in c for c in side), side
    assert not any(".db" in c for c in side), side
    db = tmp_path / "sw.db"                                          # a shop system's own export
    assert import_file(shared_path("shopware5", "export_orders.csv"), db)["status"] == "imported"
    use_store(monkeypatch, db)
    at = new_app().run()
    assert "Shopware 5 shop · EUR · 2012" in texts(at.sidebar.caption), texts(at.sidebar.caption)


def test_one_button_removes_the_demo_and_the_view_stays_on_the_users_data(demo_and_shop_store):
    at = new_app({"currency": "GBP"}).run()
    assert at.selectbox(key="currency").value == "GBP"
    at.button(key="remove_demo").click().run()
    no_exception(at)
    assert list_imports(demo_and_shop_store)["file_name"].tolist() == [FIXTURE.name]
    assert at.selectbox(key="currency").value == "EUR"
    assert shown(at) == SHOWN_ALL
    assert not at.warning, texts(at.warning)                         # no "not in your data" notice
    assert "currency" not in at.query_params or at.query_params["currency"] in ("EUR", ["EUR"])
    # (AppTest keeps only the page's elements on a rerun, so the sidebar is checked on a new run)
    fresh = new_app().run()
    assert texts(fresh.sidebar.caption)[1:] == ["Your shop (own export) · EUR · 2024"], \
        texts(fresh.sidebar.caption)
    assert not [b for b in fresh.button if b.key == "remove_demo"]


def test_a_removed_demo_does_not_come_back_on_an_empty_store(demo_only_store, monkeypatch):
    monkeypatch.delenv("ECOM_NO_DEMO")         # the app would import the demo into an empty store
    at = new_app().run()
    at.button(key="remove_demo").click().run()
    at.run()
    no_exception(at)
    assert list_imports(demo_only_store).empty
    assert any("no orders yet" in i for i in texts(at.info)), texts(at.info)


# -------------------------------------------------------------------------------- pricing

def test_pricing_opens_on_the_users_currency_and_can_switch(demo_and_shop_store):
    at = open_pricing()
    assert at.selectbox(key="currency").value == "EUR"
    assert "in EUR" in at.caption[0].value
    at.button(key="switch_currency_GBP").click().run()
    no_exception(at)
    assert at.selectbox(key="currency").value == "GBP"
    assert set(at.multiselect(key="skus").options) == {f"{s} — {v[0]}" for s, v in DEMO_PRODUCTS.items()}
    assert any("Demo data" in i for i in texts(at.info)), texts(at.info)
    # the EUR product did not become a bad-link notice (model flags may warn, links may not)
    assert not [w for w in texts(at.warning) if "link" in w], texts(at.warning)


def test_pricing_on_two_days_of_orders_says_why_there_is_nothing_to_pick(tmp_path, monkeypatch):
    db = tmp_path / "sw.db"
    assert import_file(shared_path("shopware5", "export_orders.csv"), db)["status"] == "imported"
    use_store(monkeypatch, db)
    at = open_pricing()
    warnings = texts(at.warning)
    assert any(w.startswith("2 days of orders in EUR: at least 8 weeks with sales are needed to "
                            "estimate how price changes demand") for w in warnings), warnings
    assert not at.multiselect, "an empty product box without a word"


def test_pricing_after_removing_the_demo_explains_short_history(tmp_path, monkeypatch, demo_file):
    db = tmp_path / "s.db"
    import_demo(demo_file, db)
    assert import_file(shared_path("shopware5", "export_orders.csv"), db)["status"] == "imported"
    use_store(monkeypatch, db)
    at = new_app().run()
    at.button(key="remove_demo").click().run()
    at.switch_page("pages/pricing.py").run()
    no_exception(at)
    assert any("at least 8 weeks with sales" in w for w in texts(at.warning)), texts(at.warning)
    assert not at.multiselect


def test_a_removed_default_product_stays_removed(demo_only_store):
    at = open_pricing()
    picker = at.multiselect(key="skus")
    assert len(picker.value) == 1
    picker.unselect(picker.value[0]).run()
    no_exception(at)
    assert at.multiselect(key="skus").value == []
    assert any("Choose one or more products" in i for i in texts(at.info)), texts(at.info)
    at.run()
    assert at.multiselect(key="skus").value == []


def test_two_products_are_said_to_be_summed(demo_only_store):
    at = open_pricing()
    first = at.multiselect(key="skus").value[0]
    other = next(s for s in DEMO_PRODUCTS if s != first)
    at.multiselect(key="skus").select(other).run()
    no_exception(at)
    assert sorted(at.multiselect(key="skus").value) == sorted([first, other])
    assert any(c.startswith("The figures add up the 2 chosen products") for c in texts(at.caption)), \
        texts(at.caption)


def test_new_price_mode_starts_at_todays_price(demo_only_store):
    at = open_pricing()
    sku = at.multiselect(key="skus").value[0]
    at.radio(key="mode").set_value("price").run()
    no_exception(at)
    table = next(d.value for d in at.dataframe if "current_price" in getattr(d.value, "columns", []))
    today = float(table.set_index("sku").at[sku, "current_price"])
    assert at.number_input(key="newprice").value == pytest.approx(round(today, 2))
    assert at.metric[0].delta in (None, "+0.0%", "-0.0%")           # today's price changes nothing


def test_a_cheap_product_keeps_its_cents(demo_only_store):
    at = open_pricing({"skus": "21212"})                             # £0.19–£0.25 cake cases
    revenue = next(m for m in at.metric if m.label == "Revenue per week")
    assert re.fullmatch(r"£\d+\.\d\d", revenue.value), revenue.value
    caption = next(c for c in texts(at.caption) if c.startswith("90 %: £"))
    assert re.fullmatch(r"90 %: £\d+\.\d\d – £\d+\.\d\d · today £\d+\.\d\d", caption), caption


# ------------------------------------------------------------------------ demo build's bar

class FakeBar:
    def __init__(self):
        self.values = []

    def progress(self, value, text=""):
        self.values.append(value)


def test_the_demo_build_progress_never_moves_back():
    from ui.layout import monotone_progress

    bar = FakeBar()
    report = monotone_progress(bar, "demo")
    for fraction, message in [(0.05, "reading"), (0.3, "checking values"), (0.6, "validated"),
                              (0.09, "writing"), (0.55, "writing"), (1.0, "writing")]:
        report(fraction, message)
    assert bar.values == sorted(bar.values) and bar.values[-1] == 1.0, bar.values
    assert bar.values[3] > 0.6                                       # writing starts after validation
    other = FakeBar()                                               # an unknown phase restarting at 0
    report = monotone_progress(other, "x")
    for fraction, message in [(0.5, "a"), (0.1, "b"), (0.9, "b")]:
        report(fraction, message)
    assert other.values == sorted(other.values), other.values


def test_a_session_that_opened_on_the_demo_moves_to_the_users_data_after_their_import(
        demo_only_store):
    """The first start shows the demo in GBP; after the user imports a EUR shop, the same
    session's Overview shows EUR (the default followed the data), not the demo."""
    from ecom_models.ingest.pipeline import import_file
    from tests.app.shop import FIXTURE, FIXTURE_FORMAT

    at = new_app().run()
    assert at.selectbox(key="currency").value == "GBP"
    assert import_file(FIXTURE, demo_only_store, fmt=FIXTURE_FORMAT)["status"] == "imported"
    at.run()
    no_exception(at)
    assert at.selectbox(key="currency").value == "EUR"
    # a currency the user picks stays
    at.selectbox(key="currency").select("GBP").run()
    at.run()
    assert at.selectbox(key="currency").value == "GBP"
