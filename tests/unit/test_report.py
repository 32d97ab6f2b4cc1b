"""The HTML report from tiny view frames: shaping, charts, self-containment, sections that lack data."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.publish.report import (build_report, composition_frame, date_label, render_report, timeline_frame,
                          trade_by_year_frame)

TIMELINE = pl.DataFrame({
    "event_id": ["e1", "e2", "e3", "e4"],
    "event_date": [date(1993, 6, 11), date(2006, 2, 1), date(2007, 1, 1), None],
    "date_precision": ["day", "month", "year", None],
    "event_type": ["diplomatic_relations_established", "embassy_opened", "joint_project", "state_visit"],
    "event_label": ["Diplomatic relations established", "Embassy or consulate opened", "Joint project", "State visit"],
    "actor_iso3": ["AZE", "BLR", "AZE", "BLR"],
    "target_iso3": ["BLR", "AZE", "BLR", "AZE"],
    "is_symmetric": [True, False, True, False],
    "status": ["occurred", "occurred", "occurred", "planned"],
    "summary": ["relations", "embassy", "project", "visit"],
    "participants": ["", "", "Ilham Aliyev; Alexander Lukashenko", "Alexander Lukashenko"],
    "evidence": ["Relations were established on 11 June 1993.", "Belarus opened its embassy </script><b>x</b>",
                 "In 2007 a tractor plant opened.", "Lukashenko will visit Baku."],
    "documents": ["seed.txt"] * 4,
    "n_documents": [1, 1, 1, 1],
})
ANNUAL = pl.DataFrame({
    "year": [2020, 2020, 2021, 2020],
    "reporter_iso3": ["AZE", "BLR", "AZE", "AZE"],
    "partner_iso3": ["BLR", "AZE", "BLR", "BLR"],
    "flow": ["export", "import", "export", "re-export"],
    "value_usd": [100.0, 110.0, 150.0, 5.0],
    "source": ["comtrade"] * 4,
})
REPORTED = pl.DataFrame({
    "period_start": [date(2022, 1, 1), date(2023, 1, 1)],
    "period_end": [date(2022, 12, 31), date(2023, 6, 30)],
    "measure": ["turnover", "turnover"],
    "exporter_iso3": ["AZE", "AZE"], "importer_iso3": ["BLR", "BLR"],
    "value_usd": [3.5e8, 1.0e8], "reported_by": ["BLR", None],
})
COMPOSITION = pl.DataFrame({
    "year": [2020] * 3, "reporter_iso3": ["AZE"] * 3, "partner_iso3": ["BLR"] * 3, "flow": ["export"] * 3,
    "source": ["comtrade"] * 3, "rank": [1, 2, 3], "chapter": ["27", "08", "39"],
    "chapter_description": ["Mineral fuels", "Fruit", "Plastics"], "value_usd": [60.0, 30.0, 10.0],
    "share": [0.6, 0.3, 0.1],
})
CLAIMS = pl.DataFrame({
    "document_name": ["seed.txt"], "exporter_iso3": ["BLR"], "importer_iso3": ["AZE"], "product": ["tractors"],
    "chapter": ["87"], "status": ["supported"], "basis": ["trade recorded in HS chapter 87"],
    "chapter_usd_article_year": [2.5e6], "chapter_usd_year_before": [None],
    "evidence": ["Belarus supplies tractors to Azerbaijan."],
}, schema_overrides={"chapter_usd_year_before": pl.Float64})
MEMBERSHIPS = pl.DataFrame({
    "document_name": ["seed.txt"] * 4, "country_iso3": ["AZE", "BLR", "AZE", "BLR"],
    "organization": ["CIS", "CIS", "UN", "UN"], "organization_name": ["Commonwealth of Independent States"] * 2
    + ["United Nations"] * 2, "evidence": ["Both are CIS members."] * 2 + ["Both sit in the UN."] * 2,
})
PEOPLE = pl.DataFrame({
    "document_name": ["seed.txt", "seed.txt", "other.txt"], "name": ["Ilham Aliyev", "Alexander Lukashenko",
                                                                  "Alexander Lukashenko"],
    "role": ["President", "President", "President"], "country_iso3": ["AZE", "BLR", "BLR"],
})
SUMMARY = pl.DataFrame({
    "country_a": ["AZE"], "country_b": ["BLR"], "relations_established": [date(1993, 6, 11)], "n_events": [3],
    "n_visits": [0], "last_visit": [None], "shared_organizations": ["CIS, UN"], "latest_trade_measure": ["turnover"],
    "latest_trade_value_usd": [3.5e8], "latest_trade_period_start": [date(2022, 1, 1)],
    "latest_trade_period_end": [date(2022, 12, 31)], "latest_trade_reported_by": ["BLR"], "n_planned": [1],
}, schema_overrides={"last_visit": pl.Date})
RUNS = pl.DataFrame({"run_id": ["r1"], "started_at": [datetime(2026, 11, 28, 9, 30)], "status": ["succeeded"]})

FRAMES = {"v_relations_timeline": TIMELINE, "v_trade_annual": ANNUAL, "v_trade_reported": REPORTED,
          "v_trade_composition": COMPOSITION, "v_trade_claims_vs_statistics": CLAIMS, "v_memberships": MEMBERSHIPS,
          "v_person_mentions": PEOPLE, "v_dyad_summary": SUMMARY, "etl_run": RUNS}


def _fake_bundle() -> tuple[str, str]:
    return "window.vegaEmbed = function () { return Promise.resolve(); };", "v6_4"


def _specs(html: str) -> dict:
    match = re.search(r"const specs = (\{.*?\});\n", html, re.S)
    assert match, "the page embeds its chart specs"
    return json.loads(match.group(1).replace("<\\/", "</"))


@pytest.mark.parametrize("precision, expected", [("day", "11 June 1993"), ("month", "June 1993"), ("year", "1993")])
def test_dates_are_written_at_their_precision(precision: str, expected: str) -> None:
    frame = pl.DataFrame({"d": [date(1993, 6, 11)], "p": [precision]})
    assert frame.select(date_label(pl.col("d"), pl.col("p")))["d"].to_list() == [expected]


def test_timeline_rows_have_pair_direction_and_readable_dates() -> None:
    events = timeline_frame(TIMELINE)
    assert events["when"].to_list() == ["11 June 1993", "February 2006", "2007", "no date"]
    assert events["pair"].unique().to_list() == ["AZE–BLR"]
    assert events["direction"].to_list() == ["AZE ↔ BLR", "BLR → AZE", "AZE ↔ BLR", "BLR → AZE"]


def test_trade_by_year_keeps_each_side_apart_and_leaves_out_re_exports() -> None:
    trade = trade_by_year_frame({"v_trade_annual": ANNUAL, "v_trade_reported": REPORTED})
    got = {(r["year"], r["direction"], r["reported_by"]): r["value_usd"] for r in trade.to_dicts()}
    assert got == {
        (2020, "AZE → BLR", "AZE exports (comtrade)"): 100.0,
        (2021, "AZE → BLR", "AZE exports (comtrade)"): 150.0,
        (2020, "AZE → BLR", "BLR imports (comtrade)"): 110.0,  # the mirror, not added to AZE's figure
        (2022, "AZE ↔ BLR", "published (BLR)"): 3.5e8,  # the half-year 2023 figure is not a year's value
    }


def test_composition_keeps_the_top_chapters_and_their_shares(monkeypatch) -> None:
    monkeypatch.setattr("flows.publish.report.TOP_CHAPTERS", 2)
    frame = composition_frame(COMPOSITION)
    got = {r["chapter"]: (r["value_usd"], round(r["share"], 2)) for r in frame.to_dicts()}
    assert got == {"27 Mineral fuels": (60.0, 0.6), "08 Fruit": (30.0, 0.3), "other chapters": (10.0, 0.1)}
    assert frame["direction"].unique().to_list() == ["AZE → BLR, as AZE reports its exports (comtrade)"]


def test_page_has_every_section_chart_and_table() -> None:
    html, facts = render_report(FRAMES, source="dyad.duckdb", generated=datetime(2026, 11, 28, 12, 0),
                                bundle=_fake_bundle)
    assert facts["charts"] == ["chart-timeline", "chart-trade", "chart-composition"]
    assert facts["sections"] == {"timeline": 4, "trade": 4, "composition": 3, "claims": 1, "organizations": 2,
                                 "people": 2}
    for heading in ("Relations timeline", "Trade by year", "Trade composition by HS chapter", "Claims vs statistics",
                    "Shared organizations", "People involved", "AZE – BLR"):
        assert heading in html
    assert '<span class="badge supported">supported</span>' in html
    assert "1 claims, 1 supported, 0 contradicted, 0 unknown." in html
    assert "US$ 350.00 million" in html and "reported by BLR" in html
    # people: Lukashenko is named in two documents and in two events
    people = html[html.index('class="people-table"'):]
    row = re.search(r"<td class=\"\">Alexander Lukashenko</td>(.*?)</tr>", people, re.S).group(1)
    assert re.findall(r">(\d+)<", row) == ["2", "2"]


def test_timeline_spec_colours_by_type_and_shows_evidence_on_hover() -> None:
    html, _ = render_report(FRAMES, source="x", bundle=_fake_bundle)
    spec = _specs(html)["chart-timeline"]
    assert spec["encoding"]["color"]["field"] == "type_label"
    assert spec["encoding"]["x"]["field"] == "event_date" and spec["encoding"]["x"]["type"] == "temporal"
    assert "evidence" in [t["field"] for t in spec["encoding"]["tooltip"]]
    values = spec["data"]["values"]
    assert [v["event_date"] for v in values] == ["1993-06-11", "2006-02-01", "2007-01-01"]  # undated: table only


def test_text_from_documents_cannot_break_out_of_the_page() -> None:
    html, _ = render_report(FRAMES, source="x", bundle=_fake_bundle)
    assert "</script><b>x</b>" not in html
    assert "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in html  # escaped in the table
    assert _specs(html)["chart-timeline"]["data"]["values"][1]["evidence"].endswith("</script><b>x</b>")


def test_missing_views_give_sections_that_say_so() -> None:
    html, facts = render_report({"v_relations_timeline": TIMELINE}, source="x", bundle=_fake_bundle)
    assert facts["charts"] == ["chart-timeline"]
    assert "This database has no annual trade" in html and "This database has no people" in html


def test_report_file_is_self_contained(tmp_path: Path) -> None:
    db = tmp_path / "views.duckdb"
    with duckdb.connect(str(db)) as con:
        for name, frame in FRAMES.items():
            con.register("_f", frame)
            con.execute(f"create table {name} as select * from _f")
            con.unregister("_f")
    result = build_report(db, tmp_path / "out" / "report.html")
    html = Path(result.path).read_text(encoding="utf-8")
    assert result.events == 4 and result.charts == ["chart-timeline", "chart-trade", "chart-composition"]
    assert 500_000 < result.bytes < 3_000_000
    assert "vegaEmbed" in html
    # the page's own markup fetches nothing: no external script, stylesheet, image or font
    markup = re.sub(r"<script>\n// vega-embed bundle.*?</script>", "", html, count=1, flags=re.S)
    assert len(markup) < len(html) - 500_000, "the vega bundle is inlined"
    assert not re.findall(r"<(?:script|img|iframe)[^>]+src=|<link[^>]+href=|@import|url\(", markup)


def test_a_missing_database_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        build_report(tmp_path / "none.duckdb", tmp_path / "r.html")
