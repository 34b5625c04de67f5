"""Turn a read table into canonical order lines or products, with the facts for the report.

Canonical order lines (one row each): order_id, line_id (the shop's own line id or None),
event (ledger event reference or None), reversal (the netting line of a cancelled sale),
ordered_at (datetime64, NaT when the export has no date), sku, product_name, quantity
(negative = returned), unit_price (net of VAT when ``price_basis`` is 'net'), currency,
customer_id (as exported; the store pseudonymises it), country (ISO 3166-1 alpha-2 code,
or the export's text when unknown), is_return, is_product, source_line, vat_rate (percent
or NaN), price_basis ('net' or None = as exported). The store derives each line's
identity from these (``store.line_identity``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .dates import choose_date_format, parse_dates
from .errors import IngestError
from ..messages import Message
from .numbers import decimal_votes, clean_id, detect_decimal_for_columns, parse_numbers
from ..countries import to_codes
from .currencies import currency_from_symbols, reject_contradicting_signs
from .presets import NON_PRODUCT_PATTERN, NON_PRODUCT_SKUS, Preset, resolve_columns
from .reader import RawTable
from .shop_rules import RULES

ORDER_COLUMNS = ["order_id", "line_id", "event", "reversal", "ordered_at", "sku",
                 "product_name", "quantity", "unit_price", "currency", "customer_id", "country",
                 "is_return", "is_product", "source_line", "vat_rate", "price_basis"]
CUSTOMER_COLUMNS = ["customer_id", "country", "customer_group", "source_line"]
PRODUCT_COLUMNS = ["sku", "name", "category", "unit_cost", "current_price", "currency",
                   "stock", "source_line"]
NUMERIC_ORDER_FIELDS = ("quantity", "unit_price", "line_total", "vat_rate")
# Largest |quantity|, |price| and |quantity × price| accepted (beyond: a bad row). Far above
# any real line, far below float overflow (9.7e307 × 10 = inf).
MAX_ABS_VALUE = 1e12
NUMERIC_PRODUCT_FIELDS = ("unit_cost", "current_price", "sale_price", "stock")


@dataclass
class Options:
    """User corrections to what was detected (all optional)."""

    mapping: dict[str, str] = field(default_factory=dict)   # field -> column
    decimal: str | None = None                               # '.' or ','
    date_format: str | None = None                           # strptime format
    currency: str | None = None                              # when the file has none
    skip_bad_rows: bool = False
    channel: str | None = None                               # the shop's name (default: shop system)
    replace_orders: bool = False                             # remove stored lines a newer export lacks


@dataclass
class Normalized:
    frame: pd.DataFrame
    facts: dict
    warnings: list[str]            # Message items (English text carrying a code)
    skipped: pd.DataFrame          # columns: line, reason (object dtype: Message items)


def _missing_error(preset: Preset, missing: list[str], cols: dict, raw: RawTable, file: str):
    wanted = [Message("missing_field", {"field": Message(f"field.{f}"),
                                        "example": preset.columns.get(f, (f,))[0]}) for f in missing]
    raise IngestError(code="missing_columns",
                      params={"format": Message(preset.label_code), "fields": wanted,
                              "columns": ", ".join(raw.header[:40])},
                      file=file, line=raw.detected.get("header_line"), hint_code="hint.map_columns")


def no_reasons(index) -> pd.Series:
    """A skip-reason Series with no reason yet (object dtype, so it can hold ``Message``
    items: pandas' ``str`` dtype would keep only their English text)."""
    return pd.Series("", index=index, dtype=object)


def add_reason(reasons: pd.Series, where, reason) -> pd.Series:
    """``reasons`` with ``reason`` (a ``Message``, or a Series of them aligned with
    ``reasons``) set on the rows where ``where`` holds and no reason is set yet."""
    out = reasons.to_numpy(dtype=object, copy=True)
    hit = np.asarray(where, dtype=bool) & (out == "")
    if hit.any():
        out[hit] = reason.to_numpy(dtype=object)[hit] if isinstance(reason, pd.Series) else reason
    return pd.Series(out, index=reasons.index, dtype=object)


def per_value(values: pd.Series, code: str, param: str) -> pd.Series:
    """``Message(code, {param: value})`` for each row, built once per distinct value."""
    made = {v: Message(code, {param: v}) for v in values.dropna().unique()}
    return pd.Series([made.get(v, "") for v in values], index=values.index, dtype=object)


def _map(raw: RawTable, preset: Preset, opts: Options, file: str,
         required: tuple[str, ...]) -> tuple[pd.DataFrame, dict]:
    cols = resolve_columns(preset, raw.header, opts.mapping)
    missing = [f for f in required if f not in cols or cols[f] not in raw.header]
    if missing:
        _missing_error(preset, missing, cols, raw, file)
    bad_map = [f"{f}='{c}'" for f, c in cols.items() if c not in raw.header]
    if bad_map:
        raise IngestError(code="mapping_unknown_columns", params={"columns": ", ".join(bad_map)},
                          file=file, hint_code="hint.pick_from",
                          hint_params={"columns": ", ".join(raw.header[:40])})
    for f, c in cols.items():
        twins = [i + 1 for i, h in enumerate(raw.header) if h == c or h.startswith(f"{c} (")
                 and h[len(c) + 2:-1].isdigit()]
        if len(twins) > 1:
            raise IngestError(
                code="column_ambiguous",
                params={"column": c, "count": len(twins), "positions": ", ".join(map(str, twins)),
                        "field": Message(f"field.{f}")},
                file=file, line=raw.detected.get("header_line"), column=c,
                hint_code="hint.rename_duplicates")
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
                    code="bad_number", params={"value": str(frame.loc[bad, f].iloc[0]),
                                               "count": int(bad.sum())},
                    file=file, line=line, column=cols.get(f, f),
                    hint_code="hint.decimal;hint.skip_bad_rows", hint_params={"decimal": decimal})
            dropped |= bad
        frame[f] = values
    return decimal, dropped


