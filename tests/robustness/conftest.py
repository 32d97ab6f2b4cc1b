"""Robustness fixtures: a DuckDB with the DDL and reference tables (the Prefect test server is tests/conftest.py's)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.support.databases import new_warehouse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory database with every table of dyad's and the reference dimensions loaded."""
    con = new_warehouse()
    yield con
    con.close()


