"""Session-wide test settings: Prefect runs against a temporary server under tmp, quietly, offline."""
from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


TERMINAL_VARIABLES = ("COLUMNS", "LINES")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """(pytest-xdist, controller side) Hand each worker the terminal variables of the command that started the
    suite: a worker process finds COLUMNS=80 and LINES=24 set where the controller had none, and the CLI's
    console sizes itself by COLUMNS (flows/cli/common.py), so a table then wraps in a worker and not serially."""
    node.workerinput["dyad_terminal"] = {name: os.environ.get(name) for name in TERMINAL_VARIABLES}


def pytest_configure(config: pytest.Config) -> None:
    terminal = getattr(config, "workerinput", {}).get("dyad_terminal")
    for name, value in (terminal or {}).items():  # a worker: the controller's values, or none as it had none
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        # one PREFECT_HOME per xdist worker (gw0, gw1, ...), inside the configured one (`make` exports .prefect):
        # a server one worker's `dyad run` starts there is that worker's, and its session end stops only its own
        home = Path(os.environ.get("PREFECT_HOME") or ROOT / ".prefect") / f"test-{worker}"
        os.environ["PREFECT_HOME"] = str(home)
    else:
        os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect" / "test"))
    # Prefect makes its home without parents: on a clean clone `.prefect` does not exist yet ("Failed to create the
    # Prefect home directory" warnings in CI), so the folder is made here
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    from flows.settings import configure_prefect_environment

    configure_prefect_environment()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No Prefect server outlives the suite: `dyad run` starts one in PREFECT_HOME when no API is configured."""
    from flows.orchestrate.server import stop_server

    stop_server(Path(os.environ["PREFECT_HOME"]))


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A temporary Prefect API for the whole session (~15 s once, instead of per flow run), one for the
    integration and the robustness tests alike (each folder started its own before: two start-ups a full run);
    one per xdist worker, each on a port and a database of its own."""
    from prefect.settings import temporary_settings

    with _test_harness(tmp_path_factory.mktemp("prefect-api") / "prefect-test.db"):
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield


@contextmanager
def _test_harness(database: Path) -> Iterator[None]:
    """prefect.testing.utilities.prefect_test_harness (Prefect 3.x), but its SQLite database starts as a copy of
    the migrated template `make install` made (flows/orchestrate/server_db.py) when there is one for this Prefect:
    the server then has no migrations to run and its block types in place (~5 s less CPU a start). Without the
    template the server migrates an empty file, as the harness does."""
    import prefect.context
    import prefect.settings
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.server.database.dependencies import temporary_database_interface
    from prefect.testing.utilities import prefect_test_harness

    from flows.orchestrate.server_db import TEMPLATE, template_ready

    if not template_ready(TEMPLATE):  # the library's own harness, migrations and all
        with prefect_test_harness(server_startup_timeout=120):
            yield
        return
    shutil.copyfile(TEMPLATE, database)
    url = f"sqlite+aiosqlite:///{database}"
    with ExitStack() as stack:
        stack.enter_context(temporary_database_interface())
        stack.enter_context(prefect.settings.temporary_settings(
            updates={prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL: url}))
        server = SubprocessASGIServer(port=_free_port())  # 127.0.0.1, a port the system gave this worker
        prior = SubprocessASGIServer._instances.get(None)
        SubprocessASGIServer._instances[None] = server  # flow code asking for "the" server finds this one
        server.start(timeout=120)
        stack.enter_context(prefect.settings.temporary_settings(
            updates={prefect.settings.PREFECT_API_URL: server.api_url}))
        stack.enter_context(prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()))
        try:
            yield
        finally:
            _drain_workers()
            server.stop()
            if prior is not None:
                SubprocessASGIServer._instances[None] = prior
            else:
                SubprocessASGIServer._instances.pop(None, None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _drain_workers() -> None:
    """Send the logs and events still queued before the server stops (as the harness does)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        try:
            result = APILogWorker.instance().drain()
            if inspect.isawaitable(result):
                await result
        except RuntimeError:  # never started
            pass
        result = EventsWorker.drain_all()
        if inspect.isawaitable(result):
            await result

    run_coro_as_sync(drain())


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources folder."""
    target = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", target)
    return target
