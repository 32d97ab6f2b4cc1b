"""Run one measurement in a child process: its wall time, CPU time (user + system, all threads) and peak RSS.

The machine is shared and noisy, so every figure keeps its CPU time beside its wall time, and each child
process owns its memory figure alone.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


@dataclass
class Measured:
    """What one child process cost, and what it printed."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    def last_json(self) -> dict:
        """The last line of stdout that parses as a JSON object ({} when none does)."""
        text = self.stdout.strip()
        try:  # `dyad run --json` pretty-prints one object over many lines
            return json.loads(text)
        except ValueError:
            pass
        for line in reversed(text.splitlines()):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
        return {}

    def figures(self) -> dict:
        """Wall, CPU and memory, rounded for the results file."""
        return {k: round(v, 3) for k, v in asdict(self).items() if k in ("wall_s", "cpu_s", "peak_rss_mb")}


def run_child(command: list[str], env: dict[str, str | None] | None = None, timeout: float | None = None) -> Measured:
    """Run command to its end; os.wait4 gives this child's own rusage (with the descendants it reaped).

    A value of None in env removes that variable (e.g. PREFECT_API_URL for a run on a temporary server).
    """
    full_env = {**os.environ, **{k: v for k, v in (env or {}).items() if v is not None}}
    for key in [k for k, v in (env or {}).items() if v is None]:
        full_env.pop(key, None)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=out, stderr=err, text=True)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
            time.sleep(0.05)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, peak_rss_mb=usage.ru_maxrss / 1024,
                        returncode=process.returncode, stdout=out.read(), stderr=err.read())


def python_child(code: str, *args: str, env: dict[str, str | None] | None = None, timeout: float | None = None
                 ) -> Measured:
    """run_child for `python -c code args...` with this interpreter, in the project root."""
    return run_child([sys.executable, "-c", code, *args], env=env, timeout=timeout)


def dyad_command() -> list[str]:
    """The dyad console script of this virtualenv (python -m flows.cli when it is not installed)."""
    script = VENV_BIN / "dyad"
    return [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]
