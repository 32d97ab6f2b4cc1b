"""Extraction on a local Dask cluster of 2 workers gives the same database as one process."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_two_dask_workers_give_the_same_database(prefect_server, db_content, project_root: Path,
                                                  tmp_path: Path) -> None:
    from flows.orchestrate.pipeline import run_pipeline

    sources = project_root / "tests" / "fixtures" / "devset"
    one = run_pipeline(str(sources), str(tmp_path / "one.duckdb"), workers=1)
    two = run_pipeline(str(sources), str(tmp_path / "two.duckdb"), workers=2)
    assert (one.documents, one.events) == (two.documents, two.events)
    assert one.documents == 11 and one.events > 60
    first, second = db_content(tmp_path / "one.duckdb"), db_content(tmp_path / "two.duckdb")
    assert first.keys() == second.keys()
    for table in first:
        if table != "dim_document":  # ingested_at is each run's own time
            assert first[table] == second[table], table
