"""Inputs run through the pipeline's first stages the way a run does, for tests in several modules: one trade
file ingested in its own transaction, and a sources folder through discover and the document reader."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from flows.ingest.discover import discover_sources
from flows.ingest.documents import read_documents
from flows.ingest.tables import TablesResult, ingest_tables
from flows.warehouse.counts import stage_counts


def ingest_file(con: duckdb.DuckDBPyConnection, root: Path, rel: str, content: bytes) -> TablesResult:
    """Write content to root/rel and ingest that one trade file in its own transaction, as a run does."""
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(content)
    con.execute("begin")
    result = ingest_tables(con, [root / rel], root)
    con.execute("commit")
    return result


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
