"""Day tests of the event reader that need only dates: a date line that opens a story, a date after the day of
publication, a month already past that a plan means for next year."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from flows.common.dates import DateMention

DATE_LINE_WORDS = 15


def date_line(text: str, dates: list[DateMention], clause_start: int) -> bool:
    """A short line that opens with a full day ('Monday 4 March 2019, 10am, Parliament House, Suva.'): the
    day of the speech or story that follows."""
    return len(text.split()) <= DATE_LINE_WORDS and any(
        mention.precision == "day" and mention.resolution == "explicit" and mention.start - clause_start <= 12
        for mention in dates)


def after_publication(date_m: DateMention | None, published: date | None) -> bool:
    """A date wholly after the day the story was published, at its own precision: what it tells has not happened."""
    if date_m is None or date_m.value is None or published is None:
        return False
    width = {"year": 4, "month": 7}.get(date_m.precision or "day", 10)
    return date_m.value.isoformat()[:width] > published.isoformat()[:width]


def next_year_if_past(date_m: DateMention, published: date | None) -> DateMention:
    """'will visit in June' told in May 2024 is June 2024, not the June already past."""
    if date_m.value and published and date_m.value < published and date_m.resolution != "explicit" \
            and date_m.precision in ("day", "month"):
        try:
            return replace(date_m, value=date_m.value.replace(year=date_m.value.year + 1))
        except ValueError:
            pass  # 29 February
    return date_m
