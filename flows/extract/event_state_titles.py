"""A side named by its form of state: 'the Kingdom', 'the Sultanate', 'the Republic' (flows/lexicon/events.toml
[state_titles]). In a story about a kingdom and a republic, 'Former President X visited the Kingdom in 1994' names
the kingdom's side; the title word must stand in exactly one side's short or official name."""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["state_titles"]
# 'the Kingdom', 'the Kingdom’s': capitalised, not 'the Kingdom of Spain' (a full name) nor 'the Kingdom Tower'
TITLE = re.compile(r"\bthe\s+(?P<title>" + alternation(_WORDS["titles"]) + r")\b(?!\s+of\b)(?![\s-]+[A-ZÀ-Þ])")
AFTER_OF = re.compile(_WORDS["after_of"], re.I)
POSSESSIVE = re.compile(r"[’']s\b")


@lru_cache(maxsize=512)
def _names(iso3: str) -> str:
    """The country's short and official names, one string ('Kingdom of Thailand Thailand')."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return ""
    return " ".join(filter(None, (getattr(country, "official_name", None), country.name)))


@lru_cache(maxsize=256)  # one answer a (title, pair): the pattern is not rebuilt for every sentence
def title_side(title: str, pair: tuple[str, str]) -> str | None:
    """The side of the pair whose name holds the title word, when only one does."""
    word = re.compile(r"\b" + re.escape(title) + r"\b")
    holders = [iso3 for iso3 in pair if word.search(_names(iso3))]
    return holders[0] if len(holders) == 1 else None


def state_title_mentions(sentence: str, pair: tuple[str, str] | None,
                         countries: list[CountryMention]) -> list[CountryMention]:
    """The sentence's countries with 'the Kingdom' and its kind added as the side they name (sorted by place)."""
    if pair is None or "the " not in sentence:
        return countries
    added = []
    for match in TITLE.finditer(sentence):
        if AFTER_OF.search(sentence, max(0, match.start() - 4), match.start()) \
                or any(country.start <= match.start("title") < country.end for country in countries):
            continue
        iso3 = title_side(match.group("title"), pair)
        if iso3 is not None:
            added.append(CountryMention(match.start("title"), match.end(), match.group("title"), iso3, "name",
                                        POSSESSIVE.match(sentence, match.end()) is not None))
    return sorted(countries + added, key=lambda country: country.start) if added else countries
