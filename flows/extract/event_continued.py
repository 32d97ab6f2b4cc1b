"""The day an undated act takes when the story has told more than one day: the eve of the story's day does not replace
it, and an act told with 'also' continues the acts of the sentence before it."""
from __future__ import annotations

import re
from datetime import timedelta

from flows.common.dates import DateMention
from flows.extract.event_clause import LEAD_SENTENCES
from flows.extract.event_rows import EventRow, EventState
from flows.lexicon.registry import event_types, family

# how many days before the story's day a day is its eve: the guest's arrival the evening before, the ministers'
# meeting that prepared the summit ('The summit was preceded by a meeting of ministers on the 13th')
EVE_DAYS = 2
ALSO = re.compile(r"\balso\b", re.I)


def _has_eve(code: str) -> bool:
    """A summit or a commission's session (the registry's has_eve column) told with its own day has an eve."""
    known = event_types().get(code)
    return known is not None and known.has_eve


def keep_story_day(state: EventState, new: DateMention | None) -> DateMention | None:
    """The lead's day stays the story's day when a later sentence tells its eve: 'The presidents chaired the
    commission on Thursday, 14 March. It was preceded by a meeting of ministers on 13 March. The two presidents
    witnessed the signing of agreements.' The signing is on the 14th, the day the lead is about, not the eve's. Only a
    meeting or a session told with its own day in the lead has an eve: a date line's day (the publication day) is the
    day of writing, and a return told in the lead ('arrived back on Saturday after a two-day visit') ends the story;
    a day inside a visit already told ('On Tuesday, her stay's second day') is a day of the story, no eve."""
    current = state.anchor
    if current is None or new is None or new is current or current.value is None or new.value is None:
        return new
    if current.precision != "day" or new.precision != "day" or state.anchor_read >= LEAD_SENTENCES:
        return new
    if current.value == state.published:
        return new  # a date line's day is the day of writing: 'arrived yesterday' is the story's day
    if not any(_has_eve(row.event_type) and not row.inherited and row.event_date == current.value
               for row in state.events):
        return new  # 'returned home on Saturday after a two-day visit': the lead's day ends the story, not its day
    if any(family(row.event_type) == "visit" and row.status == "occurred" and row.event_date is not None
           and row.event_date <= new.value for row in state.events):
        return new  # 'She toured the port on Tuesday, her stay's second day': a day of a visit under way is no eve
    if current.value - timedelta(days=EVE_DAYS) <= new.value < current.value:
        return current
    return new


def continued_day(clause_text: str, state: EventState) -> DateMention | None:
    """'During the visit, the two sides signed three memoranda. The foreign ministers also held talks.': an undated
    act told with 'also' right after a sentence whose acts took the day of the story's events continues them, on
    their day (the visit's first day here, not the lead's later day)."""
    if not ALSO.search(clause_text):
        return None
    rows = [row for row in state.previous_rows if row.status == "occurred"]
    days = {row.event_date for row in rows}
    if not rows or len(days) != 1 or not all(_carried(row) for row in rows):
        return None
    return rows[-1].date


def _carried(row: EventRow) -> bool:
    """A row dated by the story's day or a visit it was part of, at a day's precision (not a year of its history)."""
    return row.inherited and row.date is not None and row.date.precision == "day"
