"""`dyad quarantine`: the last run's rejects under a line that says which run, how it ended and how many."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support.databases import new_warehouse


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with two runs: an older one that succeeded with two rejects, a newer one that failed."""
    path = tmp_path / "dyad.duckdb"
    with new_warehouse(database=str(path), reference=False) as con:
        runs = [("r1", datetime(2026, 1, 1, 8), "succeeded", None),
                ("r2", datetime(2026, 1, 2, 8), "failed", "ManifestError: sources.toml: not valid TOML")]
        for run_id, started, status, error in runs:
            con.execute("insert into etl_run (run_id, started_at, status, sources_dir, error) values (?, ?, ?, ?, ?)",
                        [run_id, started, status, "sources", error])
        con.execute("insert into etl_run_stage values ('r1', 'discover', 5, 2, 1, 2)")
        for ref, reason in (("file", "empty file"), ("line 7", "column 'value_usd': -5 is below 0")):
            con.execute("insert into quarantine values ('r1', 'ingest', 'documents/a.txt', ?, ?, null)", [ref, reason])
    return path


def invoke(*args: str):
    return CliRunner().invoke(app, ["quarantine", *args], env={"COLUMNS": "200"})


def test_the_last_run_failed(db: Path) -> None:
    result = invoke("--db", str(db))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "last run r2 (failed): 0 rows quarantined"
    assert lines[1] == "it failed and changed nothing: ManifestError: sources.toml: not valid TOML"
    assert "empty file" not in result.output


def test_all_runs_and_unchanged_files(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute("delete from etl_run where run_id = 'r2'")
    result = invoke("--db", str(db))
    lines = result.output.splitlines()
    assert lines[0] == "last run r1 (succeeded): 2 rows quarantined"
    assert lines[1].startswith("2 unchanged files were not read again")
    assert "empty file" in result.output and "is below 0" in result.output
    assert "line 7" in invoke("--db", str(db), "--all").output


def test_a_missing_database_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quarantine", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "does not exist: run `dyad run` first" in result.output
    assert not (tmp_path / "none.duckdb").exists()
