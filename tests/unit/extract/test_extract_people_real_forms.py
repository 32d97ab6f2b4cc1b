"""People as real news writes them (issue 11), on texts of our own in tests/fixtures/texts/p_*."""
from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from flows.extract import extract_documents
from flows.extract.leaders import resolve_leader_anaphor
from flows.extract.persons import Person
from tests.unit.extract.conftest import people_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


@pytest.fixture(scope="module")
def by_name() -> dict[str, dict[str, pl.DataFrame]]:
    from flows.ingest.documents import read_documents

    docs, rejected = read_documents(sorted(TEXTS.glob("p_*")), TEXTS)
    assert rejected.height == 0
    frames = extract_documents(docs)
    return {name: {kind: f.filter(f["document_key"] == key) for kind, f in frames.items()}
            for key, name in docs.select("document_key", "name").iter_rows()}


def test_people_of_the_energy_talks(by_name):
    assert people_of(by_name["p_paraguay_bolivia_people.txt"]) == {
        ("Marcos Villca", "Minister of Hydrocarbons and Energy", "BOL"),  # 'H.E. Dr.' before the name
        ("Ramon Gimenez", "Minister of Agriculture, Livestock and Fisheries", "PRY"),  # a long portfolio
        ("Elena Duarte", "central bank governor", "PRY"),  # a lower-case title with no owner before it
        ("Tomas Alcaraz", "economist", "PRY"),
        ("Rosa Quispe", "predecessor", "BOL"),  # 'her predecessor, X': a name with no office of its own
        ("Luis Arce", "President", "BOL"),  # no title at all: the office leaders.csv gives a well-known holder
        ("Santiago Pena", "President", "PRY"),  # a first name that is also a capital
    }


def test_a_sentence_opening_adverb_is_not_part_of_the_name(by_name):
    names = {row["name"] for row in by_name["p_paraguay_bolivia_people.txt"]["person_mentions"].iter_rows(named=True)}
    assert not any(name.startswith("Later") for name in names)


def test_the_emir_is_the_one_emir_named_before(by_name):
    people = people_of(by_name["p_qatar_oman_emir.txt"])
    assert ("Sheikh Faisal bin Jassim Al Nasser", "Emir", "QAT") in people
    emir = Person("Sheikh Faisal bin Jassim Al Nasser", "Emir", "QAT")
    sultan = Person("Khalid bin Saeed", "Sultan", "OMN")
    found = resolve_leader_anaphor("The Emir and the Sultan later held talks.", [], [emir, sultan])
    assert [(p.name, start, end) for p, start, end in found] == [(emir.name, 0, 8), (sultan.name, 13, 23)]


def test_the_office_with_of_is_not_an_anaphor():
    emir = Person("Faisal Al Nasser", "Emir", "QAT")
    assert resolve_leader_anaphor("The Emir of Kuwait arrived.", [], [emir]) == []
    assert resolve_leader_anaphor("The Emir arrived.", [], [emir, Person("Salem Al Sabah", "Emir", "KWT")]) == []


MINISTERS = {
    ("Tete ANTONIO", "Minister of External Relations", "AGO"),  # a family name in capitals; the country around it
    ("Joao Cravinho", "Foreign Minister", "PRT"),
    ("Antonio Costa Silva", "Economy Minister", "PRT"),  # a list of offices shares its owner
    ("Helena Carreiras", "Defence Minister", "PRT"),
    ("Ana Paula ZACARIAS", "Secretary of State for Culture", "PRT"),  # a list under a heading: the country above it
    ("Maria Sousa Tavares", "Minister of Justice", "AGO"),  # 'Hon' is no part of the name
}


def test_ministers_with_the_statistical_backbone(monkeypatch):
    from flows.ingest.documents import read_documents

    monkeypatch.setenv("DYAD_BACKBONE", "spacy")
    docs, _ = read_documents([TEXTS / "p_portugal_angola_ministers.txt"], TEXTS)
    # 'chaired by Rui Bento Ferraz': a name no title introduces, found by the entity recogniser
    assert people_of(extract_documents(docs)) == MINISTERS | {("Rui Bento Ferraz", None, "PRT")}


def test_ministers_with_the_rules_alone(monkeypatch):
    from flows.ingest.documents import read_documents

    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    docs, _ = read_documents([TEXTS / "p_portugal_angola_ministers.txt"], TEXTS)
    assert people_of(extract_documents(docs)) == MINISTERS


def test_on_behalf_of_names_the_signatory_country():
    """'signed by X, Minister of A, on behalf of Ghana and Y, Minister of B, on behalf of Togo': each signatory
    serves the country named after his own office, not the country nearest to the sentence."""
    from flows.ingest.documents import read_documents

    docs, _ = read_documents([TEXTS / "pe_ghana_togo_behalf.txt"], TEXTS)
    assert people_of(extract_documents(docs)) == {
        ("Kwame Asante", "Minister of Fisheries", "GHA"), ("Kossi Mensah", "Minister of Maritime Economy", "TGO")}
