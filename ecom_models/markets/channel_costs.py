"""What a sales channel itself charged, from its own reports: the Amazon settlement flat file.

The settlement import (``ingest.shop_rules.amazon_settlement``) stores one order line per
amount of the report: ``price-type`` Principal amounts are product lines (returns on a Refund),
every other amount a non-product line with ``sku = "FEE:" + <type label>``, quantity 1 and the
amount as unit price (charges negative, credits positive). ``channel_costs`` sorts those lines
into the categories of ``SETTLEMENT_TYPES`` per channel and currency and derives the channel's
own fee rate (% of product revenue) and fees per order, which replace the reference table's
assumption in the channel comparison.

Stored lines keep the type label, not the column it came from nor the transaction type. One
label appears in two columns: ``Shipping`` is both a ``price-type`` (the shopper's shipping
charge, positive on an order) and a ``promotion-type`` (the shipping promotion that waives
it, negative). The sign decides: a positive ``FEE:Shipping`` line is a shipping credit, a
negative one a promotion (a refunded shipping charge is negative too and lands there as well).
Fee reversals on a Refund (``Commission`` +9.63) stay with the fees, so fees are net.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["CATEGORIES", "COST_COLUMNS", "FEE_PREFIX", "SETTLEMENT_TYPES", "SettlementType",
           "category_of", "channel_cost_lines", "channel_costs"]

FEE_PREFIX = "FEE:"

#: The categories of a channel's own charges and credits, in display order.
CATEGORIES = ("marketplace_fees", "advertising", "promotions", "shipping_credits", "refunds", "taxes", "other")


@dataclass(frozen=True)
class SettlementType:
    label: str        # the type as the settlement names it (our line's sku after "FEE:")
    column: str       # the settlement column the amount comes from (its type column in brackets)
    category: str     # one of CATEGORIES, or "product_revenue"
    sign: int = 0     # +1/-1: only lines of that sign (a label used by two columns), 0: any


#: Which settlement amount goes where. Types not listed count as ``other`` (and stay visible by
#: label in ``channel_cost_lines``). Amazon Seller Central "Settlement report (flat file V2)"
#: field definitions; the first rows are the types found in the shared Amazon.ca sample.
SETTLEMENT_TYPES: tuple[SettlementType, ...] = (
    SettlementType("Principal", "price-amount (price-type)", "product_revenue"),   # returns → refunds
    SettlementType("Shipping", "price-amount (price-type)", "shipping_credits", +1),
    SettlementType("Shipping", "promotion-amount (promotion-type)", "promotions", -1),
    SettlementType("Commission", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("RefundCommission", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("FBAPerUnitFulfillmentFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("DigitalServicesFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("FBA transportation fee", "shipment-fee-amount (shipment-fee-type)", "marketplace_fees"),
    SettlementType("TaxAmount", "other-fee-amount (other-fee-reason-description)", "marketplace_fees"),
    SettlementType("Cost of Advertising", "item-related-fee-amount (item-related-fee-type)", "advertising"),
    SettlementType("other", "other-amount (no type column: transfers, reimbursements)", "other"),
    # further types of the flat-file layout (not in the sample)
    SettlementType("misc fee", "misc-fee-amount (no type column)", "marketplace_fees"),
    SettlementType("FBAPerOrderFulfillmentFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("FBAWeightBasedFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("VariableClosingFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("FixedClosingFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("SalesTaxCollectionFee", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("ShippingHB", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("ShippingChargeback", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("GiftwrapChargeback", "item-related-fee-amount (item-related-fee-type)", "marketplace_fees"),
    SettlementType("GiftWrap", "price-amount (price-type)", "shipping_credits"),
    SettlementType("Tax", "price-amount (price-type)", "taxes"),
    SettlementType("ShippingTax", "price-amount (price-type)", "taxes"),
    SettlementType("GiftWrapTax", "price-amount (price-type)", "taxes"),
    SettlementType("MarketplaceFacilitatorTax-Principal", "item-related-fee-amount (item-related-fee-type)", "taxes"),
    SettlementType("MarketplaceFacilitatorTax-Shipping", "item-related-fee-amount (item-related-fee-type)", "taxes"),
)

COST_COLUMNS = ["channel", "currency", "orders", "product_revenue", *CATEGORIES, "charges_total",
                "fee_rate_pct", "fees_per_order", "has_own_fees"]


def category_of(label: str, amount: float) -> tuple[str, str]:
    """``(category, settlement column)`` of a ``FEE:`` line's type label and amount."""
    for entry in SETTLEMENT_TYPES:
        if entry.label == label and (entry.sign == 0 or entry.sign * amount >= 0):
            return entry.category, entry.column
    return "other", ""


