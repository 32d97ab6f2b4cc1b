"""Event forms of session 5 (rn-events4), each on a made-up sentence: the destination of a visit named with
descriptive words, a reduced relative's date, relations and missions, a binational cabinet series, an intention
voiced at a meeting, a count, a plan told as 'planning to'.
The one-text cases of the simple forms are data: cases/events_session5.toml."""
from datetime import date

import pytest

from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


def test_date_after_a_reduced_relative_participle_is_that_acts(extract) -> None:
    text = "The Peruvian president's visit aims to revive the agreement signed on June 4, 2015 between Peru and Chile."
    assert events_of(extract(text, PUB)) == {
        ("agreement_signed", "PER", "CHL", date(2015, 6, 4), "day", "occurred"),
        ("official_visit", "PER", "CHL", PUB, "day", "occurred"),  # the news of the day, not the 2015 signing
    }


def test_finite_verb_after_its_subject_keeps_the_shared_date(extract) -> None:
    text = "The Peruvian president visited Chile, where the two sides signed on June 4, 2015 a treaty."
    assert {row[0]: row[3] for row in events_of(extract(text, PUB))} == {
        "official_visit": date(2015, 6, 4), "agreement_signed": date(2015, 6, 4)}


def test_binational_cabinets_in_a_semicolon_series(extract) -> None:
    text = ("Three Binational Cabinets of Chile and Peru were held so far: in Arica on September 30, 2014; in Tacna "
            "on October 30, 2015; in Lima on January 27, 2017.")
    rows = events_of(extract(text, PUB))
    assert {(row[0], row[3]) for row in rows} == {("commission_meeting", date(2014, 9, 30)),
                                                  ("commission_meeting", date(2015, 10, 30)),
                                                  ("commission_meeting", date(2017, 1, 27))}
    assert all({row[1], row[2]} == {"CHL", "PER"} and row[5] == "occurred" for row in rows)


def test_intention_voiced_at_a_meeting_leaves_the_meeting_done(extract) -> None:
    text = ("Chile and Peru agreed to deepen their defence cooperation at a meeting between Chilean Premier Ana Tamm "
            "and Peruvian Premier Luis Soto on Friday 3 May.")
    assert events_of(extract(text, PUB)) == {("meeting", "CHL", "PER", date(2024, 5, 3), "day", "occurred")}
    # an intention whose object is the meeting stays a plan
    assert events_of(extract("Chile and Peru agreed to hold talks in June.", PUB)) == {
        ("meeting", "CHL", "PER", date(2024, 6, 1), "month", "planned")}


def test_a_third_country_venue_is_no_side_of_the_meeting(extract) -> None:
    text = ("Chile and Peru signed a fisheries accord in Santiago on Tuesday, Chilean and Peruvian officials said. "
            "Chile's fleet will gain access to Peruvian waters. Previously, the most recent meeting between Kaan and "
            "Peruvian Foreign Minister Luis Tamm took place on April 10 in Hanoi, Vietnam, during a regional forum.")
    assert events_of(extract(text, PUB)) == {
        ("agreement_signed", "CHL", "PER", date(2024, 5, 7), "day", "occurred"),
        ("meeting", "PER", "CHL", date(2024, 4, 10), "day", "occurred"),  # not Vietnam, where it took place
    }


def test_previous_meetings_listed_with_their_dates(extract) -> None:
    text = ("The visit is a good chance to review the decisions agreed at the previous meetings of the presidents of "
            "Chile and Peru, which took place in Arica, on 29 December 2020, and 27 August 2021, and in Lima, on "
            "20 April 2021.")
    rows = events_of(extract(text, PUB))
    assert {(row[0], row[3]) for row in rows if row[0] == "meeting"} == {
        ("meeting", date(2020, 12, 29)), ("meeting", date(2021, 8, 27)), ("meeting", date(2021, 4, 20))}
    # the visit the sentence is about is not one of the meetings' days
    assert {row[3] for row in rows if row[0] == "official_visit"} == {PUB}


