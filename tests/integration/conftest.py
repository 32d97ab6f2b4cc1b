"""Integration fixtures: real flow runs into DuckDB files in tmp, on the session's Prefect test server
(tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="session")
def run_pipeline(prefect_server):
    """Run the real pipeline flow: run_pipeline(sources, db) -> RunSummary."""
    from flows.orchestrate.pipeline import pipeline

    def _run(sources: Path, db: Path, full: bool = False):
        return pipeline(sources=str(sources), db=str(db), full=full)

    return _run


@pytest.fixture(scope="session")
def bundled_db(run_pipeline, tmp_path_factory, project_root: Path) -> Path:
    """The bundled sources built once into a database shared by read-only tests."""
    db = tmp_path_factory.mktemp("bundled") / "dyad.duckdb"
    run_pipeline(project_root / "sources", db)
    return db


@pytest.fixture
def bundled_copy(bundled_db: Path, tmp_path: Path) -> Path:
    """A writable copy of the session's bundled build (tmp_path/dyad.duckdb), for a test that starts from a built
    database and changes it: the copy costs a file copy where a build costs a flow run (a few seconds each)."""
    import shutil

    db = tmp_path / "dyad.duckdb"
    shutil.copyfile(bundled_db, db)
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


HISTORY = {"etl_run", "etl_run_stage", "quarantine", "dyad_schema"}


def table_contents(db: Path, exclude: set[str] = HISTORY) -> dict[str, list[str]]:
    """Every table's rows (sorted reprs) but the run history: what 'the same database' means."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'main' and table_type = 'BASE TABLE' "
                                            "order by 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f'select * from "{t}"').fetchall())) for t in tables if t not in exclude}


@pytest.fixture
def db_content():
    """db_content(db) -> {table: sorted rows}, history tables left out."""
    return table_contents


@pytest.fixture(scope="session")
def prefect_api_env(prefect_server) -> dict[str, str]:
    """Environment for a `dyad` subprocess that uses the session's test server (no 20 s temporary server)."""
    import os

    from prefect.settings import get_current_settings

    env = {**os.environ, "PREFECT_API_URL": str(get_current_settings().api.url)}
    env.pop("DYAD_FAULT_PAUSE", None)
    return env
