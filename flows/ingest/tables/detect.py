"""Which layout a table file is in, told from its contents (header columns, JSON keys), gzipped or not."""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from pathlib import Path

from flows.ingest.discover import open_regular
from flows.ingest.encodings import utf16_without_bom

import pyarrow as pa
import pyarrow.parquet as pq

# The columns that identify each layout (lower case: Comtrade writes cifvalue and cifValue alike).
COMTRADE_V1 = {"typecode", "freqcode", "refyear", "refmonth", "reportercode", "partnercode", "flowcode",
               "cmdcode", "primaryvalue"}
COMTRADE_LEGACY = {"classification", "period", "trade flow code", "reporter code", "partner code",
                   "commodity code", "trade value (us$)"}
BACI = ["t", "i", "j", "k", "v", "q"]
BACI_COUNTRIES = {"country_code", "country_name"}
BACI_PRODUCTS = {"code", "description"}
PUBLISHED = {"period_start", "period_end", "measure", "exporter_iso3", "importer_iso3", "value_usd"}
HS_LIST = {"section", "hscode", "description", "parent", "level"}
HS_SECTIONS = {"section", "name"}
COUNTRY_CODES = {"iso3166-1-alpha-3", "iso3166-1-numeric", "m49"}

# Formats that hold statistics; the others are reference tables or BACI's companions.
STATISTICS = {"comtrade_v1_json", "comtrade_v1_csv", "comtrade_legacy_csv", "baci", "published"}
REFERENCE = {"hs_list", "hs_sections", "country_codes"}
COMPANIONS = {"baci_country_codes", "baci_product_codes"}


# Deflate cannot pack more than ~1032:1; trade tables, even Comtrade's rows of empty columns, pack under 50:1.
# A file that unpacks past this ratio (after the first 16 MB, which any table may reach) is a decompression
# bomb: it is stopped while streaming, before it costs memory or time.
MAX_GZIP_RATIO = 200
RATIO_FREE_BYTES = 16 << 20


class UnreadableTable(ValueError):
    """A table file that cannot be read at all; the message says why in words a person understands."""


class DecompressionBomb(UnreadableTable):
    """A gzip file that unpacks to far more than any table of its size."""


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes, whatever its name."""
    with open_regular(path) as fh:
        return fh.read(2) == b"\x1f\x8b"


class CappedGzip(io.RawIOBase):
    """A gzip file read as a stream, stopped with DecompressionBomb once it unpacks past MAX_GZIP_RATIO."""

    def __init__(self, path: Path, ratio: float = MAX_GZIP_RATIO) -> None:
        self._raw = open_regular(path)
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="rb")
        self._ratio, self._out, self._path = ratio, 0, path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._gzip.read(min(len(buffer), 1 << 20))
        self._out += len(data)
        packed = max(self._raw.tell(), 1)
        if self._out > RATIO_FREE_BYTES and self._out > self._ratio * packed:
            raise DecompressionBomb(f"a decompression bomb: {packed:,} bytes of gzip unpack to more than "
                                    f"{self._out:,} (over {self._ratio:g} times): not read further")
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._gzip.close()
        finally:
            self._raw.close()
            super().close()


def open_table(path: Path) -> io.BufferedReader:
    """The file's bytes as a binary stream: decompressed (with the ratio cap) when gzipped, whatever its name."""
    if is_gzip(path):
        return io.BufferedReader(CappedGzip(path), buffer_size=1 << 20)
    return open_regular(path)


def head_bytes(path: Path, size: int = 65536) -> bytes:
    """The first bytes of the file, decompressed when gzipped; a broken gzip is an UnreadableTable."""
    try:
        with open_table(path) as fh:
            return fh.read(size)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise UnreadableTable(f"truncated or corrupt gzip file: {err}") from err
    except OSError as err:
        raise UnreadableTable(f"cannot read file: {err.strerror or err}") from err


