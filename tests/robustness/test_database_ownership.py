"""dyad writes only into a database it made: another program's is refused unless adopted (and then its
tables are never emptied), a table of theirs under a dyad name is a clear message, dyad's own older
databases are migrated, a newer one is refused; a failure that cannot be written is recorded by the next run."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from flows.settings import SQL_DIR
from flows.warehouse.failures import pending_path, record_failure
from flows.warehouse.marker import schema_version
from flows.warehouse.load import start_run
from flows.warehouse.marker import ForeignDatabaseError, adopt_database, schema_version
from tests.support.databases import table_file
from tests.support.schemas import v0_ddl

ROOT = Path(__file__).resolve().parents[2]


def contents(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables order by 1").fetchall()]
        return {n: sorted(map(repr, con.execute(f'select * from "{n}"').fetchall())) for n in names}


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Another program's database: a customers table and a view over it."""
    return table_file(tmp_path / "other.duckdb", "customers", [(1, "Ada"), (2, "Lin")], {"big_customers": "id > 1"})


def start(db: Path, run_id: str = "r1") -> None:
    start_run(db, SQL_DIR, run_id, datetime(2026, 1, 1), "sources")


def test_another_programs_database_is_refused_untouched(foreign: Path) -> None:
    before = contents(foreign)
    with pytest.raises(ForeignDatabaseError, match="not created by dyad.*--adopt"):
        start(foreign)
    assert contents(foreign) == before


def test_an_adopted_database_keeps_its_tables_through_full_runs(foreign: Path, prefect_server) -> None:
    from flows.orchestrate.pipeline import pipeline

    assert adopt_database(foreign, SQL_DIR).startswith("adopted")
    for full in (True, True, False):
        summary = pipeline(sources=str(ROOT / "sources"), db=str(foreign), full=full)
        assert summary.status == "succeeded" and summary.documents == 1
    with duckdb.connect(str(foreign), read_only=True) as con:
        assert con.execute("select * from customers order by id").fetchall() == [(1, "Ada"), (2, "Lin")]
        assert con.execute("select count(*) from big_customers").fetchone() == (1,)
        assert con.execute("select version, how from dyad_schema").fetchall() == [(schema_version(SQL_DIR), "adopted")]


@pytest.mark.parametrize("statement, problem", [
    ("create table quarantine (id integer)", "table 'quarantine' is not dyad's"),
    ("create view etl_run as select 1 as x", "'etl_run' is a view here"),
    ("create table v_dyad_summary (x integer)", "'v_dyad_summary' is a table here"),
    ("create view v_relations_timeline as select 1 as x", "view 'v_relations_timeline' would be replaced"),
    ("create macro with_document(t) as table select 1 as x", "macro 'with_document' would be replaced"),
])
def test_an_object_under_a_dyad_name_stops_adoption_with_its_name(foreign: Path, statement: str, problem: str) -> None:
    with duckdb.connect(str(foreign)) as con:
        con.execute(statement)
    before = contents(foreign)
    with pytest.raises(ForeignDatabaseError, match="cannot adopt") as error:
        adopt_database(foreign, SQL_DIR)
    assert problem in str(error.value)
    assert contents(foreign) == before


def test_a_foreign_table_put_into_a_dyad_database_is_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "dyad.duckdb"
    start(db)
    with duckdb.connect(str(db)) as con:
        con.execute("drop table fact_trade")
        con.execute("create table fact_trade (something varchar)")
    with pytest.raises(ForeignDatabaseError, match="table 'fact_trade' is not dyad's"):
        start(db, "r2")


def test_a_new_database_is_stamped_with_the_current_version(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    start(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select version, how from dyad_schema").fetchall() == [(schema_version(SQL_DIR), "created")]
    start(db, "r2")  # the second run finds its own database
    assert contents(db)["dyad_schema"] == contents(db)["dyad_schema"][:1]


def test_dyads_own_database_from_before_the_marker_is_migrated(tmp_path: Path, prefect_server) -> None:
    from flows.orchestrate.pipeline import pipeline

    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(v0_ddl())
        con.execute("insert into etl_run values ('old-run', timestamp '2025-01-01', timestamp '2025-01-01', "
                    "'succeeded', 'sources', 1, null)")
        con.execute("insert into source_file (relpath, kind, format, sha256, size_bytes, extractor_version, "
                    "in_manifest) values ('documents/x.txt', 'document', 'txt', 'abc', 1, '0.0.1', false)")
    summary = pipeline(sources=str(ROOT / "sources"), db=str(db))
    assert summary.status == "succeeded" and summary.documents == 1
    with duckdb.connect(str(db), read_only=True) as con:
        # every migration ran, up to the newest (002 drops the derived star, so the run read the sources again)
        assert con.execute("select version, how from dyad_schema").fetchall() == [
            (schema_version(SQL_DIR), "migrated from 0")]
        assert con.execute("select run_id, status from etl_run order by started_at").fetchall()[0] == (
            "old-run", "succeeded")
        assert con.execute("select count(mtime_ns) from source_file").fetchone()[0] >= 1


def test_a_database_of_a_newer_dyad_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "newer.duckdb"
    start(db)
    with duckdb.connect(str(db)) as con:
        con.execute("insert into dyad_schema values (99, now(), 'created')")
    with pytest.raises(ForeignDatabaseError, match="version 99, newer than this dyad"):
        start(db, "r2")


def test_a_failure_the_database_cannot_take_is_written_by_the_next_run(tmp_path: Path, monkeypatch) -> None:
    """A reader holds the database when the run fails: the failure waits beside it, the next run writes it."""
    db = tmp_path / "dyad.duckdb"
    start(db, "r1")
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True);"
                               " print('open', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        monkeypatch.setattr("flows.warehouse.failures.RECORD_WAIT_SECONDS", 0.5)
        assert record_failure(db, "r1", OSError("No space left on device")) == "pending"
        kept = [json.loads(line) for line in pending_path(db).read_text().splitlines()]
        assert kept[0]["run_id"] == "r1" and kept[0]["error"].startswith("OSError: No space left on device")
    finally:
        reader.communicate("", timeout=30)
    start(db, "r2")
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select run_id, status, error from etl_run order by run_id").fetchall()
    assert rows[0][:2] == ("r1", "failed") and rows[0][2].startswith("OSError: No space left on device (recorded by")
    assert rows[1][:2] == ("r2", "running")
    assert not pending_path(db).exists()


@pytest.mark.parametrize("kind", ["sqlite", "empty", "random bytes", "text"])
def test_a_file_that_is_no_duckdb_database_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    """`--db` naming a SQLite file, an empty file, noise or text: refused with a message, the bytes unchanged, and
    no extension fetched or loaded for what the file holds (a SQLite file made DuckDB download sqlite_scanner)."""
    import sqlite3

    from flows.warehouse.state import read_previous

    db = tmp_path / "theirs.duckdb"
    if kind == "sqlite":
        with sqlite3.connect(db) as lite:
            lite.execute("create table customers (id integer)")
    else:
        db.write_bytes({"empty": b"", "random bytes": bytes(range(256)) * 20, "text": b"not a database\n"}[kind])
    before = db.read_bytes()
    for attempt in (lambda: read_previous(db), lambda: start(db)):
        with pytest.raises(duckdb.Error) as caught:
            attempt()
        message = str(caught.value)
        assert ("is a SQLite database, not a DuckDB one" if kind == "sqlite" else "not a valid DuckDB database") \
            in message, message
        assert "INSTALL" not in message and "http" not in message
    assert db.read_bytes() == before
