"""DuckDB: apply the DDL, write a whole run in one transaction, audit it, then publish the views.

A run either commits everything or nothing: any error rolls back to the previous database, and a killed
process leaves DuckDB's last committed state (its WAL is replayed on the next open).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from flows.common.faults import checkpoint
from flows.common.yamlfile import read_yaml
from flows.warehouse.audit_scope import capture_gone, create_scope, drop_scope, reference_targets
from flows.warehouse.audits import STAR_YAML, AuditError, run_checks
from flows.warehouse.connection import connect, rewrite_for_older_readers
from flows.warehouse.ddl import table_ddl
from flows.warehouse.describe import apply_comments
from flows.warehouse.failures import apply_pending
from flows.warehouse.marker import dyad_tables, prepare_database
from flows.warehouse.objects import columns, table_names
from flows.warehouse.sync import sync_table
from flows.warehouse.views import apply_views, publish_views

# Tables whose rows are history, kept across runs; every other table is rebuilt by each run.
HISTORY_TABLES = {"etl_run", "etl_run_stage", "quarantine", "dyad_schema"}
# Per-file tables without a document_key: the column naming the source file each row came from.
FILE_COLUMNS = {"fact_trade": "source_file", "fact_trade_reported": "source", "dim_source_table": "path"}


@dataclass
class LoadResult:
    tables: dict[str, int] = field(default_factory=dict)
    quarantined: int = 0
    stage_counts: pl.DataFrame = field(default_factory=pl.DataFrame)


def apply_ddl(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Create every table that does not exist yet; returns the table names in DDL order."""
    statements = table_ddl(sql_dir)
    for statement in statements.values():
        con.execute(statement)
    return list(statements)


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append a Polars frame to a table by column name (Arrow hand-over, no SQL built from values)."""
    if frame.is_empty():
        return 0
    con.register("_frame", frame)
    try:
        con.execute(f'insert into "{table}" by name select * from _frame')
    finally:
        con.unregister("_frame")
    return frame.height


def start_run(db: Path, sql_dir: Path, run_id: str, started: datetime, sources: str, wait_seconds: float = 0.0) -> None:
    """Create the tables if needed and record the run as running, committed on its own, before any stage:
    a run that fails anywhere, or is killed, still leaves its trace in etl_run."""
    rewrite_for_older_readers(db, wait_seconds)  # a database from before dyad pinned its storage version
    with connect(db, wait_seconds=wait_seconds) as con:
        # refuses another program's database; migrates an older dyad one (sql/migrations)
        prepare_database(con, sql_dir)
        apply_ddl(con, sql_dir)
        apply_pending(con, db)  # failures that could not be written when they happened
        # A run that was killed never reached its end: say so rather than leave it 'running' forever.
        con.execute("update etl_run set status = 'failed', error = 'interrupted (process ended before commit)' "
                    "where status = 'running'")
        con.execute("insert into etl_run (run_id, started_at, status, sources_dir) values (?, ?, 'running', ?)",
                    [run_id, started, sources])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, error: str | None = None,
               n_sources: int | None = None) -> None:
    """Record how a run ended (after its transaction committed or rolled back)."""
    con.execute("update etl_run set status = ?, ended_at = ?, error = ?, n_sources = coalesce(?, n_sources) "
                "where run_id = ?", [status, datetime.now(), error, n_sources, run_id])


def _delete_replaced(con: duckdb.DuckDBPyConnection, replaced: list[str], full_tables: set[str],
                     ours: list[str], star: dict) -> set[str]:
    """Delete the rows of changed or removed sources; tables rebuilt whole are emptied instead. Returns the
    per-file tables (FILE_COLUMNS) it deleted rows from."""
    tables = {t: cols for t, cols in columns(con).items() if t in set(ours)}
    for table in full_tables & set(tables):
        con.execute(f'delete from "{table}"')
    deleted: set[str] = set()
    if not replaced:
        return deleted
    con.register("_replaced", pl.DataFrame({"relpath": replaced}))
    try:
        con.execute("create temp table _replaced_documents as select document_key from dim_document "
                    "where path in (select relpath from _replaced)")
        # the keys other tables point at, of the rows about to go: kept rows pointing at them are audited
        capture_gone(con, "_replaced_documents", {t: c for t, c in reference_targets(star).items()
                                                  if "document_key" in tables.get(t, ())})
        for table, names in tables.items():
            if table in full_tables or table in HISTORY_TABLES:
                continue
            if "document_key" in names:
                con.execute(f'delete from "{table}" where document_key in (select document_key from _replaced_documents)')
            elif table in FILE_COLUMNS:
                if con.execute(f'delete from "{table}" where "{FILE_COLUMNS[table]}" in '
                               '(select relpath from _replaced)').fetchall()[0][0]:
                    deleted.add(table)
        con.execute("drop table _replaced_documents")
    finally:
        con.unregister("_replaced")
    return deleted


def delete_keys(con: duckdb.DuckDBPyConnection, replace: dict[str, tuple[str, list[str]]]) -> None:
    """Delete the rows of each table whose key is one of the given keys (the rows an incremental run rebuilds)."""
    for table, (key, keys) in replace.items():
        if not keys:
            continue
        con.register("_keys", pl.DataFrame({"key": keys}, schema={"key": pl.Utf8}))
        try:
            con.execute(f'delete from "{table}" where "{key}" in (select key from _keys)')
        finally:
            con.unregister("_keys")


def attach_country_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Fill every `<side>_key` beside a `<side>_iso3` column (actor, target, exporter, country...) from dim_country.

    Facts are built from text in Polars, before the reference countries are loaded in this transaction;
    the key is the country's ISO numeric code, so it is the same in every run.
    """
    by_table = columns(con)
    for table in table_names(con):
        if table == "dim_country":
            continue
        for column in sorted(by_table[table]):
            key = column.removesuffix("_iso3") + "_key"
            if column.endswith("_iso3") and key in by_table[table]:
                con.execute(f'update "{table}" as t set "{key}" = c.country_key from dim_country as c '
                            f'where c.iso3 = t."{column}" and t."{key}" is null')


