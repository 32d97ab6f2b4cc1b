"""The extractor on the one-text cases of tests/unit/extract/cases/*.toml (format: tests/support/text_cases.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.text_cases import check_case, load_cases

CASES = load_cases(Path(__file__).resolve().parent / "cases")


def test_every_case_file_holds_cases() -> None:
    files = {case_id.split("::")[0] for case_id, _ in CASES}
    assert files == {p.stem for p in (Path(__file__).resolve().parent / "cases").glob("*.toml")}
    assert len({case_id for case_id, _ in CASES}) == len(CASES)  # names are unique within a file


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(case: dict, extract) -> None:
    check_case(case, extract)
