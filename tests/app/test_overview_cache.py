"""The Overview's figures are computed once per data version and view for all sessions
(ui.loaders.overview): ten people opening one shared link cost one computation. Guards
against a cache that hands sessions different objects, mixes up views, or returns figures
that differ from the model functions it caches."""
from __future__ import annotations

import threading
from datetime import date

import pandas as pd

from ecom_models.sales import (Filters, countries, kpis_with_change, revenue_over_time,
                               top_countries, top_products)
from tests.app.shop import SCHWEIZ


def _in_threads(call, names=("a", "b")) -> dict:
    """``call()`` in one thread per name (Streamlit runs each session in its own thread)."""
    got: dict = {}

    def session(name: str) -> None:
        got[name] = call()

    threads = [threading.Thread(target=session, args=(n,)) for n in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return got


def test_two_sessions_get_the_same_figures_for_one_view(shop_store):
    from ui import loaders

    view = Filters(date(2024, 4, 1), date(2024, 5, 26), None, "EUR")
    got = _in_threads(lambda: (loaders.overview(view, "week"), loaders.countries("EUR")))
    assert got["a"][0] is got["b"][0]
    assert got["a"][1] is got["b"][1]
    assert got["a"][0].now["orders"] == 21   # the hand count in tests/app/shop.py


def test_another_filter_or_grain_is_another_entry(shop_store):
    from ui import loaders

    everything = Filters(None, None, None, "EUR")
    swiss = Filters(None, None, "CH", "EUR")
    by_week = loaders.overview(everything, "week")
    assert loaders.overview(swiss, "week") is not by_week
    assert loaders.overview(everything, "month") is not by_week
    assert loaders.overview(swiss, "week").now["orders"] == SCHWEIZ["orders"]
    assert by_week.now["orders"] == 21


def test_cached_figures_equal_the_model_functions(shop_store):
    from ui import loaders

    cube = loaders.sales_cube()
    view = Filters(date(2024, 4, 15), date(2024, 5, 12), "AT", "EUR")
    figures = loaders.overview(view, "day")
    assert figures.now["orders"] == 3   # Österreich 15.04.–12.05.2024, hand count in shop.py
    now, before, previous = kpis_with_change(cube, view)
    assert (figures.now, figures.before, figures.previous) == (now, before, previous)
    pd.testing.assert_frame_equal(figures.series, revenue_over_time(cube, view, "day"))
    pd.testing.assert_frame_equal(figures.products, top_products(cube, view, 10))
    pd.testing.assert_frame_equal(figures.places, top_countries(cube, view, 10))
    assert list(loaders.countries("EUR")) == countries(cube, "EUR") == ["AT", "CH", "DE"]
    assert figures.products_csv.decode("utf-8-sig").splitlines()[0] == "sku,product_name,revenue,units"
