"""Handlers of dates a text gives relative to the publication day ('yesterday', 'on Monday', 'last month',
'two years ago') or to the last date it named ('the same day', 'two days later', 'on the 28th').

Relative dates need the publication date and stay None without it; anaphoric ones never fall back to it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flows.common.dates.arithmetic import PRECISION_RANK, UNIT_PRECISION, add_months, coarser, shift_date, truncate
from flows.common.dates.grammar import tense
from flows.common.dates.resolved import Resolved, norm, read_day, read_month, read_number, safe
from flows.common.dates.words import FULL_MONTHS, RELATIVE_DAYS, ROUND_AGO_UNITS, WEEKDAYS, capitalised
from flows.common.words import alternation

if TYPE_CHECKING:
    from flows.common.dates.context import DateContext

Handler = Callable[["DateContext", re.Match[str], str], Resolved | None]
# a month told right before, joined as a list item ('in March and September', 'in October, November, and December')
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_MONTH_LIST_AFTER = re.compile(rf"(?:{_LIST_JOIN}{alternation(capitalised(FULL_MONTHS))})+,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b(?![-–/]\d)")
_MONTH_LIST_BEFORE = re.compile(rf"\b{alternation(capitalised(FULL_MONTHS))}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
# A weekday in brackets after a relative day ('earlier today (Thursday)') names that day, unless it is further
# from the publication day than a time zone can make it.
_BRACKETED_WEEKDAY_SLACK = 1


def parse_time_ago(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'two years ago', '3 days ago today', '50 years ago to this day' (the same day of the month)."""
    amount = read_number(m["time_ago_n"])
    unit = m["time_ago_u"].lower().rstrip("s") if amount is not None else ""
    if amount is not None and ctx.published is None and m["time_ago_t"] and ctx.last is not None \
            and ctx.last[1] == "day":
        # no publication date, but the story has told its day ('... at the Istana on September 7, 2017.'): '50 years
        # ago to this day' is that day fifty years back
        return Resolved(shift_date(ctx.last[0], -amount, unit), "day", "anaphora", ctx.last_anchor())
    if amount is None or ctx.published is None or (unit in ROUND_AGO_UNITS and not m["time_ago_t"]):
        # 'ties set up five decades ago': a round measure, no year (a date line's year less 50 is a guess)
        return Resolved(None, None, "relative", None) if amount is not None else None
    precision = "day" if m["time_ago_t"] else UNIT_PRECISION[unit]
    value = truncate(shift_date(ctx.published, -amount, unit), precision)
    return Resolved(value, precision, "relative", ctx.published_anchor())


