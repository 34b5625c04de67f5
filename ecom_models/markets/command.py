"""``python -m ecom_models markets``: the margin waterfall of one product in one or more
markets (wired into ``ecom_models/cli.py``). With ``--json`` one object per market: each
component with its name and value in the market's currency and in the seller's base
currency, and ``contribution_margin``. ``--refresh-fx FILE`` replaces the shipped ECB rates
with a downloaded ECB daily file (``eurofxref.zip`` or its CSV)."""
from __future__ import annotations

import argparse
import json
import math
import sys


def add_parser(sub, db_help: str) -> None:
    from pathlib import Path

    for name in ("markets", "market"):
        cmd = sub.add_parser(name, help="margin waterfall of a product per market (VAT, FX, shipping, "
                                        "duties, fees, returns)")
        cmd.add_argument("--db", type=Path, help=db_help)
        cmd.add_argument("--sku", help="the product (default: the best seller)")
        cmd.add_argument("--countries", "--country", dest="countries", default="",
                         help="ISO codes, comma-separated, e.g. AT,FR,CH (default: the seller's home)")
        cmd.add_argument("--price", type=float, help="local gross price (default: the home price "
                                                     "converted, with the market's VAT and price ending)")
        cmd.add_argument("--channel", default="own", choices=["own", "amazon", "ebay", "etsy"],
                         help="sales channel whose fees apply (default: own shop)")
        cmd.add_argument("--target-margin", type=float, help="also print the local price for this margin (%%)")
        cmd.add_argument("--refresh-fx", type=Path, metavar="FILE",
                         help="replace data/ecb_rates.csv with this ECB daily file and exit")
        cmd.add_argument("--json", action="store_true", help="one JSON object per market")


def _num(value):
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else round(value, 6)


def run(args: argparse.Namespace, db) -> int:
    from ecom_models.countries import to_code
    from ecom_models.store.queries import order_lines, products
    from ecom_models.store.settings import get_json

    from . import (SELLER_KEY, compute, default_inputs, load_rates, local_price_from_home, markets,
                   parse_ecb_daily, price_for_margin)
    from .seller import store_seller
    from .fx import write_rates

    if args.refresh_fx:
        table = parse_ecb_daily(args.refresh_fx.read_bytes())
        path = write_rates(table)
        print(f"ECB rates of {table.as_of.isoformat()} ({len(table.rates)} currencies) written to {path}")
        return 0
    lines = order_lines(db)
    table, fx = markets(), load_rates()
    seller = store_seller(get_json(db, SELLER_KEY), lines, fx)   # the page's rule, OSS included
    sold = lines.loc[lines["is_product"].to_numpy() & ~lines["is_return"].to_numpy()]
    sku = args.sku or (str(sold["sku"].astype(str).value_counts().index[0]) if len(sold) else None)
    if sku is None or sku not in set(sold["sku"].astype(str)):
        print(f"error: no sales of SKU {sku!r} in {db}", file=sys.stderr)
        return 2
    mine = sold.loc[(sold["sku"].astype(str) == sku).to_numpy()]
    home_vat = float(table.loc[seller.country, "vat_standard_pct"]) if seller.country in table.index else 0.0
    net = (mine["price_basis"].astype(object) == "net").to_numpy()
    price = mine["unit_price"].to_numpy(dtype=float)
    home_gross = float((price * (1 + net * home_vat / 100)).mean())
    cost_rows = products(db)
    cost = cost_rows.loc[cost_rows["sku"].astype(str) == sku, "unit_cost"].dropna()
    unit_cost = float(cost.iloc[0]) if len(cost) else round(home_gross / (1 + home_vat / 100) * 0.6, 2)
    orders = sold["order_id"].astype(str).nunique()
    units_per_order = max(1.0, round(float(sold["quantity"].sum()) / orders, 2)) if orders else 1.0
    codes = [to_code(c.strip()) for c in args.countries.split(",") if c.strip()] or [seller.country]
    unknown = [c for c in codes if c not in table.index]
    if unknown or None in codes:
        print(f"error: no reference row for {args.countries!r}; known: {', '.join(table.index)}", file=sys.stderr)
        return 2
    for code in codes:
        row = table.loc[code]
        x = fx.local_per_base(row["currency"], seller.currency)
        local_price = args.price or local_price_from_home(home_gross, home_vat, float(row["vat_standard_pct"]),
                                                          x, row["price_ending"])
        inputs, rule = default_inputs(seller, table, code, fx, price_gross_local=local_price,
                                      unit_cost_base=unit_cost, channel_kind=args.channel,
                                      units_per_order=units_per_order)
        result = compute(inputs)
        out = {"sku": sku, "country": code, "seller": {"country": seller.country, "currency": seller.currency},
               "regime": rule.regime, "fx_as_of": fx.as_of.isoformat(), "list_price_gross_local": local_price,
               **{k: (_num(v) if isinstance(v, float) else v) for k, v in result.to_dict().items() if k != "components"},
               "components": [{k: (_num(v) if isinstance(v, float) else v) for k, v in c.items()}
                              for c in result.to_dict()["components"]]}
        if args.target_margin is not None:
            out["price_for_target_margin"] = price_for_margin(inputs, args.target_margin, row["price_ending"])
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
            continue
        print(f"{sku} in {code} ({rule.regime}), price {local_price:,.2f} {row['currency']}, seller "
              f"{seller.country}/{seller.currency}, ECB rates of {fx.as_of.isoformat()}")
        for c in result.components:
            print(f"  {c.code:<20} {c.local:>12,.2f} {row['currency']}  {c.base:>12,.2f} {seller.currency}")
        print(f"  margin {result.margin_pct:.1f} % of net revenue; range {result.low_base:,.2f} to "
              f"{result.high_base:,.2f} {seller.currency} per unit")
        if "price_for_target_margin" in out:
            print(f"  price for {args.target_margin:g} % margin: {out['price_for_target_margin']}")
    return 0
