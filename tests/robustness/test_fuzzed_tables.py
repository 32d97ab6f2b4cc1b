"""Mutated copies of the trade fixtures (cut, bit-flipped, spliced with junk) through ingest_tables: no exception,
and every file's rows in = loaded + quarantined."""
from __future__ import annotations

import random
from pathlib import Path

import duckdb
import polars as pl

from flows.ingest.tables import ingest_tables
from test_fuzzed_documents import mutate

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tables"
ORIGINALS = ["comtrade/aze_blr_v1.csv", "comtrade/aze_blr_v1.json", "legacy/aze_geo_legacy.csv",
             "baci/BACI_HS17_Y2021_V202401.csv", "published/reported.csv", "comtrade/soy_br_2022_01.json"]


def test_mutated_tables_never_break_ingest(warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rng = random.Random(20261128)
    paths = []
    for n in range(36):
        original = FIXTURES / ORIGINALS[n % len(ORIGINALS)]
        path = tmp_path / f"{n:03d}_{original.name}"
        path.write_bytes(mutate(original.read_bytes(), rng))
        paths.append(path)
    warehouse.execute("begin")
    result = ingest_tables(warehouse, paths, tmp_path)
    warehouse.execute("commit")
    assert result.per_source.height == len(paths)
    assert result.per_source.filter(pl.col("rows_in") != pl.col("loaded") + pl.col("quarantined")).is_empty()
    assert result.loaded > 0 and result.quarantined > 0
    assert result.quarantine.filter(pl.col("reason").str.len_chars() == 0).is_empty()