def _dates(frame, cols, opts, file, skip, warnings) -> tuple[dict, pd.Series]:
    info = {"date_format": None, "date_ambiguous": False, "date_candidates": []}
    dropped = pd.Series(False, index=frame.index)
    if "ordered_at" not in frame:
        frame["ordered_at"] = pd.NaT
        warnings.append(Message("no_date_column"))
        return info, dropped
    text = frame["ordered_at"].astype(str)
    fmt, facts, note = choose_date_format(text[~skip] if skip.any() else text,
                                          cols.get("ordered_at"), opts.date_format, file)
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
            raise IngestError(code="bad_date", params={"value": str(text[bad].iloc[0]), "format": fmt,
                                                       "count": int(bad.sum())},
                              file=file, line=line, column=cols.get("ordered_at"),
                              hint_code="hint.correct_date")
        dropped |= bad
    frame["ordered_at"] = values
    return info, dropped


def _skipped(frame: pd.DataFrame, reasons: pd.Series) -> pd.DataFrame:
    mask = (reasons != "").to_numpy()
    return pd.DataFrame({"line": frame.loc[mask, "_line"].astype(int).to_numpy(),
                         "reason": pd.Series(reasons.to_numpy(dtype=object)[mask], dtype=object)})


@dataclass
class OrderText:
    """The first stage of reading order lines: the file's columns mapped to fields, the
    shop's rules applied, order ids and SKUs cleaned; numbers and dates still text."""

    frame: pd.DataFrame
    cols: dict
    reasons: pd.Series              # skip reason per row ('' = none yet)
    warnings: list

    def decimal_votes(self) -> tuple[int, int]:
        """(rows voting decimal comma, rows voting decimal point) over the number fields
        (``numbers.detect_decimal_for_columns``, added up so parts of a file can vote)."""
        votes = [decimal_votes(self.frame[f]) for f in NUMERIC_ORDER_FIELDS if f in self.frame]
        return sum(v[0] for v in votes), sum(v[1] for v in votes)

    def date_texts(self) -> np.ndarray:
        """The distinct date texts of the rows not skipped (what the date format is judged
        on), in first-seen order; empty when the file has no date column."""
        if "ordered_at" not in self.frame:
            return np.array([], dtype=object)
        text = self.frame["ordered_at"].astype(str)
        keep = (self.reasons == "").to_numpy()
        return pd.unique(text[keep].to_numpy(dtype=object))


def order_text(raw: RawTable, preset: Preset, opts: Options, file: str) -> OrderText:
    """Map, apply the shop's rules and clean ids (see ``OrderText``); raises ``IngestError``."""
    frame, cols = _map(raw, preset, opts, file, tuple(preset.required))
    if preset.name == "generic" and "unit_price" not in frame and "line_total" not in frame:
        _missing_error(preset, ["unit_price"], cols, raw, file)
    warnings = list(raw.warnings)
    rule = RULES.get(preset.name)
    if rule is not None:
        frame = rule(frame, raw.frame)
    frame = frame.reset_index(drop=True)
    for marker in ("_return", "_reverse", "_non_product", "_gross", "_vat_known"):
        frame[marker] = frame[marker].fillna(False).astype(bool) if marker in frame else False
    reasons = no_reasons(frame.index)
    if "_skip" in frame:
        reasons = add_reason(reasons, frame["_skip"].notna().to_numpy(),
                             frame["_skip"].astype(object).fillna(""))
    if "order_id" not in frame:
        frame["order_id"] = ""
    frame["order_id"] = clean_id(frame["order_id"].astype(str))
    reasons = add_reason(reasons, frame["order_id"].isna(), Message("skip.no_order_number"))
    sku = clean_id(frame["sku"].astype(str)) if "sku" in frame else pd.Series(None, index=frame.index, dtype=object)
    name = frame["product_name"].astype(str).str.strip() if "product_name" in frame else pd.Series("", index=frame.index)
    no_sku = sku.isna() & (name != "")
    if no_sku.any():
        warnings.append(Message("no_sku", {"count": int(no_sku.sum())}))
    frame["sku"] = sku.where(~no_sku, name)
    reasons = add_reason(reasons, frame["sku"].isna(), Message("skip.no_sku_no_name"))
    return OrderText(frame, cols, reasons, warnings)


