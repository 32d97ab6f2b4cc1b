"""A list of one side, then the other side's turn: 'Visits to Borvia were paid by President Jon Roe (1990) and Prime
Minister Ana Lima (1994). From the Borvian side, President Eva Dunn came in 2001.' The sentence that opens with the
other side's turn tells that the people of the sentence right before it, with no country stated, were not Borvia's:
they take the pair's other side. Read as a last resort, before the country named last above (which is often the
pair's second country, 'relations between Arland and Borvia')."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import CountryMention, other_side
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _turn() -> re.Pattern[str]:
    """'From the ', then the side's demonym or name (one to three words), then 'side,' or 'part,'."""
    rows = read_toml("titles.toml")["side_turns"]
    return re.compile(alternation(rows["openers"]) + r" (?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) "
                      + alternation(rows["nouns"]) + r"\b")


@lru_cache(maxsize=1)
def _opening_words() -> tuple[str, ...]:
    """The first words of the rows' openers ('From the' -> 'From'): a plain prefix test before the pattern."""
    return tuple(sorted({opener.split()[0] for opener in read_toml("titles.toml")["side_turns"]["openers"]}))


def turn_side(sentence: str, countries: list[CountryMention], pair: tuple[str, str]) -> str | None:
    """The side whose turn the sentence opens with ('From the Borvian side, ...' -> Borvia), or None."""
    if not sentence.startswith(_opening_words()):
        return None  # no turn opener (speed)
    found = _turn().match(sentence)
    if found is None:
        return None
    sides = {c.iso3 for c in countries if c.end <= found.end()}
    side = sides.pop() if len(sides) == 1 else None
    return side if side in pair else None


def before_a_turn(index: int, countries: list[list[CountryMention]], texts: list[str],
                  pair: tuple[str, str]) -> str | None:
    """The pair's side of a person first named in sentence `index` when the next sentence opens the other side's turn
    and their own sentence names no country of the pair."""
    if index + 1 >= len(texts) or any(c.iso3 in pair for c in countries[index]):
        return None
    side = turn_side(texts[index + 1], countries[index + 1], pair)
    return other_side(pair, side) if side is not None else None
