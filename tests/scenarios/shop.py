"""A small synthetic shop for the saved-scenario tests: weekly orders of four products
over 40 weeks with planned price moves (so the pricing model estimates elasticities),
written as a generic CSV and imported with the real importer. ``more_orders`` writes a
second export of later weeks: "another import" that changes the data after saving.

Product "A-4" carries a hostile name (markup and a formula) to prove the views and the
report show names as text."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np

HOSTILE_NAME = '=HYPERLINK("http://x")<img src=x onerror=alert(1)>'
PRODUCTS = {"A-1": ("Kaffeebecher", 12.0, -1.8), "A-2": ("Teekanne", 30.0, -1.2),
            "A-3": ("Müsli-Schale", 8.0, -2.5), "A-4": (HOSTILE_NAME, 20.0, -1.5)}
START = date(2023, 1, 2)   # a Monday


def write_orders(path: Path, first_week: int, weeks: int, seed: int) -> Path:
    """Order lines for ``weeks`` weeks from ``first_week``: a few orders per product and
    week, price steps of ±10 % every 4 weeks (EUR)."""
    rng = np.random.default_rng(seed)
    rows = []
    for week in range(first_week, first_week + weeks):
        for n, (sku, (name, price, elasticity)) in enumerate(PRODUCTS.items()):
            level = (0.9, 1.0, 1.1, 1.0)[(week // 4 + n) % 4]
            units = rng.poisson(12 * level ** elasticity)
            day = START + timedelta(weeks=week, days=int(rng.integers(0, 5)))
            for k in range(int(units)):
                rows.append([f"{sku}-{week}-{k}", day.strftime("%d.%m.%Y"), sku, name, "1",
                             f"{price * level:.2f}".replace(".", ","), "EUR", f"K{k % 7}", "Deutschland"])
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Bestellnummer", "Datum", "Artikelnummer", "Artikel", "Menge", "Einzelpreis",
                         "Währung", "Kunde", "Land"])
        writer.writerows(rows)
    return path


def build_store(root: Path) -> Path:
    """A store holding 40 weeks of the synthetic shop; returns its path."""
    from ecom_models.ingest.pipeline import import_file

    db = root / "store.db"
    result = import_file(write_orders(root / "orders.csv", 0, 40, seed=1), db, fmt="generic")
    assert result["status"] == "imported", result.get("error")
    return db


def more_orders(root: Path, db: Path) -> dict:
    """Import 6 later weeks (another export): the data changes."""
    from ecom_models.ingest.pipeline import import_file

    result = import_file(write_orders(root / "later.csv", 40, 6, seed=2), db, fmt="generic")
    assert result["status"] == "imported", result.get("error")
    return result
