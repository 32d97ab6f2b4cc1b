"""A conjunct with no subject of its own shares the clause's subject: 'Diplomatic ties were raised to embassy level
in 1950, but severed in 1962'. The clause splitter cuts at ', but' and ', and', which leaves the second participle
('severed in 1962') with no relation to name; kept in one clause, a trigger row reads both acts, each dated by its
own date. Only the relation itself as subject is read (history_shapes.toml), a history's commonest such pair."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.lexicon import read_toml

# how far back (characters) the relation's passive may start before the seam
REACH = 160


@lru_cache(maxsize=1)
def relation_words() -> dict[str, str]:
    """The relation's passive, adverbs and acts (history_shapes.toml [shared_subject]) as regex pieces, by the names
    event_triggers.csv's rows write them in braces."""
    data = read_toml("history_shapes.toml")["shared_subject"]
    return {"relation_passive": data["relation_passive"], "relation_adverbs": "|".join(data["adverbs"]),
            "break_acts": data["break_acts"], "restore_acts": data["restore_acts"], "other_acts": data["other_acts"],
            "relation_auxiliary": data["auxiliary"], "relation_later": data["later"], **_envoy_words()}


def _envoy_words() -> dict[str, str]:
    """An envoy's ranks, the first envoy ('first resident ambassador') and the title words that name no sender
    ('Special Envoy'), history_shapes.toml [envoys]: the 'appointed' rows' one 'first envoys only' condition
    (review36a, review37a)."""
    data = read_toml("history_shapes.toml")["envoys"]
    return {"first_envoy": data["first"].replace("{envoy_ranks}", data["ranks"]), "envoy_ranks": data["ranks"],
            "envoy_titles": data["titles"]}


def fill_relation_words(pattern: str) -> str:
    """A trigger row's pattern with its {relation_passive}-like names filled in (other braces, '{0,80}', kept)."""
    for name, words in relation_words().items():
        pattern = pattern.replace("{" + name + "}", words)
    return pattern


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The relation's passive ('ties were raised'), the conjunct that is only one of its acts with a date ('later
    severed in 1962', 'restored on 3 May 1970'), and the join before such a conjunct (', but', 'and', ', and later')."""
    words = relation_words()
    adverbs = rf"(?:{words['relation_auxiliary']}\s+)?(?:(?:{words['relation_adverbs']})\s+)?"
    acts = f"{words['break_acts']}|{words['restore_acts']}|{words['other_acts']}"
    subject = words["relation_passive"] + r"(?:\w+ly\s+)?\w+"
    conjunct = adverbs + rf"(?:{acts})\b(?:\s+(?:off|up))?\s+(?:(?:again\s+)?(?:in|on)\s+(?:\d|(?-i:[A-Z][a-z]+\s+\d))" \
        + rf"|{words['relation_later']})"
    join = rf",?\s+(?:but|and)\s+{adverbs}$"
    return re.compile(subject, re.I), re.compile(conjunct, re.I), re.compile(join, re.I)


def shared_subject(sentence: str, seam_start: int, seam_end: int) -> bool:
    """Whether the clause seam at [seam_start, seam_end) joins a passive whose subject is the relation to a
    conjunct that is only a second participle, an act of the relation, with its date (the same subject, so one
    clause)."""
    subject, conjunct, _ = _patterns()
    before = sentence[max(0, seam_start - REACH):seam_start]
    if ";" in before or not subject.search(before):
        return False
    return conjunct.match(sentence, seam_end) is not None


def relation_conjunct(sentence: str, trigger_start: int) -> bool:
    """Whether the trigger at trigger_start is a second participle of a passive whose subject is the relation
    ('ties were raised in 1950, but [severed] in 1962'): its sides are the pair's, as the first participle's."""
    subject, _, join_before = _patterns()
    join = join_before.search(sentence, max(0, trigger_start - 40), trigger_start)
    if join is None:
        return False
    before = sentence[max(0, join.start() - REACH):join.start()]
    return ";" not in before and subject.search(before) is not None
