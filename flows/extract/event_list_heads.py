"""A list of visitors whose head is in an earlier sentence of its paragraph:

    Main visits from the Arlandese side include: in May 2019, President Ana Soto paid a state visit to Borvia.
    Jon Roe, Minister of Trade (June 2021); Eva Dunn, Minister of Finance and Planning (March 2023), etc.

The second sentence is items alone (a name, its title, its date in brackets), no verb and no country: what they are
is said by the head of the list ('Main visits from the Arlandese side include:'), which the prose sentences between
do not close. Each item is a visit of the head's sides in its year or month, as it would be in the head's own
sentence (flows/extract/event_lists.py). The words are rows of flows/lexicon/events.toml ([year_lists] and
[list_heads])."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.countries import CountryMention, other_side
from flows.extract.event_lists import VisitList, list_items, list_sides
from flows.extract.sentences import Sentence
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _rows() -> dict:
    data = read_toml("events.toml")["list_heads"]
    return {"head": re.compile(data["head"], re.I), "filler": re.compile(data["filler"]),
            "reach": int(data["reach"]), "items": int(data["items"]), "trigger": re.compile(data["trigger"]),
            "side_opener": re.compile(data["side_opener"], re.I), "visit_noun": re.compile(data["visit_noun"], re.I)}


def _head_sides(sentence: str, countries: list[CountryMention],
                pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """(visitor, host) of a list head that opens a sentence and ends in a colon or 'include' ('Main visits from the
    Arlandese side include:'), or None."""
    head = _rows()["head"].search(sentence)
    if head is None:
        return None
    return list_sides(sentence[head.start():head.end()], head.start(), countries, pair)


def _items_alone(sentence: str, countries: list[CountryMention]) -> list[re.Match] | None:
    """The year groups of a sentence that is items alone ('Jon Roe, Minister of Trade (June 2021); Eva Dunn, ...
    (March 2023), etc.'): between the groups only names, titles and the list's seams; None for any other sentence."""
    items = list_items(sentence, 0, len(sentence), countries)
    if len(items) < _rows()["items"] or countries or not sentence[:1].isupper():
        return None
    cursor = 0
    for item in items + [None]:
        between = sentence[cursor:item.start() if item else len(sentence)]
        if not _rows()["filler"].fullmatch(between):
            return None
        cursor = item.end() if item else cursor
    return items


def carried_lists(sentences: list[Sentence], countries: list[list[CountryMention]], text: str,
                  pair: tuple[str, str] | None) -> dict[int, list[VisitList]]:
    """The visit lists of sentences that are items alone, by sentence index, each with the sides of the latest list
    head of the same paragraph (no line break between) within a few sentences."""
    if pair is None:
        return {}
    out: dict[int, list[VisitList]] = {}
    rows = _rows()
    head: tuple[tuple[str, str], int, int] | None = None  # sides, index and end of the latest head
    told: tuple[int, int] | None = None  # index and end of the latest sentence about visits

    def near(index: int, end: int) -> bool:
        """The sentence lies within `reach` sentences of the one at `index` (ending at `end`), no line break between."""
        return sentence.index - index <= rows["reach"] and "\n" not in text[end:sentence.start]

    for sentence, found in zip(sentences, countries):
        if told is not None and near(*told):
            opened = side_opened(sentence.text, found, pair)
            if opened is not None:
                out[sentence.index] = [opened]
                continue
        if rows["visit_noun"].search(sentence.text):
            told = (sentence.index, sentence.end)
        sides = _head_sides(sentence.text, found, pair) if "isit" in sentence.text else None
        if sides is not None:
            head = (sides, sentence.index, sentence.end)
            continue
        if head is None or not near(head[1], head[2]):
            continue
        items = _items_alone(sentence.text, found)
        if items is not None:
            trigger = rows["trigger"].match(sentence.text)
            if trigger is not None:
                out[sentence.index] = [VisitList(head[0], items, trigger, (0, items[-1].end()))]
    return out



def side_opened(sentence: str, countries: list[CountryMention], pair: tuple[str, str]) -> VisitList | None:
    """The visits of a sentence of items that a side opens, told after a sentence about visits ('From the Arlandese
    side, Premier Ida Moss (1976 & 1983) and Minister Jon Roe in 1998.'): the opener's side visited the pair's other
    side, once a year an item gives. None when the opener names no side of the pair, a country is named after it
    (the items say more than visitors), or fewer than two items follow."""
    opener = _rows()["side_opener"].match(sentence)
    if opener is None:
        return None
    sides = [country.iso3 for country in countries if country.start < opener.end()]
    if len(sides) != 1 or sides[0] not in pair or any(country.start >= opener.end() for country in countries):
        return None
    items = list_items(sentence, opener.end(), len(sentence), countries)
    if len(items) < _rows()["items"]:
        return None
    visitor = sides[0]
    host = other_side(pair, visitor)
    return VisitList((visitor, host), items, opener, (0, items[-1].end()))
