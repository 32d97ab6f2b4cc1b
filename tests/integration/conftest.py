"""Integration fixtures: one Prefect test server for the session, real flow runs into DuckDB files in tmp."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (~15 s once, instead of per flow run)."""
    from prefect.settings import temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield


@pytest.fixture(scope="session")
def run_pipeline(prefect_server):
    """Run the real pipeline flow: run_pipeline(sources, db) -> RunSummary."""
    from flows.pipeline import pipeline

    def _run(sources: Path, db: Path):
        return pipeline(sources=str(sources), db=str(db))

    return _run


@pytest.fixture(scope="session")
def bundled_db(run_pipeline, tmp_path_factory, project_root: Path) -> Path:
    """The bundled sources built once into a database shared by read-only tests."""
    db = tmp_path_factory.mktemp("bundled") / "dyad.duckdb"
    run_pipeline(project_root / "sources", db)
    return db


@pytest.fixture
def query(bundled_db: Path):
    """query(sql, params) -> list of dict rows against the bundled database."""
    def _query(sql: str, params: list | None = None) -> list[dict]:
        with duckdb.connect(str(bundled_db), read_only=True) as con:
            cursor = con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
    return _query
