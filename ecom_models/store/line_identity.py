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

Each signature field is hashed with BLAKE2b (stdlib ``hashlib``) once per distinct value
and the fields are combined with the SplitMix64 finaliser; the key is
``hash48 << 15 | occurrence`` (occurrence < 32,768 lines of identical content). The
scheme is part of the stored data: changing it needs a migration that re-keys the lines.
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
    signature = np.zeros(len(lines), dtype=np.uint64)
    for part in _signature_parts(lines):
        signature = _mix(signature, _hash_values(part))
    sig48 = (signature >> np.uint64(16)).astype(np.int64)
    order_code = pd.factorize(lines["order_id"].astype(str), use_na_sentinel=False)[0]
    sig_code = pd.factorize(sig48)[0]
    group = order_code.astype(np.int64) * (int(sig_code.max()) + 1) + sig_code
    occurrence = pd.Series(group).groupby(group, sort=False).cumcount().to_numpy()
    occurrence = np.minimum(occurrence, MAX_OCCURRENCE)
    return (sig48 << 15) | occurrence.astype(np.int64)


def _hash_values(values: pd.Series) -> np.ndarray:
    """64-bit BLAKE2b of each value's text, computed once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    digests = np.fromiter(
        (int.from_bytes(hashlib.blake2b(str(u).encode("utf-8"), digest_size=8).digest(), "big")
         for u in uniques.tolist()), dtype=np.uint64, count=len(uniques))
    return digests[codes]


def _mix(acc: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Combine two 64-bit hashes, order-sensitive (SplitMix64 finaliser over acc·φ ⊕ value;
    Steele, Lea & Flood 2014). Wraps modulo 2^64 by design."""
    with np.errstate(over="ignore"):
        x = acc * np.uint64(0x9E3779B97F4A7C15) ^ value
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x
