"""Extraction cases as data: a made-up text and what the extractor must find in it, one [[case]] a TOML table
(tests/unit/extract/cases/*.toml, run by tests/unit/extract/test_extract_cases.py).

The call, the projection of the frames and the comparison are written once here; a case is only its text and
its expectation, so a new one is a few lines of TOML, and a failing one is named `file::name`.

    name          what the case shows, in words joined by underscores (the test id)
    why           optional: why the expectation holds (what the test's docstring said)
    text          the made-up text
    published     optional publication date (default 2024-05-10, a Friday)
    events        the event mentions, exactly: inline tables of type, actor, target, date, precision, status
                  (a key left out is null: `{type = "anniversary_event", actor = "CHL", target = "PER",
                  status = "planned"}` has no date)
    events_include  event mentions that must be among those found (others may be too)
    compare       optional: the event fields compared, e.g. ["type", "date"] (default: all six)
    people        the people, exactly: name, role, country (left out: null)
    people_include  people that must be among those found
    organizations the shared organizations (acronym, else name), exactly
    organization_countries  the membership rows as "ORG ISO3" strings, exactly ("EU SWE": Sweden's row of the EU;
                  what `organizations` cannot tell: which sides a body was given)
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

PUBLISHED = date(2024, 5, 10)
EVENT_FIELDS = {"type": "event_type", "actor": "actor_iso3", "target": "target_iso3", "date": "event_date",
                "precision": "date_precision", "status": "status"}
PERSON_FIELDS = {"name": "name", "role": "role", "country": "country_iso3"}
EXPECTATIONS = ("events", "events_include", "people", "people_include", "organizations", "organization_countries")
CASE_KEYS = {"name", "why", "text", "published", "compare", *EXPECTATIONS}


def load_cases(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """(file::name, case) for every case of every TOML file of the folder, in file then written order."""
    cases = []
    for path in sorted(folder.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            cases.append((f"{path.stem}::{case['name']}", case))
    return cases


def _rows(frame: pl.DataFrame, fields: dict[str, str], keep: Iterable[str]) -> set[tuple]:
    columns = [fields[k] for k in keep]
    return {tuple(r[c] for c in columns) for r in frame.iter_rows(named=True)}


def _expected(rows: list[dict[str, Any]], keep: Iterable[str]) -> set[tuple]:
    keep = list(keep)
    return {tuple(row.get(k) for k in keep) for row in rows}


def check_case(case: dict[str, Any], extract: Callable[..., dict[str, pl.DataFrame]]) -> None:
    """Run the extractor on the case's text and assert each expectation the case states."""
    frames = extract(case["text"], case.get("published", PUBLISHED))
    stated = [k for k in EXPECTATIONS if k in case]
    assert stated, f"case {case['name']} states no expectation"
    compare = case.get("compare", list(EVENT_FIELDS))
    events = _rows(frames["event_mentions"], EVENT_FIELDS, compare)
    people = _rows(frames["person_mentions"], PERSON_FIELDS, PERSON_FIELDS)
    if "events" in case:
        assert events == _expected(case["events"], compare)
    if "events_include" in case:
        assert _expected(case["events_include"], compare) <= events
    if "people" in case:
        assert people == _expected(case["people"], PERSON_FIELDS)
    if "people_include" in case:
        assert _expected(case["people_include"], PERSON_FIELDS) <= people
    if "organizations" in case:
        assert set(frames["memberships"]["organization"].to_list()) == set(case["organizations"])
    if "organization_countries" in case:
        rows = frames["memberships"].iter_rows(named=True)
        assert {f"{r['organization']} {r['country_iso3']}" for r in rows} == set(case["organization_countries"])
