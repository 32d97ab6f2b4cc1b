"""What the run artifacts say: new events, quarantine reasons, the markdown summary, the timeline table."""
from __future__ import annotations

from types import SimpleNamespace

import duckdb
import polars as pl
import pytest

from flows.orchestrate.artifacts import (NEWEST_ORDER, artifact_key, new_events, quarantine_reasons, summary_markdown,
                                        timeline_rows)
from flows.settings import SQL_DIR
from flows.warehouse.load import apply_views
from tests.support.databases import new_warehouse


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert rows into a table of the real DDL; its NOT NULL columns a test does not read get a filler value
    of their type (a mention's char_end 0, its extractor_version ''), so each test names only what it checks."""
    filler = {"VARCHAR": "", "BOOLEAN": False, "TIMESTAMP": "2000-01-01", "DATE": "2000-01-01"}
    required = con.execute("select column_name, data_type from information_schema.columns where table_name = ? "
                           "and is_nullable = 'NO'", [table]).fetchall()
    for row in rows:
        full = {**{c: filler.get(t, 0) for c, t in required}, **row}
        con.execute(f"insert into {table} by name select {', '.join(f'? as {c}' for c in full)}", list(full.values()))


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    """The real tables and views of sql/ (as `dyad run` creates them), holding two runs' worth of rows; no
    reference dimensions: each test reads only the rows it inserts."""
    con = new_warehouse(reference=False)
    insert(con, "etl_run", [{"run_id": "r1", "started_at": "2026-01-01 10:00", "status": "succeeded"},
                            {"run_id": "r2", "started_at": "2026-01-02 10:00", "status": "running"}])
    # d1 was first seen by r1 (and kept its time on r2), d2 is new in r2
    insert(con, "dim_document", [{"document_key": "d1", "name": "seed.txt", "ingested_at": "2026-01-01 10:00"},
                                 {"document_key": "d2", "name": "later.txt", "ingested_at": "2026-01-02 10:00"}])
    insert(con, "fact_event_mention", [{"mention_key": f"m{i}", "event_id": e, "document_key": d}
                                       for i, (e, d) in enumerate([("old", "d1"), ("new", "d2"), ("both", "d1"),
                                                                   ("both", "d2")])])
    insert(con, "fact_event", [
        {"event_id": "old", "event_date": "2020-01-01", "date_precision": "day", "event_type": "meeting",
         "actor_iso3": "AZE", "target_iso3": "BLR", "status": "occurred", "evidence": "Met."},
        {"event_id": "new", "event_date": "2021-05-01", "date_precision": "month", "event_type": "state_visit",
         "actor_iso3": "BLR", "target_iso3": "AZE", "status": "occurred", "evidence": "A | B visited."},
        {"event_id": "both", "event_date": None, "event_type": "meeting", "actor_iso3": "AZE", "target_iso3": "BLR",
         "status": "planned", "evidence": "Will meet."}])
    insert(con, "quarantine", [{"run_id": "r2", "stage": "extract", "reason": "unknown country code: XXX"},
                               {"run_id": "r2", "stage": "extract", "reason": "unknown country code: YYY"},
                               {"run_id": "r2", "stage": "ingest", "reason": "empty file"},
                               {"run_id": "r1", "stage": "x", "reason": "old"}])
    apply_views(con, SQL_DIR)  # every view, each after the views it reads, as `dyad run` publishes them
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
    assert [(r["date"], r["precision"], r["event"], r["documents"]) for r in rows] == [
        ("2021-05-01", "month", "state_visit", "later.txt"), ("2020-01-01", "day", "meeting", "seed.txt")]


@pytest.mark.parametrize("db, key", [("dyad.duckdb", "run-summary-dyad"), ("/tmp/My DB_2.duckdb", "run-summary-my-db-2")])
def test_artifact_keys_are_valid_prefect_keys(db: str, key: str) -> None:
    assert artifact_key("run-summary", db) == key


def test_timeline_rows_chosen_in_duckdb_are_the_views_rows_sorted_as_before(con) -> None:
    # timeline_rows picks the newest events inside DuckDB (flows.orchestrate.artifacts.NEWEST_SQL); they must be
    # the rows the view gives sorted newest first, ties in the view's own order (it ends on target_iso3)
    insert(con, "fact_event", [
        {"event_id": f"e{i}", "event_date": f"2022-0{1 + i % 3}-01", "date_precision": "day",
         "event_type": ["meeting", "call"][i % 2], "actor_iso3": ["AZE", "BLR"][i % 3 % 2],
         "target_iso3": ["BLR", "AZE", "GEO", "ARM"][i % 4],
         "status": "occurred", "evidence": f"Event {i}."} for i in range(12)])
    view = con.table("v_relations_timeline").pl()
    for limit in (1, 5, 13, 40):
        before = (view.filter(pl.col("event_date").is_not_null())
                  .sort(["event_date", "event_type", "actor_iso3"], descending=[True, False, False], maintain_order=True)
                  .head(limit))
        assert [r["evidence"] for r in timeline_rows(con, limit=limit)] == before["evidence"].to_list()


def test_timeline_rows_documents_and_people_are_the_views(con) -> None:
    # NEWEST_SQL aggregates documents and participants over the chosen events' mentions only: every column of the
    # artifact must be what v_relations_timeline gives those events, a mention told in passing ('context' scope,
    # left out of the view) and people named twice included
    insert(con, "dim_document", [{"document_key": f"d{i}", "name": f"n{i}.txt", "ingested_at": "2026-01-03"}
                                 for i in range(3, 7)])
    events = [{"event_id": f"e{i}", "event_date": f"2022-0{1 + i % 3}-0{1 + i % 5}", "date_precision": "day",
               "event_type": ["meeting", "call"][i % 2], "actor_iso3": ["AZE", "GEO"][i % 2],
               "target_iso3": ["BLR", "ARM"][i % 2], "status": "occurred", "evidence": f"Event {i}."}
              for i in range(8)]
    insert(con, "fact_event", events)
    # d3 tells e1, d4 e0, d6 e7 in passing (their pair once beside another pair twice): 'context'
    told = {3: [0, 2, 1], 4: [1, 3, 0], 5: [4, 5, 6, 7], 6: [2, 6, 7]}
    mentions = [{"mention_key": f"x{i}-{d}", "event_id": f"e{i}", "document_key": f"d{d}",
                 "actor_iso3": events[i]["actor_iso3"], "target_iso3": events[i]["target_iso3"], "sentence_index": n}
                for d, told_here in told.items() for n, i in enumerate(told_here)]
    insert(con, "fact_event_mention", mentions)
    insert(con, "fact_event_participant", [
        {"mention_key": m["mention_key"], "document_key": m["document_key"], "position": j,
         "participant": ["Ann Berg", "Tom Lee", "Ann Berg"][(j + k) % 3]}
        for k, m in enumerate(mentions) for j in range(k % 3)])
    scopes = {r[0] for r in con.execute("select scope from v_event_scope").fetchall()}
    assert scopes == {"dyad", "context"}  # the fixture holds both
    view = {r["event_id"]: r for r in con.table("v_relations_timeline").pl().iter_rows(named=True)}
    for limit in (1, 3, 20):
        rows = timeline_rows(con, limit=limit)
        chosen = con.execute(f"select event_id from fact_event where event_date is not null "
                             f"order by {NEWEST_ORDER} limit {limit}").fetchall()
        expected = [view[e] for (e,) in chosen]
        assert [(r["date"], r["event"], r["actor"], r["target"], r["people"], r["documents"], r["evidence"])
                for r in rows] == [(str(v["event_date"]), v["event_type"], v["actor_iso3"], v["target_iso3"],
                                    v["participants"] or "", v["documents"] or "", v["evidence"]) for v in expected]
    assert any(r["people"] for r in rows) and any(";" in r["documents"] for r in rows)
