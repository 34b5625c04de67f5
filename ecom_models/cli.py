"""Command line: ``python -m ecom_models import|summary|elasticity|demo`` (same functions as the app)."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .ingest.presets import FORMAT_CHOICES
from .store.connection import default_db_path


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2011-03-31") from None


def _mapping(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise SystemExit(f"--map expects FIELD=COLUMN, got '{pair}'")
        out[field.strip()] = column
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ecom_models",
                                     description="E-Commerce Decision Lab command line")
    sub = parser.add_subparsers(dest="command", required=True)
    db_help = "SQLite store (default: $ECOM_DB or data/ecom.db)"

    imp = sub.add_parser("import", help="import shop exports (CSV, TSV, XLSX, .gz)")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--db", type=Path, help=db_help)
    imp.add_argument("--format", default="auto", choices=FORMAT_CHOICES)
    imp.add_argument("--map", action="append", metavar="FIELD=COLUMN", default=[])
    imp.add_argument("--decimal", choices=[".", ","])
    imp.add_argument("--date-format", help="strptime format, e.g. %%d.%%m.%%Y")
    imp.add_argument("--currency", help="currency when the file has none, e.g. EUR")
    imp.add_argument("--skip-bad-rows", action="store_true",
                     help="leave out rows with the wrong number of fields or bad values")
    imp.add_argument("--channel", help="name of the shop / sales channel the files come from "
                     "(default: the shop system, e.g. shopware); orders, products and customers "
                     "are identified within their channel")
    imp.add_argument("--replace-orders", action="store_true",
                     help="remove stored lines of the file's orders that the file no longer has "
                     "(default: keep them and report them)")
    imp.add_argument("--json", action="store_true", help="one JSON object per file")

    summ = sub.add_parser("summary", help="headline figures of the store")
    summ.add_argument("--db", type=Path, help=db_help)
    summ.add_argument("--from", dest="date_from", type=_date)
    summ.add_argument("--to", dest="date_to", type=_date)
    summ.add_argument("--country")
    summ.add_argument("--currency", help="default: the currency with the most revenue lines")
    summ.add_argument("--json", action="store_true")

    el = sub.add_parser("elasticity", help="price elasticity per SKU")
    el.add_argument("--db", type=Path, help=db_help)
    el.add_argument("--sku", action="append", default=[])
    el.add_argument("--period", choices=["week", "day"], default="week")
    el.add_argument("--currency", help="default: the currency with the most lines")
    el.add_argument("--tier", choices=["quantity_break", "trader", "guest"],
                    help="that customer tier's own elasticity on its own price (weekly data; "
                         "rows also carry 'tier' and 'standard_elasticity')")
    el.add_argument("--json", action="store_true")

    bp = sub.add_parser("best-price", help="best price for one SKU, with its caveats (pricing v2)")
    bp.add_argument("--sku", required=True)
    bp.add_argument("--goal", choices=["profit", "revenue"], default="profit")
    bp.add_argument("--margin", type=float, metavar="PCT",
                    help="assumed gross margin in %% when the store has no unit cost for the SKU")
    bp.add_argument("--max-change", type=float, default=15.0, metavar="PCT")
    bp.add_argument("--db", type=Path, help=db_help)
    bp.add_argument("--currency", help="default: the currency with the most lines")
    bp.add_argument("--json", action="store_true")

    demo = sub.add_parser("demo", help="import the bundled demo data into an empty store")
    demo.add_argument("--db", type=Path, help=db_help)

    from .bundles.command import add_parser as add_bundles
    add_bundles(sub, db_help, _date)
    from .forecasting.command import add_parser as add_forecast
    add_forecast(sub, db_help, _date)
    from .scenarios.command import add_parser as add_scenario
    add_scenario(sub, db_help)
    from .markets.command import add_parser as add_markets
    add_markets(sub, db_help)
    from .portfolio.command import add_parser as add_portfolio
    add_portfolio(sub, db_help)
    from .customers.command import add_parsers as add_customers
    add_customers(sub, db_help)
    return parser


def _progress_printer(name: str):
    def show(fraction: float, message: str) -> None:
        print(f"\r{name}: {message:<16} {fraction:5.0%}", end="", file=sys.stderr, flush=True)
    return show


def cmd_import(args) -> int:
    from .ingest.normalize import Options
    from .ingest.pipeline import import_file

    db = args.db or default_db_path()
    opts = Options(mapping=_mapping(args.map), decimal=args.decimal, date_format=args.date_format,
                   currency=args.currency, skip_bad_rows=args.skip_bad_rows,
                   channel=args.channel, replace_orders=args.replace_orders)
    worst = 0
    for path in args.files:
        progress = None if args.json or not sys.stderr.isatty() else _progress_printer(path.name)
        result = import_file(path, db, args.format, opts, progress)
        if progress:
            print(file=sys.stderr)
        if args.json:
            print(json.dumps({k: v for k, v in result.items() if k != "report"}, default=str))
        elif result["status"] == "rejected":
            print(f"REJECTED {result['error']}", file=sys.stderr)
        else:
            r = result["report"]
            print(f"{result['status']}: {path.name} as {r.get('format_label')} — "
                  f"{result['rows_read']} rows read, {result['rows_imported']} imported, "
                  f"{result['rows_skipped']} skipped")
            if result["status"] == "imported":
                print(f"  effect: {merge_effect(result)}")
            for warning in r.get("warnings", []):
                print(f"  note: {warning}")
        if result["status"] == "rejected":
            worst = 2
    return worst


def merge_effect(result: dict) -> str:
    """One line saying what an import did to the stored figures (plain CLI output)."""
    parts = [f"{result['lines_new']:,} new lines", f"{result['rows_updated']:,} changed",
             f"{result['lines_unchanged']:,} already stored unchanged"]
    if result["lines_not_in_file"]:
        verb = "removed" if result["lines_removed"] else "kept (--replace-orders removes them)"
        parts.append(f"{result['orders_lacking_lines']:,} orders in this file lack "
                     f"{result['lines_not_in_file']:,} stored lines: {verb}")
    effect = result.get("revenue_effect") or {}
    parts.append("revenue " + (", ".join(f"{v:+,.2f} {c}" for c, v in effect.items())
                               if effect else "unchanged"))
    return "; ".join(parts)


def cmd_summary(args) -> int:
    from .sales import Filters, currencies, kpis
    from .store.queries import sales_cube

    lines = sales_cube(args.db or default_db_path())
    from .countries import to_code

    currency = args.currency or next(iter(currencies(lines)), None)
    country = (to_code(args.country) or args.country) if args.country else None
    try:
        filters = Filters(args.date_from, args.date_to, country, currency)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    figures = kpis(lines, filters)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>20}: {value}")
    return 0


def cmd_elasticity(args) -> int:
    from .pricing import estimate_elasticities
    from .sales import currencies
    from .store.queries import order_lines

    lines = order_lines(args.db or default_db_path())
    currency = args.currency or next(iter(currencies(lines)), None)
    lines = lines.loc[(lines["currency"] == currency).to_numpy()]
    from .store.queries import products

    freq = {"week": "W", "day": "D"}[args.period]
    stock = products(args.db or default_db_path()) if freq == "W" else None
    if getattr(args, "tier", None):
        if freq != "W":
            print("error: --tier works on weekly data", file=sys.stderr)
            return 2
        from .pricing import estimate_tier_elasticities

        table = estimate_tier_elasticities(lines, stock, tiers=(args.tier,))
    else:
        table = estimate_elasticities(lines, freq=freq, products=stock)
    if args.sku:
        unknown = sorted(set(args.sku) - set(table["sku"].astype(str)))
        if unknown:
            print(f"error: no sales in {currency} for SKU(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        table = table.loc[table["sku"].astype(str).isin(args.sku)]
    from .messages import render

    # the model gives reason_code/reason_params; the CLI words them in English
    table = table.assign(currency=currency, reason=[render(code, params, cli=True) for code, params
                                                    in zip(table["reason_code"], table["reason_params"])])
    table = table.astype(object).where(table.notna(), None)  # JSON has no NaN
    if args.json:
        for record in table.to_dict("records"):
            print(json.dumps(record, default=str))
    else:
        print(table.drop(columns=["reason_code", "reason_params"]).to_string(index=False))
    return 0


def cmd_best_price(args) -> int:
    from .pricing import PriceConstraints, decide_price, estimate_elasticities
    from .store.settings import category_margins
    from .sales import currencies
    from .store.queries import order_lines, products

    db = args.db or default_db_path()
    lines = order_lines(db)
    currency = args.currency or next(iter(currencies(lines)), None)
    lines = lines.loc[(lines["currency"] == currency).to_numpy()]
    table = products(db)
    estimates = estimate_elasticities(lines, products=table)
    if args.sku not in set(estimates["sku"].astype(str)):
        print(f"error: no sales in {currency} for SKU {args.sku}", file=sys.stderr)
        return 2
    try:
        constraints = PriceConstraints(objective=args.goal, max_change_pct=args.max_change,
                                       assumed_margin_pct=args.margin)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    costs = table.dropna(subset=["unit_cost"])
    costs = costs.set_index(costs["sku"].astype(str))["unit_cost"]
    decision = decide_price(estimates, args.sku, constraints, costs,
                            category_margins=category_margins(db))
    record = {**decision.to_dict(), "currency": currency}
    if args.json:
        print(json.dumps(record, default=float))
    else:
        for key, value in record.items():
            print(f"{key:>28}: {value}")
    return 0


def cmd_demo(args) -> int:
    from .demo import ensure_demo

    db = args.db or default_db_path()
    result = ensure_demo(db, _progress_printer("demo data"))
    print(file=sys.stderr)
    if result is None:
        print(f"{db} already has data; demo not imported")
        return 0
    print(f"demo data: {result['status']}, {result['lines_stored']:,} lines in {db}")
    return 0 if result["status"] in ("imported", "already_imported") else 2


def cmd_bundles(args) -> int:
    from .bundles.command import run

    return run(args, args.db or default_db_path())


def cmd_forecast(args) -> int:
    from .forecasting.command import run

    return run(args, args.db or default_db_path())


def cmd_scenario(args) -> int:
    from .scenarios.command import run

    return run(args, args.db or default_db_path())


def cmd_markets(args) -> int:
    from .markets.command import run

    return run(args, args.db or default_db_path())


def cmd_portfolio(args) -> int:
    from .portfolio.command import run

    return run(args, args.db or default_db_path())


def cmd_customers(args) -> int:
    from .customers.command import run_customers

    return run_customers(args, args.db or default_db_path())


def cmd_nps(args) -> int:
    from .customers.command import run_nps

    return run_nps(args)


def main(argv: list[str] | None = None) -> int:
    from .store.queries import StoreMissing

    args = build_parser().parse_args(argv)
    try:
        return {"import": cmd_import, "summary": cmd_summary, "elasticity": cmd_elasticity,
                "best-price": cmd_best_price, "demo": cmd_demo, "bundles": cmd_bundles,
                "forecast": cmd_forecast, "scenario": cmd_scenario,
                "markets": cmd_markets, "market": cmd_markets, "portfolio": cmd_portfolio,
                "customers": cmd_customers, "nps": cmd_nps}[args.command](args)
    except StoreMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
