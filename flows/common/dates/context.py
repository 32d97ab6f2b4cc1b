"""DateContext: per document, finds the date expressions of each sentence and resolves them against the
publication date (relative dates) and the last date the text named (anaphora)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flows.common.dates import explicit, relative
from flows.common.dates.arithmetic import format_date, period_end
from flows.common.dates.grammar import ALTERNATIVES, scan
from flows.common.dates.resolved import Resolved, norm
from flows.common.dates.words import FULL_MONTHS, NOT_UNTIL_BEFORE, PREP_KIND, TARGET_PREPOSITIONS, TOPIC_LIST_AFTER, \
    TOPIC_LIST_SEAM
from flows.common.list_items import items_joined
from flows.common.words import alternation


@dataclass(frozen=True)
class DateMention:
    """One date expression in a sentence, resolved as far as the text allows."""

    start: int
    end: int
    text: str
    value: date | None
    precision: str | None
    resolution: str
    anchor: str | None
    end_value: date | None = None
    kind: str = "point"
    # True when only "and", "or" or a comma stand between this date and the one before it: the two are items of
    # one list ("visited in 1972 and 1991", "on June 5-6, 2014, and on April 2, 2008"), each its own occasion.
    listed_after_previous: bool = False


def explicit_mention(start: int, end: int, text: str, year: int, month: int | None = None) -> DateMention:
    """A year, or a month of a year, written out where a reader of lists found it ('(1961)', '2015:', 'May 2003'):
    explicit, its first day, no anchor."""
    return DateMention(start, end, text, date(year, month or 1, 1), "month" if month else "year", "explicit", None)


def publication_mention(published: date) -> DateMention:
    """The publication day as a date of its own, where a reader falls back on it for an act the text leaves undated
    (the news of the day) or measures from it ('six weeks ago'): no span in the sentence."""
    return DateMention(0, 0, "", published, "day", "publication", f"published {published}")


# What may stand between two dates of a list: "1972 and 1991", "1972, 1985", "June 5-6, 2014, and on April 2".
_LIST_JOIN_RX = re.compile(r"\s*,?\s*(?:(?:and|or|as\s+well\s+as)\s+)?(?:again\s+)?", re.IGNORECASE)
# ... or each date with its act's subject: "signed accords in 1996 on fisheries, in May 2003 on air links" (dates.toml)
_TOPIC_SEAM_RX = re.compile(TOPIC_LIST_SEAM, re.IGNORECASE)
_TOPIC_AFTER_RX = re.compile(TOPIC_LIST_AFTER, re.IGNORECASE)
# "relations were not restored until 1994": 'until' after a negation dates the act (dates.toml [not_until])
_NOT_UNTIL_RX = re.compile(NOT_UNTIL_BEFORE, re.IGNORECASE)
# ... or the seam of two items of a list of people, each with their own year: "Premier A (1980 and 1985), President
# B (1996)", "[Minister C, 1993; Minister D, 1978]" (flows/common/list_items.py, the one reader of that shape).
# A year written after the day or month it belongs to, past a preposition: "from March 14-16 in 2017", "on 5 May
# of 2018". Not a range or list of years ("in 2019-2020", "in 2019 and 2020": a period of their own).
_YEAR_AFTER_RX = re.compile(r"\s*,?\s+(?:in|of)\s+(?:the\s+year\s+)?((?:1[6-9]|20)\d\d)\b(?!\s*(?:[-–—/]|and\b|to\b)|,\d)",
                            re.IGNORECASE)

# A month name in capitals before a number ('MAY 31, 2024', 'ON 3 JUNE 2021'): headlines and ledes of some outlets
# write the date so; only before or after a number, since a capitalised 'MAY' alone is as often the verb.
_UPPER_MONTHS = alternation(name.upper() for name in FULL_MONTHS)
_UPPER_MONTH_RX = re.compile(rf"\b{_UPPER_MONTHS}\b(?=\.?\s+\d)|(?<=\d\s){_UPPER_MONTHS}\b")
_TARGET_START_RX = re.compile(r"(?i:by|before|until|till|through)\b")  # 'by 2030': a target, no story year
_LETTERS_RX = re.compile(r"[A-Za-z]{3}")  # a month's name ('11/7/2019' has none)
HANDLERS = {**explicit.HANDLERS, **relative.HANDLERS}
assert set(HANDLERS) == {name for name, _ in ALTERNATIVES}, "every alternative of the grammar needs its handler"


def written_dates(sentences: list[str]) -> list[DateMention]:
    """Every date the texts write, read in order by one fresh DateContext(None): what document_days, document_year
    and newest_day look at. Why: the three read the same lines of a page with no publication date, each with a
    context of its own that sees the same mentions; a caller that needs all three scans once and passes them on."""
    context = DateContext(None)
    return [mention for sentence in sentences for mention in context.find(sentence)]


def document_days(sentences: list[str], written: list[DateMention] | None = None) -> dict[tuple[int, int], int]:
    """(month, day) -> year for every day a text writes in full, when it gives that day one year only: a page with no
    publication date that says 'met in Lisbon on 14 October' and, elsewhere, '... Lisbon, 14 October 2019'.
    `written`: written_dates(sentences), when the caller has it already."""
    seen: dict[tuple[int, int], set[int]] = {}
    for mention in written_dates(sentences) if written is None else written:
        if mention.value is not None and mention.resolution == "explicit" and mention.precision == "day":
            seen.setdefault((mention.value.month, mention.value.day), set()).add(mention.value.year)
    return {day: years.pop() for day, years in seen.items() if len(years) == 1}


# How far before the last date told a year-less day may fall and still be in its year: a preparatory meeting 'on 10
# June' told after a summit 'on 12 June 2019' is days before; 'on May 5' told after 'in December 2020' is the May
# after (a story tells on), more than a month before being no flashback the text would leave without its year.
_FLASHBACK_DAYS = 31


def _told_after(last: date, precision: str, month: int, day: int | None) -> bool:
    """Whether a year-less day (or month) read in the last date's year would fall over a month before it."""
    reference = last if precision == "day" else date(last.year, last.month, 1)
    try:
        same_year = date(last.year, month, day or 1)
    except ValueError:
        return False
    return (reference - same_year).days > _FLASHBACK_DAYS


