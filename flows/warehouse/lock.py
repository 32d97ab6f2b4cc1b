"""One writer per database: a run holds an advisory lock beside the DuckDB file for its whole length."""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.common.faults import checkpoint


class DatabaseLockedError(RuntimeError):
    """Another process holds the database."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@contextmanager
def run_lock(db: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the database's run lock; wait up to wait_seconds for another run, then fail with a clear message.

    DuckDB's own file lock covers a single open; this one covers the whole run (read what is there, extract,
    write), so two runs never interleave and the second says who holds the file.
    """
    db.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    waiting = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waiting is False:
                    waiting = True
                    checkpoint("lock_wait")  # the crash tests' sign that this run now waits for the other
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                    raise DatabaseLockedError(
                        f"another dyad run (pid {holder}) is writing {db}; wait for it to finish "
                        "or pass --wait SECONDS") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