def _clear(con: duckdb.DuckDBPyConnection, sql_dir: Path, full: bool, replaced: list[str],
           whole_tables: set[str]) -> set[str]:
    """Make room for the run's rows: a full run empties dyad's tables but the history ones, an incremental run
    deletes the replaced sources' rows and empties the tables it rebuilds whole. Returns the per-file tables an
    incremental run deleted rows from."""
    ours = dyad_tables(con, sql_dir)  # an adopted database's other tables are not dyad's to empty
    if not full:
        return _delete_replaced(con, replaced, whole_tables, ours, read_star(sql_dir))
    for table in ours:
        if table not in HISTORY_TABLES:
            con.execute(f'delete from "{table}"')
    return set()


def read_star(sql_dir: Path) -> dict:
    """sql/star.yml: the star's grains and references."""
    path = sql_dir / STAR_YAML
    return (read_yaml(path) or {}) if path.exists() else {}


def _keep_history(con: duckdb.DuckDBPyConnection, event_ids: pl.DataFrame) -> None:
    """What the rows just written must keep from before: a document's first ingestion time, a kept mention's
    merged event."""
    # Unchanged content keeps the time it was first ingested, so a re-run gives the same tables.
    con.execute("""
        update dim_document as d set ingested_at = p.ingested_at
        from _previous_documents as p
        where p.document_key = d.document_key and p.sha256 = d.sha256 and p.ingested_at <> d.ingested_at
    """)
    if not event_ids.is_empty():
        # a kept document's mention that now merges into another event (mention_key -> event_id) follows it
        con.register("_event_ids", event_ids)
        con.execute("update fact_event_mention as m set event_id = e.event_id from _event_ids as e "
                    "where e.mention_key = m.mention_key and e.event_id <> m.event_id")
        con.unregister("_event_ids")


def _synced(full: bool, whole_frames: dict[str, pl.DataFrame], replace: dict[str, tuple[str, list[str]]]) -> set[str]:
    """The whole tables an incremental run writes by difference (flows.warehouse.sync)."""
    return set() if full else set(whole_frames) - set(replace)


def _unchanged(full: bool, tables: dict[str, int], synced: set[str], unchanged: frozenset[str]) -> frozenset[str]:
    """The tables the run left as they were: the caller's (`unchanged`, less the per-file tables the run
    deleted a replaced file's rows from: `tables` holds them as -1) and the synced tables with no row deleted
    or written. Empty on a full run, or when dim_country changed (attach_country_keys may then fill keys in any
    table)."""
    same = {table for table in synced if tables.get(table) == 0}
    if full or "dim_country" not in same:
        return frozenset()
    return frozenset({table for table in unchanged if tables.get(table, 0) >= 0} | same)


def _write_frames(con: duckdb.DuckDBPyConnection, sql_dir: Path, full: bool, replaced: list[str],
                  document_frames: dict[str, pl.DataFrame], whole_frames: dict[str, pl.DataFrame],
                  event_ids: pl.DataFrame, replace: dict[str, tuple[str, list[str]]]) -> dict[str, int]:
    """The star's rows of the run (see load_run): old rows cleared or deleted by key, frames inserted or
    synced, kept mentions re-pointed; table -> rows written."""
    synced = _synced(full, whole_frames, replace)
    deleted = _clear(con, sql_dir, full, replaced, set(whole_frames) - synced - set(replace))
    delete_keys(con, replace)
    checkpoint("load")
    tables = dict.fromkeys(deleted, -1)  # the per-file tables a replaced file's rows left (no frame writes them)
    for table, frame in {**document_frames, **whole_frames}.items():
        write = sync_table if table in synced else insert_frame
        tables[table] = write(con, table, frame)
    _keep_history(con, event_ids)
    if not full and "dim_date" not in whole_frames:
        con.execute((sql_dir / "incremental" / "dim_date.sql").read_text(encoding="utf-8"))
    return tables


