"""`dyad server start|stop|status`: a local Prefect server on 127.0.0.1."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from flows.cli.common import DebugOption, JsonOption, fail, out, status_line
from flows.settings import configure_prefect_environment


server_app = typer.Typer(help="A local Prefect server (127.0.0.1, state in .prefect/) for schedules and fast runs.",
                         no_args_is_help=True)


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
        with status_line(f"starting a Prefect server on 127.0.0.1:{port} (about 20 s)", as_json):
            status = start_server(port, timeout=timeout, ui=ui)
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
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
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
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
        from pathlib import Path

        from flows.orchestrate import warm_state

        runner = warm_state.read_runner(Path(status.home)) if status.home else None
        if warm_state.runner_alive(runner) and runner.get("server_pid") == status.pid:
            out.print(f"warm runner: {'ready' if runner.get('ready') else 'starting'} (pid {runner['pid']}, "
                      f"{runner.get('requests', 0)} runs taken; DYAD_WARM_RUNNER=0 turns it off)", soft_wrap=True)
    else:
        out.print("not running: start it with `dyad server start`")
    raise typer.Exit(0 if status.running else 1)
