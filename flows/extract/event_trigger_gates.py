"""Each trigger row's own required words: a second gate after the stem automaton (speed, no output change).

A trigger row is tried on a clause when the clause holds one of its keywords ('relation', 'ties'); a dozen rows share
those keywords, and each `finditer` costs 5-10 us a clause. Most of them need a word the keyword does not give: the
'severed relations' row needs one of 'sever', 'broke', 'break', 'cut', ..., the 'relations were established' row
needs 'established'. `prefilter.required_words` reads those words off each row's pattern (strings one of which every
match holds, lower-case), and one Aho-Corasick pass over the lower-cased clause finds which of them it holds.
A row none of whose words is in the clause cannot match there, so skipping its `finditer` gives the same hits: on
the real-news texts about half the rows the stems chose (measured: no skipped row had a match). The exactness
argument is prefilter's: a text with one of the few characters sre case-folds by its own table tries every row
(`fold_risk`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ahocorasick

from flows.common.prefilter import fold_risk, required_words, word_gate


class TriggerGates(NamedTuple):
    """Every row's required words in one automaton (each word its own value), and each row's words by position
    (None: the row has none, it is always tried)."""

    automaton: ahocorasick.Automaton | None
    words: tuple[frozenset[str] | None, ...]


def trigger_gates(patterns: Sequence[re.Pattern[str]]) -> TriggerGates:
    """The gates of trigger patterns, by position (build once a process: ~200 parses)."""
    words = tuple(required_words(pattern) for pattern in patterns)
    every = {word for row in words if row for word in row}
    if not every:
        return TriggerGates(None, words)
    return TriggerGates(word_gate(every).automaton, words)


def open_rows(gates: TriggerGates, wanted: Iterable[int], clause: str, lowered: str) -> list[int]:
    """The rows of `wanted` (positions) that may match clause, in the lexicon's order; lowered is clause.lower()."""
    rows = sorted(wanted)
    if gates.automaton is None or fold_risk(clause):
        return rows  # sre's own case folding may match what the lower-cased text does not show: try every row
    found = {word for _, word in gates.automaton.iter(lowered)}  # a set of words, not a union of row sets (speed)
    return [row for row in rows if (needed := gates.words[row]) is None or not needed.isdisjoint(found)]
