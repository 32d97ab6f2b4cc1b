"""The project's local Prefect server: start it in the background, find it, stop it (standard library only).

A temporary Prefect server (what `dyad run` gets by default) cannot schedule, and starting one costs 10-20 s a
run. `dyad server start` runs a real server on 127.0.0.1 with its state in PREFECT_HOME (`<project>/.prefect`);
while it is up, `dyad run` and `dyad serve` talk to it, so runs start at once and show in its UI.

Prefect reads its settings when it is imported, so this module imports nothing of Prefect: callers point
PREFECT_API_URL at the server (use_local_server) before they import Prefect.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

DEFAULT_PORT = 4200
STATE_FILE = "dyad-server.json"
LOG_FILE = "dyad-server.log"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0


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


def prefect_home() -> Path:
    """Where Prefect keeps its state: PREFECT_HOME (set to <project>/.prefect by configure_prefect_environment)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def _state_path(home: Path | None) -> Path:
    return (home or prefect_home()) / STATE_FILE


def healthy(url: str, timeout: float = 1.0) -> bool:
    """True when the server at url (http://host:port) answers its health check."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/api/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_prefect_server(pid: int) -> bool:
    """Guard against a recycled pid: only a process whose command line is a Prefect server is ours to stop."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return _alive(pid)  # no /proc (macOS): trust the state file
    return "prefect" in cmdline and "server" in cmdline


def _read_state(home: Path | None) -> dict | None:
    path = _state_path(home)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def server_status(home: Path | None = None) -> ServerStatus:
    """The local server this project started, if it is still running and answering."""
    state = _read_state(home)
    if not state:
        return ServerStatus(running=False, home=str(home or prefect_home()))
    up = _alive(state["pid"]) and healthy(state["url"])
    return ServerStatus(running=up, url=state["url"], pid=state["pid"], home=state["home"], log=state["log"],
                        started_at=state.get("started_at"), ui=state["url"] if up and state.get("ui") else None)


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) != 0


def _prefect_command() -> list[str]:
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def start_server(port: int = DEFAULT_PORT, *, home: Path | None = None, timeout: float = START_TIMEOUT,
                 ui: bool = True) -> ServerStatus:
    """Start a Prefect server on 127.0.0.1:port in the background and wait until it answers."""
    home = home or prefect_home()
    current = server_status(home)
    if current.running:
        return current
    if not port_free(port):
        raise ServerError(f"port {port} is taken by another program: pass --port with a free one")
    home.mkdir(parents=True, exist_ok=True)
    log = home / LOG_FILE
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "true" if ui else "false", "PREFECT_SERVER_UI_ENABLED": "true" if ui else "false",
           "PREFECT_LOGGING_LEVEL": "WARNING",
           # The UI's pages call this address; without it they call the default port 4200 whatever --port says.
           "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api",
           "PREFECT_SERVER_UI_API_URL": f"http://127.0.0.1:{port}/api"}
    env.pop("PREFECT_API_URL", None)  # the server is the API; it must not point at another one
    command = [*_prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off",
               "--ui" if ui else "--no-ui"]
    with log.open("ab") as out:
        # A session of its own: the server outlives this command and stops as one process group.
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                   start_new_session=True, cwd=str(home))
    url = f"http://127.0.0.1:{port}"
    state = {"pid": process.pid, "url": url, "port": port, "home": str(home), "log": str(log), "ui": ui,
             "started_at": datetime.now().isoformat(timespec="seconds")}
    _state_path(home).write_text(json.dumps(state, indent=2), encoding="utf-8")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _state_path(home).unlink(missing_ok=True)
            raise ServerError(f"the Prefect server exited with code {process.returncode}: see {log}")
        if healthy(url):
            return server_status(home)
        time.sleep(0.5)
    stop_server(home)
    raise ServerError(f"the Prefect server did not answer within {timeout:.0f} s: see {log}")


def stop_server(home: Path | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the server this project started; False when none was running."""
    state = _read_state(home)
    path = _state_path(home)
    if not state:
        return False
    pid = state["pid"]
    if not _alive(pid) or not _is_prefect_server(pid):
        path.unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        _reap(pid)
        time.sleep(0.2)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
        _reap(pid)
    path.unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child (started in this process), so it does not linger."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def use_local_server(home: Path | None = None) -> str | None:
    """Point Prefect at the project's running server (unless PREFECT_API_URL is set); returns the API URL used."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    status = server_status(home)
    if not status.running or not status.url:
        return None
    os.environ["PREFECT_API_URL"] = f"{status.url}/api"
    return os.environ["PREFECT_API_URL"]
