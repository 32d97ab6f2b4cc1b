"""Each layout is told from the file's contents, gzipped or not, whatever its name."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.ingest.tables.detect import detect_format

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
BUNDLED = Path(__file__).resolve().parents[3] / "sources" / "tables"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (FIXTURES / "comtrade" / "aze_blr_v1.json", "comtrade_v1_json"),
        (FIXTURES / "comtrade" / "bare_data.json", "comtrade_v1_json"),
        (FIXTURES / "comtrade_gz" / "aze_blr_v1.json.gz", "comtrade_v1_json"),
        (FIXTURES / "comtrade" / "aze_blr_v1.csv", "comtrade_v1_csv"),
        (FIXTURES / "comtrade_gz" / "aze_blr_v1.csv.gz", "comtrade_v1_csv"),
        (FIXTURES / "legacy" / "aze_geo_legacy.csv", "comtrade_legacy_csv"),
        (FIXTURES / "legacy_gz" / "aze_geo_legacy.csv.gz", "comtrade_legacy_csv"),
        (FIXTURES / "baci" / "BACI_HS17_Y2021_V202401.csv", "baci"),
        (FIXTURES / "baci_gz" / "BACI_HS17_Y2021_V202401.csv.gz", "baci"),
        (FIXTURES / "baci" / "country_codes_V202401.csv", "baci_country_codes"),
        (FIXTURES / "baci" / "product_codes_HS17_V202401.csv", "baci_product_codes"),
        (FIXTURES / "published" / "reported.csv", "published"),
        (FIXTURES / "published" / "reported.csv.gz", "published"),
        (FIXTURES / "unknown" / "notes.csv", None),
        (BUNDLED / "aze_blr_trade_reported.csv", "published"),
        (BUNDLED / "harmonized-system.csv", "hs_list"),
        (BUNDLED / "hs-sections.csv", "hs_sections"),
        (BUNDLED / "country-codes.csv", "country_codes"),
        (FIXTURES / "comtrade" / "soy_br_2022_01.json", "comtrade_v1_json"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_layout_is_detected_from_contents(path: Path, expected: str | None) -> None:
    assert detect_format(path) == expected


def test_name_does_not_matter(tmp_path: Path) -> None:
    # a gzipped BACI file saved without any extension is still BACI
    target = tmp_path / "download"
    shutil.copy(FIXTURES / "baci_gz" / "BACI_HS17_Y2021_V202401.csv.gz", target)
    assert detect_format(target) == "baci"
