"""Expose a table file to DuckDB as the temp view trade_source (rn = record number), without reading it into Python."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import duckdb
import polars as pl

from flows.ingest.tables.detect import is_gzip
from flows.ingest.tables.trade_load import quote


def file_encoding(path: Path) -> str:
    """utf-8 when the first megabyte decodes as UTF-8, else latin-1 (old Comtrade downloads)."""
    import gzip

    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
        head = fh.read(1 << 20)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # a character cut at the end of the sample is not an error
            return "latin-1"
    return "utf-8"


def read_csv_sql(path: Path, **options: str) -> str:
    """read_csv(...) of a file, every column as text, gzip told from the bytes rather than the name."""
    extra = "".join(f", {k} = {v}" for k, v in options.items())
    compression = "gzip" if is_gzip(path) else "none"
    return (
        f"read_csv({quote(str(path))}, header = true, all_varchar = true, compression = '{compression}', "
        f"encoding = '{file_encoding(path)}'{extra})"
    )


def missing_columns_sql(con: duckdb.DuckDBPyConnection, relation: str, wanted: Iterable[str]) -> str:
    """', null as col' for each wanted column the relation lacks (names compared case-insensitively)."""
    have = {row[0].lower() for row in con.execute(f"describe select * from {relation}").fetchall()}
    return "".join(f', cast(null as varchar) as "{c}"' for c in wanted if c.lower() not in have)


def open_csv(con: duckdb.DuckDBPyConnection, path: Path, wanted: Iterable[str], **options: str) -> None:
    """trade_source over a CSV file read by DuckDB (streamed, never in Python memory)."""
    relation = read_csv_sql(path, **options)
    missing = missing_columns_sql(con, relation, wanted)
    # row_number() over () numbers rows in file order: DuckDB keeps insertion order by default
    con.execute(
        f"create or replace temp view trade_source as "
        f"select row_number() over () as rn, *{missing} from {relation}"
    )


def open_frame(con: duckdb.DuckDBPyConnection, frame: pl.DataFrame, wanted: Iterable[str]) -> None:
    """trade_source over an in-memory frame (JSON responses, which are small)."""
    have = {c.lower() for c in frame.columns}
    frame = frame.with_columns(pl.lit(None, pl.Utf8).alias(c) for c in wanted if c.lower() not in have)
    con.register("trade_source_frame", frame.with_row_index("rn", offset=1))
    con.execute("create or replace temp view trade_source as select * from trade_source_frame")


def close_source(con: duckdb.DuckDBPyConnection) -> None:
    """Drop trade_source and anything registered behind it."""
    con.execute("drop view if exists trade_source")
    try:
        con.unregister("trade_source_frame")
    except duckdb.Error:
        pass
