"""Layout (session 4, r3/r4 cause 8): two sentences glued at a full stop ('Santiago.President Koval') and a country
word glued to the preposition after it ('a visit to Chilein May'), on texts written for these tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.extract.document import extract_document
from flows.extract.sentences import split_sentences
from flows.ingest.documents import read_document
from flows.ingest.documents.layout import separate_glued

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "texts"


@pytest.mark.parametrize(("text", "expected"), [
    ("a visit to Chilein May", "a visit to Chile in May"),
    ("the Norwegianin Lima", "the Norwegian in Lima"),
    ("Omanin 2020 and Indiaand Peru", "Oman in 2020 and India and Peru"),
    # names that end like a preposition, abbreviations, initials and web addresses stay as they are
    ("Benin and Berlin, Turin and Boston", "Benin and Berlin, Turin and Boston"),
    ("They met in Santiago.President Koval spoke.", "They met in Santiago.President Koval spoke."),  # see below
    ("the Chilean president", "the Chilean president"),
])
def test_glued_words_are_parted(text: str, expected: str) -> None:
    assert separate_glued(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the text keeps its bytes (offsets index it); the splitter parts a full stop glued to a capitalised word
    ("They met in Santiago.President Koval spoke on Monday.", ["They met in Santiago.", "President Koval spoke on Monday."]),
    ("St.Petersburg and Mr.Roe came.", ["St.Petersburg and Mr.Roe came."]),  # abbreviations (layout lexicon)
    ("See www.news.Example.org or J.Smith now.", ["See www.news.Example.org or J.Smith now."]),  # address, initial
    ("Read it at example.org/news.Today now.", ["Read it at example.org/news.Today now."]),
    ("Visit the U.S.Embassy now.", ["Visit the U.S.Embassy now."]),
])
def test_a_glued_full_stop_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_glued_text_reads_as_sentences_and_events() -> None:
    document = read_document(TEXTS / "layout_glued_words.txt", TEXTS)
    document.setdefault("document_key", "layout_glued_words")
    sentences = [s.text for s in split_sentences(document["text"])]
    assert sentences[:3] == [
        "The Norwegian Prime Minister landed in Santiago.",
        "President Koval of Chile received her at the palace on Wednesday.",
        "The visit follows a visit to Chile in May 2019 by the Norwegian Foreign Minister.",
    ]
    rows = extract_document(document)["event_mentions"]
    dated = {(r["event_type"], r["event_date"], r["date_precision"]) for r in rows}
    assert ("official_visit", date(2019, 5, 1), "month") in dated  # 'Chilein May 2019' was no country, no date
    assert ("meeting", date(2022, 3, 2), "day") in dated  # the Wednesday before the dateline's Thursday
