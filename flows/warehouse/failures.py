"""Recording how a failed run ended, even when the database cannot be written at that moment.

A run that fails in its load often fails *because* the database cannot be written: another process opened
it to read, or the disk is full. Recording the failure in etl_run then fails the same way, and the run would
stay `running` with its reason lost. So: wait a bounded time for the database; if it still cannot be written,
keep the failure in a small file beside it, which the next run writes into etl_run before anything else.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb

from flows.warehouse.connection import connect
from flows.warehouse.lock import DatabaseLockedError

# How long a failed run waits for a reader to let the database go, to record its failure there.
RECORD_WAIT_SECONDS = 10.0


def pending_path(db: Path) -> Path:
    """Where failures wait that could not be written into the database."""
    return db.with_name(db.name + ".failed-runs.jsonl")


def _mark_failed(con: duckdb.DuckDBPyConnection, run_id: str, error: str, ended_at: datetime) -> None:
    con.execute("update etl_run set status = 'failed', ended_at = ?, error = ? where run_id = ? and status = 'running'",
                [ended_at, error, run_id])


def record_failure(db: Path, run_id: str, error: BaseException, wait_seconds: float = 0.0) -> str:
    """Mark the run failed with its reason; 'database' when written there, 'pending' when kept beside it
    for the next run, 'lost' when neither could be written (the next run then marks it interrupted)."""
    reason = f"{type(error).__name__}: {error}"
    ended_at = datetime.now()
    try:
        with connect(db, wait_seconds=max(wait_seconds, RECORD_WAIT_SECONDS)) as con:
            _mark_failed(con, run_id, reason, ended_at)
        return "database"
    except (duckdb.Error, DatabaseLockedError, OSError) as exc:
        why = f"{type(exc).__name__}: {exc}".splitlines()[0]
        line = {"run_id": run_id, "ended_at": ended_at.isoformat(),
                "error": f"{reason} (recorded by the next run: the database could not be written then: {why})"}
    try:
        with pending_path(db).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")
    except OSError:
        return "lost"
    return "pending"


def apply_pending(con: duckdb.DuckDBPyConnection, db: Path) -> int:
    """Write the failures kept beside the database into etl_run (inside the caller's connection); the file
    goes once they are in. Returns how many there were."""
    path = pending_path(db)
    if not path.exists():
        return 0
    entries = []
    for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(text)
            entries.append((str(entry["run_id"]), str(entry["error"]), datetime.fromisoformat(entry["ended_at"])))
        except (ValueError, KeyError, TypeError):
            continue  # a line cut by a full disk: that run is marked interrupted instead
    for run_id, error, ended_at in entries:
        _mark_failed(con, run_id, error, ended_at)
    path.unlink()
    return len(entries)
