"""Named read queries of the store, returning DataFrames (pages never write SQL).

Readers open the database read-only. An empty store yields frames with the right
columns and dtypes, so callers need no special case.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .connection import connect
from .migrations import ensure_schema

LINE_DTYPES = {"order_id": "category", "sku": "category", "product_name": "category",
               "currency": "category", "customer_id": "category", "country": "category",
               "channel": "category", "category": "category"}


def store_version(db: Path | str) -> tuple:
    """(path, data_version): changes with every import or delete (cache key for loaders)."""
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'data_version'").fetchone()
    return (str(Path(db).resolve()), int(row[0]) if row else 0)


def order_lines(db: Path | str, currency: str | None = None) -> pd.DataFrame:
    """All order lines with their product's category (one row per stored line).

    Columns: order_id, line_no, ordered_at (datetime64), sku, product_name, category,
    quantity, unit_price, currency, customer_id, country, channel, is_return, is_product,
    import_id. Text columns are categoricals (~30 MB for 541,909 lines). Served from the
    columnar snapshot beside the store when it is current (see ``snapshot``).
    """
    from .snapshot import cached_lines

    frame = cached_lines(db, store_version(db), _query_lines)
    if currency:
        frame = frame.loc[(frame["currency"] == currency).to_numpy()].reset_index(drop=True)
    return frame


def _query_lines(db: Path | str) -> pd.DataFrame:
    ensure_schema(db)
    sql = ("SELECT o.order_id, o.line_no, o.ordered_at, o.sku, o.product_name, p.category, "
           "o.quantity, o.unit_price, o.currency, o.customer_id, o.country, o.channel, "
           "o.is_return, o.is_product, o.import_id "
           "FROM order_lines o LEFT JOIN products p ON p.sku = o.sku")
    with connect(db, readonly=True) as conn:
        cur = conn.execute(sql)
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=names) if rows else pd.DataFrame(
        {n: pd.Series(dtype=object) for n in names})
    frame["ordered_at"] = pd.to_datetime(frame["ordered_at"], format="%Y-%m-%d %H:%M:%S")
    for column in ("quantity", "unit_price"):
        frame[column] = frame[column].astype(float)
    for column in ("line_no", "import_id"):
        frame[column] = frame[column].astype(np.int64)
    for column in ("is_return", "is_product"):
        frame[column] = frame[column].astype(bool)
    return frame.astype(LINE_DTYPES)


def products(db: Path | str) -> pd.DataFrame:
    """The product table: sku, name, category, unit_cost, current_price, currency, stock."""
    ensure_schema(db)
    with connect(db, readonly=True) as conn:
        return pd.read_sql_query(
            "SELECT sku, name, category, unit_cost, current_price, currency, stock "
            "FROM products ORDER BY sku", conn)
