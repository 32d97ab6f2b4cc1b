"""Helpers for the extractor's unit tests: run the extractor on one short text of our own."""
from __future__ import annotations

from datetime import date
from typing import Callable

import polars as pl
import pytest

from flows.extract import extract_documents


def one_document(text: str, published: date | None = date(2024, 5, 10)) -> pl.DataFrame:
    """A documents frame with the columns the extractor reads."""
    return pl.DataFrame({"document_key": ["k" * 16], "name": ["x.txt"], "text": [text], "published_date": [published]},
                        schema={"document_key": pl.Utf8, "name": pl.Utf8, "text": pl.Utf8, "published_date": pl.Date})


@pytest.fixture
def extract() -> Callable[..., dict[str, pl.DataFrame]]:
    def run(text: str, published: date | None = date(2024, 5, 10)) -> dict[str, pl.DataFrame]:
        return extract_documents(one_document(text, published))
    return run


def events_of(frames: dict[str, pl.DataFrame]) -> set[tuple]:
    """(type, actor, target, date, precision, status) of every event mention."""
    return {(r["event_type"], r["actor_iso3"], r["target_iso3"], r["event_date"], r["date_precision"], r["status"])
            for r in frames["event_mentions"].iter_rows(named=True)}


def people_of(frames: dict[str, pl.DataFrame]) -> set[tuple]:
    return {(r["name"], r["role"], r["country_iso3"]) for r in frames["person_mentions"].iter_rows(named=True)}


def trade_of(frames: dict[str, pl.DataFrame]) -> set[tuple]:
    return {(r["exporter_iso3"], r["importer_iso3"], r["product"]) for r in frames["trade_claims"].iter_rows(named=True)}


def date_line_row(evidence: str, published: date, **changes) -> dict:
    """An occurred CHL->PER meeting dated by the date line's day (resolution 'publication'), as event_days' date-line
    rules receive it; changes override any column."""
    row = {"event_type": "meeting", "actor_iso3": "CHL", "target_iso3": "PER", "status": "occurred",
           "event_date": published, "date_precision": "day", "date_resolution": "publication",
           "date_anchor": None, "evidence": evidence}
    return {**row, **changes}
