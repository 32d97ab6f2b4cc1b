"""Opening dyad's DuckDB file and reading query results as Polars frames: the warehouse API other rooms use."""
from __future__ import annotations

import time
from pathlib import Path

import duckdb
import polars as pl

from flows.warehouse.lock import DatabaseLockedError


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """A query's whole result as a Polars frame, through Arrow (duckdb 2 has no .pl() on execute results)."""
    return pl.from_arrow(con.sql(sql, params=params or None).to_arrow_table())


def connect(db_path: Path, *, wait_seconds: float = 0.0, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting up to wait_seconds while another process holds its lock."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                holder = str(exc).split("Conflicting lock is held in", 1)[-1].strip() if "Conflicting" in str(exc) else ""
                raise DatabaseLockedError(
                    f"{db_path} is locked by another process{f' ({holder})' if holder else ''}; "
                    "wait for it to finish (or pass --wait SECONDS)"
                ) from exc
            time.sleep(0.5)
