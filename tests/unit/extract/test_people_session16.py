"""Session 16's people rules (texts of our own): a country named inside a quotation is not the speaker's side, and a
two-word name closing a list of places that a place word opens is one more place, not a person. The one-text cases
are in tests/unit/extract/cases/people_session16.toml (run by test_extract_cases.py)."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import people_of

HEAD = ("Lima, 4 March 2024\n\nPeru and Canada trade\n\nTrade between Peru and Canada grew fast in 2023, Peru's "
        "customs office said.\n\n")

PLACE_LISTS = [
    "Canada has consulates in Lima, Arequipa and Villa Maria Barreto.",
    "Busts of the poet stand in Peruvian towns like Cusco, Trujillo, and Santa Rosa Mendoza.",
    "Peru opened honorary consulates in Toronto, Vancouver and Juan Carlos Ibarra in 2010.",
]


@pytest.mark.parametrize("sentence", PLACE_LISTS)
def test_the_last_item_of_a_list_of_places_is_no_person(extract, sentence: str) -> None:
    """'in A, B and C D': C D closes a list of places with a comma, so the entity recogniser's PERSON is a place."""
    assert {row[0] for row in people_of(extract(HEAD + sentence))} == set()


def test_a_list_with_no_place_word_keeps_its_people(extract) -> None:
    """'toured A, B and C with X': X follows 'with', no list item; a person still."""
    text = HEAD + "The envoy toured Arequipa, Trujillo and Puno with Juan Carlos Ibarra in 2010."
    assert "Juan Carlos Ibarra" in {row[0] for row in people_of(extract(text))}
