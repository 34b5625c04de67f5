"""Fixtures of the AppTest suite: stores built from the shop fixture (see shop.py)."""
from tests.app.shop import empty_store, shop_store  # noqa: F401  (pytest fixtures)
