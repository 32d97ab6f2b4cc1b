"""The visitor of a visit told in a relative clause is the clause's antecedent: in 'A's premier signed a statement
with B's foreign minister X, who is visiting the island nation', X is the one visiting, whoever the main clause's
subject is. The host is then the pair's other side (the clause may name it only by a description, 'the island
nation', which names no country for the visit's own reading)."""
from __future__ import annotations

import re
from dataclasses import replace

from flows.extract.countries import other_side
from flows.extract.event_rows import EventRow
from flows.extract.persons import Person
from flows.lexicon.registry import family

# 'X, who is visiting', 'X who was currently visiting': the relative pronoun and its auxiliary right before the trigger
# or the reduced relative 'X, currently visiting the island state' (no pronoun, but 'currently'/'now' makes it X's)
_RELATIVE_BEFORE = re.compile(r"(?:(?:,\s*|\s+)who\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:currently\s+|now\s+|also\s+)?"
                              r"|,\s*(?:currently|now)\s+)$", re.I)
_ANTECEDENT_GAP = 2  # at most a comma and a space between the person's name and 'who'


def relative_clause_visitors(sentence: str, persons: list[tuple[Person, int, int]], rows: list[EventRow],
                             pair: tuple[str, str] | None) -> list[EventRow]:
    """The sentence's rows with a visit told in a 'who is visiting' clause given its antecedent's country as the
    visitor, when that country is a side of the document's pair; the host is the clause's own destination when it
    names a country outside the pair, else the pair's other side; other rows unchanged."""
    if pair is None or ("who" not in sentence and "urrently" not in sentence and "now" not in sentence):
        return rows
    out = []
    for row in rows:
        relative = _RELATIVE_BEFORE.search(sentence, 0, row.trigger_start) if family(row.event_type) == "visit" else None
        if relative is not None:
            named = [person for person, _, end in persons
                     if end <= relative.start() + 1 and relative.start() - end <= _ANTECEDENT_GAP]
            visitor = named[-1].country if named else None
            if visitor in pair and visitor != row.actor:
                # 'who was visiting Japan' names its own host: the visitor's, not the pair's other side (review34a)
                host = row.target if row.target is not None and row.target not in pair else other_side(pair, visitor)
                row = replace(row, actor=visitor, target=host)
        out.append(row)
    return out
