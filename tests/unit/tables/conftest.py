"""A scratch DuckDB with the trade tables, the bundled reference and the trade views, and a loader."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import duckdb
import pytest

from flows.ingest.tables import TablesResult
from tests.support.databases import new_warehouse
from tests.support.ingest import ingest_in_run

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "tables"
TRADE_VIEWS = [
    "v_trade_reported", "v_trade_annual_products", "v_trade_annual", "v_trade_mirror", "v_trade_composition",
    "v_trade_turnover", "v_trade_sections",
]


@pytest.fixture
def db() -> duckdb.DuckDBPyConnection:
    con = new_warehouse([*TRADE_VIEWS, "v_trade_claims_vs_statistics"])
    yield con
    con.close()


@pytest.fixture
def load(db: duckdb.DuckDBPyConnection) -> Callable[[Sequence[Path]], TablesResult]:
    """Load files into db inside one transaction, as the pipeline does."""

    def run(paths: Sequence[Path], root: Path = FIXTURES) -> TablesResult:
        return ingest_in_run(db, paths, root)

    return run


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> list[tuple]:
    """All rows of a query (fetchall leaves no unfinished result on the connection)."""
    return con.execute(sql, params or {}).fetchall()
