"""An in-memory warehouse with the DDL and the reference dimensions: for the `warehouse` fixture and for tests that
need a second one (a module of its own: `from conftest import ...` finds whichever conftest.py pytest imported
first, tests/unit/tables' in a full run)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def reference_frames() -> dict[str, pl.DataFrame]:
    """The bundled reference dimensions, read once a session."""
    from flows.ingest.tables import read_reference

    return read_reference(ROOT / "sources" / "tables")


def new_warehouse() -> duckdb.DuckDBPyConnection:
    """An in-memory database with every table of sql/ddl and the reference dimensions loaded."""
    con = duckdb.connect()
    for path in sorted((ROOT / "sql" / "ddl").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    for name, frame in reference_frames().items():
        con.register("reference_frame", frame)
        con.execute(f'insert into "{name}" by name select * from reference_frame')
        con.unregister("reference_frame")
    return con
