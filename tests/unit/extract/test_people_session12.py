"""Session 12's lexicon look-ups of one-word names (flows/extract/leaders.py known_country)."""
from __future__ import annotations

from flows.extract.leaders import known_country


def test_a_one_word_name_must_be_spelt_like_the_holder() -> None:
    """'Konny' folds like 'Kenny' (first letter and consonants) but is not spelt alike: no country from the lexicon."""
    assert known_country("Konny") is None
    assert known_country("Kenny") == "IRL"


def test_a_given_name_alone_is_no_holder_but_a_family_name_first_is() -> None:
    """'Alfred' opens 'Alfred Mutua' and names no one; 'Xi' opens 'Xi Jinping', a family name written first."""
    assert known_country("Alfred") is None
    assert known_country("Xi") == "CHN"
