"""Which stored line an imported line is: the identity rules of order lines.

A line's natural key is (channel, order id, line key); the store enforces it with a
UNIQUE index. The line key is a 63-bit integer derived from the line itself, so it
survives cutting, filtering and re-sorting an export (docs/architecture.md §4):

- **Shop line id** (Shopware ``orderDetailId``, Amazon settlement order-item code): the
  key is the hash of that id. A corrected export of the line (new quantity or price)
  finds the same key and updates the line.
- **No line id** (UCI, generic CSV, Shopify, eBay, Etsy, ...): the key is the hash of the
  line's content (SKU, quantity, unit price) plus its *occurrence* among identical lines
  of the same order. Two lines of one SKU with different quantities get different keys,
  so a subset holding only the second never overwrites the first; re-sorting changes no
  key. A corrected line (quantity or price changed) is paired with the one stored line of
  the same order and SKU that the file no longer has (see ``store.merge``).
- **Ledger reports** (Amazon settlement): every row is an event. The key adds the event
  reference (settlement id and transaction type), so a refund in a later report adds to
  its order and never replaces the sale.
- A cancellation that ``normalize`` books as a netting line (``reversal``) has its own key.

The hash is BLAKE2b (stdlib ``hashlib``), computed once per distinct signature; the
key is ``hash48 << 15 | occurrence`` (occurrence < 32,768 lines of identical content).
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

MAX_OCCURRENCE = (1 << 15) - 1


def _text(values: pd.Series, digits: int = 6) -> pd.Series:
    """Stable text of numbers for hashing ('' for missing): 2.55, 2.5500000001 → '2.55'."""
    numbers = pd.to_numeric(values, errors="coerce").round(digits)
    codes, uniques = pd.factorize(numbers, use_na_sentinel=True)
    text = np.array([format(float(u), ".15g") for u in uniques] + [""], dtype=object)
    return pd.Series(text[np.where(codes < 0, len(uniques), codes)], index=values.index)


def _signature_parts(lines: pd.DataFrame) -> list[pd.Series]:
    """The columns whose values make a line's signature (see module docstring)."""
    n = len(lines)
    blank = pd.Series([""] * n, index=lines.index, dtype=object)

    def text(name: str) -> pd.Series:
        if name not in lines:
            return blank
        return lines[name].astype(object).where(lines[name].notna(), "").astype(str)

    line_id = text("line_id")
    has_id = (line_id != "").to_numpy()
    content = [text("sku"), _text(lines["quantity"]), _text(lines["unit_price"])]
    if has_id.any():  # the shop's own id replaces the content
        content = [part.where(~has_id, "") for part in content]
    reversal = (lines["reversal"].astype(bool) if "reversal" in lines
                else pd.Series(False, index=lines.index))
    return [line_id, text("event"), *content, reversal.map({True: "r", False: ""})]


def line_keys(lines: pd.DataFrame) -> np.ndarray:
    """The line key (int64) of each canonical line.

    ``lines`` needs order_id, sku, quantity, unit_price and may have ``line_id`` (the
    shop's own line id, text), ``event`` (ledger event reference) and ``reversal`` (bool).
    """
    if not len(lines):
        return np.zeros(0, dtype=np.int64)
    parts = _signature_parts(lines)
    sig = pd.DataFrame({str(i): p.to_numpy() for i, p in enumerate(parts)})
    sig_code, distinct = _factorize_rows(sig)
    hashes = np.array([_hash48("\x1f".join(row)) for row in distinct], dtype=np.int64)
    order_code = pd.factorize(lines["order_id"].astype(str), use_na_sentinel=False)[0]
    group = order_code.astype(np.int64) * (len(distinct) + 1) + sig_code
    occurrence = pd.Series(group).groupby(group, sort=False).cumcount().to_numpy()
    occurrence = np.minimum(occurrence, MAX_OCCURRENCE)
    return (hashes[sig_code] << 15) | occurrence.astype(np.int64)


def _factorize_rows(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Row codes of a frame of text columns and the distinct rows (each column factorised
    once, then the integer codes combined: much faster than hashing row tuples)."""
    combined = np.zeros(len(frame), dtype=np.int64)
    uniques_per_column = []
    for column in frame.columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        combined = combined * (len(uniques) + 1) + codes
        combined, _ = pd.factorize(combined)  # keep the product small
        uniques_per_column.append((codes, uniques))
    codes, first = np.unique(combined, return_index=True)
    row_code = np.searchsorted(codes, combined)
    distinct = [tuple(str(u[c[i]]) for c, u in uniques_per_column) for i in first]
    return row_code, distinct


def _hash48(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=6).digest(), "big")
