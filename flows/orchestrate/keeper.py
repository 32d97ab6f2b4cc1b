"""The process that keeps the project's Prefect server: runs it, and stops it once no run has used it for a while.

`dyad run` starts the server through this keeper the first time it finds none (flows.orchestrate.server), so later
runs reuse it instead of paying for a temporary server each time. Runs hold a lease (a file named after their pid
in PREFECT_HOME/dyad-server-leases) while they use the server; the keeper stops the server `idle` seconds after
the last lease went away, and a lease whose process is gone does not count. `--idle 0` keeps it up until
`dyad server stop`. Standard library only: this process must not pay for importing Prefect.

    python -m flows.orchestrate.keeper --home DIR --idle SECONDS -- prefect server start ...
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.orchestrate import leases, warm_state

STOP_TIMEOUT = 20.0


def _stop(process: subprocess.Popen) -> None:
    """Stop the server and its uvicorn children (they share our process group) within a bound."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


def keep(command: list[str], home: Path, idle: float, log: Path, poll: float | None = None) -> int:
    """Run command (the Prefect server) until it exits, or until it has been idle `idle` seconds (0: never)."""
    poll = poll if poll is not None else max(0.5, min(5.0, idle / 4 if idle else 5.0))
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   cwd=str(home))

    def on_signal(signum: int, frame: object) -> None:
        warm_state.stop_runner(home, os.getpid())
        _stop(process)
        leases.forget_state(home, os.getpid())
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    last_busy = time.time()  # the start, then the last poll that saw a live lease
    while True:
        time.sleep(poll)
        if process.poll() is not None:
            leases.forget_state(home, os.getpid())
            warm_state.stop_runner(home, os.getpid())
            return process.returncode
        if not idle:
            continue
        with leases.locked(home):
            # Under the lock a run either holds its lease already or finds no state file and starts a new server.
            idle_for = leases.idle_seconds(home, since=last_busy)
            if idle_for == 0.0:
                last_busy = time.time()  # a run that dies without its lease is idle from its last sighting
            if idle_for < idle:
                continue
            leases.forget_state(home, os.getpid())
        warm_state.stop_runner(home, os.getpid())  # the warm runner goes with its server
        _stop(process)
        return 0


def main(argv: list[str] | None = None) -> int:
    """Parse `--home DIR --idle SECONDS --log FILE -- command...` and keep the server."""
    parser = argparse.ArgumentParser(prog="python -m flows.orchestrate.keeper")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--idle", type=float, default=0.0)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no server command given after --")
    return keep(command, args.home, args.idle, args.log)


if __name__ == "__main__":
    sys.exit(main())
