"""`dyad run` (the pipeline once) and `dyad serve` (the pipeline on a schedule)."""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli.common import (DbOption, DebugOption, ExportFormat, FormatOption, QuietOption, SourcesOption,
                              WaitOption, check_sources, console, fail, out, prepare_prefect, status_line)
from flows.settings import Settings

OfflineOption = Annotated[bool, typer.Option("--offline", envvar="DYAD_OFFLINE",
                                             help="Fetch no [[feed]] of the manifest: read the folder as it is.")]


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
    adopt: Annotated[bool, typer.Option("--adopt", help="Write into a database dyad did not create: dyad's tables "
                                                        "go beside the others, which it never empties.")] = False,
    offline: OfflineOption = False,
) -> None:
    """Run the whole pipeline: ingest, extract, transform and load into the DuckDB file, in one transaction."""
    settings = Settings().with_overrides(sources=sources, db=db)
    check_sources(settings.sources, debug)
    if adopt and settings.db.exists():
        _adopt(settings, quiet or as_json, debug)
    clock = time.perf_counter()
    try:
        summary, exported = _run_flow(settings, quiet=quiet or as_json, debug=debug, wait=wait, full=full,
                                      workers=workers, offline=offline, dask=dask, export_to=export_to,
                                      export_format=export_format)
    except Exception as exc:  # noqa: BLE001 - one clear line for people, the traceback behind --debug
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
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


def _adopt(settings: Settings, silent: bool, debug: bool) -> None:
    """--adopt: stamp another program's database as dyad's before the run (its own tables stay untouched)."""
    from flows.warehouse.marker import adopt_database

    try:
        done = adopt_database(settings.db, settings.sql_dir)
    except Exception as exc:  # noqa: BLE001 - a clear line; the database is left as it was
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
    if not silent:
        console.print(f"[dim]{escape(str(settings.db))}: {escape(done)}[/]")


def _run_flow(settings: Settings, *, quiet: bool, debug: bool, wait: float, full: bool, workers: int,
              offline: bool, dask: str | None, export_to: Path | None,
              export_format: ExportFormat) -> tuple[object, dict | None]:
    """One Prefect flow run of the pipeline (and the export, with --export): (its RunSummary, the export's counts)."""
    prepare_prefect(debug)
    from flows.orchestrate.server import use_local_server

    # before Prefect is imported (it reads its API URL once); starts the project's server in the background if none
    api = use_local_server(auto_start=True)
    if api and not quiet:
        console.print(f"[dim]using the Prefect server at {api}[/]")
    with without_heartbeat(), status_line("running the pipeline", quiet):
        if export_to is None:
            from flows.orchestrate.pipeline import run_pipeline

            return run_pipeline(str(settings.sources), str(settings.db), wait_seconds=wait, full=full,
                                workers=workers, offline=offline, dask=dask), None
        from flows.orchestrate.pipeline import RunSummary
        from flows.orchestrate.serve import pipeline_and_export

        result = pipeline_and_export(sources=str(settings.sources), db=str(settings.db), export_dir=str(export_to),
                                     export_format=export_format.value, wait_seconds=wait, full=full,
                                     offline=offline)
        exported = result.pop("export")
        return RunSummary(**result), exported


_QUIET_SETTINGS: dict[int, tuple[object, object]] = {}


def without_heartbeat():
    """Prefect's current settings without the per-run heartbeat thread, which costs ~1 s at exit and buys nothing
    for a batch run (STACK.md). Building the settings costs ~0.25 s, so it is done once per process and settings
    object: the warm runner (flows.cli.warm_runner) does it before it forks, and its runs only enter them."""
    from prefect.context import SettingsContext, get_settings_context

    context = get_settings_context()
    key = id(context.settings)
    if key not in _QUIET_SETTINGS:  # the value keeps the settings object alive, so its id stays its own
        _QUIET_SETTINGS[key] = (context.settings,
                                context.settings.copy_with_update(updates={"flows.heartbeat_frequency": None}))
    return SettingsContext(profile=context.profile, settings=_QUIET_SETTINGS[key][1])


def _print_summary(summary, wall: float) -> None:
    table = Table(title=f"dyad run {summary.run_id}", show_header=False, title_justify="left")
    for label, value in [
        ("database", summary.db),
        ("sources", summary.sources),
        ("documents (read this run)", f"{summary.documents} ({summary.documents_read})"),
        ("events (merged across documents)", f"{summary.events} from {summary.event_mentions} mentions"),
        ("people", summary.people),
        ("trade claims / figures", f"{summary.trade_claims} / {summary.figures}"),
        ("trade rows loaded (statistics / published figures)", f"{summary.trade_rows} / {summary.trade_reported}"),
        *([("feeds (new articles)", f"{len(summary.feeds['feeds'])} ({len(summary.feeds['new_articles'])})")]
          if summary.feeds else []),
        ("rows quarantined", f"{summary.quarantined}" + (" (see: dyad quarantine)" if summary.quarantined else "")),
        ("time taken", f"{wall:.1f} s (pipeline {summary.seconds:.1f} s, the rest is Prefect start-up)"),
    ]:
        table.add_row(label, str(value))
    out.print(table)


def serve(
    cron: Annotated[Optional[str], typer.Option(help="When to run, as a cron line: '0 6 * * *' is 06:00 daily.")] = None,
    interval: Annotated[Optional[float], typer.Option(help="Or run every this many seconds.")] = None,
    sources: SourcesOption = None,
    db: DbOption = None,
    export_to: Annotated[Optional[Path], typer.Option("--export", metavar="DIR",
                                                      help="Export every report view to DIR after each run.")] = None,
    export_format: FormatOption = ExportFormat.parquet,
    name: Annotated[str, typer.Option(help="Deployment name (shown in the Prefect UI).")] = "scheduled",
    offline: OfflineOption = False,
    debug: DebugOption = False,
) -> None:
    """Serve the pipeline as a Prefect deployment on a schedule (needs `dyad server start`); Ctrl-C stops it."""
    settings = Settings().with_overrides(sources=sources, db=db)
    check_sources(settings.sources, debug)
    prepare_prefect(debug)
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
                       export_format=export_format.value, name=name, on_ready=ready, offline=offline)
    except KeyboardInterrupt:
        console.print("stopped serving")
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
