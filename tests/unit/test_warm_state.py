"""The warm runner's key and switches (flows.orchestrate.warm_state, flows.orchestrate.warm_client): what makes a runner
stale, what does not, and which runs may be handed over at all."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.orchestrate.warm_client import wants_warm_runner
from flows.orchestrate import warm_state


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A made-up project: the folders and lock files the key covers."""
    for folder in ("flows", "schemas", "sql", "sources/tables"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "flows" / "a.py").write_text("x = 1\n")
    (tmp_path / "sql" / "v.sql").write_text("select 1\n")
    (tmp_path / "requirements.lock").write_text("polars==1\n")
    return tmp_path


ENV = {"PREFECT_API_URL": "http://127.0.0.1:4200/api", "DYAD_BACKBONE": "spacy", "HOME": "/root"}


def test_the_key_is_stable_for_the_same_code_and_settings(root: Path) -> None:
    assert warm_state.code_key(ENV, root) == warm_state.code_key(dict(ENV), root)


def test_a_code_change_changes_the_key(root: Path) -> None:
    before = warm_state.code_key(ENV, root)
    path = root / "flows" / "a.py"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    touched = warm_state.code_key(ENV, root)
    (root / "sql" / "new.sql").write_text("select 2\n")
    added = warm_state.code_key(ENV, root)
    (root / "requirements.lock").write_text("polars==2\n")
    locked = warm_state.code_key(ENV, root)
    assert len({before, touched, added, locked}) == 4


def test_settings_read_at_import_change_the_key_and_per_run_options_do_not(root: Path) -> None:
    base = warm_state.code_key(ENV, root)
    assert warm_state.code_key({**ENV, "DYAD_BACKBONE": "rules"}, root) != base
    assert warm_state.code_key({**ENV, "PREFECT_API_URL": "http://127.0.0.1:4201/api"}, root) != base
    assert warm_state.code_key({**ENV, "PYTHONHASHSEED": "1"}, root) != base
    for runtime in ({"DYAD_DB": "x.duckdb"}, {"DYAD_WORKERS": "2"}, {"HOME": "/elsewhere"}, {"TERM": "dumb"},
                    {"DYAD_SERVER_IDLE_MINUTES": "1"}):
        assert warm_state.code_key({**ENV, **runtime}, root) == base, runtime


def test_an_added_lexicon_folder_is_part_of_the_key(root: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    env = {**ENV, "DYAD_LEXICON_EXTRA": str(extra)}
    before = warm_state.code_key(env, root)
    (extra / "event_triggers.csv").write_text("code,trigger\n")
    assert warm_state.code_key(env, root) != before


@pytest.mark.parametrize(("argv", "env", "wanted"), [
    (["dyad", "run"], {}, True),
    (["dyad", "run", "--sources", "s", "--workers", "2", "--json"], {}, True),
    (["dyad", "run", "--debug"], {}, False),  # Prefect's logs follow --debug from its import on
    (["dyad", "run", "--help"], {}, False),
    (["dyad", "sql", "select 1"], {}, False),
    (["dyad"], {}, False),
    (["dyad", "run"], {"DYAD_WARM_RUNNER": "0"}, False),
    (["dyad", "run"], {"DYAD_WARM_RUNNER": "off"}, False),
])
def test_which_runs_may_be_handed_over(argv: list[str], env: dict[str, str], wanted: bool,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYAD_WARM_RUNNER", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert wants_warm_runner(argv) is wanted


def test_a_deep_home_gets_no_socket(tmp_path: Path) -> None:
    assert warm_state.socket_fits(Path("/tmp/h"))
    assert not warm_state.socket_fits(Path("/tmp") / ("d" * 120))


def test_stopping_a_runner_that_is_gone_forgets_it(tmp_path: Path) -> None:
    warm_state.write_runner(tmp_path, {"pid": 2 ** 22 + 12345, "key": "k", "server_pid": 1, "ready": True,
                                       "socket": str(warm_state.socket_path(tmp_path))})
    assert warm_state.stop_runner(tmp_path, server_pid=2) is False  # another server's runner: left alone
    assert warm_state.read_runner(tmp_path) is not None
    assert warm_state.stop_runner(tmp_path) is False
    assert warm_state.read_runner(tmp_path) is None