def normalize_orders(raw: RawTable, preset: Preset, opts: Options, file: str) -> Normalized:
    """Canonical order lines from ``raw`` (see module docstring); raises ``IngestError``.
    ``opts.decimal`` and ``opts.date_format``, when given, replace detection (a file read
    in parts is judged over all its parts first: ``ingest.streaming``)."""
    stage = order_text(raw, preset, opts, file)
    frame, cols, reasons, warnings = stage.frame, stage.cols, stage.reasons, stage.warnings
    name = (frame["product_name"].astype(str).str.strip() if "product_name" in frame
            else pd.Series("", index=frame.index))
    skip = reasons != ""
    fixed_currency = opts.currency or preset.currency
    reject_contradicting_signs(frame, NUMERIC_ORDER_FIELDS, fixed_currency, cols, file, skip)
    symbol_currency = currency_from_symbols(frame, NUMERIC_ORDER_FIELDS)
    decimal, bad_num = _numbers(frame, NUMERIC_ORDER_FIELDS, cols, opts, file, skip)
    date_info, bad_date = _dates(frame, cols, opts, file, skip, warnings)
    reasons = add_reason(reasons, bad_num, Message("skip.not_a_number"))
    reasons = add_reason(reasons, bad_date, Message("skip.bad_date"))
    skip = reasons != ""
    qty = frame["quantity"].astype(float)
    if "unit_price" not in frame:
        frame["unit_price"] = np.nan
    if "line_total" in frame:
        from_total = frame["unit_price"].isna() & frame["line_total"].notna() & (qty != 0)
        # signed: quantity × unit_price reproduces the stated line total (refunds included)
        frame.loc[from_total, "unit_price"] = frame.loc[from_total, "line_total"] / qty[from_total]
    reasons = add_reason(reasons, frame["quantity"].isna(), Message("skip.no_quantity"))
    reasons = _out_of_bounds(frame, qty, reasons, cols, opts, file)
    skip = reasons != ""
    vat = frame["vat_rate"].astype(float) if "vat_rate" in frame else pd.Series(np.nan, index=frame.index)
    gross = frame["_gross"].to_numpy() & vat.notna().to_numpy()
    price = frame["unit_price"].astype(float)
    price = price.where(~gross, price / (1.0 + vat / 100.0))
    if gross.any():
        warnings.append(Message("prices_gross", {"count": int(gross.sum())}))
    no_price = price.isna() & ~skip
    if no_price.any():
        warnings.append(Message("no_price", {"count": int(no_price.sum())}))
    currency = (frame["currency"].astype(str).str.strip().str.upper()
                if "currency" in frame else pd.Series("", index=frame.index))
    fallback = fixed_currency
    if fallback is None and "currency" not in frame and symbol_currency:
        fallback = symbol_currency
        warnings.append(Message("currency_from_signs", {"currency": symbol_currency}))
    if (currency == "").any() and fallback is None and "currency" not in frame:
        warnings.append(Message("no_currency"))
    currency = currency.where(currency != "", fallback)
    country, unknown = (to_codes(frame["country"].astype(str).str.strip().replace("", None))
                        if "country" in frame else (None, []))
    if unknown:
        warnings.append(Message("unknown_countries", {"names": list(unknown[:10])}))
    out = pd.DataFrame({
        "order_id": frame["order_id"],
        "line_id": _text_or_none(frame, "line_id"), "event": _text_or_none(frame, "event"),
        "reversal": False,
        "ordered_at": frame["ordered_at"], "sku": frame["sku"],
        "product_name": name.where(name != "", None), "quantity": qty,
        "unit_price": price, "currency": currency,
        "customer_id": clean_id(frame["customer_id"].astype(str)) if "customer_id" in frame else None,
        "country": country,
        "is_return": frame["_return"].astype(bool) | (qty < 0),
        "is_product": ~(frame["_non_product"].astype(bool).to_numpy()
                        | _per_distinct(frame["sku"], lambda u: u.str.upper().isin(NON_PRODUCT_SKUS)
                                        | u.str.match(NON_PRODUCT_PATTERN))),
        "source_line": frame["_line"].astype(int),
        "vat_rate": vat,
        "price_basis": np.where(frame["_vat_known"].to_numpy() & vat.notna().to_numpy(), "net", None),
    })
    skipped = _skipped(frame, reasons)
    keep = ~skip.to_numpy()
    reverse = frame["_reverse"].astype(bool).to_numpy()[keep]
    out = out.loc[keep].reset_index(drop=True)
    if reverse.any():
        back = out.loc[reverse].copy()
        back["quantity"] = -back["quantity"]
        back["is_return"] = True
        back["reversal"] = True
        out = pd.concat([out, back], ignore_index=True)
    facts = {"decimal": decimal, **date_info, "columns": cols, "reversed": int(reverse.sum()),
             "unknown_countries": unknown}
    return Normalized(out[ORDER_COLUMNS], facts, warnings, skipped)


