"""Dimension frames from the bundled reference tables: countries (ISO 3166) and HS 2022 products."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.ingest.tables.countries import code_map

HERE = Path(__file__).parent
EXTRA_COUNTRIES = HERE / "extra_countries.csv"

DIM_COUNTRY_SCHEMA = {
    "country_key": pl.Int32,
    "iso3": pl.Utf8,
    "iso2": pl.Utf8,
    "m49": pl.Int32,
    "name": pl.Utf8,
    "is_historical": pl.Boolean,
    "kind": pl.Utf8,
}
DIM_PRODUCT_SCHEMA = {
    "product_key": pl.Int32,
    "hs_code": pl.Utf8,
    "level": pl.Int8,
    "description": pl.Utf8,
    "parent": pl.Utf8,
    "section": pl.Utf8,
    "section_name": pl.Utf8,
    "chapter": pl.Utf8,
}
TOTAL = "TOTAL"


def read_countries(path: Path) -> pl.DataFrame:
    """dim_country from country-codes.csv plus the historical states and Comtrade areas it lacks."""
    # infer_schema_length=0 keeps every column text: Namibia's iso2 is "NA", codes are not zero padded.
    raw = pl.read_csv(path, infer_schema_length=0)
    cldr, official = pl.col("CLDR display name"), pl.col("official_name_en")
    iso = raw.select(
        pl.col("ISO3166-1-numeric").cast(pl.Int32).alias("country_key"),
        pl.col("ISO3166-1-Alpha-3").alias("iso3"),
        pl.col("ISO3166-1-Alpha-2").alias("iso2"),
        pl.col("M49").cast(pl.Int32).alias("m49"),
        # CLDR names are the short everyday ones, but a few are bare abbreviations ("US", "UK").
        pl.when(cldr.str.len_chars() > 3).then(cldr).otherwise(official).alias("name"),
        pl.lit(False).alias("is_historical"),
        pl.lit("country").alias("kind"),
    )
    extra = pl.read_csv(EXTRA_COUNTRIES, infer_schema_length=0).select(
        pl.col("country_key").cast(pl.Int32),
        "iso3",
        "iso2",
        pl.col("country_key").cast(pl.Int32).alias("m49"),
        "name",
        (pl.col("kind") == "historical").alias("is_historical"),
        "kind",
    )
    return pl.concat([iso, extra.filter(~pl.col("iso3").is_in(iso["iso3"].implode()))]).cast(
        DIM_COUNTRY_SCHEMA
    ).sort("country_key")


def product_key(code: pl.Expr, level: pl.Expr) -> pl.Expr:
    """Deterministic product key: the level then the code's digits (chapter 01 -> 2000001), TOTAL -> 0."""
    digits = code.str.replace_all(r"\D", "").cast(pl.Int64, strict=False)
    return pl.when(code == TOTAL).then(0).otherwise(level.cast(pl.Int64) * 1_000_000 + digits).cast(pl.Int32)


def read_products(hs_path: Path, sections_path: Path) -> pl.DataFrame:
    """dim_product from the HS 2022 list: the grand total, chapters, headings and subheadings."""
    hs = pl.read_csv(hs_path, infer_schema_length=0)
    sections = pl.read_csv(sections_path, infer_schema_length=0, encoding="utf8-lossy").rename(
        lambda c: c.lstrip("\ufeff")
    )
    is_total = pl.col("hscode") == TOTAL
    level = pl.when(is_total).then(0).otherwise(pl.col("level").cast(pl.Int8))
    frame = hs.with_columns(level.alias("level_n")).join(
        sections.rename({"name": "section_name"}), on="section", how="left"
    )
    return frame.select(
        product_key(pl.col("hscode"), pl.col("level_n")).alias("product_key"),
        pl.col("hscode").alias("hs_code"),
        pl.col("level_n").alias("level"),
        "description",
        # the file's chapters point at TOTAL; a chapter has no parent heading, the grand total none at all
        pl.when(is_total).then(None).otherwise(pl.col("parent")).alias("parent"),
        # chapter 99 ("not specified according to kind") belongs to no section; the file writes TOTAL there
        pl.when(pl.col("section") == TOTAL).then(None).otherwise(pl.col("section")).alias("section"),
        "section_name",
        pl.when(is_total).then(None).otherwise(pl.col("hscode").str.slice(0, 2)).alias("chapter"),
    ).cast(DIM_PRODUCT_SCHEMA).sort("product_key")


def read_code_map(countries: pl.DataFrame) -> pl.DataFrame:
    """country_code_map: every Comtrade/BACI numeric code and what it stands for (see countries.py)."""
    return code_map(countries)
