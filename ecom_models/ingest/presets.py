"""Format presets: which header names of each shop system's export mean which field.

A preset maps our canonical fields to the export's column names (several spellings
allowed; the first present wins) and is recognised from the header alone.
Shop-specific row rules (Shopify continuation rows, Amazon statuses, ...) live in
``shop_rules``; the common parsing in ``normalize``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ORDER_FIELDS = ("order_id", "line_id", "ordered_at", "sku", "product_name", "category",
                "quantity", "unit_price", "line_total", "currency", "customer_id",
                "country", "status", "line_mode", "vat_rate")
CUSTOMER_FIELDS = ("customer_id", "country", "customer_group")
PRODUCT_FIELDS = ("sku", "product_name", "category", "unit_cost", "current_price",
                  "sale_price", "currency", "stock", "price_group", "from_quantity")

# Codes that are not products in any shop (our own synthetic lines and common names).
NON_PRODUCT_SKUS = frozenset({"SHIPPING", "POSTAGE", "DISCOUNT", "SHIPPINGDISCOUNT", "FEE",
                              "SW-PAYMENT", "SW-PAYMENT-ABSOLUTE", "SW-SURCHARGE", "SW-DISCOUNT"})
NON_PRODUCT_PATTERN = re.compile(r"^(FEE:|AMAZON:)", re.IGNORECASE)
# UCI Online Retail's pseudo stock codes: postage, fees, manual adjustments, bank charges,
# samples, gift vouchers (data README). Short codes such as "M" or "B" are products elsewhere.
UCI_NON_PRODUCT_SKUS = frozenset({"POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES",
                                  "AMAZONFEE", "CRUK", "PADS"})
UCI_NON_PRODUCT_PATTERN = re.compile(r"^(gift_0001_|DCGS)", re.IGNORECASE)


@dataclass(frozen=True)
class Preset:
    """One export layout. ``columns`` maps canonical field -> accepted header spellings.

    ``label`` and ``notes`` are the English the CLI prints; pages word them from the message
    codes ``label_code`` (``format.<name>``) and ``note_codes`` (``note.<name>.<n>``, 1-based),
    whose English in ``ecom_models/messages/en.py`` is the same text.
    """

    name: str
    label: str
    kind: str                                  # 'orders', 'products' or 'customers'
    channel: str                               # part of the order lines' natural key
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    signature: tuple[str, ...]                 # headers that identify this layout
    currency: str | None = None                # when the export has no currency column
    date_format: str | None = None             # when the shop's format is known for sure
    notes: tuple[str, ...] = field(default_factory=tuple)
    ledger: bool = False                       # rows are events (see store.line_identity)

    @property
    def label_code(self) -> str:
        return f"format.{self.name}"

    @property
    def note_codes(self) -> tuple[str, ...]:
        return tuple(f"note.{self.name}.{i}" for i in range(1, len(self.notes) + 1))


PRESETS: dict[str, Preset] = {p.name: p for p in [
    Preset(
        "online-retail", "UCI Online Retail", "orders", "online-retail",
        {"order_id": ("InvoiceNo", "Invoice"), "sku": ("StockCode",),
         "product_name": ("Description",), "quantity": ("Quantity",),
         "ordered_at": ("InvoiceDate",), "unit_price": ("UnitPrice", "Price"),
         "customer_id": ("CustomerID", "Customer ID"), "country": ("Country",)},
        ("order_id", "sku", "quantity", "ordered_at", "unit_price"),
        ("StockCode", "Description", "Quantity", "InvoiceDate"), currency="GBP",
        notes=("Invoices starting with C are cancellations; pseudo stock codes (POST, M, "
               "BANK CHARGES, ...) are kept as non-product lines.",)),
    Preset(
        "shopify", "Shopify orders export", "orders", "shopify",
        {"order_id": ("Name",), "ordered_at": ("Created at",), "sku": ("Lineitem sku",),
         "product_name": ("Lineitem name",), "quantity": ("Lineitem quantity",),
         "unit_price": ("Lineitem price",), "currency": ("Currency",),
         "customer_id": ("Email",), "country": ("Shipping Country", "Billing Country"),
         "status": ("Financial Status",)},
        ("order_id", "ordered_at", "quantity", "unit_price"),
        ("Lineitem quantity", "Lineitem name", "Lineitem price", "Financial Status"),
        notes=("One row per line item; order-level fields are carried from each order's "
               "first row.", "Shipping and discounts become non-product lines.")),
    Preset(
        "shopware", "Shopware 5 orders export", "orders", "shopware",
        {"order_id": ("orderId",), "line_id": ("orderDetailId",), "ordered_at": ("orderTime",),
         "sku": ("articleNumber",), "product_name": ("articleName",),
         "quantity": ("quantity",), "unit_price": ("price",), "currency": ("currency",),
         "customer_id": ("customerId",), "status": ("orderStatusID", "status"),
         "line_mode": ("mode",), "vat_rate": ("taxRate",)},
        ("order_id", "ordered_at", "sku", "quantity", "unit_price"),
        ("orderId", "orderTime", "articleNumber", "articleName", "invoiceAmount"),
        notes=("Lines with mode ≠ 0 (vouchers, discounts, payment surcharges) are "
               "non-product lines. Order status 4 (cancelled) is netted; status -1 "
               "(checkout aborted, never ordered) is skipped.",
               "Prices are stored net of VAT: gross prices (net = 0) are divided by "
               "1 + taxRate; the order's net shipping becomes a non-product line.",
               "The country comes from the customers export (import it too).")),
    Preset(
        "magento", "Magento orders", "orders", "magento",
        {"order_id": ("increment_id", "order_id", "Order #"), "product_name": ("name",),
         "customer_id": ("customer_email",), "currency": ("currency",),
         "status": ("refund",), "sku": ("product",), "ordered_at": ("created_at",),
         "unit_price": ("price",), "quantity": ("qty_ordered",)},
        ("sku",), ("customer_email", "shipping_method", "payment", "product"),
        notes=("The product column holds JSON ({\"sku\": ..., \"qty\": ...}).",)),
    Preset(
        "amazon-sales", "Amazon Sale Report", "orders", "amazon",
        {"order_id": ("Order ID", "amazon-order-id", "order-id"), "ordered_at": ("Date", "purchase-date"),
         "status": ("Status", "order-status", "item-status"), "sku": ("SKU", "sku"),
         "product_name": ("Style", "product-name"), "category": ("Category",),
         "quantity": ("Qty", "quantity"), "line_total": ("Amount", "item-price"),
         "currency": ("currency",), "country": ("ship-country",)},
        ("order_id", "ordered_at", "sku", "quantity", "line_total"),
        ("Order ID", "Fulfilment", "ship-service-level", "ASIN", "Qty", "Amount"),
        notes=("Cancelled and returned lines are kept and netted.",)),
    Preset(
        "amazon-settlement", "Amazon settlement report (flat file)", "orders", "amazon",
        {"order_id": ("order-id",), "ordered_at": ("posted-date",), "sku": ("sku",),
         "quantity": ("quantity-purchased",), "currency": ("currency",),
         "status": ("transaction-type",)},
        ("order_id", "ordered_at", "sku"),
        ("settlement-id", "transaction-type", "price-type", "price-amount",
         "item-related-fee-amount"),
        notes=("Principal amounts become product lines; fees, shipping and promotions "
               "non-product lines.", "Each settlement row is an event: a refund in a later "
               "report adds to its order and never replaces the sale."), ledger=True),
    Preset(
        "ebay", "eBay Selling Manager sales history", "orders", "ebay",
        {"order_id": ("Sales Record Number",), "ordered_at": ("Sale Date",),
         "sku": ("Custom Label",), "product_name": ("Item Title",), "quantity": ("Quantity",),
         "unit_price": ("Sale Price",), "customer_id": ("User Id",), "country": ("Buyer Country",)},
        ("order_id", "ordered_at", "quantity", "unit_price"),
        ("Sales Record Number", "User Id", "Buyer Fullname", "Custom Label", "Sale Price"),
        notes=("The download's padding lines and its record-count footer are left out.",)),
    Preset(
        "etsy", "Etsy sold order items", "orders", "etsy",
        {"order_id": ("Order ID",), "ordered_at": ("Sale Date",), "sku": ("Listing ID",),
         "product_name": ("Item Name",), "quantity": ("Quantity",), "unit_price": ("Price",),
         "currency": ("Currency",), "customer_id": ("Buyer",),
         "country": ("Ship Country", "Delivery Country")},
        ("order_id", "ordered_at", "sku", "quantity", "unit_price"),
        ("Sale Date", "Item Name", "Buyer", "Listing ID", "Order ID", "Item Total"),
        notes=("Etsy listings are the products (the SKU column is usually empty).",)),
    Preset(
        "shopware-prices", "Shopware 5 article prices", "products", "shopware",
        {"sku": ("ordernumber",), "current_price": ("price",), "product_name": ("_name",),
         "unit_cost": ("purchaseprice",), "price_group": ("pricegroup",),
         "from_quantity": ("from",)},
        ("sku", "current_price"), ("ordernumber", "pricegroup", "pseudoprice", "from")),
    Preset(
        "shopware-stock", "Shopware 5 article stock", "products", "shopware",
        {"sku": ("ordernumber",), "stock": ("instock",), "current_price": ("_price",)},
        ("sku", "stock"), ("ordernumber", "instock", "_supplier")),
    Preset(
        "shopware-customers", "Shopware 5 customers", "customers", "shopware",
        {"customer_id": ("customernumber",), "country": ("billing_countryID",),
         "customer_group": ("customergroup",)},
        ("customer_id",), ("customernumber", "billing_countryID", "customergroup", "subshopID"),
        notes=("Customers give their orders a country (billing country). E-mail addresses, "
               "names, addresses and password hashes are not read; customer numbers are "
               "stored as keyed pseudonyms.",)),
    Preset(
        "woocommerce", "WooCommerce products", "products", "woocommerce",
        {"sku": ("SKU",), "product_name": ("Name",), "category": ("Categories",),
         "current_price": ("Regular price",), "sale_price": ("Sale price",),
         "stock": ("Stock",)},
        ("sku", "current_price"), ("Type", "SKU", "Regular price", "Sale price", "Categories")),
    Preset(
        "magento-products", "Magento products", "products", "magento",
        {"sku": ("sku",), "product_name": ("name",), "category": ("category", "categories"),
         "current_price": ("price",), "sale_price": ("special_price",), "stock": ("qty",)},
        ("sku", "current_price"), ("sku", "attribute_set", "price", "qty")),
    Preset(
        "shopify-products", "Shopify products", "products", "shopify",
        {"sku": ("Variant SKU",), "product_name": ("Title",), "category": ("Type",),
         "current_price": ("Variant Price",), "unit_cost": ("Cost per item",),
         "stock": ("Variant Inventory Qty",)},
        ("sku", "current_price"), ("Handle", "Title", "Variant SKU", "Variant Price")),
    Preset(
        "generic", "Generic orders (column mapping)", "orders", "generic",
        {"order_id": ("order_id", "Order ID", "Bestellnummer", "Order"),
         "ordered_at": ("date", "Date", "order_date", "Datum", "Bestelldatum"),
         "sku": ("sku", "SKU", "Artikelnummer"), "product_name": ("name", "product", "Product",
                                                                 "Artikel", "Produkt"),
         "quantity": ("quantity", "qty", "Quantity", "Menge", "Anzahl"),
         "unit_price": ("price", "unit_price", "Price", "Preis", "Einzelpreis"),
         "line_total": ("total", "Total", "Gesamt"), "currency": ("currency", "Währung"),
         "customer_id": ("customer_id", "Customer", "Kunde", "Kundennummer"),
         "country": ("country", "Country", "Land")},
        ("order_id", "ordered_at", "sku", "quantity"), ()),
]}

FORMAT_CHOICES = ("auto", "online-retail", "shopify", "shopware", "woocommerce", "magento",
                  "amazon", "ebay", "etsy", "generic")
# A CLI/app format name may stand for several layouts of one shop system.
FAMILIES = {"shopware": ("shopware", "shopware-prices", "shopware-stock", "shopware-customers"),
            "magento": ("magento", "magento-products"),
            "amazon": ("amazon-sales", "amazon-settlement"),
            "shopify": ("shopify", "shopify-products")}


def score(preset: Preset, header: list[str]) -> float:
    """Share of the preset's signature headers present in ``header`` (0..1)."""
    if not preset.signature:
        return 0.0
    present = {h.strip().lower() for h in header}
    return sum(s.lower() in present for s in preset.signature) / len(preset.signature)


