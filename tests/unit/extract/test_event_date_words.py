"""Event dates that hang on the words around the trigger (texts of our own): a visit told by its end is dated by
its first day; an anniversary of an act told as a gerund marks the act, it does not date it."""
from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import events_of

FRIDAY = date(2024, 5, 10)


def test_ended_a_two_day_visit_on_friday_began_on_thursday(extract) -> None:
    events = events_of(extract("Serbian President Ana Petrovic ended a two-day visit to Bosnia and Herzegovina on "
                               "Friday.", FRIDAY))
    assert events == {("official_visit", "SRB", "BIH", date(2024, 5, 9), "day", "occurred")}


def test_wrapped_up_a_three_day_visit_told_on_the_day_began_two_days_before(extract) -> None:
    events = events_of(extract("The Norwegian prime minister wrapped up his three-day official visit to Chile.", FRIDAY))
    assert ("official_visit", "NOR", "CHL", date(2024, 5, 8), "day", "occurred") in events


def test_a_visit_told_by_its_start_keeps_its_day(extract) -> None:
    events = events_of(extract("The Norwegian prime minister began a three-day official visit to Chile on Friday.",
                               FRIDAY))
    assert events == {("official_visit", "NOR", "CHL", FRIDAY, "day", "occurred")}


def test_the_anniversary_of_two_states_establishing_ties_marks_them_it_does_not_establish_them(extract) -> None:
    events = events_of(extract("MAY 31, 2024 marked the 35th anniversary of Norway and Chile establishing diplomatic "
                               "ties.", None))
    # the anniversary also dates the ties, 35 years back (the gold convention of session 13: event_anniversaries);
    # a day as the subject that 'marked' it is the day's state, no celebration (events22: tests/realnews/README.md,
    # 'this year marks the 65th anniversary' is no anniversary_event; r918's gold has none for this shape)
    assert events == {("diplomatic_relations_established", "NOR", "CHL", date(1989, 1, 1), "year", "occurred")}
