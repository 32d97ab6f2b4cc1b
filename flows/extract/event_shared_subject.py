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


# the words between the relation's passive and a second participle: ', but', 'and', ', and later'
JOIN_BEFORE = re.compile(r",?\s+(?:but|and)\s+(?:(?:later|then|again|subsequently|eventually|finally)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_toml("history_shapes.toml")["shared_subject"]
    return re.compile(data["subject"], re.I), re.compile(data["conjunct"], re.I)


def shared_subject(sentence: str, seam_start: int, seam_end: int) -> bool:
    """Whether the clause seam at [seam_start, seam_end) joins a passive whose subject is the relation to a
    conjunct that is only a second participle with its date (the same subject, so one clause)."""
    subject, conjunct = _patterns()
    before = sentence[max(0, seam_start - REACH):seam_start]
    if ";" in before or not subject.search(before):
        return False
    return conjunct.match(sentence, seam_end) is not None


def relation_conjunct(sentence: str, trigger_start: int) -> bool:
    """Whether the trigger at trigger_start is a second participle of a passive whose subject is the relation
    ('ties were raised in 1950, but [severed] in 1962'): its sides are the pair's, as the first participle's."""
    join = JOIN_BEFORE.search(sentence, max(0, trigger_start - 40), trigger_start)
    if join is None:
        return False
    before = sentence[max(0, join.start() - REACH):join.start()]
    return ";" not in before and _patterns()[0].search(before) is not None
