"""Session 15's people rules (texts of our own): a crown's representative and a lower-case deputy head before a name, a
portfolio in brackets between an office and the name, an office set after a name by 'who was'. The one-text cases are
in tests/unit/extract/cases/people_session15.toml (run by test_extract_cases.py)."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def test_an_aide_to_an_office_keeps_the_office_served_in_the_role(extract) -> None:
    """'Special Adviser to the Vice President on Energy, X': the role is the whole office, never 'President'."""
    text = ("Abuja, 4 March 2024\n\nNigeria and Ghana\n\nThe Special Adviser to the Vice President on Energy and "
            "Publicity, Mr. Tunde Bakare, said the talks went well. The Special Assistant to the President, Mrs. Ada "
            "Obi, agreed.")
    roles = {row[0]: row[1] for row in people_of(extract(text))}
    assert roles.get("Tunde Bakare") == "Special Adviser to the Vice President on Energy and Publicity"
    assert roles.get("Ada Obi") == "Special Assistant to the President"
