"""Pre-aggregated sales: what the Overview needs, whatever the number of order lines.

Two small tables, built from the order lines at the end of every import and delete and
kept beside the snapshot (Parquet, stamped with the store version), so a filter change
costs little at 8.7 M lines as at 541,909 (docs/architecture.md §4.2):

- ``daily``: one row per day × channel × SKU × country × currency × product/return flag
  × VAT basis × import, with quantity (net units), revenue (Σ quantity × unit price) and
  lines (the import lets pages tell the demo data from the user's own);
- ``orders``: one row per order (channel, order id) with its first day, country,
  currency and customer, its net product units, product revenue, and whether it has a
  product line that is not a return (``has_sale``);
- ``names``: the first product name seen per SKU (for top lists).

Definitions match ``ecom_models.sales.kpis`` on lines; an order is dated by its first
line (UCI cancellations are orders of their own, so this rarely matters).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DAILY_KEYS = ["day", "channel", "sku", "country", "currency", "is_product", "is_return",
              "net_of_vat", "import_id"]
KINDS = ("daily", "orders", "names")


@dataclass(frozen=True)
class SalesCube:
    """The aggregates of one store version (see module docstring)."""

    daily: pd.DataFrame
    orders: pd.DataFrame
    names: pd.DataFrame


TEXT = ("channel", "sku", "country", "currency", "order_id", "customer_id")
SUMS = {"daily": ["quantity", "revenue", "lines"]}
ORDER_KEYS = ["channel", "order_id"]


def build_cube(lines: pd.DataFrame) -> SalesCube:
    """Aggregate order lines (``store.queries.order_lines`` columns; channel, country,
    customer_id and price_basis may be missing) into a ``SalesCube``."""
    return finish(partial_cube(lines))


def partial_cube(lines: pd.DataFrame) -> SalesCube:
    """The cube of some of the lines, in a form that ``combine`` adds to another part's:
    sums stay sums, an order keeps its first day and its count of sale lines."""
    defaults = {"channel": "", "country": None, "customer_id": None, "price_basis": None,
                "product_name": None, "import_id": 0}
    lines = lines.assign(**{c: v for c, v in defaults.items() if c not in lines})
    dated = lines.assign(
        day=lines["ordered_at"].dt.floor("D"),
        revenue=(lines["quantity"] * lines["unit_price"]).fillna(0.0),
        net_of_vat=(lines["price_basis"].astype(object) == "net").to_numpy()
        if "price_basis" in lines else False,
        lines=1)
    daily = (dated.groupby(DAILY_KEYS, observed=True, dropna=False, sort=False)
             [SUMS["daily"]].sum().reset_index())
    product = dated.loc[dated["is_product"].to_numpy()]
    first = dated.groupby(ORDER_KEYS, observed=True, sort=False).agg(
        day=("day", "min"), country=("country", "first"), currency=("currency", "first"),
        customer_id=("customer_id", "first"))
    sums = product.groupby(ORDER_KEYS, observed=True, sort=False).agg(
        net_units=("quantity", "sum"), revenue=("revenue", "sum"))
    sale = (product.loc[~product["is_return"].to_numpy()]
            .groupby(ORDER_KEYS, observed=True, sort=False).size().rename("sale_lines"))
    orders = first.join(sums).join(sale).reset_index()
    orders[["net_units", "revenue", "sale_lines"]] = (
        orders[["net_units", "revenue", "sale_lines"]].fillna(0.0))
    names = (lines.loc[lines["product_name"].notna(), ["sku", "product_name"]]
             .drop_duplicates("sku").reset_index(drop=True))
    return SalesCube(daily, orders, names)


def combine(parts: list[SalesCube]) -> SalesCube:
    """Partial cubes (``partial_cube``) as one, in one grouping: the first part's lines come
    first."""
    if len(parts) == 1:
        return parts[0]

    def text(frame: pd.DataFrame) -> pd.DataFrame:   # categories differ between parts
        return frame.astype({c: object for c in (*TEXT, "product_name") if c in frame})

    def joined(kind: str) -> pd.DataFrame:
        return pd.concat([text(getattr(p, kind)) for p in parts], ignore_index=True)

    daily = joined("daily").groupby(DAILY_KEYS, dropna=False, sort=False)[SUMS["daily"]].sum().reset_index()
    orders = joined("orders").groupby(ORDER_KEYS, sort=False).agg(
        day=("day", "min"), country=("country", "first"), currency=("currency", "first"),
        customer_id=("customer_id", "first"), net_units=("net_units", "sum"),
        revenue=("revenue", "sum"), sale_lines=("sale_lines", "sum")).reset_index()
    names = joined("names").drop_duplicates("sku").reset_index(drop=True)
    return SalesCube(daily, orders, names)


def finish(cube: SalesCube) -> SalesCube:
    """A (combined) partial cube as the cube pages read: ``has_sale`` per order, text as
    categoricals."""
    orders = cube.orders.copy()
    orders["has_sale"] = orders.pop("sale_lines").to_numpy() > 0
    return SalesCube(_categories(cube.daily), _categories(orders), _categories(cube.names))


def _categories(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as categoricals; an all-empty one keeps text categories (a plain
    ``astype`` would give it float ones)."""
    out = frame.copy()
    for column in TEXT:
        if column in out and not isinstance(out[column].dtype, pd.CategoricalDtype):
            values = out[column].astype("category")
            if not len(values.cat.categories):
                values = values.cat.set_categories(pd.Index([], dtype=object))
            out[column] = values
    return out


