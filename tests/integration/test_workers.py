"""Extraction on two spawned processes, and on a local Dask cluster, gives the same database as one process."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

pytestmark = pytest.mark.slow

DEVSET = Path(__file__).resolve().parents[1] / "fixtures" / "devset"


@pytest.fixture(scope="module")
def one_process_db(prefect_server, tmp_path_factory) -> tuple[Path, object]:
    """The devset built with extraction in the flow's own process: what every other way must equal."""
    from flows.orchestrate.pipeline import run_pipeline

    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    return db, run_pipeline(str(DEVSET), str(db), workers=1)


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    """A real local Dask cluster of two single-threaded worker processes on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _assert_same_database(db_content, one: Path, other: Path) -> None:
    first, second = db_content(one), db_content(other)
    assert first.keys() == second.keys()
    for table in first:
        if table != "dim_document":  # ingested_at is each run's own time
            assert first[table] == second[table], table


def test_two_processes_give_the_same_database(one_process_db, db_content, tmp_path: Path) -> None:
    from flows.orchestrate.pipeline import run_pipeline

    one_db, one = one_process_db
    two = run_pipeline(str(DEVSET), str(tmp_path / "two.duckdb"), workers=2)
    assert one.documents == 11 and one.events > 60
    assert (one.documents, one.events, one.event_mentions) == (two.documents, two.events, two.event_mentions)
    _assert_same_database(db_content, one_db, tmp_path / "two.duckdb")


def test_a_dask_cluster_gives_the_same_database(one_process_db, dask_cluster: str, db_content,
                                                tmp_path: Path) -> None:
    from flows.orchestrate.pipeline import run_pipeline

    one_db, one = one_process_db
    on_dask = run_pipeline(str(DEVSET), str(tmp_path / "dask.duckdb"), dask=dask_cluster)
    assert (one.documents, one.events, one.event_mentions) == (on_dask.documents, on_dask.events,
                                                              on_dask.event_mentions)
    _assert_same_database(db_content, one_db, tmp_path / "dask.duckdb")


def test_the_chunks_are_one_per_worker_and_keep_document_order() -> None:
    from flows.orchestrate.workers import split_batches

    documents = pl.DataFrame({"document_key": [f"d{i}" for i in range(11)]})
    batches = split_batches(documents, 2)
    assert [b.height for b in batches] == [6, 5]
    assert pl.concat(batches)["document_key"].to_list() == documents["document_key"].to_list()
    assert [b.height for b in split_batches(documents.head(3), 8)] == [1, 1, 1]
    assert split_batches(documents.clear(), 2) == []


def test_processes_and_dask_return_exactly_the_in_process_frames(dask_cluster: str) -> None:
    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents
    from flows.orchestrate.workers import extract_in_processes, extract_on_dask
    from polars.testing import assert_frame_equal

    paths = sorted((DEVSET / "documents").iterdir())
    documents, _ = read_documents(paths, DEVSET, {})
    expected = extract_documents(documents)
    assert expected["event_mentions"].height > 60
    for result in (extract_in_processes(documents, 2), extract_on_dask(documents, dask_cluster)):
        assert result.keys() == expected.keys()
        for kind in expected:
            assert_frame_equal(result[kind], expected[kind])
