"""The fetcher's state as the feed_item table, validated against schemas.feeds.FeedItemRow."""
from __future__ import annotations

from datetime import date, datetime

import polars as pl

from flows.ingest.feeds.state import FeedState
from schemas.feeds import FeedItemRow
from schemas.staging import polars_schema
from schemas.validate import validate_or_quarantine


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _timestamp(value: str | None) -> datetime | None:
    """UTC wall time without zone, as every timestamp in the warehouse."""
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if value else None
    except ValueError:
        return None


def feed_items_frame(state: FeedState) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(feed_item rows, quarantine rows for state entries the model rejects) from a fetcher state."""
    rows = [{"url": url, "feed": item.get("feed"), "status": item.get("status"),
             "document_path": item.get("document_path"), "title": item.get("title"),
             "published_date": _date(item.get("published")), "fetched_at": _timestamp(item.get("fetched_at")),
             "page_sha256": item.get("page_sha256"), "text_sha256": item.get("text_sha256"),
             "same_as": item.get("same_as"), "status_reason": item.get("reason")}
            for url, item in sorted(state.items.items())]
    frame = pl.DataFrame(rows, schema=polars_schema(FeedItemRow))
    return validate_or_quarantine(FeedItemRow, frame, stage="ingest", source=".feeds/state.json",
                                  row_ref_label="item")
