"""The star's self-description and audits: every table, view and column commented from sql/, the grain, key
and foreign-key audits generated from sql/star.yml, country keys, upgrades of older databases, and a file
format that DuckDB 1.x tools open."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.warehouse.audits import AuditError, generated_audits, load_audits, run_audits, run_checks
from flows.warehouse.connection import STORAGE_VERSION, connect, rewrite_for_older_readers, storage_version
from flows.warehouse.ddl import duckdb_type
from flows.warehouse.describe import apply_comments, catalog, header, inline_comments
from flows.warehouse.load import apply_ddl, apply_views, attach_country_keys
from flows.warehouse.marker import prepare_database, schema_version
from flows.warehouse.objects import columns
from schemas.staging import STAGING_MODELS, polars_schema

SQL = Path(__file__).resolve().parents[2] / "sql"


@pytest.fixture
def star() -> duckdb.DuckDBPyConnection:
    """An empty star built from sql/ddl and sql/views, as a run builds it."""
    con = duckdb.connect()
    apply_ddl(con, SQL)
    apply_views(con, SQL)
    yield con
    con.close()


def test_every_table_view_and_column_is_described(star) -> None:
    assert apply_comments(star, SQL) == []
    rows = catalog(star)
    assert {r["name"] for r in rows if not r["description"]} == set()
    assert [f"{r['name']}.{r['column_name']}" for r in rows if not r["column_description"]] == []
    described = {(r["name"], r["column_name"]): r["column_description"] for r in rows}
    # the DDL's inline comment wins over the glossary; views take the glossary, and so do the country keys
    # (sql/star.yml names the table they point at, the glossary says whose country each is)
    assert described[("fact_figure", "figure_key")].startswith("hash of document, sentence, span")
    assert described[("fact_trade", "reporter_key")] == "dim_country.country_key of the reporter"
    assert described[("v_event_mentions", "date_precision")].startswith("day, month or year")


def test_header_and_inline_comments_are_read_from_the_sql() -> None:
    text = "-- One row a thing.\n-- Second line.\ncreate table t (\n    a integer, -- the a\n    b varchar\n);"
    assert header(text) == "One row a thing. Second line."
    assert inline_comments(text) == {"a": "the a"}


def test_staging_tables_are_the_staging_models_columns_in_order(star) -> None:
    """schemas/staging.py owns the staged columns and flows/warehouse/ddl.py writes the stg_* tables from it. A
    run writes the staged frames by column name and an incremental run reads them back into the models' frames.
    The types and `not null`s are the ones the hand-written DDL had (it was replaced by the generated one)."""
    tables = columns(star)
    assert {kind: list(tables[f"stg_{kind}"]) for kind in STAGING_MODELS} == {
        kind: list(polars_schema(model)) for kind, model in STAGING_MODELS.items()}
    assert tables["stg_figures"] == {
        "document_key": "VARCHAR", "sentence_index": "INTEGER", "char_start": "INTEGER", "char_end": "INTEGER",
        "evidence": "VARCHAR", "measure": "VARCHAR", "value": "DOUBLE", "unit": "VARCHAR", "qualifier": "VARCHAR",
        "period_start": "DATE", "period_end": "DATE", "exporter_iso3": "VARCHAR", "importer_iso3": "VARCHAR"}
    assert tables["stg_event_mentions"]["participants"] == "VARCHAR[]"
    assert tables["stg_event_mentions"]["symmetric"] == "BOOLEAN"
    nullable = {(t, c) for t, c in star.execute("select table_name, column_name from information_schema.columns "
                                                "where table_name like 'stg%' and is_nullable = 'YES'").fetchall()}
    assert nullable == {(f"stg_{kind}", name) for kind, model in STAGING_MODELS.items()
                        for name, column in model.to_schema().columns.items() if column.nullable}
    assert ("stg_event_mentions", "trigger") not in nullable and ("stg_figures", "qualifier") in nullable


def test_a_staging_dtype_without_aduckdb_type_is_named() -> None:
    with pytest.raises(TypeError, match="no DuckDB type for the staging dtype Time"):
        duckdb_type(pl.Time())


def test_star_yaml_generates_grain_unique_and_foreign_key_audits() -> None:
    audits = {a.name: a for a in generated_audits({
        "dim_x": {"grain": ["x_key"], "unique": ["code"]},
        "fact_y": {"grain": ["a", "b"], "references": {"x_key": "dim_x.x_key"}}})}
    assert set(audits) == {"grain_dim_x", "unique_dim_x_code", "grain_fact_y", "fk_fact_y_x_key"}
    with duckdb.connect() as con:
        con.execute("create table dim_x (x_key int, code varchar); create table fact_y (a int, b int, x_key int)")
        con.execute("insert into dim_x values (1, 'p'), (2, 'p'), (2, 'q'), (null, 'r')")
        con.execute("insert into fact_y values (1, 1, 1), (1, 2, 3), (1, 2, null)")
        failing = {name: con.execute(f"select count(*) from ({a.sql})").fetchone()[0] for name, a in audits.items()}
    # dim_x: key 2 twice and a null key; code 'p' twice; fact_y: (1, 2) twice; x_key 3 unknown (null allowed)
    assert failing == {"grain_dim_x": 2, "unique_dim_x_code": 1, "grain_fact_y": 1, "fk_fact_y_x_key": 1}


def test_every_star_table_has_a_grain_and_every_audit_runs_on_an_empty_star(star) -> None:
    tables = {r[0] for r in star.execute("select table_name from duckdb_tables() where table_name like 'dim\\_%' "
                                         "escape '\\' or table_name like 'fact\\_%' escape '\\'").fetchall()}
    names = {a.name for a in load_audits(SQL)}
    assert {t for t in tables if f"grain_{t}" not in names} == set()
    assert len([n for n in names if n.startswith("fk_")]) >= 20
    assert [r for r in run_audits(star, SQL) if not r.passed] == []


def test_a_broken_key_fails_the_audit_with_its_name(star) -> None:
    star.execute("insert into dim_document values ('d1', 'a.txt', 'a.txt', 'txt', 's', 1, null, null, null, null, "
                 "null, null, 'Text.', now(), null, null)")
    star.execute("insert into fact_person_mention by name select 'd1' as document_key, 'nobody' as person_key, "
                 "'A' as name, 0 as sentence_index, 0 as char_start, 5 as char_end, 'Text.' as evidence")
    with pytest.raises(AuditError, match=r"fk_fact_person_mention_person_key: 1 violating rows"):
        run_checks(star, SQL)


def test_a_mention_view_takes_its_documents_name_and_date_through_with_document(star) -> None:
    """sql/macros/with_document.sql is the inner join every mention view wrote for itself: a fact row gets its
    document's file name and publication date, and a row whose document is missing is left out."""
    star.execute("insert into dim_document by name select 'd1' as document_key, 'a.txt' as name, 'a.txt' as path, "
                 "'txt' as format, 's' as sha256, 1 as size_bytes, date '2024-05-06' as published_date, "
                 "'Text.' as text, now() as ingested_at")
    star.execute("insert into fact_trade_claim (claim_key, document_key, exporter_iso3, importer_iso3, product, "
                 "sentence_index, char_start, char_end, evidence) values ('c1', 'd1', 'AZE', 'BLR', 'oil', 0, 0, 5, "
                 "'Text.'), ('c2', 'gone', 'AZE', 'BLR', 'tea', 0, 0, 5, 'Text.')")
    assert star.execute("select claim_key, document_name, published_date from v_trade_claims").fetchall() == [
        ("c1", "a.txt", date(2024, 5, 6))]
    assert star.execute("select * exclude (document_name, published_date) from with_document('fact_trade_claim')"
                        ).fetchall() == star.execute("select * from fact_trade_claim where claim_key = 'c1'").fetchall()


