"""Monarchs' countries from the title they hold: 'Emperor X' in a story about Japan and a republic is Japan's, and a
known name the lexicon places in a country without that title does not hold it (titles.toml monarch_titles)."""
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


def fits_title(role: str | None, iso3: str) -> bool:
    """Whether a country the lexicon gives a name can be the country of a holder of the person's title: 'Crown
    Prince Hussein' matches an Iraqi minister's family name, but Iraq has no crown prince."""
    holders = title_holders(role)
    return holders is None or iso3 in holders


def imperial_address(sentence: str, start: int) -> bool:
    """'Their Imperial Highnesses Princess A and Princess B': an imperial form of address heads the name's list."""
    return bool(IMPERIAL.search(sentence[max(0, start - 120):start]))


def monarchs_to_their_side(people: list[Person], pair: tuple[str, str], texts: list[str]) -> None:
    """A monarch (or a royal under an imperial address) whose country the text did not state takes the one side of
    the pair whose crown has that title; a guess outside the title's countries with both sides holding one is undone,
    for the nearest-country guess to make again."""
    emperors = _holders().get("emperor", frozenset())
    for person in people:
        if person.country_cue == "explicit" or not person.mentions:
            continue
        holders = title_holders(person.role)
        first = person.mentions[0]
        if first.sentence < len(texts) and imperial_address(texts[first.sentence], first.start):
            holders = emperors
        if holders is None or person.country in holders:
            continue  # a guess or a known name that fits the title stands ('King Charles' in a story of two realms)
        sides = [iso for iso in pair if iso in holders]
        if len(sides) == 1:
            person.country, person.country_cue = sides[0], "inferred"
        elif sides and person.country not in holders:
            person.country, person.country_cue = None, None
