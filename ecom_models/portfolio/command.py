"""``python -m ecom_models portfolio``: one JSON object per product with ``--json``
(sku, channel, name, abc, xyz, revenue, units, return_rate, sleeper, action)."""
from __future__ import annotations

import json
import math


def add_parser(sub, db_help: str) -> None:
    from pathlib import Path

    cmd = sub.add_parser("portfolio", help="ABC/XYZ, sleepers with a suggested action, return rates per product")
    cmd.add_argument("--db", type=Path, help=db_help)
    cmd.add_argument("--currency", help="currency analysed (default: the one with most revenue)")
    cmd.add_argument("--weeks", type=int, default=52, help="weeks analysed, ending with the data (default 52)")
    cmd.add_argument("--by", choices=["revenue", "gross_profit"], default="revenue")
    cmd.add_argument("--idle-days", type=int, default=60, help="sleeper after this many days without a sale")
    cmd.add_argument("--json", action="store_true", help="one JSON object per product")


def _num(v):
    return None if v is None or (isinstance(v, float) and not math.isfinite(v)) else v


def run(args, db) -> int:
    from ecom_models.messages import render
    from ecom_models.store.queries import order_lines, products

    from . import abcxyz, product_summary, return_rates, sleepers
    from .summary import window_start

    lines = order_lines(db)
    if lines.empty:
        print("the store holds no order lines")
        return 0
    currency = args.currency or str(lines.groupby("currency", observed=True)["unit_price"].size().idxmax())
    lines = lines.loc[(lines["currency"] == currency).to_numpy()]
    table = products(db)
    start = window_start(lines, args.weeks)
    classified = abcxyz(product_summary(lines, table, args.weeks), lines, by=args.by, start=start)
    sleeping = sleepers(classified, lines, idle_days=args.idle_days).set_index(["channel", "sku"])
    rates = return_rates(lines, table, start=start)["product"].set_index(["channel", "sku"])["return_rate"]
    for row in classified.itertuples(index=False):
        key = (row.channel, row.sku)
        asleep = key in sleeping.index
        action = (render(f"portfolio.action.{sleeping.loc[key, 'action']}", sleeping.loc[key, "action_params"])
                  if asleep else None)
        record = {"channel": row.channel, "sku": row.sku, "name": str(row.name), "currency": currency,
                  "abc": row.abc, "xyz": row.xyz, "revenue": round(float(row.revenue), 2),
                  "units": float(row.units), "return_rate": _num(float(rates.get(key, float("nan")))),
                  "cv": _num(float(row.cv)), "stock": _num(float(row.stock)), "sleeper": asleep, "action": action}
        print(json.dumps(record, ensure_ascii=False) if args.json else
              f"{row.sku:<14} {row.abc or '-'}{row.xyz or '-'}  {row.revenue:>12,.2f} {currency}"
              + (f"  sleeper: {action}" if asleep else ""))
    return 0