def utf16_encoding(head: bytes) -> str | None:
    """'utf-16' (with a byte-order mark), 'utf-16-le' or '-be' (ASCII text with every other byte NUL), else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(head)


def head_text(path: Path, size: int = 65536) -> str:
    """The first bytes of the file as text, decompressed when gzipped, without a byte-order mark."""
    return head_bytes(path, size).decode("utf-8", errors="replace").lstrip("\ufeff")


def header_columns(text: str) -> list[str]:
    """The first CSV row, stripped and lower-cased."""
    first = text.splitlines()[0] if text else ""
    row = next(csv.reader(io.StringIO(first)), [])
    return [c.strip().strip('"').lower() for c in row]


def format_of_columns(columns: list[str]) -> str | None:
    """The layout a set of column names identifies, or None."""
    names = set(columns)
    if COMTRADE_V1 <= names:
        return "comtrade_v1_csv"
    if COMTRADE_LEGACY <= names:
        return "comtrade_legacy_csv"
    if columns[:6] == BACI or set(BACI) == names:
        return "baci"
    if PUBLISHED <= names:
        return "published"
    if COUNTRY_CODES <= names:
        return "country_codes"
    if HS_LIST <= names:
        return "hs_list"
    if BACI_COUNTRIES <= names:
        return "baci_country_codes"
    if BACI_PRODUCTS <= names and len(names) == 2:
        return "baci_product_codes"
    if names == HS_SECTIONS:
        return "hs_sections"
    return None


def format_of_json(text: str, path: Path) -> str | None:
    """comtrade_v1_json when the document is a Comtrade API v1 response (or a bare list of its records)."""
    try:
        doc = read_json(path)
    except RecursionError as err:
        raise UnreadableTable("not valid JSON: nested too deeply to read") from err
    except (EOFError, zlib.error) as err:
        raise UnreadableTable(f"truncated or corrupt gzip file: {err}") from err
    except DecompressionBomb:
        raise
    except (ValueError, OSError) as err:
        raise UnreadableTable(f"not valid JSON: {err}") from err
    records = doc.get("data") if isinstance(doc, dict) else doc
    error = doc.get("error") if isinstance(doc, dict) else None
    if error and not records:
        raise UnreadableTable(f"the response holds an error and no data: {error}")
    if isinstance(records, list):
        # the first object decides: a stray non-object record is that record's problem, not the file's
        first = next(({str(k).lower() for k in r} for r in records if isinstance(r, dict)), None)
        if not records or (first is not None and COMTRADE_V1 <= first):
            return "comtrade_v1_json"
    return None


class BadJsonLine(str):
    """A line of a JSON-lines file that is not valid JSON: the line as written, with why (a record's own problem)."""

    reason: str = ""


def read_json(path: Path) -> object:
    """A JSON file (gzipped or not, with or without a UTF-8 byte-order mark) as Python values; a JSON-lines file
    (one record a line, as pandas' to_json(lines=True) and most log exporters write) as the list of its records."""
    with open_table(path) as fh:
        text = fh.read().decode("utf-8-sig")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        if not err.msg.startswith("Extra data"):
            raise
        return json_lines(text)


def json_lines(text: str) -> list[object]:
    """The records of a JSON-lines text, one a non-blank line; a line that does not parse stays in its place as a
    BadJsonLine, so one broken line costs that record, never the file."""
    records: list[object] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            bad = BadJsonLine(line[:1000])
            bad.reason = f"not valid JSON ({err.msg} at column {err.colno}): the line is not a record"
            records.append(bad)
    return records


def missing_columns(columns: list[str]) -> str | None:
    """'a table of published figures without value_usd' when a header nearly names a layout, else None."""
    names = set(columns)
    for label, wanted in (("a Comtrade API v1 table", COMTRADE_V1), ("a Comtrade legacy table", COMTRADE_LEGACY),
                          ("a table of published figures", PUBLISHED)):
        lacking = sorted(wanted - names)
        if len(wanted & names) >= len(wanted) // 2 and lacking:
            return f"{label} without the column{'s' if len(lacking) > 1 else ''} {', '.join(lacking)}"
    return None


def detect_format(path: Path) -> str | None:
    """The layout of a table file, from its contents; None when it is none that dyad reads.

    Raises UnreadableTable for a file that is no table at all (empty, binary, broken gzip, Parquet or JSON,
    a Comtrade error response) or a header that lacks columns of a layout it nearly names.
    """
    if path.suffix.lower() == ".parquet":
        try:
            names = pq.read_schema(path).names
        except (pa.ArrowException, OSError) as err:
            raise UnreadableTable(f"not a readable Parquet file: {err}") from err
        return format_of_columns([c.lower() for c in names])
    data = head_bytes(path)
    if not data:
        raise UnreadableTable("empty file")
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableTable("a zip archive or spreadsheet (xlsx): not a table layout dyad reads; save it as CSV")
    if b"\x00" in data:
        raise UnreadableTable("binary content: not text")
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = text.lstrip()
    if not stripped:
        raise UnreadableTable("empty file: only whitespace")
    if stripped.startswith(("{", "[")):
        return format_of_json(text, path)
    columns = header_columns(stripped)
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise UnreadableTable(f"the header names the column{'s' if len(repeated) > 1 else ''} "
                              f"{', '.join(repeated)} twice: which one holds the values is unclear")
    found = format_of_columns(columns)
    if found is None and (lacking := missing_columns(columns)):
        raise UnreadableTable(lacking)
    return found
