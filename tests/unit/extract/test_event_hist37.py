"""hist37: a second clause whose subject is a named person and whose visit names no place repeats the visit's sides
('..., while President Roe paid a state visit in 2004'). Made-up text."""
from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import events_of


def _visits(extract, text: str) -> set[tuple]:
    return {row[:5] for row in events_of(extract(text, date(2024, 5, 10))) if row[0].endswith("visit")}


def test_a_named_subject_with_a_placeless_visit_repeats_the_visit_before(extract) -> None:
    rows = _visits(extract, "Chile and Peru. In 1995 the Chilean president paid a state visit to Peru, "
                            "while President Ana Roe paid a state visit in 2004.")
    assert ("state_visit", "CHL", "PER", date(2004, 1, 1), "year") in rows
    rows = _visits(extract, "Chile and Peru. In 1991 former President Jon Kay paid an official visit to Peru, "
                            "and Premier Ivo Bell made a visit in March 2003.")
    assert any(row[1:3] == ("CHL", "PER") and row[3] == date(2003, 3, 1) for row in rows)


_NO_REPEAT = (
    # a third country named in the clause
    ("Chile and Peru. In 1995 the Chilean president paid a state visit to Peru, while President Ana Roe of Bolivia "
     "paid one in 2004.", 2004),
    # a visit of another kind of subject: a firm's, with its own object
    ("Chile and Peru. In 1995 the Chilean president paid a state visit to Peru, while Andes Mining Holdings paid a "
     "visit in 1997 to its mines.", 1997),
    # a person known as the host's
    ("Chile and Peru. Peru's President Ana Roe met the Chilean premier in 2001. In 1995 the Chilean president paid a "
     "state visit to Peru, while President Roe paid a state visit in 2004.", 2004),
    # the visit has a place of its own after the year: not the one before repeated
    ("Chile and Peru. In 1995 the Chilean president paid a state visit to Peru, while President Ana Roe paid a state "
     "visit in 2004 to Bolivia.", 2004),
    # a world tally, no named subject
    ("Chile and Peru. In 1995 the Chilean president paid a state visit to Peru, while foreign leaders paid 40 visits "
     "in 2004.", 2004),
)


@pytest.mark.parametrize(("text", "year"), _NO_REPEAT)
def test_a_clause_of_another_subject_or_place_is_no_repeat(extract, text: str, year: int) -> None:
    rows = _visits(extract, text)
    assert not any(row[3] == date(year, 1, 1) and row[1:3] == ("CHL", "PER") for row in rows)


# an anniversary told as now on a page with no date of its own: counted from the relations' year the text gives
_REST = ("\nChile won its statehood on 3 March 1954, and weeks later Chile and Peru established diplomatic relations on "
         "7 May 1954.\nChile opened its embassy in Lima in May 2007. Its fourth envoy came on 26 April 2024.")


def _anniversaries(extract, text: str) -> set[tuple]:
    return {row[:5] for row in events_of(extract(text, None)) if row[0] == "anniversary_event"}


def test_an_undated_pages_anniversary_is_counted_from_the_relations_year(extract) -> None:
    rows = _anniversaries(extract, "This year, Chile celebrated two milestones: 70 years of statehood and 60 years of "
                                   "Chile-Peru diplomatic relations." + _REST)
    assert ("anniversary_event", "CHL", "PER", date(2014, 1, 1), "year") in rows


def test_no_count_from_a_plan_a_third_country_or_two_years_of_relations(extract) -> None:
    # a plan ('will celebrate'): it may fall this year or the next
    rows = _anniversaries(extract, "This year, Chile will celebrate 60 years of Chile-Peru diplomatic relations." + _REST)
    assert not any(row[3] == date(2014, 1, 1) for row in rows)
    # a third country's relations: the pair's year tells nothing of them
    rows = _anniversaries(extract, "This year, Chile celebrated 60 years of Chile-Bolivia diplomatic relations." + _REST)
    assert not any(row[3] == date(2014, 1, 1) for row in rows)
    # relations set up twice (broken and restored): no one year to count from
    rows = _anniversaries(extract, "This year, Chile celebrated 60 years of Chile-Peru diplomatic relations." + _REST +
                          "\nChile and Peru re-established diplomatic relations on 2 June 1990.")
    assert not any(row[3] in (date(2014, 1, 1), date(2050, 1, 1)) for row in rows)


