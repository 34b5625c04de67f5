"""The one error type for rejected input files.

Every rejection names the file, and where it can the line (1-based physical line
in the file, the header being line 1) and the column, and always says what to do.
"""
from __future__ import annotations


class IngestError(ValueError):
    """A file that cannot be imported. Nothing has been written when this is raised.

    Attributes: ``file`` (name as uploaded), ``line`` (1-based physical line or None),
    ``column`` (header name or None), ``problem`` (what is wrong), ``hint`` (what to do).
    """

    def __init__(self, problem: str, *, file: str = "", line: int | None = None,
                 column: str | None = None, hint: str = ""):
        self.problem = problem
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self.message)

    @property
    def where(self) -> str:
        parts = [self.file or "the file"]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        text = f"{self.where}: {self.problem}"
        return f"{text} — {self.hint}" if self.hint else text

    def with_file(self, file: str) -> "IngestError":
        """Return the same error naming ``file`` (for errors raised before the name was known)."""
        return IngestError(self.problem, file=file, line=self.line, column=self.column, hint=self.hint)

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "problem": self.problem, "hint": self.hint, "message": self.message}
