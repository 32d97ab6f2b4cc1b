"""Which verb a date belongs to, by the dependency parse: a date inside an 'after/since/before ...' clause is that
clause's verb's, not the main event's ('Making his first trip abroad after being elected President on 17 November,
the President met ...': the 17th is the election's day; the meeting is undated and takes the story's day).

Only a day is kept from the main event: a month or a year after 'after' usually holds the later act too ('After
recognizing Angola in 1975, Brazil opened an embassy'). Only the subordinators that put the clause at another time
than the main verb are read: 'when' and 'while' clauses share the main clause's time ('When he visited Lima in 2019,
he signed ...'), so their dates stay the event's. With the rules alone (no parse) nothing is dropped.
"""
from __future__ import annotations

import re
from typing import Any

from flows.common.dates import DateMention
from flows.extract.syntax import parse

# subordinators of a clause whose time is not the main clause's
OTHER_TIME = frozenset({"after", "since", "before", "until", "till", "following"})
VERB_POS = frozenset({"VERB"})
# the cheap gate before the parse: a sentence without one of those words has no such clause (the parse's mark or
# preposition is one of these words), and most dated sentences have none; parsing each one alone, outside the
# document's batch, made the spaCy backbone 4x slower (101 -> 26 docs/s on the bench articles)
OTHER_TIME_WORD = re.compile(r"\b(?:" + "|".join(sorted(OTHER_TIME)) + r")\b", re.I)
# the subordinators whose clause never shares a month or a year with the main verb: a stretch since, or up to, its act
OTHER_TIME_ANY_PRECISION = frozenset({"since", "until", "till", "before"})
SUBORDINATOR_WORD = {OTHER_TIME: OTHER_TIME_WORD,
                     OTHER_TIME_ANY_PRECISION: re.compile(r"\b(?:" + "|".join(sorted(OTHER_TIME_ANY_PRECISION)) + r")\b", re.I)}


def _token_at(doc: Any, offset: int) -> Any | None:
    """The token that covers the character offset, or None."""
    for token in doc:
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _governing_verb(token: Any) -> Any | None:
    """The nearest verb above the token (itself when it is one), or None at the root without one."""
    seen = 0
    while seen < 40:
        if token.pos_ in VERB_POS:
            return token
        if token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def _other_time_clause(verb: Any, words: frozenset[str] = OTHER_TIME) -> bool:
    """The verb heads a clause opened by one of `words` ('after/since/before ...': a 'mark' child, or the verb is the
    complement of such a preposition: 'since being sworn in')."""
    if any(child.dep_ == "mark" and child.lower_ in words for child in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ in words


def in_other_clause(sentence: str, mention: DateMention, trigger_start: int, trigger_end: int) -> bool:
    """Whether the date sits in an 'after/since/before' clause whose verb does not hold the trigger."""
    # 'After recognizing Angola in 1975, Brazil opened an embassy': a month or a year after 'after' holds both acts;
    # one in a 'since/until/before' clause does not ('the visit is his first since the leader took office in May')
    subordinators = OTHER_TIME if mention.precision == "day" else OTHER_TIME_ANY_PRECISION
    if mention.precision is None or not SUBORDINATOR_WORD[subordinators].search(sentence):
        return False
    words = mention.text.lower().split()
    if not words or words[-1] in OTHER_TIME:
        return False  # 'a week after they met': a measure from the clause it opens, read by the offset rules
    if mention.end <= mention.start:  # the gate above found a subordinator already
        return False
    doc = parse(sentence)
    if doc is None:
        return False
    last = _token_at(doc, mention.end - 1)
    if last is None:
        return False
    verb = _governing_verb(last)
    if verb is None or not _other_time_clause(verb, subordinators):
        return False
    span = range(verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text))
    return not (trigger_start in span or max(trigger_start, trigger_end - 1) in span)
