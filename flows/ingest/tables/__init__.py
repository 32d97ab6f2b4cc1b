"""Trade statistics and reference tables: detect each file's layout, read, validate, load into DuckDB.

The pipeline calls two functions: `read_reference` (dimension frames from the bundled reference
tables) and `ingest_tables` (every statistics file into fact_trade / fact_trade_reported, inside the
caller's transaction).
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import duckdb
import polars as pl

from flows.ingest.discover import sha256_of
from flows.ingest.tables import baci, comtrade, published
from flows.ingest.tables.detect import COMPANIONS, REFERENCE, STATISTICS, UnreadableTable, detect_format
from flows.ingest.tables.reference import read_code_map, read_countries, read_products
from flows.ingest.tables.trade_load import FileOutcome
from schemas.quarantine import QUARANTINE_SCHEMA, quarantine_frame

BUNDLED_TABLES = Path(__file__).resolve().parents[3] / "sources" / "tables"
# errors of reading a file in Python (DuckDB errors cannot be caught: they abort the caller's transaction)
UNREADABLE = (pl.exceptions.PolarsError, UnicodeDecodeError, EOFError, OSError, json.JSONDecodeError)
PER_SOURCE_SCHEMA = {
    "source": pl.Utf8, "format": pl.Utf8, "sha256": pl.Utf8,
    "rows_in": pl.Int64, "loaded": pl.Int64, "quarantined": pl.Int64,
}
TRADE_LOADERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path, str], FileOutcome]] = {
    "comtrade_v1_json": comtrade.load_v1_json,
    "comtrade_v1_csv": comtrade.load_v1_csv,
    "comtrade_legacy_csv": comtrade.load_legacy_csv,
    "baci": baci.load_baci,
}


@dataclass
class TablesResult:
    """What ingest_tables did: counts, the quarantined rows and one line per file."""

    rows_in: int
    loaded: int
    quarantined: int
    quarantine: pl.DataFrame  # schemas.quarantine rows
    per_source: pl.DataFrame  # source, format, sha256, rows_in, loaded, quarantined


def read_reference(tables_dir: Path) -> dict[str, pl.DataFrame]:
    """Dimension frames from the bundled reference tables: {"dim_country", "dim_product", "country_code_map"}."""
    countries = read_countries(tables_dir / "country-codes.csv")
    return {
        "dim_country": countries,
        "dim_product": read_products(tables_dir / "harmonized-system.csv", tables_dir / "hs-sections.csv"),
        "country_code_map": read_code_map(countries),
    }


@lru_cache(maxsize=1)
def bundled_reference() -> dict[str, pl.DataFrame]:
    """The bundled reference frames, read once a process (reference tables never come from --sources)."""
    return read_reference(BUNDLED_TABLES)


def relative(path: Path, root: Path) -> str:
    """The path relative to the sources folder when it is inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def file_quarantine(rel: str, reason: str) -> pl.DataFrame:
    """One quarantine row for a whole file."""
    return quarantine_frame([{"stage": "ingest", "source": rel, "row_ref": "file", "reason": reason, "raw": None}])


def ingest_file(con: duckdb.DuckDBPyConnection, path: Path, rel: str, fmt: str | None) -> FileOutcome:
    """Load one file by its detected layout; a file dyad cannot read becomes one quarantine row."""
    reference = bundled_reference()
    try:
        if fmt in TRADE_LOADERS:
            return TRADE_LOADERS[fmt](con, path, rel)
        if fmt == "published":
            known = set(reference["dim_country"]["iso3"].to_list())
            return published.load_published(con, path, rel, known)
    except comtrade.ComtradeResponseError as err:
        return FileOutcome(0, 0, file_quarantine(rel, str(err)))
    except UNREADABLE as err:
        # the file broke off while it was read (a ragged CSV, a truncated gzip): none of it loads
        con.execute("delete from fact_trade where source_file = $f", {"f": rel})
        con.execute("delete from fact_trade_reported where source = $f", {"f": rel})
        return FileOutcome(0, 0, file_quarantine(rel, f"could not be read as {fmt}: {err}"))
    if fmt in REFERENCE or fmt in COMPANIONS:
        # reference tables come from the bundled copy; BACI's companions add nothing the map lacks
        return FileOutcome(0, 0, pl.DataFrame(schema=QUARANTINE_SCHEMA))
    return FileOutcome(0, 0, file_quarantine(rel, "not a table layout dyad reads (Comtrade API v1 JSON or CSV, "
                                                  "Comtrade legacy CSV, BACI, published figures)"))


def register_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Expose the code map and HS codes to the staging SQL as trade_code_map and trade_products."""
    reference = bundled_reference()
    con.register("trade_code_map", reference["country_code_map"])
    con.register("trade_products", reference["dim_product"].select("hs_code", "product_key", "chapter"))


def unregister_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Remove what register_reference added."""
    for name in ("trade_code_map", "trade_products"):
        con.unregister(name)


def record_sources(con: duckdb.DuckDBPyConnection, per_source: pl.DataFrame) -> None:
    """One dim_source_table row per file read (replacing an earlier row for the same bytes)."""
    rows = per_source.select(
        pl.col("sha256").str.slice(0, 16).alias("source_key"),
        pl.col("source").alias("path"),
        "format",
        "sha256",
        pl.col("rows_in").alias("rows"),
        "loaded",
        "quarantined",
    ).unique("source_key", keep="last")
    con.register("dim_source_table_new", rows)
    try:
        con.execute("delete from dim_source_table where source_key in (select source_key from dim_source_table_new)")
        con.execute("insert into dim_source_table by name select * from dim_source_table_new")
    finally:
        con.unregister("dim_source_table_new")


def ingest_tables(con: duckdb.DuckDBPyConnection, paths: Sequence[Path], root: Path) -> TablesResult:
    """Detect, read, validate and write every statistics table into the open connection.

    Runs inside the caller's transaction with the DDL applied; never commits and never loads the
    reference tables. Files load in path order, so of two files with rows for the same reporter,
    partner, flow, product, period and source, the later one's rows replace the earlier one's.
    """
    quarantines, per_source = [], []
    register_reference(con)
    try:
        for path in sorted(Path(p) for p in paths):
            rel = relative(path, root)
            # hashing a multi-GB file takes seconds: it runs beside DuckDB's load (hashlib frees the GIL)
            with ThreadPoolExecutor(max_workers=1) as pool:
                sha256 = pool.submit(sha256_of, path)
                try:
                    fmt = detect_format(path)
                except UnreadableTable as err:
                    fmt, outcome = None, FileOutcome(0, 0, file_quarantine(rel, str(err)))
                else:
                    outcome = ingest_file(con, path, rel, fmt)
            quarantines.append(outcome.quarantine)
            per_source.append({
                "source": rel, "format": fmt or "unknown", "sha256": sha256.result(),
                "rows_in": outcome.rows_in, "loaded": outcome.loaded,
                "quarantined": outcome.quarantine.filter(pl.col("row_ref") != "file").height,
            })
    finally:
        unregister_reference(con)
    sources = pl.DataFrame(per_source, schema=PER_SOURCE_SCHEMA)
    statistics = sources.filter(pl.col("format").is_in(list(STATISTICS)))
    if statistics.height:
        record_sources(con, statistics)
    quarantine = pl.concat(quarantines) if quarantines else pl.DataFrame(schema=QUARANTINE_SCHEMA)
    return TablesResult(
        rows_in=int(sources["rows_in"].sum()),
        loaded=int(sources["loaded"].sum()),
        quarantined=int(sources["quarantined"].sum()),
        quarantine=quarantine,
        per_source=sources,
    )
