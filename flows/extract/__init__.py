"""The extract stage: documents (schemas.raw.DocumentRaw) -> staging frames (schemas.staging), and each document's
pair (schemas.staging.DocumentPair, the frame `document_pairs`: what the story's 'two countries' are).

A document the extractor cannot finish is never dropped silently: an exception inside the extractor, a
text over the size budget or an extraction over the time budget becomes one quarantine row (stage
`extract`, the document's file, row_ref `file`) and the batch goes on. The document itself still loads
(its text is in dim_document); only its facts are missing, and the quarantine row says so. A single fact whose
evidence is not the text at its span (an extractor bug) is one quarantine row of its own (row_ref `chars A-B`):
the document's other facts load.
"""
from __future__ import annotations

import logging

import polars as pl

from schemas.quarantine import quarantine_frame
from schemas.staging import DOCUMENT_PAIRS, EXTRACT_MODELS, empty_frame

LOG = logging.getLogger(__name__)
KINDS = ("event_mentions", "person_mentions", "memberships", "trade_claims", "figures")
# News articles run to tens of thousands of characters (the dev set's longest is 5 kB); two million is a
# book. Past it the extractor's cost per document has no use and an upper bound nobody measured.
MAX_EXTRACT_CHARS = 2_000_000
# The dev set extracts at ~10 ms a document; a minute is thousands of times that and still bounds a run.
EXTRACT_SECONDS = 60.0


def _source(doc: dict) -> str:
    return doc.get("path") or doc["document_key"]


def _spans_checked(items: list[dict], text: str) -> tuple[list[dict], list[dict]]:
    """(the rows whose evidence is the document's text at their span, the rows whose evidence is not). Every fact
    is tied back to its sentence by its span; a row that is not would fail the load's audit
    (chk_event_mention_evidence_matches_text) and roll back the whole run, so it is held back here, alone."""
    kept, stray = [], []
    for row in items:
        start, end, evidence = row.get("char_start"), row.get("char_end"), row.get("evidence")
        ok = start is None or end is None or evidence is None or text[start:end] == evidence
        (kept if ok else stray).append(row)
    return kept, stray


def extract_documents(documents: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Every kind of fact from a batch of documents (for callers that only want the facts; the pipeline
    uses extract_batch, which also returns each document's pair and the documents that could not be extracted)."""
    return {kind: frame for kind, frame in extract_batch(documents)[0].items() if kind != DOCUMENT_PAIRS}


def extract_batch(documents: pl.DataFrame, *, max_chars: int = MAX_EXTRACT_CHARS, seconds: float = EXTRACT_SECONDS
                  ) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """(one frame per kind of fact, each matching its staging model, and `document_pairs`, a row per document
    extracted; quarantine rows of the documents whose extraction failed or ran over its budget, one each with the
    reason: such a document has no pair row)."""
    from flows.extract.budget import OverBudget, within_budget
    from flows.extract.document import extract_document

    rows: dict[str, list[dict]] = {k: [] for k in EXTRACT_MODELS}
    rejected: list[dict] = []
    columns = [c for c in ("document_key", "text", "published_date", "path") if c in documents.columns]
    for doc in documents.select(columns).iter_rows(named=True):
        reason = None
        if len(doc["text"]) > max_chars:
            reason = (f"no facts extracted: the text has {len(doc['text']):,} characters, over the extraction "
                      f"budget of {max_chars:,} (the document itself is loaded)")
        else:
            try:
                found = within_budget(lambda: extract_document(doc), seconds)
            except OverBudget:
                reason = (f"no facts extracted: extraction ran over its budget of {seconds:g} s and was stopped "
                          "(the document itself is loaded)")
            except Exception as exc:  # a bug bad input triggers costs this document's facts, said in quarantine
                LOG.debug("extract: document %s failed", doc["document_key"], exc_info=True)
                reason = f"no facts extracted: the extractor failed ({type(exc).__name__}: {exc})"[:500]
        if reason is not None:
            rejected.append({"stage": "extract", "source": _source(doc), "row_ref": "file", "reason": reason,
                             "raw": doc["text"][:200]})
            continue
        for kind, items in found.items():
            kept, stray = _spans_checked(items, doc["text"])
            rows[kind] += kept
            rejected += [{"stage": "extract", "source": _source(doc),
                          "row_ref": f"chars {row['char_start']}-{row['char_end']}",
                          "reason": f"a row of {kind} whose evidence is not the text at its span: "
                                    "not loaded (an extractor bug; the document's other facts are)",
                          "raw": str(row.get("evidence"))[:200]} for row in stray]
    frames = {}
    for kind in (*KINDS, DOCUMENT_PAIRS):
        empty = empty_frame(EXTRACT_MODELS[kind])
        frames[kind] = pl.DataFrame(rows[kind], schema=empty.schema) if rows[kind] else empty
    return frames, quarantine_frame(rejected)
