"""Extraction across processes: a spawned local process pool (`--workers N`) or a Dask cluster (`--dask ADDRESS`).

Extraction is a pure function of a document, so the documents are cut into one chunk per worker, each chunk is
extracted by the plain function `flows.extract.extract_batch` in another process, and the frames (and the
quarantine rows of documents the extractor could not finish) come back in document order. Neither path makes task runs of the chunks: the worker processes never import Prefect nor talk
to its API (with Prefect's DaskTaskRunner each worker imported Prefect and reported its task runs, and two
workers ran at 0.36-0.57x the speed of one process; docs/performance.md). The whole extraction stays one task of
the flow run.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import polars as pl

from flows.extract import extract_batch
from schemas.staging import EXTRACT_MODELS

# What a worker needs of a document (path names it in quarantine); the rest of the ingest frame is not pickled over.
EXTRACT_COLUMNS = ["document_key", "text", "published_date", "path"]
Extracted = tuple[dict[str, pl.DataFrame], pl.DataFrame]
DASK_CONNECT_TIMEOUT = "30s"


def split_batches(documents: pl.DataFrame, chunks: int) -> list[pl.DataFrame]:
    """At most `chunks` contiguous chunks of near-equal size, in document order (none empty): 5 documents in 2
    chunks are 3 + 2."""
    if documents.is_empty():
        return []
    chunks = max(1, min(chunks, documents.height))
    size = -(-documents.height // chunks)  # ceiling division
    return [documents.slice(i, size) for i in range(0, documents.height, size)]


def _needed(documents: pl.DataFrame) -> pl.DataFrame:
    return documents.select([c for c in EXTRACT_COLUMNS if c in documents.columns])


def concat_results(results: list[Extracted]) -> Extracted:
    """The chunks' frames, kind by kind (the documents' pairs too), and their quarantine rows, in chunk order."""
    return ({kind: pl.concat([r[0][kind] for r in results], how="vertical_relaxed") for kind in EXTRACT_MODELS},
            pl.concat([r[1] for r in results], how="vertical_relaxed"))


def extract_in_processes(documents: pl.DataFrame, workers: int) -> Extracted:
    """Extract on `workers` spawned processes, one chunk each; the same result as extract_batch(documents)."""
    batches = split_batches(_needed(documents), workers)
    if len(batches) < 2:
        return extract_batch(documents)
    # spawn, not fork: the parent holds Prefect's threads and event loop, which a forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(batches), mp_context=context) as pool:
        return concat_results(list(pool.map(extract_batch, batches)))


def extract_on_dask(documents: pl.DataFrame, address: str) -> Extracted:
    """Extract on the Dask cluster at address, one chunk per worker thread; the cluster must have dyad installed."""
    from distributed import Client

    with Client(address, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False) as client:
        threads = sum(client.nthreads().values())
        batches = split_batches(_needed(documents), threads)
        if not batches:
            return extract_batch(documents)
        futures = client.map(extract_batch, batches, pure=False)
        return concat_results(client.gather(futures))