# the parties' bare 'Nth anniversary' after the relations' own day in one sentence: that year plus the count
def test_a_bare_anniversary_after_the_relations_day_is_counted_from_it(extract) -> None:
    rows = _anniversaries(extract, "Setting up diplomatic ties between Chile and Peru on May 3, 1989 was a bold step, "
                                   "and both sides now mark their 20th anniversary.")
    assert ("anniversary_event", "CHL", "PER", date(2009, 1, 1), "year") in rows


def test_a_bare_anniversary_of_another_body_or_unmarked_is_not_counted(extract) -> None:
    # a body's own anniversary ('its'), not the parties'
    rows = _anniversaries(extract, "Chile and Peru set up diplomatic ties on May 3, 1989, the day a Lima university "
                                   "held its 100th anniversary gala.")
    assert not any(row[3] == date(2089, 1, 1) for row in rows)
    # a count with what it counts named after it ('of the trade pact'): not the relations' anniversary
    rows = _anniversaries(extract, "Chile and Peru set up diplomatic ties on May 3, 1989, and they marked their "
                                   "first anniversary of the fishing pact then too.")
    assert not any(row[3] == date(1990, 1, 1) for row in rows)
    # no marking verb: the anniversary is only named
    rows = _anniversaries(extract, "Chile and Peru set up diplomatic ties on May 3, 1989; their 20th anniversary "
                                   "passed quietly.")
    assert not any(row[3] == date(2009, 1, 1) for row in rows)


# 'diplomatic relations were set in 1948': 'set' with a date right after it is the setting up
def test_relations_set_in_a_year_are_established(extract) -> None:
    rows = events_of(extract("Chile and Peru grew close once diplomatic ties were set in 1948."))
    assert ("diplomatic_relations_established", "CHL", "PER", date(1948, 1, 1), "year", "occurred") in rows


def test_relations_set_to_do_or_set_in_motion_are_not_established(extract) -> None:
    for text in ("Chile and Peru: diplomatic relations were set to improve in 2020.",
                 "Chile and Peru: diplomatic ties were set in motion in 1950 by traders.",
                 "Chile and Peru: diplomatic relations were set in the 1950s on a new footing."):
        rows = events_of(extract(text))
        assert not any(row[0] == "diplomatic_relations_established" for row in rows), text


# a union of two states named as one actor: the member of the pair is the side
def test_a_union_between_two_states_acts_as_its_member_of_the_pair(extract) -> None:
    rows = events_of(extract("Chile and Peru. In 1830, the Union between Peru and Bolivia recognized and established "
                             "diplomatic relations with a young Chile."))
    relations = {row[1:3] for row in rows if row[0] == "diplomatic_relations_established"}
    assert relations and all(set(sides) == {"CHL", "PER"} for sides in relations)


def test_a_union_of_the_pair_itself_or_an_old_state_name_keeps_both(extract) -> None:
    # the pair's own union: both members stay sides
    rows = events_of(extract("Norway and Sweden. The Union between Norway and Sweden ended in 1905, and Norway and "
                             "Sweden established diplomatic relations in 1905."))
    assert any(row[0] == "diplomatic_relations_established" and {row[1], row[2]} == {"NOR", "SWE"} for row in rows)
    # 'the Union of South Africa and Chile': an old state name, not a union of two
    rows = events_of(extract("Chile and South Africa. In 1950, the Union of South Africa and Chile established "
                             "diplomatic relations."))
    assert any(row[0] == "diplomatic_relations_established" and {row[1], row[2]} == {"CHL", "ZAF"} for row in rows)
    # a union named with no member of the pair (two third states): the sentence is read as before
    rows = events_of(extract("Chile and Peru. In 1830, the Union between Sweden and Norway established diplomatic "
                             "relations with Chile."))
    assert not any({row[1], row[2]} == {"CHL", "PER"} for row in rows)


def test_a_personal_union_written_in_lower_case_acts_as_its_member_of_the_pair(extract) -> None:
    # the gate before the pattern read 'Union' with a capital only, though the pattern takes 'personal union'
    rows = events_of(extract("Chile and Peru. In 1830, the personal union between Peru and Bolivia recognized and "
                             "established diplomatic relations with a young Chile."))
    relations = {row[1:3] for row in rows if row[0] == "diplomatic_relations_established"}
    assert relations and all(set(sides) == {"CHL", "PER"} for sides in relations)
