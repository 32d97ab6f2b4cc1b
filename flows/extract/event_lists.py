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
from flows.extract.countries import find_countries, is_historic
from flows.lexicon import read_toml

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
