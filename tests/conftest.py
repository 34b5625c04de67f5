"""Shared fixtures: temporary stores and the real exports in ../shared/data.

The real exports live beside the repository (some may not be copied into it). A fresh
clone without them skips those tests; under CI (CI=true) they are always there, so a
missing folder fails instead of skipping silently.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: no per-example deadline (CI machines are noisy; speed lives in bench/),
# and under CI a fixed example sequence, so a landing never depends on a lucky draw.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "data"


def shared_path(*parts: str) -> Path:
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_DATA} is missing, and CI=true requires it")
        pytest.skip(f"{SHARED_DATA} is not available")
    path = SHARED_DATA.joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"expected shared data file {path} is missing")
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    """Path of a fresh (not yet created) store."""
    return tmp_path / "store.db"


def snapshot(db: Path) -> tuple:
    """Everything a test needs to prove 'nothing was written': row counts and a checksum."""
    if not db.exists():
        return ("absent",)
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = tuple((t, conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in sorted(tables))
        total = conn.execute("SELECT total(quantity * unit_price) FROM order_lines").fetchone()[0] \
            if "order_lines" in tables else None
    finally:
        conn.close()
    return counts, total


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A store holding the full bundled demo data (541,909 lines; built once per session)."""
    from ecom_models.demo import ensure_demo
    from ecom_models.store.queries import order_lines

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = ensure_demo(path)
    assert result["status"] == "imported", result
    order_lines(path)  # write the snapshot once
    return path
