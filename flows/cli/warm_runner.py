"""The warm runner: one process that has imported the CLI, Prefect and the pipeline, and forks a child per run.

`dyad run` spends ~1.8 s importing before its flow starts (docs/performance.md). This process pays that once,
beside the project's Prefect server: it listens on a Unix socket in PREFECT_HOME, and for each `dyad run` that
connects (flows.orchestrate.warm_client) it forks a child that takes the client's terminal (its stdin, stdout and
stderr, passed over the socket), working directory, environment and arguments, and runs the very same `dyad run`
command in-process: the same flow run in the server and its UI, the same database lock, output, errors and exit
code. The fork keeps the parent clean (nothing of one run is left for the next) and costs a few milliseconds.

The parent never starts a flow, a client or a thread pool of its own, so a fork copies no lock held by a thread.
It exits when its server stops, when a newer runner replaces it, or on SIGTERM (the keeper's idle stop and
`dyad server stop` send it). Started by flows.orchestrate.warm_state.start_runner:

    python -m flows.cli.warm_runner --home PREFECT_HOME
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import socket
import struct
import sys
import threading
import time
from pathlib import Path

from flows.orchestrate import leases, warm_state

TICK = 1.0  # seconds between the parent's checks that its server is still up


def send(conn: socket.socket, message: dict) -> None:
    """Send one message; a client that went away is not an error here."""
    try:
        conn.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass


def _peer_uid(conn: socket.socket) -> int:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def _take_terminal(fds: list[int], request: dict) -> None:
    """Make the client's stdin, stdout and stderr ours, and the consoles see them as the client would."""
    for target, fd in zip((0, 1, 2), fds):
        os.dup2(fd, target)
        os.close(fd)
    # New text streams over the client's descriptors, buffered as Python buffers them at start-up (a terminal
    # line by line, a file or pipe in blocks, stderr always by line), in the client's encoding.
    encoding = request.get("encoding") or "utf-8"
    sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115 - lives as long as the process
    sys.stdout = open(1, "w", buffering=1 if os.isatty(1) else -1, encoding=encoding,  # noqa: SIM115
                      closefd=False)
    sys.stderr = open(2, "w", buffering=1, encoding=encoding, errors="backslashreplace",  # noqa: SIM115
                      closefd=False)
    from flows.cli import common

    # The consoles were built when this process started, off a terminal: build them again for the client's.
    common.console.__init__(stderr=True, width=common._width(sys.stderr))
    common.out.__init__(width=common._width(sys.stdout))


def _watch_for_cancel(conn: socket.socket, buffer: bytearray) -> None:
    """Ctrl-C in the client (or the client gone) interrupts the run as Ctrl-C interrupts an in-process run."""
    try:
        message = warm_state.read_message(conn, buffer)
    except (OSError, ValueError):
        message = None
    if message is None or message.get("cancel"):
        os.kill(os.getpid(), signal.SIGINT)


def serve_one(conn: socket.socket, key: str) -> int:
    """In the forked child: check the request, run the command as the client would have, report its exit code."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    conn.settimeout(10.0)  # the client sends its request at once
    data, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    buffer = bytearray(data)
    if _peer_uid(conn) != os.getuid() or len(fds) != 3:
        send(conn, {"refused": "not this user's request"})
        return 1
    request = warm_state.read_message(conn, buffer)
    if request is None:
        return 1
    if request.get("key") != key:
        send(conn, {"stale": True})
        return 0
    os.chdir(request["cwd"])
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    send(conn, {"ready": os.getpid()})
    go = warm_state.read_message(conn, buffer)  # a client that gave up waiting sends nothing: then nothing runs
    if not go or not go.get("go"):
        return 0
    conn.settimeout(None)
    sys.argv = request["argv"]
    _take_terminal(fds, request)
    threading.Thread(target=_watch_for_cancel, args=(conn, buffer), daemon=True).start()
    from flows.cli.app import app

    try:
        app(args=request["argv"][1:], prog_name="dyad")
        code = 0
    except SystemExit as done:
        code = _exit_code(done.code)
    except KeyboardInterrupt:
        code = 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the client closing the socket now is no Ctrl-C
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass
    send(conn, {"exit": code})
    return code


def _exit_code(code: object) -> int:
    """What the interpreter would exit with for SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _child(conn: socket.socket, listener: socket.socket, key: str) -> None:
    """The forked child's whole life: it never returns into the parent's loop."""
    code = 1
    try:
        listener.close()
        code = serve_one(conn, key)
    except BaseException:  # noqa: BLE001 - whatever happened, this process must end here
        import traceback

        traceback.print_exc()
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()  # what a process that ends normally does: Prefect flushes its logs and events
        finally:
            os._exit(code)


