"""Whole-pipeline figures: `dyad run` as a user runs it (child processes), with and without a Prefect server.

- orchestration, on the bundled sources: no server configured, cold (a fresh PREFECT_HOME: the run starts the
  project's background server) and warm (later runs reuse it); Prefect's temporary server per run (the old way,
  DYAD_AUTO_SERVER=0); against `dyad server start`; and the same stages without Prefect;
- full builds of generated article folders (growth with N) and an incremental run that adds one document.
Every run writes a fresh database unless it is the incremental one, so runs of a kind do the same work.
"""
from __future__ import annotations

import os
import shutil
import socket
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.generate import article, render
from bench.measure import ROOT, dyad_command, run_child

OUT = Path(__file__).parent / "out"
BUNDLED = ROOT / "sources"
SUMMARY_KEYS = ("documents", "documents_read", "events", "event_mentions", "trade_rows", "quarantined")


def free_port() -> int:
    """A TCP port nothing listens on now (the project's own server may hold 4200)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_db(name: str) -> Path:
    """A database path under bench/out with no file, WAL or lock left from an earlier run."""
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"{name}.duckdb"
    for stale in (db, Path(f"{db}.wal"), Path(f"{db}.lock")):
        stale.unlink(missing_ok=True)
    return db


def dyad_run(sources: Path, db: Path, home: Path, api_url: str | None = None, *, full: bool = False,
             extra: tuple[str, ...] = (), timeout: float | None = None, auto_server: bool = True,
             warm_runner: bool = True) -> dict[str, Any]:
    """`dyad run --json` in a child process; wall/CPU/RSS of the process and the pipeline's own seconds.

    CPU and RSS are the `dyad run` process's own (with the children it reaped: a temporary server's, but not
    the background server's, which outlives the run)."""
    command = [*dyad_command(), "run", "--sources", str(sources), "--db", str(db), "--json", *extra]
    if full:
        command.append("--full")
    env = {"PREFECT_HOME": str(home), "PREFECT_API_URL": api_url, "DYAD_AUTO_SERVER": "1" if auto_server else "0",
           "DYAD_WARM_RUNNER": "1" if warm_runner else "0"}
    runner_before = runner_children_cpu_s(home) if warm_runner else None
    child = run_child(command, env=env, timeout=timeout)
    if child.returncode != 0:
        raise RuntimeError(f"dyad run failed ({child.returncode}): {child.stderr[-2000:]}{child.stdout[-500:]}")
    summary = child.last_json()
    figures = child.figures()
    # A run the warm runner took ran in its forked child, whose CPU is not the client's: add what the runner
    # reaped during the run (it reaps within a second of the child's end).
    runner_cpu = _runner_cpu_after(home, runner_before) if warm_runner else None
    if runner_cpu:
        figures.update(client_cpu_s=figures["cpu_s"], runner_child_cpu_s=runner_cpu,
                       cpu_s=round(figures["cpu_s"] + runner_cpu, 3))
    return {**figures, "pipeline_s": summary.get("seconds"), "in_process_s": summary.get("wall_seconds"),
            **{k: summary.get(k) for k in SUMMARY_KEYS}}


