"""A side that chairs an organization belongs to it: "Vietnam backed Laos's chairmanship of the Mekong River
Commission" (Laos is a member; the name as the text writes it); "Uruguay holds the pro tempore presidency of
Mercosur". Words in flows/lexicon/organizations.toml (chair_nouns, chair_verbs)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.dates.words import FULL_MONTHS, WEEKDAYS, capitalised
from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.lexicon import read_toml

# after 'of (the)': the organization's name, capitalised words joined by lower-case function words
NAME = re.compile(r"(?:the\s+)?((?:[A-Z][\w’'&-]*)(?:\s+(?:(?:of|for|and|the|on|in)\s+)*[A-Z][\w’'&-]*)*)"
                  r"(?:\s*\(([A-Z][A-Za-z&-]{1,9})\))?")
# A month or weekday name: 'in July' after a name is a date, no part of it (organizations.DATE_WORD reads it too)
DAY_NAMES = alternation(capitalised([*FULL_MONTHS, *WEEKDAYS]))
# 'the presidency of the Council of the European Union from July': a date after the name is no part of it
DATE_TAIL = re.compile(r"\s+(?:in|on)\s+" + DAY_NAMES + r"\b.*$")
# 'the Council of the European Union' is the EU's; 'the Council of Europe' stays (a known name): a body's chair is
# the organization's member. Session 18 (orgs29): an organ named by a chain of 'of's ('the Standing Bureau of the
# Council of Europe') is the known body the chain ends in: each 'of' is tried from the left.
OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _chair() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_toml("organizations.toml")
    nouns = alternation(data["chair_nouns"], longest_first=False, escape=False)
    verbs = alternation(data["chair_verbs"], longest_first=False, escape=False)
    possessive = re.compile(r"(?:[’']s?)?\s+(?:\w+\s+)?" + nouns + r"\s+of\s+", re.I)
    verb = re.compile(r"\s+" + verbs + r"\s+the\s+(?:\w+\s+)?" + nouns + r"\s+of\s+", re.I)
    return possessive, verb


@lru_cache(maxsize=1)
def _chair_after() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Session 20 (recur-org): the chair noun after the body's name, as 'NATO membership' has it ("Ruritania's Rift
    Union chairmanship", "Ruritania's role as Rift Union chair"): the side's possessive, at most one word or 'role
    as', the name; then the noun right after it."""
    nouns = alternation(read_toml("organizations.toml")["chair_nouns"], longest_first=False, escape=False)
    lead = re.compile(r"[’']s?\s+(?:role\s+as\s+|[a-z]+\s+)?(?=(?:the\s+)?[A-Z])")
    return lead, re.compile(r"\s+" + nouns + r"\b")


def chaired(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
            known: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """(iso3 of the chair, organization as the text writes it or its known acronym, acronym) for each of the pair
    that the sentence says chairs an organization. `known` maps a known name or acronym to its acronym."""
    if pair is None or "chair" not in sentence.lower() and "presiden" not in sentence.lower():
        return []
    possessive, verb = _chair()
    out = []
    for c in countries:
        if c.iso3 not in pair or c.kind not in ("name", "capital"):
            continue
        cue = possessive.match(sentence, c.end) or verb.match(sentence, c.end)
        name = NAME.match(sentence, cue.end()) if cue else None
        if name is None:
            name = _named_before_noun(sentence, c.end, known)
            if name is None:
                continue
        org = DATE_TAIL.sub("", name.group(1))
        if org not in known:
            org = _known_owner(org, known)  # 'the presidency of the Council of the European Union': the EU's
        acronym = known.get(org) or name.group(2)
        out.append((c.iso3, acronym or org, acronym))
    return out


def _known_owner(org: str, known: dict[str, str]) -> str:
    """The known body an organ's name ends in, after an 'of' ('Committee of Deputies of the Council of Europe' ->
    'Council of Europe', 'Council of the European Union' -> 'European Union'); the name itself when none is known (an
    organ of an unknown body, or a body of its own: 'the Mekong River Commission')."""
    for m in OF_THE.finditer(org):
        if org[m.end():] in known:
            return org[m.end():]
    return org


def _named_before_noun(sentence: str, start: int, known: dict[str, str]) -> re.Match[str] | None:
    """The name in "Ruritania's Rift Union chairmanship" (the chair noun after it), read from `start`, the side's end;
    only a known body or an organ of one ('the Council of the Rift Union presidency'): 'Ruritania's Senate
    presidency' is a national office, no body's."""
    lead, noun = _chair_after()
    cue = lead.match(sentence, start)
    name = NAME.match(sentence, cue.end()) if cue else None
    if name is None or name.group(2) or not noun.match(sentence, name.end()):
        return None
    org = name.group(1)
    return name if org in known or _known_owner(org, known) in known else None
