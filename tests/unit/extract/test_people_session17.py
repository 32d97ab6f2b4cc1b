"""Session 17's people rules (texts of our own): runs the entity recogniser reads as people that the words around
them show are places or bodies (person_places.py). The one-text cases are in
tests/unit/extract/cases/people_session17.toml (run by test_extract_cases.py)."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.names import tokenize
from flows.extract.person_places import names_a_place_or_body


def _run(sentence: str, run: str) -> bool:
    toks = tokenize(sentence, find_countries(sentence))
    words = run.split()
    a = next(k for k in range(len(toks)) if [t.text for t in toks[k:k + len(words)]] == words)
    return names_a_place_or_body(toks, a, a + len(words))


PLACES = [
    # a place or group noun after the run, or after the list of runs it opens
    ("The fund pays for two schools in the Rio Seco and Alto Verde provinces.", "Rio Seco"),
    ("The fund pays for two schools in the Rio Seco and Alto Verde provinces.", "Alto Verde"),
    ("The talks ended a long war with Red Hill rebels in the south.", "Red Hill"),
    # a body's head word inside the run
    ("The envoy met the Lake Town Chamber of Commerce President Jon Roe.", "Town Chamber"),
    # a country's part by name (pycountry), told as a country's part or as one item of a list of parts
    ("Farms in Vietnam's Ben Tre and Dong Thap grow rice.", "Ben Tre"),
    ("Farms in Vietnam's Ben Tre and Dong Thap grow rice.", "Dong Thap"),
    # a name given to a thing in the passive
    ("The first hotel of the city was then called Rio Verde.", "Rio Verde"),
    ("The new port is known as Alto Sol.", "Alto Sol"),
    # an office in lower case right after the run: the run is the body it heads
    ("Jon Roe took over as Green Union leader in May.", "Green Union"),
    # an acronym closing the run: a body or a zone
    ("Work on the Rio Verde SEZ began in 2015.", "Rio Verde SEZ"),
]

PEOPLE = [
    ("The treaty was signed by Jon Roe and Ana Lima in 2010.", "Jon Roe"),
    ("Ana Lima, the governor of the province, spoke.", "Ana Lima"),
    # a part's name standing alone as a subject stays a person (some parts are named after one)
    ("Ho Chi Minh read the declaration in 1945.", "Ho Chi Minh"),
    ("The minister called Jon Roe on Monday.", "Jon Roe"),
    ("Jon Roe took over as Green Union leader in May.", "Jon Roe"),
    ("The treaty was signed by Jon Roe III in 1850.", "Jon Roe III"),
]


@pytest.mark.parametrize(("sentence", "run"), PLACES)
def test_a_run_the_words_around_show_is_a_place_or_body(sentence: str, run: str) -> None:
    assert _run(sentence, run)


@pytest.mark.parametrize(("sentence", "run"), PEOPLE)
def test_a_person_keeps_their_name(sentence: str, run: str) -> None:
    assert not _run(sentence, run)
