"""Visits a fact sheet lists as years under headings, not as sentences:

    High Level Visits:
    From Arland to Borvia:      <- the direction (visitor first)
    Presidents:                 <- an office heading keeps the section open
    1998, 2004, 2015            <- one visit a year

The sentence splitter drops such lines (headings and bare years are no sentences), so they are read here from the
document's lines. The words are rows of flows/lexicon/events.toml ([year_lists])."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flows.common.dates import DateMention
from flows.extract.countries import CountryMention, find_countries, is_historic, other_side
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import family

@dataclass(frozen=True)
class ListedVisit:
    """One year of a year list: who visited whom, and where the year is in the text."""

    actor: str
    target: str
    date: DateMention
    line_start: int
    line_end: int


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("events.toml")["year_lists"]
    return {"section": re.compile(data["section"], re.I), "direction": re.compile(data["direction"], re.I),
            "years": re.compile(data["years"]), "year": re.compile(data["year"]),
            "heading_words": int(data["heading_words"])}


def _direction(line: str) -> tuple[str, str] | None:
    """'From Mongolia to China:' -> ('MNG', 'CHN'): one country on each side of 'to'."""
    match = _words()["direction"].search(line)
    if match is None:
        return None
    sides = []
    for group in ("actor", "target"):
        found = {country.iso3 for country in find_countries(match.group(group)) if not is_historic(country.iso3)}
        if len(found) != 1:
            return None
        sides.append(found.pop())
    return (sides[0], sides[1]) if sides[0] != sides[1] else None


def _is_heading(line: str) -> bool:
    """A short line ending with a colon and holding no digit: an office heading inside the section."""
    stripped = line.strip()
    return stripped.endswith(":") and not re.search(r"\d", stripped) and len(stripped.split()) <= _words()["heading_words"]


def find_listed_visits(text: str) -> list[ListedVisit]:
    """Every year listed under a 'From A to B' heading of a visits section, as a visit of A to B that year."""
    words = _words()
    out: list[ListedVisit] = []
    in_section, direction, position = False, None, 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        turned = _direction(body) if (in_section or words["section"].search(body)) and len(body.split()) <= 12 else None
        if turned is not None:
            in_section, direction = True, turned
        elif words["years"].match(body) and direction is not None:
            for match in words["year"].finditer(body):
                year = int(match.group())
                mention = DateMention(match.start(), match.end(), match.group(), date(year, 1, 1), "year", "explicit",
                                      None)
                out.append(ListedVisit(direction[0], direction[1], mention, start, start + len(body)))
        elif words["section"].search(body) and _is_heading(body):
            in_section, direction = True, None
        elif not (in_section and _is_heading(body)):
            in_section, direction = False, None  # prose ends the section
    return out


@lru_cache(maxsize=1)
def _named_words() -> dict:
    data = read_toml("events.toml")["year_lists"]
    return {"noun": re.compile(data["named_noun"], re.I), "bracket": re.compile(data["named_bracket"]),
            "in": re.compile(data["named_in"]), "comma": re.compile(data["named_comma"]),
            "verb": re.compile(data["named_verb"], re.I), "target": re.compile(data["named_target"], re.I),
            "actor": re.compile(data["named_actor"], re.I), "year": re.compile(data["year"]),
            "items": int(data["named_items"])}


def _after_name(sentence: str, at: int, countries: list[CountryMention]) -> bool:
    """Whether a capitalised word that is no country's name ends at `at` ('Ida Moss (1976)', not 'Borvia (1976)')."""
    word = re.search(r"([\wÀ-ÿ.’'-]+)$", sentence[:at])
    return (word is not None and word.group(1)[0].isupper()
            and not any(country.start < at <= country.end for country in countries))


