"""The database as other tools see it: the registry's `duckdb` CLI (1.5.6) opens dyad.duckdb and every view
answers; every view and column carries its description; `dyad check` passes on a fresh build and fails on a
broken key; `dyad sql` piped does not wrap; the Prefect UI started on --port talks to that port."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import duckdb
import pytest

from flows.orchestrate.server import start_server, stop_server

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
DUCKDB_CLI = BIN / "duckdb"
DYAD = str(BIN / "dyad")


def _cli(db: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(DUCKDB_CLI), "-readonly", "-json", str(db), "-c", sql], capture_output=True,
                          text=True, timeout=60)


def _views(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("select view_name from duckdb_views() where not internal "
                                          "and schema_name = 'main' order by 1").fetchall()]


def test_the_registry_duckdb_cli_opens_the_database_and_every_view_answers(bundled_db: Path) -> None:
    version = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, timeout=30)
    assert version.stdout.startswith("v1."), version.stdout      # a DuckDB 1.x, not the 2.x dyad writes with
    views = _views(bundled_db)
    assert len(views) >= 15
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        expected = {v: con.execute(f'select count(*) from "{v}"').fetchone()[0] for v in views}
    for view in views:
        result = _cli(bundled_db, f'select count(*) as n from "{view}"')
        assert result.returncode == 0, f"{view}: {result.stderr}"
        assert json.loads(result.stdout) == [{"n": expected[view]}], view
    # the rows themselves, not only counts: the timeline reads the same in both
    timeline = json.loads(_cli(bundled_db, "select event_type, cast(event_date as varchar) as d "
                                           "from v_relations_timeline order by all").stdout)
    assert len(timeline) == 8 and timeline[0] == {"event_type": "anniversary_event", "d": "2023-06-12"}


def test_every_view_table_and_column_is_described_in_the_database(bundled_db: Path) -> None:
    result = _cli(bundled_db, "select (select count(*) from duckdb_views() where not internal and comment is null) "
                              "+ (select count(*) from duckdb_tables() where comment is null) "
                              "+ (select count(*) from duckdb_columns() where not internal and comment is null) as n")
    assert json.loads(result.stdout) == [{"n": 0}]
    docs = subprocess.run([DYAD, "docs", "v_trade_claims", "--db", str(bundled_db)], capture_output=True, text=True,
                          timeout=60)
    assert docs.returncode == 0 and "ISO3 of the exporting country" in docs.stdout


def test_dyad_check_passes_on_a_build_and_fails_on_a_broken_key(bundled_db: Path, tmp_path: Path) -> None:
    # piped, `dyad check` prints its table unwrapped unless COLUMNS says a width (xdist workers get COLUMNS=80):
    # without it, the title's " 0 failed" stays on one line however long the tmp path before it
    piped = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    ok = subprocess.run([DYAD, "check", "--db", str(bundled_db)], capture_output=True, text=True, timeout=120,
                        env=piped)
    assert ok.returncode == 0, ok.stdout
    assert " 0 failed" in ok.stdout
    broken = tmp_path / "broken.duckdb"
    shutil.copy(bundled_db, broken)
    with duckdb.connect(str(broken)) as con:
        con.execute("update fact_event_mention set event_id = 'no-such-event' "
                    "where mention_key = (select min(mention_key) from fact_event_mention)")
        con.execute("delete from dim_person where person_key = (select min(person_key) from dim_person)")
    bad = subprocess.run([DYAD, "check", "--db", str(broken), "--json"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    failed = {r["name"]: r["violations"] for r in json.loads(bad.stdout) if not r["passed"]}
    assert failed["fk_fact_event_mention_event_id"] == 1
    assert failed["fk_fact_person_mention_person_key"] >= 1


def test_piped_sql_output_does_not_wrap_at_80_columns(bundled_db: Path) -> None:
    query = "select evidence from v_trade_claims order by length(evidence) desc limit 1"
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        sentence = con.execute(query).fetchone()[0]
    assert len(sentence) > 100
    result = subprocess.run([DYAD, "sql", "--db", str(bundled_db), query], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    assert result.returncode == 0
    assert any(sentence in line for line in result.stdout.splitlines())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_ui_talks_to_the_port_it_was_started_on(tmp_path: Path) -> None:
    port = _free_port()
    status = start_server(port, home=tmp_path / "prefect", timeout=180, ui=True)
    try:
        settings = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/ui-settings", timeout=30).read())
        assert settings["api_url"] == f"http://127.0.0.1:{port}/api"
        assert status.url == f"http://127.0.0.1:{port}"
    finally:
        assert stop_server(tmp_path / "prefect") is True
