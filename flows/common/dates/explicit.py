"""Handlers of the dates a text writes out: calendar days, day ranges, months, parts of a year, years, decades,
seasons. Each is named for what it parses and returns a Resolved, or None to drop the match.

A day or month written without a year takes one from the context (ctx.implied_year): the publication year, shifted
by the clause's tense, else the year of the last date the text named.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from flows.common.dates.arithmetic import month_end
from flows.common.dates.grammar import tense
from flows.common.dates.resolved import Resolved, norm, read_day, read_month, read_number, safe
from flows.common.dates.words import MONTH_NAMES, ORDINALS, SEASON_START_MONTH, WEEKDAYS

if TYPE_CHECKING:
    from flows.common.dates.context import DateContext

Handler = Callable[["DateContext", re.Match[str], str], Resolved | None]


def _future(s: str, m: re.Match[str]) -> bool | None:
    """True in a future clause, False in a past or present one, None for the day of an act named after 'ahead of'
    words (that act comes after the clause's: its year is not put back, DateContext.implied_year)."""
    clause = tense(s, m.start())
    return None if clause == "ahead" else clause == "future"


def parse_iso_date(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'2023-12-07', '2023-12-07T08:15:00+07:00'."""
    return safe(lambda: Resolved(date(int(m["iso_date_y"]), int(m["iso_date_m"]), int(m["iso_date_d"])), "day"))


def parse_numeric_date(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'05.04.2023', '4/5/2023': day first unless the first number cannot be a day of that month; '2024/1/1' year first."""
    if m["numeric_date_fy"]:
        return safe(lambda: Resolved(date(int(m["numeric_date_fy"]), int(m["numeric_date_fm"]), int(m["numeric_date_fd"])),
                                     "day"))
    a, b, year = int(m["numeric_date_a"]), int(m["numeric_date_b"]), int(m["numeric_date_y"])
    day, month = (b, a) if m["numeric_date_s"] != "." and b > 12 >= a else (a, b)
    return safe(lambda: Resolved(date(year, month, day), "day"))


def _day_range(ctx: DateContext, m: re.Match[str], s: str, name: str, d1: int, m1: int, d2: int,
               m2: int) -> Resolved | None:
    written = ctx.written_year(m, name) or ctx.implied_year(m1, d1, _future(s, m))
    if written is None:
        return Resolved(None, None, "relative" if ctx.published else "anaphora", None, None, "range")
    year, resolution, anchor = written
    first = date(year, m1, d1)
    last = date(year + (1 if m2 < m1 else 0), m2, d2)
    return Resolved(first, "day", resolution, anchor, last, "range")


def parse_day_month_to_day_month(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'30 May to 2 June 2019', 'from 30 May – 2 June'."""
    name = "day_month_to_day_month"
    return safe(lambda: _day_range(ctx, m, s, name, read_day(m[f"{name}_d1"]), read_month(m[f"{name}_m1"]),
                                   read_day(m[f"{name}_d2"]), read_month(m[f"{name}_m2"])))


def parse_month_day_to_month_day(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'August 29 to September 6, 2024', 'from May 30 - June 2'."""
    name = "month_day_to_month_day"
    return safe(lambda: _day_range(ctx, m, s, name, read_day(m[f"{name}_d1"]), read_month(m[f"{name}_m1"]),
                                   read_day(m[f"{name}_d2"]), read_month(m[f"{name}_m2"])))


def parse_days_of_month(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'5-6 June', '14 to 16 March 2021'."""
    month = read_month(m["days_of_month_m"])
    return safe(lambda: _day_range(ctx, m, s, "days_of_month", read_day(m["days_of_month_d1"]), month,
                                   read_day(m["days_of_month_d2"]), month))


def parse_month_days(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'May 21–23, 2019', 'Sept 14-15,2017'."""
    month = read_month(m["month_days_m"])
    return safe(lambda: _day_range(ctx, m, s, "month_days", read_day(m["month_days_d1"]), month,
                                   read_day(m["month_days_d2"]), month))


def parse_month_range(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'January-June 2023', 'from November to March'."""
    m1, m2 = read_month(m["month_range_m1"]), read_month(m["month_range_m2"])
    if m2 <= m1 and norm(m.group("prep")) != "from":
        return None  # "May and June" read backwards is no period
    written = ctx.written_year(m, "month_range") or ctx.implied_year(m1, None, _future(s, m))
    if written is None:
        return Resolved(None, None, "anaphora", None, None, "period")
    year, resolution, anchor = written
    end_year = year + (1 if m2 < m1 else 0)
    return Resolved(date(year, m1, 1), "month", resolution, anchor, month_end(end_year, m2), "period")


_WEEKDAY_BEFORE_RX = re.compile(rf"\b({'|'.join(name.capitalize() for name in WEEKDAYS)}),?\s+(?:the\s+)?$")
# How far from the year of the last date a weekday may move a day written without a year (a weekday and a day of
# the month meet again within at most eleven years; six either way covers the usual six-year repeat).
_WEEKDAY_YEAR_REACH = 6


def _year_by_weekday(ctx: DateContext, m: re.Match[str], s: str, month: int, day: int) -> Resolved | None:
    """'on Thursday, April 27' in a story with no publication date: the year nearest the last date's year in which
    April 27 is a Thursday (a later year first on a tie), or None when no weekday stands before the date."""
    weekday = _WEEKDAY_BEFORE_RX.search(s, max(0, m.start() - 16), m.start())
    if weekday is None:
        return None
    if ctx.last is not None:
        base, anchor = ctx.last[0].year, ctx.last_anchor()
    elif ctx.reference_year is not None:  # no date yet: the newest year the page writes with a month
        base, anchor = ctx.reference_year, f"the page's newest dated year {ctx.reference_year}"
    else:
        return _latest_by_weekday(ctx, m, s, month, day, WEEKDAYS[weekday.group(1).lower()])
    target = WEEKDAYS[weekday.group(1).lower()]
    for distance in range(_WEEKDAY_YEAR_REACH + 1):
        for year in (base + distance, base - distance):
            if date(year, month, day).weekday() == target:
                if ctx.story_day is None and ctx.last is None:
                    ctx.story_day = date(year, month, day)  # the story's day, told before any other date
                return Resolved(date(year, month, day), "day", "anaphora", f"{anchor} and the weekday")
    return None


def _latest_by_weekday(ctx: DateContext, m: re.Match[str], s: str, month: int, day: int, target: int
                       ) -> Resolved | None:
    """A page that writes no year at all ('came on Thursday 3 April for a short stay'): the latest day
    not after today that is that weekday, since the page tells news already past (a future clause: None)."""
    if _future(s, m):
        return None
    today = ctx.today
    for year in range(today.year, today.year - 2 * _WEEKDAY_YEAR_REACH, -1):
        found = safe(lambda: Resolved(date(year, month, day), "day", "anaphora", "the latest such weekday"))
        if found is not None and found.value is not None and found.value <= today and found.value.weekday() == target:
            return found
    return None


def _day_month(ctx: DateContext, m: re.Match[str], s: str, name: str, day: int, month: int) -> Resolved | None:
    written = ctx.written_year(m, name)
    if written is None and m.groupdict().get(f"{name}_ry"):
        date(2000, month, day)  # still reject 31 June
        return Resolved(None, None, "relative", None)  # "19 March this year" with no publication date
    if written is None and ctx.published is None and (ctx.last is not None or ctx.reference_year is not None
                                                      or (month, day) not in ctx.known_days):
        by_weekday = _year_by_weekday(ctx, m, s, month, day)
        if by_weekday is not None:
            return by_weekday
    if written is None:
        written = ctx.implied_year(month, day, _future(s, m))
    if written is None:
        date(2000, month, day)  # still reject 31 June
        return Resolved(None, None, "relative" if ctx.published else "anaphora", None)
    year, resolution, anchor = written
    return Resolved(date(year, month, day), "day", resolution, anchor)


def parse_day_month_year(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'4 July 1995', 'the 3rd of September', '19 March this year'."""
    return safe(lambda: _day_month(ctx, m, s, "day_month_year", read_day(m["day_month_year_d"]),
                                   read_month(m["day_month_year_m"])))


def parse_old_new_style_day(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'12/24 March 1863': a day in the Julian and the Gregorian calendar, read as the Gregorian (second) day. The
    grammar (grammar._OLD_NEW_DAYS) only generates pairs 10 to 13 days apart (the calendars' difference from 1582 on),
    so '1/3 March' never reaches here and the gap needs no check of its own."""
    new = int(m["old_new_style_day_p"].split("/")[1])
    return safe(lambda: _day_month(ctx, m, s, "old_new_style_day", new, read_month(m["old_new_style_day_m"])))


def parse_month_day_year(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'July 4, 1995', 'Sept 12,2016', 'June 5'."""
    return safe(lambda: _day_month(ctx, m, s, "month_day_year", read_day(m["month_day_year_d"]),
                                   read_month(m["month_day_year_m"])))


def parse_month_year(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'February 2006', 'May of the same year'."""
    written = ctx.year_in(m, "month_year")
    if written is None:
        return Resolved(None, None, "anaphora" if m["month_year_ry"] else "explicit", None)
    year, resolution, anchor = written
    return Resolved(date(year, read_month(m["month_year_m"]), 1), "month", resolution, anchor)


def parse_month_edge(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the end of March 2020', 'early June'."""
    month = read_month(m["month_edge_m"])
    written = ctx.written_year(m, "month_edge") or ctx.implied_year(month, None, _future(s, m))
    if written is None:
        return Resolved(None, None, "anaphora", None)
    year, resolution, anchor = written
    return Resolved(date(year, month, 1), "month", resolution, anchor)


def parse_part_of_year(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the first half of 2024', 'Q3 2023', 'the first seven months of 2021', 'the third quarter'."""
    if m["part_of_year_hq"]:
        part, year_text = m["part_of_year_hq"].upper(), m["part_of_year_y2"]
        first, months = ((int(part[1]) - 1) * 6 + 1, 6) if part[0] == "H" else ((int(part[1]) - 1) * 3 + 1, 3)
        year, resolution, anchor = int(year_text), "explicit", None
    elif m["part_of_year_n"]:
        months = read_number(m["part_of_year_n"]) or 0
        if not 1 <= months <= 12:
            return None
        first, year, resolution, anchor = 1, int(m["part_of_year_y3"]), "explicit", None
    else:
        unit = m["part_of_year_u"].lower()
        months = 6 if unit == "half" else 3
        word = m["part_of_year_o"].lower()
        index = (2 if unit == "half" else 4) if word == "last" else ORDINALS[word]
        if index * months > 12:
            return None
        first = (index - 1) * months + 1
        written = ctx.year_or_the_year(m, "part_of_year", _future(s, m))
        if written is None and not (m["part_of_year_y"] or m["part_of_year_ry"]):  # "in the third quarter": this year
            written = ctx.implied_year(first, None, _future(s, m))
        if written is None:
            return Resolved(None, None, "relative", None, None, "period")
        year, resolution, anchor = written
    end_month = first + months - 1
    return Resolved(date(year, first, 1), "month", resolution, anchor, month_end(year, end_month), "period")


def parse_year_edge(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the end of 2025', 'early 1992', 'the beginning of the year'."""
    written = ctx.year_or_the_year(m, "year_edge", _future(s, m))
    if written is None:
        return Resolved(None, None, "relative", None)
    year, resolution, anchor = written
    return Resolved(date(year, 1, 1), "year", resolution, anchor)


def parse_year_range(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'2010-2015', '2019–21', '2010 to 2015', 'between 2010 and 2015'; not a span that ends a name ('a Strategic
    Cooperation Programme 2023-2027', 'the Action Plan 2021–2025': the plan's term, no date of any act)."""
    if _names_something(m, s, m.start("year_range_y1")):
        return None
    first = int(m["year_range_y1"])
    if m["year_range_yy"]:
        last = first // 100 * 100 + int(m["year_range_yy"])
    else:
        last = int(m["year_range_y2"] or m["year_range_y3"])
    if last <= first or last - first > 200:
        return None
    return Resolved(date(first, 1, 1), "year", "explicit", None, date(last, 12, 31), "period")


def parse_season(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'summer 2019', 'last spring', 'the same autumn': year precision (the dev-set convention)."""
    start_month = SEASON_START_MONTH[m["season_s"].lower()]
    if m["season_y"] or m["season_ry"]:
        written = ctx.year_in(m, "season")
    elif m["season_r"]:
        phrase = {"that": "the same year"}.get(norm(m["season_r"]), norm(m["season_r"]) + " year")
        written = ctx.relative_year(phrase)
    else:
        written = ctx.implied_year(start_month, None, _future(s, m))
    if written is None:
        return Resolved(None, None, "relative", None)
    year, resolution, anchor = written
    return Resolved(date(year, 1, 1), "year", resolution, anchor)


_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def parse_decade(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'the 1990s', 'the early 2000s': a period of years."""
    start = int(m["decade_y"])
    first, last = _DECADE_PART.get(norm(m["decade_q"]), (0, 9))
    return Resolved(date(start + first, 1, 1), "year", "explicit", None, date(start + last, 12, 31), "period")


_DETERMINERS = frozenset("the this that these those its their his her our a an each every".split())
_NAME_BEFORE_RX = re.compile(r"(?:\b(?:No|no|Nr|number)\.?|#|\b[A-Z][\w-]*)\s*$")


def parse_year(ctx: DateContext, m: re.Match[str], s: str) -> Resolved | None:
    """'in 2007', '2022': a bare year, unless it is part of a name ('Resolution 1973', 'Expo 2020', 'No. 1999')."""
    if _names_something(m, s, m.start("year_y")):
        return None
    return Resolved(date(int(m["year_y"]), 1, 1), "year")


def _names_something(m: re.Match[str], s: str, start: int) -> bool:
    """A year with no preposition after a capitalised word is part of a name ('Resolution 1973', 'Expo 2020'),
    unless that word is a month or a determiner opening the sentence ('The 2022 agreement')."""
    if m.group("prep") is not None or start == 0:
        return False
    before = _NAME_BEFORE_RX.search(s, max(0, start - 30), start)
    word = before.group().strip() if before else ""
    return before is not None and word not in MONTH_NAMES and word.lower() not in _DETERMINERS


HANDLERS: dict[str, Handler] = {
    "iso_date": parse_iso_date, "numeric_date": parse_numeric_date,
    "day_month_to_day_month": parse_day_month_to_day_month, "days_of_month": parse_days_of_month,
    "month_day_to_month_day": parse_month_day_to_month_day,
    "month_days": parse_month_days, "month_range": parse_month_range, "day_month_year": parse_day_month_year,
    "old_new_style_day": parse_old_new_style_day,
    "month_day_year": parse_month_day_year, "month_year": parse_month_year, "month_edge": parse_month_edge,
    "part_of_year": parse_part_of_year, "year_edge": parse_year_edge, "year_range": parse_year_range,
    "season": parse_season, "decade": parse_decade, "year": parse_year,
}
