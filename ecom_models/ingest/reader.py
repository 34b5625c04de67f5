"""Read an uploaded file's bytes into a table of text cells, with physical line numbers.

CSV goes through pyarrow's multithreaded reader (about 4x faster than pandas' C
parser on the 45 MB demo file); Excel through calamine. Every cell stays text here:
numbers and dates are interpreted later, over whole columns (see ``numbers``/``dates``).
"""
from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..messages import Message
from .errors import IngestError
from .sniff import detect_container, detect_delimiter, detect_encoding

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
REEXPORT_HINT = "hint.reexport_or_fix_line"  # message code (ecom_models.messages)


@dataclass
class RawTable:
    """A file read as text. ``frame`` has one str column per header field (duplicates renamed
    ``name (2)``); ``lines[i]`` is the 1-based physical line (or Excel row) of record ``i``."""

    frame: pd.DataFrame
    header: list[str]
    lines: np.ndarray
    detected: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # Message items (a str with a code)
    bad_rows: list[dict] = field(default_factory=list)


def read_table(raw: bytes, file: str, *, skip_bad_rows: bool = False) -> RawTable:
    """Read ``raw`` (CSV/TSV text in any supported encoding, gzip of it, or .xlsx).

    Raises ``IngestError`` naming file/line/column for anything that cannot be read.
    Rows with the wrong number of fields are an error unless ``skip_bad_rows``; then
    they are left out and listed in ``bad_rows``.
    """
    container = detect_container(raw)
    if container == "gzip":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise IngestError(code="gzip_damaged", params={"detail": str(exc)}, file=file,
                              hint_code="hint.recompress") from None
        container = detect_container(raw)
    if container == "xls":
        raise IngestError(code="xls_old", file=file, hint_code="hint.save_as_xlsx")
    if container == "xlsx":
        if not file.lower().endswith((".xlsx", ".xlsm")):
            raise IngestError(code="xlsx_renamed", params={"ext": file.rsplit(".", 1)[-1]},
                              file=file, hint_code="hint.real_xlsx_name")
        return _read_xlsx(raw, file)
    if file.lower().endswith((".xlsx", ".xlsm")):
        raise IngestError(code="not_xlsx", file=file, hint_code="hint.resave_xlsx_or_csv")
    return _read_csv(raw, file, skip_bad_rows)


def read_header(raw: bytes, file: str) -> list[str]:
    """The column names of an upload, read from its first MiB of text (a whole workbook for
    Excel): the mapping boxes need them before the file is checked. Raises ``IngestError``."""
    container = detect_container(raw)
    if container == "gzip":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(raw)).read(1 << 20)
        except (OSError, EOFError):
            head = b""
    elif container == "text":
        head = raw[:1 << 20]
    else:
        return read_table(raw, file, skip_bad_rows=True).header
    if len(head) == 1 << 20 and b"\n" in head:
        head = head[:head.rfind(b"\n") + 1]
    return read_table(head, file, skip_bad_rows=True).header


def _header_start(lines: list[str], delimiter: str) -> int:
    """Index of the first line that is not blank or only delimiters (eBay pads files so)."""
    for i, line in enumerate(lines):
        if line.strip().strip(delimiter).strip():
            return i
    return len(lines)


def _dedupe(names: list[str], file: str, first_line: int) -> tuple[list[str], list[str]]:
    seen: dict[str, int] = {}
    out, warnings = [], []
    for idx, name in enumerate(names, start=1):
        name = name.strip().lstrip("\ufeff").strip()
        if not name:
            name = f"column {idx}"
        if name in seen:
            seen[name] += 1
            warnings.append(Message("duplicate_header", {
                "file": file, "line": first_line, "name": name, "index": idx,
                "renamed": f"{name} ({seen[name]})"}))
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out, warnings


@dataclass(frozen=True)
class CsvLayout:
    """What sniffing found in a text file, the same for every part of it: the codec, the
    delimiter, the 1-based line of the header and its (de-duplicated) column names."""

    encoding: str
    delimiter: str
    header_line: int
    names: list[str]
    warnings: list = field(default_factory=list)

    @property
    def detected(self) -> dict:
        return {"container": "text", "encoding": self.encoding, "delimiter": self.delimiter,
                "delimiter_name": DELIMITER_NAMES[self.delimiter], "header_line": self.header_line}


