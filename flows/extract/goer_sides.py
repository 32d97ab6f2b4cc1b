"""The side of a person who goes to one side of the pair (people33): 'X, Minister of Trade, led a delegation of firms
to B', 'X paid an official visit to B'. With no country word of their own, such a person was given the nearest
country named, which is where they went (or, past a destination's guard, a country from sentences away); one who
goes to B in a story of A and B is A's."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention, other_side
from flows.extract.leaders import INTERNATIONAL_ROLE
from flows.extract.people import Person
from flows.lexicon import read_toml

_WORDS = read_toml("person_goes.toml")
GOING = re.compile(r"\b(?:" + "|".join(_WORDS["going"]) + r")\s+(?:the\s+)?$", re.I)
NOT_THE_GOER = re.compile(r"\b(?:" + "|".join(_WORDS["not_the_goer"]) + r")\b", re.I)
REACH: int = _WORDS["reach"]


def goers_side(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]],
               pair: tuple[str, str] | None) -> None:
    """A person with no country, followed within reach by a verb of going and a country of the pair as its object
    ('visited B', 'led a delegation ... to B'), with no other person, country or reporting word between, is the
    other side's."""
    if pair is None:
        return
    ordered = sorted(persons, key=lambda mention: mention[1])
    for person, start, end in ordered:
        if person.country is not None or (person.role and INTERNATIONAL_ROLE.search(person.role)):
            continue
        for country in countries:
            if country.start < end or country.start - end > REACH or country.iso3 not in pair:
                continue
            if country.kind not in ("name", "capital") or getattr(country, "possessive", False):
                continue
            between = sentence[end:country.start]
            if not GOING.search(between) or NOT_THE_GOER.search(between):
                break
            if any(end <= other_start < country.start for _, other_start, _ in ordered) or any(
                    end <= other.start < country.start for other in countries):
                break
            person.country, person.country_cue = other_side(pair, country.iso3), "inferred"
            break
