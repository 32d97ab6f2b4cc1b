"""The dyad command: parses options and calls flows; no logic of its own."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import Settings, configure_prefect_environment

app = typer.Typer(
    name="dyad",
    help="Turn news articles and trade statistics about two countries into a DuckDB reporting database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

SourcesOption = Annotated[Optional[Path], typer.Option("--sources", help="Folder with documents/ and tables/ (default: the bundled sources/).")]
DbOption = Annotated[Optional[Path], typer.Option("--db", help="DuckDB file to build (default: dyad.duckdb, or $DYAD_DB).")]


def _fail(message: str, debug: bool, exc: BaseException | None = None) -> None:
    if debug and exc is not None:
        raise exc
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(1)


@app.command()
def run(
    sources: SourcesOption = None,
    db: DbOption = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait while another process holds the database.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    debug: Annotated[bool, typer.Option(help="Show the full traceback on errors.")] = False,
) -> None:
    """Run the whole pipeline: ingest, extract, transform and load into the DuckDB file, in one transaction."""
    settings = Settings().with_overrides(sources=sources, db=db)
    if not settings.sources.is_dir():
        _fail(f"sources folder {settings.sources} does not exist", debug)
    configure_prefect_environment()
    from prefect.settings import temporary_settings

    from flows.pipeline import pipeline

    try:
        # The per-run heartbeat thread costs ~1 s at exit and buys nothing for a batch run (STACK.md).
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            summary = pipeline(sources=str(settings.sources), db=str(settings.db), wait_seconds=wait)
    except Exception as exc:  # noqa: BLE001 - one clear line for people, the traceback behind --debug
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    if as_json:
        out.print_json(json.dumps(asdict(summary), default=str))
    elif not quiet:
        _print_summary(summary)


def _print_summary(summary) -> None:
    table = Table(title=f"dyad run {summary.run_id}", show_header=False, title_justify="left")
    for label, value in [
        ("database", summary.db),
        ("sources", summary.sources),
        ("documents", summary.documents),
        ("events (mentions)", f"{summary.events} ({summary.event_mentions})"),
        ("people", summary.people),
        ("trade claims / figures", f"{summary.trade_claims} / {summary.figures}"),
        ("trade rows loaded", summary.trade_rows),
        ("rows quarantined", f"{summary.quarantined}" + (" (see: dyad quarantine)" if summary.quarantined else "")),
        ("time taken", f"{summary.seconds:.1f} s"),
    ]:
        table.add_row(label, str(value))
    out.print(table)


@app.command()
def sql(
    query: Annotated[Optional[str], typer.Argument(help="SQL to run; without it, an interactive session.")] = None,
    db: DbOption = None,
    write: Annotated[bool, typer.Option("--write", help="Open the database for writing (default: read-only).")] = False,
    debug: Annotated[bool, typer.Option(help="Show the full traceback on errors.")] = False,
) -> None:
    """Run SQL against the database and print a table (read-only unless --write)."""
    from flows.shell import print_query, repl

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        _fail(f"database {settings.db} does not exist: run `dyad run` first", debug)
    try:
        if query is None:
            repl(settings.db, read_only=not write)
        else:
            print_query(settings.db, query, read_only=not write, console=out)
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)


@app.command()
def quarantine(
    db: DbOption = None,
    all_runs: Annotated[bool, typer.Option("--all", help="Every run, not only the last one.")] = False,
) -> None:
    """List the rows the last run rejected, with the reason and where they came from."""
    from flows.shell import print_query

    settings = Settings().with_overrides(db=db)
    where = "" if all_runs else "where run_id = (select max(run_id) from etl_run)"
    print_query(settings.db, f"select run_id, stage, source, row_ref, reason, left(raw, 80) as raw "
                             f"from quarantine {where} order by run_id, stage, source", read_only=True, console=out)


def main() -> None:
    """Entry point for `python -m flows.cli`."""
    app()


if __name__ == "__main__":
    sys.exit(main())
