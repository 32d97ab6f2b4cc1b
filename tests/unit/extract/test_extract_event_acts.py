"""Session 7 (ev-acts): one act told several times is one row; a visit report's talks are a meeting; acts done to a
signed instrument (ratification, approval, entry into force) take its sides. Made-up texts."""
from datetime import date

import pytest

from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


def _rows(frames: dict) -> set[tuple]:
    return {(kind, frozenset((actor, target)), day, status) for kind, actor, target, day, _, status in events_of(frames)}


def test_one_signing_day_told_four_times_is_one_agreement(extract):
    text = ("Chile and Peru signed new agreements on Tuesday to lift trade. "
            "The leaders of both nations signed a declaration in Lima on Tuesday on a council. "
            "Meanwhile, ministers of Chile and Peru signed several agreements on transport. "
            "Altogether Chile and Peru signed nine accords, among them a revised trade agreement.")
    frame = extract(text, PUB)["event_mentions"]
    assert frame.filter(frame["event_type"] == "agreement_signed").height == 1
    signings = [row for row in events_of(extract(text, PUB)) if row[0] == "agreement_signed"]
    assert signings == [("agreement_signed", signings[0][1], signings[0][2], date(2024, 5, 7), "day", "occurred")]
    assert {signings[0][1], signings[0][2]} == {"CHL", "PER"}


def test_an_instrument_marked_as_another_stays_its_own_row(extract):
    text = ("On 3 May 2024 Chile and Peru signed an agreement on fisheries. "
            "Another agreement on port cooperation between Chile and Peru was signed on 3 May 2024.")
    frame = extract(text, PUB)["event_mentions"]
    assert frame["event_type"].to_list() == ["agreement_signed", "agreement_signed"]


CP, BC, NB = frozenset({"CHL", "PER"}), frozenset({"BOL", "CHL"}), frozenset({"NGA", "BEN"})

# (test id, made-up text, every event expected as (type, unordered sides, date, status))
EXACT = [
    ("talks_of_a_visit_report_are_a_meeting_on_the_visit_day",
     "President Ana Ruiz of Chile started her two-day visit to Peru on Tuesday. "
     "Ruiz and Peruvian President Luis Soto had a long meeting before a joint press conference.",
     {("official_visit", CP, date(2024, 5, 7), "occurred"), ("meeting", CP, date(2024, 5, 7), "occurred")}),
    ("a_signing_after_presidential_talks_adds_their_meeting",
     "Chile and Peru have signed an agreement on the border, officials said on Monday. "
     "The accord was signed following talks between President Ruiz of Chile and President Soto of Peru.",
     {("agreement_signed", CP, date(2024, 5, 6), "occurred"), ("meeting", CP, date(2024, 5, 6), "occurred")}),
    ("a_visit_that_included_discussions",
     "President Ana Ruiz of Chile arrived in Lima on 3 May for a state visit. The trip also included discussions of security.",
     {("state_visit", CP, date(2024, 5, 3), "occurred"), ("meeting", CP, date(2024, 5, 3), "occurred")}),
    ("entry_into_force_told_with_it_takes_the_signing_sides",
     "Chile and Peru signed the treaty in Lima on 11 May 2023, and it then came into effect on 1 May 2024.",
     {("agreement_signed", CP, date(2023, 5, 11), "occurred"), ("other", CP, date(2024, 5, 1), "occurred")}),
    ("a_protest_lodged_is_an_other_act",
     "Chile's foreign ministry lodged a formal protest against Peru in 2008.",
     {("other", CP, date(2008, 1, 1), "occurred")}),
    ("a_signing_with_its_own_date_stays_beside_the_ratification",
     "Signed in September 2023 during the 41st ASEAN Summit in Lima, Peru, the treaty between Bolivia and Chile "
     "was ratified by the Chilean Senate on 23 March 2024.",
     {("agreement_signed", BC, date(2023, 9, 1), "occurred"), ("other", BC, date(2024, 3, 23), "occurred")}),
    ("signed_and_ratified_in_one_breath_is_the_ratification",
     "Chile signed and ratified the treaty with Peru on 3 March 2024.",
     {("other", CP, date(2024, 3, 3), "occurred")}),
    ("a_dateline_city_is_no_side_of_the_signing",
     "Quito: Chile and Peru on Thursday signed a pact fixing their sea border.",
     {("agreement_signed", CP, date(2024, 5, 9), "occurred")}),
    ("speaking_with_a_counterpart_at_a_conference_named_after_a_city",
     "On Wednesday Nigeria's President Ade Bello told reporters so while speaking with his Beninois counterpart, "
     "Luc Adjovi, as both attend the Tokyo International Conference on Trade in Yokohama, Japan.",
     {("meeting", NB, date(2024, 5, 8), "occurred")}),
    ("establishment_of_diplomatic_relationships_and_celebrations_held_to_mark_an_anniversary",
     "The establishment of diplomatic relationships between Chile and Peru happened on October 30, 1905. "
     "In 2005 celebrations were held to mark the 100th anniversary of diplomatic relations.",
     {("diplomatic_relations_established", CP, date(1905, 10, 30), "occurred"),
      ("anniversary_event", CP, date(2005, 1, 1), "occurred")}),
    ("documents_of_agreement_exchanged_are_a_signing",
     "Chile and Peru exchanged the documents of agreement in Lima on Monday in the presence of the presidents.",
     {("agreement_signed", CP, date(2024, 5, 6), "occurred")}),
    ("a_banks_agreements_are_no_agreement_between_the_states",
     "Chile and Peru signed a trade agreement in 1970. United Bank of Chile signed a number of banking "
     "agreements with banks of Peru in 1971.",
     {("agreement_signed", CP, date(1970, 1, 1), "occurred")}),
    ("was_due_to_meet_is_a_planned_meeting_inside_a_visit_told_as_begun",
     "President Ruiz of Chile was due to meet Peru's President Soto in Lima on Friday for a two-day state visit.",
     {("state_visit", CP, PUB, "occurred"), ("meeting", CP, PUB, "planned")}),
]


