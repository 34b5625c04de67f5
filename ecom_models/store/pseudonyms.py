"""Customer ids are stored as keyed pseudonyms, never in clear.

Shop exports identify customers by e-mail address (Shopify, Magento) or by a customer
number; both are personal data. The store keeps HMAC-SHA256(store key, channel + id),
truncated to 16 hex digits (64 bits). The key is random per store (``secrets``), lives
in the store's settings table and never leaves it, so the same customer gets the same
pseudonym in every import of that store (repeat purchases and the customers export still
join) while a pseudonym cannot be reversed or matched against another store.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

import numpy as np
import pandas as pd

KEY_SETTING = "pseudonym_key"


def store_key(conn) -> bytes:
    """The store's pseudonym key, created on first use (call inside a write transaction)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [KEY_SETTING]).fetchone()
    if row:
        return bytes.fromhex(row[0])
    key = secrets.token_bytes(32)
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [KEY_SETTING, key.hex()])
    return key


def pseudonymise(key: bytes, channel: str, ids: pd.Series) -> list:
    """Pseudonym per id (None stays None); computed once per distinct id."""
    codes, uniques = pd.factorize(ids, use_na_sentinel=True)
    prefix = channel.encode("utf-8") + b"\x1f"
    digests = np.array([hmac.new(key, prefix + str(u).encode("utf-8"), hashlib.sha256)
                        .hexdigest()[:16] for u in uniques] + [None], dtype=object)
    return digests[np.where(codes < 0, len(uniques), codes)].tolist()
