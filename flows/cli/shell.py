"""Ad-hoc SQL on the database: one query printed as a table, or an interactive session (harlequin when it
is installed beside dyad and the sandbox is lifted, else a prompt with history, multi-line statements and
dot commands).

The session is a sandbox unless `unsafe`: a database file can hold views that read files, and a query typed
from a how-to can write anywhere, so DuckDB is opened with no file system or network access beyond the
database itself, no extension installed or loaded, and the configuration locked so `SET` cannot undo it.
What is printed comes from the file too: values are shown as plain text (never Rich markup) with control
characters made visible, so a crafted value cannot hide a link, break the table or move the cursor.
"""
from __future__ import annotations

import atexit
import os
import re
import sys
import time
from pathlib import Path
from typing import TextIO

import duckdb
from rich.console import Console
from rich.table import Table
from rich.text import Text

from flows.warehouse.objects import quote_ident, relations, report_views

MAX_ROWS = 200
# DuckDB options of a sandboxed session; lock_configuration last, or the others could not be set.
SANDBOX = {
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    "allow_community_extensions": "false",
    "lock_configuration": "true",
}
# C0/C1 controls (escape sequences), and the bidi and zero-width characters that reorder or hide text.
_UNPRINTABLE_RX = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def open_database(db: Path, *, read_only: bool = True, unsafe: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to db: sandboxed (only the database file is reachable) unless unsafe."""
    return duckdb.connect(str(db), read_only=read_only, config={} if unsafe else dict(SANDBOX))


def printable(value: object) -> Text:
    """A value as literal terminal text: markup is not interpreted, control characters are shown as escapes."""
    text = "NULL" if value is None else str(value)
    return Text(_UNPRINTABLE_RX.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def query_table(con: duckdb.DuckDBPyConnection, query: str, max_rows: int = MAX_ROWS) -> Table:
    """A rich table of a query's first max_rows rows."""
    cursor = con.execute(query)
    table = Table(show_lines=False)
    if cursor.description is None:
        table.add_column("ok")
        return table
    for column in cursor.description:
        table.add_column(printable(column[0]), overflow="fold")
    rows = cursor.fetchmany(max_rows + 1)
    for row in rows[:max_rows]:
        table.add_row(*(printable(v) for v in row))
    if len(rows) > max_rows:
        table.caption = f"first {max_rows} rows shown"
    return table


def query_rows(db: Path, query: str, *, read_only: bool = True, unsafe: bool = False) -> list[dict]:
    """Every row of one query as a dict, for scripts (`dyad sql --json`)."""
    with open_database(db, read_only=read_only, unsafe=unsafe) as con:
        cursor = con.execute(query)
        if cursor.description is None:
            return []
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading ' (OWASP's CSV-injection rule)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write_csv(db: Path, query: str, stream: TextIO, *, read_only: bool = True, unsafe: bool = False,
              raw: bool = False, batch: int = 10_000) -> int:
    """Every row of one query as CSV with a header (for spreadsheets and pipes), formula cells defused unless
    raw; returns the rows written."""
    import csv

    with open_database(db, read_only=read_only, unsafe=unsafe) as con:
        cursor = con.execute(query)
        if cursor.description is None:
            return 0
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([d[0] for d in cursor.description])
        written = 0
        while rows := cursor.fetchmany(batch):
            writer.writerows(["" if v is None else v if raw else formula_safe(v) for v in row] for row in rows)
            written += len(rows)
        return written


def print_query(db: Path, query: str, *, read_only: bool = True, unsafe: bool = False,
                console: Console | None = None) -> None:
    """Run one query and print its result."""
    with open_database(db, read_only=read_only, unsafe=unsafe) as con:
        (console or Console()).print(query_table(con, query))


HISTORY = Path.home() / ".dyad_sql_history"
HELP = """statements end with ';' and may span lines; Ctrl-C drops the statement being typed
  .tables          tables and views with their row counts
  .views           the report views (what `dyad export` writes)
  .schema NAME     the columns of a table or view
  .timer on|off    print how long each statement took
  .help            this text
  .quit            leave (or Ctrl-D)"""


def harlequin_command(db: Path, *, read_only: bool = True) -> list[str] | None:
    """The command that opens db in harlequin (a terminal SQL IDE) when it is installed beside dyad, else None.

    Harlequin opens DuckDB itself, outside dyad's sandbox, so `repl` uses it only when the sandbox is lifted.

    Only a harlequin in dyad's own environment is used: it then runs dyad's DuckDB, which can open the file
    (a harlequin of its own may bring a DuckDB that cannot read a 2.x database).
    """
    executable = Path(sys.executable).with_name("harlequin")
    if not executable.exists():
        return None
    return [str(executable), *(["--read-only"] if read_only else []), str(db)]


