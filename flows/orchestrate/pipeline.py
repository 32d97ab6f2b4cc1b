"""The parent Prefect flow: fetch feeds -> discover -> ingest -> extract -> transform -> load (one transaction) ->
report views.

Tasks are coarse, one a stage over the whole batch; business logic lives in plain functions of the stage
modules, which this file only composes.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl
from prefect import flow, task
from prefect.runtime import flow_run

from flows.orchestrate import progress
from flows.warehouse.counts import stage_counts
from flows.common.faults import checkpoint
from flows.extract import extract_batch
from flows.ingest.discover import discover_sources
from flows.ingest.documents import document_key, read_documents
from flows.ingest.feeds import feed_items_frame, fetch_feeds
from flows.ingest.tables import TablesResult, ingest_tables, read_reference
from flows.warehouse.failures import record_failure
from flows.warehouse.load import connect, finish_run, load_run, start_run
from flows.warehouse.lock import run_lock
from flows.settings import EXTRACTOR_VERSION, Settings
from flows.warehouse.state import Previous, RunPlan, plan_run, read_previous
from flows.transform.conform import conform_countries, conform_pairs
from flows.transform.incremental import build_scoped
from flows.transform.warehouse import build_warehouse
from schemas.quarantine import quarantine_frame
from schemas.staging import DOCUMENT_PAIRS, STAGING_MODELS, DocumentPair
from schemas.validate import validate_or_quarantine
from schemas.warehouse import WAREHOUSE_MODELS

TRANSIENT_ERRORS = (OSError, TimeoutError, duckdb.IOException)


def _is_transient(task, task_run, state) -> bool:
    """Retry I/O that may succeed a second later; a bad input or a bug fails at once, with its own message."""
    try:
        state.result()
    except TRANSIENT_ERRORS:
        return True
    except BaseException:  # noqa: BLE001 - anything else is permanent
        return False
    return False


IO_RETRIES = {"retries": 2, "retry_delay_seconds": [1, 5], "retry_condition_fn": _is_transient}
# Tables with one set of rows per document: an incremental run replaces only the documents it read again.
DOCUMENT_TABLES = ["dim_document", "fact_event_mention", "fact_person_mention", "fact_membership",
                   "fact_trade_claim", "fact_figure", "fact_event_participant"]
# Tables only the table files write (flows.ingest.tables).
TRADE_TABLES = frozenset({"fact_trade", "fact_trade_reported", "dim_source_table"})
SUMMARY_SQL = """
    select (select count(*) from dim_document), (select count(*) from fact_event),
           (select count(*) from fact_event_mention), (select count(*) from dim_person),
           (select count(*) from fact_trade_claim), (select count(*) from fact_figure),
           (select count(*) from fact_trade), (select count(*) from fact_trade_reported)
"""


@dataclass
class RunSummary:
    """What a run did, for the CLI's closing lines and for scripts (--json)."""

    run_id: str
    db: str
    sources: str
    status: str
    seconds: float
    documents: int = 0
    events: int = 0
    event_mentions: int = 0
    people: int = 0
    trade_rows: int = 0
    trade_reported: int = 0
    trade_claims: int = 0
    figures: int = 0
    quarantined: int = 0
    documents_read: int = 0
    sources_unchanged: int = 0
    stages: list[dict] = field(default_factory=list)
    error: str | None = None
    feeds: dict = field(default_factory=dict)  # FetchResult.summary(): each feed's outcome, the new articles


def _run_name() -> str:
    params = flow_run.parameters or {}
    sources = Path(str(params.get("sources", "sources"))).name or "sources"
    return f"dyad-{sources}-{datetime.now():%Y-%m-%d-%H%M%S}"


@dataclass
class FeedBatch:
    """What fetching hands the load: the feed_item table, quarantine and stage counts, the run's feed summary."""

    items: pl.DataFrame
    quarantine: pl.DataFrame
    counts: pl.DataFrame
    summary: dict


@task(name="fetch_feeds", **IO_RETRIES)
def fetch_feeds_task(sources: Path, offline: bool) -> FeedBatch:
    """Every [[feed]] of the manifest, one request at a time, new articles into documents/<feed>/.

    A feed or page that fails is a quarantine row, never an exception; what is retried here is local I/O
    (writing documents or the state file), and fetching again then finds what was already written.
    """
    result = fetch_feeds(sources, offline=offline)
    items, bad_state = feed_items_frame(result.state)
    fetched = quarantine_frame(result.quarantine)
    counts = []
    if result.feeds or result.rows_in:
        counts.append(stage_counts("fetch_feeds", rows_in=result.rows_in, loaded=result.loaded,
                                   quarantined=fetched.height, skipped=result.skipped))
    if result.state.items:
        counts.append(stage_counts("feed_items", rows_in=len(result.state.items), loaded=items.height,
                                   quarantined=bad_state.height))
    return FeedBatch(items=items, quarantine=pl.concat([fetched, bad_state], how="vertical_relaxed"),
                     counts=pl.concat(counts) if counts else pl.DataFrame(),
                     summary=result.summary() if (result.feeds or result.state.items) else {})


