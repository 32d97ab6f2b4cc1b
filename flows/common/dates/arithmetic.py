"""Calendar arithmetic on dates at a precision (day, month, year)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_end(value: date, precision: str) -> date:
    """The last day of the year or month a date at this precision stands for."""
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        return month_end(value.year, value.month)
    return value


def add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(value.day, calendar.monthrange(year, month + 1)[1]))


def truncate(value: date, precision: str) -> date:
    """The first day of the year or month at this precision."""
    if precision == "year":
        return date(value.year, 1, 1)
    if precision == "month":
        return date(value.year, value.month, 1)
    return value


def coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def format_date(value: date, precision: str | None) -> str:
    """ISO text of a date at its precision: 2006, 2006-02 or 2006-02-14."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def shift_date(value: date, amount: int, unit: str) -> date:
    """value moved by amount days, weeks, months, years or decades."""
    if unit == "day":
        return value + timedelta(days=amount)
    if unit == "week":
        return value + timedelta(weeks=amount)
    if unit == "month":
        return add_months(value, amount)
    if unit == "decade":
        return add_months(value, 120 * amount)
    return add_months(value, 12 * amount)