@pytest.mark.parametrize(("text", "expected"), [(text, rows) for _, text, rows in EXACT], ids=[i for i, _, _ in EXACT])
def test_events_exactly(extract, text: str, expected: set[tuple]) -> None:
    assert _rows(extract(text, PUB)) == expected


def test_a_signing_ceremony_followed_by_talks(extract):
    text = ("President Ana Ruiz of Chile visited Lima on 3 May 2024. Ruiz and Peru's President Soto attended a signing "
            "ceremony for agreements at the palace, followed by talks.")
    assert {row[0] for row in _rows(extract(text, PUB))} == {"official_visit", "agreement_signed", "meeting"}


def test_talks_already_told_are_not_a_new_meeting(extract):
    text = ("The Prime Minister of Chile and the President of Peru unveiled a stamp in Lima on 2 May 2024. "
            "Speaking after the talks, the Prime Minister said the two countries signed a communique fifty years ago.")
    assert not any(row[0] == "meeting" for row in events_of(extract(text, PUB)))


def test_ratification_during_a_summit_abroad_is_between_the_signatories(extract):
    text = ("Bolivia and Chile signed the treaty on 11 May 2023. Signed during the summit in Lima, Peru, the treaty "
            "was ratified by the Chilean Senate on 23 March 2024; the Bolivian parliament approved the treaty in April 2024.")
    others = {row for row in _rows(extract(text, PUB)) if row[0] == "other"}
    assert others == {("other", BC, date(2024, 3, 23), "occurred"), ("other", BC, date(2024, 4, 1), "occurred")}


def test_in_a_capital_for_a_tour_is_a_visit(extract):
    text = "President Ana Ruiz of Chile is in Lima, Peru for a three-day tour to attend a trade forum."
    assert events_of(extract(text, PUB)) == {("official_visit", "CHL", "PER", PUB, "day", "occurred")}


def test_a_past_visit_beside_an_invitation_to_a_state_visit_is_its_own_visit(extract):
    text = ("During his visit to Chile for the President's inauguration in March, the Prime Minister of Peru had "
            "extended an invitation to President Ana Ruiz to make a State Visit to Peru.")
    occurred = {row for row in events_of(extract(text, PUB)) if row[5] == "occurred"}
    assert {(row[0][-5:], row[1], row[2], row[3], row[4]) for row in occurred} == {
        ("visit", "PER", "CHL", date(2024, 3, 1), "month")}


def test_an_organisations_summit_is_no_bilateral_meeting(extract):
    text = "During the 41st ASEAN Summit in Jakarta on 5 May 2024, the Chilean Senate ratified the treaty with Peru."
    assert not any(row[0] == "meeting" for row in events_of(extract(text, PUB)))


def test_the_received_guest_is_the_visitor(extract):
    text = ("H.E. President Ruiz of Peru received Prime Minister Luis Soto of Chile on 5 May at the Presidential Palace "
            "in Lima. Chile and Peru signed 13 agreements during the two-day visit.")
    rows = events_of(extract(text, PUB))
    assert ("official_visit", "CHL", "PER", date(2024, 5, 5), "day", "occurred") in rows
    assert {row[0] for row in rows} == {"official_visit", "meeting", "agreement_signed"}
