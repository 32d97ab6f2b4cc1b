"""The year a heading gives the year-less days listed under it:

    Contacts in 2003:
    May 4, the ministers met in Arlanda.      <- 4 May 2003, not the year of the last date told before the heading

The sentence splitter drops such a heading (no sentence), so the reader of a document's dates looks at the lines
between one sentence and the next. The pattern is a row of flows/lexicon/dates.toml ([year_headings])."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from flows.common.dates.context import DateContext, DateMention
from flows.common.dates.grammar import could_have_date
from flows.common.dates.words import YEAR_HEADING_LINE

HEADING = re.compile(YEAR_HEADING_LINE, re.I | re.M)


class _Span(Protocol):
    start: int
    end: int
    text: str


def heading_year(gap: str) -> int | None:
    """The year of the last year heading among the lines of `gap` (text no sentence holds), else None."""
    found = [int(match.group("year")) for match in HEADING.finditer(gap)]
    return found[-1] if found else None


def dates_by_sentence(context: DateContext, text: str, sentences: Sequence[_Span]) -> list[list[DateMention]]:
    """Every sentence's dates in text order, as `context.find` reads them, a year heading between two sentences
    becoming the year the next year-less day takes (see the module's example)."""
    out: list[list[DateMention]] = []
    position = 0
    for sentence in sentences:
        year = heading_year(text[position:sentence.start]) if sentence.start > position else None
        if year is not None:
            context.last, context.heading_year = (date(year, 1, 1), "year"), year
        found = context.find(sentence.text) if could_have_date(sentence.text) else []
        if any(mention.resolution == "explicit" and mention.value is not None for mention in found):
            context.heading_year = None  # 'In 2005, the two sides ...': the text tells its own years again
        out.append(found)
        position = max(position, sentence.end)
    context.heading_year = None
    return out
