"""A holder named by succession: 'In 2001 then Speaker Ana Lima visited, followed by visits by her successor Roe':
Roe holds the office of the person 'her' refers to, in that person's country (an office passes within one country),
so 'successor' (no office of its own) gives way to the predecessor's office without its time word."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.persons import Mention, Person
from flows.lexicon import read_toml

_TITLES = read_toml("titles.toml")
NOUNS = _TITLES["succession_nouns"]
# 'his successor X', 'her predecessor, X': the noun right before the name, owned by a pronoun
SUCCESSION_BEFORE = re.compile(r"\b(?:his|her)\s+" + alternation(NOUNS) + r"\s*,?\s*$", re.I)
TIME_WORD = re.compile(r"^" + alternation(_TITLES["time_modifiers"]) + r"[\s-]+", re.I)
OFFICELESS = frozenset(_TITLES["officeless_roles"])
REACH = 40  # characters before the name where the succession noun stands
SUCCESSION_WORDS = frozenset(n.lower() for n in NOUNS)
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "at", "to", "in", "on"})
WORD = re.compile(r"[^\W\d_]+")


def succeeded(sentence: str, start: int, role: str | None, earlier: list[tuple[Person, Mention]]) -> Person | None:
    """The person whose office passed to the name at `start` ('his successor X': whom 'his' refers to, the last
    person named before in the sentence); None when no succession noun stands there, when no one is named before, or
    when an office word stands between ('A met B, and the president thanked his predecessor, X': 'his' is the
    president's, whom the sentence does not name)."""
    if not role or role.lower() not in SUCCESSION_WORDS:
        return None
    noun = SUCCESSION_BEFORE.search(sentence, max(0, start - REACH), start)
    if noun is None:
        return None
    before = [(person, mention) for person, mention in earlier if mention.end <= noun.start()]
    if not before:
        return None
    person, mention = before[-1]
    between = {w.lower() for w in WORD.findall(sentence[mention.end:noun.start()])}
    return None if between & _office_words() else person


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """The words of every title head, but function words and the succession nouns ('president', 'minister', ...)."""
    words = {w.lower() for h in _TITLES["heads"] + _TITLES["lower_heads"] for w in WORD.findall(h)}
    return frozenset(words - SUCCESSION_WORDS - FUNCTION_WORDS)


def inherit(role: str | None, country: str | None, cue: str, held_by: Person) -> tuple[str | None, str | None, str]:
    """The predecessor's office (without 'then', 'former') and country, where the successor has none of their own."""
    if held_by.role and held_by.role.lower() not in OFFICELESS:
        role = TIME_WORD.sub("", held_by.role)
    if country is None and held_by.country:
        country, cue = held_by.country, held_by.country_cue or "inferred"
    return role, country, cue
