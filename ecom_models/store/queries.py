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


class StoreMissing(FileNotFoundError):
    """A read asked for a store that does not exist (reads never create one)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        super().__init__(f"there is no store at {self.path}: import a file first "
                         f"(python -m ecom_models import FILE --db {self.path}) or check the path")


def open_for_reading(db: Path | str) -> None:
    """Make sure ``db`` exists (else ``StoreMissing``; nothing is created) and has the
    current schema (an older store is upgraded in place)."""
    if not Path(db).is_file():
        raise StoreMissing(db)
    ensure_schema(db)

LINE_DTYPES = {"order_id": "category", "sku": "category", "product_name": "category",
               "currency": "category", "customer_id": "category", "country": "category",
               "channel": "category", "category": "category", "price_basis": "category",
               "customer_group": "category"}


def store_version(db: Path | str) -> tuple:
    """(path, data_version): changes with every import or delete (cache key for loaders)."""
    open_for_reading(db)
    with connect(db, readonly=True) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'data_version'").fetchone()
    return (str(Path(db).resolve()), int(row[0]) if row else 0)


def order_lines(db: Path | str, currency: str | None = None) -> pd.DataFrame:
    """All order lines with their product's category (one row per stored line).

    Columns: id, channel, order_id, line_key, ordered_at (datetime64), sku, product_name,
    category, quantity, unit_price, currency, customer_id (pseudonym), country (ISO code;
    from the customers export when the line has none), is_return, is_product, import_id,
    price_basis ('net' when VAT was taken out or the export states net prices, else
    None), customer_group (from the customers export, e.g. Shopware EK / H; else None).
    Orders, products and customers are identified by (channel, id). Text columns are
    categoricals (~30 MB for 541,909 lines). The lines come from the columnar
    snapshot (see ``snapshot``), which every import and delete brings up to date; the
    small product and customer tables are joined here.
    """
    frame = lines_with_version(db)[0]
    if currency:
        frame = frame.loc[(frame["currency"] == currency).to_numpy()].reset_index(drop=True)
    return frame


def lines_with_version(db: Path | str) -> tuple[pd.DataFrame, tuple]:
    """``order_lines`` and the store version they show (a cache key that cannot lag)."""
    from .snapshot import cached_lines

    raw, version = cached_lines(db, store_version(db), versioned_raw_line_parts)
    return with_lookups(db, raw), version


def sales_cube(db: Path | str):
    """The pre-aggregated sales of the store (``store.aggregates.SalesCube``): saved at the
    end of every import and delete; built here only when it is missing or older, batch by
    batch from the snapshot (rebuilt from the store first when it is older too)."""
    from .aggregates import read_cube, refresh_cube, refresh_cube_from_snapshot
    from .snapshot import open_current, rebuild, snapshot_path

    version = store_version(db)
    cube = read_cube(db, version)
    if cube is not None:
        return cube
    current = open_current(snapshot_path(db), version)
    if current is None:
        version = rebuild(db, versioned_raw_line_parts)
    else:
        current.close()
    cube = refresh_cube_from_snapshot(db, version)
    if cube is None:    # derived files cannot be written here: build it in memory
        lines, version = lines_with_version(db)
        cube = refresh_cube(db, version, lines)
    return cube


RAW_LINES_SQL = (
    "SELECT o.id, ch.name AS channel, o.order_id, o.line_key, o.ordered_at, o.sku, "
    "o.product_name, o.quantity, o.unit_price, o.currency, o.customer_id, o.country, "
    "o.is_return, o.is_product, o.import_id, o.price_basis "
    "FROM order_lines o JOIN channels ch ON ch.id = o.channel_id")


def raw_lines(db: Path | str) -> pd.DataFrame:
    """The stored order lines as they are in the table (no joins), typed like the snapshot."""
    version, parts = versioned_raw_line_parts(db)
    return pd.concat(list(parts), ignore_index=True)


def versioned_raw_line_parts(db: Path | str, rows: int = 200_000):
    """(store version, the stored lines as typed frames of at most ``rows`` rows), read in
    one read transaction (a snapshot stamped with an older version than its content would
    let a later writer append its lines twice). Memory follows ``rows``, not the store.
    There is always at least one frame (an empty store gives one without rows)."""
    from contextlib import ExitStack

    open_for_reading(db)
    stack = ExitStack()
    conn = stack.enter_context(connect(db, readonly=True))
    conn.execute("BEGIN")
    row = conn.execute("SELECT value FROM settings WHERE key = 'data_version'").fetchone()
    version = (str(Path(db).resolve()), int(row[0]) if row else 0)

    def parts():
        try:
            cur = conn.execute(RAW_LINES_SQL)
            names = [d[0] for d in cur.description]
            first = True
            while True:
                batch = cur.fetchmany(rows)
                if not batch and not first:
                    return
                first = False
                frame = pd.DataFrame.from_records(batch, columns=names) if batch else pd.DataFrame(
                    {n: pd.Series(dtype=object) for n in names})
                yield typed_lines(frame)
                if len(batch) < rows:
                    return
        finally:
            stack.close()

    return version, parts()


def typed_lines(frame: pd.DataFrame) -> pd.DataFrame:
    """Line columns in the snapshot's dtypes (dates as datetime64, text as categoricals)."""
    frame = frame.copy()
    frame["ordered_at"] = pd.to_datetime(frame["ordered_at"], format="%Y-%m-%d %H:%M:%S")
    for column in ("quantity", "unit_price"):
        frame[column] = frame[column].astype(float)
    for column in ("id", "line_key", "import_id"):
        frame[column] = frame[column].astype(np.int64)
    for column in ("is_return", "is_product"):
        frame[column] = frame[column].astype(bool)
    return frame.astype({c: "category" for c in LINE_DTYPES if c in frame and c != "category"})


