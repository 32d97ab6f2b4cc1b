"""The warm runner beside the project's server: a later `dyad run` goes through it (a flow run in the server's API,
the same database rows as a run in its own process, a client that imports no Prefect), a code change makes the
client run in its own process and not in the stale runner, and the runner stops with the server. Every wait is
bounded; the fixture stops whatever is left."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.orchestrate import leases, warm_state
from flows.orchestrate.server import stop_server
from flows.settings import PROJECT_ROOT
from tests.integration.conftest import table_contents

pytestmark = pytest.mark.slow

DYAD = str(Path(sys.executable).with_name("dyad"))
READY_TIMEOUT = 120.0
# `dyad run` through the real entry point in a probe interpreter: which heavy packages did the client import?
PROBE = """
import json, sys
from flows.cli.entry import main
sys.argv = ["dyad", *sys.argv[1:]]
try:
    main()
    code = 0
except SystemExit as done:
    code = done.code
imported = sorted({m.split(".")[0] for m in sys.modules} & {"prefect", "polars", "duckdb", "pandera", "spacy"})
print(json.dumps({"code": code, "imported": imported}))
"""


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """A PREFECT_HOME of the test's own (short: a Unix socket lives in it); stopped at the end."""
    folder = tmp_path / "h"
    folder.mkdir()
    assert warm_state.socket_fits(folder)
    try:
        yield folder
    finally:
        stop_server(folder)
        warm_state.stop_runner(folder)


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_API_URL", "DYAD_AUTO_SERVER", "DYAD_WARM_RUNNER", "DYAD_FAULT_PAUSE")}
    return {**env, "PREFECT_HOME": str(home), **extra}


def _run(home: Path, sources: Path, db: Path, **extra: str) -> dict:
    done = subprocess.run([DYAD, "run", "--sources", str(sources), "--db", str(db), "--json"],
                          env=_env(home, **extra), capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _ready_runner(home: Path, not_pid: int | None = None) -> dict:
    """The runner's state once it is ready (another runner than not_pid, when given)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        state = warm_state.read_runner(home)
        if state and state.get("ready") and state["pid"] != not_pid and warm_state.runner_alive(state):
            return state
        time.sleep(0.2)
    raise AssertionError(f"no ready runner within {READY_TIMEOUT:.0f} s: {warm_state.read_runner(home)}")


def _log(home: Path) -> str:
    """The runner's log and the server's state, for a failure message."""
    log = home / warm_state.LOG_FILE
    return f"runner {warm_state.read_runner(home)}, server {leases.read_state(home)}, log:\n" + (
        log.read_text(errors="replace")[-3000:] if log.exists() else "(none)")


def _flow_runs(home: Path) -> dict[str, str]:
    """Flow run name -> state type, from the server's API."""
    url = leases.read_state(home)["url"]
    request = urllib.request.Request(f"{url}/api/flow_runs/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {run["name"]: run["state_type"] for run in json.load(response)}


def _rows(db: Path) -> dict[str, list[str]]:
    """Every table's rows but the run history, with the load time of each row (the clock's, not the run's) masked."""
    return {table: [re.sub(r"datetime\.datetime\([^)]*\)", "<loaded at>", row) for row in rows]
            for table, rows in table_contents(db).items()}


def _gone(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not leases.pid_alive(pid):
            return True
        leases.reap(pid)
        time.sleep(0.2)
    return False


def test_a_later_run_goes_through_the_warm_runner_with_the_same_rows(home: Path, sources_copy: Path,
                                                                      tmp_path: Path) -> None:
    # the first run starts the server and the runner, and waits for the runner rather than import twice
    first = _run(home, sources_copy, tmp_path / "first.duckdb")
    runner = _ready_runner(home)
    served_before = runner.get("requests", 0)
    assert served_before in (0, 1), runner  # the cold run is handed over unless the runner was late

    warm = _run(home, sources_copy, tmp_path / "warm.duckdb")
    after = warm_state.read_runner(home)
    assert after["pid"] == runner["pid"] and after["requests"] == served_before + 1, after

    alone = _run(home, sources_copy, tmp_path / "alone.duckdb", DYAD_WARM_RUNNER="0")
    still = warm_state.read_runner(home) or {}
    assert still.get("requests") == served_before + 1, _log(home)  # turned off: not asked

    runs = _flow_runs(home)
    assert len(runs) == 3 and set(runs.values()) == {"COMPLETED"}, runs
    assert warm["status"] == alone["status"] == first["status"] == "succeeded"
    for key in ("documents", "events", "event_mentions", "people", "trade_claims", "figures", "trade_reported"):
        assert warm[key] == alone[key], key
    assert _rows(tmp_path / "warm.duckdb") == _rows(tmp_path / "alone.duckdb")
    assert not list((home / leases.LEASE_DIR).iterdir())  # every client gave its lease back

    # the client side imports nothing heavy when the runner takes the run
    probe = subprocess.run([sys.executable, "-c", PROBE, "run", "--sources", str(sources_copy), "--db",
                            str(tmp_path / "probe.duckdb"), "--json"], env=_env(home), capture_output=True,
                           text=True, timeout=300, cwd=PROJECT_ROOT)
    assert probe.returncode == 0, probe.stderr[-2000:]
    verdict = json.loads(probe.stdout.strip().splitlines()[-1])
    assert verdict == {"code": 0, "imported": []}, verdict

    # the runner goes with its server
    stop_server(home)
    assert _gone(runner["pid"]), "the runner outlived its server"
    assert warm_state.read_runner(home) is None and not warm_state.socket_path(home).exists()


def test_a_code_change_runs_in_process_and_restarts_the_runner(home: Path, sources_copy: Path,
                                                               tmp_path: Path) -> None:
    _run(home, sources_copy, tmp_path / "first.duckdb")
    old = _ready_runner(home)
    code = PROJECT_ROOT / "flows" / "orchestrate" / "progress.py"
    stat = code.stat()
    try:
        os.utime(code, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # "edited": the key changes
        changed = _run(home, sources_copy, tmp_path / "changed.duckdb")
        assert changed["status"] == "succeeded"
        new = _ready_runner(home, not_pid=old["pid"])
        assert new["key"] != old["key"] and new.get("requests", 0) == 0  # the stale runner was not asked
        assert _gone(old["pid"]), "the stale runner did not leave"
        _run(home, sources_copy, tmp_path / "again.duckdb")
        assert warm_state.read_runner(home)["requests"] == 1  # the new runner took the next run
    finally:
        os.utime(code, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_the_runner_stops_with_the_servers_idle_stop(home: Path, sources_copy: Path, tmp_path: Path) -> None:
    # a short idle time, and a lease of the test's own (a live process, as a run's) until the runner is ready:
    # the idle stop then comes after the runner is up, however slowly the machine starts it
    idle = 2.0
    (home / leases.LEASE_DIR).mkdir()
    ours = home / leases.LEASE_DIR / str(os.getpid())
    ours.touch()
    _run(home, sources_copy, tmp_path / "db.duckdb", DYAD_SERVER_IDLE_MINUTES=str(idle / 60))
    runner = _ready_runner(home)
    server = leases.read_state(home)
    leases.release_lease(ours)
    assert _gone(server["pid"], timeout=idle + 60), "the keeper did not stop the idle server"
    assert _gone(runner["pid"]), "the runner outlived the idle stop"
    assert warm_state.read_runner(home) is None
