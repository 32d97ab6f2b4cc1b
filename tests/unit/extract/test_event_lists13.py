"""Visit and mission lists of branch lists13 (issue 11), on sentences made up for the purpose."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.event_lists import named_year_visits
from tests.unit.extract.conftest import events_of

PAIR = ("CHL", "PER")


def _years(sentence: str) -> list[tuple[str, str, int]]:
    rows = named_year_visits(sentence, find_countries(sentence), PAIR, [])
    return sorted((row.actor, row.target, row.date.value.year) for row in rows if row.date and row.date.value)


def test_a_bracketed_list_of_names_and_years_split_by_semicolons() -> None:
    sentence = "There were three presidential visits from Chile [Ana Soto, 1990; Jon Roe, 1975; & Eva Dunn, 1950]."
    assert _years(sentence) == [("CHL", "PER", 1950), ("CHL", "PER", 1975), ("CHL", "PER", 1990)]


def test_visitors_with_years_as_the_subject_of_visited() -> None:
    sentence = "Premier Ida Moss (1980 and 1985), President Tom Bell (1996) also visited Peru."
    assert _years(sentence) == [("CHL", "PER", 1980), ("CHL", "PER", 1985), ("CHL", "PER", 1996)]


def test_one_visitor_before_visited_is_no_list() -> None:
    assert _years("President Tom Bell (1996) also visited Peru.") == []


def test_a_comma_year_outside_a_list_is_no_visit() -> None:
    assert _years("The visits from Chile grew, 2019 being the busiest year.") == []


def test_a_consulate_in_a_city_of_one_side_was_opened_by_the_other(extract) -> None:
    text = "Spain and India relations.\n\nHonorary consulates were established in Pune and Kochi in 2008 and 2014.\n"
    years = {(actor, target, day.year) for kind, actor, target, day, _, _ in events_of(extract(text))
             if kind == "embassy_opened"}
    assert years == {("ESP", "IND", 2008), ("ESP", "IND", 2014)}


def test_a_full_fledged_consulate_general_is_a_mission(extract) -> None:
    text = "Spain and India relations.\n\nIn May 2015 Madrid opened a full-fledged Consulate General at Pune.\n"
    assert {(kind, actor, target) for kind, actor, target, *_ in events_of(extract(text))} == {
        ("embassy_opened", "ESP", "IND")}


def test_capitals_in_a_comparing_bracket_are_no_sides(extract) -> None:
    text = "Spain and India relations.\n\nSpain's new embassy at New Delhi opened its doors in 1958 (before Oslo, Lima, Cairo).\n"
    assert {(kind, actor, target, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {
        ("embassy_opened", "ESP", "IND", 1958)}


def test_a_conjunct_without_a_verb_lists_more_openings(extract) -> None:
    text = ("Spain and India relations.\n\nThe Spanish Embassy in New Delhi opened in 1956, and honorary consulates in "
            "Pune and Kochi in 1979 and 2003 respectively.\n")
    assert {(kind, actor, target, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {
        ("embassy_opened", "ESP", "IND", 1956), ("embassy_opened", "ESP", "IND", 1979),
        ("embassy_opened", "ESP", "IND", 2003)}


def test_each_sides_mission_with_its_year(extract) -> None:
    text = ("Spain and India relations.\n\nThe two states opened missions in each other's capitals, beginning with "
            "India's in 1962 and Spain's in 1970.\n")
    assert {(kind, actor, target, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {
        ("embassy_opened", "IND", "ESP", 1962), ("embassy_opened", "ESP", "IND", 1970)}


def test_relations_suspended_after_a_war(extract) -> None:
    text = "Spain and India relations.\n\nAfter the short 1961 Spanish-Indian war, relations were suspended for a decade.\n"
    assert {(kind, actor, target, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {
        ("other", "ESP", "IND", 1961)}


def test_relations_suspended_with_no_country_named_are_the_pairs(extract) -> None:
    text = "Spain and India relations.\n\nCultural exchanges continued up to the suspension of diplomatic relations in 1939.\n"
    assert {(kind, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {("other", 1939)}


def test_relations_at_a_level_were_established(extract) -> None:
    text = "Spain and India relations.\n\nDiplomatic relations at ambassador level were set up in 1951.\n"
    assert {(kind, day.year) for kind, actor, target, day, *_ in events_of(extract(text))} == {
        ("diplomatic_relations_established", 1951)}
