"""What keeps an incremental run's writes in proportion to its change: no index on the tables that grow with
the documents (DuckDB rewrites an indexed table's row group whole at each checkpoint), views created again only
when they differ, and no audit run again over tables the run left as they were."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.warehouse.audits import Audit, AuditError, audit_tables, load_audits, run_checks
from flows.warehouse.load import _unchanged, apply_ddl
from flows.warehouse.marker import prepare_database, schema_version
from flows.warehouse.state import read_previous
from flows.warehouse.views import publish_views

SQL = Path(__file__).resolve().parents[2] / "sql"
GROWING = ["dim_date", "dim_document", "dim_organization", "dim_person", "fact_event", "fact_event_mention",
           "fact_event_participant", "fact_figure", "fact_membership", "fact_person_mention", "fact_trade_claim",
           "feed_item", "source_file"]
# what a +1 document run leaves as it was: the trade tables (no table file read) and the reference tables
# it synced without a change
LEFT_ALONE = frozenset({"fact_trade", "fact_trade_reported", "dim_source_table", "dim_country", "dim_product"})


@pytest.fixture
def star() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    apply_ddl(con, SQL)
    yield con
    con.close()


def _keyed(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {t for (t,) in con.execute("select table_name from duckdb_constraints() "
                                      "where constraint_type in ('PRIMARY KEY', 'UNIQUE')").fetchall()}


def _insert_twice(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Two identical rows (every column a plain value of its type): a duplicate of the table's grain."""
    values = {"VARCHAR": "'x'", "DATE": "date '2020-01-01'", "TIMESTAMP": "timestamp '2020-01-01'",
              "BOOLEAN": "false", "DOUBLE": "1.0"}
    cols = con.execute("select column_name, data_type from information_schema.columns where table_name = ? "
                       "order by ordinal_position", [table]).fetchall()
    row = ", ".join(values.get(kind, "1") for _, kind in cols)
    con.execute(f"insert into {table} select {row} from range(2)")


def test_tables_that_grow_with_the_documents_have_no_index_and_their_grain_is_audited(star) -> None:
    assert _keyed(star) & set(GROWING) == set()
    assert {"dim_country", "dim_product", "etl_run"} <= _keyed(star)  # small tables keep theirs
    audits = {a.name for a in load_audits(SQL)}
    assert {f"grain_{t}" for t in GROWING} <= audits


def test_a_version_2_database_loses_its_primary_keys_and_is_built_again(tmp_path: Path) -> None:
    """Migration 003 drops the growing tables (DuckDB cannot drop a primary key in place); the DDL recreates
    them without one, and the emptied source inventory makes the next run a full one."""
    db = tmp_path / "v2.duckdb"
    with duckdb.connect(str(db)) as con:
        apply_ddl(con, SQL)
        con.execute("drop table dim_document")
        ddl = (SQL / "ddl" / "dim_document.sql").read_text(encoding="utf-8")
        con.execute(ddl.replace("document_key     varchar not null", "document_key     varchar primary key"))
        con.execute("insert into dyad_schema values (2, now(), 'created')")
        con.execute("insert into etl_run values ('r1', now(), now(), 'succeeded', 's', 1, null)")
        con.execute("insert into source_file values ('documents/a.txt', 'document', 'txt', 'ab', 1, 1, null, "
                    "null, false, 'x')")
        assert "dim_document" in _keyed(con)
    assert read_previous(db).usable
    with duckdb.connect(str(db)) as con:
        assert prepare_database(con, SQL) == 2
        apply_ddl(con, SQL)
        assert _keyed(con) & set(GROWING) == set()
        assert con.execute("select max(version) from dyad_schema").fetchone() == (schema_version(SQL),)
        assert con.execute("select count(*) from etl_run").fetchone() == (1,)  # the history stays
    assert not read_previous(db).usable  # nothing to keep: the next run is a full one


def test_audits_of_tables_the_run_left_alone_are_not_run_again(star) -> None:
    run_checks(star, SQL)
    _insert_twice(star, "fact_trade")
    with pytest.raises(AuditError, match="grain_fact_trade"):
        run_checks(star, SQL)
    run_checks(star, SQL, unchanged=LEFT_ALONE)  # it passed at the last commit, and nothing has written it since
    _insert_twice(star, "dim_document")
    with pytest.raises(AuditError, match="grain_dim_document") as failed:
        run_checks(star, SQL, unchanged=LEFT_ALONE)  # a table the run wrote is audited in full
    assert "grain_fact_trade" not in str(failed.value)


def test_only_views_and_macros_that_differ_from_dyads_are_created_again(tmp_path: Path) -> None:
    db = str(tmp_path / "views.duckdb")
    with duckdb.connect(db, config={"storage_compatibility_version": "v1.4.0"}) as con:
        apply_ddl(con, SQL)
        assert sorted(publish_views(con, SQL)) == sorted(p.stem for p in [*(SQL / "views").glob("*.sql"),
                                                                          *(SQL / "macros").glob("*.sql")])
    with duckdb.connect(db) as con:  # read back from the file, as the next run sees them
        assert publish_views(con, SQL) == []
        con.execute("create or replace view v_figures as select 1 as x")
        con.execute("drop view v_trade_mirror")
        assert sorted(publish_views(con, SQL)) == ["v_figures", "v_trade_mirror"]
        # a macro changed under the views: it is created again, the views that call it are left as they are
        con.execute("create or replace macro with_document(fact_table) as table select 1 as x")
        assert publish_views(con, SQL) == ["with_document"]
        assert publish_views(con, SQL) == []
        assert con.execute("select count(*) from v_figures").fetchone() == (0,)


def test_what_a_run_left_alone_is_decided_from_what_it_wrote() -> None:
    trade = frozenset({"fact_trade", "fact_trade_reported", "dim_source_table"})
    synced = {"dim_country", "dim_event_type", "source_file"}
    wrote = {"dim_country": 0, "dim_event_type": 0, "source_file": 1, "dim_document": 1}
    assert _unchanged(False, wrote, synced, trade) == trade | {"dim_country", "dim_event_type"}
    # a removed table file's rows were deleted from fact_trade: it is audited again
    assert _unchanged(False, {**wrote, "fact_trade": -1}, synced, trade) == {
        "fact_trade_reported", "dim_source_table", "dim_country", "dim_event_type"}
    assert _unchanged(False, {**wrote, "dim_country": 3}, synced, trade) == frozenset()  # keys may move anywhere
    assert _unchanged(True, wrote, set(), trade) == frozenset()  # a full run audits everything


@pytest.mark.parametrize(("sql", "reads"), [
    ('select "source_file", count(*) from "fact_trade" group by all', {"fact_trade"}),  # a column, not the table
    ("-- counted from the source_file table\nselect k from a, b as y where a.k = y.k", {"a", "b"}),
    ("with x as (select * from a) select * from x anti join b on x.k = b.k", {"a", "b"}),
    ("select k from a where k not in (select k from c)", {"a", "c"}),
])
def test_an_audit_reads_the_tables_of_its_froms_and_joins(sql: str, reads: set[str]) -> None:
    assert audit_tables(Audit("t", "", sql), ["a", "b", "c", "fact_trade", "source_file"]) == reads
