"""The side of a person who deals with a named envoy (people33). An envoy's own title says which side he serves
('Egypt's Ambassador to Bulgaria X', 'the High Commissioner of Singapore'); the official who receives him, addresses
him or holds a farewell in his honour is, in a story about the two countries, the side he is posted to. Without
this, the last resort (person_sides.fill_from_context) gave such an official the nearest country named, which is
the envoy's own, since the envoy's title names it."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.countries import CountryMention, find_countries, other_side
from flows.extract.leaders import INTERNATIONAL_ROLE
from flows.extract.people import Person
from flows.lexicon import read_toml

_WORDS = read_toml("envoy_sides.toml")
FACING = re.compile(r"\b(?:" + "|".join(_WORDS["facing"]) + r")\b", re.I)
ALONGSIDE = re.compile(r"\b(?:" + "|".join(_WORDS["alongside"]) + r")\b", re.I)
HOSTING = re.compile(r"\b(?:" + "|".join(_WORDS["hosting"]) + r")\b", re.I)
REACH: int = _WORDS["reach"]
# cues that come from the person's own title or a leaders' list: only these say which side an envoy serves
OWN_CUES = ("explicit", "lexicon")


@lru_cache(maxsize=1)
def _envoy_words() -> frozenset[str]:
    """Words of an office posted abroad (titles.toml posted_words), and the head of 'High Commissioner'."""
    return frozenset(read_toml("titles.toml")["posted_words"])


def is_envoy(person: Person) -> bool:
    """Whether the person's role is an office posted abroad ('Ambassador to B', 'High Commissioner')."""
    words = _envoy_words()
    return bool(person.role) and any(word.lower().strip(",.") in words for word in person.role.split())


def envoy_counterparts(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]], pair: tuple[str, str] | None) -> None:
    """'Minister X received A's Ambassador to B, Y': X, with no country of his own, serves B. Only when every envoy
    of the sentence whose side is known serves one and the same side of the pair (an envoy of each side says
    nothing); other envoys are left alone (two envoys of one side meeting are colleagues), and so is a sentence that
    names the envoy's side more than once (only the envoy's title may name it)."""
    if pair is None or len(persons) < 2:
        return
    sides = {person.country for person, _, _ in persons
             if is_envoy(person) and person.country_cue in OWN_CUES and person.country in pair}
    if len(sides) != 1:
        return
    if sum(country.iso3 in sides for country in countries) > 1:
        return  # the side named again may be the official's own ('Director of the Ruritanian Fish Council')
    side = other_side(pair, next(iter(sides)))
    # (an envoy posted outside the pair, 'A's Ambassador to C', meets C's officials: he says nothing of theirs)
    envoys = [(start, end) for person, start, end in persons if is_envoy(person) and person.country_cue in OWN_CUES
              and not _posted_outside(person, pair)]
    for person, start, end in persons:
        if person.country is not None or is_envoy(person):
            continue
        if person.role and INTERNATIONAL_ROLE.search(person.role):
            continue  # 'UN Secretary-General X' serves no side
        if any(_facing(sentence, (start, end), envoy) for envoy in envoys):
            person.country, person.country_cue = side, "inferred"


def _posted_outside(envoy: Person, pair: tuple[str, str]) -> bool:
    """Whether the envoy's title names a country outside the pair ('Ambassador to Japan' in a Peru-Chile text)."""
    return any(country.iso3 not in pair for country in find_countries(envoy.role or ""))


def _facing(sentence: str, person: tuple[int, int], envoy: tuple[int, int]) -> bool:
    """Whether the words between the two names say one deals with the other ('received', 'in honour of'; a word of
    hosting only with the official first, the host) and none puts them on one side ('accompanied by', 'and')."""
    official_first = person[1] <= envoy[0]
    between = sentence[person[1]:envoy[0]] if official_first else sentence[envoy[1]:person[0]]
    facing = FACING.search(between) or (official_first and HOSTING.search(between))
    return len(between) <= REACH and bool(facing) and not ALONGSIDE.search(between)
