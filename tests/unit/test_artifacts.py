"""What the run artifacts say: new events, quarantine reasons, the markdown summary, the timeline table."""
from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest

from flows.orchestrate.artifacts import artifact_key, new_events, quarantine_reasons, summary_markdown, timeline_rows


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table etl_run (run_id varchar, started_at timestamp, status varchar)")
    con.execute("insert into etl_run values ('r1', '2026-01-01 10:00', 'succeeded'), ('r2', '2026-01-02 10:00', 'running')")
    con.execute("create table dim_document (document_key varchar, ingested_at timestamp)")
    # d1 was first seen by r1 (and kept its time on r2), d2 is new in r2
    con.execute("insert into dim_document values ('d1', '2026-01-01 10:00'), ('d2', '2026-01-02 10:00')")
    con.execute("create table fact_event_mention (event_id varchar, document_key varchar)")
    con.execute("insert into fact_event_mention values ('old', 'd1'), ('new', 'd2'), ('both', 'd1'), ('both', 'd2')")
    con.execute("create table fact_event (event_id varchar, event_date date, event_type varchar, actor_iso3 varchar, "
                "target_iso3 varchar, evidence varchar)")
    con.execute("insert into fact_event values ('old', '2020-01-01', 'meeting', 'AZE', 'BLR', 'Met.'), "
                "('new', '2021-05-01', 'state_visit', 'BLR', 'AZE', 'A | B visited.'), "
                "('both', null, 'meeting', 'AZE', 'BLR', 'Will meet.')")
    con.execute("create table quarantine (run_id varchar, stage varchar, reason varchar)")
    con.execute("insert into quarantine values ('r2', 'extract', 'unknown country code: XXX'), "
                "('r2', 'extract', 'unknown country code: YYY'), ('r2', 'ingest', 'empty file'), ('r1', 'x', 'old')")
    con.execute("create view v_relations_timeline as select *, 'day' as date_precision, 'occurred' as status, "
                "null as participants, 'seed.txt' as documents from fact_event")
    return con


def test_new_events_are_those_only_new_documents_state(con) -> None:
    assert new_events(con, "r2")["event_id"].to_list() == ["new"]
    assert new_events(con, "no-such-run").is_empty()


def test_quarantine_reasons_are_grouped_before_the_quoted_value(con) -> None:
    assert quarantine_reasons(con, "r2") == [("extract", "unknown country code", 2), ("ingest", "empty file", 1)]


def test_summary_markdown_has_counts_reasons_and_new_events(con) -> None:
    summary = SimpleNamespace(run_id="r2", status="succeeded", seconds=3.21, sources="sources", db="dyad.duckdb",
                              documents=2, events=3, event_mentions=4, people=5, trade_claims=6, figures=7,
                              trade_rows=12345, quarantined=3,
                              stages=[{"stage": "extract", "rows_in": 10, "loaded": 8, "quarantined": 2}])
    text = summary_markdown(summary, new_events(con, "r2"), quarantine_reasons(con, "r2"))
    assert text.startswith("# dyad run `r2`: succeeded in 3.2 s")
    assert "| trade statistics rows | 12,345 |" in text
    assert "| extract | 10 | 8 | 2 |" in text
    assert "| extract | unknown country code | 2 |" in text
    assert "## New events this run: 1" in text
    assert "| 2021-05-01 | state_visit | BLR → AZE | A \\| B visited. |" in text  # a pipe cannot split the cell


def test_timeline_rows_are_the_newest_dated_events_first(con) -> None:
    rows = timeline_rows(con, limit=5)
    assert [(r["date"], r["event"]) for r in rows] == [("2021-05-01", "state_visit"), ("2020-01-01", "meeting")]


@pytest.mark.parametrize("db, key", [("dyad.duckdb", "run-summary-dyad"), ("/tmp/My DB_2.duckdb", "run-summary-my-db-2")])
def test_artifact_keys_are_valid_prefect_keys(db: str, key: str) -> None:
    assert artifact_key("run-summary", db) == key