def sniff_layout(text: str, encoding: str, file: str) -> CsvLayout:
    """The layout of decoded ``text`` (the whole file, or a first part of it that holds the
    header and some records). Raises ``IngestError`` for an empty file or an unreadable
    header."""
    if not text.strip():
        raise IngestError(code="empty_file", file=file, hint_code="hint.export_again_rows")
    delimiter = detect_delimiter(text, file)
    head = text[: 1 << 16].splitlines()
    start = _header_start(head, delimiter)
    header_text = "\n".join(head[start:start + 50])
    try:
        header = next(csv.reader(io.StringIO(header_text), delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        raise IngestError(code="header_unreadable", file=file, line=start + 1,
                          hint_code=REEXPORT_HINT) from None
    names, warnings = _dedupe(header, file, start + 1)
    return CsvLayout(encoding, delimiter, start + 1, names, warnings)


def _read_csv(raw: bytes, file: str, skip_bad_rows: bool) -> RawTable:
    encoding = detect_encoding(raw, file)
    text = raw.decode(encoding)
    layout = sniff_layout(text, encoding, file)
    utf8 = text.encode("utf-8") if encoding not in ("utf-8", "ascii") else raw
    table = parse_records(utf8, layout, file, skip_bad_rows, header_lines=layout.header_line)
    if len(table.frame) == 0:
        raise IngestError(code="no_data_rows", file=file, line=layout.header_line,
                          hint_code="hint.export_period")
    return table


def parse_records(utf8: bytes, layout: CsvLayout, file: str, skip_bad_rows: bool, *,
                  header_lines: int = 0, line_offset: int = 0) -> RawTable:
    """Parse UTF-8 CSV text with a known ``layout``. The first ``header_lines`` physical lines
    are skipped (the header and anything above it; 0 for a later part of a file, which holds
    records only); ``line_offset`` is added to every line number (the lines of the file
    before this part), so errors name the file's own line."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    bad: list = []

    def on_invalid(row) -> str:
        bad.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            io.BytesIO(utf8),
            read_options=pacsv.ReadOptions(column_names=layout.names, skip_rows=header_lines,
                                           block_size=1 << 24, encoding="utf8"),
            parse_options=pacsv.ParseOptions(delimiter=layout.delimiter, newlines_in_values=True,
                                             invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in layout.names},
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid as exc:
        raise IngestError(code="csv_unparsable", params={"detail": str(exc)}, file=file,
                          hint_code=REEXPORT_HINT) from None
    frame = table.to_pandas()
    del table
    n_text_lines = utf8.count(b"\n") + (0 if utf8.endswith(b"\n") or not utf8 else 1)
    if bad or n_text_lines != header_lines + len(frame):
        lines, bad_rows = _scan_lines(utf8.decode("utf-8"), layout.delimiter, header_lines,
                                      len(layout.names), file, line_offset)
    else:
        lines = np.arange(header_lines + 1, header_lines + 1 + len(frame)) + line_offset
        bad_rows = []
    if bad_rows and not skip_bad_rows:
        raise bad_rows_error(bad_rows[0], len(bad_rows), file)
    return RawTable(frame, list(layout.names), np.asarray(lines), layout.detected,
                    list(layout.warnings), bad_rows)


def bad_rows_error(first: dict, count: int, file: str) -> IngestError:
    """The rejection of a file with ``count`` malformed rows, naming the ``first``."""
    problem = first["problem"]
    if count > 1:
        problem = Message("field_count_many", {**problem.params, "count": count})
    return IngestError(problem, file=file, line=first["line"], hint=first["hint"])


def _scan_lines(text: str, delimiter: str, header_lines: int, width: int, file: str,
                line_offset: int = 0):
    """Slow path (multi-line cells, blank lines or malformed rows): find the physical start
    line of every good record, and describe every malformed one (lines after the first
    ``header_lines``, numbered from ``line_offset`` + 1)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    lines, bad = [], []
    record_start = 1
    try:
        for row in reader:
            here = record_start
            record_start = reader.line_num + 1
            if here <= header_lines or not any(cell.strip() for cell in row):
                continue
            here += line_offset
            if len(row) != width:
                few = len(row) < width
                why = "hint.value_missing" if few else "hint.unquoted_delimiter"
                bad.append({"line": here, "fields": len(row), "expected": width,
                            "problem": Message("field_count", {"fields": len(row), "expected": width}),
                            "hint": Message(f"{why};{REEXPORT_HINT};hint.skip_bad_rows")})
            else:
                lines.append(here)
    except csv.Error as exc:
        problem = (Message("unterminated_quote")
                   if "unexpected end" in str(exc) or "EOF" in str(exc)
                   else Message("row_unreadable", {"detail": str(exc)}))
        raise IngestError(problem, file=file, line=record_start + line_offset,
                          hint_code=f"hint.close_quote;{REEXPORT_HINT}") from None
    return np.asarray(lines, dtype=np.int64), bad


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp) or hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _read_xlsx(raw: bytes, file: str) -> RawTable:
    try:
        sheet = pd.read_excel(io.BytesIO(raw), engine="calamine", header=None, dtype=object)
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise IngestError(code="xlsx_unreadable", params={"detail": str(exc)}, file=file,
                          hint_code="hint.resave_xlsx") from None
    sheet = sheet.dropna(how="all")
    if sheet.empty:
        raise IngestError(code="sheet_empty", file=file, hint_code="hint.first_sheet")
    header_row = sheet.index[0]
    names, warnings = _dedupe([_cell_text(v) for v in sheet.loc[header_row]], file,
                              int(header_row) + 1)
    body = sheet.loc[sheet.index > header_row]
    if body.empty:
        raise IngestError(code="xlsx_no_data_rows", file=file, line=int(header_row) + 1,
                          hint_code="hint.export_period")
    frame = pd.DataFrame({name: [_cell_text(v) for v in body[col]]
                          for name, col in zip(names, body.columns)})
    detected = {"container": "xlsx", "encoding": "xlsx", "delimiter": None,
                "delimiter_name": "Excel sheet", "header_line": int(header_row) + 1}
    return RawTable(frame, names, body.index.to_numpy() + 1, detected, warnings, [])
