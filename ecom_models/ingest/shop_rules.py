"""Row rules particular to one shop system's export, applied before the common parsing.

Each rule takes the mapped frame (canonical field names, text cells, ``_line`` with the
physical line) and the raw table, and returns the frame with optional marker columns:
``_return`` (row is a return/cancellation), ``_reverse`` (row is a sale that was later
cancelled or returned: ``normalize`` adds the netting return line), ``_non_product``
(postage, fees, discounts) and ``_skip`` (non-empty reason: the row is left out).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from .errors import IngestError
from ..messages import Message
from .presets import UCI_NON_PRODUCT_PATTERN, UCI_NON_PRODUCT_SKUS


def _blank_to_na(series: pd.Series) -> pd.Series:
    return series.where(series.str.strip() != "")


def _no_skip(frame: pd.DataFrame) -> pd.Series:
    """An empty ``_skip`` column; object dtype, so the ``Message`` reasons keep their code."""
    return pd.Series("", index=frame.index, dtype=object)


def online_retail(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """UCI: 'C…' invoices are cancellations; 'A…' invoices are bad-debt adjustments;
    pseudo stock codes (POST, M, BANK CHARGES, gift vouchers, ...) are not products."""
    invoice_codes, invoices = pd.factorize(frame["order_id"])   # rules run once per distinct value
    first = pd.Series(invoices).str.strip().str.upper().str[:1].to_numpy()
    sku_codes, skus = pd.factorize(frame["sku"])
    code = pd.Series(skus).str.strip()
    pseudo = (code.str.upper().isin(UCI_NON_PRODUCT_SKUS) | code.str.match(UCI_NON_PRODUCT_PATTERN)).to_numpy()
    frame["_return"] = (first == "C")[invoice_codes]
    frame["_non_product"] = (first == "A")[invoice_codes] | pseudo[sku_codes]
    return frame


def shopify(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Shopify: order-level fields only on an order's first row; carry them down.

    Refunded/voided orders are netted; order-level shipping and discounts become
    non-product lines (the export has no line for them)."""
    order = frame["order_id"]
    for column in ("ordered_at", "currency", "customer_id", "country", "status"):
        if column in frame:
            frame[column] = _blank_to_na(frame[column]).groupby(order).ffill().fillna("")
    first = ~order.duplicated()
    extra = []
    for raw_column, sku, sign in (("Shipping", "SHIPPING", ""), ("Discount Amount", "DISCOUNT", "-")):
        if raw_column not in raw:
            continue
        amount = raw[raw_column].str.strip()
        has = first & ~amount.isin(["", "0", "0.0", "0.00"])
        rows = frame.loc[has].copy()
        rows["sku"] = sku
        rows["product_name"] = raw_column
        rows["quantity"] = "1"
        rows["unit_price"] = sign + amount[has].str.lstrip("-")
        rows["_non_product"] = True
        extra.append(rows)
    frame["_non_product"] = False
    frame["_reverse"] = frame.get("status", pd.Series("", index=frame.index)).str.lower().isin(
        ["refunded", "voided"])
    if extra:
        frame = pd.concat([frame, *extra]).sort_values("_line", kind="stable")
        frame["_reverse"] = frame["_reverse"].fillna(False).astype(bool)
    return frame


