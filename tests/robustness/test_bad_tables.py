"""Every kind of bad statistics file through ingest_tables: no crash, rows in = loaded + quarantined, clear reasons."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from bad_corpus import GOOD_TABLE, GOOD_TABLE_BYTES, TABLE_CASES, TableCase
from tests.support.ingest import ingest_in_run


@pytest.mark.parametrize("case", TABLE_CASES, ids=[c.kind for c in TABLE_CASES])
def test_bad_table(case: TableCase, warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    root = tmp_path / "sources"
    for rel, content in ((case.relpath, case.content), (GOOD_TABLE, GOOD_TABLE_BYTES)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)

    result = ingest_in_run(warehouse, [root / case.relpath, root / GOOD_TABLE], root)

    assert result.rows_in == result.loaded + result.quarantined
    q = result.quarantine
    assert q.filter((pl.col("reason").str.len_chars() == 0) | (pl.col("row_ref").str.len_chars() == 0)).is_empty()
    mine = result.per_source.filter(pl.col("source") == case.relpath).to_dicts()
    assert len(mine) == 1 and mine[0]["rows_in"] == mine[0]["loaded"] + mine[0]["quarantined"]
    rejected = q.filter(pl.col("source") == case.relpath)
    if case.reason:
        matching = rejected.filter(pl.col("reason").str.to_lowercase().str.contains(case.reason.lower(), literal=True))
        assert matching.height >= 1, rejected.select("row_ref", "reason").rows()
        if case.row_ref:
            assert case.row_ref in matching["row_ref"].to_list(), matching.select("row_ref", "reason").rows()
    else:
        assert rejected.filter(pl.col("row_ref") == "file").is_empty(), rejected["reason"].to_list()
    if case.loaded is not None:
        assert mine[0]["loaded"] == case.loaded
    good = warehouse.execute("select count(*) from fact_trade_reported where source = ?", [GOOD_TABLE]).fetchone()
    assert good == (1,), "the good table beside the bad one did not load"


def test_sql_in_a_cell_is_stored_as_text(warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    case = next(c for c in TABLE_CASES if c.kind == "SQL in a table cell")
    (tmp_path / "tables").mkdir()
    (tmp_path / case.relpath).write_bytes(case.content)
    ingest_in_run(warehouse, [tmp_path / case.relpath], tmp_path)
    speaker = warehouse.execute("select speaker from fact_trade_reported").fetchall()
    assert speaker == [("'); drop table dim_document; --",)]
    assert warehouse.execute("select count(*) from dim_document").fetchone() == (0,)  # the table is still there
