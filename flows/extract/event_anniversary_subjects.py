"""An anniversary told of something that is no tie between the two states ('we celebrated 60 years of Arlandian
immigration to Borvia', 'Borvia celebrates 150 years from the declaration of its independence') is no
anniversary_event of the pair: the README's convention reads only anniversaries the parties mark of their relations
as one (not of a treaty, a friendship or independence). The subjects are rows of flows/lexicon/anniversaries.toml [not_of_relations]."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml

ANNIVERSARY = "anniversary_event"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What is counted when it is no tie ('60 years of Arlandian immigration', 'its 60th independence anniversary'),
    and a tie of the pair named in the sentence ('relations', 'ties'; not 'the Secretary of Foreign Relations')."""
    words = read_toml("anniversaries.toml")["not_of_relations"]
    reach = int(words["reach"])
    subjects = alternation(words["subjects"])
    # up to `reach` words between the counting word and the subject ('of Arlandian immigration', 'from the
    # Declaration of its territory's independence'), none of them a stop
    counted = rf"{words['counted']}(?:[^\s.;]+\s+){{0,{reach}}}?{subjects}\b|\b{subjects}{words['named_before']}"
    return re.compile(counted, re.I), re.compile(words["tie"], re.I)


def without_other_anniversaries(sentence: str, rows: list[EventRow]) -> list[EventRow]:
    """The sentence's rows but its anniversary rows, when what the sentence counts the years of is no tie of the
    pair and it names no tie of the pair besides (a sentence that also names an anniversary of relations keeps its
    row)."""
    if not any(row.event_type == ANNIVERSARY for row in rows):
        return rows
    counted, tie = _patterns()
    if counted.search(sentence) is None or tie.search(sentence) is not None:
        return rows
    return [row for row in rows if row.event_type != ANNIVERSARY]
