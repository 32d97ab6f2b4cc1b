"""Round 2 forms seen in the real batch r3 (tests/realnews), written again in our own texts (tests/fixtures/texts/
ev_caption_day.md, ev_jubilee_ago.md, ev_meeting_between.md, ev_received_general.md): a lead photo caption that gives
an undated page its day, 'met for talks', 'in a meeting between X and Y on Monday', 'received General X', 'N years
ago to this day', and a date told after 'recalled that' belonging to the report, not to the talks before it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from flows.common.dates.context import DateContext
from flows.extract import extract_documents
from flows.ingest.documents import read_documents

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


@pytest.fixture(scope="module")
def events() -> dict[str, set[tuple]]:
    names = ["ev_caption_day.md", "ev_jubilee_ago.md", "ev_meeting_between.md", "ev_received_general.md"]
    docs, _ = read_documents([TEXTS / name for name in names], TEXTS)
    frame = extract_documents(docs)["event_mentions"]
    out: dict[str, set[tuple]] = {}
    for key, name in docs.select("document_key", "name").iter_rows():
        rows = frame.filter(pl.col("document_key") == key)
        out[Path(name).name] = {(row["event_type"], row["actor_iso3"], row["target_iso3"], row["event_date"],
                                 row["date_precision"], row["status"]) for row in rows.iter_rows(named=True)}
    return out


def test_a_lead_caption_dates_the_undated_visit_and_talks_of_a_page_without_publication_day(events) -> None:
    assert events["ev_caption_day.md"] == {
        ("state_visit", "TGO", "GHA", date(2023, 6, 9), "day", "occurred"),
        ("meeting", "TGO", "GHA", date(2023, 6, 9), "day", "occurred"),
    }


def test_years_ago_to_this_day_is_the_same_day_and_the_talks_keep_the_story_day(events) -> None:
    assert events["ev_jubilee_ago.md"] == {
        ("diplomatic_relations_established", "AUT", "CHL", date(1964, 3, 12), "day", "occurred"),
        ("meeting", "AUT", "CHL", date(2024, 3, 1), "month", "occurred"),  # near28c: a finished act with no date word of its own takes the date line's month
    }


def test_a_meeting_told_as_a_noun_between_two_leaders_is_one_meeting_and_talks_in_general_are_none(events) -> None:
    assert events["ev_meeting_between.md"] == {("meeting", "PRT", "CPV", date(2022, 10, 3), "day", "occurred")}


def test_a_leader_receiving_a_general_is_an_audience(events) -> None:
    assert events["ev_received_general.md"] == {("meeting", "BFA", "NER", date(2024, 5, 14), "day", "occurred")}


@pytest.mark.parametrize("text, value, precision", [
    ("Forty years ago to the day, the envoys met.", date(1981, 3, 4), "day"),
    ("Ten years ago today they signed it.", date(2011, 3, 4), "day"),
    ("Ten years ago they signed it.", date(2011, 1, 1), "year"),
])
def test_time_ago_reads_the_same_day_only_when_told(text: str, value: date, precision: str) -> None:
    found = DateContext(date(2021, 3, 4)).find(text)
    assert [(mention.value, mention.precision) for mention in found] == [(value, precision)]
