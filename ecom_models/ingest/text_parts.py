"""Read a large text export from disk in parts, each cut at a record boundary, so memory
follows the part, not the file (docs/architecture.md §4.3).

A file of up to ``WHOLE_BYTES`` is read whole (one pass is quicker, and its memory is
bounded by that size); a larger one in parts of about ``PART_BYTES`` of text (measured:
peak memory ≈ 0.5 GB + 17 × the part, whatever the file's size). The codec and the layout (delimiter, header) are
sniffed once on the first part and kept for all; every part is parsed like a whole file
(``reader.parse_records``) and its rows carry the file's own physical line numbers, so an
error in part 40 still names the file's line. A file that fits in one part, a gzip of
one, an Excel workbook or UTF-16 text is not read here: ``open_parts`` returns None and
the caller reads the file whole (``reader.read_table``).

A cut is made after the last newline outside a quoted cell: with RFC 4180 quoting
(a quote inside a quoted cell is doubled) a newline is outside quotes when an even number
of ``"`` precede it in the part.
"""
from __future__ import annotations

import codecs
import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import IngestError
from .reader import REEXPORT_HINT, CsvLayout, RawTable, parse_records, sniff_layout
from .sniff import detect_container, detect_encoding

WHOLE_BYTES = 64 << 20  # the demo's 45 MB file is read whole
PART_BYTES = 16 << 20


@dataclass
class TextParts:
    """An open text export read part by part (see module docstring). Iterate it once per
    pass (``passes()``): each pass reopens the file."""

    path: Path
    file: str
    layout: CsvLayout
    part_bytes: int
    skip_bad_rows: bool

    def parts(self, skip_bad_rows: bool | None = None) -> Iterator[RawTable]:
        """The file's records as ``RawTable`` parts, in file order. Malformed rows are an
        error unless ``skip_bad_rows`` (default: the file's setting); then they are left
        out and listed in each part's ``bad_rows``."""
        skip = self.skip_bad_rows if skip_bad_rows is None else skip_bad_rows
        decoder = codecs.getincrementaldecoder(self.layout.encoding)()
        lines_before = 0      # physical lines of the file before the pending text
        pending = ""
        first = True
        with _open(self.path) as stream:
            while True:
                data = stream.read(self.part_bytes)
                try:
                    pending += decoder.decode(data, final=not data)
                except UnicodeDecodeError as exc:
                    line = lines_before + pending.count("\n") + data[:exc.start].count(b"\n") + 1
                    raise IngestError(code="mixed_encoding", file=self.file, line=line,
                                      hint_code="hint.fix_line;" + REEXPORT_HINT) from None
                cut = len(pending) if not data else _record_boundary(pending)
                if cut == 0 and data:
                    continue        # no record ends in this text yet: read more
                text, pending = pending[:cut], pending[cut:]
                if text.strip() or first:
                    yield parse_records(
                        text.encode("utf-8"), self.layout, self.file, skip,
                        header_lines=self.layout.header_line if first else 0,
                        line_offset=0 if first else lines_before)
                first = False
                lines_before += text.count("\n")
                if not data:
                    return


def open_parts(path: Path | str, file: str, *, part_bytes: int = PART_BYTES,
               whole_bytes: int = WHOLE_BYTES, skip_bad_rows: bool = False) -> TextParts | None:
    """``TextParts`` for a text export of more than ``whole_bytes``, else None (read it
    whole). Raises ``IngestError`` for what sniffing rejects (empty, binary, unreadable
    header)."""
    path = Path(path)
    with _open(path) as stream:
        if not _longer_than(stream, whole_bytes):
            return None
        stream.seek(0)
        head = stream.read(part_bytes)
    if detect_container(head) != "text":
        return None
    last_newline = head.rfind(b"\n")
    if last_newline < 0:
        return None
    encoding = detect_encoding(head[:last_newline + 1], file)
    if encoding.startswith("utf-16"):
        return None
    text = head[:last_newline + 1].decode(encoding)
    return TextParts(path, file, sniff_layout(text, encoding, file), part_bytes, skip_bad_rows)


def _longer_than(stream: BinaryIO, limit: int) -> bool:
    """Does ``stream`` hold more than ``limit`` bytes? (reads 1 MiB at a time)"""
    seen = 0
    while seen <= limit:
        block = stream.read(1 << 20)
        if not block:
            return False
        seen += len(block)
    return True


def _open(path: Path) -> BinaryIO:
    """The file's bytes, un-gzipped when it is a gzip."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def _record_boundary(text: str) -> int:
    """Index just after the last newline of ``text`` that is outside a quoted cell (0 when
    there is none): a newline is outside quotes when an even number of ``"`` precede it.
    One scan of the text at most, however many newlines fall inside quotes."""
    newline = text.rfind("\n")
    if newline < 0:
        return 0
    quotes = text.count('"', 0, newline)
    while quotes % 2:
        previous = text.rfind("\n", 0, newline)
        if previous < 0:
            return 0
        quotes -= text.count('"', previous, newline)
        newline = previous
    return newline + 1
