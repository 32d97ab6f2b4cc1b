"""The run artifact's feed section: each feed's outcome, each new article with the events it added."""
from __future__ import annotations

from types import SimpleNamespace

import duckdb
import polars as pl

from flows.orchestrate.artifacts import article_events, feeds_markdown, new_events, summary_markdown

FEEDS = {
    "requests": 9, "quarantined": 1, "skipped": 1,
    "feeds": [
        {"name": "wire", "url": "http://127.0.0.1/rss", "status": "fetched", "title": "Caspian Wire", "items": 3,
         "new": 2, "seen": 0, "skipped": 1, "failed": 0, "reason": None},
        {"name": "mfa", "url": "http://127.0.0.1/atom", "status": "not modified", "title": "", "items": 0,
         "new": 0, "seen": 0, "skipped": 0, "failed": 0, "reason": None},
        {"name": "down", "url": "http://127.0.0.1:9/rss", "status": "failed", "title": "", "items": 0, "new": 0,
         "seen": 0, "skipped": 0, "failed": 0, "reason": "cannot connect: refused"},
    ],
    "new_articles": [
        {"feed": "wire", "title": "Talks in Baku", "url": "http://127.0.0.1/a", "path": "documents/wire/a.md",
         "published": "2026-12-02"},
        {"feed": "wire", "title": "Weather | today", "url": "http://127.0.0.1/b", "path": "documents/wire/b.md",
         "published": None},
    ],
}


def _database() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table etl_run (run_id varchar, started_at timestamp)")
    con.execute("insert into etl_run values ('r1', '2026-12-01 06:00'), ('r2', '2026-12-04 06:00')")
    con.execute("create table dim_document (document_key varchar, path varchar, ingested_at timestamp)")
    con.execute("insert into dim_document values ('old', 'documents/seed.txt', '2026-12-01 06:00'), "
                "('a', 'documents/wire/a.md', '2026-12-04 06:00'), ('b', 'documents/wire/b.md', '2026-12-04 06:00')")
    con.execute("create table fact_event_mention (event_id varchar, document_key varchar)")
    con.execute("insert into fact_event_mention values ('e1', 'a'), ('e2', 'a'), ('e0', 'old'), ('e0', 'a')")
    con.execute("create table fact_event (event_id varchar, event_date date, event_type varchar, "
                "actor_iso3 varchar, target_iso3 varchar, evidence varchar)")
    con.execute("insert into fact_event values ('e1', '2026-12-01', 'meeting', 'AZE', 'BLR', 'They met in Baku.'), "
                "('e2', null, 'commission_meeting', 'AZE', 'BLR', 'The commission will meet.'), "
                "('e0', '2023-06-11', 'letters_exchanged', 'AZE', 'BLR', 'Letters.')")
    return con


def test_each_new_article_lists_the_events_it_added() -> None:
    con = _database()
    new = new_events(con, "r2")
    assert sorted(new["event_id"]) == ["e1", "e2"]  # e0 was known before: a new mention, not a new event
    events = article_events(con, ["documents/wire/a.md", "documents/wire/b.md"], new)
    assert {path: [r["event_id"] for r in rows] for path, rows in events.items()} == {
        "documents/wire/a.md": ["e1", "e2"]}
    lines = feeds_markdown(FEEDS, events)
    assert lines[1] == "## Feeds: 3, 9 requests"
    assert "| wire | fetched | 2 | 0 | 1 | 0 | Caspian Wire |" in lines
    assert "| down | failed | 0 | 0 | 0 | 0 | cannot connect: refused |" in lines
    assert "## New articles this run: 2" in lines
    assert ("- **[Talks in Baku](http://127.0.0.1/a)** (wire, 2026-12-02), `documents/wire/a.md`: 2 new events"
            in lines)
    assert "  - 2026-12-01 meeting AZE → BLR: They met in Baku." in lines
    assert "  - planned commission_meeting AZE → BLR: The commission will meet." in lines
    assert ("- **[Weather \\| today](http://127.0.0.1/b)** (wire, undated), `documents/wire/b.md`: 0 new events"
            in lines)


def test_no_feed_section_without_feeds() -> None:
    assert feeds_markdown({}, {}) == []
    assert article_events(_database(), [], pl.DataFrame()) == {}
    summary = SimpleNamespace(run_id="r2", status="succeeded", seconds=1.0, sources="s", db="d.duckdb", documents=1,
                              events=1, event_mentions=1, people=0, trade_claims=0, figures=0, trade_rows=0,
                              quarantined=0, stages=[])
    assert "## Feeds" not in summary_markdown(summary, pl.DataFrame(), [])
    summary.feeds = FEEDS
    text = summary_markdown(summary, pl.DataFrame(), [], {})
    assert text.index("## Feeds: 3, 9 requests") < text.index("## Quarantined rows")