def channel_cost_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per channel, currency and settlement type label of the ``FEE:`` lines:
    ``label``, ``column``, ``category``, ``amount`` (sum) and ``lines`` (count)."""
    out_cols = ["channel", "currency", "label", "column", "category", "amount", "lines"]
    sku = lines["sku"].astype(str)
    fee = lines.loc[(~lines["is_product"].to_numpy(dtype=bool)) & sku.str.startswith(FEE_PREFIX).to_numpy()]
    if fee.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("amount", "lines") else object) for c in out_cols})
    amount = fee["quantity"].to_numpy(dtype=float) * fee["unit_price"].to_numpy(dtype=float)
    label = fee["sku"].astype(str).str[len(FEE_PREFIX):].to_numpy()
    mapped = [category_of(lb, a) for lb, a in zip(label, amount)]
    work = pd.DataFrame({"channel": fee["channel"].astype(str).to_numpy(),
                         "currency": fee["currency"].astype(str).to_numpy(), "label": label,
                         "column": [m[1] for m in mapped], "category": [m[0] for m in mapped],
                         "amount": amount})
    grouped = work.groupby(["channel", "currency", "label", "column", "category"], sort=False)
    out = grouped["amount"].agg(amount="sum", lines="count").reset_index()
    out["amount"] = out["amount"].round(2)
    return out[out_cols].sort_values(["channel", "currency", "category", "amount"]).reset_index(drop=True)


def channel_costs(lines: pd.DataFrame) -> pd.DataFrame:
    """Per channel and currency: ``orders`` (with a product sold), ``product_revenue`` (sold
    product lines; Principal on an Amazon order), the channel's own charges and credits by
    category (``marketplace_fees``, ``advertising``, ``promotions``, ``shipping_credits``,
    ``refunds`` = returned product lines, ``taxes``, ``other``; charges negative) and their sum
    ``charges_total``; ``fee_rate_pct`` = −marketplace fees / product revenue × 100 and
    ``fees_per_order`` = −marketplace fees / orders (NaN without own fee lines);
    ``has_own_fees`` when the channel's reports carry fee lines.

    Product revenue + ``charges_total`` is what the channel paid out for the lines (for an
    Amazon settlement: its ``total-amount``)."""
    if lines.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COST_COLUMNS})
    product = lines["is_product"].to_numpy(dtype=bool)
    qty = lines["quantity"].to_numpy(dtype=float)
    amount = qty * lines["unit_price"].to_numpy(dtype=float)
    returned = lines["is_return"].to_numpy(dtype=bool) | (qty < 0)
    key = pd.DataFrame({"channel": lines["channel"].astype(str).to_numpy(),
                        "currency": lines["currency"].astype(str).to_numpy()})
    sold = key.loc[product & ~returned].assign(revenue=amount[product & ~returned],
                                               order_id=lines["order_id"].astype(str).to_numpy()[product & ~returned])
    base = sold.groupby(["channel", "currency"]).agg(orders=("order_id", "nunique"),
                                                     product_revenue=("revenue", "sum"))
    refunds = key.loc[product & returned].assign(refunds=amount[product & returned]) \
        .groupby(["channel", "currency"])["refunds"].sum()
    detail = channel_cost_lines(lines)
    by_cat = detail.pivot_table(index=["channel", "currency"], columns="category", values="amount",
                                aggfunc="sum") if not detail.empty else pd.DataFrame()
    out = base.join(refunds, how="outer")
    if not by_cat.empty:
        out = out.join(by_cat.drop(columns=["refunds"], errors="ignore"), how="outer")
    out = out.reindex(columns=["orders", "product_revenue", *CATEGORIES])
    out[["orders", "product_revenue", *CATEGORIES]] = out[["orders", "product_revenue", *CATEGORIES]].fillna(0.0)
    out = out.reset_index()
    own = set(detail.loc[detail["category"] == "marketplace_fees", "channel"] + "\x00"
              + detail.loc[detail["category"] == "marketplace_fees", "currency"]) if not detail.empty else set()
    out["has_own_fees"] = [f"{c}\x00{k}" in own for c, k in zip(out["channel"], out["currency"])]
    out["charges_total"] = out[list(CATEGORIES)].sum(axis=1).round(2)
    for column in ("product_revenue", *CATEGORIES):
        out[column] = out[column].astype(float).round(2)
    fees = -out["marketplace_fees"]
    out["fee_rate_pct"] = np.where(out["has_own_fees"] & (out["product_revenue"] > 0),
                                   fees / out["product_revenue"].where(out["product_revenue"] > 0) * 100, np.nan)
    out["fees_per_order"] = np.where(out["has_own_fees"] & (out["orders"] > 0),
                                     fees / out["orders"].where(out["orders"] > 0), np.nan)
    out["orders"] = out["orders"].astype(int)
    return out[COST_COLUMNS].sort_values("product_revenue", ascending=False).reset_index(drop=True)
