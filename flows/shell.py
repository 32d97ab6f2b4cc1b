"""Ad-hoc SQL on the database: one query printed as a table, or a small interactive session."""
from __future__ import annotations

from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

MAX_ROWS = 200


def query_table(con: duckdb.DuckDBPyConnection, query: str, max_rows: int = MAX_ROWS) -> Table:
    """A rich table of a query's first max_rows rows."""
    cursor = con.execute(query)
    table = Table(show_lines=False)
    if cursor.description is None:
        table.add_column("ok")
        return table
    for column in cursor.description:
        table.add_column(column[0], overflow="fold")
    rows = cursor.fetchmany(max_rows + 1)
    for row in rows[:max_rows]:
        table.add_row(*("NULL" if v is None else str(v) for v in row))
    if len(rows) > max_rows:
        table.caption = f"first {max_rows} rows shown"
    return table


def print_query(db: Path, query: str, *, read_only: bool = True, console: Console | None = None) -> None:
    """Run one query and print its result."""
    with duckdb.connect(str(db), read_only=read_only) as con:
        (console or Console()).print(query_table(con, query))


def repl(db: Path, *, read_only: bool = True) -> None:
    """A minimal SQL prompt: statements end with ';', '.quit' or Ctrl-D leaves."""
    console = Console()
    console.print(f"dyad sql on {db} ({'read-only' if read_only else 'read-write'}); end statements with ';', .quit to leave")
    with duckdb.connect(str(db), read_only=read_only) as con:
        buffer: list[str] = []
        while True:
            try:
                line = input("dyad> " if not buffer else "  ...> ")
            except EOFError:
                break
            if not buffer and line.strip() in {".quit", ".exit", "\\q"}:
                break
            buffer.append(line)
            if line.rstrip().endswith(";"):
                try:
                    console.print(query_table(con, "\n".join(buffer)))
                except duckdb.Error as exc:
                    console.print(f"[red]{exc}[/]")
                buffer = []
