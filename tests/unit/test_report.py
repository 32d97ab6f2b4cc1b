"""The report's shaping, units and page on tiny frames: each side's statistics apart, claims beside them,
close events stacked, areas never ranked as countries, text from documents escaped."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

from flows.publish import report_shape as shape
from flows.publish.report import Context, build_report, render_pair
from flows.publish.report_data import Pair, ReportInputError, choose_pair
from flows.publish.units import money, shorten

PAIR = Pair("AZE", "BLR")
TIMELINE = pl.DataFrame({
    "event_id": ["e1", "e2", "e3", "e4", "e5"],
    "event_date": [date(1993, 6, 11), date(2006, 2, 1), date(2006, 2, 3), date(2007, 1, 1), None],
    "date_precision": ["day", "month", "day", "year", None],
    "event_type": ["diplomatic_relations_established", "embassy_opened", "embassy_opened", "joint_project",
                   "state_visit"],
    "event_label": ["Diplomatic relations established", "Embassy opened", "Embassy opened", "Joint project",
                    "State visit"],
    "actor_iso3": ["AZE", "BLR", "AZE", "AZE", "BLR"],
    "target_iso3": ["BLR", "AZE", "BLR", "BLR", "AZE"],
    "is_symmetric": [True, False, False, True, False],
    "status": ["occurred", "occurred", "occurred", "occurred", "planned"],
    "participants": ["", "", "", "Ilham Aliyev", "Alexander Lukashenko"],
    "evidence": ["Relations were established on 11 June 1993.", "Belarus opened its embassy </script><b>x</b>",
                 "Azerbaijan opened its embassy two days later.", "In 2007 a tractor plant opened.",
                 "Lukashenko will visit Baku."],
    "documents": ["seed.txt"] * 5,
})
ANNUAL = pl.DataFrame({
    "year": [2020, 2020, 2021], "reporter_iso3": ["AZE", "BLR", "AZE"], "partner_iso3": ["BLR", "AZE", "BLR"],
    "flow": ["export", "import", "export"], "value_usd": [100e6, 110e6, 150e6], "source": ["comtrade"] * 3,
    "products": ["TOTAL"] * 3,
})
PUBLISHED = pl.DataFrame({
    "period_start": [date(2021, 1, 1), date(2022, 1, 1)], "period_end": [date(2021, 12, 31), date(2022, 6, 30)],
    "measure": ["turnover", "turnover"], "exporter_iso3": ["AZE", "AZE"], "importer_iso3": ["BLR", "BLR"],
    "value_usd": [3.5e8, 1.0e8], "reported_by": ["BLR", None],
})
FIGURES = pl.DataFrame({
    "document_name": ["seed.txt", "seed.txt"], "measure": ["exports", "count"], "value": [2.0e8, 300.0],
    "unit": ["USD", "types of goods"], "period_start": [date(2020, 1, 1), None], "period_end": [date(2020, 12, 31), None],
    "exporter_iso3": ["BLR", None], "importer_iso3": ["AZE", None],
})
MIRROR = pl.DataFrame({
    "year": [2020], "exporter_iso3": ["AZE"], "importer_iso3": ["BLR"], "source": ["comtrade"],
    "exports_reported_usd": [100e6], "imports_reported_usd": [110e6], "same_products": [True],
})
SECTIONS = pl.DataFrame({
    "year": [2020, 2020, 2020], "reporter_iso3": ["AZE", "BLR", "BLR"], "partner_iso3": ["BLR", "AZE", "AZE"],
    "flow": ["export", "import", "import"], "source": ["comtrade"] * 3, "section": ["V", "V", "IV"],
    "section_name": ["Mineral products", "Mineral products", "Foodstuffs"], "value_usd": [90e6, 95e6, 15e6],
})
CLAIMS = pl.DataFrame({
    "document_name": ["seed.txt"] * 3, "published_date": [date(2023, 6, 12)] * 3, "sentence_index": [4, 4, 9],
    "exporter_iso3": ["AZE", "AZE", "BLR"], "importer_iso3": ["BLR", "BLR", "AZE"],
    "product": ["tobacco", "chocolate", "tractors"], "chapter": ["24", "18", "87"],
    "status": ["unknown", "unknown", "supported"], "basis": ["no statistics loaded"] * 2 + ["trade recorded"],
    "chapter_usd_article_year": [None, None, 2.5e6], "chapter_usd_year_before": [None, None, None],
    "evidence": ["Azerbaijan exports tobacco and chocolate to Belarus, " + "and much more " * 30] * 2
                + ["Belarus supplies tractors."],
    "section": ["IV", "IV", "XVII"], "section_name": ["Foodstuffs", "Foodstuffs", "Vehicles"],
}, schema_overrides={"chapter_usd_article_year": pl.Float64, "chapter_usd_year_before": pl.Float64})
PARTNERS = pl.DataFrame({
    "year": [2022, 2022, 2022, 2022, 2021, 2023],
    "flow": ["export"] * 6, "source": ["comtrade"] * 6,
    "partner_iso3": ["CHN", "ESP", "S19", "THA", "CHN", "CHN"],
    "partner_name": ["China", "Spain", "Other Asia, nes", "Thailand", "China", "China"],
    "partner_kind": ["country", "country", "area", "country", "country", "country"],
    "value_usd": [30e9, 2e9, 0.5e9, 1.5e9, 20e9, 38e9], "products": ["1201"] * 6,
})


def _fake_bundle() -> tuple[str, str]:
    return "window.vegaEmbed = function () { return Promise.resolve(); };", "5.0.0"


CONTEXT = Context(source="dyad.duckdb", run=None, generated=datetime(2026, 12, 4, 9, 0), bundle=_fake_bundle)


@pytest.mark.parametrize(("value", "expected"), [
    (1.234e9, "US$ 1.23 bn"), (46.66e9, "US$ 46.7 bn"), (450e6, "US$ 450 m"), (12_345, "US$ 12.3 k"),
    (999, "US$ 999"), (-2.5e6, "-US$ 2.5 m"), (3.2e12, "US$ 3.2 tn"), (None, "–"),
])
def test_money_is_written_as_people_write_it(value, expected) -> None:
    assert money(value) == expected


def test_shorten_cuts_at_a_word_and_says_so() -> None:
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("  short   text ") == "short text"


@pytest.mark.parametrize(("text", "pair"), [("AZE-BLR", PAIR), ("blr-aze", PAIR), ("BLR/AZE", PAIR)])
def test_a_pair_is_two_countries_in_either_order(text, pair) -> None:
    assert Pair.parse(text) == pair and pair.slug == "AZE-BLR"


@pytest.mark.parametrize("text", ["AZE", "AZE-AZE", "Azerbaijan-Belarus", ""])
def test_a_bad_pair_is_refused_with_its_reason(text) -> None:
    with pytest.raises(ReportInputError, match="pair"):
        Pair.parse(text)


def test_the_default_pair_is_the_first_listed_and_an_unknown_pair_names_the_known_ones() -> None:
    pairs = pl.DataFrame({"country_a": ["BRA", "AZE"], "country_b": ["CHN", "BLR"]})
    assert choose_pair(pairs, None) == Pair("BRA", "CHN")
    assert choose_pair(pairs, "BLR-AZE") == PAIR
    with pytest.raises(ReportInputError, match="nothing on AZE-GEO; pairs it has: AZE-BLR, BRA-CHN"):
        choose_pair(pairs, "GEO-AZE")


def test_close_events_of_one_type_are_stacked_not_drawn_over_each_other() -> None:
    events = shape.timeline_frame(TIMELINE)
    embassies = events.filter(pl.col("event_type") == "embassy_opened")
    assert sorted(embassies["slot"].to_list()) == [0, 1]          # two days apart on a 14-year axis
    assert events.filter(pl.col("event_type") != "embassy_opened")["slot"].to_list() == [0, 0, 0]
    assert events["when"].to_list()[:4] == ["11 June 1993", "February 2006", "3 February 2006", "2007"]
    assert events["direction"].to_list()[0] == "AZE ↔ BLR" and events["direction"].to_list()[1] == "BLR → AZE"


def test_trade_keeps_each_side_and_draws_published_and_article_figures_as_claims() -> None:
    series = shape.trade_series({"annual": ANNUAL, "published": PUBLISHED, "figures": FIGURES})
    got = {(r["year"], r["direction"], r["series"], r["kind"]): r["value"] for r in series.iter_rows(named=True)}
    assert got == {
        (2020, "AZE → BLR", "AZE reports its exports (comtrade)", shape.STATISTICS): "US$ 100 m",
        (2020, "AZE → BLR", "BLR reports its imports (comtrade)", shape.STATISTICS): "US$ 110 m",  # never summed
        (2021, "AZE → BLR", "AZE reports its exports (comtrade)", shape.STATISTICS): "US$ 150 m",
        (2021, "AZE ↔ BLR", "published, BLR's figure", shape.PUBLISHED): "US$ 350 m",   # half-year 2022 left out
        (2020, "BLR → AZE", "article: seed.txt", shape.ARTICLE): "US$ 200 m",       # the count is not money
    }


def test_mirror_gap_sets_both_reports_side_by_side() -> None:
    row = shape.mirror_table(MIRROR).row(0, named=True)
    assert (row["exporter_says"], row["importer_says"], row["gap"], row["gap_share"]) == \
        ("US$ 100 m", "US$ 110 m", "US$ 10 m", "10.0%")


def test_sections_take_the_exporters_report_and_the_importers_only_where_the_exporter_has_none() -> None:
    sections = shape.sections_frame(SECTIONS)
    got = {(r["direction"], r["as_reported"], r["section_label"]): round(r["share"], 2)
           for r in sections.iter_rows(named=True)}
    assert got == {("AZE → BLR", "AZE's exports", "V Mineral products"): 1.0}   # BLR's mirror left out
    only_importer = shape.sections_frame(SECTIONS.filter(pl.col("flow") == "import"))
    assert set(only_importer["as_reported"]) == {"BLR's imports"}
    assert sorted(only_importer["share"].round(2).to_list()) == [0.14, 0.86]


def test_claims_are_grouped_by_sentence_which_is_shown_once_and_shortened() -> None:
    groups = shape.claim_groups(CLAIMS)
    assert [len(g["claims"]) for g in groups] == [2, 1]
    assert len(groups[0]["sentence"]) <= 200 and groups[0]["sentence"].endswith("…")
    assert groups[0]["sentence_full"].startswith("Azerbaijan exports tobacco")
    assert [c["product"] for c in groups[0]["claims"]] == ["chocolate", "tobacco"]
    assert groups[1]["claims"][0]["article_year"] == "US$ 2.5 m"


def test_partners_rank_countries_only_and_report_areas_as_a_share() -> None:
    top, trend, facts = shape.partners_summary(PARTNERS)
    # 2023 names one partner only: the latest year naming most partners (2022) is ranked
    assert top["year"].unique().to_list() == [2022]
    assert top["partner_name"].to_list() == ["China", "Spain", "Thailand"]
    assert "Other Asia, nes" not in top["partner_name"].to_list()
    assert top["share_text"].to_list() == ["88.2%", "5.9%", "4.4%"]
    assert top["change"].to_list()[0] == "50.0%"
    assert facts["export"]["areas"] == "US$ 500 m" and facts["export"]["area_names"] == "Other Asia, nes"
    assert sorted(trend.filter(pl.col("partner_iso3") == "CHN")["year"].to_list()) == [2021, 2022, 2023]


def _frames(**extra: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {"timeline": TIMELINE, "annual": ANNUAL, "published": PUBLISHED, "figures": FIGURES, "mirror": MIRROR,
            "sections": SECTIONS, "claims": CLAIMS,
            "countries": pl.DataFrame({"iso3": ["AZE", "BLR"], "name": ["Azerbaijan", "Belarus"]}), **extra}


def _specs(html: str) -> dict:
    return json.loads(re.search(r"const specs = (\{.*?\});\n", html, re.S).group(1))


def test_pair_page_has_every_section_and_bounded_chart_heights() -> None:
    html, facts = render_pair(_frames(), PAIR, CONTEXT)
    assert "dyad report: Azerbaijan and Belarus" in html
    for id_ in ("timeline", "trade", "composition", "products", "claims", "organizations", "people"):
        assert f'<section id="{id_}">' in html
    specs = _specs(html)
    assert set(specs) == set(facts["charts"]) == {"chart-timeline", "chart-trade", "chart-sections"}
    assert specs["chart-timeline"]["height"] <= 30 * 4          # four dated lanes
    assert "labelExpr" in json.dumps(specs["chart-trade"]) and "bn" in json.dumps(specs["chart-trade"])
    assert html.count("Azerbaijan exports tobacco and chocolate") == 2   # the sentence once, and its hover text
    assert "No statistics are loaded" not in html


def test_without_statistics_the_article_claims_fill_the_composition() -> None:
    frames = _frames(annual=ANNUAL.clear(), sections=SECTIONS.clear(), mirror=MIRROR.clear())
    html, facts = render_pair(frames, PAIR, CONTEXT)
    assert "chart-claimed-sections" in facts["charts"]
    assert "No statistics are loaded for these directions and years" in html


def test_text_from_documents_cannot_break_out_of_the_page() -> None:
    html, _ = render_pair(_frames(), PAIR, CONTEXT)
    assert "</script><b>x</b>" not in html
    assert "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in html or "<\\/script><b>x<\\/b>" in html


def test_a_missing_database_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run `dyad run` first"):
        build_report(tmp_path / "none.duckdb", tmp_path / "r.html")
