"""Schedules against a real local Prefect server: start/status/stop, `dyad run` using it, a served cron run
that fires and lands data (database, export, artifacts). Every wait is bounded; every process is stopped.

The cron deployment is served from the module's first test on, so the wait for the next minute (up to 60 s)
passes while the other tests run instead of after them."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows.orchestrate.server import ServerStatus, server_status, start_server, stop_server

pytestmark = pytest.mark.slow

DYAD = str(Path(sys.executable).with_name("dyad"))
SCHEDULE_DEADLINE = 200  # a '* * * * *' run starts within 60 s, then runs for a few seconds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def local_server(tmp_path_factory) -> Iterator[ServerStatus]:
    """A real Prefect server in a PREFECT_HOME of its own, stopped at the end."""
    home = tmp_path_factory.mktemp("prefect-home")
    status = start_server(_free_port(), home=home, timeout=180, ui=False)
    try:
        yield status
    finally:
        assert stop_server(home) is True
        assert server_status(home).running is False


@dataclass
class Served:
    """`dyad serve --cron '* * * * *'` running against the local server, and where its runs write."""
    process: subprocess.Popen
    sources: Path
    db: Path
    export: Path
    log: Path


@pytest.fixture(scope="module")
def served(local_server: ServerStatus, tmp_path_factory, project_root: Path) -> Iterator[Served]:
    """The every-minute deployment, started once for the module and stopped (process group) at its end."""
    folder = tmp_path_factory.mktemp("served")
    sources = folder / "sources"
    shutil.copytree(project_root / "sources", sources)
    log = folder / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [DYAD, "serve", "--cron", "* * * * *", "--sources", str(sources), "--db", str(folder / "scheduled.duckdb"),
             "--export", str(folder / "export"), "--name", "every-minute"],
            env=_env(local_server, PREFECT_RUNNER_POLL_FREQUENCY="2"), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        yield Served(process, sources, folder / "scheduled.duckdb", folder / "export", log)
    finally:
        _stop(process)


def _env(server: ServerStatus, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**env, "PREFECT_HOME": server.home, "PREFECT_TASKS_DEFAULT_NO_CACHE": "true", **extra}


def _stop(process: subprocess.Popen) -> None:
    """Stop a process group we started; kill it when it does not stop (the runner can hang mid-run on SIGTERM)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def test_status_names_the_running_server(local_server: ServerStatus, served: Served) -> None:
    # (served: the cron deployment starts here, its first run comes while the next test runs)
    status = server_status(Path(local_server.home))
    assert status.running and status.url == local_server.url and status.pid == local_server.pid
    # a second start finds it instead of starting another
    assert start_server(1, home=Path(local_server.home)).pid == local_server.pid


def test_dyad_run_uses_the_running_server(local_server: ServerStatus, sources_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "run.duckdb"
    started = time.monotonic()
    done = subprocess.run([DYAD, "run", "--sources", str(sources_copy), "--db", str(db)], env=_env(local_server),
                          capture_output=True, text=True, timeout=180)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert f"using the Prefect server at {local_server.url}/api" in done.stderr
    assert "Starting temporary server" not in done.stderr + done.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from v_relations_timeline").fetchone() == (8,)
    print(f"dyad run against the running server: {seconds:.1f} s")


def test_a_scheduled_run_fires_and_lands_data(local_server: ServerStatus, served: Served) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, DeploymentFilter, \
        DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    serving, db, export, log = served.process, served.db, served.export, served.log
    try:
        with temporary_settings(updates={PREFECT_API_URL: f"{local_server.url}/api"}), \
                get_client(sync_client=True) as client:
            deadline, runs = time.monotonic() + SCHEDULE_DEADLINE, []
            while time.monotonic() < deadline:
                assert serving.poll() is None, log.read_text()
                runs = client.read_flow_runs(deployment_filter=DeploymentFilter(
                    name=DeploymentFilterName(any_=["every-minute"])))
                if any(r.state and r.state.is_final() for r in runs):
                    break
                time.sleep(2)
            finished = [r for r in runs if r.state and r.state.is_final()]
            assert finished, f"no scheduled run finished within {SCHEDULE_DEADLINE} s:\n{log.read_text()[-3000:]}"
            run = finished[0]
            assert run.state.is_completed(), log.read_text()[-3000:]
            assert run.name.startswith(f"dyad-{served.sources.name}-") and run.name.endswith(" + export")
            assert run.expected_start_time.second == 0  # fired by the cron schedule, on the minute
            artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["run-summary-scheduled", "timeline-scheduled"])))
    finally:
        _stop(serving)
    assert serving.poll() is not None
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from v_relations_timeline").fetchone() == (8,)
        assert con.execute("select status from etl_run").fetchall()[0] == ("succeeded",)
    assert (export / "_manifest.json").is_file() and (export / "v_relations_timeline.parquet").is_file()
    assert {a.type for a in artifacts} == {"markdown", "table"}
