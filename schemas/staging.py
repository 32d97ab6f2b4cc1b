"""Pandera models for what the extract stage hands on: one frame per kind of fact found in text, and each
document's pair (DocumentPair).

Every fact is tied to its sentence: `char_start`/`char_end` are offsets into the document's plain
text (`DocumentRaw.text`), so that `text[char_start:char_end] == evidence`.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

import polars as pl
import pandera.polars as pa

REGISTRY = Path(__file__).resolve().parents[1] / "flows" / "lexicon" / "event_types.csv"


def registry_codes() -> list[str]:
    """Event-type codes of the registry (flows/lexicon/event_types.csv, plus DYAD_LEXICON_EXTRA's rows), read by path:
    schemas import no flows code."""
    extra = os.environ.get("DYAD_LEXICON_EXTRA")
    paths = [REGISTRY] + ([Path(extra) / "event_types.csv"] if extra else [])
    codes: dict[str, None] = {}
    for path in paths:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                codes.update((row["code"], None) for row in csv.DictReader(handle))
    return list(codes)


EVENT_TYPES = registry_codes()
PRECISIONS = ["day", "month", "year"]
RESOLUTIONS = ["explicit", "relative", "anaphora", "publication"]
STATUSES = ["occurred", "planned"]
ISO3 = r"^[A-Z]{3}$"


class Evidence(pa.DataFrameModel):
    """The columns every extracted fact carries: where in which document it was read."""

    document_key: str
    sentence_index: int = pa.Field(ge=0)
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=0)
    evidence: str = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check
    def span_is_ordered(cls, data) -> pl.LazyFrame:  # noqa: N805 (pandera passes the class)
        return data.lazyframe.select(pl.col("char_end") > pl.col("char_start"))


class EventMention(Evidence):
    event_type: str = pa.Field(isin=EVENT_TYPES)
    actor_iso3: str = pa.Field(str_matches=ISO3)
    target_iso3: str = pa.Field(str_matches=ISO3)
    event_date: pl.Date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=PRECISIONS)
    date_text: str = pa.Field(nullable=True)
    date_resolution: str = pa.Field(nullable=True, isin=RESOLUTIONS)
    date_anchor: str = pa.Field(nullable=True)
    status: str = pa.Field(isin=STATUSES)
    symmetric: bool
    trigger: str
    summary: str = pa.Field(nullable=True)
    participants: pl.List(pl.Utf8) = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class PersonMention(Evidence):
    name: str = pa.Field(str_length={"min_value": 2})
    normalized_name: str
    role: str = pa.Field(nullable=True)
    country_iso3: str = pa.Field(nullable=True, str_matches=ISO3)

    class Config:
        strict = True
        coerce = True


class Membership(Evidence):
    country_iso3: str = pa.Field(str_matches=ISO3)
    organization: str = pa.Field(str_length={"min_value": 2})
    organization_name: str = pa.Field(nullable=True)
    acronym: str = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class TradeClaim(Evidence):
    exporter_iso3: str = pa.Field(str_matches=ISO3)
    importer_iso3: str = pa.Field(str_matches=ISO3)
    product: str = pa.Field(str_length={"min_value": 2})
    hs_code: str = pa.Field(nullable=True, str_matches=r"^\d{2}(\d{2}(\d{2})?)?$")

    class Config:
        strict = True
        coerce = True


class Figure(Evidence):
    measure: str
    value: float
    unit: str
    qualifier: str = pa.Field(nullable=True)
    period_start: pl.Date = pa.Field(nullable=True)
    period_end: pl.Date = pa.Field(nullable=True)
    exporter_iso3: str = pa.Field(nullable=True, str_matches=ISO3)
    importer_iso3: str = pa.Field(nullable=True, str_matches=ISO3)

    class Config:
        strict = True
        coerce = True


class PairColumns(pa.DataFrameModel):
    """A document's own pair as the extractor reads it (flows/extract/document_pair.py: what 'the two countries' of
    the story are); both null when the text names fewer than two states. Ordered (pair_a before pair_b), so that it
    compares with an event's pair whatever the order of its sides. dim_document keeps it (schemas.warehouse)."""

    pair_a: str = pa.Field(nullable=True, str_matches=ISO3)
    pair_b: str = pa.Field(nullable=True, str_matches=ISO3)

    @pa.dataframe_check
    def pair_both_or_neither(cls, data) -> pl.LazyFrame:  # noqa: N805 (pandera passes the class)
        return data.lazyframe.select(pl.col("pair_a").is_null() == pl.col("pair_b").is_null())

    @pa.dataframe_check
    def pair_is_ordered(cls, data) -> pl.LazyFrame:  # noqa: N805
        return data.lazyframe.select((pl.col("pair_a") < pl.col("pair_b")).fill_null(True))


class DocumentPair(PairColumns):
    """One row per document the extractor read: its pair (PairColumns)."""

    document_key: str = pa.Field(unique=True)

    class Config:
        strict = True
        coerce = True


STAGING_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "event_mentions": EventMention,
    "person_mentions": PersonMention,
    "memberships": Membership,
    "trade_claims": TradeClaim,
    "figures": Figure,
}
# What the extract stage hands on beside the facts: each document's pair (not staged in a table of its own: it
# travels with the document into dim_document.pair_a/pair_b).
DOCUMENT_PAIRS = "document_pairs"
EXTRACT_MODELS: dict[str, type[pa.DataFrameModel]] = {**STAGING_MODELS, DOCUMENT_PAIRS: DocumentPair}


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    """Column name -> polars dtype of a model, to build a frame with exactly its columns and types."""
    return {name: col.dtype.type for name, col in model.to_schema().columns.items()}


def empty_frame(model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """An empty frame with exactly the model's columns and dtypes (for a batch that found nothing)."""
    return pl.DataFrame(schema=polars_schema(model))
