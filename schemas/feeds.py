"""Pandera model for what the feed fetcher hands the load: one row per feed item it has decided on."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

ITEM_STATUSES = ["written", "duplicate", "filtered", "disallowed", "failed"]


class FeedItemRow(pa.DataFrameModel):
    """One row per feed item URL: what became of it and, when written, the document it became."""

    url: str = pa.Field(unique=True, str_startswith="http")
    feed: str = pa.Field(str_length={"min_value": 1})
    status: str = pa.Field(isin=ITEM_STATUSES)
    document_path: str = pa.Field(nullable=True)  # documents/<feed>/<file>.md, relative to the sources folder
    title: str = pa.Field(nullable=True)
    published_date: pl.Date = pa.Field(nullable=True)
    fetched_at: pl.Datetime = pa.Field(nullable=True)
    page_sha256: str = pa.Field(nullable=True, str_length={"min_value": 64, "max_value": 64})
    text_sha256: str = pa.Field(nullable=True, str_length={"min_value": 64, "max_value": 64})
    same_as: str = pa.Field(nullable=True)  # for a duplicate: the URL whose document has the same text
    status_reason: str = pa.Field(nullable=True)  # why not written (filtered, disallowed, failed)

    class Config:
        strict = True
        coerce = True
