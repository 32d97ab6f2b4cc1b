"""A parliament's written question names the acts it asks about ('7. Deputy Ann Bell asked the Minister to outline
what he discussed during his trip to Borvia last week, and to list the talks held'): the question's day is no day of
those acts, which the answer tells with their own dates. The opener's
words are a row of flows/lexicon/events.toml (question_before)."""
from __future__ import annotations

import re

from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml

QUESTION_BEFORE = re.compile(read_toml("events.toml")["question_before"], re.I)
QUESTION_END = re.compile(read_toml("events.toml")["question_end"], re.I)


def without_asked_about(sentence: str, rows: list[EventRow]) -> list[EventRow]:
    """The sentence's event rows without those told after a question's opener. Run after the rows lent their sides
    to the people of the sentence (the visit asked about still tells whose minister travelled)."""
    if not rows or "ask" not in sentence:
        return rows
    opener = QUESTION_BEFORE.search(sentence)
    if opener is None:
        return rows
    close = QUESTION_END.search(sentence, opener.end())
    end = close.start() if close else len(sentence)
    return [row for row in rows if not opener.start() <= row.trigger_start < end]
