"""A small stand-in for the bundled demo data, and stores that hold it beside a user's shop.

The demo is recognised by its file's content hash (``ecom_models.demo``), so the fixtures
point ``ecom_models.demo.DEMO_FILE`` at a small generated file in the UCI layout (GBP,
2010-12-06 … 2011-09-25, 42 weeks) instead of importing the 541,909-line original in every
test. Its three products change price every few weeks, so the pricing model can estimate
them; one of them costs £0.21 (the cheap item of issue 14).
"""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ecom_models.ingest.pipeline import import_file
from tests.app.shop import FIXTURE, FIXTURE_FORMAT, use_store

DEMO_FIRST = datetime(2010, 12, 6, 10, 0)
DEMO_WEEKS = 42
# sku: (name, price levels cycled every 3 weeks, base units per order)
DEMO_PRODUCTS = {
    "85123A": ("WHITE HANGING HEART T-LIGHT HOLDER", (2.55, 2.95, 2.25), 12),
    "22423": ("REGENCY CAKESTAND 3 TIER", (12.75, 10.95, 14.95), 3),
    "21212": ("PACK OF 72 RETROSPOT CAKE CASES", (0.21, 0.25, 0.19), 24),
}
DEMO_LAST = DEMO_FIRST + timedelta(weeks=DEMO_WEEKS - 1, days=6)


def demo_csv() -> bytes:
    """The stand-in demo file: three orders per week per product; units fall as price rises."""
    rows = ["InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"]
    invoice = 536000
    for week in range(DEMO_WEEKS):
        for k, (sku, (name, prices, units)) in enumerate(DEMO_PRODUCTS.items()):
            price = prices[(week // 3) % len(prices)]
            quantity = max(1, round(units * (prices[0] / price) ** 2))
            for day in (0, 2, 6):
                invoice += 1
                stamp = DEMO_FIRST + timedelta(weeks=week, days=day, hours=k)
                rows.append(f"{invoice},{sku},{name},{quantity},{stamp:%m/%d/%Y %H:%M},{price},"
                            f"{17850 + k},United Kingdom")
    return ("\n".join(rows) + "\n").encode()


@pytest.fixture
def demo_file(tmp_path, monkeypatch) -> Path:
    """The stand-in demo file, installed as the app's bundled demo."""
    path = tmp_path / "online_retail.csv"
    path.write_bytes(demo_csv())
    monkeypatch.setattr("ecom_models.demo.DEMO_FILE", path)
    return path


def import_demo(demo: Path, db: Path) -> None:
    result = import_file(demo, db, fmt="online-retail")
    assert result["status"] == "imported", result.get("error")


@pytest.fixture
def demo_only_store(tmp_path, monkeypatch, demo_file) -> Path:
    """First start: a store that holds only the demo data."""
    db = tmp_path / "demo_only.db"
    import_demo(demo_file, db)
    return use_store(monkeypatch, db)


@pytest.fixture
def demo_and_shop_store(tmp_path, monkeypatch, demo_file) -> Path:
    """The demo data (GBP, more revenue) and then the user's own EUR shop (tests/app/shop.py)."""
    db = tmp_path / "demo_and_shop.db"
    import_demo(demo_file, db)
    result = import_file(FIXTURE, db, fmt=FIXTURE_FORMAT)
    assert result["status"] == "imported", result.get("error")
    return use_store(monkeypatch, db)
