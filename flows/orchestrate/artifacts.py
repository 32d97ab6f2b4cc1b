"""Prefect artifacts a run leaves in the UI: a markdown summary and a table of the newest timeline entries.

Artifacts are a window on the run, not part of its result: a failure to publish them is logged and the run
still succeeds. New events are those whose every document was first ingested by this run (document
ingestion times survive re-runs, event ids are stable), so a re-run over the same sources reports none.
"""
from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import duckdb
import polars as pl

from flows.warehouse import connect
from flows.warehouse.objects import macros, relations

NEWEST_EVENTS = 20
TOP_REASONS = 10
EVIDENCE_CHARS = 160
# The newest dated events, chosen from fact_event (one row per event, the view's columns of the same names), with
# the documents and participants v_relations_timeline gives them: the view's own lists (sql/macros/
# event_mention_lists.sql) made for the chosen events only. Asking the view for 20 events aggregated every event's
# mentions (0.17 s of CPU at 10,000 documents on every run, growing with the database). Ties keep the view's own
# order (it ends on target_iso3), as the stable sort over the view's rows did.
NEWEST_ORDER = "event_date desc, event_type nulls first, actor_iso3 nulls first, target_iso3 nulls last"
NEWEST_SQL = f"""
    with chosen as (
        select event_id from fact_event where event_date is not null order by {NEWEST_ORDER} limit $limit
    )
    select e.event_id, e.event_date, e.date_precision, e.event_type, e.actor_iso3, e.target_iso3, e.status,
           m.participants, e.evidence, m.documents
    from fact_event as e
    left join event_mention_lists('v_event_mentions', (select list(event_id) from chosen)) as m
        on m.event_id = e.event_id
    where e.event_id in (select event_id from chosen)
    order by {NEWEST_ORDER} limit $limit
"""
# Events whose every mention's document was first ingested at or after the run's start, chosen inside DuckDB
# (the same min over the joined mentions the Polars join took, without reading every mention into Python).
FRESH_SQL = """
    select * from fact_event where event_id in (
        select m.event_id from fact_event_mention as m join dim_document as d on d.document_key = m.document_key
        group by m.event_id having min(d.ingested_at) >= ?)
"""


def artifact_key(kind: str, db_path: Path | str) -> str:
    """A Prefect artifact key (lowercase letters, digits, dashes) per kind and database: 'run-summary-dyad'."""
    slug = re.sub(r"[^a-z0-9]+", "-", Path(db_path).stem.lower()).strip("-") or "db"
    return f"{kind}-{slug}"


def _short(text: str | None, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_rows(con: duckdb.DuckDBPyConnection, limit: int = NEWEST_EVENTS) -> list[dict[str, Any]]:
    """The newest dated events of the timeline, newest first, as rows for a table artifact."""
    if "v_relations_timeline" not in set(relations(con)) or "event_mention_lists" not in macros(con):
        return []
    frame = con.sql(NEWEST_SQL, params={"limit": limit}).pl()
    return [{"date": str(r["event_date"]), "precision": r["date_precision"], "event": r["event_type"],
             "actor": r["actor_iso3"], "target": r["target_iso3"], "status": r["status"],
             "people": r.get("participants") or "", "evidence": _short(r["evidence"]),
             "documents": r.get("documents") or ""}
            for r in frame.iter_rows(named=True)]


def new_events(con: duckdb.DuckDBPyConnection, run_id: str) -> pl.DataFrame:
    """Events first seen by this run: every document that states them was first ingested by it."""
    needed = {"etl_run", "fact_event", "fact_event_mention", "dim_document"}
    if not needed <= set(relations(con)):
        return pl.DataFrame()
    started = con.table("etl_run").filter(duckdb.ColumnExpression("run_id") == duckdb.ConstantExpression(run_id)) \
        .select("started_at").fetchall()
    if not started:
        return pl.DataFrame()
    return (con.sql(FRESH_SQL, params=[started[0][0]]).pl()
            .sort(["event_date", "event_type", "actor_iso3"], nulls_last=True))


def quarantine_reasons(con: duckdb.DuckDBPyConnection, run_id: str, limit: int = TOP_REASONS) -> list[tuple]:
    """(stage, reason, rows) of this run's quarantine, most frequent first (aggregated inside DuckDB)."""
    if "quarantine" not in set(relations(con)):
        return []
    this_run = con.table("quarantine").filter(duckdb.ColumnExpression("run_id") == duckdb.ConstantExpression(run_id))
    # Reasons quote values; the text before the first ':' groups rows that failed the same way.
    grouped = this_run.select(duckdb.ColumnExpression("stage"),
                              duckdb.FunctionExpression("split_part", duckdb.ColumnExpression("reason"),
                                                        duckdb.ConstantExpression(":"),
                                                        duckdb.ConstantExpression(1)).alias("reason"))
    rows = grouped.aggregate("stage, reason, count(*) as n", "stage, reason").fetchall()
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))[:limit]


def article_events(con: duckdb.DuckDBPyConnection, paths: list[str], new: pl.DataFrame) -> dict[str, list[dict]]:
    """For each document path, the events new this run that it states (what each new article added)."""
    if not paths or new.is_empty() or not {"fact_event_mention", "dim_document"} <= set(relations(con)):
        return {}
    mentions = (con.table("fact_event_mention").select("event_id", "document_key").pl()
                .join(con.table("dim_document").select("document_key", "path").pl(), on="document_key")
                .filter(pl.col("path").is_in(paths)).unique(["path", "event_id"]))
    joined = mentions.join(new, on="event_id").sort(["path", "event_date", "event_type"], nulls_last=True)
    out: dict[str, list[dict]] = {}
    for row in joined.iter_rows(named=True):
        out.setdefault(row["path"], []).append(row)
    return out


