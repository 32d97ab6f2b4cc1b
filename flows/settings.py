"""One typed settings object: CLI option > environment (DYAD_*) > default."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_SOURCES = PROJECT_ROOT / "sources"
REFERENCE_DIR = BUNDLED_SOURCES / "tables"
SQL_DIR = PROJECT_ROOT / "sql"
EXTRACTOR_VERSION = "0.1.0"
# The background Prefect server `dyad run` starts stops after this long without a run (DYAD_SERVER_IDLE_MINUTES).
SERVER_IDLE_MINUTES = 30.0


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class Settings:
    """Where dyad reads and writes; every field can come from an option or a DYAD_* variable."""

    sources: Path = field(default_factory=lambda: _env_path("DYAD_SOURCES", BUNDLED_SOURCES))
    db: Path = field(default_factory=lambda: _env_path("DYAD_DB", Path("dyad.duckdb")))
    reference_dir: Path = REFERENCE_DIR
    sql_dir: Path = SQL_DIR
    wait_seconds: float = field(default_factory=lambda: float(os.environ.get("DYAD_WAIT_SECONDS", "0")))

    def with_overrides(self, **values: object) -> "Settings":
        """A copy with the non-None values replaced (CLI options that were given)."""
        given = {k: (Path(v) if isinstance(v, str) else v) for k, v in values.items() if v is not None}
        return Settings(**{**self.__dict__, **given})


def auto_server_enabled() -> bool:
    """False when DYAD_AUTO_SERVER=0: `dyad run` then leaves a missing server to Prefect's temporary one."""
    return os.environ.get("DYAD_AUTO_SERVER", "1").strip().lower() not in {"0", "false", "no", "off"}


def server_idle_seconds() -> float:
    """How long the background server waits without a run before it stops (DYAD_SERVER_IDLE_MINUTES)."""
    return 60.0 * float(os.environ.get("DYAD_SERVER_IDLE_MINUTES", SERVER_IDLE_MINUTES))


def configure_prefect_environment() -> None:
    """Defaults that keep Prefect quiet and working offline; must run before prefect is imported.

    Explicit environment values win, so a user pointing PREFECT_API_URL at a server keeps it.
    """
    defaults = {
        "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The client's own telemetry (and its first-run notice on a terminal): no network here, and no noise.
        "DO_NOT_TRACK": "1",
        # 20 s is marginal for the temporary server's first start on 2 cores (STACK.md).
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        # Third-party loggers (e.g. sqlalchemy while the temporary server shuts down) log through the root
        # logger; their noise at exit says nothing a dyad user can act on.
        "PREFECT_LOGGING_ROOT_LEVEL": "CRITICAL",
        "PREFECT_TASKS_DEFAULT_NO_CACHE": "true",
        "PREFECT_UI_ENABLED": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
