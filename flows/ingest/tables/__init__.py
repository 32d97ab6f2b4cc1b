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
from typing import Any, Callable, Sequence

import duckdb
import polars as pl
import pyarrow as pa

from flows.ingest.discover import not_regular, sha256_of
from flows.ingest.tables import baci, comtrade, lookups, published
from flows.ingest.tables.detect import COMPANIONS, REFERENCE, STATISTICS, UnreadableTable, detect_format
from flows.ingest.tables.reference import read_code_map, read_countries, read_products
from flows.ingest.tables.trade_load import FileOutcome
from flows.ingest.tables.views import table_view
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
    except (comtrade.ComtradeResponseError, UnreadableTable) as err:  # a decompression bomb is one
        forget_file(con, rel)
        return FileOutcome(0, 0, file_quarantine(rel, str(err)))
    except UNREADABLE as err:
        # the file broke off while it was read (a truncated gzip): none of it loads
        forget_file(con, rel)
        return FileOutcome(0, 0, file_quarantine(rel, f"could not be read as {fmt}: {err}"))
    except duckdb.Error:
        raise  # DuckDB has aborted the transaction: the run cannot go on, and rolls back whole
    except Exception as err:  # noqa: BLE001 - a reader bug that bad input triggers costs this file, not the run
        forget_file(con, rel)
        return FileOutcome(0, 0, file_quarantine(rel, f"could not be read as {fmt} ({type(err).__name__}: {err})"[:500]))
    if fmt in REFERENCE or fmt in COMPANIONS:
        # reference tables come from the bundled copy; BACI's companions add nothing the map lacks
        return FileOutcome(0, 0, pl.DataFrame(schema=QUARANTINE_SCHEMA))
    return FileOutcome(0, 0, file_quarantine(rel, "not a table layout dyad reads (Comtrade API v1 JSON or CSV, "
                                                  "Comtrade legacy CSV, BACI, published figures)"))


def forget_file(con: duckdb.DuckDBPyConnection, rel: str) -> None:
    """Remove what a file loaded before it failed: a file loads whole or as its good rows, never half read."""
    con.execute("delete from fact_trade where source_file = $f", {"f": rel})
    con.execute("delete from fact_trade_reported where source = $f", {"f": rel})


def shift_lines(con: duckdb.DuckDBPyConnection, rel: str, outcome: FileOutcome, skipped: int) -> FileOutcome:
    """Row references of a file read through a copy without its first `skipped` lines (Excel's 'sep=;' line), made
    to name the file's own lines again: 'line 2' of the copy is 'line 3' of the file."""
    shifted = pl.format("line {}", pl.col("row_ref").str.slice(5).cast(pl.Int64, strict=False) + skipped)
    quarantine = outcome.quarantine.with_columns(
        pl.when(pl.col("row_ref").str.starts_with("line ")).then(shifted).otherwise(pl.col("row_ref")).alias("row_ref"))
    for table, column in (("fact_trade", "source_file"), ("fact_trade_reported", "source")):
        con.execute(f"update {table} set row_ref = 'line ' || (cast(substr(row_ref, 6) as bigint) + $n) "
                    f"where {column} = $f and row_ref like 'line %'", {"n": skipped, "f": rel})
    return FileOutcome(outcome.rows_in, outcome.loaded, quarantine)


@lru_cache(maxsize=1)
def bundled_lookups() -> pa.Table:
    """The bundled code map and HS codes as stage_trade.sql looks them up (lookups.py), built once a process."""
    reference = bundled_reference()
    return lookups.lookup_table(reference["country_code_map"], reference["dim_product"])


def register_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Expose the code map and HS codes to the staging SQL as lookups (lookups.py)."""
    lookups.register(con, bundled_lookups())


def unregister_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Remove what register_reference added."""
    lookups.unregister(con)


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


