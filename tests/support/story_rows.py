"""One made-up story run through the document extractor, its event rows as sorted tuples (type, date, precision,
actor, target): the call the date and event tests share (test_dates_session15, test_event_dates_session22)."""
from __future__ import annotations

from pathlib import Path

from flows.extract.document import extract_document
from flows.ingest.documents import read_document


def story_rows(tmp_path: Path, text: str, published: str | None = None) -> list[tuple]:
    """The event rows of `text` written to tmp_path/story.md, published on `published` (ISO day) when given."""
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(path, tmp_path, {"published": published} if published else None)
    document.setdefault("document_key", "story")
    rows = extract_document(document)["event_mentions"]
    return sorted((r["event_type"], r["event_date"], r["date_precision"], r["actor_iso3"], r["target_iso3"])
                  for r in rows)