def shopware(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Shopware 5: mode ≠ 0 is a voucher/discount/surcharge; status 4 is a cancelled
    order (netted); status -1 is an aborted checkout, which never became an order.

    VAT: ``net`` = 1 (trader orders) means the prices are net; ``net`` = 0 means they
    include VAT at ``taxRate`` (``_gross`` marks them for ``normalize``); ``taxFree`` = 1
    means no VAT. The order's net shipping (``invoiceShippingNet``, order-level) becomes one
    non-product line per order."""
    mode = frame.get("line_mode", pd.Series("0", index=frame.index)).str.strip()
    frame["_non_product"] = ~mode.isin(["", "0"])
    status = frame.get("status", pd.Series("", index=frame.index)).str.strip()
    frame["_reverse"] = status == "4"
    frame["_skip"] = _no_skip(frame)
    frame.loc[status == "-1", "_skip"] = Message("skip.aborted_checkout")
    if "net" in raw and "vat_rate" in frame:
        tax_free = raw["taxFree"].str.strip() == "1" if "taxFree" in raw else False
        frame["_gross"] = (raw["net"].str.strip() == "0").to_numpy() & ~np.asarray(tax_free)
        frame["_vat_known"] = True
        frame.loc[np.asarray(tax_free), "vat_rate"] = "0"
    if "invoiceShippingNet" in raw:
        shipping = raw["invoiceShippingNet"].str.strip()
        first = (~frame["order_id"].duplicated() & (frame["_skip"] == "")
                 & ~shipping.isin(["", "0", "0.0", "0.00"]).to_numpy())
        rows = frame.loc[first].copy()
        rows["sku"] = "SHIPPING"
        rows["product_name"] = "invoiceShippingNet"
        rows["quantity"] = "1"
        rows["unit_price"] = shipping[first.to_numpy()].to_numpy()
        rows["_non_product"] = True
        rows["line_id"] = "shipping"
        if "_gross" in rows:
            rows["_gross"] = False
        frame = pd.concat([frame, rows]).sort_values("_line", kind="stable")
    return frame


def amazon_sales(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Amazon Sale Report: 'Cancelled', 'Returned to Seller', 'Rejected by Buyer' are netted."""
    status = frame.get("status", pd.Series("", index=frame.index)).str.lower()
    frame["_reverse"] = status.str.contains("cancel|return|reject", regex=True)
    return frame


def magento(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Magento sample orders: the product cell is JSON with sku, qty and options."""
    if frame["sku"].str.strip().str.startswith("{").any():
        skus, qtys = [], []
        for value, line in zip(frame["sku"], frame["_line"]):
            try:
                item = json.loads(value)
                skus.append(str(item.get("sku", "")))
                qtys.append(str(item.get("qty", "1")))
            except (json.JSONDecodeError, AttributeError):
                raise IngestError(code="product_not_json", line=int(line), column="product",
                                  hint_code="hint.reexport_magento") from None
        frame["sku"], frame["quantity"] = skus, qtys
    if "order_id" not in frame:
        frame["order_id"] = "row-" + frame["_line"].astype(str)
    status = frame.get("status", pd.Series("", index=frame.index)).str.lower()
    frame["_reverse"] = status.isin(["yes", "refunded", "closed", "canceled"])
    return frame


def ebay(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """eBay sales history: after the records come a '4, record(s) downloaded' line and a
    'Seller ID: …' line; they are not orders."""
    first = raw.iloc[:, 0].str.strip()
    second = raw.iloc[:, 1].str.strip() if raw.shape[1] > 1 else pd.Series("", index=raw.index)
    footer = second.str.contains("record(s) downloaded", regex=False) | first.str.startswith("Seller ID")
    frame["_skip"] = _no_skip(frame)
    frame.loc[footer.to_numpy(), "_skip"] = Message("skip.download_footer")
    return frame


def shopify_products(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Shopify product CSV: the title and type stand only on each handle's first row."""
    if "Handle" in raw:
        for column in ("product_name", "category"):
            if column in frame:
                frame[column] = _blank_to_na(frame[column]).groupby(raw["Handle"]).ffill().fillna("")
    return frame


SETTLEMENT_AMOUNTS = (  # amount column -> column naming its type (or a fixed label)
    ("price-amount", "price-type"), ("item-related-fee-amount", "item-related-fee-type"),
    ("shipment-fee-amount", "shipment-fee-type"), ("order-fee-amount", "order-fee-type"),
    ("misc-fee-amount", "misc fee"), ("other-fee-amount", "other-fee-reason-description"),
    ("promotion-amount", "promotion-type"), ("direct-payment-amount", "direct-payment-type"),
    ("other-amount", "other"),
)


def amazon_settlement(frame: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Amazon settlement flat file: one row per amount. 'Principal' amounts become product
    lines (line total = amount); every other amount a non-product line named after its type."""
    kind = raw["transaction-type"].str.strip()
    frame["_skip"] = _no_skip(frame)
    frame.loc[(kind == "").to_numpy(), "_skip"] = Message("skip.settlement_summary")
    settlement = raw["settlement-id"].str.strip()
    if "currency" in frame:  # only the summary row names the currency
        named = frame["currency"].str.strip()
        named = named[named != ""]
        frame["currency"] = named.iloc[0] if len(named) else ""
    frame["order_id"] = frame["order_id"].where(frame["order_id"].str.strip() != "",
                                                "settlement-" + settlement)
    pieces = []
    for amount_col, type_col in SETTLEMENT_AMOUNTS:
        if amount_col not in raw:
            continue
        amount = raw[amount_col].str.strip()
        label = raw[type_col].str.strip() if type_col in raw else pd.Series(type_col, index=raw.index)
        has = (amount != "") & (kind != "")
        if not has.any():
            continue
        rows = frame.loc[has].copy()
        rows["line_total"] = amount[has]
        principal = (label[has] == "Principal").to_numpy()
        fee_sku = ("FEE:" + label[has].where(label[has] != "", amount_col)).to_numpy()
        rows["sku"] = rows["sku"].where(principal, fee_sku)
        rows["product_name"] = rows["sku"].where(~principal, rows["sku"])
        refund = (kind[has] == "Refund").to_numpy()
        qty = rows["quantity"].str.strip()
        rows["quantity"] = qty.where(principal & (qty != ""), "1")
        rows.loc[principal & refund & (qty == ""), "quantity"] = "-1"
        rows.loc[~principal, "unit_price_from_total"] = True
        rows["_non_product"] = ~principal
        rows["_return"] = principal & refund
        item = raw["order-item-code"].str.strip()[has] if "order-item-code" in raw else ""
        rows["event"] = (settlement[has] + "|" + kind[has] + "|" + item + "|" + amount_col
                         + ":" + label[has])
        pieces.append(rows)
    skipped = frame.loc[frame["_skip"] != ""]
    if not pieces:
        return skipped
    out = pd.concat([*pieces, skipped]).sort_values("_line", kind="stable")
    out["_non_product"] = out["_non_product"].fillna(False).astype(bool)
    out["_return"] = out["_return"].fillna(False).astype(bool)
    out["_skip"] = out["_skip"].fillna("")
    return out.drop(columns=["unit_price_from_total"], errors="ignore")


RULES = {"online-retail": online_retail, "shopify": shopify, "shopware": shopware,
         "amazon-sales": amazon_sales, "amazon-settlement": amazon_settlement,
         "magento": magento, "shopify-products": shopify_products, "ebay": ebay}
