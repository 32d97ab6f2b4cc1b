"""Date forms as text writes them, one row of tests/fixtures/date_forms.csv each (sentences of our own): the first
date the grammar resolves in `text` (after reading the sentence `before`, if any, which sets the last date told),
against the publication date (empty: none), at the expected precision (expected empty: no date)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from flows.common.dates import DateContext, format_date

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
