"""A list item that repeats a visit the page already told in its sentences is that visit, not a second one:

    In July 1990, President Ana Soto became the first Arlandese head of state to visit Borvia.
    ...
    Visits from Arland to Borvia
    - President Ana Soto (1990)      <- the July 1990 visit again: no year-only row of its own

The item is the told visit when both have the same sides and agree on the item's date, the told one is at least as
precise, and one of: the told one is more precise (the list gives only the year of what prose dated to the month),
the told sentence names the item's person ('Premier Jon Roe (1996)' and 'Jon Roe visited Borvia in 1996'), or the
sentence is the item's own line ('- In May, 1999 Premier Jon Roe visited Borvia.' is read as a sentence too). Two
items of one year with no person in common stay two visits ('Presidents: 1998' and 'Premiers: 1998'), and one told
visit is one item: the first in the text ('Presidents: 2014' before 'Foreign Ministers: 2014' when prose tells the
President's visit of August 2014)."""
from __future__ import annotations

import re
from typing import Any

from flows.common.dates import PRECISION_RANK
from flows.extract.event_lists import ListedVisit
from flows.lexicon.registry import family

_RANK = {precision: -rank for precision, rank in PRECISION_RANK.items()}  # the finer, the higher


def told_before(visit: ListedVisit, told: list[dict[str, Any]], used: set[int]) -> bool:
    """Whether a visit the sentences told (rows of the document's event mentions) is this list item's; `used` holds
    the told rows an earlier item already was, and gains the one this item is."""
    listed = visit.date
    rank = _RANK.get(listed.precision or "year", _RANK["year"])
    surname = visit.name.split()[-1] if visit.name.split() else ""
    surname_rx = re.compile(rf"\b{re.escape(surname)}\b") if surname else None  # once a visit, not once a row
    for index, row in enumerate(told):
        day, precision = row.get("event_date"), row.get("date_precision")
        if day is None or family(str(row["event_type"])) != "visit" or precision not in _RANK:
            continue
        if (row["actor_iso3"], row["target_iso3"]) != (visit.actor, visit.target) or _RANK[precision] < rank:
            continue
        if day.year != listed.value.year or (rank >= _RANK["month"] and day.month != listed.value.month):
            continue
        own_line = row["char_start"] < visit.line_end and visit.line_start < row["char_end"]
        named = surname_rx is not None and surname_rx.search(str(row.get("evidence") or "")) is not None
        if index not in used and (_RANK[precision] > rank or named or own_line):
            used.add(index)
            return True
    return False
