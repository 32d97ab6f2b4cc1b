"""Dates, session 13, on sentences written for these tests: a page stamped with a year-first day ('2024/1/1') is
published that day; lists of people with years, months joined by 'and', undated pages with bare years, date lines."""
from __future__ import annotations

from datetime import date

from flows.common.dates import DateContext, format_date
from flows.ingest.documents import find_dateline


def test_a_year_first_stamp_under_the_title_dates_the_page() -> None:
    page = "Season's greetings from the envoy\n2023/1/2\nAs a new year opens, I send my best wishes to all readers."
    assert find_dateline(page) == {"published": date(2023, 1, 2)}


def _listed(sentence: str) -> list[tuple[str, bool]]:
    return [(m.text, m.listed_after_previous) for m in DateContext(None).find(sentence)]


def test_years_after_each_name_of_a_list_of_people_are_items_of_one_list() -> None:
    assert _listed("Premier A. Borvian (1971 and 1983), President Carla de Arland (1999) also came to Cestia.") == [
        ("1971", False), ("1983", True), ("1999", True)]
    assert _listed("Three heads of state came [Ana Ruiz, 1995; Piet van Dam, 1977; & Omar el Saidi, 1952].") == [
        ("1995", False), ("1977", True), ("1952", True)]


def test_years_apart_in_a_sentence_are_no_list() -> None:
    # lower-case words between the two dates: two acts told one after the other, not a list of occasions
    assert _listed("The mission opened in 1961 (before Oslo, Rome), and consulates in Borvia in 1977.") == [
        ("in 1961", False), ("in 1977", False)]


def test_each_year_of_a_list_of_visitors_is_a_visit() -> None:
    from flows.extract.document import extract_document

    text = ("Visitors\n\nPublished: 9 December 2007\n\nPresident Ana Ruiz (1971 and 1983), Premier Carla de Souza "
            "(1999) also visited Japan from Sri Lanka.\n")
    rows = extract_document({"document_key": "t", "text": text, "published_date": date(2007, 12, 9)})["event_mentions"]
    assert sorted(str(row["event_date"])[:4] for row in rows if row["event_type"] == "official_visit") == [
        "1971", "1983", "1999"]


def test_an_undated_page_with_only_bare_years_gives_a_weekday_its_nearest_year() -> None:
    from flows.common.dates import document_year

    lines = ["The premier said on Tuesday 26 April that fruit imports had grown.",
             "Grape imports rose tenfold in 2015, and the two aim to double trade by 2030.",
             "The talks were held during the premier's visit to the capital on April 25-26."]
    assert document_year(lines) == 2015  # the newest past year told; a target ('by 2030') is none
    context = DateContext(None, reference_year=2015)
    found = [[format_date(m.value, m.precision) for m in context.find(line) if m.value is not None] for line in lines]
    # 26 April was a Tuesday in 2016, the nearest such year; the later days of the story keep its year, not 2015's
    assert found == [["2016-04-26"], ["2015", "2030"], ["2016-04-25"]]


def test_an_undated_page_told_on_after_a_later_year_keeps_that_year() -> None:
    # a year told after the story's day that is later than it: the narrative moved on, its days follow it
    context = DateContext(None, reference_year=2015)
    found = [[format_date(m.value, m.precision) for m in context.find(line) if m.value is not None] for line in
             ["The premier said on Tuesday 26 April that fruit imports had grown.",
              "In 2019 the two sides met again, on 5 May."]]
    assert found == [["2016-04-26"], ["2019", "2019-05-05"]]


def test_a_date_line_that_files_the_day_under_its_year_gives_the_day() -> None:
    from flows.ingest.documents.datelines import date_only_line

    # an archive's year beside the day: the day is the page's, and the year is no outlet
    assert date_only_line("2019 - Mar 04, 2019") == (date(2019, 3, 4), None)
    assert date_only_line("Mar 04, 2019 | Borvia Herald") == (date(2019, 3, 4), "Borvia Herald")


def test_months_joined_by_and_are_items_of_a_list() -> None:
    context = DateContext(date(2024, 1, 1))
    found = [(m.text, format_date(m.value, m.precision), m.kind, m.listed_after_previous)
             for m in context.find("The envoys met in October, November, and December, and again in March and May.")
             if m.value is not None]
    assert found == [("in October", "2023-10", "point", False), ("November", "2023-11", "point", True),
                     ("December", "2023-12", "point", True), ("in March", "2023-03", "point", True),
                     ("May", "2023-05", "point", True)]
    # a bare 'May' with no month before it is too often the verb
    assert [m.text for m in context.find("May the two nations prosper.")] == []
