"""Each preset imports its real sample from ../shared/data with exact counts and totals.

Expected figures were computed independently of our importer, with Python's csv module
(or openpyxl for .xlsx) over the raw files, e.g. for the UCI file:
    rows = list(csv.DictReader(open('online_retail.csv')))
    sum(float(r['Quantity']) * float(r['UnitPrice']) for r in rows)   # 9,747,747.93
and the data README's own measurements (row counts, the settlement's total-amount).
"""
from __future__ import annotations

import gzip

import pytest

from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import import_file
from ecom_models.sales import Filters, kpis
from ecom_models.store.queries import order_lines, products
from tests.conftest import shared_path


def _import(db, *parts, fmt="auto", **options):
    result = import_file(shared_path(*parts), db, fmt, Options(**options))
    assert result["status"] == "imported", result.get("error")
    return result


def test_uci_full_file_totals(db, tmp_path):
    csv_path = tmp_path / "online_retail.csv"
    csv_path.write_bytes(gzip.decompress(shared_path("online-retail", "online_retail.csv.gz").read_bytes()))
    result = import_file(csv_path, db)
    assert result["detected"]["format"] == "online-retail"
    assert result["detected"]["date_format"] == "%m/%d/%Y %H:%M"
    assert (result["rows_read"], result["rows_imported"], result["rows_skipped"]) == (541909, 541909, 0)
    report = result["report"]
    # csv module: rows with a C invoice or negative quantity; pseudo stock codes + A invoices
    assert report["return_lines"] == 10624
    assert report["non_product_lines"] == 2995
    assert (report["first_date"], report["last_date"]) == ("2010-12-01 08:26:00", "2011-12-09 12:50:00")
    lines = order_lines(db)
    figures = kpis(lines, Filters(currency="GBP"))
    # README: Σ Quantity × UnitPrice over all rows = 9,747,747.93; product lines alone 9,792,310.43
    assert figures["revenue"] + figures["other_revenue"] == pytest.approx(9747747.93, abs=0.01)
    assert figures["revenue"] == pytest.approx(9792310.43, abs=0.01)
    assert figures["orders"] == 20538          # invoices whose net product quantity > 0
    assert figures["countries"] == 38
    # customer ids are keyed pseudonyms (never in clear), one per customer: README 4,372
    ids = lines["customer_id"].dropna().astype(str)
    assert ids.str.fullmatch(r"[0-9a-f]{16}").all()
    assert ids.nunique() == 4372
    assert lines["customer_id"].isna().sum() == 135080
    # countries are ISO codes: README 38 names, of which 3 have no code
    assert {"GB", "FR", "DE", "IE", "ZA", "US"} <= set(lines["country"].astype(str))


def test_uci_xlsx_sample(db):
    result = _import(db, "online-retail", "online_retail_sample40k.xlsx")
    assert result["detected"]["format"] == "online-retail"
    assert result["rows_imported"] == 40000
    lines = order_lines(db)
    # openpyxl over the sheet: Σ Quantity × UnitPrice = 706,922.42; 778 negative quantities
    assert (lines["quantity"] * lines["unit_price"]).sum() == pytest.approx(706922.42, abs=0.01)
    assert (lines["quantity"] < 0).sum() == 778
    assert not lines["sku"].astype(str).str.endswith(".0").any()


def test_uci_tiny_ragged_rows_rejected_then_skipped(db):
    rejected = import_file(shared_path("online-retail", "online_retail_tiny.csv"), db)
    assert rejected["status"] == "rejected"
    assert "line 121" in rejected["error"] and "7 fields" in rejected["error"]
    assert "4 such lines" in rejected["error"]
    result = _import(db, "online-retail", "online_retail_tiny.csv", skip_bad_rows=True)
    assert (result["rows_read"], result["rows_imported"], result["rows_skipped"]) == (183, 179, 4)
    assert result["detected"]["date_format"] == "%m/%d/%y %H:%M"


def test_shopware_orders(db):
    result = _import(db, "shopware5", "export_orders.csv")
    assert result["detected"]["delimiter"] == ";"
    assert result["detected"]["format"] == "shopware"
    # 17 rows: orders 52 and 54 (9 rows) are aborted checkouts (orderStatusID -1)
    assert (result["rows_read"], result["rows_imported"], result["rows_skipped"]) == (17, 8, 9)
    figures = kpis(order_lines(db), Filters(currency="EUR"))
    # csv module, mode 0 lines; order 15 has net = 1 (net prices), order 57 net = 0 (prices
    # include 19 % VAT): 836.134 + (35.99 + 35.99 + 54.9 + 2 × 34.99) / 1.19 = 1001.563
    assert figures["revenue"] == pytest.approx(836.134 + 196.86 / 1.19, abs=0.005)
    assert figures["vat"] == "net"
    # mode ≠ 0 lines: SHIPPINGDISCOUNT −2 and sw-payment-absolute 5 (net), 5 / 1.19 (gross)
    assert figures["other_revenue"] == pytest.approx(-2 + 5 + 5 / 1.19, abs=0.005)
    assert figures["orders"] == 2
    assert "remoteAddress" not in str(result["report"]["columns"])


def test_shopware_prices_decimal_comma(db):
    result = _import(db, "shopware5", "export_articles_prices.csv")
    assert result["detected"]["decimal"] == ","
    # 405 rows: 4 graduated prices (from 11/21/31/41) and 1 B2B row are skipped
    assert result["rows_skipped"] == 5
    table = products(db).set_index("sku")
    assert len(table) == 400
    assert table.at["SW10002.1", "current_price"] == pytest.approx(59.99)
    assert table.at["SW10002.1", "name"] == "Münsterländer Lagerkorn 32%"