def _record_run(con: duckdb.DuckDBPyConnection, result: LoadResult, run_id: str,
                quarantines: list[pl.DataFrame], stage_counts: list[pl.DataFrame]) -> None:
    """The run's own record beside the star: its quarantined rows and its per-stage counts (the pipeline's and
    each extra writer's), stamped with the run id."""
    all_quarantine = pl.concat(quarantines, how="vertical_relaxed")
    all_counts = pl.concat(stage_counts, how="vertical_relaxed")
    result.quarantined = insert_frame(con, "quarantine",
                                      all_quarantine.with_columns(pl.lit(run_id).alias("run_id")))
    insert_frame(con, "etl_run_stage", all_counts.with_columns(pl.lit(run_id).alias("run_id")))
    result.stage_counts = all_counts


def load_run(
    con: duckdb.DuckDBPyConnection,
    *,
    sql_dir: Path,
    run_id: str,
    full: bool,
    replaced: list[str],
    document_frames: dict[str, pl.DataFrame],
    whole_frames: dict[str, pl.DataFrame],
    event_ids: pl.DataFrame,
    replace: dict[str, tuple[str, list[str]]] | None = None,
    quarantine: pl.DataFrame,
    stage_counts: pl.DataFrame,
    extra_writers: Iterable[Callable[[duckdb.DuckDBPyConnection], tuple[pl.DataFrame, pl.DataFrame]]] = (),
    unchanged: frozenset[str] = frozenset(),
) -> LoadResult:
    """Write a run in ONE transaction, audit it, publish the views; any error rolls all of it back.

    A full run empties every table but the history ones. An incremental run deletes only the rows of the
    `replaced` sources (changed or removed files) from the per-document and per-file tables, appends
    `document_frames` (the documents read again), rebuilds the `whole_frames` tables (cross-document ones:
    merged events, people, organizations, reference dimensions) and re-points kept mentions at their merged
    event (`event_ids`: mention_key -> event_id). The `replace` tables (table -> (key column, keys)) are whole
    frames of an incremental run that hold only the touched keys' rows: only those keys' old rows are deleted,
    and dim_date, when no frame brings it, is brought up to date from the staging tables; the other whole
    frames of an incremental run are written by difference (flows.warehouse.sync). `extra_writers` write into the same transaction (the trade
    tables stream from files through DuckDB) and return (quarantine rows, stage count rows) of their own.
    `unchanged` names tables the caller knows an incremental run leaves as they were (the trade tables when
    no table file is read): with the synced tables it left alone, their audits are not run again.
    """
    result = LoadResult()
    con.execute("begin transaction")
    try:
        con.execute("create temp table _previous_documents as select document_key, sha256, ingested_at from dim_document")
        result.tables = _write_frames(con, sql_dir, full, replaced, document_frames, whole_frames, event_ids,
                                      replace or {})
        written = [writer(con) for writer in extra_writers]
        attach_country_keys(con)
        _record_run(con, result, run_id, [quarantine, *(q for q, _ in written)],
                    [stage_counts, *(c for _, c in written)])
        # a full run creates every view (no need to build dyad's to compare with: the first run of a cold
        # process would pay for it); an incremental run only those that differ (flows.warehouse.views)
        if full:
            apply_views(con, sql_dir)
        else:
            publish_views(con, sql_dir)
        same = _unchanged(full, result.tables, _synced(full, whole_frames, replace or {}), unchanged)
        # an incremental run (dim_country as it was) audits the rows it wrote, a full one every row
        scope = frozenset(create_scope(con, read_star(sql_dir), document_frames=document_frames,
                                       whole_frames=whole_frames, replace=replace or {}, event_ids=event_ids,
                                       unchanged=same)) if "dim_country" in same else frozenset()
        run_checks(con, sql_dir, same, scope)
        drop_scope(con)  # and the keys _delete_replaced kept
        apply_comments(con, sql_dir)
        con.execute("drop table _previous_documents")
        con.execute("commit")
    except BaseException:
        # DuckDB's commit after an error silently rolls back (STACK.md): roll back explicitly and re-raise.
        con.execute("rollback")
        raise
    return result
