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


CITED = ("Chile and Norway relations\n\nChile and Norway keep embassies in each other's capitals.\n\n"
         "References\n\n"
         "  1. ^ \"Norwegian minister receives the new Chilean ambassador\". Oslo Courier. 14 May 2019. Archived from "
         "the original on 2 June 2020. Retrieved 3 July 2021.\n"
         "  2. Dahl, K (May 2, 2018). \"Chile's president meets Norway's premier\". The Fjord Post. Retrieved "
         "April 27, 2020.\n")


def test_a_reference_list_entry_tells_no_act() -> None:
    rows = document.extract_document({"document_key": "k", "text": CITED, "published_date": None})
    assert [row for row in rows["event_mentions"] if row["event_type"] == "meeting"] == []


@pytest.mark.parametrize("line", [
    # a story's quote, then the word in running text
    "\"We grieve with them,\" the minister said. Divers retrieved the last bodies on 3 May.",
    # a title in quotes with no note after it
    "The premier's speech, \"Chile and Norway in a new age\", was given on 4 May 2019.",
    # a note before the quote
    "Retrieved 4 May 2019, the letter \"On the northern waters\" was read aloud.",
])
def test_a_quote_in_a_story_is_no_reference_entry(line: str) -> None:
    assert document_links(line) == []


def document_links(text: str) -> list[tuple[int, int]]:
    from flows.extract.page_links import citation_spans
    return citation_spans(text)
