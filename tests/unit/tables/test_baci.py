"""CEPII BACI: thousands of USD and tonnes converted, k kept as text, codes mapped or quarantined."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest.tables.baci import hs_revision

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"


@pytest.mark.parametrize(
    "folder", ["baci", "baci_gz"],
)
def test_baci_values_units_and_codes(db, load, folder: str) -> None:
    result = load(sorted((FIXTURES / folder).iterdir()))
    assert (result.rows_in, result.loaded, result.quarantined) == (5, 4, 1)
    facts = db.execute("""
        select row_ref, reporter_iso3, partner_iso3, flow, hs_code, product_key, product_rolled_up, year,
               value_usd, net_weight_kg, hs_revision, source
        from fact_trade order by row_ref
    """).fetchall()
    assert facts == [
        ("line 2", "AZE", "BLR", "export", "270900", 6_270_900, False, 2021, 100_500.0, 20_250.0, "HS17", "baci"),
        ("line 3", "AZE", "BLR", "export", "010121", 6_010_121, False, 2021, 2_000.0, None, "HS17", "baci"),
        ("line 4", "FRA", "IND", "export", "440710", 2_000_044, True, 2021, 10_000.0, 1_000.0, "HS17", "baci"),
        ("line 6", "USA", "S19", "export", "854231", 6_854_231, False, 2021, 7_000.0, 500.0, "HS17", "baci"),
    ]
    assert result.quarantine.select("row_ref", "reason").rows() == [
        ("line 5", "reporter code 999 is not in the country code map: not guessed")
    ]


def test_companions_are_recognised_but_load_nothing(load) -> None:
    result = load([FIXTURES / "baci" / "country_codes_V202401.csv",
                   FIXTURES / "baci" / "product_codes_HS17_V202401.csv"])
    assert result.per_source.select("format", "rows_in", "loaded").rows() == [
        ("baci_country_codes", 0, 0), ("baci_product_codes", 0, 0)
    ]
    assert result.quarantine.height == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [("BACI_HS17_Y2021_V202401.csv", "HS17"), ("baci_hs92_y1995_v202301.csv.gz", "HS92"), ("trade.csv", None)],
)
def test_hs_revision_from_file_name(name: str, expected: str | None) -> None:
    assert hs_revision(Path(name)) == expected
