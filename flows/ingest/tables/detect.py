"""Which layout a table file is in, told from its contents (header columns, JSON keys), gzipped or not."""
from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

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


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes, whatever its name."""
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def head_text(path: Path, size: int = 65536) -> str:
    """The first bytes of the file as text, decompressed when gzipped, without a byte-order mark."""
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
        data = fh.read(size)
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


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
    except (ValueError, OSError):
        return None
    records = doc.get("data") if isinstance(doc, dict) else doc
    if isinstance(records, list) and (not records or isinstance(records[0], dict)):
        first = {k.lower() for k in records[0]} if records else set()
        if not records or COMTRADE_V1 <= first:
            return "comtrade_v1_json"
    return None


def detect_format(path: Path) -> str | None:
    """The layout of a table file, from its contents; None when it is none that dyad reads."""
    if path.suffix.lower() == ".parquet":
        return format_of_columns([c.lower() for c in pq.read_schema(path).names])
    text = head_text(path)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return format_of_json(text, path)
    return format_of_columns(header_columns(text))
