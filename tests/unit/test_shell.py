"""The SQL session: piped statements, dot commands, errors that do not end it, and the harlequin hand-over."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from flows.cli.shell import harlequin_command, repl
from tests.support.databases import table_file


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return table_file(tmp_path / "s.duckdb", "fact_x", [(1, "one"), (2, "two"), (3, "three")], {"v_x": "id > 1"})


def _session(db: Path, text: str) -> str:
    out = io.StringIO()
    repl(db, console=Console(file=out, width=200, color_system=None), stdin=io.StringIO(text))
    return out.getvalue()


def test_statements_span_lines_and_a_failing_one_does_not_end_the_session(db: Path) -> None:
    text = _session(db, "select name\n  from v_x\n  order by id;\nselect nope;\nselect count(*) as n from fact_x\n")
    first, rest = text.split("BinderException", 1)
    assert "│ two   │" in first and "│ three │" in first and "│ one" not in first
    assert "│ 3 │" in rest  # the last statement ran although the input ended without ';'


def test_dot_commands_list_relations_with_row_counts_and_columns(db: Path) -> None:
    tables = _session(db, ".tables\n")
    assert "│ fact_x │ table │ 3    │" in tables and "│ v_x    │ view  │ 2    │" in tables
    views = _session(db, ".views\n")
    assert "│ v_x  │ view │ 2    │" in views and "fact_x" not in views
    schema = _session(db, ".schema fact_x\n")
    assert "│ id          │ INTEGER" in schema and "│ name        │ VARCHAR" in schema
    assert "unknown command '.bogus'" in _session(db, ".bogus\n")


def test_quit_stops_reading(db: Path) -> None:
    text = _session(db, ".quit\nselect 'never' as x;\n")
    assert "never" not in text


def test_harlequin_is_used_only_from_dyads_own_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    assert harlequin_command(Path("d.duckdb")) is None
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "harlequin").write_text("#!/bin/sh\n")
    assert harlequin_command(Path("d.duckdb")) == [str(tmp_path / "bin" / "harlequin"), "--read-only", "d.duckdb"]
    assert harlequin_command(Path("d.duckdb"), read_only=False) == [str(tmp_path / "bin" / "harlequin"), "d.duckdb"]


def test_query_rows_for_scripts(db: Path) -> None:
    from flows.cli.shell import query_rows

    assert query_rows(db, "select id, name from v_x order by id") == [{"id": 2, "name": "two"}, {"id": 3, "name": "three"}]
