"""A store with the synthetic shop (tests/scenarios/shop.py), built once per module."""
import shutil

import pytest

from tests.scenarios.shop import build_store


@pytest.fixture(scope="session")
def shop_template(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("scn_template"))


@pytest.fixture
def shop_db(shop_template, tmp_path):
    """A fresh copy of the synthetic shop's store (tests may save, delete and import)."""
    db = tmp_path / "store.db"
    shutil.copy(shop_template, db)
    return db
