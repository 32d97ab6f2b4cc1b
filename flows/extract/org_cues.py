"""Cues around a known organization's name that say a side is inside it: a noun naming its members after it
('fellow ASEAN members', 'trade with ASEAN and APEC members'), 'a/an X country' of a side the sentence names, and
a side's part in the body's own mission. Read by flows/extract/organizations.py; `rules` is its compiled lexicon."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention
from flows.extract.org_members import belonging, has_member_list
from flows.lexicon import read_toml


def member_noun_at(rules: dict, sentence: str, end: int) -> bool:
    """Whether a noun naming members follows the name ending at `end`, past its acronym in brackets, or past a second
    known name joined to it ('trade with ASEAN and APEC members': members of both)."""
    end = _past_acronym(sentence, end)
    if rules["member_noun"].match(sentence, end):
        return True
    joined = AND_OR.match(sentence, end)
    other = rules["known"].match(sentence, joined.end()) if joined else None
    return other is not None and rules["member_noun"].match(sentence, _past_acronym(sentence, other.end())) is not None


def sides_told(rules: dict, sentence: str, m: re.Match, countries: list[CountryMention],
               pair: tuple[str, str]) -> bool:
    """Whether the member list puts both sides in the body, or the sentence calls a side it names 'a member' ('his
    first trip to an EU country' in a sentence naming Italy, in an Italy-Argentina text: Italy, on the list)."""
    sides = belonging(rules["acronym_of"][m.group("org")], pair)
    if sides == tuple(pair):
        return True
    return A_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) is not None \
        and listed_and_named(sides, countries)


def listed_and_named(sides: tuple[str, ...], countries: list[CountryMention]) -> bool:
    """Whether a body's member list holds a side of the pair (`sides`, from org_members.belonging) and the sentence
    names every side it holds."""
    return bool(sides) and set(sides) <= {c.iso3 for c in countries}


AND_OR = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?")
A_BEFORE = re.compile(r"\b(?:an?|another)\s+$", re.I)


def rest_of(rules: dict, sentence: str, m: re.Match, pair: tuple[str, str]) -> bool:
    """'Linking the Iberian grid with the rest of the EU': what is linked is inside the body, so both sides are when
    its member list holds both (a body without a list says nothing of who)."""
    return _both_inside(rules, sentence, m, pair, REST_OF, 20)


REST_OF = re.compile(r"\brest\s+of\s+(?:the\s+)?$", re.I)


def takes_part(rules: dict, sentence: str, m: re.Match, pair: tuple[str, str]) -> bool:
    """'Thanks for its part in the NATO air policing mission' in a text on two members: taking part in a body's own
    mission or force is work inside the body, when its member list holds both sides."""
    return _both_inside(rules, sentence, m, pair, rules["takes_part"], 70)


def _both_inside(rules: dict, sentence: str, m: re.Match, pair: tuple[str, str], cue: re.Pattern[str],
                 window: int) -> bool:
    """Whether `cue` ends within `window` characters before the known name `m`, and the body's member list holds both
    sides."""
    acronym = rules["acronym_of"][m.group("org")]
    return (cue.search(sentence, max(0, m.start() - window), m.start()) is not None
            and has_member_list(acronym) and belonging(acronym, pair) == tuple(pair))


def _past_acronym(sentence: str, end: int) -> int:
    """After 'Association of Southeast Asian Nations (ASEAN)': past the acronym in brackets, if one follows."""
    m = BRACKETED.match(sentence, end)
    return m.end() if m else end


BRACKETED = re.compile(r"\s*\([A-Z][A-Za-z&-]{1,9}\)")


def past_bracket(sentence: str, m: re.Match) -> int:
    """Where the words after a known name start: past the closing bracket when the name is an acronym in brackets
    ('the Andes Council (AC) summit': 'summit' follows the acronym, as in 'the AC summit')."""
    start, end = m.span()
    return end + 1 if sentence[start - 1:start] == "(" and sentence[end:end + 1] == ")" else end


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym can be read off the name: its first letter is the name's, the rest follow in order
    ('ECOWAS' from 'Economic Community of West African States', 'ASEAN' from 'Association of Southeast Asian
    Nations'; not 'UNACO' from 'Andean Trade Union')."""
    letters = iter(name.casefold())
    return acronym[0].casefold() == name[0].casefold() and all(ch in letters for ch in acronym.casefold())


# 'both sit in the Rift Movement and Group of 15': an 'and' right after a body's head word, before a capital,
# joins two names, not two words of one name (organizations.toml list_heads; 'the Organization for Security and
# Co-operation in Europe' keeps its 'and', and so does 'the Caribbean Community and Common Market', list_heads_kept).
# An alternation of look-behinds, one a head word, for LIST_SPLIT.
HEAD_AND = ("(?:" + "|".join(rf"(?<=\b{h})" for h in read_toml("organizations.toml")["list_heads"]) + r")\s+and\s+(?=[A-Z])"
            "(?!" + "|".join(read_toml("organizations.toml")["list_heads_kept"]) + ")")