def _ingest_one(con: duckdb.DuckDBPyConnection, path: Path, rel: str) -> tuple[pl.DataFrame, dict[str, Any]]:
    """(quarantine rows, per-source line) for one statistics file: layout detected, rows loaded, bytes hashed.

    One file's whole life in one place, so that ingest_tables only orders the files and sums them up: a
    file swapped for a FIFO after discovery is refused before it is opened (reading it would block the run),
    and a file whose layout cannot be told ('notes.csv' with a header dyad does not know) is one quarantine row.
    """
    try:
        what = not_regular(path.stat().st_mode)
    except OSError as err:
        what = f"cannot read file: {err.strerror or err}"
    if what is not None:
        return file_quarantine(rel, what), {"source": rel, "format": "unknown", "sha256": None, "rows_in": 0,
                                            "loaded": 0, "quarantined": 0}
    # hashing a multi-GB file takes seconds: it runs beside DuckDB's load (hashlib frees the GIL)
    with ThreadPoolExecutor(max_workers=1) as pool:
        sha256 = pool.submit(sha256_of, path)
        try:
            with table_view(path) as (readable, skipped):
                fmt = detect_format(readable)
                outcome = ingest_file(con, readable, rel, fmt)
            if skipped:
                outcome = shift_lines(con, rel, outcome, skipped)
        except UnreadableTable as err:
            fmt, outcome = None, FileOutcome(0, 0, file_quarantine(rel, str(err)))
    return outcome.quarantine, {
        "source": rel, "format": fmt or "unknown", "sha256": sha256.result(),
        "rows_in": outcome.rows_in, "loaded": outcome.loaded,
        "quarantined": outcome.quarantine.filter((pl.col("row_ref") != "file") & (pl.col("source") == rel)).height,
    }


def _count_revised(quarantine: pl.DataFrame, per_source: list[dict[str, Any]]) -> None:
    """Move the rows a later file revised away from 'loaded' to 'quarantined' of the earlier file, in place.

    Why after the loop: the earlier file ('2022_v1.csv') has already counted a row as loaded when the later
    one ('2022_v2.csv') replaces it and quarantines it under the earlier file's name.
    """
    counted = quarantine.filter(pl.col("row_ref") != "file").group_by("source").len("n")
    per_file = dict(zip(counted["source"], counted["n"]))
    for entry in per_source:
        revised_away = per_file.get(entry["source"], 0) - entry["quarantined"]
        entry["quarantined"] += revised_away
        entry["loaded"] -= revised_away


def ingest_tables(con: duckdb.DuckDBPyConnection, paths: Sequence[Path], root: Path) -> TablesResult:
    """Detect, read, validate and write every statistics table into the open connection.

    Runs inside the caller's transaction with the DDL applied; never commits and never loads the
    reference tables. Files load in path order, so of two files with rows for the same reporter,
    partner, flow, product, period and source, the later one's rows replace the earlier one's, and the
    earlier one's are quarantined under its name (trade_load.replace_revised).
    """
    quarantines, per_source = [], []
    ordered = sorted(Path(given) for given in paths)
    for path in ordered:
        # what these files loaded last time goes first: a file read again must not be "revised" by its own
        # old rows in a file that sorts later and is read again after it
        forget_file(con, relative(path, root))
    register_reference(con)
    try:
        for path in ordered:
            file_rows, line = _ingest_one(con, path, relative(path, root))
            quarantines.append(file_rows)
            per_source.append(line)
    finally:
        unregister_reference(con)
    quarantine = pl.concat(quarantines) if quarantines else pl.DataFrame(schema=QUARANTINE_SCHEMA)
    _count_revised(quarantine, per_source)
    sources = pl.DataFrame(per_source, schema=PER_SOURCE_SCHEMA)
    statistics = sources.filter(pl.col("format").is_in(list(STATISTICS)))
    if statistics.height:
        record_sources(con, statistics)
    return TablesResult(
        rows_in=int(sources["rows_in"].sum()),
        loaded=int(sources["loaded"].sum()),
        quarantined=int(sources["quarantined"].sum()),
        quarantine=quarantine,
        per_source=sources,
    )