def lead_day(sentences: list[str], newest_year: int | None = None) -> date | None:
    """The first full day the lead (first sentences) writes, on a page with no publication date: the story's day
    when no later year is written with a month anywhere in the page (`newest_year`, see document_year); a history
    page that opens with 'relations were established on 22 January 1992' and tells 2019 later has none."""
    context = DateContext(None)
    for sentence in sentences:
        for mention in context.find(sentence):
            if mention.value is not None and mention.resolution == "explicit" and mention.precision == "day":
                return mention.value if newest_year is None or mention.value.year >= newest_year else None
    return None


def document_year(sentences: list[str], written: list[DateMention] | None = None) -> int | None:
    """The newest year a text writes with a month or a day ('in August 2021'): where a weekday written before a day
    with no year ('on Thursday, April 27') looks for its year in a page with no publication date. A page that writes
    no month with a year gives its newest year told as a past point ('imports rose tenfold in 2015': the story is of
    that year or the next), not a start, an end or a target ('since 2010', 'by 2030'). `written`: as document_days."""
    mentions = [mention for mention in (written_dates(sentences) if written is None else written)
                if mention.value is not None and mention.resolution == "explicit"]
    years = [mention.value.year for mention in mentions if mention.precision in ("day", "month")]
    if not years:
        years = [mention.value.year for mention in mentions if mention.precision == "year" and mention.kind == "point"
                 and mention.end_value is not None and mention.end_value.year == mention.value.year
                 and not _TARGET_START_RX.match(mention.text)]
    return max(years) if years else None


def newest_day(sentences: list[str], newest_year: int | None = None,
               written: list[DateMention] | None = None) -> date | None:
    """The newest full day a page with no publication date writes ('(@minister) March 2, 2021' under a post, a caption
    'in Montevideo on January 25, 2023'), when no later year is written with a month (`newest_year`): the day a
    weekday of its story ('met in Riga on Tuesday') means, if it falls on that weekday. `written`: as document_days."""
    # a day written with its month's name: '11/7/2019' may be July or November
    days = [mention.value for mention in (written_dates(sentences) if written is None else written)
            if mention.value is not None and mention.resolution == "explicit" and mention.precision == "day"
            and _LETTERS_RX.search(mention.text)]
    newest = max(days) if days else None
    return newest if newest is not None and (newest_year is None or newest.year >= newest_year) else None


