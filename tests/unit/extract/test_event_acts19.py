"""Acts told as history on ministry and embassy pages (texts of our own, session 19): a mission closed in the passive
and reopened after an offset ('N years later') takes the sides of the opening told before it; an act ranked among the
first of its kind, with no date of its own, is undated rather than the publication day's."""
from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import events_of

DAY = date(2022, 9, 20)


def test_closed_and_reopened_embassy_takes_the_opening_sides(extract) -> None:
    events = events_of(extract("Relations between Peru and Norway\n\nIn 1961, a Norwegian Embassy was opened in Lima. "
                               "For budget reasons, the Embassy was however closed in 1979. Six years later the "
                               "Embassy was reopened.", None))
    assert ("other", "NOR", "PER", date(1979, 1, 1), "year", "occurred") in events
    assert ("embassy_opened", "NOR", "PER", date(1985, 1, 1), "year", "occurred") in events


def test_embassy_closed_for_a_holiday_is_no_act(extract) -> None:
    events = events_of(extract("Relations between Peru and Norway\n\nIn 1961, a Norwegian Embassy was opened in Lima. "
                               "The Embassy was closed for the holiday on Monday.", DAY))
    assert not any(kind == "other" for kind, *_ in events)


def test_reopening_after_another_act_takes_no_sides(extract) -> None:
    events = events_of(extract("Relations between Peru and Norway\n\nIn 1990 Peru recognised the Republic of Norway. "
                               "The embassy was reopened in 1995.", None))
    assert not any(kind == "embassy_opened" for kind, *_ in events)


def test_ranked_first_recognition_without_a_date_is_undated(extract) -> None:
    events = events_of(extract("Peru was among the first states to recognize Norway's independence. "
                               "Diplomatic relations were established on 3 March 1961.", DAY))
    assert ("other", "PER", "NOR", None, None, "occurred") in events
    assert not any(kind == "other" and when == DAY for kind, _, _, when, _, _ in events)


def test_ranked_first_recognition_with_its_own_date_keeps_it(extract) -> None:
    events = events_of(extract("Peru was among the first nations to recognize Norway on 5 May 1990.", DAY))
    assert ("other", "PER", "NOR", date(1990, 5, 5), "day", "occurred") in events


def test_coordinated_instruments_with_their_own_dates_are_one_signing_each(extract) -> None:
    events = events_of(extract("Peru and Norway have close ties. The two countries had also signed an MoU on "
                               "Cooperation in Fisheries in 2018 and a Technical Arrangement in 2019 and the Joint Work "
                               "Plan that was agreed on March 3, 2019.", DAY))
    signed = {(when, precision) for kind, _, _, when, precision, _ in events if kind == "agreement_signed"}
    assert signed == {(date(2018, 1, 1), "year"), (date(2019, 1, 1), "year"), (date(2019, 3, 3), "day")}


def test_a_second_verb_with_its_own_date_is_no_coordinated_instrument(extract) -> None:
    events = events_of(extract("Peru and Norway signed a fisheries treaty in 2010 and held talks on trade in 2012.",
                               DAY))
    assert {(kind, when) for kind, _, _, when, _, _ in events if kind == "agreement_signed"} == {
        ("agreement_signed", date(2010, 1, 1))}


def test_goods_handed_over_are_one_act_per_date(extract) -> None:
    events = events_of(extract("Peru and Norway have close ties. Under a maritime programme, Norway handed over two "
                               "patrol boats to Peru in May 2019 and June 2021.", DAY))
    assert {(actor, target, when) for kind, actor, target, when, _, _ in events if kind == "other"} == {
        ("NOR", "PER", date(2019, 5, 1)), ("NOR", "PER", date(2021, 6, 1))}


def test_development_cooperation_begun_is_an_act_but_not_its_growth(extract) -> None:
    begun = events_of(extract("The development cooperation between Peru and Norway began in 1962.", DAY))
    assert any(kind == "other" and when == date(1962, 1, 1) for kind, _, _, when, _, _ in begun)
    grew = events_of(extract("Technical cooperation between Peru and Norway began to grow in 2015.", DAY))
    assert not any(kind == "other" for kind, *_ in grew)
