"""A table file as the readers read it: UTF-8, comma-separated, one line break per line.

Spreadsheets save CSV in other shapes that hold the same rows: UTF-16 or UTF-32 ("Unicode text"), old Mac line
ends (CR only), Excel's `sep=;` first line, semicolons with decimal commas (a European locale: `4244,5`) or
tabs. Each would otherwise be thrown away whole, or worse read as one line with no rows. A file in such a shape is
copied, streamed, into a temporary UTF-8 comma CSV with the same lines; a file already in the readers' shape is
read as it is.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows.ingest.tables.detect import UnreadableTable, head_bytes, open_table, utf16_encoding

SEP_LINE = re.compile(r"sep=(.)\s*")  # Excel's hint line: 'sep=;' names the delimiter of the lines after it
# a number with a decimal comma, perhaps with dots between thousands: '4244,5', '-1.234.567,25' (never '1.234')
DECIMAL_COMMA = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+")


@dataclass(frozen=True)
class Shape:
    """How a table file differs from a UTF-8, comma-separated, LF file; all None/False/0 when it does not."""

    encoding: str | None = None  # 'utf-16', 'utf-32', ... (None: UTF-8, or 8-bit when copied)
    delimiter: str | None = None  # ';' or '\t' when the lines are not comma-separated
    cr_only: bool = False  # lines end with CR alone (classic Mac OS, some Excel exports)
    skipped: int = 0  # lines before the header (a 'sep=;' line): row numbers of the copy are this many short

    @property
    def plain(self) -> bool:
        return self.encoding is None and self.delimiter is None and not self.cr_only and not self.skipped


def utf32_encoding(head: bytes) -> str | None:
    """'utf-32' when the file starts with a UTF-32 byte-order mark (checked before UTF-16's, which it begins with)."""
    return "utf-32" if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) else None


def shape_of(head: bytes) -> Shape:
    """The shape of a table file from its first bytes (decompressed)."""
    encoding = utf32_encoding(head) or utf16_encoding(head)
    text = head.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")
    if text.lstrip()[:1] in ("{", "["):
        return Shape(encoding)  # JSON: its own reader, after the copy to UTF-8 if it is UTF-16 or UTF-32
    cr_only = "\r" in text and "\n" not in text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skipped, delimiter = 0, None
    if lines and (hint := SEP_LINE.fullmatch(lines[0])):
        skipped, delimiter = 1, hint.group(1)
        lines = lines[1:]
    header = lines[0] if lines else ""
    if delimiter is None and "," not in header:
        counts = {sep: header.count(sep) for sep in (";", "\t") if header.count(sep)}
        delimiter = max(counts, key=counts.__getitem__) if counts else None
    delimiter = None if delimiter == "," else delimiter
    return Shape(encoding, delimiter, cr_only, skipped)


def _comma_line(line: str, delimiter: str) -> str:
    """One line of a delimited file as a comma-separated line (decimal commas as points after semicolons); a line
    whose quotes do not close on it is kept as written, to be quarantined with its line by the readers."""
    body = line.rstrip("\n")
    if body.count('"') % 2:
        return body + "\n"
    try:
        fields = next(csv.reader([body], delimiter=delimiter, strict=True), [])
    except csv.Error:
        return body + "\n"
    if delimiter == ";":
        fields = [f.replace(".", "").replace(",", ".") if DECIMAL_COMMA.fullmatch(f.strip()) else f for f in fields]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    return out.getvalue()


def _text_encoding(shape: Shape, head: bytes) -> str:
    if shape.encoding:
        return shape.encoding
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 3:  # not just a character cut at the end of the sample
            return "cp1252"  # Excel's 8-bit CSV on Windows; its curly quotes and dashes decode as themselves
    return "utf-8-sig"


@contextmanager
def table_view(path: Path) -> Iterator[tuple[Path, int]]:
    """(a path the readers can read, lines before its header that the copy dropped): the file itself when it is
    UTF-8, comma-separated and LF- or CRLF-ended, else a streamed UTF-8 comma CSV copy in a temporary folder."""
    head = head_bytes(path)
    shape = shape_of(head)
    if shape.plain:
        yield path, 0
        return
    encoding = _text_encoding(shape, head)
    with tempfile.TemporaryDirectory(prefix="dyad-table-") as folder:
        copy = Path(folder) / (path.name[:-3] if path.name.lower().endswith(".gz") else path.name)
        try:
            with open_table(path) as source, copy.open("w", encoding="utf-8", newline="\n") as target:
                # newline=None: CR, LF and CRLF all end a line
                text = io.TextIOWrapper(source, encoding=encoding, errors="replace", newline=None)
                for _ in range(shape.skipped):
                    text.readline()
                for line in text:
                    target.write(_comma_line(line, shape.delimiter) if shape.delimiter else line)
        except (EOFError, zlib.error, OSError) as err:
            raise UnreadableTable(f"could not be read as {encoding}: {err}") from err
        yield copy, shape.skipped
