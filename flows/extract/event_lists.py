"""Visits a fact sheet lists as years under headings, not as sentences:

    High Level Visits:
    From Arland to Borvia:      <- the direction (visitor first)
    Presidents:                 <- an office heading keeps the section open
    1998, 2004, 2015            <- one visit a year
    - Premier Ida Moss (1996)   <- or items of a title and name with their dates (flows/common/list_items.py)

The sentence splitter drops such lines (headings and bare years are no sentences), so they are read here from the
document's lines. The words are rows of flows/lexicon/events.toml ([year_lists])."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flows.common.dates import DateMention, explicit_mention
from flows.common.prefilter import gate
from flows.common.list_items import dates_alone, ends_with_name, item_dates, line_item, year_groups
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
    heading: tuple[int, int] = (0, 0)  # the 'From A to B' line the item is under
    name: str = ""  # the item's title and name ('President Ana Soto'), '' on a line of years or told in words



@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("events.toml")["year_lists"]
    return {"section": re.compile(data["section"], re.I), "direction": re.compile(data["direction"], re.I),
            "years": re.compile(data["years"]), "year": re.compile(data["year"]),
            "heading_words": int(data["heading_words"]), "host_only": re.compile(data["host_only"], re.I), "cell_words": int(data["cell_words"])}


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
    return (stripped.endswith(":") and not any(char.isdigit() for char in stripped)
            and len(stripped.split()) <= _words()["heading_words"])


def _host_only(line: str, pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """'Incoming Visits [To Borvia]' -> (the pair's other side, Borvia): a visits heading naming the host alone."""
    match = _words()["host_only"].search(line) if pair is not None else None
    if match is None:
        return None
    found = {country.iso3 for country in find_countries(match.group("target")) if not is_historic(country.iso3)}
    host = found.pop() if len(found) == 1 else None
    return (other_side(pair, host), host) if host in pair else None


def _is_cell(line: str) -> bool:
    """A visitor's cell of a table of visits: a short line with no digit and no sentence's stop."""
    stripped = line.strip()
    return (len(stripped.split()) <= _words()["cell_words"] and not any(char.isdigit() for char in stripped)
            and not stripped.endswith((".", ":", "!", "?")) and ". " not in stripped)


def find_listed_visits(text: str, pair: tuple[str, str] | None = None) -> list[ListedVisit]:
    """Every year listed under a 'From A to B' heading of a visits section, as a visit of A to B that year; with the
    document's pair, also under a heading naming the host alone ('Incoming Visits [To B]'), where a table gives a
    visitor's cell over a line of dates ('April 1981, 1983': one visit a date)."""
    words = _words()
    out: list[ListedVisit] = []
    in_section, direction, position, heading = False, None, 0, (0, 0)
    host_heading = after_cell = False  # under a heading naming the host alone, dates count only under a visitor's cell
    rows = text.splitlines(keepends=True)
    bodies = [row.rstrip("\r\n") for row in rows]
    for k, line in enumerate(rows):
        start, position = position, position + len(line)
        body = bodies[k]
        if not body.strip():
            continue
        under_cell, after_cell = after_cell, False
        short = len(body.split()) <= 12
        turned = _direction(body) if (in_section or words["section"].search(body)) and short else None
        by_host = False
        if turned is None and short and words["section"].search(body):
            turned = _host_only(body, pair)
            by_host = turned is not None
        if turned is not None:
            in_section, direction, heading, host_heading = True, turned, (start, start + len(body)), by_host
        elif direction is not None and host_heading and not under_cell and dates_alone(body):
            continue  # 'President Soto's visit to Peru' over 'March 2024': a date line with no visitor's cell
        elif direction is not None and not words["years"].match(body) and (dates := dates_alone(body)):
            for at, end, year, month in dates:  # 'April 1981, 1983' under a visitor's cell
                mention = explicit_mention(at, end, body[at:end], year, month)
                out.append(ListedVisit(direction[0], direction[1], mention, start, start + len(body), heading))
        elif direction is not None and _is_cell(body) and dates_alone(next(
                (later for later in bodies[k + 1:] if later.strip()), "")):
            after_cell = True
            continue  # a visitor's cell: its dates are on the next line
        elif words["years"].match(body) and direction is not None:
            for match in words["year"].finditer(body):
                year = int(match.group())
                mention = explicit_mention(match.start(), match.end(), match.group(), year)
                out.append(ListedVisit(direction[0], direction[1], mention, start, start + len(body), heading))
        elif direction is not None and (item := line_item(body))[1]:
            name, dates = item  # '- President Ana Soto (1990)', '• 2015: Premier Jon Roe', '- In May, 1999 ...'
            for at, end, year, month in dates:
                mention = explicit_mention(at, end, body[at:end], year, month)
                out.append(ListedVisit(direction[0], direction[1], mention, start, start + len(body), heading, name))
        elif words["section"].search(body) and _is_heading(body):
            in_section, direction = True, None
        elif not (in_section and _is_heading(body)):
            in_section, direction = False, None  # prose ends the section
    return out


@lru_cache(maxsize=1)
def _named_words() -> dict:
    data = read_toml("events.toml")["year_lists"]
    return {"noun": re.compile(data["named_noun"], re.I), "host": re.compile(data["named_host"], re.I), "verb": re.compile(data["named_verb"], re.I), "target": re.compile(data["named_target"], re.I),
            "actor": re.compile(data["named_actor"], re.I), "office_item": re.compile(data["office_item"]),
            "items": int(data["named_items"])}


def _after_name(sentence: str, at: int, countries: list[CountryMention]) -> bool:
    """Whether a capitalised word that is no country's name ends at `at` ('Ida Moss (1976)', not 'Borvia (1976)')."""
    return ends_with_name(sentence, at) and not any(country.start < at <= country.end for country in countries)


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


@dataclass(frozen=True)
class VisitList:
    """One list of visitors with their years: who visited whom, the year groups, and the words that open it."""

    sides: tuple[str, str]  # (visitor, host)
    items: list[re.Match]
    trigger: re.Match
    span: tuple[int, int]


def visit_lists(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None) -> list[VisitList]:
    """The lists of visitors of a sentence, each with its years ('visits to Borvia by Presidents Ana Soto (1990) and
    Jon Roe (1993, Summit 1996 and 1999)'; 'Borvia was visited by ...'; '... also visited Borvia')."""
    words = _named_words()
    # the nouns only where one of their words is (prefilter.gate: same matches; it ran on every sentence)
    nouns = list(words["noun"].finditer(sentence)) if gate(words["noun"]).open(sentence) else []
    out: list[VisitList] = []
    for k, noun in enumerate(nouns):
        end = nouns[k + 1].start() if k + 1 < len(nouns) else len(sentence)
        items = _items(sentence, noun.end(), end, countries)
        if len(items) < words["items"]:
            continue
        sides = _sides(sentence[noun.start():items[0].start()], noun.start(), countries, pair)
        if sides is not None:
            out.append(VisitList(sides, items, noun, (noun.start(), items[-1].end())))
    taken = [found.span for found in out]
    for host, items, verb in _subject_lists(sentence, countries, pair) + _hosted_lists(sentence, countries, pair, taken):
        span = (min(items[0].start(), verb.start()), max(items[-1].end(), verb.end()))
        out.append(VisitList((other_side(pair, host), host), items, verb, span))
    return out


def named_year_visits(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                      rows: list[EventRow], lists: list[VisitList] | None = None) -> list[EventRow]:
    """A sentence that lists visits by visitor, each with its years: one visit a year a visitor, in place of the
    visits the clause reader found there (it takes the nearest year alone). Other rows, and sentences with no such
    list, are left as they are. `lists`: the sentence's visit_lists when the caller has them already."""
    lists = visit_lists(sentence, countries, pair) if lists is None else lists
    if not lists:
        return rows
    listed = [row for found in lists for row in _year_rows(sentence, found.items, found.sides, found.trigger)]
    kept = [row for row in rows if not (family(row.event_type) == "visit" and any(_within(row, *found.span)
                                                                                  for found in lists))]
    return kept + listed


def _within(row: EventRow, first: int, last: int) -> bool:
    """Whether a visit the clause reader found is the list's: its trigger or its year inside the list ('Visits:
    There were visits from Arland [Ana Soto, 1990; ...]' reads the heading's 'Visits' with the first year)."""
    return first <= row.trigger_start < last or (row.date is not None and first <= row.date.start < last)


def _items(sentence: str, start: int, end: int, countries: list[CountryMention]) -> list[re.Match]:
    """The visitors' year groups between start and end, each right after a person's name or an office alone at a
    seam of the list ('..., Minister of culture (1996)'), in text order."""
    office = _named_words()["office_item"]
    return year_groups(sentence, start, end, lambda at: _after_name(sentence, at, countries)
                       or office.search(sentence, max(start, at - 60), at) is not None)


def _subject_lists(sentence: str, countries: list[CountryMention],
                   pair: tuple[str, str] | None) -> list[tuple[str, list[re.Match], re.Match]]:
    """(host, year groups, verb) of each list of visitors that is a visit verb's subject: 'Premier Ida Moss (1980
    and 1985), President Tom Bell (1996) also visited Borvia' -> Borvia hosts visits of the pair's other side."""
    if pair is None or not gate(_named_words()["verb"]).open(sentence):
        return []  # no visit verb anywhere in the sentence: none before any country (prefilter.gate; speed)
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


def _hosted_lists(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                  taken: list[tuple[int, int]]) -> list[tuple[str, list[re.Match], re.Match]]:
    """(host, year groups, frame) of each list of visitors a host frame opens: 'Borvia was visited by Premier Ida
    Moss (1980), President Tom Bell (1996)', 'Borvia also received ...' -> Borvia hosts visits of the pair's other
    side. The list runs to the next list's opening word; a list another opener already read is left alone."""
    if pair is None:
        return []
    words = _named_words()
    out: list[tuple[str, list[re.Match], re.Match]] = []
    for country in countries:
        frame = words["host"].match(sentence, country.end)
        if country.iso3 not in pair or frame is None or any(first <= frame.end() < last for first, last in taken):
            continue
        following = words["noun"].search(sentence, frame.end())
        items = _items(sentence, frame.end(), following.start() if following else len(sentence), countries)
        if len(items) >= words["items"]:
            out.append((country.iso3, items, frame))
    return out


def _year_rows(sentence: str, items: list[re.Match], sides: tuple[str, str], trigger: re.Match) -> list[EventRow]:
    """One visit of sides[0] to sides[1] a year a visitor (a year told twice for one visitor is one visit)."""
    out: list[EventRow] = []
    for item in items:
        seen: set[tuple[int, int | None]] = set()
        for start, end, year, month in item_dates(item):
            if (year, month) in seen:
                continue
            seen.add((year, month))
            mention = explicit_mention(start, end, sentence[start:end], year, month)
            out.append(EventRow("official_visit", sides[0], sides[1], 0, len(sentence), trigger.group().strip(),
                                mention, "explicit", "occurred", False, None, trigger_start=trigger.start()))
    return out


# the readers of a list's sides and items, for a list whose head is in an earlier sentence (event_list_heads.py)
list_sides = _sides
list_items = _items
