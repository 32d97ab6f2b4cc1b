"""The earlier visit a 'first since' tells (branch events20a).

"The visit on Monday is the first by an Arlandian president since May 2009" tells two visits: Monday's, and one by
the same side to the same host in May 2009 (the last before it). The visit's own row keeps its day; the 'since' date,
which dates no act of the clause otherwise, gives the earlier visit its row. Only visits: 'their first meeting since
2017' names no place or side of the earlier meeting's own. The words are rows of flows/lexicon/events_scope.toml
(`first_since`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flows.common.dates import DateMention, publication_mention
from flows.extract.event_clause import Clause
from flows.extract.event_rows import EventRow, EventState
from flows.lexicon import read_toml
from flows.lexicon.registry import family

__all__ = ["earlier_firsts"]

SINCE = "since"  # the date reader's kind for a 'since' date
FIRST_REACH = 40  # characters before the trigger where 'the first' may stand ('the first official visit')


@lru_cache(maxsize=1)
def _first_since() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["first_since"], re.I)


@lru_cache(maxsize=1)
def _place() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["first_since_place"], re.I)


def _elsewhere(row: EventRow, clause: Clause, start: int, end: int) -> bool:
    """The words from the trigger to the 'since' date (sentence[start:end]) name a place the earlier visit went to,
    and that place is not the visit's host: 'the first by an Arlandian leader to the Gulf since 2019' tells of a
    visit to the region, not to Borvia."""
    place = _place().search(clause.sentence, start, end)
    return place is not None and not any(country.iso3 == row.target and place.start() <= country.start < end
                                         for country in clause.countries)


def _first_since_words(row: EventRow, clause: Clause, mention: DateMention) -> bool:
    """The date closes a 'the first ... since' told from a little before the trigger on ('on the first official visit
    ... since 1999', the trigger 'visit'; 'This visit is the first by an Arlandian leader since May 2009')."""
    if mention.kind != SINCE or mention.value is None or mention.start < row.trigger_start:
        return False
    return _first_since().search(clause.sentence[max(clause.start, row.trigger_start - FIRST_REACH):mention.start]) \
        is not None


def _story_day(state: EventState) -> DateMention | None:
    """The day the story is at: its anchor, else its publication day; None on an undated page with no anchor."""
    if state.anchor is not None and state.anchor.value is not None:
        return state.anchor
    if state.published is not None:
        return publication_mention(state.published)
    return None


def earlier_firsts(rows: list[EventRow], clause: Clause, state: EventState) -> list[EventRow]:
    """The rows of the clause and, for a visit told as 'the first ... since <date>', the earlier visit of the same
    sides on that date (month or year as written). A visit with no date but the 'since' one is the story's (its
    day, or its publication day; events21b: 'This state visit is the first ... since May 2009' dated May 2009 was
    the earlier visit told as this one); on an undated page with no story day it stays the earlier visit. A place
    named for the earlier visit other than the host ('to the Gulf since 2019') tells no earlier visit to the host."""
    if "first" not in clause.text.lower():
        return rows  # a plain-word gate before the pattern
    out = list(rows)
    story = _story_day(state)  # the state does not change in this loop
    for row in rows:
        if family(row.event_type) != "visit":
            continue  # a planned visit's 'first since' tells a past one too ('will be the first ... since 1999')
        for mention in clause.dates:
            if not _first_since_words(row, clause, mention):
                continue
            elsewhere = _elsewhere(row, clause, row.trigger_start, mention.start)
            # a second 'since' date of the same value finds the row already dropped or re-dated: decided once
            if (row.date is mention or row.event_date == mention.value) and row in out:
                if story is None:
                    if elsewhere:
                        out.remove(row)  # no day of its own, and the 'since' date is a visit elsewhere
                    continue  # the 'since' date stays: the earlier visit (an undated page with no story day)
                if any(family(known.event_type) == "visit" and (known.actor, known.target) == (row.actor, row.target)
                       for known in state.events):
                    out.remove(row)  # 'This state visit is the first ...' after the visit was told: told again
                else:
                    out[out.index(row)] = replace(row, date=story, resolution=story.resolution, inherited=True)
            if not elsewhere and not any(family(other.event_type) == "visit" and other.event_date == mention.value
                                         for other in out):
                out.append(replace(row, date=replace(mention, kind="point"), resolution=mention.resolution,
                                   inherited=False, status="occurred"))
    return out