# Imported by a run only when it gets there (the engines, the extractor, validation's strategies, the export):
# imported once here instead of in every run.
LAZY_MODULES = ("flows.extract.document", "flows.extract.budget", "flows.publish.export", "flows.warehouse.marker",
                "prefect.engine", "prefect.flow_engine", "prefect.task_engine", "prefect.artifacts",
                "prefect.concurrency.v1.context", "prefect.telemetry.run_telemetry", "pandera.strategies",
                "pandera.backends.polars.register", "hypothesis", "fastapi.encoders", "graphviz",
                "anyio._backends._asyncio", "opentelemetry.metrics", "opentelemetry._logs", "sortedcontainers",
                "pydantic.color", "typer._adapters", "encodings.utf_8_sig", "rich.json", "dateparser")
# A made-up article that takes the extractor through dates, countries, people, events and trade figures once,
# so the patterns it compiles on first use and the entity recogniser are ready before the first run.
WARM_TEXT = ("On 3 March 2021 the President of Ruritania, Anna Example, met the Foreign Minister of Freedonia "
             "in Lisbon. The two countries signed an agreement on trade and opened an embassy. Trade between "
             "Ruritania and Freedonia grew by 12 percent to $45 million in 2020, exports of machinery reached "
             "$3.2 million.")


def _warm_up() -> int:
    """Import everything a run imports, and load what the first run would load, once, in the parent; returns
    how many threads the imports alone left (the loading after them must add none).

    Nothing here may start Polars' thread pool or a Prefect client (a fork copies no threads): the extractor
    runs on plain strings, and _forkable() checks the threads afterwards."""
    import importlib

    from flows.cli import app  # noqa: F401 - the commands and their options
    from flows.orchestrate import artifacts, pipeline, serve  # noqa: F401 - the flows
    import prefect.settings  # noqa: F401

    for name in LAZY_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a module of another version of a package: the run imports what it needs
            pass
    imported_threads = len(_threads())
    from pandera.backends.polars.register import register_polars_backends

    register_polars_backends()  # pandera registers its checks on the first validation: 0.3 s of every run
    from flows.extract import nlp, syntax
    from flows.extract.document import extract_document

    if nlp.backbone() == "spacy" and syntax.available():
        nlp.pipeline()  # the one spaCy pipeline of the names and the parse
    extract_document({"document_key": "warm-up", "text": WARM_TEXT, "published_date": None, "path": "warm-up"})
    _build_schemas()
    from flows.cli.run import without_heartbeat

    without_heartbeat()  # Prefect's settings for a run, built once (~0.25 s)
    from flows.settings import SQL_DIR
    from flows.warehouse.marker import expected_tables

    expected_tables(SQL_DIR)  # sql/ddl built in a scratch database (closed again), ~0.1-0.2 s of every run
    from flows.warehouse.views import expected_views

    expected_views(SQL_DIR)  # the views as a run compares them (flows.warehouse.views), ~0.5 s of every run
    gc.collect()
    gc.freeze()  # forked children then share these pages instead of copying them on the first collection
    return imported_threads


