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
    if sides != (None, None) or clause.countries or clause.persons or clause.start == 0:
        return sides
    if not rules()["gapped_clause"].match(clause.sentence, clause.start, clause.end):
        return sides
    before = [row for row in state.sentence_rows if family(row.event_type) == family(event_type)]
    if not before:
        return sides  # no act of the family told earlier in the same sentence: nothing to repeat
    return before[-1].actor, before[-1].target
