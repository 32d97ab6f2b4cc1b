"""Files in unexpected shapes: Parquet, no extension, broken rows, unknown layouts, a reload."""
from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"


def test_comtrade_records_saved_as_parquet_load_like_the_csv(db, load, tmp_path: Path) -> None:
    frame = pl.read_csv(FIXTURES / "comtrade" / "aze_blr_v1.csv", infer_schema_length=None)
    frame.write_parquet(tmp_path / "aze_blr_v1.parquet")
    result = load([tmp_path / "aze_blr_v1.parquet"], root=tmp_path)
    assert result.per_source["format"].to_list() == ["comtrade_v1_csv"]
    assert (result.rows_in, result.loaded, result.quarantined) == (23, 14, 9)
    # the integer cmdCode column of the Parquet file lost 0401's zero: it comes back
    assert db.execute("select value_usd from fact_trade where hs_code = '0401'").fetchall() == [(100.0,)]


def test_a_broken_file_is_quarantined_whole_and_the_run_goes_on(db, load, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    lines = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text().splitlines()
    # a quote opened and never closed: the rest of the file cannot be split into records
    broken.write_text("\n".join([*lines[:3], lines[3].replace("Export", '"Export', 1), *lines[4:]]) + "\n")
    shutil.copy(FIXTURES / "comtrade" / "bare_data.json", tmp_path / "bare_data.json")
    result = load([broken, tmp_path / "bare_data.json"], root=tmp_path)
    files = result.quarantine.filter(pl.col("row_ref") == "file")
    assert files["source"].to_list() == ["broken.csv"]
    assert files["reason"].str.starts_with("could not be read as comtrade_v1_csv").all()
    assert db.execute("select count(*), count(distinct source_file) from fact_trade").fetchall() == [(3, 1)]


def test_short_and_long_lines_are_read_by_their_first_fields(db, load, tmp_path: Path) -> None:
    lines = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text().splitlines()
    ragged = tmp_path / "ragged.csv"
    # line 2 gets extra trailing fields (ignored); line 3 is cut before its values (quarantined)
    ragged.write_text("\n".join([lines[0], lines[1] + ",x,y", ",".join(lines[2].split(",")[:30])]) + "\n")
    result = load([ragged], root=tmp_path)
    assert result.loaded == 1 and db.execute("select value_usd from fact_trade").fetchall() == [(1000.0,)]
    assert result.quarantine.select("row_ref", "reason").rows() == [("line 3", "no trade value")]


def test_unknown_layout_is_one_quarantine_row(load) -> None:
    result = load([FIXTURES / "unknown" / "notes.csv"])
    assert result.per_source.select("format", "rows_in").rows() == [("unknown", 0)]
    assert result.quarantine.select("row_ref").rows() == [("file",)]
    assert result.quarantine["reason"].str.starts_with("not a table layout dyad reads").all()


def test_reference_tables_passed_in_are_left_alone(db, load) -> None:
    bundled = Path(__file__).resolve().parents[3] / "sources" / "tables"
    before = db.execute("select count(*) from dim_product").fetchall()
    result = load([bundled / "harmonized-system.csv", bundled / "country-codes.csv"], root=bundled)
    assert result.per_source["format"].to_list() == ["country_codes", "hs_list"]
    assert (result.rows_in, result.quarantined) == (0, 0)
    assert db.execute("select count(*) from dim_product").fetchall() == before
    assert db.execute("select count(*) from dim_source_table").fetchall() == [(0,)]
