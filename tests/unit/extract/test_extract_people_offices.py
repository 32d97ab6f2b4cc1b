"""Offices of people (issue 11, issue 10's held-out roles): forms of address between an office and a name, and the
office leaders.csv gives a well-known holder the text names bare. Texts of our own in tests/fixtures/texts/pe_*."""
from __future__ import annotations

from pathlib import Path

from flows.extract import extract_documents
from flows.extract.leaders import fill_offices, known_office
from flows.extract.persons import Person
from tests.unit.extract.conftest import people_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def test_courtesy_forms_and_bare_leaders():
    from flows.ingest.documents import read_documents

    docs, rejected = read_documents([TEXTS / "pe_malaysia_indonesia_courtesy.txt"], TEXTS)
    assert rejected.height == 0
    assert people_of(extract_documents(docs)) == {
        # ', the Honourable Datuk Seri X', ', His Excellency Dato’ Sri X': forms of address, no part of the name
        ("Rahman Aziz Tun Hamid", "Deputy Prime Minister", "MYS"),
        ("Budi Santoso", "Vice President", "IDN"),
        ("Faridah Osman", "Minister of Trade", "MYS"),
        ("Sari Wulandari", "Energy Minister", "IDN"),
        # no title in the text: the office of leaders.csv
        ("Anwar Ibrahim", "Prime Minister", "MYS"),
        ("Prabowo Subianto", "President", "IDN"),
        # the text's own office wins over the lexicon's
        ("Joko Widodo", "former president", "IDN"),
        # a family name in capitals opens an apposition
        ("TANAKA Emi", "Minister of Trade", "JPN"),
        ("Arif Yusof", "new envoy", "MYS"),  # 'X, the new Malaysian envoy,'
        ("Dewi Lestari", "foreign ministry spokeswoman", "IDN"),  # 'ministry' inside a lower-case title
    }


def test_known_office_needs_two_words_and_the_same_country():
    assert known_office("Xi Jinping", None) == "President"
    assert known_office("Sir Keir Starmer", "GBR") == "Prime Minister"
    assert known_office("Starmer", None) is None  # one word: too ambiguous
    assert known_office("Keir Starmer", "IRL") is None  # the text puts him elsewhere: another person
    assert known_office("Maria Starmer", None) is None  # one word in common only


def test_an_office_in_the_text_is_kept():
    people = [Person("Christopher Luxon", None, "NZL"), Person("Christopher Luxon", "opposition leader", "NZL"),
              Person("Sheikh Tamim bin Hamad Al Thani", "Sheikh", "QAT")]
    fill_offices(people)
    assert [p.role for p in people] == ["Prime Minister", "opposition leader", "Emir"]


def test_a_role_that_names_no_office_gives_way_to_the_lexicon(extract):
    frames = extract("Talks between Canada and India on 3 May 2024 were tense. Canada's Prime Minister Justin "
                     "Trudeau met India's leader, Narendra Modi. Colombia's president recalled his predecessor, "
                     "Rosa Quintero.")
    people = people_of(frames)
    assert ("Narendra Modi", "Prime Minister", "IND") in people  # 'leader': no office of its own
    assert ("Rosa Quintero", "predecessor", "COL") in people  # unknown to the lexicon: the text's word stays
