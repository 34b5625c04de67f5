"""The one error type for rejected input files.

Every rejection names the file, and where it can the line (1-based physical line
in the file, the header being line 1) and the column, and always says what to do.
It carries a message code with parameters (``ecom_models.messages``), so a page can say
it in the user's language; ``problem``/``hint``/``message`` are the English wording the
CLI prints (hints there name CLI flags, on a page the page's own controls).
"""
from __future__ import annotations

from typing import Any, Mapping

from ..messages import Message, coded, render, render_any


class IngestError(ValueError):
    """A file that cannot be imported. Nothing has been written when this is raised.

    Attributes: ``file`` (name as uploaded), ``line`` (1-based physical line or None),
    ``column`` (header name or None), ``code``/``params`` (the problem as a message code;
    ``code`` is None for a plain-text problem), ``hint_code``/``hint_params`` (what to do),
    and their English wording ``problem`` and ``hint``.

    Raise it coded: ``IngestError(code="empty_file", hint_code="hint.choose_again", file=f)``;
    a ``Message`` as ``problem``/``hint`` works too; plain English text is kept as is.
    """

    def __init__(self, problem: str = "", *, file: str = "", line: int | None = None,
                 column: str | None = None, hint: str = "", code: str | None = None,
                 params: Mapping[str, Any] | None = None, hint_code: str | None = None,
                 hint_params: Mapping[str, Any] | None = None):
        if code is None and (found := coded(problem)):
            code, params = found
        if hint_code is None and (found := coded(hint)):
            hint_code, hint_params = found
        self.code, self.params = code, dict(params or {})
        self.hint_code, self.hint_params = hint_code, dict(hint_params or {})
        self.problem = render(code, self.params) if code else str(problem)
        self.hint = render(hint_code, self.hint_params, cli=True) if hint_code else str(hint)
        self.file = file
        self.line = line
        self.column = column
        super().__init__(self.message)

    def _where(self, lang: str) -> str:
        parts = [render("where.file", {"file": self.file}, lang) if self.file
                 else render("where.no_file", {}, lang)]
        if self.line is not None:
            parts.append(render("where.line", {"line": self.line}, lang))
        if self.column is not None:
            parts.append(render("where.column", {"column": self.column}, lang))
        return ", ".join(parts)

    @property
    def where(self) -> str:
        return self._where("en")

    @property
    def message(self) -> str:
        text = f"{self.where}: {self.problem}"
        return f"{text} — {self.hint}" if self.hint else text

    def render(self, lang: str = "en", *, cli: bool = False) -> str:
        """The whole message in ``lang``; hints name the page's controls unless ``cli``."""
        problem = render(self.code, self.params, lang, cli=cli) if self.code else self.problem
        hint = (render(self.hint_code, self.hint_params, lang, cli=cli) if self.hint_code
                else self.hint)
        text = f"{self._where(lang)}: {problem}"
        return f"{text} — {hint}" if hint else text

    def with_file(self, file: str) -> "IngestError":
        """Return the same error naming ``file`` (for errors raised before the name was known)."""
        return IngestError(self.problem, file=file, line=self.line, column=self.column, hint=self.hint,
                           code=self.code, params=self.params, hint_code=self.hint_code,
                           hint_params=self.hint_params)

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "problem": self.problem, "hint": self.hint, "message": self.message,
                "code": self.code, "params": self.params,
                "hint_code": self.hint_code, "hint_params": self.hint_params}


__all__ = ["IngestError", "Message", "render_any"]
