"""Round 3 forms from the r3 + r4 miss analysis (docs/extraction.md, 'Why first sight misses'), in a text of our own
(tests/fixtures/texts/ev_round3_forms.md): an adverb between 'met' and 'with' ('met first with') and the perfect
'had spoken by phone with' are meetings, dated like any other."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from flows.extract import extract_documents
from flows.ingest.documents import read_documents

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def test_met_first_with_and_had_spoken_by_phone_are_meetings() -> None:
    docs, quarantine = read_documents([TEXTS / "ev_round3_forms.md"], TEXTS)
    assert quarantine.is_empty()
    frame = extract_documents(docs)["event_mentions"]
    found = {(row["event_type"], row["event_date"], row["date_precision"])
             for row in frame.filter(pl.col("event_type") == "meeting").iter_rows(named=True)}
    assert found == {("meeting", date(2023, 4, 11), "day"), ("meeting", date(2023, 4, 3), "day")}
    pairs = {tuple(sorted((row["actor_iso3"], row["target_iso3"]))) for row in frame.iter_rows(named=True)}
    assert pairs == {("FIN", "NOR")}
