"""Visits and the days they take (branch events19): a visit's span written after its trigger, the undated meetings
after it, two sides out together, an anniversary's closing period, a visit's 'marking' participle. Made-up texts."""
from __future__ import annotations

from datetime import date

from conftest import events_of


def _rows(frames, kind: str) -> list[dict]:
    return [row for row in frames["event_mentions"].iter_rows(named=True) if row["event_type"] == kind]


def test_a_span_after_the_visit_dates_it_and_its_meetings(extract) -> None:
    """'left on Thursday, ending her state visit to B from 6 to 8 May': the visit began on the 6th, and the talks told
    after it without a day are the visit's, not the day she left."""
    frames = extract("The Chilean President left Lima on Thursday evening, ending her state visit to Peru from 6 to 8 "
                     "May, paid at the invitation of the Peruvian President. The two Presidents held talks on trade.",
                     date(2024, 5, 10))
    visits = _rows(frames, "state_visit")
    assert [(row["actor_iso3"], row["target_iso3"], row["event_date"]) for row in visits] == [
        ("CHL", "PER", date(2024, 5, 6))]
    assert {row["event_date"] for row in _rows(frames, "meeting")} == {date(2024, 5, 6)}


def test_a_span_told_apart_from_the_visit_is_not_its_own(extract) -> None:
    """'visited Peru on 2 May, and a fair ran from 6 to 8 May': the span is another clause's, the visit keeps its day."""
    frames = extract("The Chilean President visited Peru on 2 May, and a trade fair in Lima ran from 6 to 8 May.",
                     date(2024, 5, 10))
    assert {row["event_date"] for row in _rows(frames, "official_visit")} == {date(2024, 5, 2)}


def test_two_sides_out_together_is_no_visit(extract) -> None:
    """'President A and President B toured the old fortress': the host and the guest out together during a visit."""
    frames = extract("The Chilean President arrived in Peru on 6 May for a state visit. The Peruvian President and "
                     "the Chilean President, along with their wives, visited the old fortress of the city.",
                     date(2024, 5, 10))
    assert not [row for row in frames["event_mentions"].iter_rows(named=True)
                if row["actor_iso3"] == "PER" and row["target_iso3"] == "CHL"]


def test_a_period_closing_an_anniversary_dates_no_visit(extract) -> None:
    """'The visit opens a year of events marking the 40th anniversary of ties (1984-2024)': 1984 is the ties', not the
    visit's; the anniversary is marked in 2024."""
    frames = extract("The Chilean President began a visit to Peru on Monday. The visit opens a year of events marking "
                     "the 40th anniversary of diplomatic relations between Chile and Peru (1984-2024).",
                     date(2024, 5, 10))
    events = events_of(frames)
    assert not [event for event in events if event[0].endswith("visit") and event[3] == date(1984, 1, 1)]
    assert [event for event in events if event[0] == "anniversary_event"
            and (event[3], event[4]) == (date(2024, 1, 1), "year")]


def test_marking_after_a_visit_is_its_occasion(extract) -> None:
    """'is visiting B from 3 to 7 May, marking a milestone in ties': the visit's occasion, no anniversary marked."""
    frames = extract("The Chilean President is visiting Peru from 3 to 7 May at the invitation of the Peruvian "
                     "President, marking a milestone in their long relationship.", date(2024, 5, 10))
    assert not _rows(frames, "anniversary_event")
    assert {row["event_date"] for row in _rows(frames, "official_visit")} == {date(2024, 5, 3)}


def test_the_person_a_who_follows_is_the_visitor(extract) -> None:
    """'The host gave a dinner for President X, who was paying a visit to the Andean nation': X visits, though the
    host is the subject and the place is not named."""
    frames = extract("Peruvian President Ana Quispe on Monday gave a state dinner for Chilean President "
                     "Jorge Valdes, who was paying a two-day visit to the Andean nation.", date(2024, 5, 10))
    assert {(row["actor_iso3"], row["target_iso3"]) for row in _rows(frames, "official_visit")} == {("CHL", "PER")}
