"""Exports of report views: one sorted file a view, read back by pyarrow/Polars/DuckDB, clean replacement."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.dataset as ds
import pytest

from flows.publish.export import ExportError, export_views
from tests.support.databases import assert_reexport_replaces, file_hashes

TRADE = [(2021, "AZE", "BLR", "export", 10.5), (2020, "AZE", "BLR", "export", 7.25),
         (2021, "BLR", "AZE", "import", 3.0), (2022, "BLR", "AZE", "export", 1.0)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "small.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table trade (year smallint, reporter_iso3 varchar, partner_iso3 varchar, "
                    "flow varchar, value_usd double)")
        con.executemany("insert into trade values (?, ?, ?, ?, ?)", TRADE)
        con.execute("create table event (event_date date, event_type varchar, evidence varchar)")
        con.execute("insert into event values ('1993-06-11', 'diplomatic_relations_established', 'It''s 1993.'), "
                    "(null, 'meeting', 'A, \"quoted\" line')")
        con.execute("create view v_trade_annual as select * from trade")
        con.execute("create view v_relations_timeline as select * from event")
        con.execute("create view v_trade_empty as select * from trade where false")
        con.execute("create view helper as select 1 as x")  # not a report view: not exported
    return path


def test_every_view_is_one_sorted_file_whether_empty_or_not(db: Path, tmp_path: Path) -> None:
    result = export_views(db, tmp_path / "out")
    out = tmp_path / "out"
    assert [v.view for v in result.views] == ["v_relations_timeline", "v_trade_annual", "v_trade_empty"]
    assert {v.view: v.rows for v in result.views} == {"v_relations_timeline": 2, "v_trade_annual": 4,
                                                      "v_trade_empty": 0}
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json", "v_relations_timeline.parquet",
                                                     "v_trade_annual.parquet", "v_trade_empty.parquet"]
    manifest = json.loads((out / "_manifest.json").read_text())
    assert [(v["view"], v["path"]) for v in manifest["views"]] == [
        ("v_relations_timeline", "v_relations_timeline.parquet"), ("v_trade_annual", "v_trade_annual.parquet"),
        ("v_trade_empty", "v_trade_empty.parquet")]
    # rows in order, by every column: the file reads sorted without an order by
    assert pl.read_parquet(out / "v_trade_annual.parquet").rows() == sorted(TRADE)
    assert pl.read_parquet(out / "v_trade_empty.parquet").columns == ["year", "reporter_iso3", "partner_iso3",
                                                                       "flow", "value_usd"]


def test_pyarrow_polars_and_duckdb_read_the_same_rows_with_the_documented_commands(db: Path, tmp_path: Path) -> None:
    export_views(db, tmp_path / "out")
    for view, expected in (("v_trade_annual", sorted(TRADE)), ("v_trade_empty", [])):
        path = tmp_path / "out" / f"{view}.parquet"
        by_arrow = pl.from_arrow(ds.dataset(path, format="parquet").to_table())
        by_polars = pl.read_parquet(path)
        with duckdb.connect() as con:
            by_duckdb = con.execute(f"select * from read_parquet('{path}')").fetchall()
        assert by_arrow.rows() == by_polars.rows() == [tuple(r) for r in by_duckdb] == expected
    timeline = pl.read_parquet(tmp_path / "out" / "v_relations_timeline.parquet")
    assert timeline["evidence"].to_list() == ["It's 1993.", 'A, "quoted" line']
    assert timeline.schema["event_date"] == pl.Date


def test_exporting_some_views_keeps_the_others_of_the_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_views(db, out)
    before = file_hashes(out)
    result = export_views(db, out, views=["v_trade_annual"])
    assert [v.view for v in result.views] == ["v_relations_timeline", "v_trade_annual", "v_trade_empty"]
    assert file_hashes(out) == before  # same database: the rewritten view is byte-identical, the others untouched
    with pytest.raises(ExportError, match="holds a parquet export: pass --format parquet"):
        export_views(db, out, "csv", views=["v_trade_annual"])


def test_export_is_byte_identical_and_replaces_the_previous_one(db: Path, tmp_path: Path) -> None:
    assert_reexport_replaces(db, tmp_path / "out", stale="stale.parquet")
    assert not list(tmp_path.glob(".out.*")), "no staging or old folder is left behind"


def test_csv_export_writes_one_file_a_view(db: Path, tmp_path: Path) -> None:
    result = export_views(db, tmp_path / "csv", "csv")
    assert [v.path for v in result.views] == ["v_relations_timeline.csv", "v_trade_annual.csv", "v_trade_empty.csv"]
    frame = pl.read_csv(tmp_path / "csv" / "v_trade_annual.csv")
    assert frame.rows() == sorted(TRADE)
    assert pl.read_csv(tmp_path / "csv" / "v_relations_timeline.csv")["evidence"][1] == 'A, "quoted" line'


def test_refuses_to_replace_a_folder_that_is_not_an_export(db: Path, tmp_path: Path) -> None:
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(ExportError, match="not empty"):
        export_views(db, precious)
    assert (precious / "thesis.docx").read_text() == "years of work"
    assert not list(tmp_path.glob(".documents.*"))


@pytest.mark.parametrize("views, message", [(["v_nope"], "no such view: v_nope"), (None, None)])
def test_selected_views_and_unknown_names(db: Path, tmp_path: Path, views, message) -> None:
    if message:
        with pytest.raises(ExportError, match=message):
            export_views(db, tmp_path / "out", views=views)
        assert not (tmp_path / "out").exists()
    else:
        assert export_views(db, tmp_path / "out", views=["v_trade_annual"]).rows == 4


def test_a_missing_database_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_views(tmp_path / "none.duckdb", tmp_path / "out")
