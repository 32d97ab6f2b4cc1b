"""Two files, one key: of two Comtrade files with the same reporter, partner, flow, product and period, the one
whose name sorts last holds; the other's row is quarantined under its own name, and an incremental run ends
exactly where a full run of the same folder does (deleting the revision brings the original back)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = ROOT / "tests" / "fixtures" / "tables" / "comtrade" / "soy_br_cn_2023_01.json"
FIRST, REVISION = "tables/soy_2023_a.json", "tables/soy_2023_b_revised.json"


def trade(db: Path) -> tuple[list, list]:
    """(fact_trade rows, this run's quarantine rows about trade files)."""
    with duckdb.connect(str(db), read_only=True) as con:
        facts = con.execute("select source_file, row_ref, value_usd from fact_trade order by all").fetchall()
        rejects = con.execute("select source, row_ref, reason from quarantine where run_id = "
                              "(select max(run_id) from etl_run) and source like 'tables/%' order by all").fetchall()
    return facts, rejects


def full_build(sources: Path, tmp_path: Path, name: str) -> tuple[list, list]:
    from flows.orchestrate.pipeline import pipeline

    db = tmp_path / f"{name}.duckdb"
    pipeline(sources=str(sources), db=str(db), full=True)
    return trade(db)


def test_the_name_sorting_last_holds_on_full_and_incremental_runs(prefect_server, tmp_path: Path) -> None:
    from flows.orchestrate.pipeline import pipeline

    sources = tmp_path / "sources"
    (sources / "tables").mkdir(parents=True)
    record = json.loads(ORIGINAL.read_text(encoding="utf-8"))
    (sources / FIRST).write_text(json.dumps(record), encoding="utf-8")
    revised = json.loads(json.dumps(record))
    revised["data"][0]["primaryValue"] = 39_000_000_000.0
    (sources / REVISION).write_text(json.dumps(revised), encoding="utf-8")
    db = tmp_path / "dyad.duckdb"

    pipeline(sources=str(sources), db=str(db))
    facts, rejects = trade(db)
    assert facts == [(REVISION, "record 1", 39_000_000_000.0)]
    assert rejects == [(FIRST, "record 1", f"revised by {REVISION} (the same reporter, partner, flow, product and "
                                           "period): of two files with one figure, the one whose name sorts last "
                                           "holds, on full and incremental runs alike")]

    # the original is edited (another figure of the same key): read alone it would win by being read last
    record["data"][0]["primaryValue"] = 38_000_000_000.0
    (sources / FIRST).write_text(json.dumps(record), encoding="utf-8")
    pipeline(sources=str(sources), db=str(db))
    assert trade(db) == full_build(sources, tmp_path, "full1")
    assert trade(db)[0] == [(REVISION, "record 1", 39_000_000_000.0)]

    # the revision is deleted: the original's figure comes back without --full
    (sources / REVISION).unlink()
    pipeline(sources=str(sources), db=str(db))
    assert trade(db) == full_build(sources, tmp_path, "full2")
    assert trade(db) == ([(FIRST, "record 1", 38_000_000_000.0)], [])

    # and the revision returns
    (sources / REVISION).write_text(json.dumps(revised), encoding="utf-8")
    pipeline(sources=str(sources), db=str(db))
    assert trade(db) == full_build(sources, tmp_path, "full3")
    assert trade(db)[0] == [(REVISION, "record 1", 39_000_000_000.0)]
