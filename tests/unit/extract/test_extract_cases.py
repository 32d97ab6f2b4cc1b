"""The extractor on the one-text cases of tests/unit/extract/cases/*.toml
(format: tests/support/text_cases.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.text_cases import CASE_KEYS, EVENT_FIELDS, PERSON_FIELDS, check_case, load_cases

CASES = load_cases(Path(__file__).resolve().parent / "cases")


def test_cases_use_only_known_keys_and_unique_names() -> None:
    """A misspelt key ('organisations', 'acter') would be read as nothing and pass: refuse it."""
    assert [case_id for case_id, case in CASES if not set(case) <= CASE_KEYS] == []
    rows = [(case_id, row) for case_id, case in CASES
            for key in ("events", "events_include") for row in case.get(key, [])]
    assert [case_id for case_id, row in rows if not set(row) <= set(EVENT_FIELDS)] == []
    assert [case_id for case_id, case in CASES if not set(case.get("compare", [])) <= set(EVENT_FIELDS)] == []
    people = [(case_id, row) for case_id, case in CASES
              for key in ("people", "people_include") for row in case.get(key, [])]
    assert [case_id for case_id, row in people if not set(row) <= set(PERSON_FIELDS)] == []
    assert len({case_id for case_id, _ in CASES}) == len(CASES) >= 77


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(case: dict, extract) -> None:
    check_case(case, extract)
