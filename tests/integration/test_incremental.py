"""Re-runs: unchanged sources are skipped, a changed or removed one replaces only its own rows."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

DOC_TABLES = ["dim_document", "fact_event_mention", "fact_person_mention", "fact_membership", "fact_trade_claim",
              "fact_figure", "stg_event_mentions", "stg_person_mentions"]


def _rows_of(db: Path, document_name: str) -> dict[str, list]:
    """Every per-document row of one document, event ids aside (merging may re-point them)."""
    with duckdb.connect(str(db), read_only=True) as con:
        key = con.execute("select document_key from dim_document where name = ?", [document_name]).fetchone()
        if key is None:
            return {}
        out = {}
        for table in DOC_TABLES:
            cols = [c for (c,) in con.execute("select column_name from information_schema.columns where table_name = ?",
                                              [table]).fetchall() if c != "event_id"]
            select = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(map(repr, con.execute(f'select {select} from "{table}" where document_key = ?',
                                                      key).fetchall()))
        return out


@pytest.fixture
def devset_sources(tmp_path: Path, project_root: Path) -> Path:
    root = tmp_path / "sources"
    (root / "documents").mkdir(parents=True)
    (root / "tables").mkdir()
    docs = project_root / "tests" / "fixtures" / "devset" / "documents"
    for name in ("000_71d1eb8421b35ad3.txt", "01_kaz-uzb_commission.txt", "02_geo-ltu_cyber-accord.txt"):
        shutil.copy(docs / name, root / "documents" / name)
    shutil.copy(project_root / "sources" / "tables" / "aze_blr_trade_reported.csv", root / "tables")
    return root


def test_only_new_or_changed_sources_are_read_again(run_pipeline, db_content, devset_sources: Path,
                                                    project_root: Path, tmp_path: Path) -> None:
    db = tmp_path / "inc.duckdb"
    first = run_pipeline(devset_sources, db)
    assert (first.documents, first.documents_read) == (3, 3)
    seed_before = _rows_of(db, "000_71d1eb8421b35ad3.txt")
    assert seed_before["fact_event_mention"]

    again = run_pipeline(devset_sources, db)
    assert (again.documents, again.documents_read, again.sources_unchanged) == (3, 0, 4)

    docs = devset_sources / "documents"
    changed = docs / "02_geo-ltu_cyber-accord.txt"
    changed.write_text(changed.read_text() + "\nGeorgia and Lithuania signed a visa agreement on 3 April 2023.\n")
    (docs / "01_kaz-uzb_commission.txt").unlink()
    shutil.copy(project_root / "tests" / "fixtures" / "devset" / "documents" / "03_arm-irn_ahmadinejad-visit.txt", docs)
    third = run_pipeline(devset_sources, db)
    assert (third.documents, third.documents_read) == (3, 2)
    # the untouched document's rows are exactly as they were
    assert _rows_of(db, "000_71d1eb8421b35ad3.txt") == seed_before
    assert _rows_of(db, "01_kaz-uzb_commission.txt") == {}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from v_event_mentions where document_name like '01_%'").fetchone() == (0,)
        assert con.execute("select count(*) from v_event_mentions where document_name like '03_%'").fetchone()[0] >= 5
        visa = con.execute("select event_date from v_event_mentions where evidence like '%visa agreement%'").fetchall()
        assert [str(d) for (d,) in visa] == ["2023-04-03"]
        stages = {r[0]: r[1:] for r in con.execute(
            "select stage, rows_in, loaded, quarantined, skipped from etl_run_stage "
            "where run_id = (select max(run_id) from etl_run)").fetchall()}
    # 3 documents + 1 table found: 2 documents read, 2 sources unchanged
    assert stages["discover"] == (4, 2, 0, 2)

    # the incremental result is the same database a full build of the same sources gives
    full_db = tmp_path / "full.duckdb"
    run_pipeline(devset_sources, full_db)
    incremental, full = db_content(db), db_content(full_db)
    for table in full:
        if table == "dim_document":  # ingested_at differs between the two databases by design
            continue
        assert incremental[table] == full[table], table


def test_a_new_extractor_version_reads_every_document_again(run_pipeline, devset_sources: Path, tmp_path: Path,
                                                            monkeypatch) -> None:
    db = tmp_path / "version.duckdb"
    run_pipeline(devset_sources, db)
    import flows.orchestrate.pipeline

    monkeypatch.setattr(flows.orchestrate.pipeline, "EXTRACTOR_VERSION", "999.0.0")
    summary = run_pipeline(devset_sources, db)
    assert summary.documents_read == 3
