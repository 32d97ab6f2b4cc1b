"""Session 9 (acts): who acted and whether an act happened. Made-up texts, one per phenomenon."""
from datetime import date

import pytest

from flows.extract.countries import find_countries
from flows.extract.document_pair import document_pair
from flows.extract.sentences import split_sentences
from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday

# the king's country is named less often than a question the two discussed; the lead names the host, the two
# parties are named together twice
KING_IN_CAIRO = ("The Egyptian president received the Jordanian king in Cairo on Monday. "
                 "They spoke about the Palestinian cause at length. "
                 "Palestinian officials welcomed the meeting. "
                 "A Palestinian state remains the aim of both, the palace said. "
                 "Palestinian envoys were not present. "
                 "Jordan and Egypt will hold a joint committee later this year. "
                 "The two countries signed an accord on water on Monday.")


def test_the_pair_is_the_two_named_together_not_the_most_named() -> None:
    texts = [sentence.text for sentence in split_sentences(KING_IN_CAIRO)]
    # counted alone: Egypt 3, Palestine 4, Jordan 2
    assert set(document_pair([find_countries(text) for text in texts], texts)) == {"EGY", "JOR"}


def test_the_pair_named_in_the_lead_wins_over_a_bystander_named_more_often() -> None:
    text = ("Qatar and Bahrain restore their ties. "
            "The deal was reached in talks in Riyadh, Saudi Arabia. Saudi Arabia has mended ties with Iran too. "
            "Saudi Arabia welcomed the deal, its ministry said.")
    texts = [sentence.text for sentence in split_sentences(text)]
    assert set(document_pair([find_countries(text) for text in texts], texts)) == {"QAT", "BHR"}


def test_too_few_countries_make_no_pair() -> None:
    assert document_pair([find_countries("Chile is dry."), []], ["Chile is dry.", "It rains."]) is None


def test_the_two_countries_are_the_documents_pair(extract) -> None:
    signings = {(frozenset((actor, target)), day) for kind, actor, target, day, _, status in
                events_of(extract(KING_IN_CAIRO, PUB)) if kind == "agreement_signed" and status == "occurred"}
    assert signings == {(frozenset({"EGY", "JOR"}), date(2024, 5, 6))}


def _kinds(frames: dict) -> list[tuple]:
    return sorted((kind, actor, target, day, status) for kind, actor, target, day, _, status in events_of(frames))



def test_a_reception_on_arrival_is_no_meeting_but_the_talks_after_it_are(extract) -> None:
    text = ("President Ana Ruiz of Chile arrived in Peru on Monday, starting a two-day official visit. "
            "President Luis Soto of Peru received her at the airport. "
            "The two presidents then held talks at the palace.")
    kinds = _kinds(extract(text, PUB))
    assert [row[0] for row in kinds] == ["meeting", "official_visit"]
    assert kinds[0][3] == date(2024, 5, 6)


def test_relations_established_told_twice_are_one_act(extract) -> None:
    told = ("Since the two sides established diplomatic relations 50 years ago, Chile and Peru have kept close ties, "
            "the minister said. ")
    text = told + "Trade grew fast in the following decades. " + told
    frame = extract(text, PUB)["event_mentions"]
    assert list(zip(frame["event_type"], frame["event_date"])) == [
        ("diplomatic_relations_established", date(1974, 1, 1))]


def test_a_meeting_with_a_guest_who_arrived_stays_a_meeting(extract) -> None:
    text = ("On Monday, President Luis Soto of Peru met with President Ana Ruiz of Chile, who arrived in Peru on an "
            "official visit.")
    assert [row[0] for row in _kinds(extract(text, PUB))] == ["meeting", "official_visit"]


def test_one_visit_told_on_two_days_of_the_stay_is_one_visit_of_its_first_day(extract) -> None:
    text = ("President Luis Soto of Peru received Foreign Minister Ana Ruiz of Chile on Wednesday at the palace. "
            "Ruiz travelled to Peru on Tuesday evening for a two-day visit.")
    visits = [row for row in _kinds(extract(text, PUB)) if row[0].endswith("visit")]
    assert visits == [("official_visit", "CHL", "PER", date(2024, 5, 7), "occurred")]


def test_two_visits_a_week_apart_stay_two(extract) -> None:
    text = ("Foreign Minister Ana Ruiz of Chile travelled to Peru on Tuesday for talks. "
            "On 26 April, Ruiz had also visited Peru.")
    visits = [row[3] for row in _kinds(extract(text, PUB)) if row[0].endswith("visit")]
    assert visits == [date(2024, 4, 26), date(2024, 5, 7)]


VISIT_MONDAY = ("official_visit", "CHL", "PER", date(2024, 5, 6), "occurred")

# (test id, made-up text, every event as (type, actor, target, date, status))
EXACT = [
    ("a_welcome_at_the_airport_is_the_visit_not_a_meeting",
     "President Ana Ruiz of Chile arrived in Peru on Monday, starting a two-day official visit. "
     "At the airport, she was welcomed by Peru's Foreign Minister Luis Soto.", [VISIT_MONDAY]),
    ("the_owner_of_the_visit_noun_is_the_visitor",
     "Ruiz's visit underscores the strong ties between Peru and Chile, President Ana Ruiz of Chile said in Lima on "
     "Monday.", [VISIT_MONDAY]),
    ("the_owned_visit_told_again_is_the_visit_already_told",
     "President Ana Ruiz of Chile arrived in Peru on Monday, starting a two-day official visit. "
     "Ruiz's visit underscores the strong ties between Peru and Chile as close neighbours.", [VISIT_MONDAY]),
    ("a_visit_being_organised_is_a_plan",
     "President Ana Ruiz of Chile paid an official visit to Peru on 3 May. "
     "The organization of a return official visit by the President of Peru to Chile this year is now being discussed.",
     [("official_visit", "CHL", "PER", date(2024, 5, 3), "occurred"),
      ("official_visit", "PER", "CHL", date(2024, 1, 1), "planned")]),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in EXACT], ids=[case[0] for case in EXACT])
def test_exact_events(extract, text: str, expected: list[tuple]) -> None:
    assert _kinds(extract(text, PUB)) == expected
