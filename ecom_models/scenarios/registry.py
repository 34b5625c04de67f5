"""The what-if kinds a scenario can be: each registers its typed inputs record and how to
compute its results, so saving, share links, the command line and the report treat every
kind the same way.

A new kind (forecast, markets, ...) plugs in with one call in its own package::

    from ecom_models.scenarios import register
    register("forecast", ForecastInputs, compute_forecast, load_fn=load_forecast_data,
             model_sources=("forecasting",))

``InputsClass``: a frozen dataclass that validates itself in ``__post_init__`` and lists
its URL parameters as ``FIELDS`` (``ecom_models.scenarios.fields.Field``); optional
``from_dict(dict)`` / ``to_dict()`` (default: the dataclass fields, tuples as lists).
``compute_fn(inputs, data) -> dict``: the results, JSON-ready (numbers as Python floats,
no NaN: use None). ``load_fn(db, inputs) -> data``: today's data from the store (default:
the store path itself). ``settings_fn(inputs) -> dict``: the estimator settings the results
depend on, pinned in the saved scenario (default: none). ``model_sources``: subpackages of
``ecom_models`` (folders or ``.py`` files) whose code the results depend on; their content
hash is the model version, so a saved scenario can say that the model changed since.
``build_fn(db, query) -> inputs``: the record from page-URL ``KEY=VALUE`` text (the command
line's ``--set``), filling what the page fills from today's store for keys left out (e.g.
the currency, the shop, a market's reference values); default: ``fields.from_url``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .fields import Field, record_from_dict, record_to_dict

PACKAGE = Path(__file__).resolve().parents[1]   # ecom_models/


@dataclass(frozen=True)
class ScenarioKind:
    """A registered what-if kind (see the module docstring)."""

    kind: str
    inputs_cls: type
    compute_fn: Callable[[Any, Any], dict]
    load_fn: Callable[[Path, Any], Any] | None = None
    settings_fn: Callable[[Any], dict] | None = None
    model_sources: tuple[str, ...] = ()
    build_fn: Callable[[Path, dict], Any] | None = None

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(getattr(self.inputs_cls, "FIELDS", ()))

    def inputs_to_dict(self, inputs: Any) -> dict:
        to_dict = getattr(inputs, "to_dict", None)
        return to_dict() if callable(to_dict) else record_to_dict(inputs)

    def inputs_from_dict(self, data: dict) -> Any:
        from_dict = getattr(self.inputs_cls, "from_dict", None)
        return from_dict(data) if callable(from_dict) else record_from_dict(self.inputs_cls, data)

    def load(self, db: Path, inputs: Any) -> Any:
        return self.load_fn(db, inputs) if self.load_fn else db

    def build(self, db: Path, query: dict[str, str], **fixed) -> Any:
        """The inputs record from URL-key text (``FieldError``/``ValueError`` naming the key)."""
        if self.build_fn:
            return self.build_fn(db, query, **fixed)
        from .fields import from_url

        return from_url(self.inputs_cls, self.fields, query, **fixed)

    def settings(self, inputs: Any) -> dict:
        return self.settings_fn(inputs) if self.settings_fn else {}

    def model_version(self) -> str:
        """``kind:hash`` where hash (12 hex digits) covers the code of ``model_sources``
        (folders or files under ``ecom_models/``): a change of the model's code changes it."""
        return f"{self.kind}:{_code_hash(self.model_sources)}"


_KINDS: dict[str, ScenarioKind] = {}
_BUILTIN = {"pricing": "ecom_models.scenarios.pricing",      # registered on first use
            "bundles": "ecom_models.scenarios.bundles",
            "forecast": "ecom_models.scenarios.forecast",
            "markets": "ecom_models.scenarios.markets"}


def register(kind: str, inputs_cls: type, compute_fn: Callable[[Any, Any], dict], *,
             load_fn: Callable | None = None, settings_fn: Callable | None = None,
             model_sources: tuple[str, ...] = (), build_fn: Callable | None = None) -> ScenarioKind:
    """Register (or re-register, e.g. on a module reload) a what-if kind; returns it."""
    if not kind.isidentifier() or not kind.islower():
        raise ValueError(f"a scenario kind is a lower-case name, got {kind!r}")
    entry = ScenarioKind(kind, inputs_cls, compute_fn, load_fn, settings_fn, tuple(model_sources), build_fn)
    _KINDS[kind] = entry
    return entry


def get_kind(kind: str) -> ScenarioKind:
    """The registered kind ``kind`` (``KeyError`` when unknown)."""
    if kind not in _KINDS and kind in _BUILTIN:
        from importlib import import_module

        import_module(_BUILTIN[kind])
    return _KINDS[kind]


def kinds() -> list[str]:
    """Names of the kinds that can be saved (built-in ones included)."""
    return sorted(set(_KINDS) | set(_BUILTIN))


@lru_cache(maxsize=32)
def _code_hash(sources: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for root in (PACKAGE / s for s in sources):
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
