"""Events named as the subject of a hoped-for effect: "The Minister expressed confidence that the opening of the
consulate will help traders" and "I am sure that this visit will deepen our ties" tell no new opening or visit (the
one who hopes is not its actor, and the act is the story's, told elsewhere); such a row is dropped
(flows/lexicon/events.toml [hoped_effects])."""
from __future__ import annotations

import re

from flows.common.prefilter import gate
from flows.extract.event_rows import EventRow
from flows.lexicon.registry import family
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["hoped_effects"]
_ATTITUDE = re.compile(_WORDS["attitude"], re.I)
_OPENER = re.compile(_WORDS["subject_opener"], re.I)
_EFFECT = re.compile(_WORDS["effect"])
_REACH = int(_WORDS["reach"])
_VERB = re.compile(_WORDS["verb_ending"], re.I)


def hoped_subjects(sentence: str) -> list[tuple[int, int]]:
    """The spans of the subjects of hoped-for effects: 'hopes that [the visit] will help' -> the bracketed span."""
    if not gate(_ATTITUDE).open(sentence):
        return []  # the attitude's own required word ('that') first, a cheap gate (flows/common/prefilter.py)
    spans: list[tuple[int, int]] = []
    for attitude in _ATTITUDE.finditer(sentence):
        start = attitude.end()
        if not _OPENER.match(sentence, start):
            continue
        effect = _EFFECT.search(sentence, start, min(len(sentence), start + _REACH))
        if effect is not None and not any(mark in sentence[start:effect.start()] for mark in ";:\"“”"):
            spans.append((start, effect.start()))
    return spans


def without_hoped_subjects(sentence: str, rows: list[EventRow], told: list[EventRow]) -> list[EventRow]:
    """The rows but those whose noun trigger is the subject of a hoped-for effect and that no earlier row of the
    story (`told`) tells with the same sides: a hoped-for effect of an act told before keeps its row (the story's
    act told again, which later readers may date from), one of no act told before is no act ('The Minister of A is
    sure that the visit will help' with no visit of A told)."""
    if not rows:
        return rows
    spans = hoped_subjects(sentence)
    if not spans:
        return rows
    return [row for row in rows if _VERB.search(row.trigger.strip())
            or not any(start <= row.trigger_start < end for start, end in spans)
            or any(family(other.event_type) == family(row.event_type) and (other.actor, other.target) == (
                row.actor, row.target) for other in told)]
