"""Robustness fixtures: a DuckDB with the DDL and reference tables, and one Prefect test server for real runs."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.support.databases import new_warehouse

ROOT = Path(__file__).resolve().parents[2]


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
