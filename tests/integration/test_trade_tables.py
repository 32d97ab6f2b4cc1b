"""Every trade fixture and the real Comtrade samples into a DuckDB file, as the pipeline calls ingest_tables."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.ingest.tables import bundled_reference, read_reference
from tests.support.databases import new_warehouse
from tests.support.ingest import ingest_in_run

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "tables"
TRADE_VIEWS = ["v_trade_reported", "v_trade_annual_products", "v_trade_annual", "v_trade_mirror",
               "v_trade_composition", "v_trade_turnover", "v_trade_claims_vs_statistics"]
SOY_2022 = "comtrade/soy_br_2022_01.json"


def statistics_files(root: Path) -> list[Path]:
    """Every file under the fixtures copy (the generator script aside)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in {".py", ".md"})


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A writable copy of the trade fixtures, with the bundled published table beside them."""
    target = tmp_path / "sources"
    shutil.copytree(FIXTURES, target)
    shutil.copy(ROOT / "sources" / "tables" / "aze_blr_trade_reported.csv", target / "aze_blr_trade_reported.csv")
    return target


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = new_warehouse(TRADE_VIEWS, database=str(tmp_path / "dyad.duckdb"))
    yield con
    con.close()


def fact_fingerprint(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Rows, value and weight of fact_trade per source file: what a reload must leave unchanged."""
    return con.execute("""
        select source_file, count(*), sum(value_usd), sum(net_weight_kg) from fact_trade
        group by source_file order by source_file
    """).fetchall()


def test_every_layout_loads_and_counts_add_up(con, sources: Path) -> None:
    result = ingest_in_run(con, statistics_files(sources), sources)
    per = {row["source"]: row for row in result.per_source.iter_rows(named=True)}
    assert per[SOY_2022]["format"] == "comtrade_v1_json" and per[SOY_2022]["rows_in"] == 55
    assert per["legacy/aze_geo_legacy.csv"]["format"] == "comtrade_legacy_csv"
    assert per["baci_gz/BACI_HS17_Y2021_V202401.csv.gz"]["format"] == "baci"
    assert per["unknown/notes.csv"]["format"] == "unknown"
    assert result.rows_in == result.loaded + result.quarantined
    assert result.quarantine.filter(pl.col("row_ref") == "file")["source"].sort().to_list() == [
        "comtrade/rate_limited.json", "unknown/notes.csv"
    ]
    assert con.execute("select count(*) from fact_trade_reported").fetchall() == [(24 + 2 * 2,)]
    recorded = con.execute("select count(*) from dim_source_table").fetchall()[0][0]
    assert recorded == result.per_source.filter(pl.col("format") != "unknown").filter(
        ~pl.col("format").str.starts_with("baci_")).height


def test_soy_sample_world_row_left_out_and_490_mapped(con, sources: Path) -> None:
    result = ingest_in_run(con, [sources / SOY_2022], sources)
    assert (result.rows_in, result.loaded, result.quarantined) == (55, 54, 1)
    assert result.quarantine["row_ref"].to_list() == ["record 1"]  # the World row
    partners, total = con.execute("""
        select count(*), sum(value_usd) from fact_trade
        where reporter_iso3 = 'BRA' and flow = 'export' and hs_code = '1201' and year = 2022
    """).fetchall()[0]
    # the 54 partners add up to the World row the file carries
    assert (partners, total) == (54, 46_664_334_131.0)
    assert con.execute("""
        select value_usd from fact_trade where partner_iso3 = 'CHN' and year = 2022
    """).fetchall() == [(31_848_677_682.0,)]
    # 490 "Other Asia, nes" maps to Comtrade's own S19, never guessed as a country
    assert con.execute("select partner_key, value_usd from fact_trade where partner_iso3 = 'S19'").fetchall() == [
        (490, 537_277_151.0)
    ]
    annual = con.execute("select value_usd, products from v_trade_annual where partner_iso3 = 'CHN'").fetchall()
    assert annual == [(31_848_677_682.0, "1201")]


def test_reloading_the_same_files_changes_nothing(con, sources: Path) -> None:
    files = statistics_files(sources)
    ingest_in_run(con, files, sources)
    before = (fact_fingerprint(con), con.execute("select count(*) from fact_trade_reported").fetchall(),
              con.execute("select * from dim_source_table order by all").fetchall())
    ingest_in_run(con, files, sources)
    after = (fact_fingerprint(con), con.execute("select count(*) from fact_trade_reported").fetchall(),
             con.execute("select * from dim_source_table order by all").fetchall())
    assert after == before


def test_a_revised_file_replaces_what_it_revised(con, sources: Path) -> None:
    original = sources / "comtrade" / "soy_br_cn_2023_01.json"
    ingest_in_run(con, [original], sources)
    revised = json.loads(original.read_text())
    revised["data"][0]["primaryValue"] = 39_000_000_000.0
    (sources / "comtrade" / "soy_br_cn_2023_01_revised.json").write_text(json.dumps(revised))
    ingest_in_run(con, [original, sources / "comtrade" / "soy_br_cn_2023_01_revised.json"], sources)
    assert con.execute("select source_file, value_usd from fact_trade").fetchall() == [
        ("comtrade/soy_br_cn_2023_01_revised.json", 39_000_000_000.0)
    ]


def test_big_file_streams_in_batches_with_exact_line_numbers(con, tmp_path: Path, monkeypatch) -> None:
    # blocks of a few bytes: every record is a batch of its own, so record 4 and its later
    # duplicate, record 5, land in different batches
    import flows.ingest.tables.sources as sources_module

    monkeypatch.setattr(sources_module.csv_batches, "__defaults__", (4,))
    csv = tmp_path / "v1.csv"
    shutil.copy(FIXTURES / "comtrade" / "aze_blr_v1.csv", csv)
    result = ingest_in_run(con, [csv], tmp_path)
    assert (result.rows_in, result.loaded, result.quarantined) == (23, 14, 9)
    reasons = dict(result.quarantine.select("row_ref", "reason").rows())
    assert reasons["line 5"].startswith("a later row of the same file")  # record 4, beaten by record 5
    assert result.per_source["loaded"].to_list() == [14]
    assert reasons["line 12"] == "partner code 999 is not in the country code map: not guessed"
    assert con.execute("select row_ref, value_usd from fact_trade where hs_code = '08' and reporter_iso3 = 'AZE'"
                       ).fetchall() == [("line 6", 300.0)]


def test_reference_is_the_bundled_copy() -> None:
    assert bundled_reference()["dim_country"].height == read_reference(ROOT / "sources" / "tables")[
        "dim_country"].height
