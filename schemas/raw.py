"""Pandera models for what the ingest stage hands on: documents as plain text with metadata."""
from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pandera.polars as pa
from pandera.api.polars.types import PolarsData

DOCUMENT_FORMATS = ["txt", "md", "html"]
PUBLISHED_SOURCES = ["manifest", "front_matter", "html_meta", "dateline", "url"]


class _SourceFile(pa.DataFrameModel):
    """What the inventory and the documents read from it both hold of a source file: its content's hash and size
    (a later run reads again only the files whose hash changed). Both are strict and coerce their types."""

    sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})  # hex digest of the file's bytes
    size_bytes: int = pa.Field(ge=0)

    class Config:
        strict = True
        coerce = True


class DocumentRaw(_SourceFile):
    """One row per source document, its plain text being what every character offset indexes."""

    document_key: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    name: str = pa.Field(str_length={"min_value": 1})
    path: str = pa.Field(unique=True)
    format: str = pa.Field(isin=DOCUMENT_FORMATS)
    encoding: str
    title: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    dateline_place: str = pa.Field(nullable=True)
    published_date: pl.Date = pa.Field(nullable=True)
    published_source: str = pa.Field(nullable=True, isin=PUBLISHED_SOURCES)
    text: str

    @pa.check("published_date", name="not_in_the_future")
    def not_in_the_future(cls, data: PolarsData) -> pl.LazyFrame:  # noqa: N805 (pandera passes the class)
        """A publication date after tomorrow (any time zone's today) is wrong metadata, not news."""
        latest = date.today() + timedelta(days=1)
        return data.lazyframe.select(pl.col(data.key).is_null() | (pl.col(data.key) <= latest))


SOURCE_KINDS = ["document", "table", "reference"]


class SourceInventory(_SourceFile):
    """One row per source file found under the sources folder (or listed by its manifest)."""

    path: str
    relpath: str = pa.Field(unique=True)
    kind: str = pa.Field(isin=SOURCE_KINDS)
    format: str
    mtime_ns: int
    origin: str = pa.Field(nullable=True)
    licence: str = pa.Field(nullable=True)
    published: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)  # the address the manifest says the document was saved from
    in_manifest: bool

