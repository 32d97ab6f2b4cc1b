"""Visit lists of branch lists14 (issue 11): more frames that open a list of visitors with their years, a month in an
item's brackets, and the side of the listed people; sentences made up for the purpose."""
from __future__ import annotations

from datetime import date

from flows.extract.countries import find_countries
from flows.extract.event_lists import named_year_visits
from tests.unit.extract.conftest import people_of

PAIR = ("CHL", "PER")


def _visits(sentence: str) -> list[tuple[str, str, date, str]]:
    rows = named_year_visits(sentence, find_countries(sentence), PAIR, [])
    return sorted((row.actor, row.target, row.date.value, row.date.precision) for row in rows if row.date)


def _years(sentence: str) -> list[tuple[str, str, int]]:
    return [(actor, target, day.year) for actor, target, day, _ in _visits(sentence)]


def test_a_host_visited_by_a_list() -> None:
    assert _years("Peru was visited by Premier Ida Moss (1980), President Tom Bell (1996) and Premier Eva Dunn "
                  "(2003).") == [("CHL", "PER", 1980), ("CHL", "PER", 1996), ("CHL", "PER", 2003)]


def test_a_host_that_received_a_list() -> None:
    assert _years("Peru also received Premier Ida Moss (1980) and President Tom Bell (1996).") == [
        ("CHL", "PER", 1980), ("CHL", "PER", 1996)]


def test_visitors_to_a_country_included_a_list() -> None:
    assert _years("Visitors to Peru have included Premier Ida Moss (1980) and President Tom Bell (1996).") == [
        ("CHL", "PER", 1980), ("CHL", "PER", 1996)]


def test_leaders_who_visited_a_country_include_a_list() -> None:
    assert _years("Chilean leaders who have visited Peru include Premier Ida Moss (1980) and President Tom Bell "
                  "(1996).") == [("CHL", "PER", 1980), ("CHL", "PER", 1996)]


def test_a_subject_list_that_paid_visits() -> None:
    assert _years("Premier Ida Moss (1980) and President Tom Bell (1996) paid official visits to Peru.") == [
        ("CHL", "PER", 1980), ("CHL", "PER", 1996)]


def test_a_month_in_the_brackets_is_the_visits_month() -> None:
    assert _visits("Premier Ida Moss (March 1980) and President Tom Bell (Oct 1996) also visited Peru.") == [
        ("CHL", "PER", date(1980, 3, 1), "month"), ("CHL", "PER", date(1996, 10, 1), "month")]


def test_a_word_before_the_year_that_is_no_month_keeps_the_year() -> None:
    assert _visits("Premier Ida Moss (Summit 1980) and President Tom Bell (1996) also visited Peru.") == [
        ("CHL", "PER", date(1980, 1, 1), "year"), ("CHL", "PER", date(1996, 1, 1), "year")]


def test_a_host_frame_with_no_years_is_no_list() -> None:
    assert _years("Peru received Premier Ida Moss and President Tom Bell in Lima.") == []


def test_the_visitors_of_a_hosted_list_are_the_other_side(extract) -> None:
    text = ("Chile and Peru relations.\n\nPeru was visited by President Ana Soto (1990), Premier Jon Roe (1995) and "
            "President Eva Dunn (2001).\n")
    assert people_of(extract(text)) == {("Ana Soto", "President", "CHL"), ("Jon Roe", "Premier", "CHL"),
                                        ("Eva Dunn", "President", "CHL")}


def test_a_lower_case_office_adjective_before_a_bracketed_list(extract) -> None:
    text = ("Chile and Peru relations.\n\nThere were three presidential visits from Chile [Ana Soto, 1990; Jon Roe, "
            "1975; & Eva Dunn, 1950].\n")
    assert people_of(extract(text)) == {("Ana Soto", "President", "CHL"), ("Jon Roe", "President", "CHL"),
                                        ("Eva Dunn", "President", "CHL")}


def _section_visits(frames) -> set[tuple]:
    return {(r["actor_iso3"], r["target_iso3"], r["event_date"], r["date_precision"])
            for r in frames["event_mentions"].iter_rows(named=True)}


def test_item_lines_under_a_direction_heading(extract) -> None:
    text = ("Chile and Peru relations.\n\nHigh-level visits from Chile to Peru:\n- President Ana Soto (1990)\n"
            "- Premier Jon Roe, June 1995\n")
    frames = extract(text)
    assert _section_visits(frames) == {("CHL", "PER", date(1990, 1, 1), "year"),
                                       ("CHL", "PER", date(1995, 6, 1), "month")}
    assert people_of(frames) == {("Ana Soto", "President", "CHL"), ("Jon Roe", "Premier", "CHL")}


def test_item_lines_with_the_year_first(extract) -> None:
    text = "Chile and Peru relations.\n\nVisits from Peru to Chile:\n• 2015: President Ana Soto\n• 2018: Premier Jon Roe\n"
    assert _section_visits(extract(text)) == {("PER", "CHL", date(2015, 1, 1), "year"),
                                              ("PER", "CHL", date(2018, 1, 1), "year")}


def test_a_prose_line_under_a_direction_heading_is_no_item() -> None:
    from flows.common.list_items import line_item_dates
    assert line_item_dates("The President came back in 1990.") == []
    assert line_item_dates("Prime Ministers: 1992, 1996") != []
