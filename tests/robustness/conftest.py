"""Robustness fixtures: a DuckDB with the DDL and reference tables, and one Prefect test server for real runs."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import duckdb
import polars as pl
import pytest

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


@pytest.fixture
def warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory database with every table of sql/ddl and the reference dimensions loaded."""
    con = new_warehouse()
    yield con
    con.close()


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (~15 s once, instead of per flow run)."""
    from prefect.settings import temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield
