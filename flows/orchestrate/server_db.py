"""A migrated, empty Prefect database made once at install, so a new PREFECT_HOME's first server starts sooner.

A Prefect server in a new PREFECT_HOME creates its SQLite database and runs every migration before it answers:
3.5-8 s of the 11-17 s it took to answer at load 4 (docs/performance.md), and all of it on the first `dyad run`
(the cold one), and so are the ~2.5 s of registering Prefect's block types in it. `make install` starts a server
once in a scratch home and keeps its database as `<venv>/dyad/prefect-template.db`, beside the Prefect version
that wrote it; starting a server in a home without a database copies it there first, and the server finds
nothing to migrate and its block types in place. Another Prefect version (the lock changed, the template did not) or a
database configured elsewhere (PREFECT_SERVER_DATABASE_CONNECTION_URL, say PostgreSQL) skips the copy and the
server migrates as before. Standard library only: this runs before Prefect is imported.

    python -m flows.orchestrate.server_db      # what `make install` runs
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing
from importlib import metadata
from pathlib import Path

DB_NAME = "prefect.db"  # Prefect's SQLite file in PREFECT_HOME when no connection URL is configured
TEMPLATE = Path(sys.prefix) / "dyad" / "prefect-template.db"
BUILD_TIMEOUT = 300.0
# Settings under which the server keeps its database somewhere else than PREFECT_HOME/prefect.db.
_ELSEWHERE = ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "PREFECT_API_DATABASE_CONNECTION_URL")


def _prefect_version() -> str:
    return metadata.version("prefect")


def _version_file(template: Path) -> Path:
    return template.with_suffix(".version")


def template_ready(template: Path = TEMPLATE) -> bool:
    """True when the template exists and was migrated by the Prefect installed now."""
    version = _version_file(template)
    return template.is_file() and version.is_file() and version.read_text().strip() == _prefect_version()


def seed_home(home: Path, template: Path = TEMPLATE) -> bool:
    """Copy the migrated template into a home that has no database yet; True when it did."""
    target = home / DB_NAME
    if target.exists() or any(os.environ.get(name) for name in _ELSEWHERE) or not template_ready(template):
        return False
    home.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{DB_NAME}.{os.getpid()}")
    shutil.copyfile(template, partial)
    partial.replace(target)  # a server never sees half a database
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1.0) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def build_template(template: Path = TEMPLATE, timeout: float = BUILD_TIMEOUT) -> Path:
    """Start a Prefect server once in an empty home, so it migrates the database and registers Prefect's block
    types (the two jobs of a first start), stop it, and keep a clean copy of its database as the template."""
    template.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=template.parent) as scratch:
        env = {**os.environ, "PREFECT_HOME": scratch, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
               "PREFECT_LOGGING_LEVEL": "WARNING"}
        for name in (*_ELSEWHERE, "PREFECT_API_URL"):
            env.pop(name, None)
        port = _free_port()
        script = Path(sys.executable).with_name("prefect")
        command = [*([str(script)] if script.exists() else [sys.executable, "-m", "prefect"]),
                   "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui", "--analytics-off"]
        server = subprocess.Popen(command, env=env, cwd=scratch, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while not _answers(f"http://127.0.0.1:{port}/api/health"):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the Prefect server did not start to build the template (exit {server.poll()})")
                time.sleep(0.2)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        # VACUUM INTO writes one self-contained file, the write-ahead log's pages included
        partial = template.with_name(f".{template.name}.{os.getpid()}")
        partial.unlink(missing_ok=True)
        with closing(sqlite3.connect(Path(scratch, DB_NAME))) as con:
            con.execute("vacuum into ?", [str(partial)])
        partial.replace(template)
    _version_file(template).write_text(_prefect_version() + "\n", encoding="utf-8")
    return template


if __name__ == "__main__":
    print(f"migrated Prefect database template: {build_template()}")
