"""The pipeline served as a Prefect deployment on a schedule, with an export of the report views at the end.

Import flows.orchestrate.server (and call use_local_server) before this module: importing Prefect fixes its API URL.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.runtime import flow_run

from flows.orchestrate.server import ServerError, use_local_server

SCHEDULED_WAIT_SECONDS = 120.0

def _run_name() -> str:
    params = flow_run.parameters or {}
    sources = Path(str(params.get("sources", "sources"))).name or "sources"
    export = " + export" if params.get("export_dir") else ""
    return f"dyad-{sources}-{datetime.now():%Y-%m-%d-%H%M%S}{export}"


@task(name="export_views", retries=2, retry_delay_seconds=[2, 10])
def export_views_task(db: str, export_dir: str, export_format: str) -> dict:
    """Write the report views to files (I/O: retried)."""
    from flows.publish.export import export_views

    result = export_views(Path(db), Path(export_dir), export_format, wait_seconds=SCHEDULED_WAIT_SECONDS)
    return {"directory": result.directory, "format": result.format, "views": len(result.views), "rows": result.rows}


@flow(name="dyad-pipeline-export", flow_run_name=_run_name, log_prints=False)
def pipeline_export_flow(sources: str, db: str, export_dir: str | None = None, export_format: str = "parquet",
                         wait_seconds: float = SCHEDULED_WAIT_SECONDS, full: bool = False,
                         offline: bool = False) -> dict:
    """The pipeline, then (when export_dir is given) an export of every report view: what a schedule runs."""
    from flows.orchestrate.pipeline import pipeline

    summary = pipeline(sources=sources, db=db, wait_seconds=wait_seconds, full=full, offline=offline)
    result = asdict(summary)
    if export_dir:
        result["export"] = export_views_task(db, export_dir, export_format)
    return result


def pipeline_and_export(sources: str, db: str, export_dir: str | None = None, export_format: str = "parquet",
                        wait_seconds: float = SCHEDULED_WAIT_SECONDS, full: bool = False,
                        offline: bool = False) -> dict:
    """`dyad run --export`: the flow above, once the project's own server (if this process started it) answers."""
    from flows.orchestrate.server import local_server_pending, wait_until_up

    if local_server_pending():
        wait_until_up()
    return pipeline_export_flow(sources=sources, db=db, export_dir=export_dir, export_format=export_format,
                                wait_seconds=wait_seconds, full=full, offline=offline)


def serve_pipeline(*, sources: Path, db: Path, cron: str | None = None, interval: float | None = None,
                   export_dir: Path | None = None, export_format: str = "parquet", name: str = "scheduled",
                   on_ready: Callable[[str], None] | None = None, offline: bool = False) -> None:
    """Serve the pipeline as a deployment on a schedule until interrupted (needs a running Prefect server).

    on_ready(api_url) is called once the schedule and the server are checked, before serving starts.
    """
    if bool(cron) == bool(interval):
        raise ServerError("give one schedule: --cron '0 6 * * *' or --interval SECONDS")
    if cron:
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValueError as exc:
            raise ServerError(f"{cron!r} is not a valid cron line (minute hour day month weekday)") from exc
    elif interval <= 0:
        raise ServerError("--interval must be a positive number of seconds")
    use_local_server()  # holds a lease, so the keeper never stops the server under a schedule
    from prefect.settings import get_current_settings

    api = get_current_settings().api.url
    if not api:
        raise ServerError("a schedule needs a running Prefect server: start one with `dyad server start` "
                          "(or set PREFECT_API_URL)")
    parameters = {"sources": str(Path(sources).resolve()), "db": str(Path(db).resolve()),
                  "export_dir": str(Path(export_dir).resolve()) if export_dir else None,
                  "export_format": export_format, "offline": offline}
    schedule = {"cron": cron} if cron else {"interval": interval}
    if on_ready:
        on_ready(api)
    pipeline_export_flow.serve(name=name, parameters=parameters, tags=["dyad"],
                              description=f"dyad pipeline on {parameters['sources']} into {parameters['db']}",
                              print_starting_message=False, **schedule)