def parse_relative_day(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'yesterday', 'this morning', 'earlier today (Thursday)'."""
    if ctx.published is None:
        return Resolved(None, None, "relative", None)
    value = ctx.published + timedelta(days=RELATIVE_DAYS[norm(m["relative_day_w"])])
    if m["relative_day_wd"]:
        named = WEEKDAYS[m["relative_day_wd"].lower()]
        back = (value.weekday() - named) % 7
        ahead = (named - value.weekday()) % 7
        if 0 < back <= _BRACKETED_WEEKDAY_SLACK:  # written on Thursday, dated Friday (UTC): the weekday wins
            value -= timedelta(days=back)
        elif 0 < ahead <= _BRACKETED_WEEKDAY_SLACK:
            value += timedelta(days=ahead)
    return Resolved(value, "day", "relative", ctx.published_anchor())


def parse_weekend(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """A weekend as a Saturday-Sunday period: the last one before publication, or the next one in a future clause."""
    if ctx.published is None:
        return Resolved(None, None, "relative", None, None, "period")
    pub = ctx.published
    modifier = norm(m["weekend_r"])
    ahead = modifier in ("next", "coming", "the coming") or (modifier in ("", "this", "the")
                                                             and tense(s, m.start()) == "future")
    if ahead:
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
    else:
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
    return Resolved(saturday, "day", "relative", ctx.published_anchor(), saturday + timedelta(days=1), "period")


def parse_relative_month_edge(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the end of the month': the month of the last date (this month in a future clause); 'of last month'."""
    modifier = norm(m["relative_month_edge_r"])
    if modifier == "the" and ctx.last is not None and tense(s, m.start()) != "future":
        return Resolved(truncate(ctx.last[0], "month"), coarser(ctx.last[1], "month"), "anaphora", ctx.last_anchor())
    if ctx.published is None:
        return Resolved(None, None, "relative", None)
    shift = {"last": -1, "next": 1}.get(modifier, 0)
    return Resolved(add_months(ctx.published.replace(day=1), shift), "month", "relative", ctx.published_anchor())


def parse_weekday(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'on Monday': within the past week, the publication day's own weekday included (news style); the next one in
    a future clause; 'last Monday' the week before."""
    target = WEEKDAYS[m["weekday_w"].lower()]
    if ctx.published is None:
        # a page with no publication date: 'marked the centenary in Riga on Tuesday' with 'March 2, 2021' (a
        # Tuesday) the newest day it writes in full is that day; any other weekday, or one in a future clause
        # ('the upcoming visit on Monday'), stays unresolved
        newest = ctx.newest_day
        if newest is not None and newest.weekday() == target and not norm(m["weekday_r"]) \
                and tense(s, m.start()) != "future":
            return Resolved(newest, "day", "anaphora", f"the page's newest day written in full, {newest.isoformat()}")
        return Resolved(None, None, "relative", None)
    pub = ctx.published
    back = (pub.weekday() - target) % 7  # days since the most recent such weekday, 0 = publication day
    ahead = (target - pub.weekday()) % 7
    modifier = norm(m["weekday_r"])
    clause = tense(s, m.start())
    if modifier in ("next", "coming"):
        value = pub + timedelta(days=ahead or 7)
    elif modifier != "last" and modifier != "past" and clause in ("future", "ahead"):
        # 'ahead of the visit on Friday': the later act's day is to come (review37a)
        # 'will be on a visit on Tuesday' in Tuesday's paper: that day (news style, as for the past)
        value = pub + timedelta(days=ahead if ahead or ctx.same_day_weekday else 7)
    elif modifier == "this" or (not modifier and clause == "present"):
        value = pub - timedelta(days=back) if back == 0 or clause != "future" else pub + timedelta(days=ahead)
    elif ctx.same_day_weekday and not modifier:
        value = pub - timedelta(days=back)  # 'AMMAN, June 5 (Petra) -- ... received X on Wednesday' (June 5)
    else:
        value = pub - timedelta(days=back or 7)
    return Resolved(value, "day", "relative", ctx.published_anchor())


def parse_relative_period(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'last week' (Monday to Sunday), 'this month', 'next year'."""
    unit = m["relative_period_u"].lower()
    shift = {"this": 0, "the current": 0, "last": -1, "next": 1, "the coming": 1}[norm(m["relative_period_r"])]
    if ctx.published is None and unit == "year" and ctx.story_day is not None:  # an undated page's lead day
        return Resolved(date(ctx.story_day.year + shift, 1, 1), "year", "relative",
                        f"the story's day {ctx.story_day.isoformat()}")
    if ctx.published is None:
        return Resolved(None, None, "relative", None)
    pub = ctx.published
    anchor = ctx.published_anchor()
    if unit == "week":
        # a week tells its month, not a day ('last week signed an agreement': the month; the gold convention): the
        # month of the week's middle (its Thursday), never after the publication day ('this week' on a Tuesday)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        middle = min(monday + timedelta(days=3), pub) if shift == 0 else monday + timedelta(days=3)
        return Resolved(truncate(middle, "month"), "month", "relative", anchor, monday + timedelta(days=6), "period")
    return Resolved(truncate(shift_date(pub, shift, unit), unit), unit, "relative", anchor)


def parse_anaphora(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the same day', 'the following year', 'the day before', 'two days later', 'on the 28th'."""
    if m["anaphora_od"]:
        return _ordinal_day(ctx, m, s, read_day(m["anaphora_od"]))
    if norm(m["anaphora_r"]) == "this" and norm(m.group("prep")) != "on":
        return None  # 'to this day' is until now; only 'on this day' is the day just told ('May 31, 1974 ... on this day')
    if m["anaphora_r"] and norm(m["anaphora_r"]) == "in the":
        # 'the talks he held earlier in the day': the story's day, the last day told or else the
        # publication day (never a year told last: 'in 2019' ... 'earlier in the day')
        if ctx.last is not None and ctx.last[1] == "day":
            return Resolved(ctx.last[0], "day", "anaphora", ctx.last_anchor())
        if ctx.published is not None:
            return Resolved(ctx.published, "day", "relative", ctx.published_anchor())
        return Resolved(None, None, "anaphora", None)
    if ctx.last is None:
        return Resolved(None, None, "anaphora", None)
    value, precision = ctx.last
    if m["anaphora_db"]:
        amount, unit = (-1 if "before" in m["anaphora_db"].lower() else 1), "day"
    elif m["anaphora_n"]:
        number = read_number(m["anaphora_n"])
        if number is None:
            return None
        unit = m["anaphora_u2"].lower().rstrip("s")
        amount = -number if m["anaphora_dir"].lower() in ("earlier", "before") else number
    else:
        unit = m["anaphora_u"].lower()
        unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit  # "the next morning"
        words = norm(m["anaphora_r"])
        amount = 1 if words in ("the following", "the next") else -1 if words in ("the previous", "the preceding") else 0
    result_precision = coarser(precision, UNIT_PRECISION[unit])
    shifted = shift_date(value, amount, unit) if PRECISION_RANK[precision] <= PRECISION_RANK[UNIT_PRECISION[unit]] \
        else value
    return Resolved(truncate(shifted, result_precision), result_precision, "anaphora", ctx.last_anchor())


def _ordinal_day(ctx: DateContext, m: re.Match[str], s: str, day: int) -> Resolved | None:
    """'on the 28th': a day of the month the text last named, else of the publication month."""
    if ctx.last is not None and ctx.last[1] in ("day", "month"):
        base = ctx.last[0]
        return safe(lambda: Resolved(date(base.year, base.month, day), "day", "anaphora", ctx.last_anchor()))
    if ctx.published is not None:
        pub = ctx.published
        base = pub if day <= pub.day or tense(s, m.start()) == "future" else add_months(pub.replace(day=1), -1)
        return safe(lambda: Resolved(date(base.year, base.month, day), "day", "relative", ctx.published_anchor()))
    return Resolved(None, None, "anaphora", None)


def _speaking_day(ctx: DateContext) -> tuple[date | None, str | None]:
    """The day a 'last March' or 'next June' is told from: the publication day; on a page with none, the story's day
    or the newest day the page writes in full. Such a month is the writer's, not the last date told: on an undated
    page of 10 March 2021 ('Publish Date: 10 March 2021'), 'the accord signed in 2019 ... they met last September'
    is September 2020, not 2019's September."""
    if ctx.published is not None:
        return ctx.published, ctx.published_anchor()
    if ctx.story_day is not None:
        return ctx.story_day, f"the story's day {ctx.story_day.isoformat()}"
    newest = ctx.newest_day
    if newest is not None and ctx.last is not None and ctx.last[0] < newest:
        # a background date told just before, older than the newest day the page writes in full ('signed in 2021'
        # on a page of 14 March 2023): the writer's time is nearer that day; with nothing told before, the month
        # stays unresolved (a retrospective's newest day may be decades old)
        return newest, f"the page's newest day written in full, {newest.isoformat()}"
    return None, None


def parse_bare_month(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'in June', 'last March', 'early May': a month with a preposition or modifier (a bare 'May' is too often
    something else)."""
    modifier = norm(m["bare_month_r"])
    prep = norm(m.group("prep"))
    if not modifier and not prep and not _MONTH_LIST_BEFORE.search(s, max(0, m.start() - 40), m.start()):
        return None  # a bare 'May' is too often the verb; one listed after a month ('in March and May') is a month
    month = read_month(m["bare_month_m"])
    now, anchor = _speaking_day(ctx)
    if modifier in ("last", "next", "this") and now is not None:
        year = now.year
        if modifier == "last" and month >= now.month:
            year -= 1
        elif modifier == "next" and month <= now.month:
            year += 1
        return Resolved(date(year, month, 1), "month", "relative", anchor)
    listed_year = _MONTH_LIST_AFTER.match(s, m.end())
    if listed_year is not None:  # 'in September and October 2013': the year written after the list is each item's
        return Resolved(date(int(listed_year["year"]), month, 1), "month", "explicit", None)
    written = ctx.implied_year(month, None, tense(s, m.start()) == "future" or modifier == "next")
    if written is None:
        return Resolved(None, None, "anaphora", None)
    year, resolution, anchor = written
    return Resolved(date(year, month, 1), "month", resolution, anchor)


HANDLERS: dict[str, Handler] = {
    "time_ago": parse_time_ago, "relative_day": parse_relative_day, "weekend": parse_weekend,
    "relative_month_edge": parse_relative_month_edge, "weekday": parse_weekday,
    "relative_period": parse_relative_period, "anaphora": parse_anaphora, "bare_month": parse_bare_month,
}
