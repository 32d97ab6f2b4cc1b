"""Pandera models for trade statistics: a staged batch of raw rows, a fact_trade row, a published figure.

`TradeStaged` is the one shape every layout (Comtrade API v1 JSON/CSV, Comtrade legacy CSV, BACI)
is judged into. `FactTrade` is the audit a row passes before it is published in `fact_trade`: its
failures become quarantine rows. `TradeReported` is one figure of the published-figures table.
"""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

ISO3 = r"^[A-Z][A-Z0-9]{2}$"  # ISO 3166 alpha-3, plus Comtrade's own areas such as S19
HS_CODE = r"^(TOTAL|\d{2}|\d{4}|\d{6})$"
FLOWS = ["export", "import", "re-export", "re-import"]
SOURCES = ["comtrade", "baci"]
FREQS = ["A", "M"]
TRADE_FORMATS = ["comtrade_v1_json", "comtrade_v1_csv", "comtrade_legacy_csv", "baci"]


class TradeStaged(pa.DataFrameModel):
    """A batch of raw rows after the layout's SQL and stage_trade.sql: typed, mapped, each with its reason.

    Every layout (Comtrade API v1 JSON/CSV, Comtrade legacy CSV, BACI) arrives in this one shape;
    a row loads when `reason` is null. Checked on every batch before anything is published.
    """

    rn: pl.UInt32  # the record's position in its file
    reporter_key: pl.Int32 = pa.Field(nullable=True)
    reporter_iso3: str = pa.Field(nullable=True)
    partner_key: pl.Int32 = pa.Field(nullable=True)
    partner_iso3: str = pa.Field(nullable=True)
    flow: str = pa.Field(nullable=True, isin=FLOWS)
    product_key: pl.Int32 = pa.Field(nullable=True)
    hs_code: str = pa.Field(nullable=True)
    product_rolled_up: bool = pa.Field(nullable=True)
    hs_revision: str = pa.Field(nullable=True)
    freq: str = pa.Field(nullable=True)
    year: pl.Int32 = pa.Field(nullable=True)
    month: pl.Int32 = pa.Field(nullable=True)
    period_start: pl.Date = pa.Field(nullable=True)
    period_end: pl.Date = pa.Field(nullable=True)
    value_usd: float = pa.Field(nullable=True)
    cif_value_usd: float = pa.Field(nullable=True)
    fob_value_usd: float = pa.Field(nullable=True)
    net_weight_kg: float = pa.Field(nullable=True)
    quantity: float = pa.Field(nullable=True)
    quantity_unit: str = pa.Field(nullable=True)
    is_estimated: bool
    reason: str = pa.Field(nullable=True)
    key_hash: pl.UInt64
    raw: str = pa.Field(nullable=True)

    @pa.dataframe_check
    def rejected_rows_keep_their_content(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("reason").is_null() | pl.col("raw").is_not_null())

    class Config:
        strict = True
        coerce = False


# More than all the world's goods trade in a year (about 2.5e13 USD): a figure above it is a unit or typing error.
MAX_TRADE_USD = 1e13

class FactTrade(pa.DataFrameModel):
    """One fact_trade row: reporter, partner, flow, product, period and source, values in USD and kg."""

    source: str = pa.Field(isin=SOURCES)
    reporter_iso3: str = pa.Field(str_matches=ISO3)
    partner_iso3: str = pa.Field(str_matches=ISO3)
    flow: str = pa.Field(isin=FLOWS)
    hs_code: str = pa.Field(str_matches=HS_CODE)
    product_key: int = pa.Field(ge=0)
    freq: str = pa.Field(isin=FREQS)
    year: int = pa.Field(in_range={"min_value": 1950, "max_value": 2100})
    month: int = pa.Field(nullable=True, in_range={"min_value": 1, "max_value": 12})
    value_usd: float = pa.Field(ge=0, le=MAX_TRADE_USD)
    net_weight_kg: float = pa.Field(nullable=True, ge=0)
    quantity: float = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check
    def reporter_is_not_partner(cls, data) -> pl.LazyFrame:  # noqa: N805 (pandera passes the class)
        return data.lazyframe.select(pl.col("reporter_iso3") != pl.col("partner_iso3"))

    @pa.dataframe_check
    def month_only_in_monthly_rows(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select((pl.col("freq") == "M") == pl.col("month").is_not_null())

    class Config:
        strict = "filter"  # the audit looks at the columns it knows; fact_trade has more
        coerce = False


MEASURES = ["turnover", "exports", "imports"]
QUALIFIERS = ["exact", "approx", "more_than", "less_than"]


class TradeReported(pa.DataFrameModel):
    """One trade figure as an official or a news agency published it (fact_trade_reported)."""

    period_start: pl.Date
    period_end: pl.Date
    measure: str = pa.Field(isin=MEASURES)
    exporter_iso3: str = pa.Field(str_matches=ISO3)
    importer_iso3: str = pa.Field(str_matches=ISO3)
    value_usd: float = pa.Field(ge=0, le=MAX_TRADE_USD)
    qualifier: str = pa.Field(nullable=True, isin=QUALIFIERS)
    reported_by: str = pa.Field(nullable=True, str_matches=ISO3)
    speaker: str = pa.Field(nullable=True)
    source_url: str = pa.Field(nullable=True)
    note: str = pa.Field(nullable=True)
    source: str
    row_ref: str

    @pa.dataframe_check
    def period_is_ordered(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("period_end") >= pl.col("period_start"))

    @pa.dataframe_check
    def pair_is_two_countries(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("exporter_iso3") != pl.col("importer_iso3"))

    class Config:
        strict = True
        coerce = True
