"""The trade views on the hand-checkable fixtures: every number here is worked out in the comments."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
V1 = FIXTURES / "comtrade" / "aze_blr_v1.json"
LEGACY = FIXTURES / "legacy" / "aze_geo_legacy.csv"


@pytest.fixture
def loaded(db, load):
    load([V1, LEGACY])
    return db


def test_annual_uses_total_or_top_products_and_sums_months(loaded) -> None:
    rows = loaded.execute("""
        select year, reporter_iso3, partner_iso3, flow, value_usd, products, all_products, months
        from v_trade_annual where source = 'comtrade' order by all
    """).fetchall()
    assert rows == [
        # legacy: Azerbaijan's March 2021 exports to Georgia only (one month)
        (2021, "AZE", "GEO", "export", 25.0, "TOTAL", True, 1),
        # the TOTAL row (300), not TOTAL + 0401 (420)
        (2021, "AZE", "GEO", "import", 300.0, "TOTAL", True, 12),
        (2021, "AZE", "GEO", "re-export", 40.0, "TOTAL", True, 12),
        (2021, "GEO", "AZE", "export", 280.0, "TOTAL", True, 12),
        (2022, "AZE", "BLR", "export", 1000.0, "TOTAL", True, 12),
        (2022, "AZE", "S19", "export", 50.0, "TOTAL", True, 12),
        (2022, "BLR", "AZE", "export", 2000.0, "TOTAL", True, 12),
        (2022, "BLR", "AZE", "import", 1100.0, "TOTAL", True, 12),
        # January 80 + February 90, no annual row
        (2023, "AZE", "BLR", "export", 170.0, "TOTAL", True, 2),
    ]


def test_annual_without_total_sums_top_products_only(db, load) -> None:
    # BACI has no TOTAL rows: AZE -> BLR 2021 is 270900 (100,500) + 010121 (2,000)
    load(sorted((FIXTURES / "baci").iterdir()))
    rows = db.execute("""
        select reporter_iso3, partner_iso3, value_usd, net_weight_kg, products, all_products
        from v_trade_annual order by all
    """).fetchall()
    assert rows[0] == ("AZE", "BLR", 102_500.0, 20_250.0, "010121,270900", False)


def test_top_products_never_count_a_code_and_its_parts(loaded) -> None:
    rows = loaded.execute("""
        select hs_code, chapter, is_top_product from v_trade_annual_products
        where reporter_iso3 = 'AZE' and partner_iso3 = 'BLR' and year = 2022 order by hs_code
    """).fetchall()
    assert rows == [("0401", "04", True), ("08", "08", True), ("27", "27", True), ("2709", "27", False),
                    ("TOTAL", None, False)]


def test_mirror_sets_the_two_reports_side_by_side(loaded) -> None:
    rows = loaded.execute("""
        select year, exporter_iso3, importer_iso3, exports_reported_usd, imports_reported_usd, difference_usd,
               ratio, same_products
        from v_trade_mirror order by all
    """).fetchall()
    assert rows == [
        # Georgia reports 280 exported, Azerbaijan 300 imported: 20 more, ratio 300 / 280
        (2021, "AZE", "GEO", 25.0, None, None, None, False),
        (2021, "GEO", "AZE", 280.0, 300.0, 20.0, round(300 / 280, 4), True),
        # Azerbaijan reports 1000 exported, Belarus 1100 imported (CIF over FOB): ratio 1.1
        (2022, "AZE", "BLR", 1000.0, 1100.0, 100.0, 1.1, True),
        (2022, "AZE", "S19", 50.0, None, None, None, False),
        (2022, "BLR", "AZE", 2000.0, None, None, None, False),
        (2023, "AZE", "BLR", 170.0, None, None, None, False),
    ]


def test_composition_top_chapters_and_shares(loaded) -> None:
    rows = loaded.execute("""
        select reporter_iso3, flow, rank, chapter, value_usd, share, total_usd, share_of
        from v_trade_composition where year = 2022 order by all
    """).fetchall()
    assert rows == [
        # 27 = 600 (2709 is inside it), 08 = 300, 04 = 0401 = 100; of the TOTAL 1000
        ("AZE", "export", 1, "27", 600.0, 0.6, 1000.0, "TOTAL"),
        ("AZE", "export", 2, "08", 300.0, 0.3, 1000.0, "TOTAL"),
        ("AZE", "export", 3, "04", 100.0, 0.1, 1000.0, "TOTAL"),
        ("BLR", "export", 1, "84", 1500.0, 0.75, 2000.0, "TOTAL"),
        ("BLR", "export", 2, "87", 500.0, 0.25, 2000.0, "TOTAL"),
        ("BLR", "import", 1, "27", 660.0, 0.6, 1100.0, "TOTAL"),
        ("BLR", "import", 2, "08", 440.0, 0.4, 1100.0, "TOTAL"),
    ]
    name = loaded.execute("select chapter_description from v_trade_composition where chapter = '27' limit 1")
    assert name.fetchall()[0][0].startswith("Mineral fuels")


def test_turnover_as_each_side_reports_it(loaded) -> None:
    rows = loaded.execute("""
        select year, country_a, country_b, a_reported_turnover_usd, b_reported_turnover_usd, a_flows, b_flows
        from v_trade_turnover order by all
    """).fetchall()
    assert rows == [
        # Azerbaijan: 25 exported + 300 imported; Georgia: 280 exported (re-exports are not turnover)
        (2021, "AZE", "GEO", 325.0, 280.0, "export+import", "export"),
        # Azerbaijan: 1000 exported; Belarus: 2000 exported + 1100 imported
        (2022, "AZE", "BLR", 1000.0, 3100.0, "export", "export+import"),
        (2022, "AZE", "S19", 50.0, None, "export", None),
        (2023, "AZE", "BLR", 170.0, None, "export", None),
    ]


CLAIMS = [
    # document, exporter, importer, product, hs_code, hs_chapter, sentence
    ("d1", "AZE", "BLR", "oil", "2709", "27", 0),
    ("d1", "AZE", "BLR", "cars", "8703", "87", 1),
    ("d1", "BLR", "AZE", "tractors", "8701", "87", 2),
    ("d1", "AZE", "GEO", "wine", "2204", "22", 3),
    ("d1", "AZE", "BLR", "fruit", None, None, 4),
    ("d1", "BLR", "AZE", "fish", "03", "03", 5),
    ("d2", "BRA", "CHN", "iron ore", "2601", "26", 0),
    ("d2", "BRA", "CHN", "soybeans", "1201", "12", 1),
]


def test_claims_against_statistics(db, load) -> None:
    load([V1, FIXTURES / "comtrade" / "soy_br_2022_01.json", FIXTURES / "comtrade" / "soy_br_cn_2023_01.json"])
    db.execute("insert into dim_document (document_key, name, path, format, sha256, size_bytes, published_date, text, "
               "ingested_at) values ('d1', 'aze.txt', 'documents/aze.txt', 'txt', 'x', 1, date '2023-03-01', 't', "
               "now()), ('d2', 'bra.txt', 'documents/bra.txt', 'txt', 'y', 1, date '2023-06-01', 't', now())")
    for doc, exporter, importer, product, hs, chapter, sentence in CLAIMS:
        db.execute("insert into fact_trade_claim (claim_key, document_key, exporter_iso3, importer_iso3, product, "
                   "hs_code, hs_chapter, sentence_index, char_start, char_end, evidence) "
                   "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [f"{doc}-{sentence}-{product}", doc, exporter, importer, product, hs, chapter, sentence, 0, 10,
                    f"{product} sentence"])
    rows = db.execute("""
        select product, chapter, article_year, chapter_usd_article_year, chapter_usd_year_before, status, basis
        from v_trade_claims_vs_statistics order by document_key, sentence_index
    """).fetchall()
    assert rows == [
        # 2022 chapter 27: Azerbaijan reports 600 exported, Belarus 660 imported: the larger, never 1260
        ("oil", "27", 2023, None, 660.0, "supported", "trade recorded in HS chapter 27"),
        # Azerbaijan's 2022 products (27 + 08 + 04 = 1000) add up to its TOTAL: no chapter 87 in it
        ("cars", "87", 2023, None, None, "contradicted",
         "statistics covering every product record no trade in HS chapter 87"),
        ("tractors", "87", 2023, None, 500.0, "supported", "trade recorded in HS chapter 87"),
        ("wine", "22", 2023, None, None, "unknown", "no statistics loaded for AZE to GEO in 2022-2023"),
        ("fruit", None, 2023, None, None, "unknown", "the claim has no HS code"),
        ("fish", "03", 2023, None, None, "contradicted",
         "statistics covering every product record no trade in HS chapter 03"),
        # the soy files cover heading 1201 only: they cannot contradict iron ore
        ("iron ore", "26", 2023, None, None, "unknown",
         "statistics loaded cover only some products, not HS chapter 26"),
        ("soybeans", "12", 2023, 38_917_721_136.0, 31_848_677_682.0, "supported", "trade recorded in HS chapter 12"),
    ]
