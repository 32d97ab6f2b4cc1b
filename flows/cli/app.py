"""The dyad command: parses options and calls flows; no logic of its own."""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from enum import Enum
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
    epilog="Start with `dyad run`, then look with `dyad report`, `dyad sql` or `dyad export`. For a daily run: "
           "`dyad server start`, then `dyad serve --cron '0 6 * * *' --export exports`. Every command takes --help.",
)
console = Console(stderr=True)
out = Console()



class ExportFormat(str, Enum):
    """File formats of `dyad export`."""

    parquet = "parquet"
    csv = "csv"


FormatOption = Annotated[ExportFormat, typer.Option("--format", help="parquet (trade views split by year) or csv.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON (for scripts).")]
DebugOption = Annotated[bool, typer.Option(help="Show the full traceback on errors.")]
WaitOption = Annotated[float, typer.Option(help="Seconds to wait while another process holds the database.")]
SourcesOption = Annotated[Optional[Path], typer.Option("--sources", help="Folder with documents/ and tables/ (default: the bundled sources/).")]
DbOption = Annotated[Optional[Path], typer.Option("--db", help="DuckDB file to build (default: dyad.duckdb, or $DYAD_DB).")]


def _prepare_prefect(debug: bool) -> None:
    """Prefect's environment before it is imported; its own error logs only with --debug (we print one line)."""
    if not debug:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    configure_prefect_environment()


@contextmanager
def _status(message: str, silent: bool) -> Iterator[None]:
    """A spinner on stderr naming the stage the run is in (none for --quiet/--json or off a terminal)."""
    if silent or not console.is_terminal:
        yield
        return
    from flows.orchestrate import progress

    with console.status(message) as status, progress.listening(
            lambda name, detail: status.update(f"[bold]{name}[/] {detail}")):
        yield


def _fail(message: str, debug: bool, exc: BaseException | None = None) -> None:
    if debug and exc is not None:
        raise exc
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def run(
    sources: SourcesOption = None,
    db: DbOption = None,
    wait: WaitOption = 0.0,
    quiet: QuietOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    debug: DebugOption = False,
    export_to: Annotated[Optional[Path], typer.Option("--export", metavar="DIR",
                                                      help="Export every report view to DIR after the run.")] = None,
    export_format: FormatOption = ExportFormat.parquet,
    full: Annotated[bool, typer.Option("--full", help="Read every source again, not only new or changed ones.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, envvar="DYAD_WORKERS",
                                         help="Extract on N local processes (one chunk of the documents each).")] = 1,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", envvar="DYAD_DASK",
                                                help="Extract on the Dask cluster at ADDRESS (tcp://host:8786).")] = None,
) -> None:
    """Run the whole pipeline: ingest, extract, transform and load into the DuckDB file, in one transaction."""
    settings = Settings().with_overrides(sources=sources, db=db)
    if not settings.sources.is_dir():
        _fail(f"sources folder {settings.sources} does not exist", debug)
    _prepare_prefect(debug)
    from flows.orchestrate.server import use_local_server

    # before Prefect is imported (it reads its API URL once); starts the project's server in the background if none
    api = use_local_server(auto_start=True)
    from prefect.settings import temporary_settings

    if api and not (quiet or as_json):
        console.print(f"[dim]using the Prefect server at {api}[/]")
    clock = time.perf_counter()
    try:
        # The per-run heartbeat thread costs ~1 s at exit and buys nothing for a batch run (STACK.md).
        with temporary_settings(updates={"flows.heartbeat_frequency": None}), \
                _status("running the pipeline", quiet or as_json):
            if export_to is None:
                from flows.orchestrate.pipeline import run_pipeline

                summary = run_pipeline(str(settings.sources), str(settings.db), wait_seconds=wait, full=full,
                                       workers=workers, dask=dask)
                exported = None
            else:
                from flows.orchestrate.pipeline import RunSummary
                from flows.orchestrate.serve import pipeline_and_export

                result = pipeline_and_export(sources=str(settings.sources), db=str(settings.db),
                                             export_dir=str(export_to), export_format=export_format.value,
                                             wait_seconds=wait, full=full)
                exported = result.pop("export")
                summary = RunSummary(**result)
    except Exception as exc:  # noqa: BLE001 - one clear line for people, the traceback behind --debug
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    wall = time.perf_counter() - clock
    if as_json:
        out.print_json(json.dumps({**asdict(summary), "wall_seconds": round(wall, 2),
                                   **({"export": exported} if exported else {})}, default=str))
    elif not quiet:
        _print_summary(summary, wall)
        if exported:
            out.print(f"exported {exported['views']} views ({exported['rows']:,} rows) to {exported['directory']}",
                      soft_wrap=True)