def _text_or_none(frame: pd.DataFrame, column: str):
    if column not in frame:
        return None
    text = frame[column].astype(object).where(frame[column].notna(), "").astype(str).str.strip()
    return text.where(text != "", None)


def _out_of_bounds(frame: pd.DataFrame, qty: pd.Series, reasons: pd.Series, cols: dict,
                   opts: Options, file: str) -> pd.Series:
    """Lines whose quantity, price or amount is not finite or beyond ``MAX_ABS_VALUE`` are
    bad rows: rejected with file, line and column, or skipped with ``skip_bad_rows``."""
    price = frame["unit_price"].astype(float)
    with np.errstate(over="ignore", invalid="ignore"):
        amount = qty * price
    for what, field_name, values in (("quantity", "quantity", qty), ("price", "unit_price", price),
                                     ("amount", "unit_price", amount)):
        bad = values.notna() & ~(values.abs() <= MAX_ABS_VALUE) & (reasons == "")
        if not bad.any():
            continue
        if not opts.skip_bad_rows:
            row = int(bad.to_numpy().argmax())
            column = cols.get(field_name) or cols.get("line_total", field_name)
            raise IngestError(
                code="beyond_bound", params={"what": Message(f"what.{what}"),
                                             "value": f"{values.iloc[row]:.4g}",
                                             "count": int(bad.sum())},
                file=file, line=int(frame["_line"].iloc[row]), column=column,
                hint_code="hint.correct_export;hint.skip_bad_rows")
        reasons = add_reason(reasons, bad, Message("skip.beyond_bound"))
    return reasons


def _per_distinct(values: pd.Series, test) -> np.ndarray:
    """``test`` (a function of a Series of distinct text values returning booleans) applied
    once per distinct value and spread back to every row (exports repeat codes a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    verdict = np.asarray(test(pd.Series(uniques, dtype=object).astype(str)), dtype=bool)
    return verdict[codes]


def normalize_products(raw: RawTable, preset: Preset, opts: Options, file: str) -> Normalized:
    """Canonical products (sku, name, category, unit_cost, current_price, currency, stock)."""
    frame, cols = _map(raw, preset, opts, file, preset.required)
    warnings = list(raw.warnings)
    rule = RULES.get(preset.name)
    if rule is not None:
        frame = rule(frame, raw.frame)
    frame["sku"] = clean_id(frame["sku"].astype(str))
    reasons = add_reason(no_reasons(frame.index), frame["sku"].isna(), Message("skip.no_sku"))
    if "price_group" in frame:
        group = frame["price_group"].str.strip()
        other = ~group.isin(["", "EK"])
        reasons = add_reason(reasons, other, per_value(group.where(other), "skip.customer_group", "group"))
    if "from_quantity" in frame:
        start = frame["from_quantity"].str.strip()
        graduated = ~start.isin(["", "1"])
        reasons = add_reason(reasons, graduated,
                             per_value(start.where(graduated), "skip.graduated_price", "start"))
    skip = reasons != ""
    decimal, bad = _numbers(frame, NUMERIC_PRODUCT_FIELDS, cols, opts, file, skip)
    reasons = add_reason(reasons, bad, Message("skip.not_a_number"))
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
        warnings.append(Message("duplicate_skus", {"count": int(dup.sum())}))
        out = out.loc[~dup]
    facts = {"decimal": decimal, "date_format": None, "date_ambiguous": False,
             "date_candidates": [], "columns": cols, "reversed": 0}
    return Normalized(out.reset_index(drop=True)[PRODUCT_COLUMNS], facts, warnings, skipped)
