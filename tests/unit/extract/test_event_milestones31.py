"""Milestone tables of ev31a: a date alone on its line over the act as a noun phrase (a relations page's table whose
cells a copy put on lines of their own); texts made up for the purpose."""
from __future__ import annotations

from datetime import date

from flows.extract.event_factbox import dated_milestones
from tests.unit.extract.conftest import events_of

TABLE = """Chile and Peru: bilateral ties

Key dates

3 February 1961

Establishment of Diplomatic Relations

August 1965

Opening of the Chilean Embassy in Peru

May 1990

Opening of Embassy of Peru in Santiago

November 2011

Opening of the new chancery of the Embassy of Chile, Lima
"""


def test_each_date_line_over_a_named_act_is_that_act(extract) -> None:
    rows = {row for row in events_of(extract(TABLE, None))}
    assert ("diplomatic_relations_established", "CHL", "PER", date(1961, 2, 3), "day", "occurred") in rows or (
        "diplomatic_relations_established", "PER", "CHL", date(1961, 2, 3), "day", "occurred") in rows
    assert ("embassy_opened", "CHL", "PER", date(1965, 8, 1), "month", "occurred") in rows
    assert ("embassy_opened", "PER", "CHL", date(1990, 5, 1), "month", "occurred") in rows  # 'in Santiago': host
    assert ("other", "CHL", "PER", date(2011, 11, 1), "month", "occurred") in rows  # a new chancery: no new embassy


def test_a_date_line_over_prose_or_an_unnamed_mission_is_no_milestone() -> None:
    text = "May 1990\n\nThe weather was fine.\n\nJune 1991\n\nOpening of the Embassy\n\n1992 was a good year for talks\n"
    assert dated_milestones(text, ("CHL", "PER")) == []
    assert dated_milestones(TABLE, None) == []


VISITS_TABLE = """Chile and Peru: relations

Visits

Incoming Visits [To Peru]

Don Ana Soto Ruiz, Former President of Chile

March 1992, 1996

Jon Roe Vidal, Late Foreign Minister

October 2005
"""


def test_a_visits_table_gives_one_visit_a_date_of_a_visitor_cell(extract) -> None:
    visits = sorted((actor, target, day, precision) for kind, actor, target, day, precision, _
                    in events_of(extract(VISITS_TABLE, None)) if kind.endswith("visit"))
    assert visits == [("CHL", "PER", date(1992, 3, 1), "month"), ("CHL", "PER", date(1996, 1, 1), "year"),
                      ("CHL", "PER", date(2005, 10, 1), "month")]


def test_dates_after_prose_under_a_host_heading_are_no_visits(extract) -> None:
    text = VISITS_TABLE.replace("Jon Roe Vidal, Late Foreign Minister", "The talks went well. Trade grew fast after that.")
    visits = {(day, precision) for kind, _, _, day, precision, _ in events_of(extract(text, None))
              if kind.endswith("visit")}
    assert (date(2005, 10, 1), "month") not in visits


def test_the_relation_as_passive_subject_makes_the_rank_act_the_pairs(extract) -> None:
    text = "Chile and Peru: a history.\n\nTheir ties were raised to ambassador level in 1931.\n"
    assert ("other", "CHL", "PER", date(1931, 1, 1), "year", "occurred") in {
        (kind, *sorted((actor, target)), day, precision, status)
        for kind, actor, target, day, precision, status in events_of(extract(text, None))}


def test_a_legation_raised_to_an_embassy_in_the_historic_present_is_an_embassy_opened(extract) -> None:
    text = "Chile and Peru.\n\nIn 1927, Chile elevates its legation in Lima to an embassy.\n"
    assert ("embassy_opened", "CHL", "PER", date(1927, 1, 1), "year", "occurred") in events_of(extract(text, None))


def test_missions_elevated_to_embassy_status_is_a_rank_not_an_embassy_opened(extract) -> None:
    text = "Chile and Peru.\n\nBoth sides raised their legations to embassy status in 1927.\n"
    assert not any(kind == "embassy_opened" for kind, *_ in events_of(extract(text, None)))


# review31 (mend31): a page's date line over a prose sentence opening with the act words is no milestone row
def test_a_prose_sentence_under_a_date_line_is_no_milestone() -> None:
    prose = ("Chile and Peru mark an anniversary\n\n12 March 2024\n\nThe establishment of diplomatic relations between "
             "Chile and Peru in 1961 opened a new chapter, officials said.\n")
    assert dated_milestones(prose, ("CHL", "PER")) == []
    recalled = ("Chile and Peru\n\nMay 2024\n\nOpening of the Chilean embassy in Lima was recalled by the minister, "
                "who noted it happened in 1965.\n")
    assert dated_milestones(recalled, ("CHL", "PER")) == []


def test_a_country_after_a_city_after_in_is_the_host(extract) -> None:
    text = "Chile and Peru: key dates\n\nAugust 1965\n\nOpening of the Embassy in Lima, Peru\n"
    rows = events_of(extract(text, None))
    assert ("embassy_opened", "CHL", "PER", date(1965, 8, 1), "month", "occurred") in rows
    assert not any(kind == "embassy_opened" and actor == "PER" for kind, actor, *_ in rows)


def test_a_visit_headline_over_a_month_line_is_no_listed_visit(extract) -> None:
    text = ("President Soto's visit to Peru\n\nMarch 2024\n\n"
            "Chilean President Ana Soto said trade grew, and Peruvian officials agreed.\n")
    assert not any(kind.endswith("visit") and day == date(2024, 3, 1)
                   for kind, _, _, day, _, _ in events_of(extract(text, None)))
