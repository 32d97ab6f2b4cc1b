"""RFC 4180: a quoted field may hold a line break (a product description written "Cotton, raw<break>and carded").

Such a record is read, not quarantined, in trade tables and reference tables alike; a quote that is truly never
closed still costs only its own line (quarantined with its number and the line as written), and every record
keeps the number of the line it starts on, so the quarantine and fact_trade.row_ref point at the file as written.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

from bad_corpus import LEGACY_ROW, PUBLISHED_ROW, V1_HEADER, V1_ROW, legacy, published, v1
from flows.ingest.tables import read_reference
from flows.ingest.tables.sources import split_records
from tests.support.ingest import ingest_file

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTION = "Cotton, raw\nand carded"  # a comma and a line break, both inside the quotes


def v1_with_description(row: str, description: str) -> str:
    """A Comtrade v1 row with its cmdDesc column set (quoted, as Comtrade+ writes a value holding a comma)."""
    values = row.split(",")
    values[V1_HEADER.split(",").index("cmdDesc")] = f'"{description}"'
    return ",".join(values)


def test_a_line_break_inside_quotes_is_one_record_of_a_comtrade_file(warehouse, tmp_path: Path) -> None:
    content = v1(v1_with_description(V1_ROW, DESCRIPTION), V1_ROW.replace("2022", "2021"))
    result = ingest_file(warehouse, tmp_path, "tables/cotton.csv", content)

    assert (result.rows_in, result.loaded, result.quarantined) == (2, 2, 0), result.quarantine.rows()
    rows = warehouse.execute("select row_ref, year, value_usd from fact_trade order by row_ref").fetchall()
    # the record of lines 2-3 keeps line 2; the next record starts on line 4 of the file
    assert rows == [("line 2", 2022, 1000.0), ("line 4", 2021, 1000.0)]


def test_a_line_break_inside_a_legacy_commodity_name(warehouse, tmp_path: Path) -> None:
    content = legacy(LEGACY_ROW.format(name='"Milk, cream\nnot concentrated"'),
                     LEGACY_ROW.format(name="Milk").replace("2021", "2020"))
    result = ingest_file(warehouse, tmp_path, "tables/legacy_break.csv", content)

    assert (result.rows_in, result.loaded, result.quarantined) == (2, 2, 0), result.quarantine.rows()
    rows = warehouse.execute("select row_ref, year, value_usd from fact_trade order by row_ref").fetchall()
    assert rows == [("line 2", 2021, 120.0), ("line 4", 2020, 120.0)]


def test_good_rows_around_a_truly_unclosed_quote_are_kept(warehouse, tmp_path: Path) -> None:
    """Line 2-3: a quoted break (read); line 4: a quote never closed (its line quarantined); lines 5-6 load, and the
    unclosed quote neither swallows them nor pairs with the quote of the description after it."""
    unclosed = V1_ROW.replace(",Export,", ',"Export,').replace("2022", "2020")
    content = v1(v1_with_description(V1_ROW, DESCRIPTION), unclosed, V1_ROW.replace("2022", "2021"),
                 v1_with_description(V1_ROW.replace("2022", "2019"), "Cotton\ncarded"))
    result = ingest_file(warehouse, tmp_path, "tables/unclosed.csv", content)

    assert (result.rows_in, result.loaded, result.quarantined) == (4, 3, 1)
    assert result.quarantine.select("row_ref", "reason", "raw").rows() == [
        ("line 4", "not valid CSV: an unclosed or stray quote", unclosed)]
    rows = warehouse.execute("select row_ref, year from fact_trade order by row_ref").fetchall()
    assert rows == [("line 2", 2022), ("line 5", 2021), ("line 6", 2019)]


def test_published_figures_with_a_break_and_an_unclosed_quote(warehouse, tmp_path: Path) -> None:
    """The unclosed quote sends the file to the line-by-line salvage reader, which must keep the break too."""
    content = published(PUBLISHED_ROW.replace("Statistics office", '"Statistics office,\nfirst estimate"'),
                        PUBLISHED_ROW.replace(",424400000", ',"424400000').replace("2021", "2020"),
                        PUBLISHED_ROW.replace("2021", "2019"))
    result = ingest_file(warehouse, tmp_path, "tables/reported.csv", content)

    assert (result.rows_in, result.loaded, result.quarantined) == (3, 2, 1)
    assert result.quarantine.select("row_ref", "reason").rows() == [
        ("line 4", "not valid CSV: an unclosed or stray quote")]
    speakers = warehouse.execute("select period_start, speaker from fact_trade_reported order by 1").fetchall()
    assert [s for _, s in speakers] == ["Statistics office", "Statistics office,\nfirst estimate"]


def test_a_stray_quote_never_joins_good_lines_into_one_record() -> None:
    """Two unclosed quotes three lines apart would pair into one 'record' of four lines that is no valid CSV: each
    is a bad line of its own, the two lines between them read."""
    found = split_records(b'1,"x,9\n2,3,4\n5,6,7\n8,"y,9\n10,11,12\n', 3)
    assert [n for n, _ in found.good] == [1, 2, 4]
    assert sorted(found.bad) == [0, 3]
    assert (found.used, found.lines) == (35, 5)


def test_a_record_open_at_the_end_of_a_block_waits_for_the_next() -> None:
    """Not the last block: the record whose quote is still open is left for the next block, whole."""
    body = b'1,2\n3,"Cotton, raw\n'
    found = split_records(body, 2, final=False)
    assert [n for n, _ in found.good] == [0] and not found.bad
    assert (found.used, found.lines) == (4, 1)
    assert split_records(body[found.used:] + b'and carded"\n', 2).good == [(0, b'3,"Cotton, raw\nand carded"')]


def test_tiny_blocks_read_what_one_block_reads(warehouse, tmp_path: Path, monkeypatch) -> None:
    """Blocks of 7 bytes cut every record, quoted breaks included: the rows, numbers and rejects are the same."""
    import flows.ingest.tables.sources as sources

    unclosed = V1_ROW.replace(",Export,", ',"Export,').replace("2022", "2020")
    content = v1(v1_with_description(V1_ROW, DESCRIPTION), unclosed, V1_ROW.replace("2022", "2021"),
                 v1_with_description(V1_ROW.replace("2022", "2019"), "Cotton\ncarded"))
    monkeypatch.setattr(sources.csv_batches, "__defaults__", (7,))
    result = ingest_file(warehouse, tmp_path, "tables/tiny.csv", content)
    assert (result.rows_in, result.loaded, result.quarantined) == (4, 3, 1)
    rows = warehouse.execute("select row_ref, year from fact_trade order by row_ref").fetchall()
    assert rows == [("line 2", 2022), ("line 5", 2021), ("line 6", 2019)]


def test_a_reference_table_with_a_quoted_line_break(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    shutil.copytree(ROOT / "sources" / "tables", tables)
    hs = tables / "harmonized-system.csv"
    text = hs.read_text(encoding="utf-8")
    assert '"Horses, asses, mules and hinnies; live"' in text
    hs.write_text(text.replace('"Horses, asses, mules and hinnies; live"', '"Horses, asses,\nmules and hinnies; live"'),
                  encoding="utf-8")

    frames = read_reference(tables)
    bundled = read_reference(ROOT / "sources" / "tables")
    assert frames["dim_product"].height == bundled["dim_product"].height
    horses = frames["dim_product"].filter(pl.col("hs_code") == "0101").row(0, named=True)
    assert horses["description"] == "Horses, asses,\nmules and hinnies; live"
    assert horses["parent"] == "01" and horses["level"] == 4


def test_a_reference_table_in_the_sources_folder_is_not_quarantined(warehouse, tmp_path: Path) -> None:
    content = b'section,hscode,description,parent,level\nI,01,"Animals;\nlive",TOTAL,2\nI,0101,Horses,01,4\n'
    result = ingest_file(warehouse, tmp_path, "tables/hs-list.csv", content)
    assert result.quarantine.is_empty()
    assert result.per_source.select("format", "rows_in").rows() == [("hs_list", 0)]
