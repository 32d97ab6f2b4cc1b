"""Publication dates as pages write them, one row of tests/fixtures/published_forms.csv each (texts of our own):
the first lines of a page, its address, and the publication date ingest must read (empty: none)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from flows.ingest.documents import read_document

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "published_forms.csv"
ROWS = list(csv.DictReader(FORMS.open(encoding="utf-8")))


@pytest.mark.parametrize("row", ROWS, ids=[row["why"] for row in ROWS])
def test_publication_date_form(row: dict[str, str], tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(row["lines"].replace("\\n", "\n") + "\n", encoding="utf-8")
    entry = {"url": row["url"]} if row["url"] else {}
    read = read_document(page, tmp_path, entry)
    expected = date.fromisoformat(row["published"]) if row["published"] else None
    assert read["published_date"] == expected
