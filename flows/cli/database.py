"""`dyad check` (the data audits on an existing database, like `dbt test`) and `dyad docs` (what every
table, view and column holds)."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Callable, Optional, TypeVar

import typer
from rich.table import Table

from flows.cli.common import DbOption, DebugOption, JsonOption, WaitOption, fail, out
from flows.settings import Settings

T = TypeVar("T")


def _read_database(db: Optional[object], wait: float, debug: bool, read: Callable[[object], T]) -> tuple[Settings, T]:
    """What `read(connection)` returns from the existing database, opened read-only; a clear line if it fails."""
    from flows.warehouse import connect

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        fail(f"database {settings.db} does not exist: run `dyad run` first", debug)
    try:
        with connect(settings.db, wait_seconds=wait, read_only=True) as con:
            return settings, read(con)
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)


def check(
    db: DbOption = None,
    wait: WaitOption = 0.0,
    as_json: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Run the data audits (sql/checks and the keys of sql/star.yml) on the database; exits 1 on a violation."""
    from flows.warehouse.audits import run_audits

    settings, results = _read_database(db, wait, debug, lambda con: run_audits(con, Settings().sql_dir))
    failed = [r for r in results if not r.passed]
    if as_json:
        out.print_json(json.dumps([{**asdict(r), "passed": r.passed} for r in results], default=str))
    else:
        table = Table(title=f"{len(results)} audits on {settings.db}: {len(failed)} failed", title_justify="left")
        for column in ("audit", "result", "violations", "example / error"):
            table.add_column(column, overflow="fold")
        for r in sorted(results, key=lambda r: (r.passed, r.name)):
            if r.passed and failed:
                continue  # with failures, show only them; all passing, show the list
            table.add_row(r.name, "[green]pass[/]" if r.passed else "[bold red]FAIL[/]", str(r.violations),
                          r.error or (str(r.examples[0]) if r.examples else r.description))
        out.print(table)
    raise typer.Exit(1 if failed else 0)


def docs(
    name: Annotated[Optional[str], typer.Argument(help="One table or view: its columns. Without it, every object.")] = None,
    db: DbOption = None,
    wait: WaitOption = 0.0,
    as_json: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """List the views and tables with what they hold, or one object's columns (the database's own comments)."""
    from flows.warehouse.describe import catalog

    _, rows = _read_database(db, wait, debug, catalog)
    if name is not None:
        rows = [r for r in rows if r["name"] == name]
        if not rows:
            fail(f"no table or view named {name!r}: `dyad docs` lists them", debug)
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    if name is None:
        table = Table(title="dyad.duckdb: views (what to query) and tables", title_justify="left")
        for column in ("kind", "name", "description"):
            table.add_column(column, overflow="fold")
        seen = set()
        for row in rows:
            if row["name"] not in seen:
                seen.add(row["name"])
                table.add_row(row["kind"], row["name"], row["description"] or "")
    else:
        table = Table(title=f"{rows[0]['kind']} {name}: {rows[0]['description'] or ''}", title_justify="left")
        for column in ("column", "type", "description"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(row["column_name"], row["data_type"], row["column_description"] or "")
    out.print(table)
