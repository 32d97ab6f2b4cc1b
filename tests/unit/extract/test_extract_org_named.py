"""Session 16 (orgs25, flows/extract/org_named.py), texts of our own: a known body named about a side that its member
list holds is that side's membership, unless the sentence tells the body as a place, a party, an actor, an owner or
a goal."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import one_document
from flows.extract import extract_documents


def _memberships(text: str) -> set[tuple[str, str]]:
    frames = extract_documents(one_document(text))
    return {(r["country_iso3"], r["organization"]) for r in frames["memberships"].iter_rows(named=True)}


OPENING = "Ghana and Japan held talks in Accra on 3 May 2024. "


@pytest.mark.parametrize("sentence, expected", [
    # a side named with the body: the side on the list (Japan is no AU member)
    ("The Ghanaian minister said Ghana stood beside the African Union in condemning the raid.", {("GHA", "AU")}),
    # the pair named as such: both, when both are on the list (a wide body, read only here)
    ("Both governments pledged to work closely at the UN to curb piracy.", {("GHA", "UN"), ("JPN", "UN")}),
    ("Both countries said: 'we will work closely at the UN'.", {("GHA", "UN"), ("JPN", "UN")}),  # a quote's end
    ("The two countries voted the same way in the World Trade Organization last year.",
     {("GHA", "WTO"), ("JPN", "WTO")}),
    # the pair named, one side off the list: no one (told so, it is mostly a relation)
    ("Both governments pledged to cooperate closely within the African Union framework of peace.", set()),
    # a summit the body holds, told as its work: the side's (r17 gold kept a summit's host)
    ("Japan will push the fair-trade goals set out in the G7 Kyoto Summit.", {("JPN", "G7")}),
])
def test_a_known_body_named_about_a_side_on_its_list(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert _memberships(OPENING + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Japan wants closer ties with the African Union.",  # the other party of a relation
    "Japan hailed the Japan-AU dialogue on debt.",  # the same, glued to the side's name
    "Ghana's minister spoke on the sidelines of the UN climate gathering.",  # beside a meeting
    "Ghana's envoy spoke at the headquarters of the UN in Geneva.",  # a building
    "Ghana grew by four percent, according to the UN.",  # a source
    "Ghana received a grant from the UN for its schools.",  # a giver
    "Ghana's plan was praised by the Secretary-General of the UN.",  # an office of the body
    "Ghana's plan is one of the top goals of the African Union.",  # a thing the body owns
    "Ghana has brought its complaint before the UN.",  # a forum turned to
    "Ghana took its quarrel over cocoa tariffs to the WTO.",  # the same
    "Ghana alone belongs to the African Union.",  # a membership verb: the grammar's reading (shared only)
    "Ghana is a member of the African Union, while Japan is a member of the G7.",  # the same
    "Ghana signed a trade deal, in force since 2019, with the OECD.",  # a relation's other party past an aside
    "Ghana will follow the UN Charter in the dispute.",  # part of another name
    "Ghana must meet African Union rules on tariffs.",  # a modifier
    "The African Union urged Ghana to hold the vote.",  # the body acting
    "The lifting of UN and EU sanctions helped Ghana.",  # two owners of one thing
    "Ghana is not a member of the OECD.",  # denied
    "Ghana hopes to join the OECD soon.",  # sought
    "Ghana was re-admitted to the Commonwealth in 1997.",  # a change of membership
    "Ghana signed the loan during the 37th African Union Summit.",  # a summit as a time
    "Ghana discussed the African Union summit agenda.",  # a thing of the summit
])
def test_a_body_told_as_something_else_is_no_membership(sentence: str) -> None:
    assert _memberships(OPENING + sentence) == set()


def test_a_wide_body_read_by_a_membership_list_is_one_organization() -> None:
    """'members of ... the United Nations' is read by the list after the verb; the named reading adds no 'UN'."""
    text = OPENING + "Ghana and Japan are both members of the United Nations and of the Commonwealth of Nations."
    found = _memberships(text)
    assert {organization for _, organization in found} <= {"Commonwealth of Nations", "United Nations", "Commonwealth"}
    assert ("GHA", "United Nations") in found and ("JPN", "UN") not in found
    # mend26: keyed by the acronym the named reading writes, so a later 'at the UN' is the same body
    # (tests/unit/extract/test_mend26_org_named.py reads the two sentences)
    rows = extract_documents(one_document(text))["memberships"].iter_rows(named=True)
    assert {r["acronym"] for r in rows if r["organization"] == "United Nations"} == {"UN"}


def test_a_body_a_side_chairs_is_one_row() -> None:
    """The chair reading and the named reading (run last) meet on one key: one row, the chair's."""
    found = _memberships(OPENING + "Japan praised Ghana's chairmanship of ECOWAS this year.")
    assert found == {("GHA", "ECOWAS")}
