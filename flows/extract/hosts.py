"""Hosts and guests: 'President A received B', 'B was warmly welcomed by A'. A host and a guest serve two sides of
the pair, so one whose country the text states gives the other, who has none stated, the other side.

Why its own reading: the nearest-country guess takes the guest's demonym for the host ('President A received B as
Ruritanian Minister to Borduria' puts A in Ruritania), and an event's sides reach a host only when the sentence
holds a visit."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import other_side
from flows.extract.leaders import INTERNATIONAL_ROLE
from flows.extract.person_lists import KNOWN_CUES
from flows.extract.persons import Person
from flows.extract.spouses import couples
from flows.lexicon import read_toml



@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(active, passive): the text between host and guest ('A received B'), between guest and host ('B was received
    by A'); a few words of a title may stand before the second name."""
    data = read_toml("titles.toml")["hosting"]
    verbs, manners = alternation(data["verbs"]), alternation(data["manners"])
    title = r"(?:the\s+|his\s+|her\s+|visiting\s+)*(?:[\w’'.-]+,?\s+){0,5}"  # with forms of address ('H.E. Mr.')
    office = r"(?:,\s+(?:[\w’'-]+\s+){0,7}[\w’'-]+,)?"  # the host's office between commas ('A, Deputy Secretary, received B')
    # 'A held a video conference with B', 'A met with B': a meeting's two parties are two sides as well
    meets = alternation(data["meeting_verbs"]) + r"|held\s+(?:[\w-]+\s+){0,2}" + alternation(data["meeting_nouns"]) + r"\s+with"
    active = re.compile(rf"{office}\s+(?:{manners}\s+)?(?:{verbs}|{meets})\s+{title}$")
    passive = re.compile(rf"\s+(?:was|were|had\s+been|has\s+been|is|being)\s+(?:{manners}\s+)?{verbs}\s+"
                         rf"(?:{manners}\s+)?by\s+{title}$")
    return active, passive


@lru_cache(maxsize=1)
def _stems() -> tuple[str, ...]:
    """What either pattern needs written in the sentence (both are case-sensitive): a hosting verb without its '-ed'
    ('receiv', 'host'), a meeting verb's first word ('met', 'talked', 'conferred') or 'held' ('held talks with'). A
    sentence holding none has no host. (The gate used to hold ' with ', which nearly every sentence has.)"""
    data = read_toml("titles.toml")["hosting"]
    return tuple(dict.fromkeys([verb[:-2] for verb in data["verbs"]]
                               + [verb.split()[0] for verb in data["meeting_verbs"]] + ["held"]))


def host_and_guest(sentence: str, persons: list[tuple[Person, int, int]], pair: tuple[str, str] | None) -> None:
    """'President A received B' / 'B was received by A': when one of the two has a stated country of the pair and
    the other none stated (or only a guess that is the same side), the other serves the pair's other side. A spouse
    named after the holder ('B and First Lady C') then takes the holder's side."""
    _hosts(sentence, persons, pair)
    couples(sentence, persons)


def _hosts(sentence: str, persons: list[tuple[Person, int, int]], pair: tuple[str, str] | None) -> None:
    if pair is None or len(persons) < 2 or not any(stem in sentence for stem in _stems()):
        return  # no hosting verb in the sentence: the patterns below need one (speed)
    active, passive = _patterns()
    ordered = sorted(persons, key=lambda mention: mention[1])
    for (first, _, first_end), (second, second_start, _) in zip(ordered, ordered[1:]):
        if first is second or second_start <= first_end:
            continue
        between = sentence[first_end:second_start]
        if active.fullmatch(between) or passive.fullmatch(between):
            _other_side_of(first, second, pair)
            _other_side_of(second, first, pair)


def _other_side_of(person: Person, known: Person, pair: tuple[str, str]) -> None:
    """Give `person` the side `known` does not serve, when `known`'s is stated and `person`'s is not."""
    if known.country_cue not in KNOWN_CUES or known.country not in pair or person.country_cue in KNOWN_CUES:
        return
    if person.role and INTERNATIONAL_ROLE.search(person.role):
        return  # 'UN Secretary-General X met President Y': X serves no side
    if person.country is None or person.country == known.country:
        person.country, person.country_cue = other_side(pair, known.country), "inferred"
