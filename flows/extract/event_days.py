"""Day tests of the event reader that need only dates: a date line that opens a story, a date after the day of
publication, a month already past that a plan means for next year."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from flows.common.dates import DateContext, DateMention
from flows.common.dates.words import MONTHS, POINT_PREPOSITIONS, WEEKDAYS
from flows.common.words import whole_words
from flows.common.prefilter import gate
from flows.extract.event_company import other_company
from flows.extract.event_rows import EventRow
from flows.common.dates.resolved import read_month, read_number
from flows.lexicon import compile_patterns, read_toml
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


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
# a past perfect: 'had delivered an invitation in May' tells an act before the story, not the plan's time
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|already\s+|also\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|ng|nt)\b", re.I)


def next_year_if_past(date_m: DateMention, published: date | None, clause: str = "") -> DateMention:
    """'will visit in June' told in May 2024 is June 2024, not the June already past; a month in a past-perfect
    clause ('had delivered an invitation in May') is the last such month, when that act was done."""
    # at the date's precision: 'next week' told on 5 November is November, not a November already past
    width = 7 if date_m.precision == "month" else 10
    if date_m.value and published and date_m.value < published and date_m.resolution == "relative" \
            and date_m.precision == "day" and _WEEKDAY.search(date_m.text or "") and not _PAST_PERFECT.search(clause):
        # 'The trip from Thursday will be his first' told on a Tuesday: the coming Thursday, not one a year on
        return replace(date_m, value=date_m.value + timedelta(days=7 * ((published - date_m.value).days // 7 + 1)))
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


@lru_cache(maxsize=1)
def _visit_end_after() -> re.Pattern[str]:
    return re.compile(read_toml("dates.toml")["visit_end"]["after_trigger"], re.I)


def lead_position(sentences_read: int, headings_read: int, acts_told: bool) -> int:
    """The sentence's place in the lead: lines with no closing stop above a page's first act (a cookie notice, a
    headline, a standfirst, a date line) are not counted ('Ministers meet' / 'May 14, 2024' / 'The ministers of A and
    B have held talks in Lisbon.': the perfect is the lead's, the news of the day); sentences of the body are."""
    return sentences_read if acts_told else sentences_read - headings_read


@lru_cache(maxsize=1)
def _visit_phase() -> re.Pattern[str]:
    return re.compile(read_toml("dates.toml")["visit_phase"]["perfect_before_trigger"], re.I)


def visit_phase_perfect(before: str) -> bool:
    """'The premier has begun her three-day official trip to B': a visit told by its beginning or end in the present
    perfect is the news of the story's day (so an undated one takes that day), not a state of affairs."""
    return _visit_phase().search(before[-120:]) is not None


def visit_start(date_m: DateMention | None, sentence: str, trigger_end: int) -> DateMention | None:
    """'the president ended a two-day visit to B' told on 8 September: the visit began on the 7th (its first day is
    its date); so did one told 'flew home after ending a two-day visit'; any other visit, or a date coarser than a
    day, is left as it is."""
    if date_m is None or date_m.value is None or date_m.precision != "day":
        return date_m
    told = _visit_end().search(sentence[max(0, trigger_end - 90):trigger_end]) \
        or _visit_end_after().match(sentence, trigger_end)  # 'flew home on Friday after ending a three-day visit'
    if told is None:
        return date_m
    days = read_number(told["n"])
    if days is None or not 1 < days <= 14:
        return date_m
    return replace(date_m, value=date_m.value - timedelta(days=days - 1))


@lru_cache(maxsize=1)
def _visit_day() -> re.Pattern[str]:
    return re.compile(read_toml("dates.toml")["visit_day"]["nth"], re.I)


def nth_visit_day(date_m: DateMention | None, sentence: str, today: date | None = None) -> tuple[date, date] | None:
    """(first day, told day) of the visit when the sentence tells its day as the visit's Nth ('On Friday, the second
    day of the visit, the presidents met'): the visit began on Thursday; None otherwise. 'this second day of his
    stay' is the story's own day (`today`, the publication day), whatever day the clause took from before."""
    if not gate(_visit_day()).open(sentence):
        return None  # the pattern's own required words first, a cheap gate (flows/common/prefilter.py)
    told = _visit_day().search(sentence)
    if told is None:
        return None
    if told.group(0).lower().startswith("this") and today is not None:
        day = today
    elif date_m is None or date_m.value is None or date_m.precision != "day":
        return None
    else:
        day = date_m.value
    nth = read_toml("dates.toml")["ordinals"].get(told["n"].lower())
    if not isinstance(nth, int) or nth < 2:
        return None
    return day - timedelta(days=nth - 1), day


Sides = tuple[str, str] | frozenset[str]  # (visitor, host), or the two sides in either order


