"""A lone date or table period as text -> dates: "2023", "2023-01", "2023Q1", "Jan-Jun 2023", "2019-2021",
"12 June 2023". Compact table forms first, then the sentence grammar, then dateparser as a last resort (trusted
only when the year it returns is written in the text)."""
from __future__ import annotations

import re
from datetime import date

from flows.common.dates.arithmetic import PRECISION_RANK, coarser, month_end, period_end, truncate
from flows.common.dates.context import DateContext

_PARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# Compact forms statistical tables use for periods, tried before the sentence grammar (one full match each).
_COMPACT_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<y>\d{4})(?P<m>[01]\d)(?P<d>[0-3]\d)"), "day"),  # 20230131
    (re.compile(r"(?P<y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})"), "day"),  # 2023.01.31
    (re.compile(r"(?P<y>\d{4})\s?(?:[-/.]|M)\s?(?P<m>[01]?\d)"), "month"),  # 2023-01, 2023/01, 2023M01
    (re.compile(r"(?P<m>[01]?\d)[./-](?P<y>\d{4})"), "month"),  # 01.2023
    (re.compile(r"(?P<y>\d{4})\s?[-/]?\s?(?P<part>[QH][1-4])|(?P<part2>[QH][1-4])\s?[-/]?\s?(?P<y2>\d{4})",
                re.IGNORECASE), "part"),  # 2023Q1, 2023-Q1, Q1-2023, 2023H1
    (re.compile(r"(?:FY|CY)\s?(?P<y>\d{4})", re.IGNORECASE), "year"),  # FY2023
    (re.compile(r"(?P<y>\d{4})\s?[-/–]\s?(?P<y2>\d{2}|\d{4})"), "years"),  # 2019-2021, 2022/23
]


def _compact(text: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a compact table period, or None."""
    for pattern, form in _COMPACT_FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        try:
            if form == "day":
                value = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
                return value, value, "day"
            if form == "month":
                if "/" in text and int(groups["m"]) == (int(groups["y"]) + 1) % 100:
                    continue  # "2011/12" is a split year, not December
                value = date(int(groups["y"]), int(groups["m"]), 1)
                return value, period_end(value, "month"), "month"
            if form == "part":
                year = int(groups["y"] or groups["y2"])
                part = (groups["part"] or groups["part2"]).upper()
                months = 3 if part[0] == "Q" else 6
                index = int(part[1])
                if index * months > 12:
                    return None
                first = date(year, (index - 1) * months + 1, 1)
                return first, month_end(year, (index - 1) * months + months), "month"
            if form == "year":
                year = int(groups["y"])
                return date(year, 1, 1), date(year, 12, 31), "year"
            first_year, tail = int(groups["y"]), groups["y2"]
            last_year = first_year // 100 * 100 + int(tail) if len(tail) == 2 else int(tail)
            if len(tail) == 2 and last_year <= first_year:
                last_year += 100  # "1999/00"
            if not first_year < last_year <= first_year + 200:
                return None
            return date(first_year, 1, 1), date(last_year, 12, 31), "year"
        except ValueError:
            return None
    return None


def parse_period(text: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a date or period string: "2023", "2023-01", "2023Q1", "Jan-Jun 2023",
    "2019-2021", "2023-01/2023-06", "12 June 2023"; None when the text is no date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    compact = _compact(cleaned)
    if compact is not None:
        return compact
    if "/" in cleaned and cleaned.count("/") == 1:  # "2023-01/2023-06": an ISO-style interval
        left, right = (parse_period(part) for part in cleaned.split("/"))
        if left is not None and right is not None and left[0] <= right[0]:
            return left[0], right[1], coarser(left[2], right[2])
    mentions = [m for m in DateContext(None).find(cleaned) if m.value is not None and m.precision is not None]
    if mentions:
        best = max(mentions, key=lambda m: (m.end - m.start, -PRECISION_RANK[m.precision or "year"]))
        assert best.value is not None and best.precision is not None
        return best.value, best.end_value or period_end(best.value, best.precision), best.precision
    # Odd formats ("Tue, 5 Mar 24"): dateparser, asking for the parts it must find so that it cannot fill a
    # missing day or month from today, and trusted only when the year it returns is written in the text.
    import dateparser  # here: few texts get this far, and importing it costs every run ~0.04-0.1 s

    for precision, parts in (("day", ["day", "month", "year"]), ("month", ["month", "year"]), ("year", ["year"])):
        parsed = dateparser.parse(cleaned, languages=["en"], settings={**_PARSER_SETTINGS, "REQUIRE_PARTS": parts})
        written = str(parsed.year) in cleaned if parsed is not None else False
        if parsed is not None and precision != "year" and not written:  # "5 Mar 24": a two-digit year with a month
            written = f"{parsed.year % 100:02d}" in cleaned and bool(re.search(r"[A-Za-z]", cleaned))
        if parsed is not None and written:
            value = truncate(parsed.date(), precision)
            return value, period_end(value, precision), precision
    return None


def parse_date_text(text: str) -> tuple[date | None, str | None]:
    """(value, precision) of a lone date string ("12 June 2023", "2023-12-07T08:15:00+07:00", "05.04.2023",
    "2023-01", "2023Q1"); a period gives its first day."""
    period = parse_period(text)
    return (period[0], period[2]) if period is not None else (None, None)
