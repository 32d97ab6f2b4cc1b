"""hist35: old words for missions and envoys on history pages, mutual recognition, and a day written in both calendars.
Made-up text."""
from __future__ import annotations

from datetime import date

from flows.common.dates import DateContext
from tests.unit.extract.conftest import events_of, people_of


def _rows(extract, text: str, published: date = date(2024, 5, 10)) -> set[tuple]:
    return events_of(extract(text, published))


def _days(text: str) -> list[tuple[date | None, str | None]]:
    return [(m.value, m.precision) for m in DateContext(date(2024, 5, 10)).find(text) if m.value is not None]


# a day in the old and the new calendar: the new-style day, only for the calendars' gap of 10-13 days
def test_a_day_in_both_calendars_is_the_new_style_day() -> None:
    assert _days("The agency opened on 12/24 March 1863 in the capital.") == [(date(1863, 3, 24), "day")]
    assert _days("Thus on 1/14 January 1918 the mission moved.") == [(date(1918, 1, 14), "day")]


def test_other_slashed_numbers_before_a_month_are_no_such_day() -> None:
    for text in ("Prices fell by 1/3 March 2024 against the year before.",
                 "The 3/4 May 2020 vote was close.",
                 "Service runs 24/7 March 2020 onwards."):
        assert all(precision != "day" for _, precision in _days(text)), text


# 'diplomatic agency': the old word for a mission, opened or established
def test_a_diplomatic_agency_established_is_a_mission_opened(extract) -> None:
    rows = _rows(extract, "Chile and Peru: in Lima, the Chilean diplomatic agency, its first, was set up on 12/24 March 1863.")
    assert ("embassy_opened", "CHL", "PER", date(1863, 3, 24), "day", "occurred") in rows
    rows = _rows(extract, "Chile and Peru: Chile set up a sort of diplomatic agency at Lima in March 1836.")
    assert any(row[0] == "embassy_opened" and row[3] == date(1836, 3, 1) for row in rows)


def test_a_diplomatic_agency_that_speaks_opens_nothing(extract) -> None:
    for text in ("Chile and Peru: in 2010 the diplomatic agency of Chile said that relations were established long ago.",
                 "Chile and Peru: a news agency was established in Lima in 1990.",
                 "Chile and Peru: the diplomatic agency of Brazil announced that a fund was set up in 2001."):
        rows = _rows(extract, text)
        assert not any(row[0] == "embassy_opened" for row in rows), text


# mutual recognition
def test_recognizing_each_other_is_recognition(extract) -> None:
    rows = _rows(extract, "Once their union had ended, Chile and Peru re-recognized each other on 2 June 1992.")
    assert ("other", "CHL", "PER", date(1992, 6, 2), "day", "occurred") in rows


def test_recognizing_each_others_papers_is_no_recognition(extract) -> None:
    for text in ("Chile and Peru recognized each other's diplomas in 2010.",
                 "Chile and Peru recognised one another's driving licences from 2015.",
                 "At the fair in Lima in 2012, the Chilean and Peruvian players had met before and recognised each other's styles."):
        rows = _rows(extract, text)
        assert not any(row[0] == "other" for row in rows), text


# a first resident minister: a first envoy of the old rank
def test_a_first_resident_minister_is_a_first_envoy(extract) -> None:
    rows = _rows(extract, "In the summer of 1879 Ana Ruiz became Chile's first resident minister in Peru.")
    assert ("other", "CHL", "PER", date(1879, 1, 1), "year", "occurred") in rows
    rows = _rows(extract, "Chile and Peru: on 14/26 April 1879 the Chilean agency in Lima became legation, "
                          "having Ana Ruiz as its first resident minister.")
    assert ("other", "CHL", "PER", date(1879, 4, 26), "day", "occurred") in rows


def test_a_resident_minister_not_first_or_a_minister_resident_elsewhere_is_none(extract) -> None:
    for text in ("Chile and Peru: in 1990 Ana Ruiz, a resident minister of the church, visited schools.",
                 "Chile and Peru: the first minister resident in Lima since 1990 left in 1995 for a bank.",
                 "Chile and Peru: in 1879 Ana Ruiz was named the first minister of housing."):
        rows = _rows(extract, text)
        assert not any(row[0] == "other" for row in rows), text


# the person named with a mission's opening is its head, not the other side
def test_the_head_named_with_a_mission_opened_is_no_other_side(extract) -> None:
    frames = extract("While Chile informally set up a sort of diplomatic agency at Lima in March 1836, formally, "
                     "the first Chilean diplomatic agency at Lima was set up in February 1863, with Pablo Vargas, "
                     "as its first diplomatic agent.")
    assert not any(name == "Pablo Vargas" and country == "PER" for name, _, country in people_of(frames))


def test_a_meeting_still_gives_the_other_side_to_with(extract) -> None:
    frames = extract("Chile's President Pablo Vargas met with Peru's President Rosa Quispe in Lima on 3 May 2024.")
    people = people_of(frames)
    assert any(name == "Rosa Quispe" and country == "PER" for name, _, country in people)

