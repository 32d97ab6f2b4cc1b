"""An incremental run audits only the rows it wrote (flows/warehouse/audit_scope.py), and still catches a broken
row: each case below breaks a +1 run's write in one way, and the run must fail on the audit that names it, in
its scoped form, with the same audits failing as the full forms find on the same database."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import flows.warehouse.audits as audits_module
import flows.warehouse.load as load_module
from bench.generate import article, render
from flows.warehouse.audits import AuditError, load_audits

pytestmark = pytest.mark.slow

SQL = Path(__file__).resolve().parents[2] / "sql"
NEW = "documents/03_new.txt"
NEW_DOC = f"(select document_key from dim_document where path = '{NEW}')"

# case -> (SQL breaking the run's rows after they are written, the audits that must fail)
BREAKS = {
    # a new mention takes the key of a kept one: only the grain over the written keys sees both
    "duplicate key": (f"update fact_event_mention set mention_key = (select min(mention_key) from fact_event_mention "
                      f"where document_key <> {NEW_DOC}) where document_key = {NEW_DOC}",
                      {"grain_fact_event_mention", "chk_event_id_unique"}),
    "evidence not in the text": (f"update fact_event_mention set evidence = 'not in the text' where document_key = {NEW_DOC}",
                                 {"chk_event_mention_evidence_matches_text"}),
    "new row points nowhere": (f"update fact_person_mention set person_key = 'nobody' where document_key = {NEW_DOC}",
                               {"fk_fact_person_mention_person_key", "chk_person_mention_person_exists"}),
    "row written twice": (f"insert into fact_figure select * from fact_figure where document_key = {NEW_DOC}",
                          {"grain_fact_figure"}),
    # dim_date is brought up to date in SQL (sql/incremental/dim_date.sql), its audits scoped to the days it wrote
    # and deleted: a new mention dated a day dim_date does not hold, and a kept day deleted under kept rows (the
    # staging rows that keep it are lost before dim_date.sql runs)
    "new row dated no day": (f"update fact_event_mention set date_key = 18000101 where document_key = {NEW_DOC}",
                             {"fk_fact_event_mention_date_key"}),
    "kept day deleted": (f"delete from stg_event_mentions where event_date = (select min(event_date) from "
                         f"fact_event_mention where document_key <> {NEW_DOC} and event_date is not null); "
                         f"delete from stg_figures where period_start = (select min(event_date) from fact_event_mention "
                         f"where document_key <> {NEW_DOC} and event_date is not null)",
                         {"fk_fact_event_mention_date_key", "fk_fact_event_date_key"}),
}


@pytest.fixture(scope="module")
def base_db(run_pipeline, tmp_path_factory, project_root: Path) -> tuple[Path, Path]:
    """Three devset documents built once: (sources, database)."""
    root = tmp_path_factory.mktemp("audits")
    sources = root / "sources"
    (sources / "documents").mkdir(parents=True)
    docs = project_root / "tests" / "fixtures" / "devset" / "documents"
    for name in ("000_71d1eb8421b35ad3.txt", "01_kaz-uzb_commission.txt", "02_geo-ltu_cyber-accord.txt"):
        shutil.copy(docs / name, sources / "documents" / name)
    db = root / "base.duckdb"
    run_pipeline(sources, db)
    return sources, db


@pytest.fixture
def plus_one(base_db, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the base sources and database with one more document in the sources."""
    sources, db = base_db
    copy_sources, copy_db = tmp_path / "sources", tmp_path / "db.duckdb"
    shutil.copytree(sources, copy_sources)
    shutil.copyfile(db, copy_db)
    # a generated article: events, people, figures and trade claims of its own
    (copy_sources / NEW).write_text(render(article(0, 3)), encoding="utf-8")
    return copy_sources, copy_db


@pytest.fixture
def audit_spy(monkeypatch) -> dict:
    """Record the audits a run runs (name -> SQL) and, on the same database, which audits fail in full form."""
    seen: dict = {"run": {}, "full_failed": None}
    real = audits_module.run_audits

    def spy(con, sql_dir, *, examples=5, audits=None):
        seen["run"] = {a.name: a.sql for a in audits}
        seen["full_failed"] = {r.name for r in real(con, sql_dir, examples=1) if not r.passed}
        return real(con, sql_dir, examples=examples, audits=audits)

    monkeypatch.setattr(audits_module, "run_audits", spy)
    return seen


def _break_after_write(monkeypatch, sql: str) -> None:
    real = load_module._keep_history

    def broken(con, event_ids):
        real(con, event_ids)
        con.execute(sql)

    monkeypatch.setattr(load_module, "_keep_history", broken)


def _scoped(names: set[str]) -> dict[str, str]:
    return {a.name: a.scoped for a in load_audits(SQL) if a.name in names}


