"""``python -m ecom_models scenario save|show|list|delete``: saved what-ifs from the command
line (wired into ``ecom_models/cli.py``). KEYs of ``--set`` are the page's URL keys
(``skus=85123A``, ``change=10``, ``margin=40``); an invalid value is rejected naming its key;
an unknown, malformed or deleted id exits with status 2 and "not found".
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NOT_FOUND = 2


def add_parser(sub, db_help: str) -> None:
    cmd = sub.add_parser("scenario", help="save a what-if, show it again (as saved, and whether "
                                          "the data changed since), list or delete saved ones")
    actions = cmd.add_subparsers(dest="action", required=True)
    save = actions.add_parser("save", help="compute a what-if on the store and save it")
    save.add_argument("kind", help="what-if kind: pricing, bundles, forecast or markets")
    save.add_argument("--set", dest="values", action="append", default=[], metavar="KEY=VALUE",
                      help="a parameter by its page URL key, e.g. skus=85123A change=10 margin=40 "
                           "(bundles: b_items=A,B b_discount=10; forecast: f_series=A f_price=5; "
                           "markets: m_sku=A m_country=AT m_price=29.9)")
    save.add_argument("--title", default="")
    save.add_argument("--note", default="")
    save.add_argument("--parent", help="id of the scenario this one follows (a linked what-if)")
    show = actions.add_parser("show", help="a saved scenario as saved, and today's numbers when "
                                           "the data or the model changed")
    show.add_argument("id")
    show.add_argument("--recompute", action="store_true", help="compute today's numbers anyway")
    actions.add_parser("list", help="saved scenarios, newest first")
    delete = actions.add_parser("delete", help="delete a scenario (its link shows 'not found')")
    delete.add_argument("id")
    for parser in (save, show, actions.choices["list"], delete):
        parser.add_argument("--db", type=Path, help=db_help)
        parser.add_argument("--json", action="store_true", help="one JSON object")


def _pairs(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in values:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"--set expects KEY=VALUE, got {pair[:60]!r}")
        if key in out:
            raise ValueError(f"{key}: given twice")
        out[key] = value
    return out


def _default_currency(db: Path) -> str | None:
    from ecom_models.sales import currencies
    from ecom_models.store.queries import sales_cube

    return next(iter(currencies(sales_cube(db))), None)


def run(args: argparse.Namespace, db: Path) -> int:
    return {"save": _save, "show": _show, "list": _list, "delete": _delete}[args.action](args, Path(db))


def _print(record: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(record, allow_nan=False, ensure_ascii=False))
        return
    for key, value in record.items():
        print(f"{key:>14}: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}")


def _save(args, db: Path) -> int:
    from .fields import from_url
    from .registry import get_kind, kinds
    from .saved import save

    if args.kind not in kinds():
        print(f"error: unknown kind {args.kind!r}; one of: {', '.join(kinds())}", file=sys.stderr)
        return 2
    spec = get_kind(args.kind)
    try:
        query = _pairs(args.values)
        fixed = {}
        if args.kind == "pricing":   # pinned as the Pricing page does: currency and margin table
            from ecom_models.store.settings import category_margins

            fixed["category_margins"] = category_margins(db)
            if not query.get("currency"):
                fixed["currency"] = _default_currency(db)
            inputs = from_url(spec.inputs_cls, spec.fields, query, **fixed)
        else:                        # the kind fills what its page fills from the store
            if args.parent and "parent_id" in {f.name for f in spec.fields}:
                fixed["parent_id"] = args.parent
            inputs = spec.build(db, query, **fixed)
        saved = save(db, args.kind, inputs, title=args.title, note=args.note, parent_id=args.parent)
    except (ValueError, LookupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    record = saved.to_json()
    _print({k: record[k] for k in ("id", "kind", "title", "inputs", "results")}, args.json)
    return 0


def _show(args, db: Path) -> int:
    from .saved import compare_today, open_saved

    saved = open_saved(db, args.id)
    if saved is None:
        print("error: scenario not found", file=sys.stderr)
        return NOT_FOUND
    check = compare_today(db, saved, recompute=args.recompute)
    record = saved.to_json()
    out = {k: record[k] for k in ("id", "kind", "title", "note", "inputs", "results")}
    out.update(data_changed=check.data_changed, model_changed=check.model_changed,
               imports_added=check.imports_added, imports_removed=check.imports_removed,
               fingerprint=saved.fingerprint, app_version=saved.app_version, steps=list(saved.steps),
               created_at=saved.created_at)
    if check.results_today is not None:
        out.update(results_today=check.results_today, same_numbers=check.same_numbers)
    if check.error:
        out["results_today_error"] = check.error
    _print(out, args.json)
    return 0


def _list(args, db: Path) -> int:
    from .saved import saved_list

    rows = saved_list(db)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']}  {row['kind']:<9} {row['created_at'][:16]}  {row['title']}")
    return 0


def _delete(args, db: Path) -> int:
    from .saved import delete

    if not delete(db, args.id):
        print("error: scenario not found", file=sys.stderr)
        return NOT_FOUND
    _print({"id": args.id, "deleted": True}, args.json)
    return 0
