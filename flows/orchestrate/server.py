"""The project's local Prefect server: start it in the background, find it, stop it (standard library only).

Without a configured server Prefect starts a temporary one for every run: 8-20 s of each `dyad run` (bench,
docs/performance.md). Instead, the first `dyad run` that finds no server starts one in the background through
flows.orchestrate.keeper (127.0.0.1, state in PREFECT_HOME = `<project>/.prefect`), and every later run reuses
it, so runs start at once and show in its UI; the keeper stops it after DYAD_SERVER_IDLE_MINUTES without a run.
`dyad server start` starts the same server without the idle stop. DYAD_AUTO_SERVER=0 keeps Prefect's own
temporary server instead.

Prefect reads its settings when it is imported, so this module imports nothing of Prefect: callers point
PREFECT_API_URL at the server (use_local_server) before they import Prefect.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flows.orchestrate import leases, warm_state
from flows.orchestrate.server_db import seed_home
from flows.settings import auto_server_enabled, server_idle_seconds

DEFAULT_PORT = 4200
LOG_FILE = "dyad-server.log"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0
KEEPER_MODULE = "flows.orchestrate.keeper"


class ServerError(RuntimeError):
    """The local Prefect server cannot be started, reached or stopped."""


@dataclass(frozen=True)
class ServerStatus:
    """What `dyad server status` reports."""

    running: bool
    url: str | None = None
    pid: int | None = None
    home: str | None = None
    log: str | None = None
    started_at: str | None = None
    ui: str | None = None
    idle_minutes: float | None = None


def prefect_home() -> Path:
    """Where Prefect keeps its state: PREFECT_HOME (set to <project>/.prefect by configure_prefect_environment)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def healthy(url: str, timeout: float = 1.0) -> bool:
    """True when the server at url (http://host:port) answers its health check."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/api/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _is_our_server(pid: int) -> bool:
    """Guard against a recycled pid: only our keeper or a Prefect server is ours to stop."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return leases.pid_alive(pid)  # no /proc (macOS): trust the state file
    return KEEPER_MODULE in cmdline or ("prefect" in cmdline and "server" in cmdline)


def server_status(home: Path | None = None) -> ServerStatus:
    """The local server this project started, if it is still running and answering."""
    home = home or prefect_home()
    state = leases.read_state(home)
    if not state:
        return ServerStatus(running=False, home=str(home))
    up = leases.pid_alive(state["pid"]) and healthy(state["url"])
    idle = state.get("idle_seconds")
    return ServerStatus(running=up, url=state["url"], pid=state["pid"], home=state["home"], log=state["log"],
                        started_at=state.get("started_at"), ui=state["url"] if up and state.get("ui") else None,
                        idle_minutes=round(idle / 60, 1) if idle else None)


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) != 0


def _any_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect_command() -> list[str]:
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def _launch(port: int, home: Path, ui: bool, idle_seconds: float) -> dict:
    """Start the keeper (which starts the server) in a session of its own; write and return the state."""
    home.mkdir(parents=True, exist_ok=True)
    seed_home(home)  # a new home gets the database migrated at install: its server answers 3-8 s sooner
    log = home / LOG_FILE
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "true" if ui else "false", "PREFECT_SERVER_UI_ENABLED": "true" if ui else "false",
           "PREFECT_LOGGING_LEVEL": "WARNING",
           # The UI's pages call this address; without it they call the default port 4200 whatever --port says.
           "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api",
           "PREFECT_SERVER_UI_API_URL": f"http://127.0.0.1:{port}/api"}
    env.pop("PREFECT_API_URL", None)  # the server is the API; it must not point at another one
    server = [*_prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off",
              "--ui" if ui else "--no-ui"]
    command = [sys.executable, "-m", KEEPER_MODULE, "--home", str(home), "--idle", str(idle_seconds),
               "--log", str(log), "--", *server]
    # A session of its own: the server outlives this command and stops as one process group.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env=env, start_new_session=True, cwd=str(home))
    state = {"pid": process.pid, "url": f"http://127.0.0.1:{port}", "port": port, "home": str(home),
             "log": str(log), "ui": ui, "idle_seconds": idle_seconds,
             "started_at": datetime.now().isoformat(timespec="seconds")}
    leases.state_path(home).write_text(json.dumps(state, indent=2), encoding="utf-8")
    return state


