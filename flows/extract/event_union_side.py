"""A union of two states named as one actor is one side (history_shapes.toml [union_side], hist37).

"In 1830 the Union between Arland and Velia recognized Borvia" (made up) on an Arland-Borvia page: the event reader saw
three countries and read the union's two members as the act's two sides. The member of the document's pair is the
union's side; the other member is dropped from the countries the event reader is given for that sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.countries import CountryMention
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(read_toml("history_shapes.toml")["union_side"]["pattern"])


def union_as_one_side(sentence: str, countries: list[CountryMention],
                      pair: tuple[str, str] | None) -> list[CountryMention]:
    """The sentence's countries without the union member that is not of the pair (see module); unchanged otherwise."""
    if pair is None or "union" not in sentence.lower():  # the pattern reads "personal union" in any case
        return countries
    dropped: set[int] = set()
    for match in _pattern().finditer(sentence):
        first = [c for c in countries if match.start("first") <= c.start < match.end("first")]
        second = [c for c in countries if match.start("second") <= c.start < match.end("second")]
        if len(first) != 1 or len(second) != 1:
            continue
        inside = [c for c in (first[0], second[0]) if c.iso3 in pair]
        if len(inside) != 1:
            continue  # both of the pair (the pair's own union) or neither: no side to choose
        dropped.update(id(c) for c in (first[0], second[0]) if c is not inside[0])
    return [c for c in countries if id(c) not in dropped] if dropped else countries
