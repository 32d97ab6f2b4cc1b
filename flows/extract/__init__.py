"""The extract stage: documents (schemas.raw.DocumentRaw) -> staging frames (schemas.staging)."""
from __future__ import annotations

import logging

import polars as pl

from schemas.staging import STAGING_MODELS, empty_frame

LOG = logging.getLogger(__name__)
KINDS = ("event_mentions", "person_mentions", "memberships", "trade_claims", "figures")


def extract_documents(documents: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Extract every kind of fact from a batch of documents; one frame per kind, each matching its staging model."""
    from flows.extract.document import extract_document

    rows: dict[str, list[dict]] = {k: [] for k in KINDS}
    for doc in documents.select("document_key", "text", "published_date").iter_rows(named=True):
        try:
            found = extract_document(doc)
        except Exception:  # one unreadable text must not lose the batch; the log names it
            LOG.exception("extract: document %s skipped after an error", doc["document_key"])
            continue
        for kind, items in found.items():
            rows[kind] += items
    frames = {}
    for kind in KINDS:
        empty = empty_frame(STAGING_MODELS[kind])
        frames[kind] = pl.DataFrame(rows[kind], schema=empty.schema) if rows[kind] else empty
    return frames