def test_country_keys_are_filled_beside_every_iso3(star) -> None:
    star.execute("insert into dim_country values (31, 'AZE', 'AZ', 31, 'Azerbaijan', false, 'country'), "
                 "(112, 'BLR', 'BY', 112, 'Belarus', false, 'country')")
    star.execute("insert into fact_trade_claim (claim_key, document_key, exporter_iso3, importer_iso3, product, "
                 "sentence_index, char_start, char_end, evidence) values ('c', 'd', 'AZE', 'BLR', 'oil', 0, 0, 1, 'x')")
    attach_country_keys(star)
    assert star.execute("select exporter_key, importer_key from fact_trade_claim").fetchall() == [(31, 112)]


def test_an_older_database_is_upgraded(tmp_path: Path) -> None:
    """A database of the dyad before the clean star (schema version 0) is brought forward by the migrations:
    the derived star is dropped and recreated by the DDL, the run history stays."""
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        con.execute("create table trade_reported (period_start date, value_usd double)")
        con.execute("insert into trade_reported values ('2020-01-01', 5)")
        con.execute("create table dim_event_type (event_type_key integer primary key, code varchar)")
        con.execute("create table etl_run (run_id varchar primary key, started_at timestamp not null, "
                    "ended_at timestamp, status varchar not null, sources_dir varchar not null, n_sources integer, "
                    "error varchar)")
        con.execute("create table quarantine (run_id varchar, stage varchar, source varchar, row_ref varchar, "
                    "reason varchar, raw varchar)")
        con.execute("insert into etl_run values ('r0', now(), null, 'succeeded', 's', 1, null)")
        assert prepare_database(con, SQL) == 0
        apply_ddl(con, SQL)
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        assert "trade_reported" not in tables and "fact_trade_reported" in tables
        assert con.execute("select count(*) from fact_trade_reported").fetchone() == (0,)  # read again next run
        assert con.execute("select count(*) from etl_run").fetchone() == (1,)
        assert con.execute("select data_type from information_schema.columns where table_name = 'dim_event_type' "
                           "and column_name = 'event_type_key'").fetchone() == ("VARCHAR",)
        assert con.execute("select version from dyad_schema").fetchall() == [(schema_version(SQL),)]
        assert prepare_database(con, SQL) == schema_version(SQL)     # a second time changes nothing


def test_new_files_are_written_for_duckdb_1_4_readers_and_older_files_are_rewritten(tmp_path: Path) -> None:
    with connect(tmp_path / "new.duckdb") as con:
        assert storage_version(con).startswith(STORAGE_VERSION)
    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:          # DuckDB 2's own format
        con.execute("create table t (a int); insert into t values (7); create view v as select a from t")
        con.execute("comment on view v is 'kept'")
        assert storage_version(con).startswith("v2")
    assert rewrite_for_older_readers(old) is True
    with duckdb.connect(str(old), read_only=True) as con:
        assert storage_version(con).startswith(STORAGE_VERSION)
        assert con.execute("select * from v").fetchall() == [(7,)]
        assert con.execute("select comment from duckdb_views() where view_name = 'v'").fetchone() == ("kept",)
    assert rewrite_for_older_readers(old) is False
    assert not list(tmp_path.glob(".*partial*"))
