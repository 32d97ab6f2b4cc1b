"""Session 20's people rules (texts of our own): an office told with an article and a long complement before a comma
and its holder (title_article.py), a form of address before an honorific, a list of names each with an office, long
names with particles, an office passed to 'his successor', a country's own body in a title, a meeting's two sides,
the side a name's form tells (person_origin.py), and what the entity recogniser is not asked."""
from __future__ import annotations

from typing import Callable

import pytest

from flows.extract.countries import find_countries
from flows.extract.names import tokenize
from flows.extract.person_entities import _reads_as_english
from flows.extract.person_origin import side_by_name
from tests.unit.extract.conftest import people_of


def _people(extract: Callable, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {name: (role, country) for name, role, country in people_of(extract(text))}


@pytest.mark.parametrize("text,name,role_word,country", [
    ("Ghana and Togo signed two accords. On Monday the president of Ghana, Kofi Boateng Mensa, signed the accords.",
     "Kofi Boateng Mensa", "president", "GHA"),
    ("Kenya and Japan met on trade. The point was made by the Kenyan deputy minister of trade and industry, Otieno "
     "Kamau Wafula at the close of the fair.", "Otieno Kamau Wafula", "deputy minister of trade and industry", "KEN"),
    ("Peru and Japan met on trade. The team saw a member of the upper chamber in Japan, Taro Kitamura.",
     "Taro Kitamura", "member of the upper chamber", "JPN"),
])
def test_an_office_with_an_article_and_a_long_complement_names_the_holder_after_the_comma(
        extract: Callable, text: str, name: str, role_word: str, country: str) -> None:
    role, found = _people(extract, text)[name]
    assert role_word in (role or "") and found == country


@pytest.mark.parametrize("text", [
    "Chile and Peru met. After meeting the president of Peru, Jon Vidal Roe said the talks went well.",
    "Chile and Peru met. At the request of the premier of Peru, Jon Vidal Roe toured Lima.",
])
def test_an_office_in_an_opening_phrase_or_after_of_is_anothers(extract: Callable, text: str) -> None:
    """The office is the object of the opening phrase (or of 'invitation of'): the name after the comma is not it."""
    role, _ = _people(extract, text).get("Jon Vidal Roe", (None, None))
    assert "president" not in (role or "")


def test_an_aide_to_the_president_serves_the_country_of_the_texts_president(extract: Callable) -> None:
    text = ("Nigeria and Morocco signed deals. President Jon Adeyemi of Nigeria flew home. A note from the Special "
            "Adviser to the President for Youth, Ana Okafor told of a fruitful trip.")
    assert _people(extract, text)["Ana Okafor"] == ("Special Adviser to the President for Youth", "NGA")


def test_a_form_of_address_before_an_honorific_is_no_office(extract: Callable) -> None:
    """'HH Sheikh X' later in the text leaves the office 'Emir' the apposition gave."""
    text = ("Rwanda and Qatar held talks. President Jon Kalisa of Rwanda met the Emir of Qatar, Sheikh Ali bin Omar Al "
            "Nuri. Later President Kalisa met with HH Sheikh Ali bin Omar Al Nuri at the palace.")
    assert _people(extract, text)["Sheikh Ali bin Omar Al Nuri"] == ("Emir", "QAT")


def test_a_list_of_names_each_with_its_office_and_a_long_name_with_particles(extract: Callable) -> None:
    """'A, Director of X, B, Ambassador of Y': B's office is the one after B; a name of eight words, two of them
    particles ('Al'), is read whole."""
    text = ("Rwanda and Qatar held talks. On arrival, President Jon Kalisa of Rwanda was greeted by Omar Saad Nuri, "
            "Director of Protocol at the Foreign Office, Misa Faris Hamad Al Nour Al Sadi, Ambassador of Qatar to "
            "Rwanda, and others.")
    people = _people(extract, text)
    assert people["Misa Faris Hamad Al Nour Al Sadi"] == ("Ambassador to Rwanda", "QAT")
    assert "Director" in (people["Omar Saad Nuri"][0] or "")


def test_his_successor_holds_the_office_of_the_person_before(extract: Callable) -> None:
    text = ("Namibia and Germany are close. In 2009 then Speaker of the National Assembly Jon Tjiriange of Namibia "
            "visited Berlin, followed by two visits to Germany by his successor Kaurivi up until 2014.")
    assert _people(extract, text)["Kaurivi"] == ("Speaker of the National Assembly", "NAM")


def test_a_countrys_own_body_in_a_title(extract: Callable) -> None:
    text = "Namibia and Germany are close. In 2011, the President of the German Bundestag Ulrich Brandtner came to Windhoek."
    assert _people(extract, text)["Ulrich Brandtner"] == ("President of the German Bundestag", "DEU")


def test_a_generalissimo_is_a_rank() -> None:
    from flows.extract.people import find_people
    sentence = "The alliance of General Jon Roe and Generalissimo Ana Vidal was natural."
    out = find_people(sentence, 0, find_countries(sentence), [], None)
    assert {(p.name, p.role) for p, _ in out} == {("Jon Roe", "General"), ("Ana Vidal", "Generalissimo")}


def test_the_other_party_of_a_meeting_is_the_other_side(extract: Callable) -> None:
    """'A held an online meeting with B, New Zealand's Ambassador': A, with no country stated, is Thailand's in a
    story of the two (and 'New' of 'New Zealand' is no modifier of B's office)."""
    text = ("Thailand and New Zealand work together. On 4 October, Mr. Somchai Roe, head of the Pacific desk, held "
            "an online meeting with Dr Ana Vidal, New Zealand's Ambassador in Bangkok.")
    people = _people(extract, text)
    assert people["Somchai Roe"][1] == "THA"
    assert people["Ana Vidal"][1] == "NZL"


@pytest.mark.parametrize("name,pair,side", [
    ("Tran Van Hoa", ("EGY", "VNM"), "VNM"),
    ("Ahn Min-jun", ("CHL", "KOR"), "KOR"),
    ("Wang Lei", ("CHN", "EGY"), "CHN"),
    ("Wang Lei", ("CHN", "SGP"), None),  # both sides share the tradition: the name decides nothing
    ("Tran", ("EGY", "VNM"), None),  # one word: a later mention of anyone
    ("Jon Roe", ("EGY", "VNM"), None),
])
def test_the_side_a_name_form_tells(name: str, pair: tuple[str, str], side: str | None) -> None:
    assert side_by_name(name, pair) == side


def test_a_line_in_another_language_is_not_given_to_the_entity_recogniser() -> None:
    line = "Halld meg a cikket: Indul Megall Folytat Nyelvek: Auto"
    english = "The talks between Jon Roe and Ana Vidal ended late."
    assert not _reads_as_english(tokenize(line, find_countries(line)))
    assert _reads_as_english(tokenize(english, find_countries(english)))


def test_a_title_in_another_language_after_its_label_is_no_name() -> None:
    """'(Spanish: Lazos Perucho ...)': words after a language's name and a colon translate the page's title; a body
    named for its country ('Agrar Peru') is no person either."""
    from flows.extract.person_entities import _not_a_person
    for sentence, run in (("Chile and Peru relations (Spanish: Lazos Perucho de Amistad) are old.", "Lazos Perucho"),
                          ("Sales grew. Agrar Peru gives market support to farms.", "Agrar Peru")):
        toks = tokenize(sentence, find_countries(sentence))
        words = run.split()
        a = next(k for k in range(len(toks)) if [t.text for t in toks[k:k + len(words)]] == words)
        assert _not_a_person(sentence, toks, a, a + len(words), set())
