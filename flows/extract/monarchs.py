"""Monarchs' countries from the title they hold: 'Emperor X' in a story about Japan and a republic is Japan's, and a
known name the lexicon places in a country without that title does not hold it (titles.toml monarch_titles). Offices
some states never had read the same way: 'President X' in a story of Canada and Mexico is Mexico's
(titles.toml offices_lacking)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.persons import Person
from flows.lexicon import read_toml

# 'Their Imperial Highnesses Princess A and Princess B': the address names an emperor's house for every name after it
IMPERIAL = re.compile(r"\bImperial\s+(?:Highness(?:es)?|Majest(?:y|ies))\s+((?:[A-Z][\w’'.-]*|and|,|\s)*)$")
MODIFIER = re.compile(r"^(?:(?:former|late|then|the|future|reigning|last)\s+)+", re.I)


@lru_cache(maxsize=1)
def _holders() -> dict[str, frozenset[str]]:
    """Lower-case title -> the countries that have (had) a holder; feminine forms read as their title."""
    data = read_toml("titles.toml")
    out = {title.lower(): frozenset(isos) for title, isos in data["monarch_titles"].items()}
    for form, title in data["monarch_title_forms"].items():
        out[form.lower()] = out[title.lower()]
    return out


def title_holders(role: str | None) -> frozenset[str] | None:
    """The countries with the monarchic title a role is ('Emperor', 'former King', 'queen consort'), else None."""
    if not role:
        return None
    plain = MODIFIER.sub("", role.strip()).lower()
    plain = re.sub(r"\s+(?:consort|regent|dowager|mother)$", "", plain)
    return _holders().get(plain)


@lru_cache(maxsize=1)
def _lacking() -> dict[str, frozenset[str]]:
    """Lower-case office -> the countries that never had it."""
    return {office.lower(): frozenset(isos) for office, isos in read_toml("titles.toml")["offices_lacking"].items()}


def office_lacking(role: str | None) -> frozenset[str] | None:
    """The countries that never had the state office a role is ('President', 'then-President', 'Prime Minister'),
    else None (an office every state may have, or one of an organisation: 'President of the Senate')."""
    if not role:
        return None
    return _lacking().get(MODIFIER.sub("", role.strip().replace("-", " ")).lower())


def fits_title(role: str | None, iso3: str) -> bool:
    """Whether a country the lexicon gives a name can be the country of a holder of the person's title: 'Crown
    Prince Hussein' matches an Iraqi minister's family name, but Iraq has no crown prince."""
    holders = title_holders(role)
    lacking = office_lacking(role)
    return (holders is None or iso3 in holders) and (lacking is None or iso3 not in lacking)


def imperial_address(sentence: str, start: int) -> bool:
    """'Their Imperial Highnesses Princess A and Princess B': an imperial form of address heads the name's list."""
    return bool(IMPERIAL.search(sentence[max(0, start - 120):start]))


def monarchs_to_their_side(people: list[Person], pair: tuple[str, str], texts: list[str]) -> None:
    """A monarch (or a royal under an imperial address) whose country the text did not state takes the one side of
    the pair whose crown has that title; a guess outside the title's countries with both sides holding one is undone,
    for the nearest-country guess to make again. A 'President' or 'Prime Minister' guessed into a side that never had
    the office takes the other side when that one has it ('received by President X' in a story of Qatar and a
    republic: the republic's)."""
    emperors = _holders().get("emperor", frozenset())
    for person in people:
        if person.country_cue == "explicit" or not person.mentions:
            continue
        holders = title_holders(person.role)
        first = person.mentions[0]
        if first.sentence < len(texts) and imperial_address(texts[first.sentence], first.start):
            holders = emperors
        if holders is None and person.country is not None and fits_title(person.role, person.country):
            continue  # no monarch, and the office fits the country given ('President Eisenhower' in Canada-Mexico)
        if holders is None:
            holders = _pair_holders(person, pair, people)
        if holders is None or person.country in holders:
            continue  # a guess or a known name that fits the title stands ('King Charles' in a story of two realms)
        sides = [iso for iso in pair if iso in holders]
        if len(sides) == 1:
            person.country, person.country_cue = sides[0], "inferred"
        elif sides and person.country not in holders:
            person.country, person.country_cue = None, None


def _pair_holders(person: Person, pair: tuple[str, str], people: list[Person]) -> frozenset[str] | None:
    """The side of the pair that has had a state office some countries lack, when only one has and no other person
    holds it there by the text's word in the same sentence ('President A held talks with Georgian President B'
    leaves A alone): else None (both sides have it, or neither, and the ordinary guess stands)."""
    lacking = office_lacking(person.role)
    if lacking is None or person.role is None:
        return None
    having = frozenset(iso for iso in pair if iso not in lacking)
    sentence = person.mentions[0].sentence
    held = {p.country for p in people if p is not person and p.country_cue == "explicit" and p.role
            and p.role.casefold() == person.role.casefold() and any(m.sentence == sentence for m in p.mentions)}
    return having if len(having) == 1 and held.isdisjoint(having) else None
