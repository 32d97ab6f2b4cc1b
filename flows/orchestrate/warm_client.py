"""`dyad run`'s client side of the warm runner (flows.cli.warm_runner): hand the run over, or say it cannot.

Standard library only, and called before anything of the pipeline is imported: a run the runner takes imports
neither Prefect, Polars, DuckDB nor the pipeline here. The run is handed over only when

- it is `dyad run` without --help or --debug (--debug runs in-process: Prefect's own logs follow that flag, and
  they are configured when Prefect is imported), DYAD_WARM_RUNNER is not 0,
- the API is the project's own server (the background one `dyad run` starts, or `dyad server start`'s),
- a runner of that server is ready and its key (flows.orchestrate.warm_state.code_key: code, packages, settings)
  is this run's.

Otherwise the run goes on in this process as before, and a runner for this key is started in the background for
the next run. The first run of all (it starts the server itself) waits for the runner it starts, which imports
while the server starts, instead of importing everything a second time.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

from flows.orchestrate import leases, warm_state

HANDSHAKE_TIMEOUT = 10.0  # the runner forks and answers in milliseconds; a slower one is not used
COLD_WAIT = 60.0  # the first run waits this long at most for the runner it started (it imports in ~2-4 s)
CANCEL_WAIT = 30.0  # after Ctrl-C, how long the run may take to stop before its process is killed
POLL = 1.0


class _Declined(Exception):
    """The runner cannot take this run: it runs in this process."""


def wants_warm_runner(argv: list[str]) -> bool:
    """True for a `dyad run` the runner may take (not --help, not --debug, not turned off)."""
    if len(argv) < 2 or argv[1] != "run" or not warm_state.warm_runner_enabled():
        return False
    return not any(arg in ("--help", "--debug") for arg in argv[2:])


def handed_over(argv: list[str]) -> int | None:
    """Run `dyad run` through the warm runner: its exit code, or None when this process must run it itself."""
    if not wants_warm_runner(argv):
        return None
    try:
        home, key, cold = _prepare()
        path = _ready_runner(home, key, cold)
        if path is None:
            return None
        return _run_remote(path, key, argv)
    except _Declined:
        return None


def _prepare() -> tuple[Path, str, bool]:
    """The environment the in-process run would set up, the project's server (started if needed), the key."""
    from flows.orchestrate import server
    from flows.settings import configure_prefect_environment

    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")  # what prepare_prefect(debug=False) sets
    configure_prefect_environment()
    home = server.prefect_home()
    if not warm_state.socket_fits(home):
        raise _Declined
    before = leases.read_state(home)
    configured = server.configured_api_url()
    if configured:
        # a configured API is used by the runner only when it is this project's own server
        if not (before and leases.pid_alive(before["pid"]) and configured.rstrip("/") == f"{before['url']}/api"):
            raise _Declined
        cold = False
    else:
        if not server.use_local_server(auto_start=True):  # takes this process's lease; may start the server
            raise _Declined
        after = leases.read_state(home)
        cold = not before or not after or before.get("pid") != after.get("pid")
    return home, warm_state.code_key(), cold


def _ready_runner(home: Path, key: str, cold: bool) -> Path | None:
    """The socket of a ready runner with this key; None (after starting one for the next run) when there is none.

    A cold run waits for the runner it starts: it imports while the server starts, so waiting costs nothing."""
    server_state = leases.read_state(home)
    if not server_state:
        raise _Declined
    with leases.locked(home):
        runner = warm_state.read_runner(home)
        ours = (bool(runner) and runner.get("key") == key and runner.get("server_pid") == server_state["pid"]
                and warm_state.runner_alive(runner))
        if not ours:
            warm_state.start_runner(home, server_state["pid"], key, dict(os.environ))
    if ours and runner.get("ready"):
        return Path(runner["socket"])
    if not cold:
        return None
    deadline = time.monotonic() + COLD_WAIT
    while time.monotonic() < deadline:
        runner = warm_state.read_runner(home)
        if not runner or runner.get("key") != key or not leases.pid_alive(runner["pid"]):
            return None
        if runner.get("ready"):
            return Path(runner["socket"])
        time.sleep(0.05)
    return None


def _restart_runner(home: Path, key: str) -> None:
    server_state = leases.read_state(home)
    if server_state:
        with leases.locked(home):
            warm_state.start_runner(home, server_state["pid"], key, dict(os.environ))


def _run_remote(path: Path, key: str, argv: list[str]) -> int | None:
    """Hand the run to the runner at path and relay Ctrl-C until it reports its exit code."""
    try:
        fds = [stream.fileno() for stream in (sys.stdin, sys.stdout, sys.stderr)]
        for fd in fds:
            os.fstat(fd)
    except (OSError, ValueError, AttributeError):  # a closed or replaced standard stream: nothing to hand over
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(HANDSHAKE_TIMEOUT)
    buffer = bytearray()
    try:
        sock.connect(str(path))
        umask = os.umask(0)
        os.umask(umask)
        request = {"key": key, "argv": ["dyad", *argv[1:]], "cwd": os.getcwd(), "umask": umask,
                   "env": dict(os.environ), "encoding": sys.stdout.encoding}
        payload = json.dumps(request).encode() + b"\n"
        sent = socket.send_fds(sock, [payload], fds)
        sock.sendall(payload[sent:])
        reply = warm_state.read_message(sock, buffer)
    except (OSError, ValueError):
        sock.close()
        return None
    if not reply or "ready" not in reply:
        sock.close()
        if reply and reply.get("stale"):
            _restart_runner(path.parent, key)
        return None
    child = int(reply["ready"])
    try:
        sock.sendall(b'{"go": true}\n')
    except OSError:
        sock.close()
        return None
    try:
        return _follow(sock, buffer, child)
    finally:
        sock.close()


def _follow(sock: socket.socket, buffer: bytearray, child: int) -> int:
    """Wait for the run's exit code; Ctrl-C interrupts the run (a second one, or a stuck run, kills it)."""
    sock.settimeout(POLL)
    cancelled_at: float | None = None
    while True:
        try:
            message = warm_state.read_message(sock, buffer)
        except socket.timeout:
            if cancelled_at is not None and time.monotonic() - cancelled_at > CANCEL_WAIT:
                _kill(child)
                return 130
            continue
        except KeyboardInterrupt:
            if cancelled_at is not None:
                _kill(child)
                return 130
            cancelled_at = time.monotonic()
            try:
                sock.sendall(b'{"cancel": true}\n')
            except OSError:
                pass
            continue
        except (OSError, ValueError):
            message = None
        if message is None:
            print(f"error: the run's process {child} ended without an exit status (see "
                  f"{warm_state.LOG_FILE} in PREFECT_HOME)", file=sys.stderr)
            return 1
        if "exit" in message:
            return int(message["exit"])


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
