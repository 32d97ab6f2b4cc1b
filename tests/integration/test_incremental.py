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


# Made-up reports (not third-party text): two documents report the same signing and the same relations, two the
# same commission session, so events, people and organizations merge across documents.
CYBER_A = """Georgia and Lithuania sign a cyber accord
05.04.2023 | Test Wire

TBILISI - Lithuania's Foreign Minister Aurimas Vaitkus held talks in Tbilisi on 4 April 2023 with Georgian Foreign \
Minister Nika Gelashvili. The two ministers signed an agreement on cooperation in cyber security on 4 April 2023. \
Georgia and Lithuania established diplomatic relations on 16 October 1991. Both states are members of the \
Organization for Security and Co-operation in Europe (OSCE).
"""
CYBER_B = """Vilnius, 6 April 2023 (Baltic Desk): Georgia and Lithuania signed an agreement on cyber security on \
4 April 2023, the ministry said. Foreign Minister Aurimas Vaitkus called it a milestone. Lithuania and Georgia \
established diplomatic relations on 16 October 1991.
"""
COMMISSION_C = """Tashkent, 3 March 2024 (Central Asia Wire): The intergovernmental commission of Kazakhstan and \
Uzbekistan held its meeting in Tashkent on 1 March 2024. Deputy Prime Minister Timur Rakhmatov of Uzbekistan \
chaired it.
"""
COMMISSION_D = """Astana, 5 March 2024 (Steppe News): Kazakhstan and Uzbekistan held a session of the \
intergovernmental commission in March 2024. Deputy Prime Minister Timur Rakhmatov led the Uzbek side.
"""
CYBER_E = """Riga, 8 April 2023 (Baltic Desk): Georgia and Latvia signed an agreement on cyber security in April \
2023. Latvia and Lithuania are both members of the Organization for Security and Co-operation in Europe (OSCE).
"""


def _documents_without_ingest_time(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select * exclude (ingested_at) from dim_document order by document_key").fetchall()


def _events(db: Path) -> dict[str, tuple]:
    """document name -> (event type, actor, target, documents of its event) of every mention, to read the merges."""
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(
            "select d.name, m.event_type, m.actor_iso3, m.target_iso3, e.n_documents from fact_event_mention m "
            "join dim_document d using (document_key) join fact_event e using (event_id)").fetchall())


def _views(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select view_name, sql from duckdb_views() where not internal order by 1").fetchall()


def test_an_incremental_run_gives_the_full_build_of_the_same_sources(run_pipeline, db_content, tmp_path: Path,
                                                                     project_root: Path) -> None:
    """Add, change (moving an event into another pair) and remove documents: every table, keys included, is the
    full build's of the final sources, though the run re-merged only the groups and keys the changes reach."""
    sources = tmp_path / "sources"
    docs = sources / "documents"
    docs.mkdir(parents=True)
    for name, text in {"a_cyber.txt": CYBER_A, "b_cyber.txt": CYBER_B, "c_commission.txt": COMMISSION_C,
                       "d_commission.txt": COMMISSION_D}.items():
        (docs / name).write_text(text, encoding="utf-8")
    shutil.copy(project_root / "tests" / "fixtures" / "devset" / "documents" / "000_71d1eb8421b35ad3.txt", docs)
    # a table file that stays as it is: the incremental run writes no trade table and skips their audits
    (sources / "tables").mkdir()
    shutil.copy(project_root / "sources" / "tables" / "aze_blr_trade_reported.csv", sources / "tables")
    db = tmp_path / "inc.duckdb"
    run_pipeline(sources, db)
    before = _events(db)
    # the signing and the relations merge across a and b; the commission session across c and d
    assert ("b_cyber.txt", "agreement_signed", "GEO", "LTU", 2) in before
    assert ("d_commission.txt", "commission_meeting", "KAZ", "UZB", 2) in before

    # b's signing moves to Georgia-Latvia (where the new e meets it); c goes, so d's mention leads its event alone
    (docs / "b_cyber.txt").write_text(CYBER_B.replace("Georgia and Lithuania signed", "Georgia and Latvia signed"),
                                      encoding="utf-8")
    (docs / "c_commission.txt").unlink()
    (docs / "e_cyber.txt").write_text(CYBER_E, encoding="utf-8")
    summary = run_pipeline(sources, db)
    assert (summary.documents, summary.documents_read, summary.sources_unchanged) == (5, 2, 4)
    after = _events(db)
    assert ("a_cyber.txt", "agreement_signed", "GEO", "LTU", 1) in after
    assert ("b_cyber.txt", "agreement_signed", "GEO", "LVA", 2) in after
    assert ("e_cyber.txt", "agreement_signed", "GEO", "LVA", 2) in after
    assert ("d_commission.txt", "commission_meeting", "KAZ", "UZB", 1) in after
    assert not [row for row in after if row[0] == "c_commission.txt"]

    full_db = tmp_path / "full.duckdb"
    run_pipeline(sources, full_db)
    incremental, full = db_content(db), db_content(full_db)
    assert set(incremental) == set(full)
    for table in full:
        if table == "dim_document":  # ingested_at differs between the two databases by design
            continue
        assert incremental[table] == full[table], table
    assert _documents_without_ingest_time(db) == _documents_without_ingest_time(full_db)
    assert incremental["dim_person"] and incremental["dim_organization"] and incremental["dim_date"]
    assert incremental["fact_trade_reported"]
    assert _views(db) == _views(full_db)  # the views the incremental run kept are the full build's

    # nothing changed: nothing is read, nothing moves
    again = run_pipeline(sources, db)
    assert again.documents_read == 0
    assert db_content(db) == incremental
