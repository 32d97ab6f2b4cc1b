"""A finished act the date line dates to its month keeps the date line's day when the story tells an act of its kind
on that day in another sentence (flows/lexicon/dates.toml [day_retold]; tests/realnews/README.md, date precision of
visits and meetings). Made up, under a date line of Thursday 7 March 2024:

    Arland and Borvia have signed a fisheries pact.          -> the signing, no date word: the month by itself
    The deal signed on Thursday opens the northern waters.   -> the same kind of act on the date line's day: the day

A visit's word on that day ('said at a press conference with the visiting premier on Thursday that the visit ...')
places the visitor there that day: the visit is going on, and the story's undated acts are that day's.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from flows.extract.countries import find_countries
from flows.extract.event_days import written_day
from flows.extract.sentences import DATELINE
from flows.lexicon import compile_patterns, read_toml

MOVED_ANCHOR = "the date line's month"  # how event_days.date_line_month marks a row it moved to the month
# the kinds whose words are looked for, and the event types each kind dates
KINDS: dict[str, frozenset[str]] = {
    "visit": frozenset({"official_visit", "state_visit", "working_visit"}),
    "meeting": frozenset({"meeting", "commission_meeting"}),
    "agreement_signed": frozenset({"agreement_signed"}),
}


@lru_cache(maxsize=1)
def _rows() -> dict[str, re.Pattern[str]]:
    names = {name: name for name in ("other_week", "plan", *KINDS)}
    return compile_patterns(read_toml("dates.toml")["day_retold"], names)


def _names_published_day(sentence: str, published: date) -> bool:
    """The sentence names the date line's day: its calendar date ('7 March', '7th March'), or its weekday as the date
    grammar resolves it ('on Thursday'; 'last Thursday' is another day), except after a word the grammar does not read
    as another week ('the previous Thursday'). One day reader with event_days.visit_under_way (review37a)."""
    with_month, weekdays = written_day(sentence, published)
    other_week = _rows()["other_week"]
    return with_month or any(not other_week.search(sentence[max(0, start - 20):start]) for start in weekdays)


def kinds_told_on_the_day(text: str, published: date) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per sentence that tells acts done on the date line's day: the kinds of act (KINDS) it tells and the countries
    it names. The date line itself ('Asuncion, 16 May 2022 (Agency): X visited ...') is cut off first: it dates the
    story, it tells no act again. A sentence of plans is left out."""
    rx = _rows()
    told = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", DATELINE.sub("", text)):
        if _names_published_day(sentence, published) and not rx["plan"].search(sentence):
            kinds = frozenset(kind for kind in KINDS if rx[kind].search(sentence))
            if kinds:
                told.append((kinds, frozenset(found.iso3 for found in find_countries(sentence))))
    return told


def day_retold(rows: list[dict], published: date | None, text: str) -> list[dict]:
    """Rows moved to the date line's month that take its day back: an act of a kind told on that day; every moved
    row when a visit is told on that day. Other rows unchanged."""
    moved = [row for row in rows if str(row.get("date_anchor") or "").startswith(MOVED_ANCHOR)]
    if published is None or not moved:
        return rows
    told = kinds_told_on_the_day(text, published)
    if not told:
        return rows

    def retold(row: dict) -> bool:
        # a sentence naming no country beyond the row's two sides, with the row's kind or a visit
        sides = {row["actor_iso3"], row["target_iso3"]}
        return any(countries <= sides and ("visit" in kinds or any(row["event_type"] in KINDS[kind] for kind in kinds))
                   for kinds, countries in told)

    out = []
    for row in rows:
        if row in moved and retold(row):
            row = {**row, "event_date": published, "date_precision": "day",
                   "date_anchor": f"the date line's day ({published:%Y-%m-%d}): an act of its kind told that day"}
        out.append(row)
    return out
