"""Spreadsheet-shaped CSVs hold the same rows: their values, and the line numbers quarantine and fact rows name."""
from __future__ import annotations

from pathlib import Path

from bad_corpus import PUBLISHED_ROW, V1_ROW, published, v1
from flows.ingest.tables.views import Shape, shape_of
from tests.support.ingest import ingest_file


def test_shapes_are_told_from_the_first_bytes() -> None:
    assert shape_of(b"a,b\n1,2\n").plain and shape_of(b"a,b\r\n1,2\r\n").plain
    assert shape_of(b"a,b\r1,2\r") == Shape(cr_only=True)
    assert shape_of(b"sep=;\na;b\n1;2\n") == Shape(delimiter=";", skipped=1)
    assert shape_of(b"a\tb\n1\t2\n") == Shape(delimiter="\t")
    assert shape_of("a,b\n".encode("utf-32")) == Shape(encoding="utf-32")
    assert shape_of(b'{"data": []}').plain


def test_semicolons_and_decimal_commas_keep_their_values(warehouse, tmp_path: Path) -> None:
    rows = [PUBLISHED_ROW.replace("424400000", "1.234.567,25"),
            PUBLISHED_ROW.replace("2021", "2020").replace("424400000", "4244,5"),
            PUBLISHED_ROW.replace("2021", "2019").replace("Statistics office", '"Office; first estimate"')]
    text = published(*rows).decode().replace(",", ";").replace("1.234.567;25", "1.234.567,25").replace("4244;5", "4244,5")
    result = ingest_file(warehouse, tmp_path, "tables/semicolons.csv", b"sep=;\n" + text.encode("cp1252"))

    assert (result.rows_in, result.loaded, result.quarantined) == (3, 3, 0), result.quarantine.rows()
    facts = warehouse.execute("select row_ref, value_usd, speaker from fact_trade_reported order by row_ref").fetchall()
    assert facts == [("line 3", 1234567.25, "Statistics office"), ("line 4", 4244.5, "Statistics office"),
                     ("line 5", 424400000.0, "Office; first estimate")]


def test_a_sep_line_keeps_fact_trade_line_numbers(warehouse, tmp_path: Path) -> None:
    content = b"sep=;\n" + v1(V1_ROW, V1_ROW.replace(",2022,52,2022,", ",2022,13,2022,")).replace(b",", b";")
    result = ingest_file(warehouse, tmp_path, "tables/comtrade_sep.csv", content)
    assert warehouse.execute("select row_ref, year from fact_trade").fetchall() == [("line 3", 2022)]
    assert result.quarantine.select("row_ref").to_series().to_list() == ["line 4"]


def test_cr_only_files_are_lines_not_one_header(warehouse, tmp_path: Path) -> None:
    content = published(PUBLISHED_ROW, PUBLISHED_ROW.replace("2021", "2020").replace("424400000", "n/a"))
    result = ingest_file(warehouse, tmp_path, "tables/mac.csv", content.replace(b"\n", b"\r"))
    assert (result.rows_in, result.loaded, result.quarantined) == (2, 1, 1)
    assert result.quarantine.select("row_ref", "reason").rows() == [("line 3", "value_usd is not a number")]