def test_a_date_after_another_triggers_took_place_is_that_ones(extract) -> None:
    text = ("The Chilean minister's visit to Peru is a fine opportunity to confirm the close and privileged "
            "relationship of the two neighbours, built on a shared history, language and culture, and to assess the "
            "work agreed at their last meeting, which took place in Lima on 3 March 2021.")
    rows = events_of(extract(text, PUB))
    assert {(row[0], frozenset(row[1:3]), row[3]) for row in rows} == {
        ("meeting", frozenset({"CHL", "PER"}), date(2021, 3, 3)), ("official_visit", frozenset({"CHL", "PER"}), PUB)}


@pytest.mark.parametrize(("text", "visit"), [
    # 'making Peru her second visit abroad': the country made the visit is its host
    pytest.param("Chilean President Ana Soto arrived in Lima on Monday. He also thanked President Soto for making Peru "
                 "her second visit abroad, which he viewed as a sign of the ties between Chile and Peru.",
                 ("official_visit", "CHL", "PER", date(2024, 5, 6), "day", "occurred"),
                 id="making_a_country_his_visit_makes_it_the_host"),
    # 'During a short two-day visit' after the visit is told: that visit, no second one
    pytest.param("The Qatari emir visited Oman on Monday. The emir was welcomed by Omani Sultan Haitham bin Tarik. "
                 "During a short two-day visit, he then met Prime Minister Salim Al-Harthy.",
                 ("official_visit", "QAT", "OMN", date(2024, 5, 6), "day", "occurred"),
                 id="during_a_visit_after_the_visit_is_that_visit"),
])
def test_the_one_visit_told(extract, text: str, visit: tuple) -> None:
    assert {row for row in events_of(extract(text, PUB)) if row[0] == "official_visit"} == {visit}


def test_recognizing_the_newly_independent_state(extract) -> None:
    assert events_of(extract("On 6 December 1821 Chile became the first state to recognise the newly independent Peru.",
                             PUB)) == {("other", "CHL", "PER", date(1821, 12, 6), "day", "occurred")}
    assert events_of(extract("Chile recognized independent experts from Peru in 1990.", PUB)) == set()


def test_the_year_of_the_act_an_anniversary_remembers_is_not_the_celebrations(extract) -> None:
    text = ("Chile and Peru are neighbours. In Lima, the Chilean minister also toured a photo show celebrating the "
            "centenary of Chile's recognition of Peru in 1924.")
    assert {row[3] for row in events_of(extract(text, PUB)) if row[0] == "anniversary_event"} == {PUB.replace(day=1)}  # near28c: a finished act with no date word of its own takes the date line's month
    text = "Chile and Peru marked the 50th anniversary of relations on 4 May."
    assert events_of(extract(text, PUB)) == {("anniversary_event", "CHL", "PER", date(2024, 5, 4), "day", "occurred"),
                                             # and the relations 50 years back (session 13: event_anniversaries)
                                             ("diplomatic_relations_established", "CHL", "PER", date(1974, 1, 1), "year",
                                              "occurred")}


def test_laying_a_foundation_stone_together_is_a_joint_project(extract) -> None:
    text = ("Chilean President Ana Soto made a state visit to Peru in March 2019, and in June 2019, with President "
            "Luis Tamm of Peru, she laid a foundation stone for a new border bridge.")
    assert {(row[0], frozenset(row[1:3]), row[3]) for row in events_of(extract(text, PUB))} == {
        ("state_visit", frozenset({"CHL", "PER"}), date(2019, 3, 1)),  # Chile to Peru (checked below)
        ("joint_project", frozenset({"CHL", "PER"}), date(2019, 6, 1)),  # symmetric: either order
    }
    assert ("state_visit", "CHL", "PER", date(2019, 3, 1), "month", "occurred") in events_of(extract(text, PUB))
    # one country's own school is no bilateral project
    assert events_of(extract("The Chilean minister laid the foundation stone of a school in Santiago on Monday.",
                             PUB)) == set()