def dot_command(con: duckdb.DuckDBPyConnection, line: str, console: Console, state: dict) -> bool:
    """Run one dot command; False when it asks to leave."""
    command, _, argument = line.strip().partition(" ")
    argument = argument.strip().strip(";")
    if command in {".quit", ".exit", "\\q"}:
        return False
    if command == ".help":
        console.print(HELP, highlight=False)
    elif command in {".tables", ".views"}:
        kinds = {v: "view" for v in report_views(con)} if command == ".views" else relations(con)
        table = Table("name", "kind", "rows")
        for name, kind in kinds.items():
            # the name comes from the file: quoted, so a crafted name is a name and never SQL
            count = con.execute(f"select count(*) from {quote_ident(name)}").fetchone()[0]
            table.add_row(printable(name), kind, f"{count:,}")
        console.print(table)
    elif command == ".schema" and argument:
        cursor = con.execute("select column_name, data_type, is_nullable from information_schema.columns "
                             "where table_name = ? order by ordinal_position", [argument])
        table = Table("column_name", "data_type", "is_nullable")
        for row in cursor.fetchall():
            table.add_row(*(printable(v) for v in row))
        console.print(table)
    elif command == ".timer" and argument in {"on", "off"}:
        state["timer"] = argument == "on"
    else:
        console.print(Text.assemble(("unknown command ", "red"), printable(repr(line.strip())),
                                    ": .help lists them"))
    return True


def _enable_history() -> None:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input() still works
        return
    try:
        readline.read_history_file(HISTORY)
    except OSError:
        pass
    readline.set_history_length(2000)
    atexit.register(lambda: _save_history(readline))


def _save_history(readline) -> None:
    try:
        readline.write_history_file(HISTORY)
    except OSError:
        pass


def repl(db: Path, *, read_only: bool = True, unsafe: bool = False, console: Console | None = None,
         use_harlequin: bool = True, stdin: TextIO | None = None) -> int:
    """An SQL session: harlequin when installed, unsafe and on a terminal, else a line-editing prompt.

    Returns how many statements failed, so piped SQL (`dyad sql < script.sql`) can exit non-zero.
    """
    stdin = stdin or sys.stdin
    interactive = stdin.isatty()
    command = harlequin_command(db, read_only=read_only) if use_harlequin and unsafe and interactive else None
    if command:
        os.execv(command[0], command)  # harlequin takes over the terminal; nothing of ours runs after this
    console = console or Console()
    if interactive:
        _enable_history()
        mode = ("read-only" if read_only else "read-write") + ("" if unsafe else ", sandboxed")
        console.print(Text(f"dyad sql on {db} ({mode}); end statements with ';', .help for commands, "
                           ".quit to leave"), highlight=False)
    state = {"timer": False, "failed": 0}
    with open_database(db, read_only=read_only, unsafe=unsafe) as con:
        buffer: list[str] = []
        while True:
            try:
                line = input("dyad> " if not buffer else "  ...> ") if interactive else stdin.readline()
            except EOFError:
                break
            except KeyboardInterrupt:
                console.print("^C")
                buffer = []
                continue
            if not interactive and line == "":
                break
            line = line.rstrip("\n")
            if not buffer and line.strip().startswith((".", "\\q")):
                if not dot_command(con, line, console, state):
                    break
                continue
            if not buffer and not line.strip():
                continue
            buffer.append(line)
            if line.rstrip().endswith(";"):
                _run(con, "\n".join(buffer), console, state)
                buffer = []
        if buffer and "".join(buffer).strip():
            _run(con, "\n".join(buffer), console, state)  # piped SQL may end without ';'
    return state["failed"]


def _run(con: duckdb.DuckDBPyConnection, sql: str, console: Console, state: dict) -> None:
    started = time.perf_counter()
    try:
        console.print(query_table(con, sql))
    except duckdb.Error as exc:
        state["failed"] = state.get("failed", 0) + 1
        console.print(Text(f"{type(exc).__name__}: {exc}", style="red"), highlight=False)
    if state.get("timer"):
        console.print(f"[dim]{time.perf_counter() - started:.3f} s[/]")