def _print_summary(summary, wall: float) -> None:
    table = Table(title=f"dyad run {summary.run_id}", show_header=False, title_justify="left")
    for label, value in [
        ("database", summary.db),
        ("sources", summary.sources),
        ("documents (read this run)", f"{summary.documents} ({summary.documents_read})"),
        ("events (mentions)", f"{summary.events} ({summary.event_mentions})"),
        ("people", summary.people),
        ("trade claims / figures", f"{summary.trade_claims} / {summary.figures}"),
        ("trade rows loaded (statistics / published figures)", f"{summary.trade_rows} / {summary.trade_reported}"),
        ("rows quarantined", f"{summary.quarantined}" + (" (see: dyad quarantine)" if summary.quarantined else "")),
        ("time taken", f"{wall:.1f} s (pipeline {summary.seconds:.1f} s, the rest is Prefect start-up)"),
    ]:
        table.add_row(label, str(value))
    out.print(table)


@app.command()
def sql(
    query: Annotated[Optional[str], typer.Argument(help="SQL to run; without it, an interactive session.")] = None,
    db: DbOption = None,
    write: Annotated[bool, typer.Option("--write", help="Open the database for writing (default: read-only).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as a JSON list of objects.")] = False,
    debug: DebugOption = False,
) -> None:
    """Run SQL and print a table, or open an SQL session (harlequin if installed) without a query."""
    from flows.cli.shell import print_query, query_rows, repl

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        _fail(f"database {settings.db} does not exist: run `dyad run` first", debug)
    try:
        if query is None:
            repl(settings.db, read_only=not write)
        elif as_json:
            out.print_json(json.dumps(query_rows(settings.db, query, read_only=not write), default=str))
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
    from flows.cli.shell import print_query, query_rows

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        _fail(f"database {settings.db} does not exist: run `dyad run` first", False)
    last_run = "(select run_id from etl_run order by started_at desc, run_id desc limit 1)"
    try:
        runs = query_rows(settings.db, f"""
            select r.run_id, r.status, r.error, count(q.run_id) as rejected,
                (select sum(skipped) from etl_run_stage as s where s.run_id = r.run_id and s.stage = 'discover')
                    as unchanged
            from etl_run as r left join quarantine as q on q.run_id = r.run_id
            where r.run_id = {last_run} group by all
        """)
    except Exception as exc:  # noqa: BLE001
        _fail(f"{settings.db} is not a dyad database ({type(exc).__name__}: {exc})", False, exc)
        return
    if not runs:
        out.print("no run recorded yet: run `dyad run` first")
        return
    run_row = runs[0]
    out.print(f"last run {run_row['run_id']} ({run_row['status']}): {run_row['rejected']} rows quarantined")
    if run_row["status"] == "failed":
        # its quarantine rows were written in the transaction that rolled back
        out.print(f"it failed and changed nothing: {run_row['error']}", soft_wrap=True)
    if run_row["unchanged"] and not all_runs:
        out.print(f"{run_row['unchanged']} unchanged files were not read again; rows they had rejected are listed "
                  "under the run that read them (dyad quarantine --all)", soft_wrap=True)
    where = "" if all_runs else f"where run_id = {last_run}"
    print_query(settings.db, f"select run_id, stage, source, row_ref, reason, left(raw, 80) as raw "
                             f"from quarantine {where} order by run_id, stage, source, row_ref",
                read_only=True, console=out)


