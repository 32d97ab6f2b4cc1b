"""A scratch DuckDB with the trade tables, the bundled reference and the trade views, and a loader."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import duckdb
import pytest

from flows.ingest.tables import TablesResult, bundled_reference, ingest_tables

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "tables"
TRADE_VIEWS = [
    "v_trade_reported", "v_trade_annual_products", "v_trade_annual", "v_trade_mirror", "v_trade_composition",
    "v_trade_turnover", "v_trade_sections",
]
def trade_database() -> duckdb.DuckDBPyConnection:
    """An in-memory database with every table of sql/ddl, the reference dimensions and the trade views."""
    con = duckdb.connect()
    for path in sorted((ROOT / "sql" / "ddl").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    for name, frame in bundled_reference().items():
        con.register("reference_frame", frame)
        con.execute(f"insert into {name} by name select * from reference_frame")
        con.unregister("reference_frame")
    for name in [*TRADE_VIEWS, "v_trade_claims_vs_statistics"]:
        con.execute((ROOT / "sql" / "views" / f"{name}.sql").read_text())
    return con


@pytest.fixture
def db() -> duckdb.DuckDBPyConnection:
    con = trade_database()
    yield con
    con.close()


@pytest.fixture
def load(db: duckdb.DuckDBPyConnection) -> Callable[[Sequence[Path]], TablesResult]:
    """Load files into db inside one transaction, as the pipeline does."""

    def run(paths: Sequence[Path], root: Path = FIXTURES) -> TablesResult:
        db.execute("begin")
        try:
            result = ingest_tables(db, list(paths), root)
        except Exception:
            db.execute("rollback")
            raise
        db.execute("commit")
        return result

    return run


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> list[tuple]:
    """All rows of a query (fetchall leaves no unfinished result on the connection)."""
    return con.execute(sql, params or {}).fetchall()