@task(name="discover_sources", **IO_RETRIES)
def discover_sources_task(sources: Path, previous: Previous, full: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    return discover_sources(sources, None if full else previous.known_files())


@task(name="read_reference", **IO_RETRIES)
def read_reference_task(reference_dir: Path) -> dict[str, pl.DataFrame]:
    return read_reference(reference_dir)


@task(name="read_previous_state", **IO_RETRIES)
def read_previous_task(db: Path) -> Previous:
    """The sources the database was built from, with their hashes, sizes and modification times."""
    return read_previous(db)


@task(name="ingest_documents", **IO_RETRIES)
def ingest_documents_task(inventory: pl.DataFrame, sources: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    documents = inventory.filter(pl.col("kind") == "document")
    manifest = {r["relpath"]: {key: r[key] for key in ("published", "url") if r[key]}
                for r in documents.iter_rows(named=True) if r["published"] or r["url"]}
    result = read_documents([Path(p) for p in documents["path"]], sources, manifest)
    checkpoint("ingest")
    return result


@task(name="extract_documents")
def extract_documents_task(documents: pl.DataFrame, workers: int = 1, dask: str | None = None
                           ) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Every document's raw facts in document order, and a quarantine row for each document the extractor could
    not finish: in this process, on `workers` spawned processes (one chunk each), or on the Dask cluster at
    `dask`. One task either way: chunks are not task runs (flows.orchestrate.workers)."""
    if dask:
        from flows.orchestrate.workers import extract_on_dask

        return extract_on_dask(documents, dask)
    if workers > 1 and documents.height > 1:
        from flows.orchestrate.workers import extract_in_processes

        return extract_in_processes(documents, workers)
    return extract_batch(documents)


@task(name="validate_facts")
def validate_facts_task(extracted: tuple[dict[str, pl.DataFrame], pl.DataFrame], documents: pl.DataFrame
                        ) -> tuple[pl.DataFrame, dict[str, pl.DataFrame], pl.DataFrame, pl.DataFrame]:
    """(the documents with the extractor's pair, valid staged frames, quarantine, stage counts) for the whole batch;
    a document the extractor could not finish, or a fact it held back because its evidence is not its span, is one
    row in, quarantined. A pair that fails its model (schemas.staging.DocumentPair) is one row in, quarantined, and
    its document loads with no pair, as one the extractor gave none."""
    raw, not_extracted = extracted
    paths = documents.select("document_key", pl.col("path").alias("_source"))
    staged, rejected = {}, []
    for kind, model in STAGING_MODELS.items():
        frame = raw[kind].join(paths, on="document_key", how="left")
        good, bad = validate_or_quarantine(model, frame.drop("_source"), stage="extract",
                                           source_column="document_key", row_ref_column="sentence_index",
                                           row_ref_label=f"{kind} in sentence")
        staged[kind] = good
        rejected.append(bad)
    pairs, bad_pairs = validate_or_quarantine(DocumentPair, raw[DOCUMENT_PAIRS], stage="extract",
                                              source_column="document_key", row_ref_label="document pair, row")
    rejected = [bad.join(paths.rename({"document_key": "source"}), on="source", how="left")
                .with_columns(pl.coalesce("_source", "source").alias("source")).drop("_source")
                for bad in [*rejected, bad_pairs]]
    quarantine = pl.concat([not_extracted, *rejected], how="vertical_relaxed")
    rows_in = sum(raw[kind].height for kind in STAGING_MODELS) + not_extracted.height + bad_pairs.height
    counts = stage_counts("extract", rows_in=rows_in, loaded=rows_in - quarantine.height, quarantined=quarantine.height)
    return documents.join(pairs, on="document_key", how="left"), staged, quarantine, counts


@dataclass
class StarBatch:
    """What the transform hands the load: rows of the documents read now, tables rebuilt whole, bookkeeping."""

    document_frames: dict[str, pl.DataFrame]
    whole_frames: dict[str, pl.DataFrame]
    event_ids: pl.DataFrame
    quarantine: pl.DataFrame
    counts: pl.DataFrame
    replace: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # table -> (key, keys whose rows go)


@task(name="transform_star", **IO_RETRIES)
def transform_star_task(documents: pl.DataFrame, staged: dict[str, pl.DataFrame], reference: dict[str, pl.DataFrame],
                        run_started: datetime, db: Path, plan: RunPlan) -> StarBatch:
    """Conform the new facts, build the star (whole, or on an incremental run only the event groups, people and
    organizations the read and replaced documents reach, with the kept facts of those read back from `db`),
    validate it, split it for the load."""
    sources = dict(zip(documents["document_key"], documents["path"]))
    conformed, rejected = conform_countries(staged, reference["dim_country"]["iso3"], sources)
    documents = conform_pairs(documents, reference["dim_country"]["iso3"])
    replace: dict[str, tuple[str, list[str]]] = {}
    if plan.full:
        frames = build_warehouse(documents, conformed, run_started)
    else:
        replaced_keys = [document_key(relpath) for relpath in plan.replaced]
        frames, kept_event_ids, replace = build_scoped(db, documents, conformed, replaced_keys, run_started)
    quarantined = [rejected]
    for table, model in WAREHOUSE_MODELS.items():
        frames[table], bad = validate_or_quarantine(model, frames[table], stage="transform", source=table)
        quarantined.append(bad)
    quarantine = pl.concat(quarantined, how="vertical_relaxed")
    rows_in = sum(f.height for f in staged.values())
    star_rows = sum(frames[t].height for t in WAREHOUSE_MODELS)
    star_rejected = quarantine.height - rejected.height
    counts = pl.concat([
        stage_counts("conform", rows_in=rows_in, loaded=rows_in - rejected.height, quarantined=rejected.height),
        stage_counts("validate_star", rows_in=star_rows + star_rejected, loaded=star_rows, quarantined=star_rejected),
    ])
    # Kept documents' mentions stay in the database; merging may give them another event: re-point them.
    event_ids = frames["fact_event_mention"].select("mention_key", "event_id") if plan.full else kept_event_ids
    new_keys = documents["document_key"].implode()
    per_document = {t: frames.pop(t).filter(pl.col("document_key").is_in(new_keys)) for t in DOCUMENT_TABLES}
    per_document.update({f"stg_{kind}": frame for kind, frame in conformed.items()})
    return StarBatch(document_frames=per_document, whole_frames={**reference, **frames},
                     event_ids=event_ids, quarantine=quarantine, counts=counts, replace=replace)


@task(name="load_warehouse", **IO_RETRIES)
def load_warehouse_task(settings: Settings, run_id: str, run_started: datetime, plan: RunPlan, star: StarBatch,
                        quarantine: pl.DataFrame, counts: pl.DataFrame) -> RunSummary:
    """One transaction: the star, the trade tables streamed from their files, quarantine, counts, views."""
    tables = plan.process.filter(pl.col("kind") == "table")
    con = connect(settings.db, wait_seconds=settings.wait_seconds)
    try:
        table_paths = [Path(p) for p in tables["path"]]

        def write_tables(c) -> tuple[pl.DataFrame, pl.DataFrame]:
            result: TablesResult = ingest_tables(c, table_paths, settings.sources)
            return result.quarantine, stage_counts("ingest_tables", rows_in=result.rows_in, loaded=result.loaded,
                                                   quarantined=result.quarantined)

        result = load_run(con, sql_dir=settings.sql_dir, run_id=run_id, full=plan.full, replaced=plan.replaced,
                          document_frames=star.document_frames, whole_frames=star.whole_frames,
                          event_ids=star.event_ids, replace=star.replace, quarantine=quarantine, stage_counts=counts,
                          extra_writers=[write_tables],
                          # a run that reads no table file writes none of the trade tables
                          unchanged=frozenset() if plan.full or table_paths else TRADE_TABLES)
        finish_run(con, run_id, "succeeded", n_sources=plan.process.height + plan.skipped.height)
        totals = con.execute(SUMMARY_SQL).fetchall()[0]
    finally:
        con.close()
    names = ["documents", "events", "event_mentions", "people", "trade_claims", "figures", "trade_rows",
             "trade_reported"]
    n_documents = plan.process.filter(pl.col("kind") == "document").height
    return RunSummary(
        run_id=run_id, db=str(settings.db), sources=str(settings.sources), status="succeeded", seconds=0.0,
        **dict(zip(names, map(int, totals))), quarantined=result.quarantined,
        documents_read=n_documents, sources_unchanged=plan.skipped.height,
        stages=result.stage_counts.to_dicts(),
    )


@flow(name="dyad-pipeline", flow_run_name=_run_name, log_prints=False)
def pipeline(sources: str, db: str, wait_seconds: float = 0.0, full: bool = False, workers: int = 1,
             offline: bool = False, dask: str | None = None) -> RunSummary:
    """Build or update the reporting database from a sources folder in one transaction.

    The feeds of the manifest are fetched first into the sources folder (not with `offline`), so what a run
    loads is always a folder anyone can run again.

    Only new or changed sources (by content hash) are read again unless `full`; the whole run holds the
    database's lock, so a second run waits up to `wait_seconds` or stops with a clear message. Extraction runs
    on `workers` local processes, or on the Dask cluster at the address `dask`.
    """
    settings = Settings().with_overrides(sources=sources, db=db, wait_seconds=wait_seconds)
    started, clock = datetime.now(), time.perf_counter()
    run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    with run_lock(settings.db, settings.wait_seconds):
        start_run(settings.db, settings.sql_dir, run_id, started, str(settings.sources), settings.wait_seconds)
        try:
            summary = _run_stages(settings, run_id, started, full, workers, offline, dask)
        except BaseException as exc:
            record_failure(settings.db, run_id, exc, settings.wait_seconds)
            raise
    summary.seconds = round(time.perf_counter() - clock, 2)
    from flows.orchestrate.artifacts import publish_run_artifacts  # the UI's view of the run; never fails it

    publish_run_artifacts(summary, settings.db)
    return summary


def _run_stages(settings: Settings, run_id: str, started: datetime, full: bool, workers: int,
                offline: bool = False, dask: str | None = None) -> RunSummary:
    """The stages of one run, in order; the caller holds the lock and records how the run ended."""
    progress.stage("fetch", "feeds of the manifest" + (" (offline: not fetched)" if offline else ""))
    feeds = fetch_feeds_task(settings.sources, offline)
    progress.stage("discover", str(settings.sources))
    previous = read_previous_task(settings.db)
    inventory, discover_q = discover_sources_task(settings.sources, previous, full)
    plan = plan_run(inventory, previous, EXTRACTOR_VERSION, full=full)
    reference = read_reference_task(settings.reference_dir)
    n_read = plan.process.filter(pl.col("kind") == "document").height
    progress.stage("ingest", f"{n_read} documents to read, {plan.skipped.height} sources unchanged")
    documents, ingest_q = ingest_documents_task(plan.process, settings.sources)
    where = f" on the Dask cluster {dask}" if dask else f" on {workers} processes" if workers > 1 else ""
    progress.stage("extract", f"{documents.height} documents{where}")
    documents, staged, extract_q, extract_counts = validate_facts_task(
        extract_documents_task(documents, workers, dask), documents)
    progress.stage("transform", "merging events, building the star")
    star = transform_star_task(documents, staged, reference, started, settings.db, plan)
    n_docs = plan.process.filter(pl.col("kind") == "document").height
    counts = pl.concat([
        *([feeds.counts] if not feeds.counts.is_empty() else []),
        stage_counts("discover", rows_in=inventory.height + discover_q.height, loaded=plan.process.height,
                     quarantined=discover_q.height, skipped=plan.skipped.height),
        # a part of a loaded document quarantined on its own (a NUL byte, a bad front-matter date) is one more row in
        stage_counts("ingest_documents", rows_in=n_docs + ingest_q.filter(pl.col("row_ref") != "file").height,
                     loaded=documents.height, quarantined=ingest_q.height),
        extract_counts,
        star.counts,
    ])
    quarantine = pl.concat([feeds.quarantine, discover_q, ingest_q, extract_q, star.quarantine],
                           how="vertical_relaxed")
    star.whole_frames["feed_item"] = feeds.items
    star.whole_frames["source_file"] = inventory.drop("path", "published", "url").with_columns(
        pl.lit(EXTRACTOR_VERSION).alias("extractor_version"))
    progress.stage("load", f"one transaction into {settings.db.name}, trade tables, views")
    summary = load_warehouse_task(settings, run_id, started, plan, star, quarantine, counts)
    summary.feeds = feeds.summary
    return summary


def run_pipeline(sources: str, db: str, *, wait_seconds: float = 0.0, full: bool = False, workers: int = 1,
                 offline: bool = False, dask: str | None = None) -> RunSummary:
    """The pipeline flow as `dyad run` starts it: first wait (bounded) for the project's own Prefect server when
    this process has just started it in the background (flows.orchestrate.server.use_local_server)."""
    from flows.orchestrate.server import local_server_pending, wait_until_up

    if local_server_pending():
        wait_until_up()
    return pipeline(sources=sources, db=db, wait_seconds=wait_seconds, full=full, workers=workers, offline=offline,
                    dask=dask)
