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

from flows.extract.event_clause import Clause
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import family

__all__ = ["earlier_firsts"]

SINCE = "since"  # the date reader's kind for a 'since' date
FIRST_REACH = 40  # characters before the trigger where 'the first' may stand ('the first official visit')


@lru_cache(maxsize=1)
def _first_since() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["first_since"], re.I)


def earlier_firsts(rows: list[EventRow], clause: Clause) -> list[EventRow]:
    """The rows of the clause and, for a visit told as 'the first ... since <date>', the earlier visit of the same
    sides on that date (month or year as written)."""
    if "first" not in clause.text.lower():
        return rows  # a plain-word gate before the pattern
    out = list(rows)
    for row in rows:
        if family(row.event_type) != "visit" or row.status != "occurred":
            continue
        for mention in clause.dates:
            if mention.kind != SINCE or mention.value is None or mention.start < row.trigger_start \
                    or mention.value == row.event_date:
                continue
            # from a little before the trigger: 'on the first official visit ... since 1999' (the trigger 'visit')
            words = clause.sentence[max(clause.start, row.trigger_start - FIRST_REACH):mention.start]
            if _first_since().search(words) and not any(
                    family(other.event_type) == "visit" and other.event_date == mention.value for other in out):
                out.append(replace(row, date=replace(mention, kind="point"), resolution=mention.resolution,
                                   inherited=False))
    return out
