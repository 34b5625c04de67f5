"""Schema of the store, as numbered migrations recorded in the database.

sqlite-utils' ``Migrations`` records each applied step in ``_sqlite_migrations``,
so an old database is brought up to date by applying only what is missing.
Never edit a released migration: add the next number.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .connection import connect

migrations = Migrations("ecom_store")
_applied: set[str] = set()
_lock = threading.Lock()


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one. ``executescript`` would COMMIT the open transaction
    first and so drop the lock a migration runs under."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        conn.execute(statement)


@migrations(name="0001_initial")
def _m0001_initial(db: sqlite_utils.Database) -> None:
    _run_script(db.conn,
        """
        CREATE TABLE IF NOT EXISTS imports (
            id            INTEGER PRIMARY KEY,
            file_name     TEXT NOT NULL,
            content_hash  TEXT NOT NULL UNIQUE,       -- sha256 of the uploaded bytes
            format        TEXT NOT NULL,              -- preset name, e.g. 'online-retail'
            kind          TEXT NOT NULL CHECK (kind IN ('orders', 'products')),
            detected      TEXT NOT NULL,              -- JSON: encoding, delimiter, decimal, date_format
            rows_read     INTEGER NOT NULL,
            rows_imported INTEGER NOT NULL,
            rows_skipped  INTEGER NOT NULL,
            rows_updated  INTEGER NOT NULL DEFAULT 0, -- rows that replaced an earlier import's row
            report        TEXT NOT NULL,              -- JSON validation report
            imported_at   TEXT NOT NULL,              -- UTC, ISO 8601
            status        TEXT NOT NULL DEFAULT 'imported'
        );
        CREATE TABLE IF NOT EXISTS order_lines (
            id            INTEGER PRIMARY KEY,
            import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            channel       TEXT NOT NULL,              -- shop system the export came from
            order_id      TEXT NOT NULL,
            line_no       INTEGER NOT NULL,           -- position of the line within its order
            ordered_at    TEXT,                       -- 'YYYY-MM-DD HH:MM:SS', shop-local wall clock
            sku           TEXT NOT NULL,
            product_name  TEXT,
            quantity      REAL NOT NULL,              -- negative for returns
            unit_price    REAL,                       -- in `currency`, per unit
            currency      TEXT,
            customer_id   TEXT,
            country       TEXT,
            is_return     INTEGER NOT NULL DEFAULT 0, -- return or cancellation (netted in figures)
            is_product    INTEGER NOT NULL DEFAULT 1, -- 0 for postage, fees, adjustments, discounts
            source_line   INTEGER                     -- physical line in the imported file
        );
        -- No index on purpose: the natural key (channel, order_id, line_no) is kept unique
        -- by the only write path (store.imports, serialised by BEGIN IMMEDIATE); a UNIQUE
        -- index plus an import_id index cost ~40 % of the time of a 541,909-line import.
        CREATE TABLE IF NOT EXISTS products (
            sku           TEXT PRIMARY KEY,
            name          TEXT,
            category      TEXT,
            unit_cost     REAL,
            current_price REAL,
            currency      TEXT,
            stock         REAL,
            import_id     INTEGER REFERENCES imports(id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


# Channel of each preset in 0001 (the import's format named its shop system).
_CHANNEL_OF_FORMAT_0001 = {
    "online-retail": "online-retail", "shopify": "shopify", "shopify-products": "shopify",
    "shopware": "shopware", "shopware-prices": "shopware", "shopware-stock": "shopware",
    "magento": "magento", "magento-products": "magento", "amazon-sales": "amazon",
    "amazon-settlement": "amazon", "ebay": "ebay", "etsy": "etsy",
    "woocommerce": "woocommerce", "generic": "generic"}


@migrations(name="0002_line_identity")
def _m0002_line_identity(db: sqlite_utils.Database) -> None:
    """Channel-aware identity: a UNIQUE (channel, order, line key) index, channels as a
    lookup table, products and customers per channel, pseudonymised customer ids, ISO
    country codes, VAT basis per line, and the merge counters of an import
    (docs/architecture.md §4). Existing lines are re-keyed in place."""
    conn = db.conn
    _run_script(conn,
        """
        CREATE TABLE imports_v2 (
            id            INTEGER PRIMARY KEY,
            file_name     TEXT NOT NULL,
            content_hash  TEXT NOT NULL UNIQUE,       -- sha256 of the uploaded bytes
            format        TEXT NOT NULL,              -- preset name, e.g. 'online-retail'
            kind          TEXT NOT NULL CHECK (kind IN ('orders', 'products', 'customers')),
            channel       TEXT NOT NULL,              -- shop / sales channel of the file
            detected      TEXT NOT NULL,              -- JSON: encoding, delimiter, decimal, date_format
            rows_read     INTEGER NOT NULL,
            rows_imported INTEGER NOT NULL,
            rows_skipped  INTEGER NOT NULL,
            rows_updated  INTEGER NOT NULL DEFAULT 0, -- stored lines this file changed
            lines_new     INTEGER NOT NULL DEFAULT 0, -- lines the store did not have
            lines_unchanged INTEGER NOT NULL DEFAULT 0, -- lines already stored as they are
            lines_not_in_file INTEGER NOT NULL DEFAULT 0, -- stored lines of its orders it lacks
            lines_removed INTEGER NOT NULL DEFAULT 0, -- of those, removed on request
            report        TEXT NOT NULL,              -- JSON validation report
            imported_at   TEXT NOT NULL,              -- UTC, ISO 8601
            status        TEXT NOT NULL DEFAULT 'imported'
        );
        CREATE TABLE channels (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE order_lines_v2 (
            id            INTEGER PRIMARY KEY,
            import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            channel_id    INTEGER NOT NULL REFERENCES channels(id),
            order_id      TEXT NOT NULL,
            line_key      INTEGER NOT NULL,           -- see store.line_identity
            ordered_at    TEXT,                       -- 'YYYY-MM-DD HH:MM:SS', shop-local wall clock
            sku           TEXT NOT NULL,
            product_name  TEXT,
            quantity      REAL NOT NULL,              -- negative for returns
            unit_price    REAL,                       -- in `currency`, per unit, net of VAT when price_basis = 'net'
            currency      TEXT,
            customer_id   TEXT,                       -- keyed pseudonym (store.pseudonyms)
            country       TEXT,                       -- ISO 3166-1 alpha-2, or the export's text when unknown
            is_return     INTEGER NOT NULL DEFAULT 0,
            is_product    INTEGER NOT NULL DEFAULT 1,
            source_line   INTEGER,                    -- physical line in the imported file
            vat_rate      REAL,                       -- percent, when the export states it
            price_basis   TEXT                        -- 'net' (VAT taken out / stated net), NULL = as exported
        );
        CREATE TABLE products_v2 (
            channel_id    INTEGER NOT NULL REFERENCES channels(id),
            sku           TEXT NOT NULL,
            name          TEXT,
            category      TEXT,
            unit_cost     REAL,                       -- net purchase price per unit
            current_price REAL,
            currency      TEXT,
            stock         REAL,
            import_id     INTEGER REFERENCES imports(id) ON DELETE SET NULL,
            PRIMARY KEY (channel_id, sku)
        );
        CREATE TABLE customers (
            channel_id     INTEGER NOT NULL REFERENCES channels(id),
            customer_id    TEXT NOT NULL,             -- keyed pseudonym, as in order_lines
            country        TEXT,                      -- ISO 3166-1 alpha-2
            customer_group TEXT,                      -- e.g. Shopware EK (end customer) / H (trader)
            import_id      INTEGER REFERENCES imports(id) ON DELETE SET NULL,
            PRIMARY KEY (channel_id, customer_id)
        );
        """)
    old_imports = conn.execute("SELECT * FROM imports").fetchall()
    columns = [d[1] for d in conn.execute("PRAGMA table_info(imports)").fetchall()]
    for row in old_imports:
        rec = dict(zip(columns, row))
        rec["channel"] = _CHANNEL_OF_FORMAT_0001.get(rec["format"], rec["format"])
        names = [c for c in rec if c in _IMPORT_COLUMNS_V2]
        conn.execute(f"INSERT INTO imports_v2 ({', '.join(names)}) VALUES "
                     f"({', '.join('?' * len(names))})", [rec[c] for c in names])
    for name in sorted({_CHANNEL_OF_FORMAT_0001.get(r[3], r[3]) for r in old_imports}
                       | {r[0] for r in conn.execute("SELECT DISTINCT channel FROM order_lines")}):
        conn.execute("INSERT OR IGNORE INTO channels (name) VALUES (?)", [name])
    from .pseudonyms import store_key

    store_key(conn)   # every store has its pseudonym key from here on
    _rekey_lines_0001(conn)
    conn.execute(
        "INSERT OR REPLACE INTO products_v2 (channel_id, sku, name, category, unit_cost, "
        "current_price, currency, stock, import_id) "
        "SELECT c.id, p.sku, p.name, p.category, p.unit_cost, p.current_price, p.currency, "
        "p.stock, p.import_id FROM products p JOIN imports_v2 i ON i.id = p.import_id "
        "JOIN channels c ON c.name = i.channel")
    _run_script(conn,
        """
        DROP TABLE order_lines;
        DROP TABLE products;
        DROP TABLE imports;
        ALTER TABLE imports_v2 RENAME TO imports;
        ALTER TABLE order_lines_v2 RENAME TO order_lines;
        ALTER TABLE products_v2 RENAME TO products;
        CREATE UNIQUE INDEX order_lines_natural_key ON order_lines (channel_id, order_id, line_key);
        """)


_IMPORT_COLUMNS_V2 = ("id", "file_name", "content_hash", "format", "kind", "channel", "detected",
                      "rows_read", "rows_imported", "rows_skipped", "rows_updated", "report",
                      "imported_at", "status")


def _rekey_lines_0001(conn) -> None:
    """Copy 0001's lines into the new table: line keys, pseudonyms, country codes.

    In 0001 a Shopware line number was its orderDetailId (negative for the netting line
    of a cancelled order); elsewhere it was a position, which carries no identity."""
    import pandas as pd

    from ..countries import to_codes
    from .line_identity import line_keys
    from .pseudonyms import pseudonymise, store_key

    old = pd.read_sql_query(
        "SELECT o.*, i.format FROM order_lines o JOIN imports i ON i.id = o.import_id", conn)
    if old.empty:
        return
    key = store_key(conn)
    channel_ids = dict(conn.execute("SELECT name, id FROM channels").fetchall())
    ledger = old["format"] == "amazon-settlement"
    with_id = old["format"] == "shopware"
    old["line_id"] = old["line_no"].abs().astype(str).where(with_id, None)
    old["event"] = ("import-" + old["import_id"].astype(str)).where(ledger, None)
    old["reversal"] = with_id & (old["line_no"] < 0)
    old["line_key"] = line_keys(old)
    old["country"] = to_codes(old["country"])[0]
    parts = []
    for channel, group in old.groupby("channel", sort=False):
        group = group.copy()
        group["customer_id"] = pseudonymise(key, channel, group["customer_id"])
        group["channel_id"] = channel_ids[channel]
        parts.append(group)
    new = pd.concat(parts)
    names = ["id", "import_id", "channel_id", "order_id", "line_key", "ordered_at", "sku",
             "product_name", "quantity", "unit_price", "currency", "customer_id", "country",
             "is_return", "is_product", "source_line"]
    records = new[names].astype(object).where(new[names].notna(), None).itertuples(index=False)
    conn.executemany(f"INSERT OR IGNORE INTO order_lines_v2 ({', '.join(names)}) VALUES "
                     f"({', '.join('?' * len(names))})", records)


def ensure_schema(path: Path | str) -> None:
    """Create or upgrade the store at ``path``: idempotent, and safe across threads and
    processes. The whole check-and-apply runs under one ``BEGIN IMMEDIATE`` lock, so two
    processes creating the same new store never both apply a migration. Foreign keys are
    off while the schema changes (SQLite's documented procedure for rebuilding tables,
    https://www.sqlite.org/lang_altertable.html#otheralter) and checked before commit."""
    key = str(Path(path).resolve())
    if key in _applied and Path(path).exists():
        return
    with _lock:
        with connect(path) as conn:
            db = sqlite_utils.Database(conn)
            if migrations.pending(db):
                conn.execute("PRAGMA foreign_keys=OFF")
                conn.execute("BEGIN IMMEDIATE")  # serialise with other processes
                try:
                    migrations.apply(db)   # re-reads what is applied, under the lock
                    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise sqlite3.IntegrityError(f"foreign keys broken by a migration: {problems[:5]}")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                conn.execute("PRAGMA foreign_keys=ON")
        _applied.add(key)


def applied_migrations(path: Path | str) -> list[str]:
    """Names of the migrations recorded in the database, in order."""
    with connect(path) as conn:
        return [m.name for m in migrations.applied(sqlite_utils.Database(conn))]


@migrations(name="0003_scenarios")
def _m0003_scenarios(db: sqlite_utils.Database) -> None:
    """Saved what-if scenarios (``store/scenarios.py``): inputs and results as saved (JSON,
    floats exact), what they were computed on (``fingerprint`` of the imports, the model's
    ``app_version``, ``pins``), and an unguessable id for the share link. ``deleted`` revokes
    the link; ``parent_id`` chains linked what-ifs (price → forecast → stock → market)."""
    _run_script(db.conn,
        """
        CREATE TABLE scenarios (
            id          TEXT PRIMARY KEY,           -- secrets.token_urlsafe(16): 22 characters
            kind        TEXT NOT NULL,              -- 'pricing', later 'bundles', 'forecast', ...
            title       TEXT NOT NULL DEFAULT '',
            note        TEXT NOT NULL DEFAULT '',
            inputs      TEXT NOT NULL,              -- JSON of the kind's inputs record
            results     TEXT NOT NULL,              -- JSON of the results as computed at saving
            pins        TEXT NOT NULL DEFAULT '{}', -- JSON: imports seen, estimator settings
            fingerprint TEXT NOT NULL,              -- sha256 over the content hashes of the imports
            app_version TEXT NOT NULL,              -- kind:hash of the model's code
            parent_id   TEXT REFERENCES scenarios(id),
            created_at  TEXT NOT NULL,              -- UTC, ISO 8601
            updated_at  TEXT NOT NULL,
            deleted     INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX scenarios_created ON scenarios (deleted, created_at);
        """)


@migrations(name="0004_surveys")
def _m0004_surveys(db: sqlite_utils.Database) -> None:
    """Imported satisfaction surveys (``store/surveys.py``, issue 20): one row per file
    (``content_hash`` makes a re-import a no-op) and one per answered response (score
    0–10, optional date, segment and comment, and the file line it came from)."""
    _run_script(db.conn,
        """
        CREATE TABLE surveys (
            id           INTEGER PRIMARY KEY,
            file_name    TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,      -- sha256 of the file's bytes
            imported_at  TEXT NOT NULL,             -- UTC, ISO 8601
            responses    INTEGER NOT NULL,
            blank        INTEGER NOT NULL DEFAULT 0 -- answers without a score, left out
        );
        CREATE TABLE survey_responses (
            survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
            line        INTEGER NOT NULL,
            score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            answered_on TEXT,                       -- ISO date or NULL
            segment     TEXT,
            comment     TEXT,
            PRIMARY KEY (survey_id, line)
        );
        """)
