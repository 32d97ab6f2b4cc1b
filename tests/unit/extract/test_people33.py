"""people33: a person who goes to one side of the pair is the other side's (goer_sides.py), on made-up sentences."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.goer_sides import goers_side
from flows.extract.persons import Person


def _side(sentence: str, name: str, role: str | None = None) -> str | None:
    person = Person(name, role)
    start = sentence.index(name)
    goers_side(sentence, find_countries(sentence), [(person, start, start + len(name))], ("PER", "CHL"))
    return person.country


def test_leader_of_a_delegation_to_a_side_is_the_other_side() -> None:
    sentence = "Before the summit, Ana Lopez, Minister of Mining in July led a delegation of state and private firms to Chile."
    assert _side(sentence, "Ana Lopez", "Minister of Mining") == "PER"


def test_visitor_of_a_side_is_the_other_side() -> None:
    assert _side("In 1818 the sailor Jan Kowal visited Chile aboard the Sea Hawk.", "Jan Kowal") == "PER"


def test_a_reported_visit_is_not_the_speakers() -> None:
    # negative: 'X said the President visited B': X did not go
    assert _side("Minister Jan Kowal said the President visited Chile in June.", "Jan Kowal", "Minister") is None


def test_a_host_who_received_visitors_is_not_a_goer() -> None:
    # negative: 'X received the firms that travelled to B': the verb of going is another's
    assert _side("Jan Kowal received the firms that travelled to Chile.", "Jan Kowal") is None


def test_a_country_of_no_side_gives_nothing() -> None:
    assert _side("Jan Kowal visited France in June.", "Jan Kowal") is None
