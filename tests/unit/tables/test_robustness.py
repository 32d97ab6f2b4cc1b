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


def test_an_unclosed_quote_costs_its_line_only(db, load, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    lines = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text().splitlines()
    # a quote opened and never closed on line 4: a CSV reader would swallow every line after it
    broken.write_text("\n".join([*lines[:3], lines[3].replace("Export", '"Export', 1), *lines[4:]]) + "\n")
    whole = load([FIXTURES / "comtrade" / "aze_blr_v1.csv"], root=FIXTURES)
    db.execute("delete from fact_trade")
    result = load([broken], root=tmp_path)
    assert result.quarantine.filter(pl.col("row_ref") == "file").is_empty()
    line4 = result.quarantine.filter(pl.col("row_ref") == "line 4")
    assert line4["reason"].to_list() == ["not valid CSV: an unclosed or stray quote"]
    assert line4["raw"].item() == lines[3].replace("Export", '"Export', 1)
    assert result.rows_in == whole.rows_in and result.loaded == whole.loaded - 1


def test_short_and_long_lines_are_quarantined_not_shifted(db, load, tmp_path: Path) -> None:
    lines = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text().splitlines()
    ragged = tmp_path / "ragged.csv"
    # line 2 gets extra fields (a comma in an unquoted value shifts the columns); line 3 is cut before its
    # values; line 4 is whole
    ragged.write_text("\n".join([lines[0], lines[1] + ",x,y", ",".join(lines[2].split(",")[:30]), lines[1]]) + "\n")
    result = load([ragged], root=tmp_path)
    assert result.loaded == 1 and db.execute("select row_ref, value_usd from fact_trade").fetchall() == [
        ("line 4", 1000.0)]
    reasons = dict(result.quarantine.select("row_ref", "reason").rows())
    assert reasons["line 2"].startswith("49 fields where the header has 47")
    assert reasons["line 3"].startswith("30 fields where the header has 47")


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
