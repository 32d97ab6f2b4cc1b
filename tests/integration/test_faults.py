"""Crashes and concurrent runs, with real processes: a killed run leaves the previous database, the next
run completes, and a second writer waits or says clearly who holds the file."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

DYAD = [sys.executable, "-m", "flows.cli"]


def _start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([*DYAD, *args], env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _wait_for_pause(proc: subprocess.Popen, point: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if f"DYAD_PAUSED {point}" in line:
            return
        if not line and proc.poll() is not None:
            break
    proc.kill()
    out, err = proc.communicate()
    raise AssertionError(f"run never reached {point}: {err[-2000:]}")


@pytest.fixture
def grown_sources(tmp_path: Path, project_root: Path) -> Path:
    """The bundled sources; the tests add a document after the first build so a second run has work to do."""
    root = tmp_path / "sources"
    shutil.copytree(project_root / "sources", root)
    return root


@pytest.mark.parametrize("point", ["ingest", "load", "views"])
def test_a_killed_run_leaves_the_previous_database(point: str, bundled_copy: Path, db_content, grown_sources: Path,
                                                   prefect_api_env: dict[str, str], project_root: Path) -> None:
    db = bundled_copy  # the bundled sources built (grown_sources holds the same files until the test adds one)
    before = db_content(db)
    shutil.copy(project_root / "tests" / "fixtures" / "devset" / "documents" / "02_geo-ltu_cyber-accord.txt",
                grown_sources / "documents")
    env = {**prefect_api_env, "DYAD_FAULT_PAUSE": point}
    proc = _start(["run", "--sources", str(grown_sources), "--db", str(db)], env, project_root)
    _wait_for_pause(proc, point)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert db_content(db) == before  # nothing of the killed run is visible

    done = subprocess.run([*DYAD, "run", "--sources", str(grown_sources), "--db", str(db), "--json"],
                          env=prefect_api_env, cwd=project_root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from dim_document").fetchall() == [(2,)]
        statuses = [r[0] for r in con.execute("select status from etl_run order by started_at").fetchall()]
        errors = [r[0] for r in con.execute("select error from etl_run where status = 'failed'").fetchall()]
    # the killed run was recorded before its first stage: the next run marks it as interrupted
    assert statuses == ["succeeded", "failed", "succeeded"]
    assert errors == ["interrupted (process ended before commit)"]


def test_a_second_run_waits_or_says_who_holds_the_database(bundled_copy: Path, grown_sources: Path,
                                                           prefect_api_env: dict[str, str], project_root: Path,
                                                           tmp_path: Path) -> None:
    """The first run holds the lock until the test tells it to go on (a file it waits for, not a pause that must
    outlast the others' start-up); the waiting run says it waits before the first is released."""
    db = bundled_copy  # the bundled sources built
    release = tmp_path / "release-first-run"
    env = {**prefect_api_env, "DYAD_FAULT_PAUSE": "load", "DYAD_FAULT_RELEASE": str(release),
           "DYAD_FAULT_PAUSE_SECONDS": "600"}
    first = _start(["run", "--sources", str(grown_sources), "--db", str(db), "--full"], env, project_root)
    try:
        _wait_for_pause(first, "load")
        refused = subprocess.run([*DYAD, "run", "--sources", str(grown_sources), "--db", str(db)],
                                 env=prefect_api_env, cwd=project_root, capture_output=True, text=True, timeout=300)
        assert refused.returncode == 1
        assert f"another dyad run (pid {first.pid}) is writing {db}" in refused.stderr.replace("\n", "")
        waiting_env = {**prefect_api_env, "DYAD_FAULT_PAUSE": "lock_wait", "DYAD_FAULT_PAUSE_SECONDS": "0"}
        waited = _start(["run", "--sources", str(grown_sources), "--db", str(db), "--wait", "600", "--json"],
                        waiting_env, project_root)
        _wait_for_pause(waited, "lock_wait", timeout=300)  # the second run is now blocked on the lock
        assert first.poll() is None  # and the first still holds it
    finally:
        release.touch()
    first_out, first_err = first.communicate(timeout=300)
    waited_out, waited_err = waited.communicate(timeout=300)
    assert first.returncode == 0, first_err[-2000:]
    assert waited.returncode == 0, waited_err[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select status from etl_run order by started_at").fetchall()
    assert [r[0] for r in runs] == ["succeeded", "succeeded", "succeeded"]


def test_transient_io_errors_are_retried(run_pipeline, project_root: Path, tmp_path: Path, monkeypatch) -> None:
    import flows.orchestrate.pipeline

    real, calls = flows.orchestrate.pipeline.read_documents, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("stale file handle")
        return real(*args, **kwargs)

    monkeypatch.setattr(flows.orchestrate.pipeline, "read_documents", flaky)
    summary = run_pipeline(project_root / "sources", tmp_path / "dyad.duckdb")
    assert len(calls) == 2
    assert (summary.status, summary.documents) == ("succeeded", 1)


def test_a_permanent_failure_ends_the_run_as_failed_with_its_reason(run_pipeline, db_content, project_root: Path,
                                                                    bundled_copy: Path, monkeypatch) -> None:
    import flows.orchestrate.pipeline

    db = bundled_copy  # the bundled sources built
    before = db_content(db)
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise ValueError("reader bug: unexpected token")

    monkeypatch.setattr(flows.orchestrate.pipeline, "read_documents", broken)
    with pytest.raises(ValueError, match="reader bug"):
        run_pipeline(project_root / "sources", db, full=True)
    assert len(calls) == 1  # not an I/O error: no retry
    assert db_content(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        last = con.execute("select status, error from etl_run order by started_at desc limit 1").fetchall()
    assert last == [("failed", "ValueError: reader bug: unexpected token")]
