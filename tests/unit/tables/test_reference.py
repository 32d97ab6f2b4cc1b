"""Reference dimensions from the bundled tables, and the Comtrade/BACI country code map."""
from __future__ import annotations

import polars as pl
import pytest

from flows.ingest.tables import bundled_reference
from flows.ingest.tables.countries import read_code_table


@pytest.fixture(scope="module")
def ref() -> dict[str, pl.DataFrame]:
    return bundled_reference()


def test_dim_country_has_iso_historical_and_comtrade_areas(ref: dict[str, pl.DataFrame]) -> None:
    countries = ref["dim_country"]
    assert countries.height == 249 + 8
    assert countries["country_key"].is_unique().all() and countries["iso3"].is_unique().all()
    by_iso3 = {row["iso3"]: row for row in countries.iter_rows(named=True)}
    assert by_iso3["AZE"]["country_key"] == 31 and by_iso3["BLR"]["m49"] == 112
    assert by_iso3["FRA"]["country_key"] == 250
    assert by_iso3["NAM"]["iso2"] == "NA"  # not read as a missing value
    assert by_iso3["SUN"] == {"country_key": 810, "iso3": "SUN", "iso2": "SU", "m49": 810,
                              "name": "Soviet Union", "is_historical": True, "kind": "historical"}
    assert by_iso3["S19"]["kind"] == "area" and not by_iso3["S19"]["is_historical"]
    assert by_iso3["USA"]["name"] == "United States of America"  # CLDR's "US" is too terse


def test_dim_product_levels_and_parents(ref: dict[str, pl.DataFrame]) -> None:
    products = ref["dim_product"]
    assert products.height == 6940
    assert products.group_by("level").len().sort("level").rows() == [(0, 1), (2, 97), (4, 1229), (6, 5613)]
    row = products.filter(pl.col("hs_code") == "8701").row(0, named=True)
    assert row["product_key"] == 4_008_701 and row["parent"] == "87" and row["chapter"] == "87"
    assert row["section"] == "XVII" and row["section_name"].startswith("Vehicles")
    chapter = products.filter(pl.col("hs_code") == "27").row(0, named=True)
    assert chapter["level"] == 2 and chapter["section"] == "V" and chapter["product_key"] == 2_000_027
    assert products.filter(pl.col("hs_code") == "99")["section"].to_list() == [None]
    assert products.filter(pl.col("hs_code") == "TOTAL")["product_key"].to_list() == [0]
    assert products["product_key"].is_unique().all()


@pytest.mark.parametrize(
    ("code", "iso3", "kind"),
    [(251, "FRA", "country"), (842, "USA", "country"), (699, "IND", "country"), (757, "CHE", "country"),
     (579, "NOR", "country"), (490, "S19", "area"), (810, "SUN", "historical"), (31, "AZE", "country"),
     (250, "FRA", "country"), (0, None, "world"), (97, None, "aggregate"), (899, None, "unallocated")],
)
def test_code_map(ref: dict[str, pl.DataFrame], code: int, iso3: str | None, kind: str) -> None:
    row = ref["country_code_map"].filter(pl.col("code") == code).row(0, named=True)
    assert (row["iso3"], row["kind"]) == (iso3, kind)


def test_code_map_is_unique_and_resolves(ref: dict[str, pl.DataFrame]) -> None:
    codes = ref["country_code_map"]
    assert codes["code"].is_unique().all()
    loadable = codes.filter(pl.col("iso3").is_not_null())
    assert loadable["iso3"].is_in(ref["dim_country"]["iso3"].implode()).all()
    assert codes.filter(pl.col("code") == 999).height == 0  # unknown codes are absent, never guessed


def test_code_table_kinds_are_known() -> None:
    table = read_code_table()
    assert set(table["kind"]) <= {"country", "historical", "area", "world", "aggregate", "unallocated"}
    assert table.filter(pl.col("kind").is_in(["world", "aggregate", "unallocated"]))["iso3"].null_count() == \
        table.filter(pl.col("kind").is_in(["world", "aggregate", "unallocated"])).height
