"""Day tests of the event reader that need only dates: a date line that opens a story, a date after the day of
publication, a month already past that a plan means for next year."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from flows.common.dates import DateMention
from flows.common.dates.resolved import read_number
from flows.lexicon import read_toml
from flows.lexicon.registry import family

DATE_LINE_WORDS = 15
# 'earlier this year', 'late this month': a part of the period that need not hold the day of the story
_PART_OF_PERIOD = re.compile(r"(?:earlier|later|early|late|at\s+the\s+(?:start|end|beginning)|since|until|by)\b", re.I)


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


# a past perfect: 'had delivered an invitation in May' tells an act before the story, not the plan's time
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|already\s+|also\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|ng|nt)\b", re.I)


def next_year_if_past(date_m: DateMention, published: date | None, clause: str = "") -> DateMention:
    """'will visit in June' told in May 2024 is June 2024, not the June already past; a month in a past-perfect
    clause ('had delivered an invitation in May') is the last such month, when that act was done."""
    # at the date's precision: 'next week' told on 5 November is November, not a November already past
    width = 7 if date_m.precision == "month" else 10
    if date_m.value and published and date_m.value.isoformat()[:width] < published.isoformat()[:width] \
            and date_m.resolution != "explicit" and date_m.precision in ("day", "month") \
            and not _PAST_PERFECT.search(clause):
        try:
            return replace(date_m, value=date_m.value.replace(year=date_m.value.year + 1))
        except ValueError:
            pass  # 29 February
    return date_m


def holds_publication_day(anchor: DateMention, published: date | None) -> bool:
    """An anchor that is only the period the story is published in ('This year Norway marks 200 years of its
    constitution.' told on 12 June 2024) gives way to the publication day for a later undated event ('The
    President held a meeting with his Chilean counterpart.'): the day of the news lies inside that year, and is
    more precise. Not 'earlier this year' (a part of the period, before the story) nor a written year ('In 2024')."""
    if published is None or anchor.value is None or anchor.precision not in ("year", "month"):
        return False
    if anchor.resolution != "relative" or _PART_OF_PERIOD.match(anchor.text.strip()):
        return False
    end = anchor.end_value or anchor.value
    return anchor.value <= published <= end


@lru_cache(maxsize=1)
def _visit_end() -> re.Pattern[str]:
    return re.compile(read_toml("dates.toml")["visit_end"]["through_trigger"], re.I)


def visit_start(date_m: DateMention | None, sentence: str, trigger_end: int) -> DateMention | None:
    """'the president ended a two-day visit to B' told on 8 September: the visit began on the 7th (its first day is
    its date); any other visit, or a date coarser than a day, is left as it is."""
    if date_m is None or date_m.value is None or date_m.precision != "day":
        return date_m
    told = _visit_end().search(sentence[max(0, trigger_end - 90):trigger_end])
    if told is None:
        return date_m
    days = read_number(told["n"])
    if days is None or not 1 < days <= 14:
        return date_m
    return replace(date_m, value=date_m.value - timedelta(days=days - 1))


# A lead tells the day's act without its day ('Chile and Peru signed three accords', a page of Tuesday); the body
# then gives it ('The accords were signed on Monday in Lima'): the act of the lead is that day's, not the page's.
NEWS_WEEK = 7


def _told_day(row: dict, dated: list[dict], published: date) -> dict | None:
    """The row of the same pair, its own day told in the week before publication, that dates an undated `row`: one of
    its family if any; else any act of the pair, when all the pair's acts told with a day fall on that one day ('As
    the president arrived, the two signed ...' with 'signed on Monday' and 'met on Monday' below; an act told on the
    publication day too leaves the lead on the publication day)."""
    pair = {row["actor_iso3"], row["target_iso3"]}
    same = [other for other in dated if {other["actor_iso3"], other["target_iso3"]} == pair]
    kin = [other for other in same if family(other["event_type"]) == family(row["event_type"])
           and other["event_date"] < published]
    days = {other["event_date"] for other in (kin or same)}
    return (kin or same)[0] if len(days) == 1 and min(days) < published else None


def news_day(rows: list[dict], published: date | None) -> list[dict]:
    """Event rows where an act dated only by the publication day (told with no date of its own) takes the day the
    text gives the same pair's act in the week before publication; other rows unchanged."""
    if published is None:
        return rows
    dated = [row for row in rows if row["status"] == "occurred" and row["date_precision"] == "day"
             and row["date_resolution"] not in (None, "publication") and row["event_date"] is not None
             and 0 <= (published - row["event_date"]).days < NEWS_WEEK]
    out = []
    for row in rows:
        source = _told_day(row, dated, published) if row["date_resolution"] == "publication" and row["status"] == "occurred" \
            else None
        if source is not None:
            row = {**row, "event_date": source["event_date"], "date_resolution": "anaphora",
                   "date_anchor": f"the same act told later '{source['date_text'] or source['event_date']}'"}
        out.append(row)
    return out
