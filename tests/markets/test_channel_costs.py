"""Channel margins from the channel's own reports: the shared Amazon.ca settlement flat file,
imported like a user would, against a hand sum over the raw file with the csv module."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from ecom_models.ingest.pipeline import import_file
from ecom_models.markets.channel_costs import SETTLEMENT_TYPES, category_of, channel_costs
from ecom_models.store.queries import order_lines
from tests.conftest import shared_path

FEE_COLUMNS = ("item-related-fee-amount", "shipment-fee-amount", "order-fee-amount",
               "misc-fee-amount", "other-fee-amount")
ALL_AMOUNTS = ("price-amount", *FEE_COLUMNS, "promotion-amount", "direct-payment-amount", "other-amount")


def _num(cell: str | None) -> float:
    return float(cell.strip()) if cell and cell.strip() else 0.0


@pytest.fixture(scope="module")
def settlement(tmp_path_factory):
    path = shared_path("amazon", "settlement_flatfile_ca.txt")
    db = tmp_path_factory.mktemp("settlement") / "store.db"
    assert import_file(path, db)["status"] == "imported"
    with path.open(newline="", encoding="ascii") as handle:
        # transaction rows only: the summary row (total-amount 1016.08) has no transaction-type;
        # (the csv module skips the blank line in the middle of the file)
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if (r["transaction-type"] or "").strip()]
    return channel_costs(order_lines(db)).set_index(["channel", "currency"]).loc[("amazon", "CAD")], rows


def test_fee_total_and_product_revenue_match_a_hand_sum_of_the_raw_file(settlement):
    costs, rows = settlement
    # Product revenue = Σ price-amount where price-type = Principal and transaction-type = Order:
    #   2,180.00 CAD (Principal on the Refund rows, −60.00, is the refund).
    revenue = sum(_num(r["price-amount"]) for r in rows
                  if r["price-type"].strip() == "Principal" and r["transaction-type"] == "Order")
    refunds = sum(_num(r["price-amount"]) for r in rows
                  if r["price-type"].strip() == "Principal" and r["transaction-type"] == "Refund")
    # Marketplace fees = Σ item-related-fee-amount + shipment-fee-amount + order-fee-amount +
    #   misc-fee-amount + other-fee-amount over all transaction rows, except the item-related
    #   type "Cost of Advertising" (a ServiceFee for sponsored ads, −410.23, shown apart):
    #   Commission −349.90 + 9.63 (refunded) + RefundCommission −1.93 + FBAPerUnitFulfillmentFee
    #   −307.01 + DigitalServicesFee −2.90 + 0.29 + FBA transportation fee −7.88 + TaxAmount
    #   −49.23 = −708.93 CAD.
    fees = sum(_num(r[c]) for r in rows for c in FEE_COLUMNS
               if not (c == "item-related-fee-amount" and r["item-related-fee-type"].strip() == "Cost of Advertising"))
    advertising = sum(_num(r["item-related-fee-amount"]) for r in rows
                      if r["item-related-fee-type"].strip() == "Cost of Advertising")
    assert revenue == pytest.approx(2180.00)
    assert fees == pytest.approx(-708.93)
    assert costs["product_revenue"] == pytest.approx(revenue, abs=0.005)
    assert costs["marketplace_fees"] == pytest.approx(fees, abs=0.005)
    assert costs["advertising"] == pytest.approx(advertising, abs=0.005) and advertising == pytest.approx(-410.23)
    assert costs["refunds"] == pytest.approx(refunds, abs=0.005) and refunds == pytest.approx(-60.00)
    # price-type Shipping +32.32 (the shoppers' shipping charges) is waived by promotion-type
    # Shipping −32.32 on the same order items
    shipping = sum(_num(r["price-amount"]) for r in rows if r["price-type"].strip() == "Shipping")
    promotions = sum(_num(r["promotion-amount"]) for r in rows)
    assert costs["shipping_credits"] == pytest.approx(shipping) and shipping == pytest.approx(32.32)
    assert costs["promotions"] == pytest.approx(promotions) and promotions == pytest.approx(-32.32)
    # 35 distinct order-id values carry a Principal on an Order row
    assert costs["orders"] == len({r["order-id"] for r in rows
                                   if r["price-type"].strip() == "Principal" and r["transaction-type"] == "Order"}) == 35
    assert costs["has_own_fees"]
    assert costs["fee_rate_pct"] == pytest.approx(708.93 / 2180.00 * 100)       # 32.52 %
    assert costs["fees_per_order"] == pytest.approx(708.93 / 35)                 # 20.26 CAD


def test_product_revenue_plus_all_charges_is_the_settlement_total(settlement):
    costs, rows = settlement
    # data README: Σ of all amount columns over the transaction rows = total-amount = 1016.08
    assert sum(_num(r[c]) for r in rows for c in ALL_AMOUNTS) == pytest.approx(1016.08)
    assert costs["product_revenue"] + costs["charges_total"] == pytest.approx(1016.08, abs=0.005)


def test_every_type_of_the_sample_is_mapped_explicitly(settlement):
    _, rows = settlement
    known = {t.label for t in SETTLEMENT_TYPES}
    types = {r[c].strip() for r in rows for c in ("price-type", "item-related-fee-type", "shipment-fee-type",
                                                   "order-fee-type", "other-fee-reason-description", "promotion-type")
             if r[c] and r[c].strip()}
    assert types <= known
    assert category_of("Shipping", 3.5)[0] == "shipping_credits"
    assert category_of("Shipping", -3.5)[0] == "promotions"
    assert category_of("SomethingNew", -1.0)[0] == "other"


def test_a_channel_without_fee_lines_has_no_own_rate():
    lines = pd.DataFrame({"channel": ["shop", "shop"], "currency": ["EUR", "EUR"], "order_id": ["1", "2"],
                          "sku": ["A", "A"], "quantity": [2.0, -1.0], "unit_price": [10.0, 10.0],
                          "is_product": [True, True], "is_return": [False, True]})
    row = channel_costs(lines).iloc[0]
    assert (row["product_revenue"], row["refunds"], row["orders"]) == (20.0, -10.0, 1)
    assert not row["has_own_fees"] and pd.isna(row["fee_rate_pct"]) and pd.isna(row["fees_per_order"])


def test_the_command_line_applies_oss_like_the_page(tmp_path, capsys):
    """Guards against: the `markets` command charging German VAT in Austria for a shop whose
    own history crossed the EUR 10,000 OSS threshold (the page charged Austrian VAT)."""
    import json

    from ecom_models.cli import main
    from ecom_models.ingest.pipeline import import_file

    db = tmp_path / "sw.db"
    for name in ("export_orders.csv", "export_customers.csv", "export_articles_prices.csv"):
        assert import_file(shared_path("shopware5-shop-2y", name), db)["status"] == "imported"
    assert main(["markets", "--db", str(db), "--sku", "SW20107", "--countries", "DE,AT", "--json"]) == 0
    rows = {r["country"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["DE"]["regime"] == "domestic"
    assert rows["AT"]["regime"] == "eu_oss"      # Austrian VAT, 20 %
    vat = next(c for c in rows["AT"]["components"] if c["name"] == "vat")
    assert vat["local"] == pytest.approx(-rows["AT"]["list_price_gross_local"] * 20 / 120, abs=0.01)
