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
from flows.extract.syntax import edges, parse
from flows.lexicon import read_toml

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
        if token.head.i == token.i:  # spaCy makes a new Token on each access: compare positions
            return None
        token, seen = token.head, seen + 1
    return None


def _other_time_clause(verb: Any, words: frozenset[str] = OTHER_TIME) -> bool:
    """The verb heads a clause opened by one of `words` ('after/since/before ...': a 'mark' child, or the verb is the
    complement of such a preposition: 'since being sworn in')."""
    if _nominal_gerund(verb):
        return False  # 'After the wreath laying at the memorial on Saturday, they held talks': a noun, not a clause
    if any(child.dep_ == "mark" and child.lower_ in words for child in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ in words


def _nominal_gerund(verb: Any) -> bool:
    """An -ing word the parse took for a verb that is the head of a noun compound ('the wreath laying', 'the ribbon
    cutting'): an occasion named by a noun, on the day the story is at, not a clause of its own (events21b)."""
    # the parse hangs the noun before it as a compound or as the subject ('the wreath' nsubj of 'laying')
    return verb.tag_ == "VBG" and any(child.dep_ in NOMINAL_GERUND_DEPS and child.pos_ == "NOUN" and child.i == verb.i - 1
                                      for child in verb.children)


def in_other_clause(sentence: str, mention: DateMention, trigger_start: int, trigger_end: int) -> bool:
    """Whether the date is another act's: in an 'after/since/before' clause whose verb does not hold the trigger, in
    a coordinated clause when the trigger's own conjunct has a date, or told before a trigger marked as later."""
    return (_before_later(sentence, mention, trigger_start)
            or _in_subordinate(sentence, mention, trigger_start, trigger_end)
            or _in_other_conjunct(sentence, mention, trigger_start, trigger_end))


_CLAUSE_WORDS = read_toml("events_acts.toml")["clauses"]
COORDINATOR_WORD = re.compile(_CLAUSE_WORDS["coordinator"], re.I)
OWN_YEAR_TOKEN = re.compile(_CLAUSE_WORDS["own_year_token"])
# the same year as a word of the text: where no such word stands apart from the date's own last word, no conjunct
# can hold a year of its own, and the sentence need not be parsed (a spaCy token that is a year is such a word)
OWN_YEAR_WORD = re.compile(rf"\b(?:{_CLAUSE_WORDS['own_year_token']})\b")
LATER_BEFORE = re.compile(_CLAUSE_WORDS["later_before"], re.I)
LATER_REACH = int(_CLAUSE_WORDS["later_reach"])
CONJUNCT_LINKS = frozenset({"conj", "advcl"})
NOMINAL_GERUND_DEPS = frozenset({"compound", "nsubj"})


def _before_later(sentence: str, mention: DateMention, trigger_start: int) -> bool:
    """'The legation, opened in the 1950s, was subsequently raised to an embassy': a date told before a trigger that
    'later' (or 'subsequently', 'eventually') puts after it is the earlier act's."""
    return mention.end <= trigger_start and LATER_BEFORE.search(
        sentence, max(mention.end, trigger_start - LATER_REACH), trigger_start) is not None


def _in_other_conjunct(sentence: str, mention: DateMention, trigger_start: int, trigger_end: int) -> bool:
    """Whether the date sits in a coordinated clause whose verb does not hold the trigger, while the trigger's own
    conjunct has a year of its own ('The embassy has worked since 1962 and the consulate was set up in 1980': 1962 is
    the embassy's). A conjunct without a date of its own keeps the shared one ('opened embassies in 1972 and
    exchanged envoys'); with the rules alone (no parse) nothing is dropped."""
    if mention.precision is None or mention.end <= mention.start:
        return False
    (_, first_end), (last_start, _) = sorted(((mention.start, mention.end), (trigger_start, trigger_end)))
    if first_end > last_start or not COORDINATOR_WORD.search(sentence, first_end, last_start):
        return False
    if not any(not year.start() < mention.end <= year.end() for year in OWN_YEAR_WORD.finditer(sentence)):
        return False  # no year but the date's own: the trigger's conjunct has none (parsing each such sentence alone,
        # outside the document's batch, made the spaCy backbone 3.5x slower)
    doc = parse(sentence)
    if doc is None:
        return False
    date_token, trigger_token = _token_at(doc, mention.end - 1), _token_at(doc, trigger_start)
    if date_token is None or trigger_token is None:
        return False
    date_verb, trigger_verb = _governing_verb(date_token), _governing_verb(trigger_token)
    # the parse may hang the second conjunct on the first as an adverbial clause ('..., 1962 and the consulate was
    # set up in 1980': 'set' an advcl of 'operating'): either link, and the trigger's conjunct holds a year
    # spaCy makes a new Token object on each access: compare positions, not identities
    if date_verb is None or trigger_verb is None or date_verb.i == trigger_verb.i or not (
            date_verb.dep_ in CONJUNCT_LINKS and date_verb.head.i == trigger_verb.i
            or trigger_verb.dep_ in CONJUNCT_LINKS and trigger_verb.head.i == date_verb.i):
        return False
    # the trigger's conjunct: its verb's subtree, less the date's conjunct when that one hangs below it
    theirs = {token.i for token in date_verb.subtree} if date_verb.head.i == trigger_verb.i else set()
    own = [token for token in trigger_verb.subtree if token.i not in theirs]
    return date_token.i not in {token.i for token in own} and any(OWN_YEAR_TOKEN.fullmatch(token.text) for token in own)


def _in_subordinate(sentence: str, mention: DateMention, trigger_start: int, trigger_end: int) -> bool:
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
    span = range(*edges(verb))
    return not (trigger_start in span or max(trigger_start, trigger_end - 1) in span)
