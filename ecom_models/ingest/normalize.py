"""Turn a read table into canonical order lines or products, with the facts for the report.

Canonical order lines (one row each): order_id, line_no, ordered_at (datetime64, NaT when
the export has no date), sku, product_name, quantity (negative = returned), unit_price,
currency, customer_id, country, is_return, is_product, source_line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .dates import CANDIDATE_FORMATS, detect_date_format, parse_dates
from .errors import IngestError
from .numbers import clean_id, detect_decimal_for_columns, parse_numbers
from .presets import NON_PRODUCT_PATTERN, NON_PRODUCT_SKUS, Preset, resolve_columns
from .reader import RawTable
from .shop_rules import RULES

ORDER_COLUMNS = ["order_id", "line_no", "ordered_at", "sku", "product_name", "quantity",
                 "unit_price", "currency", "customer_id", "country", "is_return",
                 "is_product", "source_line"]
PRODUCT_COLUMNS = ["sku", "name", "category", "unit_cost", "current_price", "currency",
                   "stock", "source_line"]
NUMERIC_ORDER_FIELDS = ("quantity", "unit_price", "line_total")
NUMERIC_PRODUCT_FIELDS = ("unit_cost", "current_price", "sale_price", "stock")


@dataclass
class Options:
    """User corrections to what was detected (all optional)."""

    mapping: dict[str, str] = field(default_factory=dict)   # field -> column
    decimal: str | None = None                               # '.' or ','
    date_format: str | None = None                           # strptime format
    currency: str | None = None                              # when the file has none
    skip_bad_rows: bool = False


@dataclass
class Normalized:
    frame: pd.DataFrame
    facts: dict
    warnings: list[str]
    skipped: pd.DataFrame          # columns: line, reason


def _missing_error(preset: Preset, missing: list[str], cols: dict, raw: RawTable, file: str):
    wanted = ", ".join(f"{f} (e.g. '{preset.columns.get(f, (f,))[0]}')" for f in missing)
    raise IngestError(
        f"required columns are missing for {preset.label}: {wanted}. "
        f"The file has: {', '.join(raw.header[:40])}", file=file, line=raw.detected.get("header_line"),
        hint="choose the matching column for each missing field in the mapping "
             "(CLI: --map FIELD=COLUMN), or pick another format")


def _map(raw: RawTable, preset: Preset, opts: Options, file: str,
         required: tuple[str, ...]) -> tuple[pd.DataFrame, dict]:
    cols = resolve_columns(preset, raw.header, opts.mapping)
    missing = [f for f in required if f not in cols or cols[f] not in raw.header]
    if missing:
        _missing_error(preset, missing, cols, raw, file)
    bad_map = [f"{f}='{c}'" for f, c in cols.items() if c not in raw.header]
    if bad_map:
        raise IngestError(f"the mapping names columns the file does not have: {', '.join(bad_map)}",
                          file=file, hint=f"pick from: {', '.join(raw.header[:40])}")
    for f, c in cols.items():
        twins = [i + 1 for i, h in enumerate(raw.header) if h == c or h.startswith(f"{c} (")
                 and h[len(c) + 2:-1].isdigit()]
        if len(twins) > 1:
            raise IngestError(
                f"the header '{c}' appears {len(twins)} times (columns "
                f"{', '.join(map(str, twins))}), so it is unclear which one holds {f}",
                file=file, line=raw.detected.get("header_line"), column=c,
                hint="rename the duplicate headers in the file, or map the field to another column")
    frame = pd.DataFrame({f: raw.frame[c] for f, c in cols.items()})
    frame["_line"] = raw.lines
    return frame, cols


def _numbers(frame: pd.DataFrame, fields, cols, opts, file, skip) -> tuple[str, pd.Series]:
    present = [f for f in fields if f in frame]
    decimal = opts.decimal or detect_decimal_for_columns(frame, present)
    dropped = pd.Series(False, index=frame.index)
    for f in present:
        values, bad = parse_numbers(frame[f], decimal)
        bad &= ~skip
        if bad.any():
            if not opts.skip_bad_rows:
                line = int(frame.loc[bad, "_line"].iloc[0])
                raise IngestError(
                    f"'{frame.loc[bad, f].iloc[0]}' is not a number "
                    f"({int(bad.sum())} such value(s) in this column)", file=file, line=line,
                    column=cols.get(f, f),
                    hint="correct the value, or choose the other decimal mark "
                         f"(detected '{decimal}'), or tick 'skip malformed rows'")
            dropped |= bad
        frame[f] = values
    return decimal, dropped


def choose_date_format(text: pd.Series, column: str | None, opts: Options, file: str
                       ) -> tuple[str | None, dict, str | None]:
    """The date format for a column of date text: the user's choice, else the one detected
    over the whole column (or, when none fits every value, the one fitting most, so that the
    parse can name the first line that does not fit). Returns (format, facts for the report,
    a note when the column is ambiguous)."""
    facts = {"date_ambiguous": False, "date_candidates": []}
    if opts.date_format is not None:
        return opts.date_format, facts, None
    det = detect_date_format(text)
    facts.update(date_ambiguous=det.ambiguous, date_candidates=list(det.candidates))
    fmt = det.format
    if fmt is None and (text.str.strip() != "").any():
        fmt = _best_partial_format(text)
        if fmt is None:
            raise IngestError(det.note or "the dates are in a format that cannot be recognised",
                              file=file, column=column,
                              hint="choose the date format in the import settings "
                                   "(CLI: --date-format, e.g. %d.%m.%Y)")
    return fmt, facts, det.note if det.ambiguous else None


def _dates(frame, cols, opts, file, skip, warnings) -> tuple[dict, pd.Series]:
    info = {"date_format": None, "date_ambiguous": False, "date_candidates": []}
    dropped = pd.Series(False, index=frame.index)
    if "ordered_at" not in frame:
        frame["ordered_at"] = pd.NaT
        warnings.append("the file has no order date column: its lines count in totals "
                        "but not in charts over time")
        return info, dropped
    text = frame["ordered_at"].astype(str)
    fmt, facts, note = choose_date_format(text[~skip] if skip.any() else text,
                                          cols.get("ordered_at"), opts, file)
    info.update(facts)
    if note:
        warnings.append(note)
    info["date_format"] = fmt
    if fmt is None:
        frame["ordered_at"] = pd.NaT
        return info, dropped
    values, bad = parse_dates(text, fmt)
    bad &= ~skip
    if bad.any():
        if not opts.skip_bad_rows:
            line = int(frame.loc[bad, "_line"].iloc[0])
            raise IngestError(f"'{text[bad].iloc[0]}' is not a valid date for the format {fmt} "
                              f"({int(bad.sum())} such value(s))", file=file, line=line,
                              column=cols.get("ordered_at"),
                              hint="correct the date (impossible dates such as 31.02. are "
                                   "rejected) or choose another date format")
        dropped |= bad
    frame["ordered_at"] = values
    return info, dropped


CURRENCY_SIGNS = {"€": "EUR", "£": "GBP", "$": "USD", "₹": "INR", "CHF": "CHF", "EUR": "EUR",
                  "GBP": "GBP", "USD": "USD"}


def currency_from_symbols(frame: pd.DataFrame, fields) -> str | None:
    """The one currency whose sign or code the money cells carry ('€12,50' → EUR), or None
    when they carry none or several. Looks at the distinct values only."""
    found = set()
    for f in fields:
        if f in frame and frame[f].dtype != float:
            text = " ".join(map(str, frame[f].dropna().unique()[:5000]))
            found |= {code for sign, code in CURRENCY_SIGNS.items() if sign in text}
    return found.pop() if len(found) == 1 else None


def _best_partial_format(text: pd.Series) -> str | None:
    """The candidate date format that parses the most distinct values (None if none parses any)."""
    distinct = pd.Series(text.unique()).astype(str)
    counts = {fmt: int((~parse_dates(distinct, fmt)[1]).sum() - (distinct.str.strip() == "").sum())
              for fmt, _ in CANDIDATE_FORMATS}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else None


def _skipped(frame: pd.DataFrame, reasons: pd.Series) -> pd.DataFrame:
    mask = reasons != ""
    return pd.DataFrame({"line": frame.loc[mask, "_line"].astype(int).to_numpy(),
                         "reason": reasons[mask].to_numpy()})


def normalize_orders(raw: RawTable, preset: Preset, opts: Options, file: str,
                     positions: np.ndarray | None = None) -> Normalized:
    """Canonical order lines from ``raw`` (see module docstring); raises ``IngestError``.

    ``positions``: each raw row's 1-based position within its order over the whole file,
    when ``raw`` is one slice of a larger file (see ``streaming``); computed here otherwise.
    """
    required = tuple(f for f in preset.required)
    frame, cols = _map(raw, preset, opts, file, required)
    if preset.name == "generic" and "unit_price" not in frame and "line_total" not in frame:
        _missing_error(preset, ["unit_price"], cols, raw, file)
    warnings = list(raw.warnings)
    rule = RULES.get(preset.name)
    if rule is not None:
        frame = rule(frame, raw.frame)
    frame = frame.reset_index(drop=True)
    for marker in ("_return", "_reverse", "_non_product"):
        if marker not in frame:
            frame[marker] = False
    reasons = frame["_skip"].astype(str) if "_skip" in frame else pd.Series("", index=frame.index)
    if "order_id" not in frame:
        frame["order_id"] = ""
    frame["order_id"] = clean_id(frame["order_id"].astype(str))
    frame["_pos"] = order_positions(frame["order_id"]) if positions is None else positions
    reasons = reasons.where((reasons != "") | frame["order_id"].notna(), "no order number")
    sku = clean_id(frame["sku"].astype(str)) if "sku" in frame else pd.Series(None, index=frame.index, dtype=object)
    name = frame["product_name"].astype(str).str.strip() if "product_name" in frame else pd.Series("", index=frame.index)
    no_sku = sku.isna() & (name != "")
    if no_sku.any():
        warnings.append(f"{int(no_sku.sum())} line(s) have no SKU; their product name is used as SKU")
    frame["sku"] = sku.where(~no_sku, name)
    reasons = reasons.where((reasons != "") | frame["sku"].notna(), "no SKU and no product name")
    skip = reasons != ""
    symbol_currency = currency_from_symbols(frame, NUMERIC_ORDER_FIELDS)
    decimal, bad_num = _numbers(frame, NUMERIC_ORDER_FIELDS, cols, opts, file, skip)
    date_info, bad_date = _dates(frame, cols, opts, file, skip, warnings)
    reasons = reasons.where(~bad_num | (reasons != ""), "value is not a number")
    reasons = reasons.where(~bad_date | (reasons != ""), "date cannot be read")
    skip = reasons != ""
    qty = frame["quantity"].astype(float)
    if "unit_price" not in frame:
        frame["unit_price"] = np.nan
    if "line_total" in frame:
        from_total = frame["unit_price"].isna() & frame["line_total"].notna() & (qty != 0)
        # signed: quantity × unit_price reproduces the stated line total (refunds included)
        frame.loc[from_total, "unit_price"] = frame.loc[from_total, "line_total"] / qty[from_total]
    reasons = reasons.where(frame["quantity"].notna() | (reasons != ""), "no quantity")
    skip = reasons != ""
    no_price = frame["unit_price"].isna() & ~skip
    if no_price.any():
        warnings.append(f"{int(no_price.sum())} line(s) have no price: they count as units "
                        "but add no revenue")
    currency = (frame["currency"].astype(str).str.strip().str.upper()
                if "currency" in frame else pd.Series("", index=frame.index))
    fallback = opts.currency or preset.currency
    if fallback is None and "currency" not in frame and symbol_currency:
        fallback = symbol_currency
        warnings.append(f"currency {symbol_currency} taken from the currency signs in the prices")
    if (currency == "").any() and fallback is None and "currency" not in frame:
        warnings.append("the file names no currency; set one in the import settings")
    currency = currency.where(currency != "", fallback)
    out = pd.DataFrame({
        "order_id": frame["order_id"], "ordered_at": frame["ordered_at"], "sku": frame["sku"],
        "product_name": name.where(name != "", None), "quantity": qty,
        "unit_price": frame["unit_price"].astype(float), "currency": currency,
        "customer_id": clean_id(frame["customer_id"].astype(str)) if "customer_id" in frame else None,
        "country": (frame["country"].astype(str).str.strip().replace("", None)
                    if "country" in frame else None),
        "is_return": frame["_return"].astype(bool) | (qty < 0),
        "is_product": ~(frame["_non_product"].astype(bool).to_numpy()
                        | _per_distinct(frame["sku"], lambda u: u.str.upper().isin(NON_PRODUCT_SKUS)
                                        | u.str.match(NON_PRODUCT_PATTERN))),
        "source_line": frame["_line"].astype(int),
    })
    skipped = _skipped(frame, reasons)
    keep = ~skip.to_numpy()
    reverse = frame["_reverse"].astype(bool).to_numpy()[keep]
    out = out.loc[keep].reset_index(drop=True)
    out["line_no"] = _line_numbers(frame.loc[keep, "_pos"],
                                   frame.loc[keep, "line_id"] if "line_id" in frame else None)
    if reverse.any():
        back = out.loc[reverse].copy()
        back["quantity"] = -back["quantity"]
        back["is_return"] = True
        back["line_no"] = -back["line_no"]
        out = pd.concat([out, back], ignore_index=True)
    facts = {"decimal": decimal, **date_info, "columns": cols, "reversed": int(reverse.sum())}
    return Normalized(out[ORDER_COLUMNS], facts, warnings, skipped)


def order_positions(order_id: pd.Series) -> np.ndarray:
    """1-based position of each row within its order, in file order (skipped rows count too,
    so a line keeps its number when a re-export fixes an earlier bad row)."""
    codes = pd.factorize(order_id, use_na_sentinel=False)[0]
    return pd.Series(codes).groupby(codes, sort=False).cumcount().to_numpy() + 1


def _per_distinct(values: pd.Series, test) -> np.ndarray:
    """``test`` (a function of a Series of distinct text values returning booleans) applied
    once per distinct value and spread back to every row (exports repeat codes a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    verdict = np.asarray(test(pd.Series(uniques, dtype=object).astype(str)), dtype=bool)
    return verdict[codes]


def _line_numbers(positions: pd.Series, line_id: pd.Series | None) -> np.ndarray:
    """The shop's own line id when it is a unique integer, else the position in the order."""
    if line_id is not None:
        ids = pd.to_numeric(line_id, errors="coerce").to_numpy()
        if not np.isnan(ids).any() and len(np.unique(ids)) == len(ids):
            return ids.astype(np.int64)
    return positions.to_numpy(dtype=np.int64)


def normalize_products(raw: RawTable, preset: Preset, opts: Options, file: str) -> Normalized:
    """Canonical products (sku, name, category, unit_cost, current_price, currency, stock)."""
    frame, cols = _map(raw, preset, opts, file, preset.required)
    warnings = list(raw.warnings)
    rule = RULES.get(preset.name)
    if rule is not None:
        frame = rule(frame, raw.frame)
    frame["sku"] = clean_id(frame["sku"].astype(str))
    reasons = pd.Series("", index=frame.index).where(frame["sku"].notna(), "no SKU")
    if "price_group" in frame:
        group = frame["price_group"].str.strip()
        reasons = reasons.where((reasons != "") | group.isin(["", "EK"]),
                                "customer group " + group + " (only end-customer prices EK are used)")
    if "from_quantity" in frame:
        start = frame["from_quantity"].str.strip()
        reasons = reasons.where((reasons != "") | start.isin(["", "1"]),
                                "graduated price from quantity " + start)
    skip = reasons != ""
    decimal, bad = _numbers(frame, NUMERIC_PRODUCT_FIELDS, cols, opts, file, skip)
    reasons = reasons.where(~bad | (reasons != ""), "value is not a number")
    price = frame["current_price"]
    if "sale_price" in frame:
        price = frame["sale_price"].where(frame["sale_price"].notna(), price)
    cost = frame["unit_cost"].where(frame["unit_cost"] > 0) if "unit_cost" in frame else np.nan
    out = pd.DataFrame({
        "sku": frame["sku"],
        "name": frame["product_name"].str.strip().replace("", None) if "product_name" in frame else None,
        "category": frame["category"].str.strip().replace("", None) if "category" in frame else None,
        "unit_cost": cost, "current_price": price,
        "currency": opts.currency or preset.currency,
        "stock": frame["stock"] if "stock" in frame else np.nan,
        "source_line": frame["_line"].astype(int),
    })
    skip = (reasons != "").to_numpy()
    skipped = _skipped(frame, reasons)
    out = out.loc[~skip]
    dup = out["sku"].duplicated(keep="last")
    if dup.any():
        warnings.append(f"{int(dup.sum())} SKU(s) appear more than once; the last row of each is used")
        out = out.loc[~dup]
    facts = {"decimal": decimal, "date_format": None, "date_ambiguous": False,
             "date_candidates": [], "columns": cols, "reversed": 0}
    return Normalized(out.reset_index(drop=True)[PRODUCT_COLUMNS], facts, warnings, skipped)