def test_a_clean_plus_one_run_audits_the_written_rows_only(run_pipeline, plus_one, audit_spy) -> None:
    """Every audit of the tables the run wrote by document or by key runs its scoped form, and passes. Whole by
    design: source_file (synced by difference) and the run history; the trade and reference tables it left alone
    are not audited again. dim_date, brought up to date in SQL (sql/incremental/dim_date.sql), records the days it
    wrote and deleted, and its audits and the date keys pointing at it are scoped to them."""
    sources, db = plus_one
    summary = run_pipeline(sources, db)
    assert summary.status == "succeeded" and summary.documents_read == 1
    star_audits = {a.name for a in load_audits(SQL) if a.scoped}
    whole = {n for n in star_audits & set(audit_spy["run"]) if audit_spy["run"][n] != _scoped({n})[n]}
    assert whole == {"grain_source_file", "grain_etl_run", "grain_etl_run_stage", "fk_etl_run_stage_run_id"}
    assert {"grain_dim_date", "fk_fact_event_mention_date_key", "fk_fact_event_date_key"} <= set(audit_spy["run"])
    assert "grain_fact_trade" not in audit_spy["run"] and "grain_dim_country" not in audit_spy["run"]
    assert audit_spy["full_failed"] == set()


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_broken_row_written_by_a_plus_one_run_is_caught(run_pipeline, plus_one, audit_spy, monkeypatch,
                                                          case: str) -> None:
    sql, expected = BREAKS[case]
    sources, db = plus_one
    _break_after_write(monkeypatch, sql)
    with pytest.raises(AuditError) as error:
        run_pipeline(sources, db)
    failed = {name for name in audit_spy["run"] if f"{name}:" in str(error.value)}
    assert expected <= failed
    assert failed == audit_spy["full_failed"]  # the scoped audits fail exactly where the full ones do
    scoped = _scoped(expected)
    assert all(audit_spy["run"][name] == scoped[name] for name in expected)  # caught by the scoped form
    with duckdb.connect(str(db), read_only=True) as con:  # rolled back
        assert con.execute(f"select count(*) from dim_document where path = '{NEW}'").fetchone()[0] == 0


@pytest.mark.parametrize("table,key,kept_points_at_it", [
    ("dim_person", "person_key", {"fk_fact_person_mention_person_key", "chk_person_mention_person_exists"}),
    ("fact_event", "event_id", {"fk_fact_event_mention_event_id", "chk_event_mention_event_exists"}),
])
def test_a_kept_row_pointing_at_a_key_the_run_deleted_is_caught(run_pipeline, plus_one, audit_spy, monkeypatch,
                                                                 table: str, key: str, kept_points_at_it: set[str]) -> None:
    """A +1 run that deletes a kept key (its `replace` keys) without writing it again orphans the kept rows
    pointing at it: the transform's bug the scoped key audits are there for."""
    import flows.orchestrate.pipeline as pipeline_module

    sources, db = plus_one
    with duckdb.connect(str(db), read_only=True) as con:
        victim = con.execute(f'select min("{key}") from "{table}"').fetchone()[0]
    real = pipeline_module.load_run

    def deletes_one_more(con, *, replace, whole_frames, **kwargs):
        column, keys = replace[table]
        frame = whole_frames[table]
        return real(con, replace={**replace, table: (column, [*keys, victim])},
                    whole_frames={**whole_frames, table: frame.filter(frame[column] != victim)}, **kwargs)

    monkeypatch.setattr(pipeline_module, "load_run", deletes_one_more)
    with pytest.raises(AuditError) as error:
        run_pipeline(sources, db)
    failed = {name for name in audit_spy["run"] if f"{name}:" in str(error.value)}
    assert kept_points_at_it <= failed
    assert failed == audit_spy["full_failed"]
    scoped = _scoped(kept_points_at_it)
    assert all(audit_spy["run"][name] == scoped[name] for name in kept_points_at_it)


def test_kept_facts_of_a_removed_document_are_caught(run_pipeline, plus_one, audit_spy, monkeypatch) -> None:
    """A removed document whose figures stay behind (its rows in fact_figure not deleted): the kept figures point
    at a document the run deleted."""
    sources, db = plus_one
    (sources / "documents" / "01_kaz-uzb_commission.txt").unlink()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from fact_figure f join dim_document d using (document_key) "
                           "where d.path = 'documents/01_kaz-uzb_commission.txt'").fetchone()[0] > 0
    monkeypatch.setattr(load_module, "HISTORY_TABLES", load_module.HISTORY_TABLES | {"fact_figure"})
    with pytest.raises(AuditError) as error:
        run_pipeline(sources, db)
    failed = {name for name in audit_spy["run"] if f"{name}:" in str(error.value)}
    expected = {"fk_fact_figure_document_key", "chk_facts_document_exists"}
    assert expected <= failed
    assert failed == audit_spy["full_failed"]
    scoped = _scoped(expected)
    assert all(audit_spy["run"][name] == scoped[name] for name in expected)
