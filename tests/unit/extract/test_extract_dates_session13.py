"""Event dates, session 13, on sentences written for these tests: a month or a year inside a 'since/until/before'
clause is that clause's verb's, not the main event's (an 'after' clause's month still holds both acts)."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import syntax
from tests.unit.extract.conftest import events_of

PUB = date(2024, 3, 15)


@pytest.mark.skipif(not syntax.available(), reason="the parse is off on the rules backbone")
def test_a_month_in_a_since_clause_is_that_clauses(extract) -> None:
    text = ("The three-day visit of Peru's president to Chile is his first to a neighbour since the centrist leader "
            "took office in November.")
    visits = {(row[0], row[3], row[4]) for row in events_of(extract(text, PUB)) if row[0] == "official_visit"}
    assert visits and all(day != date(2023, 11, 1) for _, day, _ in visits)


def test_a_year_in_an_after_clause_still_holds_the_later_act(extract) -> None:
    text = "After establishing ties in 1992, Chile opened an embassy in Peru in 1992 as well."
    assert ("embassy_opened", date(1992, 1, 1), "year") in {(row[0], row[3], row[4])
                                                             for row in events_of(extract(text, PUB))}


def test_what_the_news_follows_dates_no_later_undated_event(extract) -> None:
    text = ("Chile and Peru signed a fisheries deal in Lima yesterday. This follows a customs accord signed in "
            "October 2022 between the two trade ministries. The Chilean president is in Lima for a two-day visit.")
    rows = {(row[0], row[3], row[4]) for row in events_of(extract(text, PUB))}
    assert ("official_visit", date(2024, 3, 14), "day") in rows  # the story's day, not October 2022
    assert ("agreement_signed", date(2022, 10, 1), "month") in rows  # the accord keeps its own date


@pytest.mark.skipif(not syntax.available(), reason="the parse is off on the rules backbone")
def test_a_participle_after_a_future_main_clause_tells_a_done_act(extract) -> None:
    text = "Fishermen will be among the winners of a memorandum signed between Chile and Peru today in Lima."
    assert ("agreement_signed", "occurred") in {(row[0], row[5]) for row in events_of(extract(text, PUB))}


def test_a_participle_to_be_done_is_still_a_plan(extract) -> None:
    text = "Fishermen will gain from a memorandum to be signed between Chile and Peru next week in Lima."
    statuses = {row[5] for row in events_of(extract(text, PUB)) if row[0] == "agreement_signed"}
    assert "occurred" not in statuses


def test_a_rank_before_to_be_is_no_plan(extract) -> None:
    text = ("A milestone came in 2009 with the signing of a trade pact between Chile and Peru, the first to be "
            "signed by Chile with a neighbour.")
    assert ("agreement_signed", date(2009, 1, 1), "occurred") in {
        (row[0], row[3], row[5]) for row in events_of(extract(text, PUB))}
    planned = "The trade pact between Chile and Peru is to be signed in Lima next month."
    assert all(row[5] == "planned" for row in events_of(extract(planned, PUB)) if row[0] == "agreement_signed")