def test_shopware_stock_after_prices_keeps_prices(db):
    _import(db, "shopware5", "export_articles_prices.csv")
    _import(db, "shopware5", "export_articles_instock.csv")
    table = products(db).set_index("sku")
    assert len(table) == 400
    assert table["stock"].notna().all()
    assert table.at["SW10002.1", "name"] == "Münsterländer Lagerkorn 32%"


def test_shopify_orders_continuation_rows(db):
    result = _import(db, "shopify", "orders_export.csv")
    assert result["detected"]["format"] == "shopify"
    assert result["rows_imported"] == 121
    lines = order_lines(db)
    assert lines["order_id"].nunique() == 51
    assert lines["currency"].astype(str).eq("INR").all()      # carried down to continuation rows
    figures = kpis(lines, Filters(currency="INR"))
    # csv module: Σ Lineitem quantity × Lineitem price = 585,942.00; Σ quantity = 258
    assert figures["revenue"] == pytest.approx(585942.0)
    assert figures["units"] == 258
    assert figures["orders"] == 51


def test_amazon_sale_report(db):
    result = _import(db, "amazon", "amazon_sale_report.csv")
    assert result["detected"]["format"] == "amazon-sales"
    assert result["detected"]["date_format"] == "%m-%d-%y"
    figures = kpis(order_lines(db), Filters(currency="INR"))
    # csv module over rows whose Status has no cancel/return/reject: Σ Amount, Σ Qty, orders
    assert figures["revenue"] == pytest.approx(426935.0)
    assert figures["units"] == 685
    assert figures["orders"] == 647
    assert figures["returned_units"] == 35   # Qty of cancelled/returned/rejected rows


def test_amazon_settlement_tab_file(db):
    result = _import(db, "amazon", "settlement_flatfile_ca.txt", fmt="amazon")
    assert result["detected"]["delimiter"] == "\t"
    assert result["detected"]["format"] == "amazon-settlement"
    assert result["rows_skipped"] == 1      # the settlement summary row
    figures = kpis(order_lines(db), Filters(currency="CAD"))
    # README: Σ of all amount columns over the transaction rows = total-amount = 1016.08
    assert figures["revenue"] + figures["other_revenue"] == pytest.approx(1016.08, abs=0.005)


def test_magento_orders_json_product(db):
    result = _import(db, "magento2", "orders.csv")
    assert result["detected"]["format"] == "magento"
    lines = order_lines(db)
    assert sorted(lines["sku"].astype(str).unique()) == ["WS03", "WS08"]
    assert lines["quantity"].sum() == 1      # WS08 was refunded ("refund" = yes)


def test_woocommerce_and_magento_products(db):
    _import(db, "woocommerce", "sample_products.csv")
    _import(db, "magento2", "products_gear_bags.csv")
    table = products(db).set_index("sku")
    assert len(table) == 24 + 14
    assert table.at["cc-beanie", "current_price"] == 18      # sale price 18 beats regular 20
    assert table.at["cc-sunglasses", "current_price"] == 90
    assert table.at["24-MB01", "current_price"] == 34


def test_shopify_product_template_variants_inherit_the_title(db):
    result = _import(db, "shopify", "product_template.csv")
    assert result["detected"]["format"] == "shopify-products"
    # csv module: 17 rows, one image-only row of example-pants has no Variant SKU
    assert (result["rows_read"], result["rows_imported"], result["rows_skipped"]) == (17, 16, 1)
    table = products(db).set_index("sku")
    assert table.at["SRT_COT_433", "name"] == "Example T-Shirt"      # carried from the first row
    assert table.at["SRT_COT_433", "category"] == "Shirts"
    assert table.at["PNT_DEN_305", "unit_cost"] == 50 and table.at["PNT_DEN_305", "stock"] == 15
    assert table.at["HAT_GRY_275", "current_price"] == pytest.approx(17.99)


def test_ebay_sales_history_with_padding_and_footer(db):
    result = _import(db, "ebay", "SalesHistory.csv")
    assert result["detected"]["format"] == "ebay"
    assert result["detected"]["header_line"] == 2           # after a line of bare commas
    assert result["rows_imported"] == 4
    reasons = result["report"]["skipped_reasons"]
    assert reasons["download footer (record count / seller id)"] == 2
    figures = kpis(order_lines(db), Filters(currency="USD"))  # from the $ signs
    # csv module: 1 × 19.50 + 2 × 5.90 + 4 × 3 + 3 × 1
    assert figures["revenue"] == pytest.approx(46.30)
    assert figures["orders"] == 4 and figures["units"] == 10
    assert result["report"]["first_date"] == "2016-01-18 00:00:00"


@pytest.mark.parametrize("name, currency, rows, orders, revenue, units", [
    # csv module: rows, distinct Order ID, Σ Quantity × Price, Σ Quantity
    ("EtsySoldOrderItems2021_masked.csv", "USD", 136, 109, 568.30, 158),
    ("EtsySoldOrderItems2020_en-GB_masked.csv", "GBP", 255, 228, 3313.46, 276),
])
def test_etsy_sold_order_items_both_header_variants(db, name, currency, rows, orders, revenue, units):
    result = _import(db, "etsy", name)
    assert result["detected"]["format"] == "etsy"
    assert result["rows_imported"] == rows
    figures = kpis(order_lines(db), Filters(currency=currency))
    assert figures["revenue"] == pytest.approx(revenue)
    assert figures["orders"] == orders and figures["units"] == units
