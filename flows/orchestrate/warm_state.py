"""The warm runner's bookkeeping: its key, its state file and socket in PREFECT_HOME, starting and stopping it.

The warm runner (flows.cli.warm_runner) is a process that has already imported the CLI, Prefect and the pipeline
and forks a child for every `dyad run` handed to it, so a run pays for the flow and not for ~1.8 s of imports.
It must never run code or settings other than the ones the run would have loaded itself, so it is keyed on
everything read at import: the modification times and sizes of flows/, schemas/, sql/ and the bundled reference
tables, the lock files, the installed packages' folder, the interpreter, and the environment variables that
change results (DYAD_*, PREFECT_*, ...). A run whose key differs runs in its own process as before.

Standard library only: the keeper and `dyad run`'s client side import this before (or instead of) Prefect.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from flows.orchestrate import leases
from flows.settings import PROJECT_ROOT

STATE_FILE = "dyad-runner.json"
SOCKET_FILE = "dyad-runner.sock"
LOG_FILE = "dyad-runner.log"
RUNNER_MODULE = "flows.cli.warm_runner"
PROTOCOL = 1  # bumped when the client/runner messages change: a runner of another protocol is stale
STOP_TIMEOUT = 10.0
# AF_UNIX paths are limited to 108 bytes on Linux (104 on macOS); a longer PREFECT_HOME gets no warm runner.
MAX_SOCKET_PATH = 100
CODE_FOLDERS = ("flows", "schemas", "sql", "sources/tables")
CODE_FILES = ("requirements.lock", "requirements.model.txt", "pyproject.toml")
# Variables read when modules are imported, or that change what a run computes or where it reports.
ENV_PREFIXES = ("DYAD_", "PREFECT_", "POLARS_", "PYTHON", "LC_", "SPACY")
ENV_NAMES = ("LANG", "TZ", "DO_NOT_TRACK", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
# DYAD_* variables read only while a command runs (the child gets the client's whole environment): a different
# value needs no other runner.
RUNTIME_ONLY = frozenset({"DYAD_DB", "DYAD_SOURCES", "DYAD_WAIT_SECONDS", "DYAD_WORKERS", "DYAD_DASK",
                          "DYAD_OFFLINE", "DYAD_WARM_RUNNER", "DYAD_SERVER_IDLE_MINUTES", "DYAD_AUTO_SERVER",
                          "DYAD_FAULT_PAUSE", "DYAD_FAULT_PAUSE_SECONDS", "DYAD_FAULT_RELEASE"})


def warm_runner_enabled(env: dict[str, str] | None = None) -> bool:
    """False when DYAD_WARM_RUNNER=0 (every `dyad run` then imports and runs the pipeline in its own process)."""
    value = (env if env is not None else os.environ).get("DYAD_WARM_RUNNER", "1")
    return value.strip().lower() not in {"0", "false", "no", "off"}


def _stats(folder: Path) -> list[tuple[str, int, int]]:
    rows = []
    for directory, subdirs, files in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(directory, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            rows.append((os.path.relpath(path, folder), st.st_mtime_ns, st.st_size))
    return rows


def key_environment(env: dict[str, str]) -> dict[str, str]:
    """The part of an environment the key covers."""
    return {k: v for k, v in sorted(env.items())
            if (k.startswith(ENV_PREFIXES) or k in ENV_NAMES) and k not in RUNTIME_ONLY}


def code_key(env: dict[str, str] | None = None, root: Path = PROJECT_ROOT) -> str:
    """A hash of what a process loads when it imports the pipeline: code, data read at import, packages, settings.

    ~2 ms for the ~220 files: cheap enough for every run to check before handing itself to the runner."""
    env = dict(os.environ if env is None else env)
    digest = hashlib.sha256()
    digest.update(f"{PROTOCOL}\0{sys.executable}\0{sys.version}\0{root}\0".encode())
    for folder in CODE_FOLDERS:
        digest.update(repr(_stats(root / folder)).encode())
    for name in CODE_FILES:
        path = root / name
        digest.update(repr((name, *(_file_stat(path)))).encode())
    digest.update(repr(_file_stat(Path(sysconfig.get_paths()["purelib"]))).encode())  # a package added or removed
    extra = env.get("DYAD_LEXICON_EXTRA")
    if extra:
        digest.update(repr(_stats(Path(extra))).encode())
    digest.update(json.dumps(key_environment(env)).encode())
    return digest.hexdigest()[:32]


def _file_stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def state_path(home: Path) -> Path:
    """The file naming the runner: pid, key, socket, the server it belongs to, whether it is ready."""
    return home / STATE_FILE


def socket_path(home: Path) -> Path:
    """Where the runner listens (a Unix socket in PREFECT_HOME: only its owner can reach it)."""
    return home / SOCKET_FILE


def socket_fits(home: Path) -> bool:
    """False when PREFECT_HOME is too deep for a Unix socket path."""
    return len(os.fsencode(str(socket_path(home).absolute()))) <= MAX_SOCKET_PATH


def read_runner(home: Path) -> dict | None:
    """The runner's state, or None."""
    return leases.read_json(state_path(home))


def read_message(conn: socket.socket, buffer: bytearray, limit: int = 1 << 20) -> dict | None:
    """One newline-terminated JSON message of the runner's protocol (None at the end of the stream); what was read
    past it stays in buffer."""
    while b"\n" not in buffer:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer.extend(chunk)
        if len(buffer) > limit:
            raise ValueError("message too long")
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return json.loads(line)


def write_runner(home: Path, state: dict) -> None:
    """Replace the state file in one step (a reader never sees half of it)."""
    temporary = home / f".{STATE_FILE}.{os.getpid()}"
    temporary.write_text(json.dumps(state, indent=2), encoding="utf-8")
    os.replace(temporary, state_path(home))


def forget_runner(home: Path, pid: int) -> None:
    """Remove the state file and socket if they still belong to runner pid (a newer runner's are left alone)."""
    state = read_runner(home)
    if state and state.get("pid") == pid:
        state_path(home).unlink(missing_ok=True)
        socket_path(home).unlink(missing_ok=True)


def _is_runner(pid: int) -> bool:
    """Guard against a recycled pid before signalling it."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return leases.pid_alive(pid)
    return RUNNER_MODULE in cmdline


def runner_alive(state: dict | None) -> bool:
    """True while the process named by the state is a live runner."""
    return bool(state) and leases.pid_alive(state["pid"]) and _is_runner(state["pid"])


def start_runner(home: Path, server_pid: int, key: str, env: dict[str, str]) -> int:
    """Start a runner for the server whose keeper is server_pid, in a session of its own; returns its pid.

    The caller holds leases.locked(home). The runner imports for ~2 CPU s, then marks itself ready; a runner
    already in the state file is replaced (it sees that and exits)."""
    log = home / LOG_FILE
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "-m", RUNNER_MODULE, "--home", str(home)],
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                                   cwd=str(home), start_new_session=True)
    write_runner(home, {"pid": process.pid, "key": key, "server_pid": server_pid, "ready": False,
                        "socket": str(socket_path(home)), "started": time.time()})
    return process.pid


def stop_runner(home: Path, server_pid: int | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the runner (only the one of server_pid's server, when given); False when none was running.

    Runs already handed to it are its children in their own right and finish; only the runner stops."""
    state = read_runner(home)
    if not state or (server_pid is not None and state.get("server_pid") != server_pid):
        return False
    pid = state["pid"]
    if not runner_alive(state):
        forget_runner(home, pid)
        return False
    leases.end_process(pid, os.kill, timeout, poll=0.05)
    forget_runner(home, pid)
    return True