def _sides(head: str, offset: int, countries: list[CountryMention],
           pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """(visitor, host) from the words before a list's first visitor: 'visits paid to Borvia by Arlandese Presidents'
    -> Arland visits Borvia; one side named alone ('Top visits from Arland:') takes the pair's other side as the
    other."""
    words = _named_words()
    actor = target = None
    for country in countries:
        if not offset <= country.start < offset + len(head) or is_historic(country.iso3):
            continue
        before = head[:country.start - offset]
        if words["target"].search(before):
            target = target or country.iso3
        elif words["actor"].search(before) or country.kind == "demonym":
            actor = actor or country.iso3
    if pair is not None:
        if actor is None and target in pair:
            actor = other_side(pair, target)
        elif target is None and actor in pair:
            target = other_side(pair, actor)
    return (actor, target) if actor and target and actor != target else None


def named_year_visits(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                      rows: list[EventRow]) -> list[EventRow]:
    """A sentence that lists visits by visitor, each with its years ('visits to Borvia by Presidents Ana Soto (1990)
    and Jon Roe (1993, Summit 1996 and 1999)'): one visit a year a visitor, in place of the visits the clause reader
    found there (it takes the nearest year alone). Other rows, and sentences with no such list, are left as they are."""
    words = _named_words()
    nouns = list(words["noun"].finditer(sentence))
    listed: list[EventRow] = []
    spans: list[tuple[int, int]] = []
    for k, noun in enumerate(nouns):
        end = nouns[k + 1].start() if k + 1 < len(nouns) else len(sentence)
        items = _items(sentence, noun.end(), end, countries)
        if len(items) < words["items"]:
            continue
        sides = _sides(sentence[noun.start():items[0].start()], noun.start(), countries, pair)
        if sides is None:
            continue
        spans.append((noun.start(), items[-1].end()))
        listed.extend(_year_rows(sentence, items, sides, noun))
    for host, items, verb in _subject_lists(sentence, countries, pair):
        spans.append((items[0].start(), verb.end()))
        guest = other_side(pair, host)
        listed.extend(_year_rows(sentence, items, (guest, host), verb))
    if not listed:
        return rows
    kept = [row for row in rows if not (family(row.event_type) == "visit" and any(_within(row, first, last)
                                                                                  for first, last in spans))]
    return kept + listed


def _within(row: EventRow, first: int, last: int) -> bool:
    """Whether a visit the clause reader found is the list's: its trigger or its year inside the list ('Visits:
    There were visits from Arland [Ana Soto, 1990; ...]' reads the heading's 'Visits' with the first year)."""
    return first <= row.trigger_start < last or (row.date is not None and first <= row.date.start < last)


def _items(sentence: str, start: int, end: int, countries: list[CountryMention]) -> list[re.Match]:
    """The visitors' year groups between start and end, each right after a person's name, in text order."""
    words = _named_words()
    items = [match for kind in ("bracket", "in", "comma") for match in words[kind].finditer(sentence, start, end)
             if _after_name(sentence, match.start(), countries)]
    return sorted(items, key=lambda match: match.start())


def _subject_lists(sentence: str, countries: list[CountryMention],
                   pair: tuple[str, str] | None) -> list[tuple[str, list[re.Match], re.Match]]:
    """(host, year groups, verb) of each list of visitors that is a visit verb's subject: 'Premier Ida Moss (1980
    and 1985), President Tom Bell (1996) also visited Borvia' -> Borvia hosts visits of the pair's other side."""
    if pair is None:
        return []
    out: list[tuple[str, list[re.Match], re.Match]] = []
    start = 0
    for country in sorted(countries, key=lambda found: found.start):
        verb = _named_words()["verb"].search(sentence, start, country.start)
        if country.iso3 not in pair or verb is None:
            continue
        items = _items(sentence, start, verb.start(), countries)
        if len(items) >= _named_words()["items"]:
            out.append((country.iso3, items, verb))
        start = country.end
    return out


def _year_rows(sentence: str, items: list[re.Match], sides: tuple[str, str], trigger: re.Match) -> list[EventRow]:
    """One visit of sides[0] to sides[1] a year a visitor (a year told twice for one visitor is one visit)."""
    out: list[EventRow] = []
    for item in items:
        seen: set[int] = set()
        for year_match in _named_words()["year"].finditer(item.group("years")):
            year = int(year_match.group())
            if year in seen:
                continue
            seen.add(year)
            at = item.start("years") + year_match.start()
            mention = DateMention(at, at + 4, year_match.group(), date(year, 1, 1), "year", "explicit", None)
            out.append(EventRow("official_visit", sides[0], sides[1], 0, len(sentence), trigger.group().strip(),
                                mention, "explicit", "occurred", False, None, trigger_start=trigger.start()))
    return out
