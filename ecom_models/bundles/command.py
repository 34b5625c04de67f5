"""``python -m ecom_models bundles``: co-purchased pairs of the store, one JSON object per
pair with ``--json`` (wired into ``ecom_models/cli.py``)."""
from __future__ import annotations

import argparse
import json
import math
import sys



def add_parser(sub, db_help: str, date_type) -> None:
    from pathlib import Path

    cmd = sub.add_parser("bundles", help="products bought together (pairs with support, "
                                         "confidence, lift and significance)")
    cmd.add_argument("--db", type=Path, help=db_help)
    cmd.add_argument("--min-support", type=float, default=0.005,
                     help="share of orders a pair must be in (default 0.005 = 0.5 %%)")
    cmd.add_argument("--min-count", type=int, default=1, help="orders a pair must be in (default 1)")
    cmd.add_argument("--top", type=int, default=20, help="pairs shown, most orders first (0 = all)")
    cmd.add_argument("--channel", help="only this shop / sales channel (default: all)")
    cmd.add_argument("--from", dest="date_from", type=date_type)
    cmd.add_argument("--to", dest="date_to", type=date_type)
    cmd.add_argument("--country", help="ISO code or name, e.g. DE")
    cmd.add_argument("--include-zero-price", action="store_true",
                     help="count lines with a unit price of 0 (free items) as bought")
    cmd.add_argument("--json", action="store_true", help="one JSON object per pair")


def _number(value: float):
    return value if math.isfinite(value) else None     # JSON has no inf (conviction at confidence 1)


def run(args: argparse.Namespace, db) -> int:
    from ecom_models.countries import to_code
    from ecom_models.store.queries import order_lines

    from . import build_baskets, mine, select

    if not 0 < args.min_support <= 1 or args.min_count < 1 or args.top < 0:
        print("error: --min-support must be in (0, 1], --min-count at least 1, --top at least 0",
              file=sys.stderr)
        return 2
    baskets = build_baskets(order_lines(db), include_zero_price=args.include_zero_price)
    country = (to_code(args.country) or args.country) if args.country else None
    baskets = select(baskets, channel=args.channel, date_from=args.date_from, date_to=args.date_to,
                     country=country)
    mined = mine(baskets, args.min_support, args.min_count, max_size=2)
    pairs = mined.pairs.sort_values(["count", "lift"], ascending=False, kind="mergesort")
    if args.top:
        pairs = pairs.head(args.top)
    channel = mined.items["channel"].to_numpy()
    for row in pairs.itertuples(index=False):
        record = {"items": [row.sku_a, row.sku_b], "names": [row.name_a, row.name_b],
                  "channel": channel[row.a], "count": int(row.count), "support": row.support,
                  "confidence": row.confidence_ab, "confidence_ba": row.confidence_ba,
                  "lift": row.lift, "leverage": row.leverage,
                  "conviction": _number(row.conviction_ab), "conviction_ba": _number(row.conviction_ba),
                  "p_value": row.p_value, "q_value": row.q_value, "baskets": mined.n_baskets}
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{row.count:>7,d}  lift {row.lift:6.2f}  conf {row.confidence_ab:5.1%} / "
                  f"{row.confidence_ba:5.1%}  q {row.q_value:.1e}  {row.sku_a} {row.name_a} + "
                  f"{row.sku_b} {row.name_b}")
    if not args.json:
        print(f"{len(mined.pairs):,} pairs in at least {mined.counts.threshold:,} of "
              f"{mined.n_baskets:,} orders; q = Benjamini–Hochberg over "
              f"{mined.counts.n_candidate_pairs:,} candidate pairs", file=sys.stderr)
    return 0


__all__ = ["add_parser", "run"]
