"""A clause that repeats the visit of the clause before it and names no side of its own (branch near28b; mend30a).

"The President of Arland visited Borvia in May 2015 to attend a forum, and in June 2016 on a state visit." The
clause splitter cuts at ', and', so the second clause holds its own visit ('on a state visit') and its own date but
no country and no person: read alone it has no sides and gives nothing. Such a clause opens with its time ('and in
June 2016', 'and again in 2016', 'and later on 3 May'), has no subject (the verb of the clause before is understood)
and goes straight on with 'on/for/as (a/an/his ...) ... visit'. It takes the sides of the last act of the same family
that its sentence told before it (in reading order: the last such row of the sentence so far), on its own date. A
clause with a subject of its own ('and in May 2016 a return visit followed', 'and in 2016 his counterpart paid a
return visit') or a return or reciprocal visit (the other side's) is never gapped. The opening words are a row of
flows/lexicon/events.toml (`gapped_clause`).

A clause whose subject is a named person and whose visit names no place, its time closing it ("In 1995 the Arlandian
premier paid a state visit to Borvia, while President Roe paid one in 2004"; hist37), repeats the visit's sides too:
the person is of no country read, or of the visitor's (`gapped_subject_clause`).
"""
from __future__ import annotations

from flows.extract.event_clause import Clause
from flows.extract.event_grammar import rules
from flows.extract.event_rows import EventState
from flows.lexicon.registry import family

__all__ = ["gapped_sides"]


def gapped_sides(event_type: str, clause: Clause, state: EventState,
                 sides: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The sides of the last row of the same family told earlier in the sentence, for a clause that opens with its
    time, has no subject and goes on with its visit; `sides` as read otherwise (kept when any side was read)."""
    if clause.countries or clause.start == 0:
        return sides
    before = [row for row in state.sentence_rows if family(row.event_type) == family(event_type)]
    if not before:
        return sides  # no act of the family told earlier in the same sentence: nothing to repeat
    last = before[-1].actor, before[-1].target
    if sides == (None, None) and not clause.persons and rules()["gapped_clause"].match(clause.sentence, clause.start,
                                                                                          clause.end):
        return last
    if _person_subject_gapped(clause, sides, last):
        return last
    return sides


def _person_subject_gapped(clause: Clause, sides: tuple[str | None, str | None],
                           last: tuple[str | None, str | None]) -> bool:
    """'..., while President Roe paid a state visit in 2004': the clause is a named subject, a visit and its time,
    nothing more (events.toml gapped_subject_clause). Its person is of no country, or of the visitor's before (never
    the host's: that would be a return visit); the sides read so far, if any, are the visit's before."""
    if sides[1] is not None or sides[0] not in (None, last[0]):
        return False
    if any(person.country not in (None, last[0]) for person, _, _ in clause.persons):
        return False
    return bool(rules()["gapped_subject_clause"].match(clause.sentence, clause.start, clause.end))
