"""Saved what-if scenarios: one typed, frozen inputs record per what-if kind (pricing now;
bundles, forecast and markets register theirs), saving inputs *and* results with an
unguessable id, share links that reproduce them exactly, and a check against today's data.

Typical use::

    from ecom_models.scenarios import PricingInputs, save, open_saved, compare_today
    saved = save(db, "pricing", PricingInputs(currency="GBP", skus=("85123A",), price_change_pct=10))
    again = open_saved(db, saved.id)            # same inputs and results, bit for bit
    compare_today(db, again).data_changed       # True after another import

A new kind registers itself with ``register(kind, InputsClass, compute_fn, ...)``
(``registry``). Light on import: ``ui/state.py`` reads the pricing bounds from here.
"""
from importlib import import_module

_WHERE = {
    "Field": "fields", "FieldError": "fields", "from_url": "fields", "to_url": "fields",
    "ScenarioKind": "registry", "register": "registry", "get_kind": "registry", "kinds": "registry",
    "PricingInputs": "pricing", "PricingData": "pricing",
    "SavedScenario": "saved", "TodayCheck": "saved", "save": "saved", "open_saved": "saved",
    "compare_today": "saved", "rename": "saved", "delete": "saved", "saved_list": "saved",
}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_WHERE)
