"""The smaller promises of the `dyad` command, in-process: --version, sources that hold nothing fail at once,
CSV output, and piped SQL that exits 1 after a failed statement."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support.databases import table_file

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return table_file(tmp_path / "s.duckdb", "fact_x", [(1, "one"), (2, 'a, "quoted" two'), (3, None)])


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("dyad 0.") and "DuckDB 2." in result.output and "v1.4.0" in result.output


def test_sources_with_neither_documents_nor_tables_fail_at_once(tmp_path: Path) -> None:
    (tmp_path / "src" / "misc").mkdir(parents=True)
    result = runner.invoke(app, ["run", "--sources", str(tmp_path / "src"), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1
    assert "has neither documents/ nor tables/" in result.output
    assert not (tmp_path / "d.duckdb").exists()


def test_sql_csv_prints_every_row_with_a_header(db: Path) -> None:
    result = runner.invoke(app, ["sql", "--csv", "--db", str(db), "select * from fact_x order by id"])
    assert result.exit_code == 0
    assert list(csv.reader(io.StringIO(result.output))) == [["id", "name"], ["1", "one"], ["2", 'a, "quoted" two'],
                                                            ["3", ""]]


def test_piped_sql_runs_every_statement_and_exits_1_after_a_failure(db: Path) -> None:
    result = runner.invoke(app, ["sql", "--db", str(db)], input="select 41 + 1 as answer;\nselect nope;\nselect 'after';\n")
    assert result.exit_code == 1
    assert "42" in result.output and "nope" in result.output and "after" in result.output
    ok = runner.invoke(app, ["sql", "--db", str(db)], input="select 1;\n")
    assert ok.exit_code == 0


def test_check_and_docs_say_what_is_wrong_on_a_database_that_is_not_dyads(db: Path) -> None:
    result = runner.invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 1
    assert "FAIL" in result.output and "grain_fact_event" in result.output   # the tables do not exist
    docs = runner.invoke(app, ["docs", "fact_x", "--db", str(db)])
    assert docs.exit_code == 0 and "name" in docs.output
    assert runner.invoke(app, ["docs", "nothing", "--db", str(db)]).exit_code == 1


def test_report_refuses_pair_and_all_together(db: Path) -> None:
    result = runner.invoke(app, ["report", "--all", "--pair", "AZE-BLR", "--db", str(db)])
    assert result.exit_code == 1 and "exclude each other" in result.output


def test_server_status_without_a_server_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    result = runner.invoke(app, ["server", "status"])
    assert result.exit_code == 1 and "not running" in result.output
