"""Pandera models for the star's frames, checked before the load: keys, grain, accepted values."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.staging import EVENT_TYPES, ISO3, PRECISIONS, RESOLUTIONS, STATUSES, PairColumns

KEY16 = r"^[0-9a-f]{16}$"


class _Star(pa.DataFrameModel):
    """Star frames are built by our own code: coerce integer widths rather than fail on them."""

    class Config:
        coerce = True


class DimDocument(PairColumns):
    """With the extractor's pair of the document (PairColumns: both or neither, ordered)."""

    document_key: str = pa.Field(unique=True, str_matches=KEY16)
    name: str
    path: str = pa.Field(unique=True)
    sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    published_date: pl.Date = pa.Field(nullable=True)
    text: str

    class Config:
        coerce = True


class DimPerson(_Star):
    person_key: str = pa.Field(unique=True, str_matches=KEY16)
    name: str = pa.Field(str_length={"min_value": 2})
    normalized_name: str
    country_iso3: str = pa.Field(nullable=True, str_matches=ISO3)
    role: str = pa.Field(nullable=True)


class DimOrganization(_Star):
    organization_key: str = pa.Field(unique=True, str_matches=KEY16)
    acronym: str = pa.Field(nullable=True)
    name: str


class FactEventMention(_Star):
    mention_key: str = pa.Field(unique=True, str_matches=KEY16)
    event_id: str = pa.Field(str_matches=KEY16)
    document_key: str
    event_type: str = pa.Field(isin=EVENT_TYPES)
    event_date: pl.Date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=PRECISIONS)
    date_resolution: str = pa.Field(nullable=True, isin=RESOLUTIONS)
    actor_iso3: str = pa.Field(str_matches=ISO3)
    target_iso3: str = pa.Field(str_matches=ISO3)
    status: str = pa.Field(isin=STATUSES)

    @pa.dataframe_check
    def date_and_precision_together(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("event_date").is_null() == pl.col("date_precision").is_null())

    @pa.dataframe_check
    def two_different_countries(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("actor_iso3") != pl.col("target_iso3"))


class FactEvent(_Star):
    event_id: str = pa.Field(unique=True, str_matches=KEY16)
    event_type: str = pa.Field(isin=EVENT_TYPES)
    n_documents: int = pa.Field(ge=1)
    n_mentions: int = pa.Field(ge=1)


class FactPersonMention(_Star):
    document_key: str
    person_key: str

    class Config:
        coerce = True
        unique = ["document_key", "person_key"]


class FactMembership(_Star):
    document_key: str
    country_iso3: str = pa.Field(str_matches=ISO3)
    organization_key: str

    class Config:
        coerce = True
        unique = ["document_key", "country_iso3", "organization_key"]


class FactTradeClaim(_Star):
    document_key: str
    exporter_iso3: str = pa.Field(str_matches=ISO3)
    importer_iso3: str = pa.Field(str_matches=ISO3)
    hs_chapter: str = pa.Field(nullable=True, str_matches=r"^\d{2}$")

    @pa.dataframe_check
    def two_different_countries(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(pl.col("exporter_iso3") != pl.col("importer_iso3"))


class FactFigure(_Star):
    document_key: str
    value: float
    unit: str

    @pa.dataframe_check
    def period_is_ordered(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select(
            pl.col("period_start").is_null() | pl.col("period_end").is_null()
            | (pl.col("period_start") <= pl.col("period_end"))
        )


WAREHOUSE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "dim_document": DimDocument,
    "dim_person": DimPerson,
    "dim_organization": DimOrganization,
    "fact_event_mention": FactEventMention,
    "fact_event": FactEvent,
    "fact_person_mention": FactPersonMention,
    "fact_membership": FactMembership,
    "fact_trade_claim": FactTradeClaim,
    "fact_figure": FactFigure,
}