def detect_preset(header: list[str], requested: str = "auto") -> tuple[Preset, float]:
    """Pick the preset whose signature matches the header best.

    ``requested`` narrows the choice to one format or family; 'generic' always wins when
    asked for. Returns (preset, score); a score below 0.75 means "not recognised".
    """
    if requested == "generic":
        return PRESETS["generic"], 1.0
    names = FAMILIES.get(requested, (requested,)) if requested != "auto" else tuple(PRESETS)
    unknown = [n for n in names if n not in PRESETS]
    if unknown:
        raise ValueError(f"unknown format {requested!r}; choose one of {', '.join(FORMAT_CHOICES)}")
    scored = sorted(((score(PRESETS[n], header), PRESETS[n]) for n in names),
                    key=lambda pair: -pair[0])
    best_score, best = scored[0]
    if requested != "auto" and best_score == 0 and len(names) == 1:
        return best, 1.0
    return best, best_score


def generic_fits(header: list[str]) -> bool:
    """True when the generic preset finds every required field (and a price) by name,
    e.g. Bestellnummer;Datum;Artikelnummer;Menge;Preis."""
    generic = PRESETS["generic"]
    found = resolve_columns(generic, header)
    return all(f in found for f in generic.required) and (
        "unit_price" in found or "line_total" in found)


def pick_preset(header: list[str], requested: str = "auto") -> tuple[Preset, bool]:
    """The preset an import of this header uses, and whether it was recognised. Under
    'auto', a header no preset matches (score < 0.75) falls back to the generic preset:
    recognised when generic finds every field by name, else it needs a column mapping."""
    preset, match = detect_preset(header, requested)
    if match >= 0.75 or requested != "auto":
        return preset, True
    return PRESETS["generic"], generic_fits(header)


def resolve_columns(preset: Preset, header: list[str],
                    mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Canonical field -> column name in this file (user ``mapping`` overrides the preset).

    Header matching ignores case and surrounding spaces (Amazon writes 'Sales Channel ').
    """
    by_key = {h.strip().lower(): h for h in header}
    resolved: dict[str, str] = {}
    for field_name, spellings in preset.columns.items():
        for spelling in spellings:
            if spelling.strip().lower() in by_key:
                resolved[field_name] = by_key[spelling.strip().lower()]
                break
    for field_name, column in (mapping or {}).items():
        if column in header:
            resolved[field_name] = column
        elif column.strip().lower() in by_key:
            resolved[field_name] = by_key[column.strip().lower()]
        else:
            resolved[field_name] = column  # reported as missing by the caller
    return resolved

