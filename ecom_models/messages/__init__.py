"""Every sentence that comes out of ``ecom_models``, as a code with parameters, and its
wording in English and German. Models speak in codes, pages (and the CLI) in words.

How to use it (the whole contract):

    from ecom_models.ingest.errors import IngestError
    from ecom_models.messages import Message

    # a rejected file: code + params for the problem, and a hint code
    raise IngestError(code="missing_columns", params={"fields": "sku, price"},
                      hint_code="hint.map_columns", file=file, line=None, column=None)
    # (IngestError(problem_text, hint=...) with plain English still works: it is shown as is)

    # a warning or note in an import report: a Message is a ``str`` (its English wording,
    # so the CLI, JSON and ``"…" in warnings`` keep working) that also carries the code
    warnings.append(Message("no_sku", {"count": 12}))
    # a plain dict {"code": "no_sku", "params": {"count": 12}} is rendered the same way

    render("wide_interval", {"pct": 90, "low": -4.8, "high": -2.3}, "de")
    # -> 'breites 90-%-Intervall (-4,8 bis -2,3)'

Codes joined with ``;`` share one params dict and render as parts joined by ``; ``
(``"few_changes;wide_interval"``). A param that is itself ``{"code", "params"}`` (or a
``Message``) is rendered in place, so reasons can nest (``cannot_estimate`` holds the
estimate's own reason); a list param is rendered item by item, joined by ``, ``.
Numbers are formatted per language inside templates with Python-like specs:
``{low:.1f}`` -> ``-4.8`` / ``-4,8``; ``{n:,d}`` -> ``1,234`` / ``1.234``;
``{x:+.1f}`` keeps the sign; ``{n:times}`` -> ``twice`` / ``zweimal``; ``{n:periods}`` ->
``12 weeks`` / ``12 Wochen`` (unit from ``params["unit"]``, ``week`` or ``day``).

Hints that name a control: the CLI names its flag (``--skip-bad-rows``), a page names its
own widget. ``render(..., cli=True)`` picks the CLI wording where one exists
(``CLI_EN``); ``IngestError.hint`` is that CLI wording.
"""
from __future__ import annotations

import math
import string
from typing import Any, Mapping

from babel.numbers import format_decimal

from . import de, en

LOCALES = {"en": "en_GB", "de": "de_DE"}
TABLES = {"en": en.TEXT, "de": de.TEXT}


class Message(str):
    """A string (its English wording) that also carries ``code`` and ``params``."""

    code: str
    params: dict

    def __new__(cls, code: str, params: Mapping[str, Any] | None = None, *, cli: bool = True):
        params = dict(params or {})
        self = super().__new__(cls, render(code, params, "en", cli=cli))
        self.code, self.params = code, params
        return self

    def __reduce__(self):
        return (Message, (self.code, self.params))

    def to_dict(self) -> dict:
        return {"code": self.code, "params": self.params}


def coded(item: Any) -> tuple[str, dict] | None:
    """``(code, params)`` of a Message or ``{"code", "params"}`` dict, else None."""
    if isinstance(item, Message):
        return item.code, item.params
    if isinstance(item, Mapping) and isinstance(item.get("code"), str):
        return item["code"], dict(item.get("params") or {})
    return None


def _number(value: float, lang: str, decimals: int | None, sign: bool = False) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "" if decimals == 0 else ".###")
    text = format_decimal(abs(value) if sign else value, format=pattern, locale=LOCALES[lang])
    return (("+" if value >= 0 else "-") + text) if sign else text


class _Formatter(string.Formatter):
    def __init__(self, lang: str, params: Mapping[str, Any], cli: bool):
        super().__init__()
        self.lang, self.params, self.cli = lang, params, cli

    def format_field(self, value: Any, spec: str) -> str:
        nested = coded(value)
        if nested is not None:
            return render(*nested, self.lang, cli=self.cli)
        if isinstance(value, (list, tuple)):   # a list of values or messages: ', '-joined
            return ", ".join(self.format_field(item, spec) for item in value)
        words = TABLES[self.lang]
        if spec == "times":
            return words.get(f"word.times.{int(value)}") or words["word.times.n"].format(
                n=_number(int(value), self.lang, 0))
        if spec == "periods":
            unit = self.params.get("unit", "week")
            key = f"word.{unit}.{'one' if int(value) == 1 else 'zero' if int(value) == 0 else 'many'}"
            return (words.get(key) or TABLES["en"][key]).format(n=_number(int(value), self.lang, 0))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        sign = spec.startswith("+")
        core = spec.lstrip("+").lstrip(",")
        if core.endswith("f"):
            return _number(float(value), self.lang, int(core[1:-1] or 6), sign)
        if core == "d" or (not core and isinstance(value, int)):
            return _number(int(round(value)), self.lang, 0, sign)
        return _number(float(value), self.lang, None, sign)


def _template(code: str, lang: str, cli: bool) -> str:
    if cli and lang == "en" and code in en.CLI:
        return en.CLI[code]
    table = TABLES.get(lang, en.TEXT)
    if code in table:
        return table[code]
    if code in en.TEXT:
        return en.TEXT[code]
    return code.replace("_", " ")  # an unknown code still reads as words, never crashes


def render(code: str, params: Mapping[str, Any] | None = None, lang: str = "en", *,
           cli: bool = False) -> str:
    """The sentence for ``code`` (``;``-joined codes: parts joined by ``; ``) in ``lang``."""
    params = dict(params or {})
    lang = lang if lang in TABLES else "en"
    formatter = _Formatter(lang, params, cli)
    parts = []
    for part in (p for p in code.split(";") if p):
        template = _template(part, lang, cli)
        try:
            parts.append(formatter.vformat(template, (), params))
        except (KeyError, IndexError, ValueError):
            parts.append(_template(part, "en", cli) if lang != "en" else part.replace("_", " "))
    return "; ".join(parts)


def render_any(item: Any, lang: str = "en", *, cli: bool = False) -> str:
    """A report entry that may be a Message, a ``{"code", "params"}`` dict or plain text."""
    found = coded(item)
    return render(*found, lang, cli=cli) if found else str(item)


def join(*messages: tuple[str, Mapping[str, Any]] | None) -> tuple[str, dict]:
    """Several ``(code, params)`` as one ``;``-joined code with merged params."""
    kept = [m for m in messages if m and m[0]]
    params: dict = {}
    for _, p in kept:
        params.update(p)
    return ";".join(code for code, _ in kept), params


__all__ = ["Message", "coded", "join", "render", "render_any"]
