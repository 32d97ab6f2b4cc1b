"""mend26: the review of org_named.py (session 16), texts of our own. A body that acts, a third party the sides deal
with, one body under two names in one document, the British spelling of a [wide] name, a veto word inside another."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import one_document
from flows.extract import extract_documents

OPENING = "Ghana and Japan held talks in Accra on 3 May 2024. "


def _keyed(text: str) -> set[tuple[str, str]]:
    """(side, organization) as the warehouse keys it: the acronym, else the name (flows/transform/warehouse.py)."""
    frames = extract_documents(one_document(text))
    return {(r["country_iso3"], r["acronym"] or r["organization"]) for r in frames["memberships"].iter_rows(named=True)}


@pytest.mark.parametrize("sentence", [
    "The African Union also urged Ghana to hold the vote.",  # an adverb between the body and its verb
    "The UN on Monday urged Ghana to hold the vote.",  # a time phrase
    "The WTO last year ruled against Ghana's cocoa subsidies.",
    "The African Union, in a statement, condemned Ghana.",  # an aside after the name
    "The OECD this week cut Japan's growth forecast.",
    "Officials said the UN on Monday urged Ghana to hold the vote.",  # the body the subject mid-sentence
    "Japan and Ghana will discuss the matter with the OECD next week.",  # a third party the sides deal with
])
def test_a_body_that_acts_or_is_dealt_with_is_no_sides_membership(sentence: str) -> None:
    assert _keyed(OPENING + sentence) == set()


@pytest.mark.parametrize("sentence, expected", [
    # a time phrase after the place the sides work in leaves it theirs
    ("Both governments pledged to work closely at the UN this week to curb piracy.", {("GHA", "UN"), ("JPN", "UN")}),
    # a body named after a comma in a list is no subject; a summit this month stays the body's own
    ("Ghana is an active voice at the ECOWAS, African Union and other fora.", {("GHA", "ECOWAS"), ("GHA", "AU")}),
    ("Japan will push the fair-trade goals set out in the G7 Kyoto Summit this month.", {("JPN", "G7")}),
    # the British spellings of a [wide] name (organizations.toml spelling_pairs)
    ("Japan pledged to work closely within the Organization for Economic Co-operation and Development.",
     {("JPN", "OECD")}),
    # a veto word only as a whole word: 'left-leaning' tells no membership left
    ("Japan's left-leaning cabinet pledged to work closely at the UN to curb piracy.", {("JPN", "UN")}),
])
def test_a_body_the_sides_work_in(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert _keyed(OPENING + sentence) == expected


def test_a_wide_body_under_two_names_is_one_organization_of_the_document() -> None:
    """'members of the United Nations' (the list reader) and 'at the UN' (the named reader): one key, the UN."""
    found = _keyed(OPENING + "Ghana and Japan are both members of the United Nations. Both countries pledged to "
                   "work closely at the UN to curb piracy.")
    assert found == {("GHA", "UN"), ("JPN", "UN")}


def test_a_side_that_left_a_body_is_not_read_as_its_member() -> None:
    """EU,GBR ('member 1973-2020') left the list: a 2024 text's 'Britain's envoy to the EU' gives no membership."""
    text = "Britain and Japan held talks in London on 3 May 2024. Britain's envoy to the EU, John Smith, met the " \
           "Japanese minister."
    assert ("GBR", "EU") not in _keyed(text)


def test_a_side_called_a_member_is_the_only_one() -> None:
    """'Ghana, a member of the Commonwealth, backs Nigeria': said of Ghana alone, though the list holds both."""
    text = "Ghana and Nigeria held talks in Accra on 3 May 2024. Ghana, a member of the Commonwealth, backs Nigeria."
    assert _keyed(text) == {("GHA", "Commonwealth")}


def test_every_member_row_is_one_organization_and_one_country() -> None:
    """A note holding a comma is quoted: no 'SCO,since' or 'BRICS,2024' row (a note split into rows)."""
    from flows.lexicon import read_table

    rows = read_table("organization_members.csv")
    assert all(len(row["iso3"]) == 3 and row["iso3"].isalpha() and row["iso3"].isupper() for row in rows)
    # an unquoted comma inside a note makes one field too many: flows.lexicon refuses such a row with its line when it
    # reads the table (tests/unit/test_lexicon_rows.py), so read_table above would have raised


def test_every_spelling_of_a_wide_name_is_its_acronym() -> None:
    """organizations.toml spelling_pairs, both ways and together: Organisation/Organization, Co-operation/Cooperation."""
    from flows.extract.org_named import wide_forms

    forms = wide_forms()
    assert {forms[f"Organi{z}ation for Economic {c} and Development"] for z in "sz"
            for c in ("Co-operation", "Cooperation")} == {"OECD"}
