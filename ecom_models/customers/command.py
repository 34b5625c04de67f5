"""``python -m ecom_models customers`` (one JSON object per customer group with ``--json``:
customers, repeat rate, orders per customer, days between orders, value ahead with its
90 % range) and ``python -m ecom_models nps FILE`` (the survey's NPS with its interval)."""
from __future__ import annotations

import json
import math
import sys


def add_parsers(sub, db_help: str) -> None:
    from pathlib import Path

    cmd = sub.add_parser("customers", help="repeat rates and customer value ahead per customer group")
    cmd.add_argument("--db", type=Path, help=db_help)
    cmd.add_argument("--currency", help="currency analysed (default: the one with most lines)")
    cmd.add_argument("--weeks", type=int, default=52, help="weeks ahead for the customer value (default 52)")
    cmd.add_argument("--json", action="store_true", help="one JSON object per customer group")
    nps = sub.add_parser("nps", help="Net Promoter Score of a survey export (0–10 scores)")
    nps.add_argument("file", type=Path)
    nps.add_argument("--score-column", help="name of the score column (default: found by its header)")
    nps.add_argument("--json", action="store_true", help="one JSON object")


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def run_customers(args, db) -> int:
    from ecom_models.store.queries import order_lines

    from . import by_group, customer_orders, customer_value, guest_orders, repeat_rates

    lines = order_lines(db)
    if lines.empty:
        print("the store holds no order lines")
        return 0
    currency = args.currency or str(lines["currency"].value_counts().idxmax())
    lines = lines.loc[(lines["currency"] == currency).to_numpy()]
    orders = customer_orders(lines)
    grouped = bool(orders["customer_group"].notna().any())
    rates = repeat_rates(orders, "customer_group") if grouped else repeat_rates(orders)
    try:
        value = by_group(customer_value(orders, args.weeks)).set_index("group")
    except ValueError:
        value = None
    if value is not None and not grouped:
        value.index = ["all"] * len(value)
    guests = guest_orders(lines)
    for row in rates.itertuples(index=False):
        record = {"group": row.group, "currency": currency, "customers": int(row.customers),
                  "repeat_rate": row.repeat_rate, "repeat_rate_within_year": _clean(row.repeat_rate_fair),
                  "orders_per_customer": row.orders_per_customer,
                  "median_days_between": _clean(row.median_days_between), "weeks_ahead": args.weeks}
        if value is not None and row.group in value.index:
            v = value.loc[row.group]
            record.update({"value_ahead": float(v["clv"]), "value_low": float(v["clv_low"]),
                           "value_high": float(v["clv_high"])})
        print(json.dumps(record, ensure_ascii=False) if args.json else
              f"{row.group}: {row.customers:,} customers, repeat rate {row.repeat_rate:.0%}, "
              + (f"value ahead {record['value_ahead']:,.0f} {currency} "
                 f"(90 %: {record['value_low']:,.0f}–{record['value_high']:,.0f})" if "value_ahead" in record else ""))
    if not args.json:
        print(f"guest orders (not above): {guests['orders']:,}, {guests['revenue']:,.2f} {currency}")
    return 0


def run_nps(args) -> int:
    from ecom_models.ingest.errors import IngestError

    from .nps import nps, read_survey

    try:
        survey = read_survey(args.file.read_bytes(), args.file.name, args.score_column)
    except IngestError as exc:
        print(f"error: {exc.render('en', cli=True)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    r = nps(survey.responses["score"])
    record = {"nps": r.nps, "ci_low": r.ci_low, "ci_high": r.ci_high, "level": r.level, "n": r.n,
              "promoters": r.promoters, "passives": r.passives, "detractors": r.detractors,
              "unanswered": survey.blank, "columns": survey.columns}
    print(json.dumps(record, ensure_ascii=False) if args.json else
          f"NPS {r.nps:.1f} (95 %: {r.ci_low:.1f} to {r.ci_high:.1f}) from {r.n} responses: "
          f"{r.promoters} promoters, {r.passives} passives, {r.detractors} detractors")
    return 0
