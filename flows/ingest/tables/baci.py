"""CEPII BACI: t, i, j, k, v, q (v in thousands of USD, q in tonnes), with its code companions."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from flows.ingest.tables.sources import csv_batches, prefetched
from flows.ingest.tables.trade_load import FileOutcome, StageContext, load_batches
from flows.ingest.tables.whole_file import load_whole

SOURCE = "baci"
COLUMNS = ["t", "i", "j", "k", "v", "q"]
THOUSAND_USD = 1000.0
TONNE_KG = 1000.0


def hs_revision(path: Path) -> str | None:
    """The HS revision named in a BACI file name (BACI_HS17_Y2022_V202401.csv -> HS17)."""
    found = re.search(r"HS\d{2}", path.name.upper())
    return found.group(0) if found else None


def load_baci(con: duckdb.DuckDBPyConnection, path: Path, rel: str) -> FileOutcome:
    """Load a BACI file, streamed: exporter i's exports to importer j, in USD and kg."""
    # BACI pads q with spaces and writes NA for unknown quantities: both stay text and cast to null
    context = StageContext(SOURCE, rel)
    scales = {"value_scale": THOUSAND_USD, "weight_scale": TONNE_KG, "hs_revision": hs_revision(path)}
    whole = load_whole(con, path, COLUMNS, "baci", context, **scales)
    if whole is not None:
        return whole
    return load_batches(con, "baci", prefetched(csv_batches(path, COLUMNS)), context, **scales)
