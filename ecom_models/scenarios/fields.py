"""One parameter of a what-if: its field name (with unit), URL key, bounds, default and
text codec (docs/architecture.md §3). A scenario kind lists its ``Field``s once; the
record's ``__post_init__``, the page's URL codec (``ui/state.py``), the widgets' limits and
the command line's ``--set KEY=VALUE`` all read them, so a bound lives in one place.

Parsing never trusts its text: numbers must be finite and inside the bounds, choices must
be listed, names are at most 200 characters without control characters.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields as dc_fields
from typing import Any

MAX_TEXT = 200       # characters of one name (SKU, category, currency)
MAX_NAMES = 20       # names in one list (e.g. SKUs)


class FieldError(ValueError):
    """A value that cannot be used for ``key`` (a URL key or field name), with the reason
    (``reason``: ``number``, ``between``, ``choice``, ``text``, ``too_many``, ``required``)."""

    def __init__(self, key: str, reason: str, message: str, **values):
        super().__init__(f"{key}: {message}")
        self.key, self.reason, self.values = key, reason, values


@dataclass(frozen=True)
class Field:
    """A what-if parameter.

    ``name``: the record's field (units in the name: ``price_change_pct``); ``url_key``: its
    key in a page URL and on the command line (``change``), None = not in the URL (e.g. a
    random seed); ``kind``: ``"float"``, ``"int"``, ``"choice"``, ``"text"`` or ``"names"``
    (a comma-separated list, kept as a tuple); ``low``/``high``: inclusive bounds of a
    number; ``choices``: allowed values of a choice; ``optional``: None is allowed.
    """

    name: str
    url_key: str | None
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    choices: tuple = ()
    optional: bool = False
    label: str = ""

    @property
    def key(self) -> str:
        return self.url_key or self.name

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.low, self.high)

    def check(self, value: Any) -> Any:
        """``value`` as the record stores it (tuple for names, float for floats), or
        ``FieldError`` naming the key."""
        if value is None:
            if self.optional:
                return None
            raise FieldError(self.key, "required", "a value is required")
        if self.kind in ("float", "int"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise FieldError(self.key, "number", f"must be a number, got {value!r}")
            if self.kind == "int":
                if int(value) != value:
                    raise FieldError(self.key, "number", f"must be a whole number, got {value!r}")
                value = int(value)
            else:
                value = float(value)
            if not self.low <= value <= self.high:
                raise FieldError(self.key, "between", f"must be between {self.low:g} and {self.high:g}, "
                                 f"got {value:g}", low=f"{self.low:g}", high=f"{self.high:g}")
            return value
        if self.kind == "choice":
            if value not in self.choices:
                raise FieldError(self.key, "choice", f"must be one of {', '.join(map(str, self.choices))}, "
                                 f"got {value!r}", allowed=", ".join(map(str, self.choices)))
            return value
        if self.kind == "text":
            return _text(self.key, value)
        if self.kind == "names":
            if isinstance(value, str):
                raise FieldError(self.key, "text", "must be a list of names")
            names = tuple(_text(self.key, v) for v in value)
            if len(names) > MAX_NAMES:
                raise FieldError(self.key, "too_many", f"at most {MAX_NAMES} names", n=MAX_NAMES)
            if any(not n for n in names) or len(set(names)) != len(names):
                raise FieldError(self.key, "text", "names must be distinct and not empty")
            return names
        raise TypeError(f"unknown field kind {self.kind!r}")

    def parse(self, text: str) -> Any:
        """The value of URL/command-line text (``""`` = the default); ``FieldError`` when invalid."""
        if not isinstance(text, str):
            raise FieldError(self.key, "text", "must be text")
        if text == "":
            return self.default
        if self.kind in ("float", "int"):
            try:
                number = float(text)
            except ValueError:
                raise FieldError(self.key, "number", f"must be a number, got {text[:40]!r}") from None
            return self.check(number)
        if self.kind == "names":
            return self.check(tuple(part for part in text.split(",") if part))
        return self.check(text)

    def dump(self, value: Any) -> str:
        """URL text of ``value`` (the inverse of ``parse`` for every valid value)."""
        if value is None:
            return ""
        if isinstance(value, tuple):
            return ",".join(value)
        if self.kind == "float":
            return repr(float(value)).removesuffix(".0")
        return str(value)


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or any(ord(c) < 32 for c in value):
        raise FieldError(key, "text", f"must be a name of at most {MAX_TEXT} characters")
    return value


def check_record(record: Any, fields: tuple[Field, ...]) -> None:
    """Validate and normalise every listed field of a frozen dataclass in place (for
    ``__post_init__``): names become tuples, numbers floats or ints."""
    for field in fields:
        object.__setattr__(record, field.name, field.check(getattr(record, field.name)))


def record_to_dict(record: Any) -> dict:
    """Plain JSON-ready dict of a flat frozen dataclass (tuples become lists)."""
    return {f.name: list(v) if isinstance(v := getattr(record, f.name), tuple) else v
            for f in dc_fields(record)}


def record_from_dict(cls: type, data: dict) -> Any:
    """The dataclass ``cls`` from ``record_to_dict`` output (unknown keys rejected)."""
    names = {f.name for f in dc_fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise FieldError(sorted(unknown)[0], "unknown", "is not a parameter of this scenario")
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def from_url(cls: type, fields: tuple[Field, ...], query: dict[str, str], **fixed) -> Any:
    """A record from URL/command-line ``KEY=VALUE`` text (keys as in the page URL);
    unknown keys and invalid values raise ``FieldError`` naming the key."""
    by_key = {f.key: f for f in fields}
    unknown = set(query) - set(by_key)
    if unknown:
        key = sorted(unknown)[0]
        raise FieldError(key, "unknown", f"is not a parameter; use one of {', '.join(by_key)}")
    values = {by_key[k].name: by_key[k].parse(v) for k, v in query.items()}
    return cls(**{**values, **fixed})


def to_url(record: Any, fields: tuple[Field, ...]) -> dict[str, str]:
    """URL parameters of a record: fields with a URL key whose value is not the default."""
    out = {}
    for field in fields:
        value = getattr(record, field.name)
        if field.url_key and value not in (None, (), field.default):
            out[field.url_key] = field.dump(value)
    return out