def cube_paths(db: Path | str) -> dict[str, Path]:
    from .snapshot import snapshot_path

    base = snapshot_path(db)
    return {kind: base.with_name(base.name.replace(".lines.parquet", f".{kind}.parquet"))
            for kind in KINDS}


def write_cube(db: Path | str, cube: SalesCube, version: tuple) -> None:
    """Save the cube beside the snapshot, stamped with ``version`` (atomic per file)."""
    from .snapshot import _write

    for kind, path in cube_paths(db).items():
        _write(path, getattr(cube, kind), version)


def read_cube(db: Path | str, version: tuple) -> SalesCube | None:
    """The saved cube of ``version``, or None when any part is missing or older."""
    from .snapshot import _read_if_current

    parts = {kind: _read_if_current(path, version) for kind, path in cube_paths(db).items()}
    if any(part is None for part in parts.values()):
        return None
    # a Parquet round trip turns all-empty categoricals into object: restore the dtypes
    text = ["channel", "sku", "country", "currency", "order_id", "customer_id"]
    return SalesCube(**{k: v.astype({c: "category" for c in text if c in v}) for k, v in parts.items()})


def refresh_cube(db: Path | str, version: tuple, lines: pd.DataFrame) -> SalesCube:
    """Build the cube of ``lines`` (the store at ``version``) and save it."""
    cube = build_cube(lines)
    write_cube(db, cube, version)
    return cube


# Partial cubes are added up once they hold this many rows together (fewer groupings than
# adding every batch to the running total, which took 5 of the 8 s at 2.2 M lines).
COMBINE_ROWS = 1_500_000


def _rows(cube: SalesCube) -> int:
    return len(cube.daily) + len(cube.orders) + len(cube.names)


def refresh_cube_from_snapshot(db: Path | str, version: tuple) -> SalesCube | None:
    """Build the cube from the snapshot of ``version`` one batch at a time, save it and
    return it (memory follows a batch and the cube, not the lines). None when the
    snapshot is at another version: the first reader then builds it."""
    from .queries import add_lookups, lookup_tables
    from .snapshot import snapshot_batches

    tables = lookup_tables(db)
    pending: list[SalesCube] = []
    for batch in snapshot_batches(db, version):
        pending.append(partial_cube(add_lookups(batch, tables)))
        if sum(_rows(p) for p in pending) > COMBINE_ROWS:   # memory stays bounded
            pending = [combine(pending)]
    if not pending:
        return None
    cube = finish(combine(pending))
    write_cube(db, cube, version)
    return cube


def empty_cube() -> SalesCube:
    """The cube of a store without lines (right columns and dtypes)."""
    lines = pd.DataFrame({
        "ordered_at": pd.Series(dtype="datetime64[us]"), "channel": pd.Series(dtype="category"),
        "order_id": pd.Series(dtype="category"), "sku": pd.Series(dtype="category"),
        "product_name": pd.Series(dtype="category"), "country": pd.Series(dtype="category"),
        "currency": pd.Series(dtype="category"), "customer_id": pd.Series(dtype="category"),
        "quantity": pd.Series(dtype=float), "unit_price": pd.Series(dtype=float),
        "is_product": pd.Series(dtype=bool), "is_return": pd.Series(dtype=bool),
        "price_basis": pd.Series(dtype="category"), "import_id": pd.Series(dtype="int64")})
    return build_cube(lines)
