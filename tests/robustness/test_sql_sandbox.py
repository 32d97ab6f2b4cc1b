"""`dyad sql` reaches only the database file unless --unsafe; what it prints is the data, never markup or escapes;
`dyad export --format csv` writes no cell a spreadsheet would run unless --raw."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from rich.console import Console
from typer.testing import CliRunner

from flows.cli.app import app
from flows.cli.shell import repl

SECRET = "s3cr3t-line-outside-the-database"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with values that would be markup, a link, an escape sequence or a formula."""
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table fact_note (id integer, note varchar)")
        con.execute("insert into fact_note values (1, '[/b] closes nothing'), (2, '[link=http://198.51.100.7]x[/link]'),"
                    " (3, chr(27) || '[2J' || 'cleared'), (4, '=HYPERLINK(\"http://198.51.100.7\",\"click\")'),"
                    " (5, '-2+3'), (6, 'plain')")
        con.execute("create view v_note as select * from fact_note")
        con.execute('create table "x"" ; drop table fact_note; --" (a integer)')
    (tmp_path / "outside.csv").write_text(f"line\n{SECRET}\n", encoding="utf-8")
    return path


def sql(db: Path, query: str, *flags: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["sql", "--db", str(db), *flags, query], env={"COLUMNS": "250"})
    return result.exit_code, result.output


@pytest.mark.parametrize("query", [
    "select * from read_csv('{outside}')",
    "select * from '{outside}'",
    "select content from read_text('{outside}')",
    "attach '{other}' as other",
    "select * from glob('{dir}/*')",
    "select * from read_blob('{outside}')",
    "select * from sniff_csv('{outside}')",
    "select * from read_json_auto('{dir}/outside.json')",
    "import database '{dir}'",
    "copy fact_note from '{outside}'",
    "select * from read_csv('http://198.51.100.7/x.csv')",
    "select content from read_text('/proc/self/environ')",
    "create secret leak (type s3, key_id 'a', secret 'b')",
])
def test_reading_outside_the_database_is_refused(db: Path, query: str) -> None:
    (db.parent / "outside.json").write_text(f'{{"line": "{SECRET}"}}', encoding="utf-8")
    code, output = sql(db, query.format(outside=db.parent / "outside.csv", other=db.parent / "other.duckdb",
                                        dir=db.parent))
    assert code == 1 and "Permission Error" in output and SECRET not in output
    assert not (db.parent / "other.duckdb").exists()


@pytest.mark.parametrize("query, written", [
    ("copy fact_note to '{dir}/copied.csv'", "copied.csv"),
    ("export database '{dir}/exported'", "exported"),
])
def test_writing_outside_the_database_is_refused(db: Path, query: str, written: str) -> None:
    code, output = sql(db, query.format(dir=db.parent), "--write")
    assert code == 1 and "Permission Error" in output
    assert not (db.parent / written).exists()


@pytest.mark.parametrize("query", ["install httpfs", "load httpfs", "load '/tmp/evil.duckdb_extension'",
                                   "set enable_external_access = true", "set lock_configuration = false",
                                   "set autoinstall_known_extensions = true", "reset enable_external_access"])
def test_extensions_and_undoing_the_lock_are_refused(db: Path, query: str) -> None:
    code, output = sql(db, query)
    assert code == 1 and ("Permission Error" in output or "configuration has been locked" in output), output


def test_the_locked_settings_are_those_of_the_sandbox(db: Path) -> None:
    code, output = sql(db, "select current_setting('enable_external_access') as ext, "
                           "current_setting('autoload_known_extensions') as autoload, "
                           "current_setting('lock_configuration') as locked", "--json")
    assert code == 0 and '"ext": false' in output and '"autoload": false' in output and '"locked": true' in output


def test_unsafe_lifts_the_sandbox_and_help_says_so(db: Path) -> None:
    code, output = sql(db, f"select * from read_csv('{db.parent / 'outside.csv'}')", "--unsafe")
    assert code == 0 and SECRET in output
    code, output = sql(db, f"copy fact_note to '{db.parent / 'copied.csv'}'", "--unsafe")
    assert code == 0 and (db.parent / "copied.csv").exists()
    help_text = CliRunner().invoke(app, ["sql", "--help"], env={"COLUMNS": "250"}).output
    assert "--unsafe" in help_text and "sandbox" in help_text


def test_values_print_as_text_not_markup_or_terminal_escapes(db: Path) -> None:
    code, output = sql(db, "select id, note from fact_note order by id")
    assert code == 0, output
    assert "[/b] closes nothing" in output
    assert "[link=http://198.51.100.7]x[/link]" in output
    assert "\x1b" not in output and "\\u001b[2Jcleared" in output


def test_an_error_quoting_markup_is_printed_not_crashed_on(db: Path) -> None:
    code, output = sql(db, "select cast('[/b]' as integer)")
    assert code == 1 and "[/b]" in output and "MarkupError" not in output


def test_dot_tables_quotes_the_names_it_reads_from_the_file(db: Path) -> None:
    out = io.StringIO()
    repl(db, console=Console(file=out, width=250, color_system=None), stdin=io.StringIO(".tables\n.schema fact_note\n"))
    text = out.getvalue()
    assert 'x" ; drop table fact_note; --' in text and "fact_note" in text
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from fact_note").fetchone() == (6,)
    assert "│ note        │ VARCHAR" in text


def test_csv_export_neutralises_formula_cells_unless_raw(db: Path, tmp_path: Path) -> None:
    def notes(flags: list[str]) -> dict[str, str]:
        target = tmp_path / ("raw" if flags else "safe")
        result = CliRunner().invoke(app, ["export", "--db", str(db), "--to", str(target), "--format", "csv",
                                          "--quiet", *flags])
        assert result.exit_code == 0, result.output
        with (target / "v_note.csv").open(encoding="utf-8", newline="") as handle:
            return {row["id"]: row["note"] for row in csv.DictReader(handle)}

    safe = notes([])
    assert safe["4"] == "'=HYPERLINK(\"http://198.51.100.7\",\"click\")" and safe["5"] == "'-2+3"
    assert safe["6"] == "plain" and safe["1"] == "[/b] closes nothing"
    raw = notes(["--raw"])
    assert raw["4"] == "=HYPERLINK(\"http://198.51.100.7\",\"click\")" and raw["5"] == "-2+3"


def test_sql_csv_output_neutralises_formula_cells_unless_raw(db: Path) -> None:
    code, safe = sql(db, "select id, note from fact_note where id in (4, 5, 6) order by id", "--csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(safe)))
    assert rows == [["id", "note"], ["4", "'=HYPERLINK(\"http://198.51.100.7\",\"click\")"], ["5", "'-2+3"],
                    ["6", "plain"]]
    code, raw = sql(db, "select note from fact_note where id = 4", "--csv", "--raw")
    assert list(csv.reader(io.StringIO(raw)))[1] == ["=HYPERLINK(\"http://198.51.100.7\",\"click\")"]