def move_to_first_day(spans: list[tuple[Sides, date, date]], sides: Sides, first: DateMention | date,
                      last: date) -> None:
    """Remember that the pair's visit began on `first` and lasted to `last` or beyond, once a later sentence tells how
    long it lasted ('..., who ended his two-day visit', 'On Sunday, the second day of the visit, ...'): visits of the
    pair told before with a day inside it ('The visiting premier said on Sunday ...') take its first day
    (`first_days`, when the document's rows are written)."""
    start = first if isinstance(first, date) else first.value
    if start is not None and start < last:
        spans.append((sides, start, last))


def first_days(rows: list[dict], spans: list[tuple[Sides, date, date]]) -> list[dict]:
    """Event rows where a visit that happened, dated by a day inside a span of `spans` of the same pair, takes the
    span's first day (the visit's date is its first day); other rows unchanged."""
    if not spans:
        return rows
    out = []
    for row in rows:
        for sides, first, last in spans:
            if family(row["event_type"]) == "visit" and row["status"] == "occurred" and row["date_precision"] == "day" \
                    and _same_sides(row, sides) and row["event_date"] is not None \
                    and first < row["event_date"] <= last:
                row = {**row, "event_date": first,
                       "date_anchor": f"the first day of the visit, told later ({row['date_anchor'] or row['date_text']})"}
        out.append(row)
    return out


def _same_sides(row: dict, sides: Sides) -> bool:
    if isinstance(sides, tuple):
        return (row["actor_iso3"], row["target_iso3"]) == sides
    return {row["actor_iso3"], row["target_iso3"]} == sides


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


# a closing quotation mark after the date, with no opening one between: the date is inside reported speech
_CLOSES_QUOTE = re.compile(r'^[^“"]*?(?:”|",|"\s+(?:he|she|the|[A-Z]))')


def _quoted_today(row: dict, published: date) -> bool:
    """'"Several accords were signed today," the emir said' in a story of the next morning: the speaker's today is
    the day the words were said, the story's day, not the publication day."""
    text = (row.get("date_text") or "").lower()
    if row["date_resolution"] != "relative" or row["event_date"] != published or "today" not in text:
        return False
    evidence = row.get("evidence") or ""
    at = evidence.lower().find(text)
    return at >= 0 and _CLOSES_QUOTE.match(evidence[at + len(text):]) is not None


def news_day(rows: list[dict], published: date | None) -> list[dict]:
    """Event rows where an act dated only by the publication day (told with no date of its own) takes the day the
    text gives the same pair's act in the week before publication; other rows unchanged. An undated meeting whose
    day is that of a meeting the body tells with its day is that meeting told first, so it goes (unless each names
    other people: event_company.other_company)."""
    if published is None:
        return rows
    dated = [row for row in rows if row["status"] == "occurred" and row["date_precision"] == "day"
             and row["date_resolution"] not in (None, "publication") and row["event_date"] is not None
             and 0 <= (published - row["event_date"]).days < NEWS_WEEK and not _quoted_today(row, published)]
    out = []
    for row in rows:
        undated = row["date_resolution"] == "publication" or _quoted_today(row, published)
        source = _told_day(row, dated, published) if undated and row["status"] == "occurred" else None
        if source is not None and family(row["event_type"]) == family(source["event_type"]) == "meeting" \
                and not other_company(row["participants"], source["participants"]):
            continue  # ev27b: 'the two sides held talks' in the lead, 'in a meeting on Friday, A sat down with B': one
        if source is not None:
            row = {**row, "event_date": source["event_date"], "date_resolution": "anaphora",
                   "date_anchor": f"the same act told later '{source['date_text'] or source['event_date']}'"}
        out.append(row)
    return out


# A plan cannot lie years behind the story: 'she will lead a ceremony for the ties begun in 1950, when both signed a
# treaty' tells a signing of 1950 inside a sentence of plans. Years back from the publication year, at least; and
# the year told as a time ('in 1950'), not as a noun's attribute ('to honour the victims of the 1994 flood').
LONG_PAST_YEARS = 2
_POINT_PREPOSITION = re.compile(r"(?:" + "|".join(POINT_PREPOSITIONS) + r")\s", re.I)


def settled_past(rows: list[EventRow], published: date | None) -> list[EventRow]:
    """The sentence's rows with a planned act written with a year long before publication told as done."""
    if published is None:
        return rows
    return [replace(row, status="occurred") if row.status == "planned" and row.date is not None
            and row.date.value is not None and row.date.resolution == "explicit"
            and _POINT_PREPOSITION.match(row.date.text or "")
            and row.date.value.year <= published.year - LONG_PAST_YEARS else row for row in rows]


# how date_line_month's anchor opens on a row it moved to the month (event_day_retold finds those rows by it)
MOVED_ANCHOR = "the date line's month"
# how far into the text an agency's date line may stand (after a headline and a standfirst)
DATE_LINE_REACH = 600


@lru_cache(maxsize=1)
def _date_line_month() -> dict[str, re.Pattern[str]]:
    return compile_patterns(read_toml("dates.toml")["date_line_month"],
                            {"under_way": "under_way", "visit_word": "visit_word", "during_visit": "during_visit",
                             "agency_date_line": "agency_date_line"}, cased={"agency_date_line"})


