"""Events of branch events23: general shapes read on made-up texts (private travellers, reciprocal openings told in
the passive, a mission held since a fronted date, a count told by its years after a phrase, a side named 'the
Kingdom')."""
from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import events_of


def _types(frames: dict, event_type: str) -> set[tuple]:
    return {(actor, target, day, precision) for kind, actor, target, day, precision, _ in events_of(frames)
            if kind == event_type}


def test_a_count_of_private_travellers_is_no_visit(extract) -> None:
    text = ("Chile and Peru established relations in 1969. Thousands of Chilean nationals visit Peru every year. "
            "Peruvian citizens visit Chile mostly for study. Some 31,000 Peruvians also visited Chile in 2017. "
            "The President of Peru visited Chile in 2018.\n")
    assert _types(extract(text, None), "official_visit") == {("PER", "CHL", date(2018, 1, 1), "year")}


def test_missions_opened_in_each_others_capitals_in_the_passive_are_two_openings(extract) -> None:
    text = ("Chile and Peru are old neighbours. Legations of chargé rank were set up in each other's "
            "capital cities in 1971.\n")
    assert _types(extract(text, None), "embassy_opened") == {("CHL", "PER", date(1971, 1, 1), "year"),
                                                              ("PER", "CHL", date(1971, 1, 1), "year")}


def test_an_embassy_maintained_since_a_fronted_date_was_opened_then(extract) -> None:
    text = "Chile and Peru are old neighbours. Since March 2004, Chile has maintained an embassy in Lima.\n"
    assert _types(extract(text, None), "embassy_opened") == {("CHL", "PER", date(2004, 3, 1), "month")}


def test_a_count_told_by_its_years_after_a_short_phrase_is_one_visit_a_year(extract) -> None:
    text = "The President of Chile travelled well. He visited Lima twice on official visits in 1998 and 2003.\n"
    assert _types(extract(text, None), "official_visit") == {("CHL", "PER", date(1998, 1, 1), "year"),
                                                              ("CHL", "PER", date(2003, 1, 1), "year")}


def test_a_count_that_its_years_do_not_match_stays_a_count(extract) -> None:
    text = "The President of Chile travelled well. He visited Lima three times on official visits in 1998 and 2003.\n"
    assert _types(extract(text, None), "official_visit") == set()


def test_the_kingdom_names_the_side_whose_name_holds_the_title(extract) -> None:
    text = ("Relations between Saudi Arabia and Chile were established in 1969. Former President Ana Ruiz visited "
            "the Kingdom in 1994.\n")
    assert ("CHL", "SAU", date(1994, 1, 1), "year") in _types(extract(text, None), "official_visit")


def test_a_title_both_sides_hold_names_neither() -> None:
    from flows.extract.event_state_titles import title_side
    assert title_side("Kingdom", ("SAU", "CHL")) == "SAU"
    assert title_side("Republic", ("PER", "CHL")) is None  # both are republics
    assert title_side("Sultanate", ("OMN", "KWT")) == "OMN"


def test_relations_founded_on_a_day_are_established(extract) -> None:
    text = "Diplomatic relations between Chile and Peru were founded on 3rd of May 1962.\n"
    assert ("diplomatic_relations_established", "CHL", "PER", date(1962, 5, 3), "day", "occurred") in events_of(
        extract(text, None))


def test_a_list_of_instrument_titles_with_bracketed_years_is_one_signing_a_year(extract) -> None:
    text = ("Chile and Peru are neighbours.\nMain agreements\nTreaty of Friendship (1961), Agreement on Air Services "
            "(1994), Memorandum on Tourism (2005), Cultural Programme (2006), Agreement on Fisheries (2005).\n")
    assert _types(extract(text, None), "agreement_signed") == {("CHL", "PER", date(1961, 1, 1), "year"),
                                                                ("CHL", "PER", date(1994, 1, 1), "year"),
                                                                ("CHL", "PER", date(2005, 1, 1), "year")}


def test_a_sentence_with_words_besides_the_titles_is_no_title_list() -> None:
    from flows.extract.event_title_lists import titled_instruments
    assert titled_instruments("Treaty of Friendship (1961), Charter (1994) are cited often.",
                              ("CHL", "PER")) == []
    assert titled_instruments("Arrivals from Chile: 12,000 (2016), 15,000 (2017).", ("CHL", "PER")) == []


def test_a_meeting_of_the_joint_working_group_is_a_commission_meeting(extract) -> None:
    text = "Chile and Peru are neighbours. The second meeting of the Joint Working Group took place in Lima in 1988.\n"
    assert _types(extract(text, None), "commission_meeting") in ({("PER", "CHL", date(1988, 1, 1), "year")},
                                                                {("CHL", "PER", date(1988, 1, 1), "year")})
