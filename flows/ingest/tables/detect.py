"""Which layout a table file is in, told from its contents (header columns, JSON keys), gzipped or not."""
from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from pathlib import Path

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


class UnreadableTable(ValueError):
    """A table file that cannot be read at all; the message says why in words a person understands."""


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes, whatever its name."""
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def head_bytes(path: Path, size: int = 65536) -> bytes:
    """The first bytes of the file, decompressed when gzipped; a broken gzip is an UnreadableTable."""
    if not is_gzip(path):
        with path.open("rb") as fh:
            return fh.read(size)
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(size)
    except (EOFError, OSError, zlib.error) as err:
        raise UnreadableTable(f"truncated or corrupt gzip file: {err}") from err


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
        opener = gzip.open if is_gzip(path) else open
        with opener(path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
    except RecursionError as err:
        raise UnreadableTable("not valid JSON: nested too deeply to read") from err
    except (EOFError, zlib.error) as err:
        raise UnreadableTable(f"truncated or corrupt gzip file: {err}") from err
    except (ValueError, OSError) as err:
        raise UnreadableTable(f"not valid JSON: {err}") from err
    records = doc.get("data") if isinstance(doc, dict) else doc
    error = doc.get("error") if isinstance(doc, dict) else None
    if error and not records:
        raise UnreadableTable(f"the response holds an error and no data: {error}")
    if isinstance(records, list) and (not records or isinstance(records[0], dict)):
        first = {k.lower() for k in records[0]} if records else set()
        if not records or COMTRADE_V1 <= first:
            return "comtrade_v1_json"
    return None


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
