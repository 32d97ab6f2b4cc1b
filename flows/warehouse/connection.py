"""Opening dyad's DuckDB file and reading query results as Polars frames: the warehouse API other rooms use."""
from __future__ import annotations

import os
import time
from pathlib import Path

from typing import TYPE_CHECKING

import duckdb

from flows.warehouse.lock import DatabaseLockedError

if TYPE_CHECKING:  # Polars costs ~0.3 s to import: `dyad check` and `dyad export` open the database without it
    import polars as pl


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """A query's whole result as a Polars frame, through Arrow (duckdb 2 has no .pl() on execute results)."""
    import polars as pl

    return pl.from_arrow(con.sql(sql, params=params or None).to_arrow_table())


def connect(db_path: Path, *, wait_seconds: float = 0.0, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting up to wait_seconds while another process holds its lock."""
    deadline = time.monotonic() + wait_seconds
    if (problem := not_duckdb(db_path)) is not None:
        raise duckdb.IOException(problem)
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only, config=storage_config(db_path, read_only))
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


# The on-disk format dyad writes: the newest that DuckDB 1.4 and later read. DuckDB 2 writes version 69 by
# default, which the registry's `duckdb` CLI (1.5.6), DBeaver, R and older Python refuse ("database file with
# version number 69"); the format is fixed when a file is created, so every new file is created with this one.
STORAGE_VERSION = "v1.4.0"


# A file given as --db is opened by DuckDB as whatever it holds: a SQLite file made DuckDB fetch and load its
# sqlite extension from the network. dyad needs only the extensions built into the wheel (parquet, json, icu).
NO_EXTENSION_LOADING = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
SQLITE_MAGIC = b"SQLite format 3\x00"


def storage_config(db_path: Path, read_only: bool = False) -> dict[str, str | bool]:
    """Connect options for db_path: no extension fetched or loaded for what the file holds, and the readable
    storage version when this connection creates the file."""
    if read_only or Path(db_path).exists() or str(db_path) == ":memory:":
        return dict(NO_EXTENSION_LOADING)
    return {**NO_EXTENSION_LOADING, "storage_compatibility_version": STORAGE_VERSION}


def not_duckdb(db_path: Path) -> str | None:
    """Why an existing file is no DuckDB database in words a person understands, for the files DuckDB's own
    message would mislead about (a SQLite file: 'Install it first using INSTALL sqlite'); else None."""
    try:
        with open(db_path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return None  # missing (to be created) or unreadable: DuckDB's own error says which
    if head == SQLITE_MAGIC:
        return (f"{db_path} is a SQLite database, not a DuckDB one: dyad builds its own DuckDB file; "
                "pass another --db")
    return None


def storage_version(con: duckdb.DuckDBPyConnection) -> str:
    """The storage version of the connection's main database, as DuckDB names it ('v1.4.0+', 'v2.0.0+')."""
    row = con.execute("select tags['storage_version'] from duckdb_databases() "
                      "where database_name = current_database()").fetchone()
    return (row[0] or "") if row else ""


def rewrite_for_older_readers(db_path: Path, wait_seconds: float = 0.0) -> bool:
    """Copy a database written in DuckDB 2's own format into the readable one, then swap the file in.

    For databases built before dyad pinned its storage version; True when the file was rewritten. The copy is
    written beside the file and renamed over it, so a crash leaves the old file whole.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        return False
    with connect(db_path, wait_seconds=wait_seconds, read_only=True) as con:
        if storage_version(con).startswith(STORAGE_VERSION):
            return False
    partial = db_path.with_name(f".{db_path.name}.v14-partial")
    partial.unlink(missing_ok=True)
    with connect(db_path, wait_seconds=wait_seconds) as con:
        con.execute(f"attach '{_sql_text(partial)}' as _readable (storage_version '{STORAGE_VERSION}')")
        con.execute(f"copy from database \"{_database_name(con)}\" to _readable")
        con.execute("detach _readable")
    os.replace(partial, db_path)
    Path(f"{partial}.wal").unlink(missing_ok=True)
    return True


def _database_name(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("select current_database()").fetchone()[0]


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
