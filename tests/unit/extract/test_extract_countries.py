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


@pytest.mark.parametrize("sentence, expected", [
    # a demonym's plural names the people: 'the Serbs', 'Kenyans'; 'French' and 'Swiss' take no -s
    ("Many Kenyans and some Serbs live there.", [("KEN", "demonym"), ("SRB", "demonym")]),
    ("The Swiss hosted the French.", [("CHE", "demonym"), ("FRA", "demonym")]),
    # a historic state's name is its successor's, as the gold reads it
    ("Envoys of the Ottoman Empire reached Persia.", [("TUR", "name"), ("IRN", "name")]),
    ("Byzantine envoys sailed to Ceylon.", [("GRC", "demonym"), ("LKA", "name")]),
    ("Tea came from the Persian Gulf.", []),
    # a capital that is also a given name, before a capitalised word, is a person's name
    ("President Santiago Ruiz met the envoy.", []),
    ("They met in Santiago on Monday.", [("CHL", "capital")]),
    ("The Lima Post wrote.", [("PER", "capital")]),
    # a sea's or a region's name holds no country
    ("Patrols of Chile crossed the South China Sea.", [("CHL", "name")]),
    ("Papua New Guinea faces New Guinea's west.", [("PNG", "name")]),
    ("The Organization of American States met in Mexico City.", [("MEX", "capital")]),
    # a body's name ending in an institution's word is another body
    ("Delegates to the 9th Party Congress voted.", []),
    ("The Malawi Congress Party won.", [("MWI", "name")]),
    ("The Congress of Vienna ended.", [("AUT", "capital")]),
    ("The US Congress voted.", [("USA", "name"), ("USA", "institution")]),
    ("The Milli Majlis and the Grand National Assembly of Türkiye ratified it.",
     [("AZE", "institution"), ("TUR", "institution"), ("TUR", "name")]),
])
def test_country_words_of_session10(sentence, expected):
    assert isos(sentence) == expected
