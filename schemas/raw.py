"""Pandera models for what the ingest stage hands on: documents as plain text with metadata."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

DOCUMENT_FORMATS = ["txt", "md", "html"]
PUBLISHED_SOURCES = ["manifest", "front_matter", "html_meta", "dateline"]


class DocumentRaw(pa.DataFrameModel):
    """One row per source document, its plain text being what every character offset indexes."""

    document_key: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    name: str = pa.Field(str_length={"min_value": 1})
    path: str = pa.Field(unique=True)
    format: str = pa.Field(isin=DOCUMENT_FORMATS)
    sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    size_bytes: int = pa.Field(ge=0)
    encoding: str
    title: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    dateline_place: str = pa.Field(nullable=True)
    published_date: pl.Date = pa.Field(nullable=True)
    published_source: str = pa.Field(nullable=True, isin=PUBLISHED_SOURCES)
    text: str

    class Config:
        strict = True
        coerce = True


SOURCE_KINDS = ["document", "table", "reference"]


class SourceInventory(pa.DataFrameModel):
    """One row per source file found under the sources folder (or listed by its manifest)."""

    path: str
    relpath: str = pa.Field(unique=True)
    kind: str = pa.Field(isin=SOURCE_KINDS)
    format: str
    sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    size_bytes: int = pa.Field(ge=0)
    origin: str = pa.Field(nullable=True)
    licence: str = pa.Field(nullable=True)
    published: str = pa.Field(nullable=True)
    in_manifest: bool

    class Config:
        strict = True
        coerce = True

    @classmethod
    def polars_schema(cls) -> dict[str, pl.DataType]:
        """Column name -> polars dtype, to build an empty or row-wise frame with the right types."""
        return {name: col.dtype.type for name, col in cls.to_schema().columns.items()}
