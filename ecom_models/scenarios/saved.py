"""Saving a what-if and opening it again: the saved record, what it was computed on, and
whether today's data or model differ (docs/architecture.md §3).

A ``SavedScenario`` holds the inputs record and the results exactly as computed when it was
saved, plus its pins: the data fingerprint (sha256 over the content hashes of the imports
it saw), the model version (hash of the model's code) and the estimator settings. Opening a
link shows those numbers; ``compare_today`` says in plain fields what changed and, when
anything did or on request, gives today's numbers beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ecom_models.store import scenarios as table

from .registry import get_kind


@dataclass(frozen=True)
class SavedScenario:
    """A scenario as stored. ``inputs``: the kind's inputs record; ``results``: JSON-ready
    dict as saved; ``pins``: ``imports`` (content hashes seen), ``settings`` (estimator);
    ``steps``: ids of the linked what-ifs from the first to this one (its chain)."""

    id: str
    kind: str
    title: str
    note: str
    inputs: Any
    results: dict
    pins: dict
    fingerprint: str
    app_version: str
    parent_id: str | None
    created_at: str
    updated_at: str
    steps: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """``id, kind, title, note, inputs, results, ...`` as JSON-ready values."""
        return {"id": self.id, "kind": self.kind, "title": self.title, "note": self.note,
                "inputs": get_kind(self.kind).inputs_to_dict(self.inputs), "results": self.results,
                "fingerprint": self.fingerprint, "app_version": self.app_version,
                "parent_id": self.parent_id, "steps": list(self.steps),
                "created_at": self.created_at, "updated_at": self.updated_at}


@dataclass(frozen=True)
class TodayCheck:
    """How today's store and model compare with a saved scenario. ``imports_added`` /
    ``imports_removed``: counts of imports since saving; ``results_today``: today's results
    (None when not computed); ``error``: why they could not be computed (e.g. a product with
    no sales any more), else None; ``same_numbers``: today's results equal the saved ones."""

    data_changed: bool
    model_changed: bool
    imports_added: int
    imports_removed: int
    results_today: dict | None
    error: str | None
    same_numbers: bool | None = None


def save(db: Path | str, kind: str, inputs: Any, *, title: str = "", note: str = "",
         parent_id: str | None = None, data: Any = None) -> SavedScenario:
    """Compute ``inputs`` on today's data (``data``: already loaded, as the page shows it;
    default: loaded from the store) and store inputs and results; returns the saved record."""
    spec = get_kind(kind)
    if not isinstance(inputs, spec.inputs_cls):
        raise TypeError(f"{kind} scenarios take {spec.inputs_cls.__name__}")
    parent_id = parent_id or getattr(inputs, "parent_id", None)   # a record that names its step before
    hashes = table.imports_seen(db)
    results = spec.compute_fn(inputs, spec.load(Path(db), inputs) if data is None else data)
    pins = {"imports": hashes, "settings": spec.settings(inputs)}
    new_id = table.save_scenario(db, {
        "kind": kind, "title": title, "note": note, "inputs": spec.inputs_to_dict(inputs),
        "results": results, "pins": pins, "fingerprint": table.fingerprint_of(hashes),
        "app_version": spec.model_version(), "parent_id": parent_id})
    return open_saved(db, new_id)


def open_saved(db: Path | str, scenario_id: object) -> SavedScenario | None:
    """The saved scenario, or None when the id is malformed, unknown, deleted, or its stored
    record no longer fits its kind (all look the same: "not found")."""
    row = table.load_scenario(db, scenario_id)
    if row is None:
        return None
    try:
        spec = get_kind(row["kind"])
        inputs = spec.inputs_from_dict(row["inputs"])
    except (KeyError, ValueError, TypeError):
        return None
    return SavedScenario(inputs=inputs, steps=tuple(_chain_ids(db, row)),
                         **{k: row[k] for k in ("id", "kind", "title", "note", "results", "pins",
                                                "fingerprint", "app_version", "parent_id",
                                                "created_at", "updated_at")})


def _chain_ids(db: Path | str, row: dict, limit: int = 20) -> list[str]:
    """Ids from the first linked what-if to ``row`` (a deleted step ends the chain there)."""
    ids, parent = [row["id"]], row.get("parent_id")
    while parent and len(ids) < limit and parent not in ids:
        above = table.load_scenario(db, parent)
        if above is None:
            break
        ids.append(above["id"])
        parent = above.get("parent_id")
    return ids[::-1]


def compare_today(db: Path | str, saved: SavedScenario, *, recompute: bool = False,
                  data: Any = None, data_fn: Callable[[], Any] | None = None) -> TodayCheck:
    """Compare ``saved`` with today's store and model; today's results are computed when
    the data or the model changed, or when ``recompute`` is asked for, on ``data`` (or what
    ``data_fn()`` returns, called only then; default: loaded from the store)."""
    spec = get_kind(saved.kind)
    hashes = table.imports_seen(db)
    before = set(saved.pins.get("imports", []))
    data_changed = table.fingerprint_of(hashes) != saved.fingerprint
    model_changed = (spec.model_version() != saved.app_version
                     or spec.settings(saved.inputs) != saved.pins.get("settings"))
    today, error = None, None
    if data_changed or model_changed or recompute:
        try:
            if data is None:
                data = data_fn() if data_fn else spec.load(Path(db), saved.inputs)
            today = spec.compute_fn(saved.inputs, data)
        except (LookupError, ValueError) as exc:
            error = str(exc)
    same = None if today is None else table.dumps(today) == table.dumps(saved.results)
    return TodayCheck(data_changed, model_changed, len(set(hashes) - before), len(before - set(hashes)),
                      today, error, same)


def rename(db: Path | str, scenario_id: str, title: str | None = None, note: str | None = None) -> bool:
    """Change the title and/or the note of a saved scenario (True when it exists)."""
    return table.update_scenario(db, scenario_id, title=title, note=note)


def delete(db: Path | str, scenario_id: str) -> bool:
    """Delete a scenario and so revoke its link (True when it existed)."""
    return table.delete_scenario(db, scenario_id)


def saved_list(db: Path | str) -> list[dict]:
    """Saved scenarios, newest first (``store.scenarios.list_scenarios``)."""
    return table.list_scenarios(db)
