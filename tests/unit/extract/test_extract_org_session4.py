"""Organization forms of real news (issue 11, session 4), on a text of our own: org_lesotho_eswatini_forms.txt."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships
from flows.extract import extract_documents
from tests.unit.extract.conftest import one_document

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def test_memberships_of_the_text():
    text = (TEXTS / "org_lesotho_eswatini_forms.txt").read_text(encoding="utf-8")
    frame = extract_documents(one_document(text))["memberships"]
    assert {(r["country_iso3"], r["organization"]) for r in frame.iter_rows(named=True)} == {
        # 'partners in Sadc': an acronym written as a word
        ("LSO", "SADC"), ("SWZ", "SADC"),
        # 'cooperate closely within several regional bodies: X, Y, and the AU agricultural programmes'
        ("LSO", "Southern African Customs Union"), ("SWZ", "Southern African Customs Union"),
        ("LSO", "Commonwealth of Nations"), ("SWZ", "Commonwealth of Nations"),
        # no AU: a modifier of 'agricultural programmes', and the owner of 'Green Recovery Plan'
    }


@pytest.mark.parametrize("sentence, expected", [
    ("Kenya and Uganda are partners in Igad and in the EAC.", {"IGAD", "EAC"}),  # 'Igad': four letters or more
    ("Kenya and Uganda stressed the role of Comesa in regional trade.", {"COMESA"}),
    ("Kenya and Uganda stressed the role of the Au in regional trade.", set()),  # 'Au' is too short to be an acronym
    ("Kenya and Uganda cooperate within the IGAD.", {"IGAD"}),
    ("Kenya and Uganda praised the European Union's Global Gateway.", set()),  # a thing the EU owns
])
def test_sentence_forms(sentence, expected):
    assert {m.organization for m in find_memberships(sentence, find_countries(sentence), ("KEN", "UGA"), [])} == expected
