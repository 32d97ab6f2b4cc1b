"""The migrated Prefect database a new PREFECT_HOME starts from (flows/orchestrate/server_db.py)."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from flows.orchestrate import server_db


@pytest.fixture
def template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A template made by the Prefect installed now (its version file says so)."""
    for name in ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "PREFECT_API_DATABASE_CONNECTION_URL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "venv" / "dyad" / "prefect-template.db"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"migrated database")
    path.with_suffix(".version").write_text(server_db._prefect_version() + "\n")
    return path


def test_a_new_home_gets_a_copy_of_the_template(template: Path, tmp_path: Path) -> None:
    home = tmp_path / "project" / ".prefect"
    assert server_db.seed_home(home, template) is True
    assert (home / "prefect.db").read_bytes() == b"migrated database"
    assert [p.name for p in home.iterdir()] == ["prefect.db"]  # no partial copy left beside it


def test_a_home_with_a_database_keeps_it(template: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "prefect.db").write_bytes(b"this project's runs")
    assert server_db.seed_home(home, template) is False
    assert (home / "prefect.db").read_bytes() == b"this project's runs"


def test_a_template_of_another_prefect_version_is_not_used(template: Path, tmp_path: Path) -> None:
    template.with_suffix(".version").write_text("2.0.0\n")
    assert server_db.template_ready(template) is False
    assert server_db.seed_home(tmp_path / "home", template) is False
    assert not (tmp_path / "home" / "prefect.db").exists()


def test_no_template_or_a_database_elsewhere_changes_nothing(template: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert server_db.seed_home(tmp_path / "a", tmp_path / "missing.db") is False
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db.example/prefect")
    assert server_db.seed_home(tmp_path / "b", template) is False
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


@pytest.mark.slow
def test_the_template_is_migrated_with_prefects_block_types(tmp_path: Path) -> None:
    built = server_db.build_template(tmp_path / "dyad" / "prefect-template.db")
    assert server_db.template_ready(built)
    with closing(sqlite3.connect(built)) as con:
        assert con.execute("select count(*) from alembic_version").fetchone()[0] == 1
        # the built-in block types a first server start would otherwise register (local-file-system, secret, ...)
        slugs = {row[0] for row in con.execute("select slug from block_type")}
    assert {"local-file-system", "secret"} <= slugs
    assert sorted(p.name for p in built.parent.iterdir()) == ["prefect-template.db", "prefect-template.version"]
