"""The Comtrade/BACI numeric country codes mapped to ISO3: the known exceptions first, then ISO numeric.

Comtrade and BACI mostly use ISO 3166 numeric codes, but not everywhere (France 251, USA 842, India
699, ...), and they add totals (World 0), groups (EU 97) and unallocated areas (899 "Areas, nes").
`comtrade_country_codes.csv` lists every code that is not plain ISO numeric, with its kind:

- country / historical / area: maps to an `iso3` present in dim_country; rows load.
- world / aggregate: a total over other partners; rows are left out so nothing is counted twice.
- unallocated: trade the reporter did not assign to a country; rows are left out of the pair tables.

A code in neither the list nor ISO numeric is not guessed: its rows go to quarantine.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

CODE_TABLE = Path(__file__).parent / "comtrade_country_codes.csv"
LOADABLE_KINDS = ["country", "historical", "area"]
CODE_MAP_SCHEMA = {
    "code": pl.Int32,
    "iso3": pl.Utf8,
    "country_key": pl.Int32,
    "name": pl.Utf8,
    "kind": pl.Utf8,
    "origin": pl.Utf8,
}


def read_code_table(path: Path = CODE_TABLE) -> pl.DataFrame:
    """The hand-kept exceptions: code, iso3 (empty for totals), name, kind, note."""
    return pl.read_csv(path, schema_overrides={"code": pl.Int32}, infer_schema_length=0).with_columns(
        pl.col("code").cast(pl.Int32)
    )


def code_map(dim_country: pl.DataFrame, path: Path = CODE_TABLE) -> pl.DataFrame:
    """Every known code -> iso3, country_key, name, kind; the exception table wins over ISO numeric."""
    table = read_code_table(path)
    exceptions = table.join(
        dim_country.select("iso3", "country_key"), on="iso3", how="left"
    ).select(
        "code", "iso3", "country_key", "name", "kind", pl.lit("comtrade_country_codes.csv").alias("origin")
    )
    unknown = exceptions.filter(pl.col("iso3").is_not_null() & pl.col("country_key").is_null())
    if unknown.height:
        raise ValueError(f"comtrade_country_codes.csv names ISO3 codes missing from dim_country: {unknown}")
    iso = dim_country.filter(pl.col("kind") == "country").select(
        pl.col("country_key").alias("code"),
        "iso3",
        "country_key",
        "name",
        "kind",
        pl.lit("ISO 3166 numeric").alias("origin"),
    )
    iso = iso.filter(~pl.col("code").is_in(exceptions["code"].implode()))
    return pl.concat([exceptions, iso]).cast(CODE_MAP_SCHEMA).sort("code")
