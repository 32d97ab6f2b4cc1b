"""Exports and the report from the real flow: read back by pyarrow, Polars and DuckDB; run --export; artifacts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.dataset as ds
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from flows.publish.export import export_views
from flows.publish.report import build_report
from tests.support.databases import assert_reexport_replaces

pytestmark = pytest.mark.slow

# Statistics for three pairs and three years, from the trade fixtures (values checked in their README).
TRADE_FIXTURES = ("comtrade/bare_data.json", "legacy/aze_geo_legacy.csv", "comtrade/soy_br_cn_2023_01.json")


@pytest.fixture(scope="module")
def trade_db(run_pipeline, tmp_path_factory, project_root: Path) -> Path:
    """The bundled sources plus trade statistics, built by the real flow."""
    root = tmp_path_factory.mktemp("trade")
    sources = root / "sources"
    shutil.copytree(project_root / "sources", sources)
    for fixture in TRADE_FIXTURES:
        shutil.copy(project_root / "tests" / "fixtures" / "tables" / fixture, sources / "tables")
    db = root / "trade.duckdb"
    run_pipeline(sources, db)
    return db


def _sortable(frame: pl.DataFrame) -> list[str]:
    return [c for c, t in frame.schema.items() if not t.is_nested()]


def _normalised(frame: pl.DataFrame, like: pl.DataFrame) -> pl.DataFrame:
    """Columns in the view's order and types (readers type a partition folder's year their own way), sorted."""
    return frame.select(like.columns).cast(like.schema).sort(_sortable(like), nulls_last=True)


def test_every_view_reads_back_the_same_in_pyarrow_polars_and_duckdb(trade_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = export_views(trade_db, out)
    by_name = {v.view: v for v in result.views}
    assert {"v_relations_timeline", "v_trade_annual", "v_trade_composition", "v_dyad_summary"} <= set(by_name)
    # one file a view, whether it has rows or not: the same reader command works for every view
    assert sorted(p.name for p in out.iterdir()) == sorted(["_manifest.json", *(f"{v}.parquet" for v in by_name)])
    assert by_name["v_relations_timeline"].rows == 8 and by_name["v_trade_annual"].rows == 6

    with duckdb.connect(str(trade_db), read_only=True) as con:
        views = {name: con.sql(f"select * from {name}").pl() for name in by_name}
    with duckdb.connect() as reader:
        for name, exported in by_name.items():
            expected = views[name].sort(_sortable(views[name]), nulls_last=True)
            path = out / exported.path
            frames = {
                "pyarrow": pl.from_arrow(ds.dataset(path, format="parquet").to_table()),
                "polars": pl.read_parquet(path),
                "duckdb": reader.sql(f"select * from read_parquet('{path}')").pl(),
            }
            assert exported.rows == expected.height, name
            for tool, frame in frames.items():
                assert frame.height == expected.height, (name, tool)
                try:
                    assert_frame_equal(_normalised(frame, expected), expected)
                except AssertionError as exc:
                    raise AssertionError(f"{name} read by {tool} differs: {exc}") from exc


def test_reexport_is_byte_identical_and_replaces_the_folder(trade_db: Path, tmp_path: Path) -> None:
    assert_reexport_replaces(trade_db, tmp_path / "export", stale="v_stale.parquet")
    csv = export_views(trade_db, tmp_path / "csv", "csv")
    annual = pl.read_csv(tmp_path / "csv" / "v_trade_annual.csv")
    assert annual.height == next(v.rows for v in csv.views if v.view == "v_trade_annual") > 0


def test_run_with_export_through_the_cli(run_pipeline, sources_copy: Path, tmp_path: Path) -> None:
    from flows.cli import app

    db, out = tmp_path / "cli.duckdb", tmp_path / "exported"
    result = CliRunner().invoke(app, ["run", "--sources", str(sources_copy), "--db", str(db), "--export", str(out),
                                      "--format", "csv", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["status"] == "succeeded" and summary["events"] == 8
    assert summary["export"]["format"] == "csv" and summary["export"]["directory"] == str(out.resolve())
    timeline = pl.read_csv(out / "v_relations_timeline.csv")
    assert timeline.height == 8
    assert json.loads((out / "_manifest.json").read_text())["format"] == "csv"


def test_report_of_the_trade_database_has_every_chart(trade_db: Path, tmp_path: Path) -> None:
    result = build_report(trade_db, tmp_path / "report.html")
    assert result.pair == "AZE-BLR"          # the pair with most documents
    assert result.charts == ["chart-timeline", "chart-trade", "chart-sections"]
    assert result.events == 8 and result.sections["composition"] > 0 and result.sections["people"] == 3
    html = Path(result.path).read_text(encoding="utf-8")
    assert "BLR reports its imports (comtrade)" in html and "Commonwealth of Independent States" in html
    assert "BRA" not in html.split("const specs", 1)[1][:2000]   # another pair's trade is not on this page
    other = build_report(trade_db, tmp_path / "bra.html", pair="chn-bra")
    assert other.pair == "BRA-CHN" and other.charts == ["chart-trade", "chart-sections"] and other.events == 0
    page = Path(other.path).read_text(encoding="utf-8")
    assert "BRA reports its exports (comtrade)" in page and "US$ 38.9 bn" in page and "Soya beans" in page


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    from flows.cli import app

    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "missing.duckdb"), "--to", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: ExportError: database {tmp_path / 'missing.duckdb'} does not exist: run `dyad run` first"]


def test_each_run_publishes_a_summary_and_a_timeline_artifact(run_pipeline, sources_copy: Path, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    db = tmp_path / "artifact-check.duckdb"
    run_pipeline(sources_copy, db)
    run_pipeline(sources_copy, db)  # same sources again: nothing is new

    def latest(key: str):
        with get_client(sync_client=True) as client:
            found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
        return sorted(found, key=lambda a: a.created)

    summaries = latest("run-summary-artifact-check")
    assert len(summaries) == 2 and all(a.type == "markdown" and a.flow_run_id for a in summaries)
    assert "## New events this run: 8" in summaries[0].data
    assert "## New events this run: 0" in summaries[1].data
    assert "| documents | 1 |" in summaries[1].data
    table = latest("timeline-artifact-check")[-1]
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert table.type == "table" and len(rows) == 8
    assert (rows[0]["date"], rows[0]["event"]) == ("2023-06-12", "anniversary_event")  # newest first