def runner_children_cpu_s(home: Path) -> tuple[int, float] | None:
    """(pid, CPU seconds of the children it has reaped) of the warm runner in home, if one is up (Linux /proc)."""
    try:
        from flows.orchestrate import warm_state
    except ImportError:  # the code before the warm runner
        return None
    state = warm_state.read_runner(home)
    if not state:
        return None
    try:
        fields = Path(f"/proc/{state['pid']}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return state["pid"], (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime


def _runner_cpu_after(home: Path, before: tuple[int, float] | None, wait: float = 3.0) -> float | None:
    deadline = time.monotonic() + wait
    while True:
        after = runner_children_cpu_s(home)
        if after and (before is None or after[0] != before[0]):
            before = (after[0], 0.0)  # a runner started during the run: all its children are this run's
        if after and after[1] > before[1]:
            return round(after[1] - before[1], 3)
        if time.monotonic() > deadline or not after:
            return None
        time.sleep(0.1)


def direct_run(sources: Path, db: Path, *, full: bool = False, timeout: float | None = None) -> dict[str, Any]:
    """The same stages without Prefect (bench.direct) in a child process."""
    command = [sys.executable, "-m", "bench.direct", str(sources), str(db), *(["--full"] if full else [])]
    child = run_child(command, env={"PREFECT_API_URL": None}, timeout=timeout)
    if child.returncode != 0:
        raise RuntimeError(f"direct run failed: {child.stderr[-2000:]}")
    summary = child.last_json()
    return {**child.figures(), "stages_s": summary.get("stages_s"), "import_s": summary.get("import_s"),
            **{k: summary.get(k) for k in SUMMARY_KEYS}}


@contextmanager
def local_server(home: Path) -> Iterator[dict[str, Any]]:
    """A Prefect server of the bench's own (own PREFECT_HOME, a free port, no UI), stopped on exit."""
    from flows.orchestrate.server import start_server, stop_server

    home.mkdir(parents=True, exist_ok=True)
    clock = time.perf_counter()
    status = start_server(free_port(), home=home, ui=False)
    try:
        yield {"api_url": f"{status.url}/api", "startup_s": round(time.perf_counter() - clock, 2), "pid": status.pid}
    finally:
        stop_server(home)


def process_group_cpu_s(pgid: int) -> float | None:
    """CPU seconds (user + system) used so far by the live processes of a process group (Linux /proc)."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the command: state, ppid, pgrp, ..., utime (12), stime (13)
            total += (int(fields[11]) + int(fields[12])) / tick
    return round(total, 2) if total else None


def no_server_runs(repeats: int = 3, warm_runner: bool = True) -> list[dict[str, Any]]:
    """`dyad run` with no server configured, in a new PREFECT_HOME: the first run is cold (it starts the
    background server, and the warm runner beside it unless warm_runner is False), the others are warm (they
    reuse them). The server is stopped at the end; the first run also records the CPU the server spent starting
    (not the run's own: it outlives the run)."""
    from flows.orchestrate import leases
    from flows.orchestrate.server import stop_server

    home = OUT / ("prefect-auto" if warm_runner else "prefect-auto-nr")  # short: the runner's socket lives here
    stop_server(home)
    shutil.rmtree(home, ignore_errors=True)
    try:
        runs = [dyad_run(BUNDLED, fresh_db("bundled_auto"), home, warm_runner=warm_runner)]
        state = leases.read_state(home)
        runs[0]["server_start_cpu_s"] = process_group_cpu_s(state["pid"]) if state else None
        if warm_runner:
            wait_for_runner(home)  # a cold run whose runner was late left it starting: warm runs find it ready
        runs += [dyad_run(BUNDLED, fresh_db("bundled_auto"), home, warm_runner=warm_runner)
                 for _ in range(repeats - 1)]
        return runs
    finally:
        stop_server(home)


def wait_for_runner(home: Path, timeout: float = 120.0) -> bool:
    """Wait (bounded) until the warm runner in home is ready; False when none is (or the code has no runner)."""
    try:
        from flows.orchestrate import warm_state
    except ImportError:  # the code before the warm runner (a "before" worktree)
        return False

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = warm_state.read_runner(home)
        if state and state.get("ready") and warm_state.runner_alive(state):
            return True
        time.sleep(0.2)
    return False


def temporary_server_runs(repeats: int = 1) -> list[dict[str, Any]]:
    """The old way, for the same run's comparison: Prefect's temporary server started by every run
    (DYAD_AUTO_SERVER=0), in a PREFECT_HOME that has seen a run before (its database is migrated)."""
    home = OUT / "prefect-temporary"
    dyad_run(BUNDLED, fresh_db("bundled_temporary"), home, auto_server=False)  # migrates the home; not counted
    return [dyad_run(BUNDLED, fresh_db("bundled_temporary"), home, auto_server=False) for _ in range(repeats)]


def warm_runs(server: dict[str, Any], home: Path, repeats: int = 3, warm_runner: bool = True) -> list[dict[str, Any]]:
    """`dyad run` on the bundled sources against the running server, each into a fresh database; with the warm
    runner, one run first (not counted) starts it, and the counted runs wait until it is ready."""
    if warm_runner:
        dyad_run(BUNDLED, fresh_db("bundled_warm"), home, server["api_url"])
        wait_for_runner(home)
    return [dyad_run(BUNDLED, fresh_db("bundled_warm"), home, server["api_url"], warm_runner=warm_runner)
            for _ in range(repeats)]


def direct_runs(repeats: int = 2) -> list[dict[str, Any]]:
    """The bundled sources' stages without Prefect, each into a fresh database."""
    return [direct_run(BUNDLED, fresh_db("bundled_direct")) for _ in range(repeats)]


def import_runs(repeats: int = 2) -> list[dict[str, Any]]:
    """The floor under every `dyad run`: a process that only imports the CLI and the pipeline (Prefect with it)."""
    code = "import flows.settings as s; s.configure_prefect_environment(); import flows.cli, flows.orchestrate.pipeline"
    return [run_child([sys.executable, "-c", code]).figures() for _ in range(repeats)]


def median(runs: list[dict[str, Any]], key: str) -> float:
    """The median of one figure over repeated runs."""
    return round(statistics.median(r[key] for r in runs), 3)


def add_one_document(sources: Path, seed: int = 7) -> Path:
    """Write one more generated article (index = the folder's count) into sources/documents; its path."""
    documents = sources / "documents"
    index = sum(1 for _ in documents.iterdir())
    doc = article(index, seed + 1)
    path = documents / f"added_{index:06d}.{doc['format']}"
    path.write_text(render(doc), encoding="utf-8")
    return path


def full_and_incremental(sources: Path, home: Path, api_url: str | None, *, incremental: bool,
                         timeout: float | None = None) -> dict[str, Any]:
    """A full build of sources into a fresh database and, if asked, a run after adding one document to it."""
    db = fresh_db(sources.name)
    full = dyad_run(sources, db, home, api_url, timeout=timeout)
    result: dict[str, Any] = {"full": full}
    if incremental:
        added = add_one_document(sources)
        try:
            result["plus_one"] = dyad_run(sources, db, home, api_url, timeout=timeout)
        finally:
            added.unlink()  # the generated folder stays as its stamp describes it
        result["ratio"] = round(result["plus_one"]["wall_s"] / full["wall_s"], 4)
        result["pipeline_ratio"] = round(result["plus_one"]["pipeline_s"] / full["pipeline_s"], 4)
    return result
