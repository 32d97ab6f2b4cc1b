"""Events of branch events24: an act named as the subject of a hoped-for effect ('expressed confidence that the
opening of the consulate will help') is no new act of the one who hopes; made-up texts."""
from __future__ import annotations

from datetime import date

from flows.extract.event_hoped import hoped_subjects
from tests.unit.extract.conftest import events_of


def _kinds(frames: dict) -> set[tuple]:
    return {(kind, actor, target) for kind, actor, target, *_ in events_of(frames)}


def test_an_opening_that_is_the_subject_of_a_hoped_effect_is_no_opening(extract) -> None:
    text = ("Chile and Peru are neighbours. The President of Peru arrived in Santiago on 3 May 2019 for a state visit. "
            "The Chilean President expressed confidence that the opening of the Peruvian consulate in Arica will "
            "help traders.\n")
    kinds = _kinds(extract(text, date(2019, 5, 4)))
    assert ("state_visit", "PER", "CHL") in kinds
    assert not any(kind == "embassy_opened" for kind, _, _ in kinds)


def test_the_hoping_speaker_is_not_made_the_visitor(extract) -> None:
    text = ("Chile and Peru are neighbours. The Minister of Peru is in Santiago this week. The Chilean minister "
            "voiced the belief and was sure that this first visit in decades would open a new chapter.\n")
    assert ("official_visit", "CHL", "PER") not in _kinds(extract(text, date(2019, 5, 4)))


def test_a_visit_told_inside_the_subject_by_a_verb_is_kept(extract) -> None:
    text = "Chile and Peru are neighbours. The Chilean minister hopes that the President, who visited Lima in 2015, will return soon.\n"
    assert ("official_visit", "CHL", "PER", date(2015, 1, 1), "year", "occurred") in events_of(extract(text, None))


def test_the_subject_runs_from_that_to_the_modal() -> None:
    sentence = "She was confident that the new treaty would last, and hoped that his visit will help."
    assert [sentence[start:end] for start, end in hoped_subjects(sentence)] == ["the new treaty "]
    assert hoped_subjects("They hope to meet again.") == []


def test_an_invitation_for_a_visit_is_a_plan(extract) -> None:
    text = ("Chilean President Ana Soto met Peruvian President Luis Mora in Lima on 3 May 2019. They spoke about "
            "trade. On this occasion, Soto invited Mora for an official visit to Chile.\n")
    visits = {(actor, target, status) for kind, actor, target, _, _, status in events_of(extract(text, date(2019, 5, 4)))
              if kind == "official_visit"}
    assert visits == {("PER", "CHL", "planned")}


def test_an_invitation_to_visit_stays_a_plan(extract) -> None:
    text = "Chilean President Ana Soto met Peruvian President Luis Mora in Lima on 3 May 2019. Soto invited Mora to pay an official visit to Chile.\n"
    assert ("official_visit", "PER", "CHL", None, None, "planned") in events_of(extract(text, date(2019, 5, 4)))


def test_a_visit_named_by_a_technical_purpose_is_no_visit_between_the_states(extract) -> None:
    text = ("Chile and Peru trade fruit. Peru lifted its ban on Chilean grapes in 2018, after an audit visit by "
            "Peruvian inspectors to Chile.\n")
    assert not any(kind == "official_visit" for kind, *_ in events_of(extract(text, None)))


def test_a_ministers_visit_is_still_a_visit(extract) -> None:
    text = "Chile and Peru trade fruit. The Peruvian minister paid a visit to Chile in 2018.\n"
    assert ("official_visit", "PER", "CHL", date(2018, 1, 1), "year", "occurred") in events_of(extract(text, None))


def test_a_last_item_joined_by_and_alone_is_an_item_of_the_list() -> None:
    from flows.common.list_items import items_joined
    text = "Premier Ida Moss (1980), President Tom Bell (1996) and President Eva Dunn (2003)"
    assert items_joined(text, text.index("1996") + 4, text.index("2003"))
    assert items_joined(text, text.index("1980") + 4, text.index("1996"))


def test_each_citys_years_are_meetings_when_the_last_city_follows_and(extract) -> None:
    text = ("Chile and Peru established relations in 1950. Chilean visits to Peru: the talks were held in Lima (in "
            "1961, 1970 and 1999) and Santiago (in 1980 and 1990).\n")
    years = {day.year for kind, _, _, day, _, _ in events_of(extract(text, None)) if kind == "meeting"}
    assert {1980, 1990} <= years
