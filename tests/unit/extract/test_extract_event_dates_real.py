"""Dates of events as real news writes them (session 7, ev-dates), each on a made-up sentence: a year written after
the range it belongs to, a span 'from <year> to this day' that dates nothing after it, a day that belongs to
an 'after ...' clause, and a month in a past-perfect clause under a plan."""
from datetime import date

import pytest

from flows.common.dates import DateContext, DateMention
from flows.extract import syntax
from flows.extract.event_days import next_year_if_past
from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


@pytest.mark.parametrize(("sentence", "text", "value", "end_value", "precision"), [
    ("The minister toured Lima from March 14-16 in 2017 with a large delegation.", "from March 14-16 in 2017",
     date(2017, 3, 14), date(2017, 3, 16), "day"),
    ("He stayed from 3 to 5 March in 2016.", "from 3 to 5 March in 2016", date(2016, 3, 3), date(2016, 3, 5), "day"),
    ("They met on 5 May in 2018.", "on 5 May in 2018", date(2018, 5, 5), None, "day"),
    ("They met in November in 2019.", "in November in 2019", date(2019, 11, 1), date(2019, 11, 30), "month"),
])
def test_a_year_written_after_the_day_is_that_days_year(sentence: str, text: str, value: date,
                                                        end_value: date | None, precision: str) -> None:
    context = DateContext(None)
    context.find("Relations were set up on March 3, 1992.")  # an earlier year the day must not take
    mentions = context.find(sentence)
    assert [(m.text, m.value, m.end_value, m.precision, m.resolution) for m in mentions] == [
        (text, value, end_value, precision, "explicit")]


def test_a_year_before_a_list_of_years_stays_apart() -> None:
    """'on 5 May in 2018 and 2019': two years, no one year of the day."""
    mentions = DateContext(PUB).find("They met on 5 May in 2018 and 2019.")
    assert [(m.text, m.value) for m in mentions] == [
        ("on 5 May", date(2024, 5, 5)), ("in 2018", date(2018, 1, 1)), ("2019", date(2019, 1, 1))]


def test_a_span_to_the_present_day_is_no_anchor_for_a_later_day() -> None:
    context = DateContext(None)
    context.find("Relations were set up on March 3, 1992.")
    context.find("From 1995 to this day, the two sides have concluded over 30 treaties.")
    assert [m.value for m in context.find("The minister visited on 5 June.")] == [date(1992, 6, 5)]


def test_since_a_year_stays_the_anchor_of_what_follows() -> None:
    """'since 1998, the year in which ...': the year is told for what follows it."""
    context = DateContext(None)
    context.find("Trade has grown since 1998.")
    assert [m.value for m in context.find("They met on 5 June.")] == [date(1998, 6, 5)]


def test_range_with_year_after_dates_the_visit_not_an_earlier_span(extract) -> None:
    text = ("Peru and Chile established diplomatic relations on March 3, 1992. From 1995 to this day, the two "
            "sides have concluded over 30 treaties. The Chilean head of state paid a state visit to Peru from "
            "May 4-6 in 2018.")
    found = events_of(extract(text, None))
    assert found == {
        ("diplomatic_relations_established", "PER", "CHL", date(1992, 3, 3), "day", "occurred"),
        ("state_visit", "CHL", "PER", date(2018, 5, 4), "day", "occurred"),  # no 1995 tally, no 1995 visit
    }


@pytest.mark.skipif(not syntax.available(), reason="the parse is off on the rules backbone")
def test_a_day_in_an_after_clause_is_that_clauses(extract) -> None:
    text = ("Making his first trip abroad after being elected President on November 17, the Peruvian President "
            "met President Boric of Chile at the palace.")
    assert events_of(extract(text, date(2018, 12, 17))) == {
        ("meeting", "PER", "CHL", date(2018, 12, 1), "month", "occurred")}  # near28c: a finished act with no date word of its own takes the date line's month  # the story's day, not the election's


def test_a_year_in_an_after_clause_still_holds_the_later_act(extract) -> None:
    text = "Brazil recognized Angola on 11 November 1975. After recognizing Angola in 1975, Brazil opened an embassy."
    assert ("embassy_opened", date(1975, 1, 1), "year") in {(row[0], row[3], row[4]) for row in events_of(extract(text, PUB))}


def test_a_measure_after_a_day_still_dates_the_earlier_act(extract) -> None:
    text = ("The presidents of Peru and Chile spoke by telephone on 8 May, a week after their foreign ministers "
            "held talks in Lima.")
    dates = {(row[0], row[3]) for row in events_of(extract(text, PUB))}
    assert ("meeting", date(2024, 5, 8)) in dates and ("meeting", date(2024, 5, 1)) in dates


def test_a_planned_month_moves_to_next_year_unless_the_clause_is_past_perfect() -> None:
    month = DateMention(0, 11, "in November", date(2018, 11, 1), "month", "relative", "published 2018-12-17")
    published = date(2018, 12, 17)
    assert next_year_if_past(month, published, "the minister will visit in November").value == date(2019, 11, 1)
    assert next_year_if_past(month, published, "the minister had delivered an invitation in November").value \
        == date(2018, 11, 1)


def test_a_month_in_a_past_perfect_clause_is_the_last_such_month(extract) -> None:
    text = ("The Peruvian President arrived in Santiago on Monday. While in Lima for the inauguration in November, "
            "President Boric had delivered an invitation to the Peruvian President for a State Visit to Chile.")
    rows = events_of(extract(text, date(2018, 12, 17)))
    assert ("official_visit", "PER", "CHL", date(2018, 12, 17), "day", "occurred") in rows
    assert {row[3] for row in rows if row[0] == "state_visit"} <= {date(2018, 11, 1)}  # never November 2019


def test_counted_meetings_over_a_stretch_take_no_earlier_day(extract) -> None:
    text = ("The Chilean president visited Peru on 5 March 2019. In those years, eleven sessions of the joint "
            "committee of Peru and Chile were held.")
    assert events_of(extract(text, None)) == {("official_visit", "CHL", "PER", date(2019, 3, 5), "day", "occurred")}


def test_signed_documents_counted_are_still_one_signing(extract) -> None:
    text = "The Chilean president visited Peru on 5 March 2019. The two sides signed 12 agreements."
    assert ("agreement_signed", date(2019, 3, 5)) in {(row[0], row[3]) for row in events_of(extract(text, None))}
