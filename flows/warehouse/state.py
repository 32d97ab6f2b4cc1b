"""What the database already holds, and which sources a run must read again (incremental runs; what such a
run reads back of the kept documents is flows.warehouse.scope)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from flows.warehouse.connection import fetch_frame, not_duckdb, storage_config
from flows.warehouse.objects import columns
from schemas.staging import STAGING_MODELS

RACY_NS = 2_000_000_000  # a file's mtime may lag the clock by a tick (and file systems round it): two seconds
SOURCE_COLUMNS = ["relpath", "kind", "sha256", "extractor_version", "size_bytes", "mtime_ns"]
SOURCE_SCHEMA = {"relpath": pl.Utf8, "kind": pl.Utf8, "sha256": pl.Utf8, "extractor_version": pl.Utf8,
                 "size_bytes": pl.Int64, "mtime_ns": pl.Int64}


@dataclass
class Previous:
    """The sources a database was built from (empty when there is no usable database)."""

    sources: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=SOURCE_SCHEMA))
    usable: bool = False
    recorded_at: datetime | None = None  # when the run that hashed them started

    def known_files(self) -> dict[str, tuple[int, int, str]]:
        """relpath -> (size, mtime_ns, sha256), for discovery to skip hashing unchanged files.

        Only files last modified well before the run that hashed them: one modified while that run was
        going (or in the same coarse clock tick) can change again keeping its size and mtime, and its hash
        must be taken again (git's "racy clean" entries).
        """
        if self.recorded_at is None:
            return {}
        trusted_before = int(self.recorded_at.timestamp() * 1e9) - RACY_NS
        trusted = self.sources.filter(pl.col("mtime_ns").is_not_null() & (pl.col("mtime_ns") < trusted_before))
        # columns zipped, not rows as dicts: this runs over every source of the database on every run
        return dict(zip(trusted["relpath"].to_list(), zip(trusted["size_bytes"].to_list(),
                                                          trusted["mtime_ns"].to_list(), trusted["sha256"].to_list())))


@dataclass
class RunPlan:
    """Which inventory rows a run reads (new or changed) and which old rows it replaces."""

    full: bool
    process: pl.DataFrame  # inventory rows to read: new, changed, or all on a full run
    skipped: pl.DataFrame  # inventory rows whose content and extractor are unchanged
    replaced: list[str]  # relpaths whose old rows go: changed or removed sources


def read_previous(db: Path) -> Previous:
    """The source hashes of the last successful run, read-only; unusable when the file predates them."""
    if not db.exists():
        return Previous()
    if (problem := not_duckdb(db)) is not None:
        raise duckdb.IOException(problem)
    with duckdb.connect(str(db), read_only=True, config=storage_config(db, True)) as con:
        have = columns(con)
        if "mtime_ns" not in have.get("source_file", {}) or not all(
                "document_key" in have.get(f"stg_{kind}", {}) for kind in STAGING_MODELS):
            return Previous()
        sources = fetch_frame(con, f"select {', '.join(SOURCE_COLUMNS)} from source_file")
        if sources.is_empty():
            # nothing to keep, so a full run costs no more; and a migration that recreates the source inventory
            # (sql/migrations/003) leaves other tables' old rows that only a full run clears
            return Previous()
        recorded_at = con.execute("select max(started_at) from etl_run where status = 'succeeded'").fetchone()[0]
    return Previous(sources=sources, usable=True, recorded_at=recorded_at)


def plan_run(inventory: pl.DataFrame, previous: Previous, extractor_version: str, *, full: bool = False) -> RunPlan:
    """Read only what is new or changed (by content hash; every document when the extractor changed)."""
    if full or not previous.usable:
        return RunPlan(full=True, process=inventory, skipped=inventory.clear(), replaced=[])
    old = previous.sources.select("relpath", "sha256", "extractor_version", "kind").rename(
        {"sha256": "_old_sha", "extractor_version": "_old_version", "kind": "_old_kind"})
    joined = inventory.join(old, on="relpath", how="left")
    unchanged = (pl.col("_old_sha") == pl.col("sha256")) & (
        (pl.col("kind") != "document") | (pl.col("_old_version") == extractor_version))
    skipped = joined.filter(unchanged.fill_null(False)).select(inventory.columns)
    process = joined.filter(~unchanged.fill_null(False)).select(inventory.columns)
    changed = joined.filter(pl.col("_old_sha").is_not_null() & ~unchanged.fill_null(False))["relpath"].to_list()
    removed = sorted(set(previous.sources["relpath"]) - set(inventory["relpath"]))
    removed_tables = previous.sources.filter(pl.col("relpath").is_in(removed) & (pl.col("kind") == "table"))
    if process.filter(pl.col("kind") == "table").height or removed_tables.height:
        # Of two files with one figure the one whose name sorts last holds (ingest.tables.trade_load): when any
        # table is new, changed or gone, every table is read again, so an incremental run ends as a full one
        # (a revision read alone would win by being read last; its deletion would lose the figure).
        tables = skipped.filter(pl.col("kind") == "table")
        process, skipped = pl.concat([process, tables]), skipped.filter(pl.col("kind") != "table")
    return RunPlan(full=False, process=process, skipped=skipped, replaced=sorted(changed) + removed)

