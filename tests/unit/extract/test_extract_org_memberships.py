"""Shared memberships as real news writes them (issue 11), on a text of our own: tests/fixtures/texts/org_*."""
from __future__ import annotations

from pathlib import Path

from flows.extract import extract_documents
from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def memberships(sentence: str, pair: tuple[str, str]) -> set[str]:
    return {m.organization for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_memberships_of_the_review():
    from flows.ingest.documents import read_documents

    docs, _ = read_documents([TEXTS / "org_australia_indonesia_memberships.txt"], TEXTS)
    frame = extract_documents(docs)["memberships"]
    found = {(r["country_iso3"], r["organization"]) for r in frame.iter_rows(named=True)}
    expected = {"East Asia Summit", "IORA",  # 'are common members of'
                "APEC",  # 'with shared APEC membership': the noun names the members
                "G20",  # 'among the G20 countries'
                "RCEP"}  # '"We are working together in the RCEP," the Australian minister said of ...'
    # 'the OPEC seminar in Vienna': a modifier, no membership
    assert found == {(iso, org) for iso in ("AUS", "IDN") for org in expected}


def test_a_modifier_is_still_no_membership():
    assert memberships("Australia and Indonesia discussed the ASEAN summit agenda.", ("AUS", "IDN")) == set()
    assert memberships("Malaysia and Indonesia, fellow ASEAN members, met.", ("MYS", "IDN")) == {"ASEAN"}
