"""Session 23's membership rule (texts of our own): a member noun and 'of' before a body with a member list put the
side the sentence names inside it, as a member noun after the body does ('an ASEAN founding member')."""
from __future__ import annotations

from tests.unit.extract.conftest import one_document
from flows.extract import extract_documents


def _memberships(text: str) -> set[tuple[str, str]]:
    frames = extract_documents(one_document(text))
    return {(r["country_iso3"], r["organization"]) for r in frames["memberships"].iter_rows(named=True)}


def test_one_of_the_member_states_of_a_listed_body_is_a_one_side_membership():
    assert _memberships("Indonesia and Hungary have warm ties. Indonesia is widely seen as one of the most "
                        "influential member states of ASEAN. Hungary sells buses to Indonesia.") == {("IDN", "ASEAN")}


def test_a_body_only_named_of_one_side_is_still_no_membership():
    assert _memberships("Indonesia and Hungary have warm ties. Indonesia wants closer links with ASEAN.") == set()
