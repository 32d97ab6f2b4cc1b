from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.warehouse.counts import stage_counts
from flows.warehouse.load import AuditError, apply_ddl, apply_views, connect, insert_frame, load_run
from flows.warehouse.lock import DatabaseLockedError
from schemas.quarantine import quarantine_frame


def _sql_dir(tmp_path: Path) -> Path:
    root = tmp_path / "sql"
    for sub in ("ddl", "views", "checks"):
        (root / sub).mkdir(parents=True)
    (root / "ddl" / "item.sql").write_text("create table if not exists item (id integer primary key, qty integer)")
    (root / "ddl" / "quarantine.sql").write_text(
        "create table if not exists quarantine (run_id varchar, stage varchar, source varchar, row_ref varchar,"
        " reason varchar, raw varchar)")
    (root / "ddl" / "etl_run_stage.sql").write_text(
        "create table if not exists etl_run_stage (run_id varchar, stage varchar, rows_in bigint, loaded bigint,"
        " quarantined bigint, skipped bigint)")
    (root / "ddl" / "dim_document.sql").write_text(
        "create table if not exists dim_document (document_key varchar, sha256 varchar, ingested_at timestamp)")
    # 'a_total' reads 'b_items', which sorts after it: the loader must retry it
    (root / "views" / "a_total.sql").write_text("create or replace view a_total as select sum(qty) as total from b_items")
    (root / "views" / "b_items.sql").write_text("create or replace view b_items as select * from item")
    (root / "checks" / "chk_qty_positive.sql").write_text("select id from item where qty <= 0")
    return root


def _load(con, sql_dir, items: pl.DataFrame, writers=()) -> None:
    load_run(con, sql_dir=sql_dir, run_id="r1", full=True, replaced=[], document_frames={}, whole_frames={"item": items},
             event_ids=pl.DataFrame(), quarantine=quarantine_frame(),
             stage_counts=stage_counts("x", rows_in=items.height, loaded=items.height, quarantined=0),
             extra_writers=writers)


def test_views_are_created_whatever_their_file_order(tmp_path: Path) -> None:
    sql_dir = _sql_dir(tmp_path)
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    apply_ddl(con, sql_dir)
    insert_frame(con, "item", pl.DataFrame({"id": [1, 2], "qty": [3, 4]}))
    assert sorted(apply_views(con, sql_dir)) == ["a_total", "b_items"]
    assert con.execute("select total from a_total").fetchone() == (7,)


def test_a_failed_run_leaves_the_previous_database(tmp_path: Path) -> None:
    sql_dir = _sql_dir(tmp_path)
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    apply_ddl(con, sql_dir)
    _load(con, sql_dir, pl.DataFrame({"id": [1, 2], "qty": [3, 4]}))
    # a row that fails the audit check: everything of this run is rolled back
    with pytest.raises(AuditError, match="chk_qty_positive"):
        _load(con, sql_dir, pl.DataFrame({"id": [1, 5], "qty": [3, -1]}))
    assert con.execute("select id, qty from item order by id").fetchall() == [(1, 3), (2, 4)]

    def broken_writer(c):
        c.execute("insert into item values (9, 9)")
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        _load(con, sql_dir, pl.DataFrame({"id": [7], "qty": [7]}), writers=[broken_writer])
    assert con.execute("select id from item order by id").fetchall() == [(1,), (2,)]
    assert con.execute("select count(*) from etl_run_stage").fetchone() == (1,)


def test_a_second_writer_gets_a_clear_lock_message(tmp_path: Path) -> None:
    import subprocess
    import sys
    import textwrap

    db = tmp_path / "db.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, time, sys
        con = duckdb.connect({str(db)!r})
        print('ready', flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLockedError, match="is locked by another process"):
            connect(db, wait_seconds=0.5)
    finally:
        holder.kill()
        holder.wait()
    connect(db).close()
