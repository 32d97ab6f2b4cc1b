"""Session 13's people rules (texts of our own): monarchs take the side whose crown has their title, plural forms of
address stay out of roles, offices told around a copula, a listed 'as' or before a bracketed list, spouses, places
one departs for, organisations owning an office in an apposition. The one-text cases are in
tests/unit/extract/cases/people_session13.toml (run by test_extract_cases.py)."""
from __future__ import annotations

from flows.extract.leaders import known_country
from flows.extract.monarchs import fits_title, title_holders


def test_title_holders_read_modifiers_and_feminine_forms() -> None:
    assert "JPN" in (title_holders("late Empress") or ())
    assert "DNK" in (title_holders("queen consort") or ())
    assert title_holders("Prime Minister") is None
    # 'Hussein' alone is an Iraqi minister's family name in the lexicon, but Iraq has no crown prince
    assert known_country("Hussein") == "IRQ" and not fits_title("Crown Prince", known_country("Hussein") or "")
    assert not fits_title("Crown Prince", "IRQ") and fits_title("Crown Prince", "JOR") and fits_title("Minister", "IRQ")
