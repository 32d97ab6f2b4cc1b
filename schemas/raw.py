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
