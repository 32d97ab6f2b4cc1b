import pytest

from flows.extract.countries import find_countries, find_pair_phrases


def isos(sentence: str) -> list[tuple[str, str]]:
    return [(c.iso3, c.kind) for c in find_countries(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Nairobi and Addis Ababa agreed.", [("KEN", "capital"), ("ETH", "capital")]),
    ("The Kenyan side and the Ethiopian delegation met.", [("KEN", "demonym"), ("ETH", "demonym")]),
    ("Türkiye, Turkey and the Republic of Moldova", [("TUR", "name"), ("TUR", "name"), ("MDA", "name")]),
    ("Both were part of the Soviet Union.", [("SUN", "historic")]),
    ("Chișinău and Chisinau", [("MDA", "capital"), ("MDA", "capital")]),
    ("the Grand National Assembly ratified it", [("TUR", "institution")]),
])
def test_forms_of_a_country(sentence, expected):
    assert isos(sentence) == expected


def test_language_and_currency_words_are_not_countries():
    assert isos("Ivan Petrov (Ivan Petrof in the Russian spelling) paid 5 billion US dollars") == []


def test_possessive_is_marked():
    (c,) = find_countries("Egypt's minister")
    assert c.possessive and c.iso3 == "EGY"


def test_pair_phrases():
    assert len(find_pair_phrases("The two countries and both sides agreed.")) == 2


def test_a_city_states_name_is_its_country(extract):
    from tests.unit.extract.conftest import events_of

    rows = events_of(extract("Singapore and Malaysia signed an agreement on water supply on 3 May 2024."))
    assert {(r[0], frozenset((r[1], r[2]))) for r in rows} == {("agreement_signed", frozenset(("SGP", "MYS")))}
