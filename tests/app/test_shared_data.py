"""One copy of the data for all sessions (issue: many people open a shared link at once):
pages keep no frames in session state, and two sessions get the same object for the
same data version."""
from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest

from tests.app.shop import new_app, no_exception

PAGES = ["pages/overview.py", "pages/pricing.py", "pages/data.py"]
LARGE = 1_000   # elements: a list of chosen SKUs is fine, a column of the data is not


def _large_objects(value, path: str, found: list, depth: int = 0) -> None:
    """Collect DataFrames, Series and arrays (of more than LARGE elements) inside a
    session-state value, looking into dicts, lists, tuples, sets and dataclass fields."""
    if depth > 4:
        return
    if isinstance(value, (pd.DataFrame, pd.Series, np.ndarray)):
        if value.size > LARGE or isinstance(value, pd.DataFrame):
            found.append(f"{path}: {type(value).__name__} {getattr(value, 'shape', '')}")
        return
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = enumerate(value)
    elif hasattr(value, "__dataclass_fields__"):
        items = ((k, getattr(value, k)) for k in value.__dataclass_fields__)
    else:
        return
    for key, item in items:
        _large_objects(item, f"{path}[{key!r}]", found, depth + 1)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_keeps_no_data_frame_in_session_state(shop_store, page):
    at = new_app().run()
    at.switch_page(page).run()
    no_exception(at)
    found: list[str] = []
    for key, value in at.session_state.items():
        _large_objects(value, key, found)
    assert not found, found


def test_two_sessions_get_the_same_objects_for_one_data_version(shop_store):
    """Each Streamlit session runs its script in its own thread; the loaders must hand
    every one of them the same shared frame, not a copy."""
    from ui import loaders

    got: dict[str, tuple] = {}

    def session(name: str) -> None:
        got[name] = (loaders.lines(), loaders.sales_cube(), loaders.currency_summary())

    threads = [threading.Thread(target=session, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got["a"][0]) > 0
    assert all(x is y for x, y in zip(got["a"], got["b"]))
