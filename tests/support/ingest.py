"""Inputs run through the pipeline's first stages the way a run does, for tests in several modules: one trade
file or several ingested in one run's transaction, and a sources folder through discover and the document reader."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import polars as pl

from flows.ingest.discover import discover_sources
from flows.ingest.documents import read_documents
from flows.ingest.tables import TablesResult, ingest_tables
from flows.warehouse.counts import stage_counts


def ingest_in_run(con: duckdb.DuckDBPyConnection, paths: Sequence[Path], root: Path) -> TablesResult:
    """ingest_tables inside one run's transaction, as the load task opens it: rolled back when it raises."""
    con.execute("begin")
    try:
        result = ingest_tables(con, list(paths), root)
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
    return result


def ingest_file(con: duckdb.DuckDBPyConnection, root: Path, rel: str, content: bytes) -> TablesResult:
    """Write content to root/rel (e.g. tables/cotton.csv) and ingest that one trade file in its own run."""
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(content)
    return ingest_in_run(con, [root / rel], root)


def ingest_folder(root: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(inventory, documents, quarantine) of a sources folder as the pipeline's discover and ingest tasks make them."""
    inventory, discover_q = discover_sources(root)
    listed = inventory.filter(pl.col("kind") == "document")
    manifest = {r["relpath"]: {"published": r["published"]} for r in listed.iter_rows(named=True) if r["published"]}
    documents, ingest_q = read_documents([Path(p) for p in listed["path"]], root, manifest)
    # the pipeline's own bookkeeping: stage_counts raises when a file went missing between the stages
    stage_counts("discover", rows_in=inventory.height + discover_q.height, loaded=inventory.height,
                 quarantined=discover_q.height)
    parts = ingest_q.filter(pl.col("row_ref") != "file").height  # parts of loaded documents, quarantined alone
    stage_counts("ingest_documents", rows_in=listed.height + parts, loaded=documents.height,
                 quarantined=ingest_q.height)
    return inventory, documents, pl.concat([discover_q, ingest_q])
