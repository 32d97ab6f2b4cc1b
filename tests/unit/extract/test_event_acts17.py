"""Meetings, messages and plans told in ministry prose (texts of our own, session 17): an audience with an honorific
before the guest's name, greetings both ways, a message carried from its absent sender, a plan told by 'plans for
organising' or by 'to be held' after a long body name, a second prepared visit joined by ', and', a need that is no
act, a selection of visits summed up, and a future inside a quotation that is not the trigger's tense."""
from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import events_of

DAY = date(2023, 6, 9)


def test_received_an_honorific_and_a_name_is_an_audience(extract) -> None:
    events = events_of(extract("On 7 June 2023, at the Foreign Ministry in Santiago, H.E. Mr. Pablo Vera, Deputy "
                               "Minister of Chile, received H.E. Ms. Ingrid Dahl, State Secretary of Norway, during "
                               "her stay.", DAY))
    assert any(kind == "meeting" and {actor, target} == {"CHL", "NOR"} and when == date(2023, 6, 7)
               for kind, actor, target, when, _, _ in events)


LETTERS = [  # (text, the letter's day)
    ("On 3 March 2023, the presidents of Chile and Norway congratulated each other on the 50th anniversary of their "
     "ties.", date(2023, 3, 3)),
    ("On 5 June 2023, the Norwegian envoy delivered a message of goodwill from President Olsen to the Chilean leader.",
     date(2023, 6, 5)),
]


@pytest.mark.parametrize(("text", "day"), LETTERS)
def test_greetings_both_ways_and_a_message_from_its_sender_are_letters(extract, text: str, day: date) -> None:
    assert any(kind == "letters_exchanged" and when == day for kind, _, _, when, _, _ in events_of(extract(text, DAY)))


NO_ACT = [  # (text, the kind of act it must not tell as done)
    # a message conveyed with no sender named is no letter (greetings at a ceremony)
    ("On 5 June 2023, the Norwegian envoy conveyed a message of congratulations in Santiago.", "letters_exchanged"),
    # greetings said at a meeting told before
    ("On 7 June 2023, the prime ministers of Chile and Norway held talks in Oslo. The two premiers first "
     "congratulated each other on taking office.", "letters_exchanged"),
    # a plan's gerund of holding
    ("On 7 June 2023, Chile and Norway discussed plans for organising the third session of the Joint Commission.",
     "commission_meeting"),
    # 'to be held' after a long body name
    ("Both sides talked about the 4th Meeting of the Joint Board on Trade, Investment, Energy, Mining and Fisheries "
     "of Chile and Norway, to be held in Oslo in 2024.", "commission_meeting"),
    # the second noun joined to a prepared visit
    ("On 7 June 2023, the two sides discussed the preparations for the official visit to Chile of the Norwegian "
     "foreign minister, and the official visit to Norway of the Chilean foreign minister.", "official_visit"),
    # the need of an act
    ("On 7 June 2023, Chile and Norway stressed the need for joint steps to curb smuggling and to provide "
     "humanitarian assistance to the victims.", "other"),
    # a selection of visits summed up
    ("In May 2023 the ministers met in Oslo. Key high-level visits between Chilean presidents and Norwegian prime "
     "ministers have aimed at deeper ties in energy.", "official_visit"),
]


@pytest.mark.parametrize(("text", "kind"), NO_ACT)
def test_no_act_done(extract, text: str, kind: str) -> None:
    assert not any(row_kind == kind and status == "occurred" for row_kind, *_, status in events_of(extract(text, DAY)))


def test_a_future_inside_a_closed_quote_is_not_the_visit_tense(extract) -> None:
    events = events_of(extract('"Our ties will grow further," Chilean President Ana Vera said on Friday of her '
                               "trip to Norway, on its first day.", DAY))
    assert ("official_visit", "CHL", "NOR", DAY, "day", "occurred") in events


def test_your_visit_in_a_hosts_words_is_the_visit_told_before(extract) -> None:
    events = events_of(extract("The Chilean president arrived in Oslo on Monday for a state visit. \u201cYour visit "
                               "deepens our friendship,\u201d the Norwegian king told him on Wednesday.", DAY))
    assert [kind for kind, *_ in events if kind in ("official_visit", "state_visit")] == ["state_visit"]


MEETINGS = [  # (text, how many meetings it tells)
    # the occasion of a statement, after the day's talks were told: the same meeting
    ("Chilean President Ana Vera and Norwegian President Lars Berg held talks in Oslo on Wednesday. \u201cYour visit "
     "proves how close our peoples are,\u201d Berg said during the summit, which went on for two hours earlier "
     "on Wednesday.", 1),
    # the pair again as the subject: the same meeting
    ("Chilean President Ana Vera, on her state visit to Norway, met with the country's president, Lars Berg, in Oslo "
     "on Wednesday. Later the two presidents held talks in a small group, which was followed by a dinner.", 1),
]


@pytest.mark.parametrize(("text", "count"), MEETINGS)
def test_a_meeting_told_again_is_one_meeting(extract, text: str, count: int) -> None:
    frames = extract(text, DAY)
    assert sum(row["event_type"] == "meeting" for row in frames["event_mentions"].iter_rows(named=True)) == count
