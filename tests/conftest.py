"""Session-wide test settings: Prefect runs against a temporary server under tmp, quietly, offline."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect" / "test"))
    from flows.settings import configure_prefect_environment

    configure_prefect_environment()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No Prefect server outlives the suite: `dyad run` starts one in PREFECT_HOME when no API is configured."""
    from flows.orchestrate.server import stop_server

    stop_server(Path(os.environ["PREFECT_HOME"]))


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (~15 s once, instead of per flow run), one for the
    integration and the robustness tests alike (each folder started its own before: two start-ups a full run)."""
    from prefect.settings import temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources folder."""
    target = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", target)
    return target
