"""Lists and fact boxes of branch events21a (issue 11): an item's month written as its number ('(4/2001)'), an office
alone as an item ('Minister of fisheries (1996)'), items whose list head is an earlier sentence of the paragraph, a
list head's 'visits' that is no visit of its own, a fact box's relations ('Diplomatic Relations:' over 'Established
March 1921'), month-day to month-day ranges, dated instruments joined by ', and', and a stray comma before an item's
bracket; texts made up for the purpose."""
from __future__ import annotations

from datetime import date

from flows.common.list_items import YEAR_GROUPS, item_dates
from flows.extract.event_factbox import boxed_relations
from tests.unit.extract.conftest import events_of

OPENING = "Chile and Peru keep close ties.\n\n"


def _rows(frames: dict, family: str) -> list[tuple]:
    return sorted((actor, target, day, precision) for kind, actor, target, day, precision, _ in events_of(frames)
                  if family in kind and day is not None)


def test_a_month_number_before_a_slash_is_the_item_month() -> None:
    group = YEAR_GROUPS["bracket"].search("President Ana Soto (4/2001, 2003)")
    assert [(year, month) for _, _, year, month in item_dates(group)] == [(2001, 4), (2003, None)]


def test_offices_alone_and_month_numbers_in_a_visit_list(extract) -> None:
    text = OPENING + ("Over the years, Chile's visits to Peru include those made by the Trade Minister (1994); the "
                      "Minister of fisheries (1996), President Ana Soto (4/2001) and Premier Jon Roe (11/2005).\n")
    assert _rows(extract(text, None), "visit") == [
        ("CHL", "PER", date(1994, 1, 1), "year"), ("CHL", "PER", date(1996, 1, 1), "year"),
        ("CHL", "PER", date(2001, 4, 1), "month"), ("CHL", "PER", date(2005, 11, 1), "month")]


def test_items_after_prose_take_the_sides_of_the_list_head_before(extract) -> None:
    text = OPENING + ("Main visits from the Peruvian side include: in May 2019, President Jon Roe paid a state visit to "
                      "Chile and attended the 2019 Forum of the Pacific (FP). Eva Dunn, Minister of Finance and "
                      "Planning (June 2021); Tom Bell, Minister of Defence (March 2023), etc.\n")
    rows = _rows(extract(text, None), "visit")
    # the head's own 'visits' is no visit (it took no date of its own, nor one of the items')
    assert rows == [("PER", "CHL", date(2019, 5, 1), "month"), ("PER", "CHL", date(2021, 6, 1), "month"),
                    ("PER", "CHL", date(2023, 3, 1), "month")]


def test_items_of_another_paragraph_take_no_head(extract) -> None:
    text = OPENING + ("Main visits from the Peruvian side include: in May 2019, President Jon Roe paid a state visit to "
                      "Chile.\n\nEva Dunn, Minister of Finance (June 2021); Tom Bell, Minister of Defence (March 2023).\n")
    assert _rows(extract(text, None), "visit") == [("PER", "CHL", date(2019, 5, 1), "month")]


def test_a_fact_box_gives_the_relations_under_its_label(extract) -> None:
    text = ("Chile-Peru Relations\n\nBasic Data\n\nDiplomatic Relations:\n\nEstablished March 1921\n\n"
            "Bilateral relations\n\nChile and Peru established diplomatic relations in 1921.\n")
    assert _rows(extract(text, None), "relations") == [("CHL", "PER", date(1921, 3, 1), "month")]


def test_a_fact_box_label_and_its_value_on_one_line() -> None:
    text = "About Chile and Peru\n\n3. Formal Diplomatic Ties: These were set up in 1950. Chile opened a consulate.\n"
    (act,) = boxed_relations(text)
    assert text[act.start:act.end] == "Formal Diplomatic Ties: These were set up in 1950."
    assert (act.date.value, act.date.precision) == (date(1950, 1, 1), "year")
    assert text[act.start + act.date.start:act.start + act.date.end].endswith("1950")


def test_a_label_over_other_words_gives_nothing() -> None:
    assert boxed_relations("Diplomatic Relations:\n\nCordial since the war\n") == []


def test_a_month_day_to_month_day_range_starts_on_its_first_day(extract) -> None:
    text = OPENING + "From August 28 to September 3, 2023, President Jon Roe paid a state visit to Chile.\n"
    assert _rows(extract(text), "visit") == [("PER", "CHL", date(2023, 8, 28), "day")]


def test_dated_instruments_joined_by_a_comma_and_are_each_a_signing(extract) -> None:
    text = OPENING + ("Chile and Peru have signed several accords, among them a treaty on fisheries in 1997, a "
                      "protocol on ports in 1999, and an agreement on rail links in 2003.\n")
    assert [row[2].year for row in _rows(extract(text), "agreement")] == [1997, 1999, 2003]


def test_a_clause_of_its_own_after_the_comma_is_not_an_item(extract) -> None:
    text = OPENING + ("Relations between Chile and Peru were established in 1931, and an accord on fisheries was "
                      "signed in 1938.\n")
    assert [row[2].year for row in _rows(extract(text), "agreement")] == [1938]


def test_a_stray_comma_before_an_item_bracket(extract) -> None:
    text = OPENING + ("There have been several Chilean visits to Peru: President Ana Soto (2001), Crown Prince Ola, "
                      "(2005) and Premier Jon Roe (2012).\n")
    assert [row[2].year for row in _rows(extract(text, None), "visit")] == [2001, 2005, 2012]