def with_lookups(db: Path | str, lines: pd.DataFrame) -> pd.DataFrame:
    """Add each line's product category (products, by channel and SKU) and fill a missing
    country from the customer's (customers export, by channel and pseudonym)."""
    return add_lookups(lines, lookup_tables(db))


def lookup_tables(db: Path | str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(product categories, customers' home country and group) for ``add_lookups``."""
    with connect(db, readonly=True) as conn:
        cats = pd.read_sql_query(
            "SELECT ch.name AS channel, p.sku, p.category FROM products p "
            "JOIN channels ch ON ch.id = p.channel_id WHERE p.category IS NOT NULL", conn)
        homes = pd.read_sql_query(
            "SELECT ch.name AS channel, c.customer_id, c.country AS home, c.customer_group "
            "FROM customers c JOIN channels ch ON ch.id = c.channel_id", conn)
    return cats, homes


def add_lookups(lines: pd.DataFrame, tables: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    """``with_lookups`` with the tables already read (``lookup_tables``)."""
    cats, homes = tables
    out = lines.copy()
    out["category"] = _lookup(lines, ["channel", "sku"], cats, "category")
    out["customer_group"] = None
    if len(homes):
        home = _lookup(lines, ["channel", "customer_id"], homes, "home")
        country = lines["country"].astype(object)
        out["country"] = country.where(country.notna(), home)
        out["customer_group"] = _lookup(lines, ["channel", "customer_id"], homes, "customer_group")
    columns = ["id", "channel", "order_id", "line_key", "ordered_at", "sku", "product_name",
               "category", "quantity", "unit_price", "currency", "customer_id", "country",
               "is_return", "is_product", "import_id", "price_basis", "customer_group"]
    # all text columns as categoricals (a Parquet round trip turns an all-empty one into object)
    return out[columns].astype({c: "category" for c in LINE_DTYPES})


def _lookup(lines: pd.DataFrame, keys: list[str], table: pd.DataFrame, value: str) -> pd.Series:
    """``table[value]`` for each line by ``keys`` (None where the table has no row)."""
    if table.empty:
        return pd.Series(None, index=lines.index, dtype=object)
    index = pd.MultiIndex.from_frame(table[keys].astype(str))
    where = index.get_indexer(pd.MultiIndex.from_arrays([lines[k].astype(str) for k in keys]))
    values = np.append(table[value].to_numpy(dtype=object), None)
    return pd.Series(values[where], index=lines.index, dtype=object)


def products(db: Path | str) -> pd.DataFrame:
    """The product table: channel, sku, name, category, unit_cost, current_price, currency,
    stock (one row per channel and SKU)."""
    open_for_reading(db)
    with connect(db, readonly=True) as conn:
        return pd.read_sql_query(
            "SELECT ch.name AS channel, p.sku, p.name, p.category, p.unit_cost, "
            "p.current_price, p.currency, p.stock FROM products p "
            "JOIN channels ch ON ch.id = p.channel_id ORDER BY ch.name, p.sku", conn)
