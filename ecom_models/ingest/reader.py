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

from .errors import IngestError
from .sniff import detect_container, detect_delimiter, detect_encoding

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
REEXPORT_HINT = "export the file again from your shop system, or fix that line in a text editor"


@dataclass
class RawTable:
    """A file read as text. ``frame`` has one str column per header field (duplicates renamed
    ``name (2)``); ``lines[i]`` is the 1-based physical line (or Excel row) of record ``i``."""

    frame: pd.DataFrame
    header: list[str]
    lines: np.ndarray
    detected: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
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
            raise IngestError(f"the gzip archive is damaged ({exc})", file=file,
                              hint="compress the export again or upload it uncompressed") from None
        container = detect_container(raw)
    if container == "xls":
        raise IngestError("this is an old Excel 97 (.xls) workbook", file=file,
                          hint="save it as .xlsx or CSV in Excel and upload that")
    if container == "xlsx":
        if not file.lower().endswith((".xlsx", ".xlsm")):
            raise IngestError(
                "this file is an Excel workbook (.xlsx) renamed to "
                f"'{file.rsplit('.', 1)[-1]}', not CSV text", file=file,
                hint="upload it under its real .xlsx name, or save it as CSV in Excel")
        return _read_xlsx(raw, file)
    if file.lower().endswith((".xlsx", ".xlsm")):
        raise IngestError("the file ends in .xlsx but is not an Excel workbook", file=file,
                          hint="open it in Excel and save it again as .xlsx, or upload it as CSV")
    return _read_csv(raw, file, skip_bad_rows)


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
            warnings.append(
                f"{file}, line {first_line}: the header '{name}' appears more than once; "
                f"column {idx} was renamed '{name} ({seen[name]})'")
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out, warnings


def _read_csv(raw: bytes, file: str, skip_bad_rows: bool) -> RawTable:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    encoding = detect_encoding(raw, file)
    text = raw.decode(encoding)
    if not text.strip():
        raise IngestError("the file is empty", file=file, hint="export the data again; "
                          "the export contained no rows")
    delimiter = detect_delimiter(text, file)
    head = text[: 1 << 16].splitlines()
    start = _header_start(head, delimiter)
    header_text = "\n".join(head[start:start + 50])
    try:
        header = next(csv.reader(io.StringIO(header_text), delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        raise IngestError("the header line cannot be read", file=file, line=start + 1,
                          hint=REEXPORT_HINT) from None
    names, warnings = _dedupe(header, file, start + 1)
    utf8 = text.encode("utf-8") if encoding not in ("utf-8", "ascii") else raw
    bad: list = []

    def on_invalid(row) -> str:
        bad.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            io.BytesIO(utf8),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=start + 1,
                                           block_size=1 << 24, encoding="utf8"),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid as exc:
        raise IngestError(f"the file cannot be parsed as CSV ({exc})", file=file,
                          hint=REEXPORT_HINT) from None
    frame = table.to_pandas()
    n_text_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if bad or n_text_lines != start + 1 + len(frame):
        lines, bad_rows = _scan_lines(text, delimiter, start, len(names), file)
    else:
        lines, bad_rows = np.arange(start + 2, start + 2 + len(frame)), []
    if bad_rows and not skip_bad_rows:
        first = bad_rows[0]
        more = f" ({len(bad_rows)} such lines in all)" if len(bad_rows) > 1 else ""
        raise IngestError(first["problem"] + more, file=file, line=first["line"],
                          hint=first["hint"])
    detected = {"container": "text", "encoding": encoding, "delimiter": delimiter,
                "delimiter_name": DELIMITER_NAMES[delimiter], "header_line": start + 1}
    if len(frame) == 0:
        raise IngestError("the file has a header but no data rows", file=file,
                          line=start + 1, hint="export a period that contains orders")
    return RawTable(frame, names, np.asarray(lines), detected, warnings, bad_rows)


def _scan_lines(text: str, delimiter: str, start: int, width: int, file: str):
    """Slow path (multi-line cells, blank lines or malformed rows): find the physical start
    line of every good record, and describe every malformed one."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    lines, bad = [], []
    record_start = 1
    try:
        for row in reader:
            here = record_start
            record_start = reader.line_num + 1
            if here <= start + 1 or not any(cell.strip() for cell in row):
                continue
            if len(row) != width:
                few = len(row) < width
                bad.append({"line": here, "fields": len(row), "expected": width,
                            "problem": f"this row has {len(row)} fields, the header has {width}",
                            "hint": ("a value is missing or a delimiter was lost; "
                                     if few else "a value contains an unquoted delimiter; ")
                            + REEXPORT_HINT})
            else:
                lines.append(here)
    except csv.Error as exc:
        problem = ("a quoted value is never closed (unterminated quote)"
                   if "unexpected end" in str(exc) or "EOF" in str(exc)
                   else f"the row cannot be read ({exc})")
        raise IngestError(problem, file=file, line=record_start,
                          hint="close the quote or remove the stray '\"'; " + REEXPORT_HINT
                          ) from None
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
        raise IngestError(f"the Excel workbook cannot be read ({exc})", file=file,
                          hint="open it in Excel and save it again as .xlsx") from None
    sheet = sheet.dropna(how="all")
    if sheet.empty:
        raise IngestError("the workbook's first sheet is empty", file=file,
                          hint="put the export on the first sheet")
    header_row = sheet.index[0]
    names, warnings = _dedupe([_cell_text(v) for v in sheet.loc[header_row]], file,
                              int(header_row) + 1)
    body = sheet.loc[sheet.index > header_row]
    if body.empty:
        raise IngestError("the workbook has a header but no data rows", file=file,
                          line=int(header_row) + 1, hint="export a period that contains orders")
    frame = pd.DataFrame({name: [_cell_text(v) for v in body[col]]
                          for name, col in zip(names, body.columns)})
    detected = {"container": "xlsx", "encoding": "xlsx", "delimiter": None,
                "delimiter_name": "Excel sheet", "header_line": int(header_row) + 1}
    return RawTable(frame, names, body.index.to_numpy() + 1, detected, warnings, [])