def feeds_markdown(feeds: dict, events: dict[str, list[dict]]) -> list[str]:
    """The feed section: each feed's outcome, then each new article with the events it added."""
    if not feeds:
        return []
    lines = ["", f"## Feeds: {len(feeds['feeds'])}, {feeds['requests']} requests", "",
             "| feed | status | new | seen | skipped | failed | note |", "|---|---|---:|---:|---:|---:|---|"]
    for f in feeds["feeds"]:
        lines.append(f"| {_md_escape(f['name'])} | {f['status']} | {f['new']} | {f['seen']} | {f['skipped']} | "
                     f"{f['failed']} | {_md_escape(_short(f.get('reason') or f.get('title') or '', 120))} |")
    articles = feeds["new_articles"]
    lines += ["", f"## New articles this run: {len(articles)}"]
    for a in articles:
        added = events.get(a["path"], [])
        lines += ["", f"- **[{_md_escape(a['title'] or a['path'])}]({a['url']})** ({a['feed']}, "
                      f"{a.get('published') or 'undated'}), `{a['path']}`: {len(added)} new events"]
        lines += [f"  - {r['event_date'] or 'planned'} {r['event_type']} {r['actor_iso3']} → {r['target_iso3']}: "
                  f"{_md_escape(_short(r['evidence'], 120))}" for r in added]
    return lines


def _md_escape(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: Any, new: pl.DataFrame, reasons: list[tuple],
                     article_events_by_path: dict[str, list[dict]] | None = None) -> str:
    """The run summary as markdown: counts, feeds and their new articles, quarantine by reason, new events."""
    lines = [f"# dyad run `{summary.run_id}`: {summary.status} in {summary.seconds:.1f} s", "",
             f"Sources `{summary.sources}` into `{summary.db}`.", "",
             "| what | rows |", "|---|---:|"]
    for label, value in [("documents", summary.documents), ("events", summary.events),
                         ("event mentions", summary.event_mentions), ("people", summary.people),
                         ("trade claims", summary.trade_claims), ("figures", summary.figures),
                         ("trade statistics rows", summary.trade_rows), ("quarantined", summary.quarantined)]:
        lines.append(f"| {label} | {value:,} |")
    if summary.stages:
        lines += ["", "## Stages", "", "| stage | in | loaded | quarantined |", "|---|---:|---:|---:|"]
        for stage in summary.stages:
            lines.append(f"| {stage.get('stage')} | {stage.get('rows_in', 0):,} | {stage.get('loaded', 0):,} | "
                         f"{stage.get('quarantined', 0):,} |")
    lines += feeds_markdown(getattr(summary, "feeds", None) or {}, article_events_by_path or {})
    lines += ["", f"## Quarantined rows: {summary.quarantined:,}"]
    if reasons:
        lines += ["", "| stage | reason | rows |", "|---|---|---:|"]
        lines += [f"| {_md_escape(s)} | {_md_escape(_short(r, 120))} | {n:,} |" for s, r, n in reasons]
        lines += ["", "`dyad quarantine` lists every row with its raw content."]
    lines += ["", f"## New events this run: {new.height}"]
    if not new.is_empty():
        lines += ["", "| date | event | countries | evidence |", "|---|---|---|---|"]
        for r in new.head(NEWEST_EVENTS).iter_rows(named=True):
            lines.append(f"| {r['event_date'] or 'planned'} | {r['event_type']} | {r['actor_iso3']} → "
                         f"{r['target_iso3']} | {_md_escape(_short(r['evidence']))} |")
        if new.height > NEWEST_EVENTS:
            lines.append(f"\n… and {new.height - NEWEST_EVENTS} more.")
    return "\n".join(lines) + "\n"


def publish_run_artifacts(summary: Any, db_path: Path | str) -> list[UUID]:
    """Publish the run's markdown summary and newest-timeline table to Prefect; returns the artifact ids."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    logger = _logger()
    try:
        con = connect(Path(db_path), wait_seconds=10, read_only=True)
        try:
            new = new_events(con, summary.run_id)
            paths = [a["path"] for a in (getattr(summary, "feeds", None) or {}).get("new_articles", [])]
            markdown = summary_markdown(summary, new, quarantine_reasons(con, summary.run_id),
                                        article_events(con, paths, new))
            rows = timeline_rows(con)
        finally:
            con.close()
        stamp = f"{datetime.now():%Y-%m-%d %H:%M}"
        ids = [create_markdown_artifact(markdown, key=artifact_key("run-summary", db_path),
                                        description=f"dyad run {summary.run_id} ({stamp})")]
        if rows:
            ids.append(create_table_artifact(rows, key=artifact_key("timeline", db_path),
                                             description=f"The {len(rows)} newest events on the relations timeline"))
        return ids
    except Exception as exc:  # noqa: BLE001 - the data is committed; a missing artifact must not fail the run
        logger.warning("could not publish the run artifacts: %s: %s", type(exc).__name__, exc)
        return []


def _logger() -> logging.Logger | logging.LoggerAdapter:
    from prefect.exceptions import MissingContextError
    from prefect.logging import get_run_logger

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("dyad.artifacts")
