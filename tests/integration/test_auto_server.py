"""`dyad run` without a configured server: the first run starts the project's server in the background, later
runs reuse it, both flow runs are in its API, and the keeper stops it once no run has used it for the idle time.
Every wait is bounded; the fixture stops whatever is left."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.orchestrate import leases
from flows.orchestrate.server import server_status, stop_server

pytestmark = pytest.mark.slow

DYAD = str(Path(sys.executable).with_name("dyad"))
# Small, so the idle stop is seen in seconds; the test's own lease (below) holds the server between its two runs,
# so the reuse does not rest on one run ending and the next starting within the idle time on a loaded machine.
IDLE_SECONDS = 2.0


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """A PREFECT_HOME of the test's own; any server started in it is stopped at the end."""
    folder = tmp_path / "prefect-home"
    folder.mkdir()
    try:
        yield folder
    finally:
        stop_server(folder)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "DYAD_AUTO_SERVER")}
    return {**env, "PREFECT_HOME": str(home), "DYAD_SERVER_IDLE_MINUTES": str(IDLE_SECONDS / 60)}


def _flow_run_names(api: str) -> list[str]:
    request = urllib.request.Request(f"{api}/flow_runs/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return sorted(run["name"] for run in json.load(response))


def test_the_first_run_starts_a_server_that_later_runs_reuse_and_idle_stops(home: Path, sources_copy: Path,
                                                                             tmp_path: Path) -> None:
    db = tmp_path / "auto.duckdb"
    command = [DYAD, "run", "--sources", str(sources_copy), "--db", str(db), "--json"]
    (home / leases.LEASE_DIR).mkdir()
    ours = home / leases.LEASE_DIR / str(os.getpid())
    ours.touch()  # a live process's lease, as a run holds one: the server stays up until it is given back
    first = subprocess.run(command, env=_env(home), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "Starting temporary server" not in first.stderr + first.stdout
    state = leases.read_state(home)
    assert state is not None and server_status(home).running, "the first run left no server up"

    second = subprocess.run([*command, "--full"], env=_env(home), capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert leases.read_state(home)["pid"] == state["pid"], "the second run started another server"
    assert json.loads(second.stdout)["documents"] == 1
    names = _flow_run_names(f"{state['url']}/api")
    assert len(names) == 2 and all(name.startswith("dyad-sources-") for name in names)
    assert [p.name for p in (home / leases.LEASE_DIR).iterdir()] == [ours.name], "a finished run kept its lease"

    leases.release_lease(ours)
    released = time.monotonic()
    deadline = released + IDLE_SECONDS + 60
    while time.monotonic() < deadline and leases.pid_alive(state["pid"]):
        time.sleep(0.2)
    stopped_after = time.monotonic() - released
    assert not leases.pid_alive(state["pid"]), "the keeper did not stop the idle server"
    assert stopped_after >= IDLE_SECONDS - 0.5, f"stopped {stopped_after:.1f} s after the last lease went"
    assert leases.read_state(home) is None and not server_status(home).running


def test_auto_start_can_be_turned_off(home: Path, sources_copy: Path, tmp_path: Path, prefect_api_env) -> None:
    """DYAD_AUTO_SERVER=0: no background server (here the session's test API is the configured one)."""
    env = {**_env(home), "DYAD_AUTO_SERVER": "0", "PREFECT_API_URL": prefect_api_env["PREFECT_API_URL"]}
    done = subprocess.run([DYAD, "run", "--sources", str(sources_copy), "--db", str(tmp_path / "x.duckdb"), "-q"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert leases.read_state(home) is None


def test_the_keeper_stops_its_server_after_the_idle_time_unless_a_lease_is_live(home: Path) -> None:
    """The keeper over a stand-in server process (a sleeping Python): a live lease holds it, idle time stops it."""
    lease_holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])
    threading.Thread(target=lease_holder.wait, daemon=True).start()  # reaped at once: no zombie holds the lease
    (home / leases.LEASE_DIR).mkdir()
    (home / leases.LEASE_DIR / str(lease_holder.pid)).touch()
    (home / leases.LEASE_DIR / "999999999").touch()  # a pid that cannot exist: a stale lease
    keeper = subprocess.Popen([sys.executable, "-m", "flows.orchestrate.keeper", "--home", str(home), "--idle", "1",
                               "--log", str(home / "log"), "--", sys.executable, "-c", "import time; time.sleep(300)"],
                              start_new_session=True)
    leases.state_path(home).write_text(json.dumps({"pid": keeper.pid, "url": "http://127.0.0.1:9", "home": str(home),
                                                   "log": str(home / "log")}))
    started = time.monotonic()
    try:
        assert keeper.wait(timeout=60) == 0
    finally:
        if keeper.poll() is None:
            os.killpg(keeper.pid, 9)
    held = time.monotonic() - started
    assert held >= 2 + 1 - 0.5, f"stopped after {held:.1f} s although a lease was live for 2 s"
    assert leases.read_state(home) is None
    assert not (home / leases.LEASE_DIR / "999999999").exists()


def test_idle_seconds_counts_from_the_last_lease(tmp_path: Path) -> None:
    folder = tmp_path / leases.LEASE_DIR
    folder.mkdir()
    assert leases.idle_seconds(tmp_path, since=time.time() - 100) < 5  # the folder was just made
    lease = folder / str(os.getpid())
    lease.touch()
    assert leases.idle_seconds(tmp_path, since=0) == 0.0
    leases.release_lease(lease)
    os.utime(folder, (time.time() - 50, time.time() - 50))
    assert 49 <= leases.idle_seconds(tmp_path, since=0) <= 60
