"""Date forms as text writes them, one row of tests/fixtures/date_forms.csv each (sentences of our own): the first
date the grammar resolves in `text` (after reading the sentence `before`, if any, which sets the last date told),
against the publication date (empty: none), at the expected precision (expected empty: no date)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from flows.common.dates import DateContext, format_date, lead_day

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "date_forms.csv"
ROWS = list(csv.DictReader(FORMS.open(encoding="utf-8")))
TODAY = date(2026, 12, 6)  # the day the rows were written: a page with no year at all reads up to it


@pytest.mark.parametrize("row", ROWS, ids=[row["why"] for row in ROWS])
def test_date_form(row: dict[str, str]) -> None:
    published = date.fromisoformat(row["published"]) if row["published"] else None
    context = DateContext(published, today=TODAY)
    if row["before"]:
        context.find(row["before"])
    resolved = [m for m in context.find(row["text"]) if m.value is not None]
    if not row["expected"]:
        assert resolved == []
        return
    assert resolved, row["text"]
    first = resolved[0]
    assert (format_date(first.value, first.precision), first.precision) == (row["expected"], row["precision"])


@pytest.mark.parametrize(("text", "expected"), [
    ("The visit returned the king's state visit to Oslo in November last year.", ("2017-11", "month")),
    ("Trade between the two rose by a fifth last year.", ("2017", "year")),
    ("They will meet again next year.", ("2019", "year")),
])
def test_an_undated_page_counts_relative_years_from_its_lead_day(text: str, expected: tuple[str, str]) -> None:
    # no publication date; the lead's photo caption writes the story's day in full
    lead = ["The two presidents at a press conference in Oslo on Sept 10, 2018. Mr Lund is on a three-day tour."]
    context = DateContext(None, story_day=lead_day(lead))
    first = next(m for m in context.find(text) if m.value is not None)
    assert (format_date(first.value, first.precision), first.precision) == expected


def test_a_history_page_whose_lead_day_is_not_its_newest_date_has_no_story_day() -> None:
    lead = ["The two states opened diplomatic relations on 14 March 1993."]
    assert lead_day(lead, newest_year=2019) is None
    assert lead_day(lead, newest_year=1993) == date(1993, 3, 14)
