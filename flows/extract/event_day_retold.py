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

from flows.common.dates.grammar import tense
from flows.extract.countries import find_countries
from flows.extract.event_days import MOVED_ANCHOR, written_day
from flows.extract.event_grammar import find_triggers
from flows.extract.sentences import DATELINE
from flows.lexicon import compile_patterns, read_toml
from flows.lexicon.registry import event_types, family



@lru_cache(maxsize=1)
def _other_week() -> re.Pattern[str]:
    return compile_patterns(read_toml("dates.toml")["day_retold"], {"other_week": "other_week"})["other_week"]


def _day_positions(sentence: str, published: date) -> list[int]:
    """Where the sentence names the date line's day: its calendar date ('7 March', '7th March'), or its weekday as the
    date grammar resolves it ('on Thursday'; 'last Thursday' is another day), except after a word the grammar does
    not read as another week ('the previous Thursday'). One day reader with event_days.visit_under_way (review37a)."""
    with_month, weekdays = written_day(sentence, published)
    other_week = _other_week()
    return with_month + [start for start in weekdays if not other_week.search(sentence[max(0, start - 20):start])]


def _kinds(sentence: str) -> frozenset[str]:
    """The kinds of act the sentence tells, by the extractor's own trigger rows: each trigger's type's family and
    the families of the types it yields to (a meeting told again dates a commission's meeting; registry)."""
    types = [hit.event_type for hit in find_triggers(sentence, 0)]
    return frozenset(family(code) for code in types) | frozenset(
        family(other) for code in types if code in event_types() for other in event_types()[code].yields_to)


def kinds_told_on_the_day(text: str, published: date) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per sentence that tells acts done on the date line's day: the families of act it tells (its trigger rows)
    and the countries it names. The date line itself ('Asuncion, 16 May 2022 (Agency): X visited ...') is cut off
    first: it dates the story, it tells no act again. A day named in a clause of plans ('will sign a deal on
    Thursday': the date grammar's tense at the day) tells no act done that day."""
    told = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", DATELINE.sub("", text)):
        if any(tense(sentence, start) != "future" for start in _day_positions(sentence, published)):
            kinds = _kinds(sentence)
            if kinds:
                told.append((kinds, frozenset(found.iso3 for found in find_countries(sentence))))
    return told


def day_retold(rows: list[dict], published: date | None, text: str) -> list[dict]:
    """Rows moved to the date line's month that take its day back: an act of a kind told on that day; every moved
    row when a visit is told on that day. Other rows unchanged."""
    moved = {id(row) for row in rows if str(row.get("date_anchor") or "").startswith(MOVED_ANCHOR)}
    if published is None or not moved:
        return rows
    told = kinds_told_on_the_day(text, published)
    if not told:
        return rows

    def retold(row: dict) -> bool:
        # a sentence naming no country beyond the row's two sides, with the row's kind or a visit
        sides = {row["actor_iso3"], row["target_iso3"]}
        return any(countries <= sides and ("visit" in kinds or family(row["event_type"]) in kinds)
                   for kinds, countries in told)

    out = []
    for row in rows:
        if id(row) in moved and retold(row):  # by identity: no dict-equality scan per row
            row = {**row, "event_date": published, "date_precision": "day",
                   "date_anchor": f"the date line's day ({published:%Y-%m-%d}): an act of its kind told that day"}
        out.append(row)
    return out
