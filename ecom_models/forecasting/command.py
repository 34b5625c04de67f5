"""``python -m ecom_models forecast``: the forecast per series with its intervals, the
chosen model and every model's backtest scores (wired into ``ecom_models/cli.py``).

With ``--json``, one object per series: ``series_id``, ``name``, ``model``, ``forecast``
(list of ``{period, mean, lo80, hi80, lo95, hi95, baseline}``, units per period),
``backtest`` (``{model: {mase, wape}}`` including ``seasonal_naive``), ``coverage``
(backtest share inside the 80 / 95 % intervals) and ``last_period`` (start of the last
period used).
``--until DATE`` fits only on lines up to that date, so the forecast can be checked
against what happened later.
"""
from __future__ import annotations

import argparse
import json
import math
import sys


def add_parser(sub, db_help: str, date_type) -> None:
    from pathlib import Path

    from .series import LEVELS

    cmd = sub.add_parser("forecast", help="forecast units per SKU / category / country / total, "
                                          "chosen per series by backtest, with intervals")
    cmd.add_argument("--db", type=Path, help=db_help)
    cmd.add_argument("--level", choices=LEVELS, default="sku")
    cmd.add_argument("--top", type=int, default=20, help="best-selling series forecast (default 20; 0 = all)")
    cmd.add_argument("--sku", action="append", default=[], help="forecast this series id (repeatable)")
    cmd.add_argument("--horizon", type=int, default=8, help="periods ahead (default 8)")
    cmd.add_argument("--freq", choices=["week", "day"], default="week")
    cmd.add_argument("--until", type=date_type, help="use only data up to this date (YYYY-MM-DD)")
    cmd.add_argument("--json", action="store_true", help="one JSON object per series")


def _num(value) -> float | None:
    value = float(value)
    return round(value, 4) if math.isfinite(value) else None


def _day_after(day):
    import pandas as pd

    return pd.Timestamp(day) + pd.Timedelta(days=1)


def run(args: argparse.Namespace, db) -> int:
    from ecom_models.store.queries import order_lines

    from .pipeline import forecast
    from .price_features import price_inputs
    from .series import build_series, series_names

    limit = 26 if args.freq == "week" else 90
    if not 1 <= args.horizon <= limit or args.top < 0:
        print(f"error: --horizon must be 1..{limit} and --top at least 0", file=sys.stderr)
        return 2
    lines = order_lines(db)
    matrix = build_series(lines, args.level, args.freq, top=args.top or None, until=args.until,
                          ids=args.sku or None)
    if args.sku:
        unknown = sorted(set(args.sku) - set(matrix.ids.astype(str)))
        if unknown:
            print(f"error: no sales for series: {', '.join(unknown)}", file=sys.stderr)
            return 2
    if matrix.values.shape[0] == 0:
        print("error: no sales to forecast (check --until and --level)", file=sys.stderr)
        return 2
    try:
        prices = price_inputs(lines.loc[(lines["ordered_at"] < _day_after(args.until)).to_numpy()]
                              if args.until else lines, matrix, args.level)
        result = forecast(matrix, args.horizon, prices=prices)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    names = series_names(lines, args.level)
    scores = result.scores
    last = str(matrix.periods[-1].date())
    for sid, part in result.forecast.groupby("series_id", sort=False):
        mine = scores.loc[scores["series_id"] == sid]
        record = {
            "series_id": sid, "name": names.get(sid, sid), "level": args.level, "freq": args.freq,
            "model": str(result.chosen[sid]), "last_period": last,
            "forecast": [{"period": str(r.period.date()), "mean": _num(r.mean), "lo80": _num(r.lo80),
                          "hi80": _num(r.hi80), "lo95": _num(r.lo95), "hi95": _num(r.hi95),
                          "baseline": _num(r.baseline)} for r in part.itertuples(index=False)],
            "backtest": {m.model: {"mase": _num(m.mase), "wape": _num(m.wape)}
                         for m in mine.itertuples(index=False) if not math.isnan(m.mae)},
            "coverage": {"80": _num(result.coverage[80]), "95": _num(result.coverage[95])},
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            total = sum(f["mean"] or 0 for f in record["forecast"])
            base = record["backtest"].get("seasonal_naive", {}).get("mase")
            own = record["backtest"].get(record["model"], {}).get("mase")
            print(f"{sid:>16}  {record['model']:<16} next {args.horizon} {args.freq}s: {total:10.1f} units"
                  f"   backtest MASE {own if own is not None else '–'} (seasonal naive {base if base is not None else '–'})")
    return 0