class DateContext:
    """Per document: knows the publication date and the dates already seen, for relative and anaphoric dates."""

    def __init__(self, published: date | None, same_day_weekday: bool = True,
                 known_days: dict[tuple[int, int], int] | None = None, reference_year: int | None = None,
                 today: date | None = None, story_day: date | None = None, newest_day: date | None = None) -> None:
        self.published = published
        # a page with no publication date: the year it gives a day it also writes in full (see document_days)
        self.known_days = (known_days or {}) if published is None else {}
        # ... and the newest year it writes with a month, which only a weekday may move a year-less day near
        self.reference_year = reference_year if published is None else None
        # ... and with no year at all, a weekday picks the latest such day up to today (see explicit.py)
        self.today = today or date.today()
        # ... and the day its lead writes in full (a photo caption: 'at a press conference on Sept 10, 2018'): the
        # year 'last year' and 'this year' count from (see relative_year); never a day for 'yesterday' or 'Monday'
        self.story_day = story_day if published is None else None
        # ... and the newest day it writes in full, which a bare weekday of its story names when it falls on it
        self.newest_day = newest_day if published is None else None
        self.last: tuple[date, str] | None = None
        # a dateline that names the publication day ('AMMAN, June 5 (Petra) --') makes its own weekday that day
        self.same_day_weekday = same_day_weekday
        # the year written right after the match being resolved ("from March 14-16 in 2017"), while it is resolved
        self.year_after: int | None = None
        # the year of a heading line over a list of year-less days ('Contacts in 2003:' then 'May 4, the ministers
        # met'): set by dates_by_sentence (headings.py) while the list lasts; it beats the publication year
        self.heading_year: int | None = None

    def find(self, sentence: str) -> list[DateMention]:
        """Every date expression in the sentence, in text order; each resolved one becomes the new anchor."""
        written = sentence
        if _UPPER_MONTH_RX.search(sentence):  # 'MAY 31, 2024 marked ...': same length, so spans stay the text's
            sentence = _UPPER_MONTH_RX.sub(lambda m: m[0].capitalize(), sentence)
        mentions: list[DateMention] = []
        skip_to = 0
        dated_here = False  # whether a date of this sentence has become the last one
        for match in scan(sentence):
            name = match.lastgroup
            if name is None or match.start() < skip_to:
                continue  # the year already read as the one of the day before it
            year_after = _YEAR_AFTER_RX.match(sentence, match.end())
            self.year_after = int(year_after.group(1)) if year_after else None
            try:
                resolved = HANDLERS[name](self, match, sentence)
            finally:
                used = self.year_after is None and year_after is not None
                self.year_after = None
            if resolved is None:
                continue
            start = match.start()
            end = year_after.end() if used and year_after is not None else match.end()
            skip_to = end
            kind = resolved.kind
            prep = norm(match.group("prep"))
            if prep in PREP_KIND and PREP_KIND[prep] != "range" and (
                    kind == "point" or (kind == "period" and prep not in ("from", "between"))):
                kind = PREP_KIND[prep]  # "since 2007", "until the end of 2025", "since the early 1990s"
                if kind == "until" and prep in ("until", "till") and _NOT_UNTIL_RX.search(sentence, max(0, start - 60), start):
                    kind = "point"  # "were not restored until 1994": restored in 1994
            if kind == "point" and resolved.end_value is None and resolved.value and resolved.precision != "day":
                resolved = Resolved(resolved.value, resolved.precision, resolved.resolution, resolved.anchor,
                                    period_end(resolved.value, resolved.precision), kind)
            listed = bool(mentions) and (_LIST_JOIN_RX.fullmatch(sentence, mentions[-1].end, start) is not None
                                         or items_joined(sentence, mentions[-1].end, start)
                                         or (sentence[start:start + 3].lower() == "in "
                                             and _TOPIC_SEAM_RX.fullmatch(sentence, mentions[-1].end, start) is not None
                                             and _TOPIC_AFTER_RX.match(sentence, end) is not None))
            mention = DateMention(start, end, written[start:end], resolved.value,
                                  resolved.precision, resolved.resolution, resolved.anchor,
                                  resolved.end_value, kind, listed)
            mentions.append(mention)
            # 'aim to double trade by 2030': a target, not where the story is; a later 'on May 12' is not 2030's;
            # 'From 1995 to this day, ...': the start of a stretch reaching today, no year the story is in
            # ('since 1998, the year ...' stays an anchor: what follows often tells what happened then)
            # 'In 1992 A set up an office; X was resident there during the late 1990s. ... ten years later': a
            # decade told after its sentence's own year is a backdrop, the year stays the one a count goes back to
            # (hist33); a decade that is its sentence's own date names no year to count from, and no older year
            # stands in for it ('grew in the 1950s. Ten years later': no year at all, review34a)
            if name == "decade" and mention.value is not None:
                if not dated_here:
                    self.last = None
            elif mention.value is not None and mention.precision is not None and prep not in TARGET_PREPOSITIONS \
                    and not (kind == "since" and prep == "from"):
                self.last = (mention.value, mention.precision)
                dated_here = True
        opening = next((m for m in mentions if m.value is not None), None)
        if (opening is not None and opening.start <= 4 and opening.precision == "day" and opening.kind == "point"
                and mentions[-1] is not opening and mentions[-1].end_value is not None and mentions[-1].kind != "point"):
            # 'On 5 May, X received Y, who paid a visit from 4 to 6 May': 'the same day' after it is the 5th
            self.last = (opening.value, opening.precision)
        return mentions

    # -- anchors: what handlers resolve against -------------------------------------------------------------
    def published_anchor(self) -> str:
        assert self.published is not None
        return f"published {self.published.isoformat()}"

    def last_anchor(self) -> str:
        assert self.last is not None
        return f"earlier date {format_date(*self.last)}"

    def relative_year(self, phrase: str) -> tuple[int, str, str] | None:
        """(year, resolution, anchor) for 'this year', 'the same year', 'the following year', ..."""
        words = norm(phrase)
        if words in ("this year", "last year", "next year", "the year"):
            shift = {"this year": 0, "the year": 0, "last year": -1, "next year": 1}[words]
            if self.published is None and self.story_day is not None and words != "the year":
                return self.story_day.year + shift, "relative", f"the story's day {self.story_day.isoformat()}"
            if self.published is None:
                return None
            return self.published.year + shift, "relative", self.published_anchor()
        if self.last is None:
            return None
        shift = 1 if "following" in words else -1 if ("previous" in words or "preceding" in words) else 0
        return self.last[0].year + shift, "anaphora", self.last_anchor()

    def year_in(self, match: re.Match[str], name: str) -> tuple[int, str, str | None] | None:
        """The year written in the match (explicit) or its relative-year phrase resolved."""
        year = match.group(f"{name}_y")
        if year:
            return int(year), "explicit", None
        phrase = match.groupdict().get(f"{name}_ry")
        if phrase:
            return self.relative_year(phrase)
        return None

    def written_year(self, match: re.Match[str], name: str) -> tuple[int, str, str | None] | None:
        """year_in() for alternatives where the year is optional: None when the match names none, unless the year
        is written right after it ('from March 14-16 in 2017')."""
        groups = match.groupdict()
        if groups.get(f"{name}_y") or groups.get(f"{name}_ry"):
            return self.year_in(match, name)
        return self.take_year_after()

    def take_year_after(self) -> tuple[int, str, str | None] | None:
        """The year written after the match being resolved, once (the match then spans it), else None."""
        if self.year_after is None:
            return None
        year, self.year_after = self.year_after, None
        return year, "explicit", None

    def year_or_the_year(self, match: re.Match[str], name: str, future: bool | None) -> tuple[int, str, str | None] | None:
        """The written or relative year; "the year" is the year of the last date, or this year in a future clause."""
        phrase = match.groupdict().get(f"{name}_ry")
        if phrase and norm(phrase) == "the year":
            if self.last is not None and not future:
                return self.last[0].year, "anaphora", self.last_anchor()
            return self.relative_year("this year")
        return self.year_in(match, name)

    def implied_year(self, month: int, day: int | None, future: bool | None) -> tuple[int, str, str] | None:
        """Year for a day/month written without one: the year written right after it ('on 5 May in 2018'), the
        publication year (shifted by tense: a later day in a past clause is last year's, an earlier one in a future
        clause next year's; `future` None, a day named after 'ahead of' words, is not shifted back), else the last
        date's."""
        after = self.take_year_after()
        if after is not None:
            return after
        if self.heading_year is not None:
            return self.heading_year, "anaphora", f"the heading's year {self.heading_year}"
        if self.published is not None:
            pub = self.published
            year = pub.year
            if day is None:
                later, earlier = month > pub.month, month < pub.month
            else:
                later, earlier = (month, day) > (pub.month, pub.day), (month, day) < (pub.month, pub.day)
            if future and earlier:
                year += 1
            elif future is False and later:
                year -= 1
            return year, "relative", self.published_anchor()
        if day is not None and (month, day) in self.known_days:
            year = self.known_days[(month, day)]
            return year, "anaphora", f"the same day written in full, {format_date(date(year, month, day), 'day')}"
        story = self.story_day
        if story is not None and self.last is not None and self.last[1] == "year" and self.last[0].year < story.year:
            # 'he said on Tuesday 26 April ... Imports rose in 2015 ... during the visit on April 25-26': a year of
            # the background told after the story's day does not take the story's days back to it
            return story.year, "anaphora", f"the story's day {story.isoformat()}"
        if self.last is not None:
            last, precision = self.last
            year = last.year
            if not future and precision in ("day", "month") and _told_after(last, precision, month, day):
                year += 1  # 'severed ties in December 2020 ... restored them on May 5': the May after, 2021
            return year, "anaphora", self.last_anchor()
        return None
