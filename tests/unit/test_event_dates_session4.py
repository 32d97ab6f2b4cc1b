"""Dates of events (session 4, r3/r4 cause 5 and cause 1), on texts written for these tests:
a year-only 'This year' does not beat the publication day for an undated same-day event, 'N years ago (to this
day)' counts back from the publication date, a target year ('by 2030') lends its year to no later day, and a
byline with the date on its line dates the story."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from flows.common.dates import DateContext
from flows.extract.document import extract_document
from flows.extract.event_days import holds_publication_day
from flows.ingest.documents import read_document

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "texts"


def _events(name: str) -> tuple[date | None, list[tuple[int, str, date | None, str | None, str, str]]]:
    document = read_document(TEXTS / name, TEXTS)
    document.setdefault("document_key", name)
    rows = extract_document(document)["event_mentions"]
    return document["published_date"], [(r["sentence_index"], r["event_type"], r["event_date"], r["date_precision"],
                                         r["actor_iso3"], r["target_iso3"]) for r in rows]


def test_this_year_gives_way_to_the_publication_day() -> None:
    published, rows = _events("ev_date_this_year.txt")
    assert published == date(2024, 6, 12)
    by_sentence = {index: (kind, day, precision) for index, kind, day, precision, _, _ in rows}
    # 'This year Norway marks ...' keeps its own year; the meeting told after it, undated, is the day of the news
    assert by_sentence[0] == ("anniversary_event", date(2024, 1, 1), "year")
    assert by_sentence[1] == ("meeting", date(2024, 6, 1), "month")  # near28c: a finished act with no date word of its own takes the date line's month
    # 'Earlier this year' is a part of the year before the story: what follows keeps the year, not the day
    assert by_sentence[2] == ("official_visit", date(2024, 1, 1), "year")
    assert by_sentence[3] == ("agreement_signed", date(2024, 1, 1), "year")


def test_years_ago_counts_back_from_the_publication_date() -> None:
    _, rows = _events("ev_date_years_ago.txt")
    assert [(kind, day, precision) for _, kind, day, precision, _, _ in rows] == [
        ("agreement_signed", date(1974, 6, 12), "day"),  # 'to this day': the same calendar day
        ("official_visit", date(2014, 1, 1), "year"),
    ]


def test_a_target_year_lends_no_year_to_a_later_day() -> None:
    published, rows = _events("ev_date_target_year.txt")
    assert published is None
    assert [(kind, day, precision) for _, kind, day, precision, _, _ in rows] == [
        ("official_visit", date(2021, 1, 1), "year"),
        ("meeting", date(2021, 5, 12), "day"),  # 2021 (the last date reached), not 2030 (a target)
    ]


def test_date_context_keeps_the_anchor_past_a_target() -> None:
    context = DateContext(None)
    context.find("The ministers met in March 2021.")
    context.find("They want to double trade by 2030.")
    assert [m.value for m in context.find("On May 12 they spoke again.")] == [date(2021, 5, 12)]
    context.find("The office closed until 2023.")  # 'until' may tell the past: it still anchors
    assert [m.value for m in context.find("On May 12 they spoke again.")] == [date(2023, 5, 12)]


def test_byline_with_a_date_dates_the_story() -> None:
    published, rows = _events("ev_date_byline.txt")
    assert published == date(2014, 9, 26)
    assert [(kind, day) for _, kind, day, _, _, _ in rows] == [("meeting", date(2014, 9, 25))]  # the Thursday before


def test_holds_publication_day() -> None:
    context = DateContext(date(2024, 6, 12))
    this_year, = context.find("This year")
    earlier, = context.find("Earlier this year")
    written, = context.find("In 2024")
    last_year, = context.find("Last year")
    assert holds_publication_day(this_year, date(2024, 6, 12))
    assert not holds_publication_day(this_year, None)
    assert not holds_publication_day(earlier, date(2024, 6, 12))
    assert not holds_publication_day(written, date(2024, 6, 12))  # a written year is the author's choice
    assert not holds_publication_day(last_year, date(2024, 6, 12))


def test_years_ago_to_this_day_counts_back_from_the_day_told_when_the_page_has_no_date() -> None:
    published, rows = _events("ev_date_years_ago_undated.txt")
    assert published is None
    assert [(kind, day, precision) for _, kind, day, precision, _, _ in rows] == [
        ("agreement_signed", date(1974, 6, 12), "day")]
    context = DateContext(None)
    assert [m.value for m in context.find("Fifty years ago to this day, they met.")] == [None]  # no day told yet
    assert [m.value for m in context.find("Ten years ago, they met.")] == [None]  # nor a day to count from


def test_spaced_dotted_date_line() -> None:
    from flows.ingest.documents.datelines import date_only_line
    assert date_only_line("3. 4. 2023 16:33") == (date(2023, 4, 3), None)
    assert date_only_line("1. 2. 2023 was a good year") is None
