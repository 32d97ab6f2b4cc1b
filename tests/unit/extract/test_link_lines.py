"""A page's link lines ('Read also: ...', other stories' headlines) are not read for acts at all: no event of theirs
is kept, and the event reader never sees them, so nothing they tell is remembered for the sentences after them."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import document

TEXT = ("Norway and Chile sign fisheries accord\n\n"
        "OSLO, June 12 (Wire) - Norway and Chile expect more salmon trade this year.\n\n"
        # a headline long enough to be read as a cut paragraph (no closing stop: a link, not the story's sentence)
        "Read also: Norway's prime minister visited Chile on 3 May 2019 to open talks on salmon, copper and new air "
        "links\n\n"
        "During the visit, the two sides signed an agreement on air links.\n")


def test_a_link_line_is_not_read_for_acts(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = document.find_events

    def recording(sentence: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the reader's own signature
        seen.append(sentence)
        return real(sentence, *args, **kwargs)

    monkeypatch.setattr(document, "find_events", recording)
    rows = document.extract_document({"document_key": "k", "text": TEXT, "published_date": date(2024, 6, 12)})
    assert not any(s.startswith("Read also") for s in seen)
    assert any(s.startswith("During the visit") for s in seen)
    events = [(r["event_type"], r["event_date"]) for r in rows["event_mentions"]]
    assert ("official_visit", date(2019, 5, 3)) not in events
    assert [kind for kind, _ in events] == ["agreement_signed"]