# a month's name or abbreviation in a date's text: the day is written, not a weekday or 'today'
_MONTH_WORD = re.compile(whole_words(MONTHS), re.I)
# a weekday's name in a date's text ('on Thursday'): the day told by its weekday
_WEEKDAY_WORD = re.compile(whole_words(WEEKDAYS), re.I)


def agency_date_line(text: str, published: date | None) -> str | None:
    """The date words of an agency's date line near the head of the text ('DUSHANBE, Tajikistan, March 13.') when
    they write the published day: the page's date line told again in the text, no date of an act's own."""
    line = _date_line_month()["agency_date_line"].search(text[:DATE_LINE_REACH])
    if line is None or published is None:
        return None
    month, day = line.group("date").replace(".", " ").split()
    same = read_month(month[:3]) == published.month and int(day) == published.day  # 'Sept', 'March': the first three
    return line.group("date") if same else None


def _names_day(sentence: str, day: date) -> bool:
    """Whether the sentence writes that calendar day with its month ('March 1', '1 March', '1st March', 'March 1st';
    'March 1, 2023' only with the day's own year), read by the date grammar (a weekday or 'today' that falls on it is
    not the day written; review36a)."""
    return bool(written_day(sentence, day)[0])


def written_day(sentence: str, day: date) -> tuple[list[int], list[int]]:
    """Where the sentence names that day, read once by the date grammar under a page of that day: the starts of the
    dates that write it with its month ('7 March', '7th March', 'March 7, 2024'), and of each weekday name the
    grammar resolves to it ('on Thursday'; 'last Thursday' is another day). One reader for event_day_retold and
    visit_under_way (review37a)."""
    on_day = [mention for mention in DateContext(day).find(sentence)
              if mention.precision == "day" and mention.value == day]
    with_month = [mention.start for mention in on_day if _MONTH_WORD.search(mention.text)]
    weekdays = [mention.start + word.start() for mention in on_day if not _MONTH_WORD.search(mention.text)
                for word in _WEEKDAY_WORD.finditer(mention.text)]
    return with_month, weekdays


def visit_under_way(text: str, published: date | None = None) -> bool:
    """Whether a sentence of the story tells a visit under way ('Their majesties are in Arland on a four-day visit'),
    or places an act on the date line's own day during a visit ('will brief the press on Friday, 4 May, during the
    envoy's visit' under a date line of 4 May: the README's visitor placed there on a day, the visit not over).
    The text is split here, not taken from extract_document's sentences: those leave out the headline and lines with
    no closing stop, and a headline is where a visit under way is told most often ('President X in Arland on a
    state visit')."""
    rx = _date_line_month()
    sentences = re.split(r"(?<=[.!?])\s+|\n\s*\n", text)
    return any(rx["under_way"].search(sentence) and rx["visit_word"].search(sentence) for sentence in sentences) \
        or (published is not None and any(rx["during_visit"].search(sentence) and _names_day(sentence, published)
                                          for sentence in sentences))


def date_line_month(rows: list[dict], published: date | None, text: str = "") -> list[dict]:
    """Event rows where a finished act dated only by the date line (`publication`: told with no day, weekday, 'today'
    or month of its own) takes the date line's month at month precision (tests/realnews/README.md, session 18: the
    story tells the month; a day it never writes is a guess). Kept at the day: an act told as under way ('is in Arland
    on a visit', 'has begun', 'his current visit'); every undated act of a story that tells a visit under way; an act
    of a pair whose other act the story dates to the date line's day in words ('signed on Thursday', 'met on 7 May',
    'signed today': the same day told); a row already moved to another day (a visit counted back to its first day);
    plans. Other rows unchanged."""
    def pair(row: dict) -> frozenset:
        return frozenset((row["actor_iso3"], row["target_iso3"]))

    told_date_line = agency_date_line(text, published)

    def from_date_line(row: dict) -> bool:
        # dated by the page's date line, or by an agency's date line in the text that writes the same day
        by_line = row.get("date_resolution") == "publication" or (
            told_date_line is not None and row.get("date_resolution") == "anaphora"
            and row.get("date_text") == told_date_line)
        return by_line and row["status"] == "occurred" and row["date_precision"] == "day" \
            and row["event_date"] == published

    if published is None or not any(from_date_line(row) for row in rows) or visit_under_way(text, published):
        return rows  # the whole text is read for a visit under way only when a row was dated by the date line

    told_that_day = {pair(row) for row in rows if row["status"] == "occurred" and row["date_precision"] == "day"
                     and row["event_date"] == published and row.get("date_resolution") not in (None, "publication")
                     and not from_date_line(row)}
    under_way = _date_line_month()["under_way"]
    out = []
    for row in rows:
        if from_date_line(row) and pair(row) not in told_that_day and not under_way.search(row.get("evidence") or ""):
            row = {**row, "event_date": published.replace(day=1), "date_precision": "month",
                   "date_anchor": f"{MOVED_ANCHOR} ({published:%Y-%m}): a finished act with no date of its own"}
        out.append(row)
    return out