def wait_until_up(home: Path | None = None, timeout: float = START_TIMEOUT) -> ServerStatus:
    """Wait (bounded) until the server named in home's state file answers; ServerError when it died or is late."""
    home = home or prefect_home()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = leases.read_state(home)
        if not state or not leases.pid_alive(state["pid"]):
            leases.reap(state["pid"]) if state else None
            log = state["log"] if state else home / LOG_FILE
            raise ServerError(f"the Prefect server stopped while starting: see {log}")
        if healthy(state["url"]):
            return server_status(home)
        time.sleep(0.2)
    stop_server(home)
    raise ServerError(f"the Prefect server did not answer within {timeout:.0f} s: see {home / LOG_FILE}")


def start_server(port: int = DEFAULT_PORT, *, home: Path | None = None, timeout: float = START_TIMEOUT,
                 ui: bool = True, idle_seconds: float = 0.0) -> ServerStatus:
    """Start a Prefect server on 127.0.0.1:port in the background and wait until it answers.

    idle_seconds > 0: its keeper stops it that long after the last run that used it; 0 keeps it up.
    """
    home = home or prefect_home()
    with leases.locked(home):
        current = server_status(home)
        if current.running:
            return current
        if not port_free(port):
            raise ServerError(f"port {port} is taken by another program: pass --port with a free one")
        _launch(port, home, ui, idle_seconds)
    return wait_until_up(home, timeout)


def stop_server(home: Path | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the server this project started; False when none was running."""
    home = home or prefect_home()
    state = leases.read_state(home)
    path = leases.state_path(home)
    if not state:
        return False
    pid = state["pid"]
    if not leases.pid_alive(pid) or not _is_our_server(pid):
        path.unlink(missing_ok=True)
        return False
    leases.end_process(pid, os.killpg, timeout, poll=0.2)  # the keeper stops the warm runner too
    path.unlink(missing_ok=True)
    warm_state.stop_runner(home, pid)  # in case the keeper was killed before it could
    return True


def configured_api_url() -> str | None:
    """The API a user configured: PREFECT_API_URL, the settings of an already imported Prefect, or the profile."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect.settings" in sys.modules:  # e.g. a test harness set it in-process
        from prefect.settings import get_current_settings

        url = get_current_settings().api.url
        if url:
            return str(url)
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or prefect_home() / "profiles.toml")
    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral")
    url = data.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return str(url) if url else None


def use_local_server(home: Path | None = None, *, auto_start: bool = False) -> str | None:
    """Point Prefect at the project's server (unless an API is configured); returns the API URL used.

    With auto_start (what `dyad run` asks for) and no server up, start one in the background without waiting
    for it: the caller imports Prefect meanwhile and calls wait_until_up() before its flow starts. This process
    holds a lease on the server until it exits, so the keeper does not stop it under a running flow.
    """
    configured = configured_api_url()
    if configured:
        return configured
    home = home or prefect_home()
    with leases.locked(home):
        state = leases.read_state(home)
        if state and leases.pid_alive(state["pid"]):  # up, or still starting: both are reused
            leases.take_lease(home)
            os.environ["PREFECT_API_URL"] = f"{state['url']}/api"
            return os.environ["PREFECT_API_URL"]
        if not (auto_start and auto_server_enabled()):
            return None
        port = DEFAULT_PORT if port_free(DEFAULT_PORT) else _any_free_port()
        state = _launch(port, home, ui=True, idle_seconds=server_idle_seconds())
        leases.take_lease(home)
    os.environ["PREFECT_API_URL"] = f"{state['url']}/api"
    return os.environ["PREFECT_API_URL"]


def local_server_pending(home: Path | None = None) -> bool:
    """True when PREFECT_API_URL points at the project's own server (which may still be starting)."""
    state = leases.read_state(home or prefect_home())
    return bool(state) and os.environ.get("PREFECT_API_URL") == f"{state['url']}/api"
