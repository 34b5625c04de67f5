"""The two-year German Shopware 5 shop (../shared/data/shopware5-shop-2y): revenue net of
VAT, countries from the customers export, unit costs and stock from the article exports."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from ecom_models.ingest.pipeline import import_file
from ecom_models.sales import Filters, kpis
from ecom_models.store.queries import order_lines, products
from tests.conftest import shared_path

FILES = ("export_orders.csv", "export_customers.csv", "export_articles_prices.csv",
         "export_articles_instock.csv")


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sw2y") / "shop.db"
    for name in FILES:
        result = import_file(shared_path("shopware5-shop-2y", name), db)
        assert result["status"] == "imported", result.get("error")
    return db


def _rows(name: str) -> list[dict]:
    with open(shared_path("shopware5-shop-2y", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_revenue_is_net_of_vat_for_end_customers_and_traders(shop_db):
    # csv module: article lines (mode 0) of orders that were placed and not cancelled;
    # end customers' prices (net = 0) include VAT at taxRate, traders' (net = 1) do not.
    expected = sum(float(r["price"]) * float(r["quantity"])
                   / (1 + float(r["taxRate"]) / 100 if r["net"] == "0" else 1)
                   for r in _rows("export_orders.csv")
                   if r["mode"] == "0" and r["orderStatusID"] not in ("-1", "4"))
    figures = kpis(order_lines(shop_db), Filters(currency="EUR"))
    assert figures["revenue"] == pytest.approx(expected, abs=0.05)
    assert figures["vat"] == "net"
    assert figures["revenue"] < 2_094_687.75   # the gross + net mix the store used to add up


def test_orders_get_their_country_from_the_customers_export(shop_db):
    lines = order_lines(shop_db)
    customers = {r["customernumber"]: r["billing_countryID"] for r in _rows("export_customers.csv")}
    by_id = {"2": "DE", "23": "AT", "26": "CH", "21": "NL", "5": "BE"}  # Shopware 5 country ids
    placed = [r for r in _rows("export_orders.csv") if r["orderStatusID"] != "-1"]
    expected = Counter(by_id[customers[r["customerId"]]] for r in placed if r["mode"] == "0")
    got = Counter(lines.loc[lines["is_product"] & ~lines["is_return"], "country"].astype(str))
    assert got == expected
    assert kpis(lines, Filters(currency="EUR"))["countries"] == 5


def test_article_exports_fill_unit_costs_current_prices_and_stock(shop_db):
    table = products(shop_db).set_index("sku")
    prices = {r["ordernumber"]: r for r in _rows("export_articles_prices.csv") if r["pricegroup"] == "EK"}
    stock = {r["ordernumber"]: float(r["instock"]) for r in _rows("export_articles_instock.csv")}
    assert len(table) == len(prices) == 120
    for sku, row in list(prices.items())[:120]:
        assert table.at[sku, "unit_cost"] == pytest.approx(float(row["purchaseprice"].replace(",", ".")))
        assert table.at[sku, "current_price"] == pytest.approx(float(row["price"].replace(",", ".")))
        assert table.at[sku, "stock"] == stock[sku]
    assert set(table["channel"]) == {"shopware"}


def test_customer_numbers_and_emails_are_not_stored_in_clear(shop_db):
    import sqlite3

    dump = "\n".join(sqlite3.connect(shop_db).iterdump())
    assert "@example.com" not in dump and "Händler 1 GmbH" not in dump
    lines = order_lines(shop_db)
    assert lines["customer_id"].astype(str).str.fullmatch(r"[0-9a-f]{16}").all()
    assert kpis(lines, Filters(currency="EUR"))["customers"] == 2400