def _build_schemas() -> None:
    """Every Pandera model of schemas/ as its schema (built on first use, ~0.1 s of a run): no data touched."""
    import pandera.polars as pa

    pending = list(pa.DataFrameModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if model.__module__.startswith("schemas."):
            try:
                model.to_schema()
            except Exception:  # noqa: BLE001 - a base model that is no schema by itself: its runs build nothing
                pass


def _threads() -> list[str]:
    """The names of this process's threads (Linux), native ones included."""
    try:
        return [Path(f"/proc/self/task/{tid}/comm").read_text().strip() for tid in os.listdir("/proc/self/task")]
    except OSError:
        return []


def _forkable(imported_threads: int) -> bool:
    """False when the warm-up started a thread (Polars' pool, DuckDB's, a Python thread) that a fork would leave
    behind: such a runner serves no run. The native threads importing starts (jemalloc's, OpenBLAS's, Polars'
    spill cleaner) hold no lock a child needs; jemalloc and OpenBLAS reset themselves at fork."""
    names = _threads()
    if threading.active_count() > 1 or len(names) > imported_threads:
        return False
    return not any(name.startswith("polars-") and not name.startswith("polars-ooc") for name in names)


class Runner:
    """The parent: listen, fork a child per request, leave when the server goes or a newer runner replaces it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.pid = os.getpid()
        self.key = warm_state.code_key()
        self.state: dict = {}
        self.stopping = False

    def mine(self) -> bool:
        """True while the state file names this process and its server is still the one it was started for."""
        state = warm_state.read_runner(self.home)
        server = leases.read_state(self.home)
        return (bool(state) and state.get("pid") == self.pid and bool(server)
                and server.get("pid") == self.state.get("server_pid") and leases.pid_alive(server["pid"]))

    def run(self) -> int:
        with leases.locked(self.home):  # the starter writes the state file under this lock, after the fork
            self.state = warm_state.read_runner(self.home) or {}
        if self.state.get("pid") != self.pid:
            return 0  # replaced before it started
        imported_threads = _warm_up()
        if not _forkable(imported_threads):
            print(f"warm runner: not serving, threads after warm-up: {_threads()}", file=sys.stderr)
            return 1
        if warm_state.code_key() != self.key:
            return 0  # the code changed while it was imported: the next run starts a runner for the new code
        path = warm_state.socket_path(self.home)
        path.unlink(missing_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket: this user only
        try:
            listener.bind(str(path))
        finally:
            os.umask(old_umask)
        listener.listen(8)
        listener.settimeout(TICK)
        signal.signal(signal.SIGTERM, self._on_term)
        signal.signal(signal.SIGINT, self._on_term)
        try:
            with leases.locked(self.home):
                if not self.mine():
                    self._log("replaced while it started")
                    return 0
                warm_state.write_runner(self.home, {**self.state, "key": self.key, "ready": True,
                                                    "ready_at": time.time()})
            self._log(f"ready (key {self.key})")
            return self._loop(listener)
        finally:
            listener.close()
            warm_state.forget_runner(self.home, self.pid)

    def _on_term(self, signum: int, frame: object) -> None:
        self.stopping = True

    def _loop(self, listener: socket.socket) -> int:
        while not self.stopping:
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                self._reap()
                if not self.mine():
                    self._log("replaced, or its server stopped")
                    return 0
                continue
            except OSError as exc:  # e.g. out of file descriptors for a moment: the client runs in-process
                self._log(f"accept failed: {exc}")
                time.sleep(TICK)
                continue
            try:
                child = os.fork()
            except OSError as exc:  # the client sees the connection close and runs in-process
                self._log(f"fork failed: {exc}")
                conn.close()
                continue
            if child == 0:
                _child(conn, listener, self.key)
            conn.close()
            self._count(child)
            self._reap()
        self._log("stopped (SIGTERM: idle stop or dyad server stop)")
        return 0

    def _log(self, message: str) -> None:
        """One line in PREFECT_HOME/dyad-runner.log (the runner's stdout and stderr)."""
        print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} warm runner {self.pid}: {message}", file=sys.stderr,
              flush=True)

    def _count(self, child: int) -> None:
        """Note the request in the state file (`dyad server status` and the tests read it); a request the child
        refuses (another key) counts too: it is what the runner was asked."""
        with leases.locked(self.home):
            state = warm_state.read_runner(self.home)
            if state and state.get("pid") == self.pid:
                warm_state.write_runner(self.home, {**state, "requests": state.get("requests", 0) + 1,
                                                    "last_child": child, "last_request_at": time.time()})

    def _reap(self) -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if not pid:
                return


def main(argv: list[str] | None = None) -> int:
    """`python -m flows.cli.warm_runner --home DIR`."""
    parser = argparse.ArgumentParser(prog="python -m flows.cli.warm_runner")
    parser.add_argument("--home", type=Path, required=True)
    args = parser.parse_args(argv)
    return Runner(args.home).run()


if __name__ == "__main__":
    sys.exit(main())
