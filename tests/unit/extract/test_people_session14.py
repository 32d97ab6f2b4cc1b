"""Session 14's people rules (texts of our own): a state office one side of the pair never had goes to the side that has
it; a lower-case office with a time word glued on ('then-president'); a host and a guest on two sides; 'as
<country>'s <office>' and a rank in lower case; an office after a name with no comma. The one-text cases are in
tests/unit/extract/cases/people_session14.toml (run by test_extract_cases.py)."""
from __future__ import annotations

from flows.extract.monarchs import fits_title, office_lacking


def test_offices_lacking_read_modifiers() -> None:
    """'then-President' is the office 'President'; an organisation's 'President of the Senate' is none of these."""
    assert "CAN" in (office_lacking("then-President") or ()) and "USA" in (office_lacking("former Prime Minister") or ())
    assert office_lacking("President of the Senate") is None
    assert not fits_title("President", "QAT") and fits_title("President", "BGD") and fits_title("Minister", "QAT")
