"""A year told in an earlier sentence does not date a later sentence's undated act (prec27).

Made up: "Ruritania opened an embassy in Vell in 1975. A naval mission later hosted cadets in Port Vell." The year
belongs to the opening; the next sentence of a history page tells another time, so the hosting gets no date rather
than 1975. A day holds ("The leaders met on Monday. They signed three accords." is Monday's), an anchor set in the
same sentence holds, and so does a clause that points back ('that year', 'on that occasion', 'then':
flows/lexicon/events.toml [year_anchor])."""
from __future__ import annotations

import re

from flows.common.dates import DateMention
from flows.common.words import alternation
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["year_anchor"]
_BACK = re.compile(r"\b" + alternation(_WORDS["back_words"], "i", escape=False) + r"\b")
_OLD_YEAR = re.compile(_WORDS["old_year"], re.I)


def old_year_told(clause_text: str) -> bool:
    """'The first envoys reached the court in 1518.': a year before the dates read, the clause's own time."""
    return _OLD_YEAR.search(clause_text) is not None


def year_told_before(anchor: DateMention, anchor_read: int, sentences_read: int, clause_text: str) -> bool:
    """True when `anchor` is only a written year, told in an earlier sentence, and the clause does not point back."""
    # a year told relative to the story ('Earlier this year, the minister visited Oslo. The two signed ...') is the
    # story's own time, and still holds
    return (anchor.precision == "year" and anchor.resolution != "relative" and anchor_read < sentences_read
            and _BACK.search(clause_text) is None)
