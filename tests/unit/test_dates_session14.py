"""Dates, session 14, on sentences written for these tests: a round measure back in time ('five decades
ago') is no year, while 'N years ago' and 'N decades ago to this day' still are; 'the end of the 2031 calendar
year' and 'within this year' are deadlines."""
from __future__ import annotations

from datetime import date

from flows.common.dates import DateContext, format_date


def _found(context: DateContext, lines: list[str]) -> list[list[str | None]]:
    return [[format_date(m.value, m.precision) if m.value is not None else None for m in context.find(line)]
            for line in lines]


def test_decades_ago_is_a_round_measure_not_a_year() -> None:
    context = DateContext(date(2012, 3, 4))
    lines = ["Borvia and Cestia set up relations four decades ago; exports doubled three years ago."]
    assert _found(context, lines) == [[None, "2009"]]


def test_decades_ago_to_this_day_still_names_the_day() -> None:
    context = DateContext(date(2012, 3, 4))
    assert _found(context, ["Two decades ago to this day, the envoys signed the accord."]) == [["1992-03-04"]]


def test_decades_ago_on_an_undated_page_is_no_year_either() -> None:
    context = DateContext(None)
    lines = ["The two sides have been partners since ties were set up three decades ago."]
    assert _found(context, lines) == [[None]]


def test_the_end_of_a_calendar_year_is_one_deadline() -> None:
    line = "Officials hoped to seal a deal with Peru before the end of the 2031 calendar year."
    mentions = DateContext(None).find(line)
    assert [(m.text, format_date(m.value, m.precision), m.kind) for m in mentions] == [
        ("before the end of the 2031 calendar year", "2031", "until")]



def test_within_a_year_is_a_deadline() -> None:
    mentions = DateContext(date(2022, 5, 5)).find("The new plan is to take effect within this year.")
    assert [(m.text, format_date(m.value, m.precision), m.kind) for m in mentions] == [
        ("within this year", "2022", "until")]
