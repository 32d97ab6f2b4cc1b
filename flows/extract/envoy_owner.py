"""Whose envoy a person is, told away from the name (people33): 'Ambassador X presented his credentials ... as the
first resident Ambassador of A to B' (an 'as' phrase after the name) and 'The second A-ian Ambassador who served in
B ... was Ambassador X' (a copula whose subject is the office). The title readers read an office only right before
or after a name, so X was given the nearest country named, often the posting or a later one."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.envoy_sides import OWN_CUES, is_envoy
from flows.extract.people import Person
from flows.lexicon import read_toml

AS_REACH = 160  # characters from the name's end to the owner country of its 'as' office
COPULA_REACH = 160  # characters from the office's owner to the 'was' before the name


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(an 'as' office before 'of' and a country, an 'as' office before a demonym, a posted office right after a
    demonym, 'was' and an optional office right before a name); the offices are titles.toml posted_words."""
    posted = alternation([w for w in read_toml("titles.toml")["posted_words"] if w.isalpha()], "i")
    office = rf"(?:[Hh]igh\s+)?{posted}(?:\s+(?:[Gg]eneral|[Ee]xtraordinary|and|[Pp]lenipotentiary))*"
    as_of = re.compile(rf"\bas\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,3}}?{office}\s+of\s+(?:the\s+)?$")
    as_demonym = re.compile(r"\bas\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?$")
    after_demonym = re.compile(rf"\s+{office}\b")
    was_before = re.compile(rf"\b(?:was|is|became)\s+(?:{office}\s+)?$")
    return as_of, as_demonym, after_demonym, was_before


SUBJECT_START = re.compile(r"^\W*[Tt]he\s+(?:[\w-]+\s+){0,2}$")


def envoy_owners(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]]) -> None:
    """Give a person without a country of their own the country that owns the envoy's office told of them."""
    as_of, as_demonym, after_demonym, was_before = _patterns()
    first = min((start for _, start, _ in persons), default=None)
    for person, start, end in persons:
        if person.country_cue in OWN_CUES and person.country is not None:
            continue
        # an 'as' office is the subject's, the sentence's first person ('X presented his credentials to President Y
        # as the first Ambassador of A': X's, not Y's), unless a name after it is the verb's object ('X welcomed Y as
        # the new Ambassador of A': Y's; review34b)
        found = _as_office(sentence, countries, end, as_of, as_demonym, after_demonym) if start == first else None
        if found and _object_between(sentence, persons, end, found[1]):
            found = None
        owner = found[0] if found else _office_subject(sentence, countries, start, after_demonym, was_before)
        if owner:
            person.country, person.country_cue = owner, "explicit"
        if found:
            _unclaim(persons, end, found[1], owner)


# a name after a preposition, a title or two between ('to President Y'): no object of the subject's verb
AFTER_PREPOSITION = re.compile(r"\b(?:to|with|from|by|on|upon|before|for|at|of)\s+(?:[A-Z][\w.-]*\s+){0,4}$")


def _object_between(sentence: str, persons: list[tuple[Person, int, int]], after: int, before: int) -> bool:
    """Whether a person between the subject and its 'as' office is the verb's object ('welcomed Y as ...'), which
    the office then describes; a name after a preposition ('presented his credentials to President Y as ...') is not."""
    return any(after <= start < before and not AFTER_PREPOSITION.search(sentence, 0, start)
               for _, start, _ in persons)


def _unclaim(persons: list[tuple[Person, int, int]], after: int, before: int, owner: str | None) -> None:
    """The title reader gives the 'as' office to the name right before it ('... to President Y as the first
    Ambassador of A': Y of A); it is the subject's, so a person of no posted office holding that country loses it,
    for the readers after (an envoy's counterpart, the nearest country) to give them theirs."""
    for other, start, _ in persons:
        if after <= start < before and other.country == owner and not is_envoy(other):
            other.country, other.country_cue = None, None


def _as_office(sentence: str, countries: list[CountryMention], end: int, as_of: re.Pattern[str], as_demonym: re.Pattern[str], after_demonym: re.Pattern[str]) -> str | None:
    """'X ... as the first resident Ambassador of A' / '... as the fifth A-ian Ambassador': (A, where A is named)."""
    for country in countries:
        if not 0 <= country.start - end <= AS_REACH:
            continue
        between = sentence[end:country.start]
        if ";" in between:
            return None  # another clause of a list
        if country.kind in ("name", "historic") and as_of.search(between):
            return country.iso3, country.start
        if country.kind == "demonym" and as_demonym.search(between) and after_demonym.match(sentence, country.end):
            return country.iso3, country.start
    return None


def _office_subject(sentence: str, countries: list[CountryMention], start: int, after_demonym: re.Pattern[str],
                    was_before: re.Pattern[str]) -> str | None:
    """'The second A-ian Ambassador who served in B ... was Ambassador X': A, when the office opens the sentence."""
    was = was_before.search(sentence, max(0, start - 40), start)
    if was is None:
        return None
    for country in countries:
        if (country.kind == "demonym" and 0 < was.start() - country.end <= COPULA_REACH
                and SUBJECT_START.match(sentence[:country.start]) and after_demonym.match(sentence, country.end)):
            return country.iso3
    return None