@app.command()
def export(
    to: Annotated[Path, typer.Option("--to", help="Folder to write (replaced if it holds an earlier export).")] = Path("exports"),
    export_format: FormatOption = ExportFormat.parquet,
    db: DbOption = None,
    views: Annotated[Optional[list[str]], typer.Option("--view", help="Only this view (repeat for more).")] = None,
    wait: WaitOption = 0.0,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Write every report view to Parquet or CSV files that pyarrow, Polars, DuckDB or a spreadsheet read."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows.publish.export import export_views

    settings = Settings().with_overrides(db=db)
    progress = Progress(TextColumn("exporting {task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True,
                        disable=quiet or as_json or not console.is_terminal)
    try:
        with progress:
            bar = progress.add_task("views", total=len(views) if views else None)

            def advance(view: str) -> None:
                progress.update(bar, advance=1, description=view)

            result = export_views(settings.db, to, export_format.value, views=views, wait_seconds=wait, on_view=advance)
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    if as_json:
        out.print_json(json.dumps(asdict(result), default=str))
        return
    if quiet:
        return
    table = Table(title=f"{len(result.views)} views exported to {result.directory}", title_justify="left")
    for column in ("view", "rows", "file", "split by"):
        table.add_column(column, justify="right" if column == "rows" else "left")
    for view in result.views:
        table.add_row(view.view, f"{view.rows:,}", view.path + ("/" if view.partitioned_by else ""),
                      view.partitioned_by or "")
    out.print(table)


@app.command()
def report(
    out_path: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("report.html"),
    db: DbOption = None,
    wait: WaitOption = 0.0,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Write one self-contained HTML report (timeline, trade, composition, claims, organizations, people)."""
    settings = Settings().with_overrides(db=db)
    try:
        with _status("building the report", quiet or as_json):
            from flows.publish.report import build_report

            result = build_report(settings.db, out_path, wait_seconds=wait)
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    if as_json:
        out.print_json(json.dumps(asdict(result), default=str))
    elif not quiet:
        sections = ", ".join(f"{name} {n}" for name, n in result.sections.items())
        out.print(f"wrote {result.path} ({result.bytes / 1e6:.1f} MB, opens offline): {sections}", soft_wrap=True)


@app.command()
def serve(
    cron: Annotated[Optional[str], typer.Option(help="When to run, as a cron line: '0 6 * * *' is 06:00 daily.")] = None,
    interval: Annotated[Optional[float], typer.Option(help="Or run every this many seconds.")] = None,
    sources: SourcesOption = None,
    db: DbOption = None,
    export_to: Annotated[Optional[Path], typer.Option("--export", metavar="DIR",
                                                      help="Export every report view to DIR after each run.")] = None,
    export_format: FormatOption = ExportFormat.parquet,
    name: Annotated[str, typer.Option(help="Deployment name (shown in the Prefect UI).")] = "scheduled",
    debug: DebugOption = False,
) -> None:
    """Serve the pipeline as a Prefect deployment on a schedule (needs `dyad server start`); Ctrl-C stops it."""
    settings = Settings().with_overrides(sources=sources, db=db)
    if not settings.sources.is_dir():
        _fail(f"sources folder {settings.sources} does not exist", debug)
    _prepare_prefect(debug)
    os.environ["PREFECT_LOGGING_LEVEL"] = "DEBUG" if debug else "INFO"  # a long-running service shows its runs
    try:
        from flows.orchestrate.server import server_status, use_local_server

        use_local_server()  # before Prefect is imported: it reads its API URL once
        from flows.orchestrate.serve import serve_pipeline

        status = server_status()

        def ready(api: str) -> None:
            when = f"cron '{cron}'" if cron else f"every {interval:g} s"
            where = status.url if status.running else api
            console.print(f"serving dyad-pipeline-export/{name} on {when}; runs show at {where} (Ctrl-C to stop)",
                          soft_wrap=True)

        serve_pipeline(sources=settings.sources, db=settings.db, cron=cron, interval=interval, export_dir=export_to,
                       export_format=export_format.value, name=name, on_ready=ready)
    except KeyboardInterrupt:
        console.print("stopped serving")
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)


server_app = typer.Typer(help="A local Prefect server (127.0.0.1, state in .prefect/) for schedules and fast runs.",
                         no_args_is_help=True)
app.add_typer(server_app, name="server")


@server_app.command("start")
def server_start(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 4200,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for it to answer.")] = 120.0,
    ui: Annotated[bool, typer.Option(help="Serve the Prefect UI too.")] = True,
    as_json: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Start the server in the background; `dyad run` and `dyad serve` use it while it is up."""
    configure_prefect_environment()
    from flows.orchestrate.server import start_server

    try:
        with _status(f"starting a Prefect server on 127.0.0.1:{port} (about 20 s)", as_json):
            status = start_server(port, timeout=timeout, ui=ui)
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    if as_json:
        out.print_json(json.dumps(asdict(status)))
    else:
        out.print(f"Prefect server up at {status.url} (pid {status.pid}, log {status.log}); "
                  "stop it with `dyad server stop`", soft_wrap=True)


@server_app.command("stop")
def server_stop(debug: DebugOption = False) -> None:
    """Stop the server `dyad server start` started."""
    configure_prefect_environment()
    from flows.orchestrate.server import stop_server

    try:
        stopped = stop_server()
    except Exception as exc:  # noqa: BLE001
        _fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    out.print("Prefect server stopped" if stopped else "no Prefect server was running")


@server_app.command("status")
def server_status_command(as_json: JsonOption = False) -> None:
    """Say whether the server is up, where, and where its log is; exits 1 when it is not running."""
    configure_prefect_environment()
    from flows.orchestrate.server import server_status

    status = server_status()
    if as_json:
        out.print_json(json.dumps(asdict(status)))
    elif status.running:
        out.print(f"running at {status.url} (pid {status.pid}, since {status.started_at}, log {status.log})",
                  soft_wrap=True)
    else:
        out.print("not running: start it with `dyad server start`")
    raise typer.Exit(0 if status.running else 1)


def main() -> None:
    """Entry point for `python -m flows.cli`."""
    app()


if __name__ == "__main__":
    sys.exit(main())
