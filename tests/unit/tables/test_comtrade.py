"""Comtrade API v1 (JSON and CSV, gzipped or not) and legacy CSV: what loads, what is left out and why."""
from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
V1_FILES = [
    FIXTURES / "comtrade" / "aze_blr_v1.json",
    FIXTURES / "comtrade" / "aze_blr_v1.csv",
    FIXTURES / "comtrade_gz" / "aze_blr_v1.json.gz",
    FIXTURES / "comtrade_gz" / "aze_blr_v1.csv.gz",
]
V1_FACTS = [
    # reporter, partner, flow, hs_code, freq, year, month, value_usd, net_weight_kg, product_key
    ("AZE", "BLR", "export", "0401", "A", 2022, None, 100.0, 10.0, 4_000_401),
    ("AZE", "BLR", "export", "08", "A", 2022, None, 300.0, 30.0, 2_000_008),
    ("AZE", "BLR", "export", "27", "A", 2022, None, 600.0, 60.0, 2_000_027),
    ("AZE", "BLR", "export", "2709", "A", 2022, None, 500.0, 50.0, 4_002_709),
    ("AZE", "BLR", "export", "TOTAL", "A", 2022, None, 1000.0, 100.0, 0),
    ("AZE", "BLR", "export", "TOTAL", "M", 2023, 1, 80.0, 8.0, 0),
    ("AZE", "BLR", "export", "TOTAL", "M", 2023, 2, 90.0, 9.0, 0),
    ("AZE", "S19", "export", "TOTAL", "A", 2022, None, 50.0, 5.0, 0),
    ("BLR", "AZE", "export", "84", "A", 2022, None, 1500.0, 150.0, 2_000_084),
    ("BLR", "AZE", "export", "87", "A", 2022, None, 500.0, 50.0, 2_000_087),
    ("BLR", "AZE", "export", "TOTAL", "A", 2022, None, 2000.0, 200.0, 0),
    ("BLR", "AZE", "import", "08", "A", 2022, None, 440.0, 44.0, 2_000_008),
    ("BLR", "AZE", "import", "27", "A", 2022, None, 660.0, 66.0, 2_000_027),
    ("BLR", "AZE", "import", "TOTAL", "A", 2022, None, 1100.0, 110.0, 0),
]
FACT_SQL = """
    select reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd, net_weight_kg, product_key
    from fact_trade order by all
"""


def record_ref(path: Path, n: int) -> str:
    """How the n-th record (1-based) of a fixture is named: a record of JSON, a line of CSV."""
    return f"record {n}" if ".json" in path.name else f"line {n + 1}"


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_v1_loads_every_layout_alike(db, load, path: Path) -> None:
    result = load([path])
    assert db.execute(FACT_SQL).fetchall() == V1_FACTS
    assert (result.rows_in, result.loaded, result.quarantined) == (23, 14, 9)
    assert result.per_source["format"].to_list() == ["comtrade_v1_json" if ".json" in path.name else "comtrade_v1_csv"]


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_v1_quarantine_says_why(load, path: Path) -> None:
    quarantine = load([path]).quarantine
    reasons = dict(zip(quarantine["row_ref"], quarantine["reason"]))
    ref = lambda n: record_ref(path, n)  # noqa: E731
    assert reasons[ref(4)].startswith("a later row of the same file has the same reporter")
    assert reasons[ref(7)].startswith("partner 0 (World) is the total of the partner rows")
    assert reasons[ref(8)] == "breakdown by mode of transport 2100: only the motCode 0 total is kept"
    assert reasons[ref(9)] == "breakdown by second partner 899: only the partner2Code 0 total is kept"
    assert reasons[ref(10)] == "breakdown by customs procedure C01: only the C00 total is kept"
    assert reasons[ref(11)] == "partner code 999 is not in the country code map: not guessed"
    assert reasons[ref(12)].startswith("flow 'DX' is not one of export, import")
    assert reasons[ref(13)] == "reporter 97 (EU-27) is not a country but a group of countries"
    assert reasons[ref(23)].startswith("failed the fact_trade audit: value_usd greater_than_or_equal_to(0)")
    assert set(quarantine["stage"]) == {"ingest"}
    assert quarantine["raw"].null_count() == 0
    assert quarantine.filter(pl.col("row_ref") == ref(11))["raw"].str.contains('"partner_code":"999"').all()


def test_v1_fact_columns(db, load) -> None:
    load([FIXTURES / "comtrade" / "aze_blr_v1.json"])
    row = db.execute("""
        select source, source_file, row_ref, reporter_key, partner_key, hs_revision, period_start, period_end,
               fob_value_usd, cif_value_usd, quantity, quantity_unit, product_rolled_up, is_estimated
        from fact_trade where reporter_iso3 = 'AZE' and hs_code = '27'
    """).fetchall()
    assert row == [("comtrade", "comtrade/aze_blr_v1.json", "record 2", 31, 112, "H6",
                    __import__("datetime").date(2022, 1, 1), __import__("datetime").date(2022, 12, 31),
                    600.0, None, 60.0, "kg", False, False)]
    feb = db.execute("select period_start, period_end from fact_trade where month = 2").fetchall()
    assert [tuple(str(d) for d in r) for r in feb] == [("2023-02-01", "2023-02-28")]
    imports = db.execute("select cif_value_usd, fob_value_usd from fact_trade where flow = 'import' "
                         "and hs_code = 'TOTAL'").fetchall()
    assert imports == [(1100.0, None)]


def test_bare_data_response_and_error_response(load) -> None:
    result = load([FIXTURES / "comtrade" / "bare_data.json", FIXTURES / "comtrade" / "rate_limited.json"])
    assert result.loaded == 3
    errors = result.quarantine.filter(pl.col("row_ref") == "file")
    assert errors["source"].to_list() == ["comtrade/rate_limited.json"]
    assert errors["reason"].to_list() == ["the response holds an error and no data: rate limit exceeded"]


@pytest.mark.parametrize(
    "path", [FIXTURES / "legacy" / "aze_geo_legacy.csv", FIXTURES / "legacy_gz" / "aze_geo_legacy.csv.gz"],
    ids=lambda p: p.name,
)
def test_legacy_csv(db, load, path: Path) -> None:
    result = load([path])
    assert (result.rows_in, result.loaded, result.quarantined) == (6, 5, 1)
    assert result.quarantine["row_ref"].to_list() == ["line 5"]
    assert result.quarantine["reason"].str.starts_with("partner 0 (World)").all()
    facts = db.execute("""
        select row_ref, reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd, net_weight_kg
        from fact_trade order by row_ref
    """).fetchall()
    assert facts == [
        ("line 2", "AZE", "GEO", "import", "TOTAL", "A", 2021, None, 300.0, None),
        ("line 3", "AZE", "GEO", "import", "0401", "A", 2021, None, 120.0, 60.0),
        ("line 4", "AZE", "GEO", "re-export", "TOTAL", "A", 2021, None, 40.0, None),
        ("line 6", "AZE", "GEO", "export", "TOTAL", "M", 2021, 3, 25.0, None),
        ("line 7", "GEO", "AZE", "export", "TOTAL", "A", 2021, None, 280.0, None),
    ]
