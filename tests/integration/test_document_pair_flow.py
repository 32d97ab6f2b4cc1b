"""The document's own pair through the real flow (session 18): a story's own event told after an aside about a third
pair is on the timeline, the pair survives an incremental run, and a database of schema version 3 (before
dim_document kept the pair) upgrades in place, keeping its rows, and fills the pair at its next run."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.settings import SQL_DIR
from flows.warehouse.audits import run_audits

pytestmark = pytest.mark.slow

STORY, SECOND = "scope_aside_first.md", "scope_second_story.md"


@pytest.fixture
def story_sources(tmp_path: Path, project_root: Path) -> Path:
    """A sources folder: the bundled sources (the seed and its tables) and the aside-first story."""
    root = tmp_path / "sources"
    shutil.copytree(project_root / "sources", root)
    shutil.copy(project_root / "tests" / "fixtures" / "texts" / STORY, root / "documents" / STORY)
    return root


def _pairs(db: Path) -> dict[str, tuple[str | None, str | None]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: (a, b) for name, a, b in con.execute("select name, pair_a, pair_b from dim_document").fetchall()}


def _same_database(db: Path, other: Path, db_content) -> None:
    """The same tables and rows, dim_document's ingested_at aside (a build's own time, by design)."""
    mine, theirs = db_content(db), db_content(other)
    assert {t: rows for t, rows in mine.items() if t != "dim_document"} == {
        t: rows for t, rows in theirs.items() if t != "dim_document"}
    documents = "select * exclude (ingested_at) from dim_document order by document_key"
    with duckdb.connect(str(db), read_only=True) as con, duckdb.connect(str(other), read_only=True) as them:
        assert con.execute(documents).fetchall() == them.execute(documents).fetchall()


def _audits_pass(db: Path) -> None:
    """What `dyad check` runs: every audit of sql/checks and sql/star.yml, the pair's check among them."""
    with duckdb.connect(str(db), read_only=True) as con:
        results = run_audits(con, SQL_DIR)
    assert "chk_document_pair_valid" in {r.name for r in results}
    assert [r.name for r in results if not r.passed] == []


def test_the_stories_own_event_after_an_aside_is_on_the_timeline(run_pipeline, story_sources: Path,
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "story.duckdb"
    run_pipeline(story_sources, db)
    with duckdb.connect(str(db), read_only=True) as con:
        shown = con.execute("select event_type, actor_iso3, target_iso3 from v_event_mentions "
                            "where document_name = ?", [STORY]).fetchall()
        aside = con.execute("select s.scope from v_event_scope s join fact_event_mention m using (mention_key) "
                            "where m.actor_iso3 = 'BOL'").fetchall()
    assert shown == [("official_visit", "CHL", "PER")]  # the mention rule hid it: the rift, told first, led
    assert aside == [("context",)]
    assert _pairs(db)[STORY] == ("CHL", "PER")
    _audits_pass(db)


def test_an_incremental_run_keeps_each_documents_pair(run_pipeline, db_content, story_sources: Path,
                                                      project_root: Path, tmp_path: Path) -> None:
    db = tmp_path / "inc.duckdb"
    run_pipeline(story_sources, db)
    before = _pairs(db)
    shutil.copy(project_root / "tests" / "fixtures" / "texts" / SECOND, story_sources / "documents" / SECOND)
    plus_one = run_pipeline(story_sources, db)
    assert (plus_one.documents, plus_one.documents_read) == (3, 1)
    assert _pairs(db) == {**before, SECOND: ("KEN", "TZA")}
    _audits_pass(db)
    full = tmp_path / "full.duckdb"
    run_pipeline(story_sources, full)
    _same_database(db, full, db_content)


def test_a_version_3_database_upgrades_keeping_its_rows(run_pipeline, db_content, story_sources: Path,
                                                       tmp_path: Path) -> None:
    """A database as schema version 3 left it (dim_document without the pair, written by the code before it): the
    migration keeps every row; the next run reads the documents again (not the table file) and fills the pair, and
    the database is then the one a new build gives."""
    db = tmp_path / "v3.duckdb"
    run_pipeline(story_sources, db)
    with duckdb.connect(str(db)) as con:
        con.execute("alter table dim_document drop column pair_a")
        con.execute("alter table dim_document drop column pair_b")
        con.execute("delete from dyad_schema")
        con.execute("insert into dyad_schema values (3, now(), 'created')")
    old = db_content(db)
    with duckdb.connect(str(db)) as con:
        from flows.warehouse.marker import prepare_database

        assert prepare_database(con, SQL_DIR) == 3
    migrated = db_content(db)
    source_file = migrated.pop("source_file")
    assert len(source_file) == len(old.pop("source_file")) and sum("(no document pair)" in row for row in source_file) == 2
    assert {t: rows for t, rows in migrated.items() if t != "dim_document"} == {
        t: rows for t, rows in old.items() if t != "dim_document"}
    assert len(migrated["dim_document"]) == len(old["dim_document"]) and set(_pairs(db).values()) == {(None, None)}
    again = run_pipeline(story_sources, db)
    assert (again.documents_read, again.sources_unchanged) == (2, len(source_file) - 2)  # the tables not read
    assert _pairs(db)[STORY] == ("CHL", "PER")
    _audits_pass(db)
    fresh = tmp_path / "fresh.duckdb"
    run_pipeline(story_sources, fresh)
    _same_database(db, fresh, db_content)
