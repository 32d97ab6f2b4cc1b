"""Who is using the project's Prefect server: leases of running `dyad` processes, the state file, one lock.

A lease is an empty file named after the pid of the process that uses the server; the directory's modification
time is the last time a run came or went, which is what the keeper's idle clock reads. Standard library only.
"""
from __future__ import annotations

import atexit
import fcntl
import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

STATE_FILE = "dyad-server.json"
LOCK_FILE = "dyad-server.lock"
LEASE_DIR = "dyad-server-leases"


def state_path(home: Path) -> Path:
    """The file that names the running server (pid of its keeper, URL, log)."""
    return home / STATE_FILE


def read_json(path: Path) -> dict | None:
    """A state file's content, or None when there is none (or it is unreadable)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_state(home: Path) -> dict | None:
    """The server's state file, or None."""
    return read_json(state_path(home))


def forget_state(home: Path, pid: int) -> None:
    """Remove the state file if it still names pid (a newer server's file is left alone)."""
    state = read_state(home)
    if state and state.get("pid") == pid:
        state_path(home).unlink(missing_ok=True)


@contextmanager
def locked(home: Path) -> Iterator[None]:
    """An exclusive lock between runs that look for or start the server and the keeper that stops it."""
    home.mkdir(parents=True, exist_ok=True)
    with (home / LOCK_FILE).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def pid_alive(pid: int) -> bool:
    """True while a process with this pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap(pid: int) -> None:
    """Collect the exit status when pid is our own child, so it does not linger as a zombie."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def end_process(pid: int, send: Callable[[int, int], None], timeout: float, poll: float = 0.1) -> None:
    """SIGTERM through send (os.kill, or os.killpg for a process group), wait (bounded) until pid is gone, then
    SIGKILL what is left."""
    send(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and pid_alive(pid):
        reap(pid)
        time.sleep(poll)
    if pid_alive(pid):
        send(pid, signal.SIGKILL)
        reap(pid)


def take_lease(home: Path) -> Path:
    """Mark this process as a user of the server until it exits (the lease is removed at exit)."""
    folder = home / LEASE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    lease = folder / str(os.getpid())
    lease.touch()
    atexit.register(release_lease, lease)
    return lease


def release_lease(lease: Path) -> None:
    """Give the lease back; the directory's new modification time restarts the keeper's idle clock."""
    lease.unlink(missing_ok=True)


def idle_seconds(home: Path, since: float) -> float:
    """Seconds since the server was last used: 0 while a live process holds a lease; stale leases are dropped."""
    folder = home / LEASE_DIR
    if not folder.is_dir():
        return time.time() - since
    last_change = folder.stat().st_mtime  # before dropping stale leases, which would move it
    for lease in folder.iterdir():
        if lease.name.isdigit() and pid_alive(int(lease.name)):
            return 0.0
        lease.unlink(missing_ok=True)  # its process died without giving it back
    return time.time() - max(since, last_change)
