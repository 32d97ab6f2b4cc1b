"""Session 22's people rules (texts of our own): delegation lists with forms of address ('H.E. Mr. A, President of
B, Hon. C, Prime Minister'), hyphenated deputy chairs, and a plural office after two names."""
from __future__ import annotations

from typing import Callable

import pytest

from tests.unit.extract.conftest import people_of


def _people(extract: Callable, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {name: (role, country) for name, role, country in people_of(extract(text))}


LIST = ("Ghana and Peru have close ties. Visitors from Ghana to Peru have included H.E. Dr. Kofi Mensa, President "
        "of Ghana, Rt. Hon. Yaw Boateng, Prime Minister, Hon. Ama Owusu, Deputy Prime Minister, Hon. Ama Mensah, "
        "Vice-Chairperson of the Senate, Hon. Ekow and Hon. Kojo, Secretary-Generals of the Ruling Party, "
        "Mr. Ben Ode and Mr. Ian Poe, State Councilors, etc.")


def test_a_name_after_a_form_of_address_with_its_own_office_is_not_the_previous_holder(extract):
    people = _people(extract, LIST)
    assert people["Kofi Mensa"] == ("President", "GHA")
    assert people["Yaw Boateng"][0] == "Prime Minister" and people["Ama Owusu"][0] == "Deputy Prime Minister"


def test_a_hyphenated_deputy_chair_is_an_office(extract):
    assert _people(extract, LIST)["Ama Mensah"][0] == "Vice-Chairperson of the Senate"


def test_two_names_share_a_plural_office(extract):
    people = _people(extract, LIST)
    assert people["Ekow"][0] == people["Kojo"][0] == "Secretary-General of the Ruling Party"
    assert people["Ben Ode"][0] == people["Ian Poe"][0] == "State Councilor"


def test_a_plural_office_is_not_the_office_of_a_name_before_the_pair(extract):
    people = _people(extract, "Ghana and Peru are friends. In Lima, Mr. Tom Bell, Vice-Premier of Peru, received Mr. "
                              "Sam Holt and Mr. Dan Pike, Vice-Chairmen of the Ghanaian Parliament.")
    assert people["Tom Bell"][0].startswith("Vice-Premier")
    assert people["Sam Holt"][0] == people["Dan Pike"][0] == "Vice-Chairman of the Ghanaian Parliament"


def test_two_sheikhs_whose_chains_name_different_fathers_are_two_people(extract):
    """'Sheikh Omar Al-Nasser Al-Karim Al-Rowdha' and 'Sheikh Omar Al-Hamad Al-Rowdha' share a given and a family
    name; the father's name after the given name tells them apart. The same chain spelt apart is one person."""
    people = _people(extract, "Ghana and Qatar are friends. Visits from Qatar to Ghana: Emir Sheikh Omar Al-Nasser "
                              "Al-Karim Al-Rowdha (1990); Prime Minister Sheikh Omar Al-Hamad Al-Rowdha (2013). Emir "
                              "Sheikh Omar Al Nasser Al Karim Al Rowdha came again in 2015.")
    roles = sorted(role for role, _ in people.values())
    assert roles == ["Emir", "Prime Minister"]


def test_people_listed_under_a_heading_of_visits_are_the_visiting_side(extract):
    people = _people(extract, "Ghana and Peru are friends. Visits from Ghana to Peru: Vice President Dr. Kofi Mensa "
                              "visited Peru in 1965. Prime Minister Yaw Boateng visited Peru in 1981.")
    assert people["Kofi Mensa"] == ("Vice President", "GHA") and people["Yaw Boateng"][1] == "GHA"


def test_privatisation_and_textiles_are_portfolio_words(extract):
    people = _people(extract, "Ghana and Peru are friends. The president came with Minister for Commerce Yaw Boateng, "
                              "Minister for Investment and Privatization Kwame Asante, and others. Kok met Ghana’s "
                              "Adviser for Commerce, Textiles and Industry Ama Owusu.")
    assert people["Yaw Boateng"][0] == "Minister for Commerce"
    assert people["Kwame Asante"][0] == "Minister for Investment and Privatization"
    assert people["Ama Owusu"][0] == "Adviser for Commerce, Textiles and Industry"


def test_a_name_closed_by_order_or_medal_is_a_decoration(extract):
    people = _people(extract, "Ghana and Peru are friends. The two presidents exchanged their highest orders: "
                              "President Kofi Mensa gave the Jon Roe Order, and President Ama Lind the King Kofi Medal.")
    assert set(people) == {"Kofi Mensa", "Ama Lind"}


# (text, name, role, country): one sentence of our own per rule; None where the rule says nothing of that field
CASES = [
    # a spouse's office and a holder's are two people of one family name
    ("Ghana and Peru are friends. President Jon Roe greeted President Mensa and First Lady Ama Ofori Mensa in Lima.",
     "Mensa", "President", None),
    # a spouse named right after the holder and 'and' serves the holder's side
    ("Ghana and Peru are friends. In Accra, President Jon Roe and First Lady Ana Roe greeted Peru's President Mensa "
     "and First Lady Ama Ofori Mensa.", "Ama Ofori Mensa", "First Lady", "PER"),
    # a participle opening the sentence is no part of the office; 'acting' is
    ("Ghana and Peru are friends. Thanking President Kofi Mensa for the gift, the guest said he was moved.",
     "Kofi Mensa", "President", None),
    ("Ghana and Peru are friends. Acting President Jon Roe spoke next.", "Jon Roe", "Acting President", None),
    # one who meets 'his <demonym> counterpart', unnamed, serves the other side
    ("Ghana and Peru are friends. Trade Minister Kofi Mensa will hold talks this week with his Peruvian counterpart.",
     "Kofi Mensa", "Trade Minister", "GHA"),
    # a government's seat before a lower-case office is part of it and says whose
    ("Kenya and the US are friends. White House press secretary Ann Lee told reporters the visit went well.",
     "Ann Lee", "White House press secretary", "USA"),
    ("Kenya and the US are friends. Kremlin spokesman Ivan Popov declined to comment.",
     "Ivan Popov", "Kremlin spokesman", "RUS"),
]


@pytest.mark.parametrize(("text", "name", "role", "country"), CASES)
def test_one_sentence_rules(extract, text: str, name: str, role: str, country: str | None):
    people = _people(extract, text)
    assert people[name][0] == role
    if country is not None:
        assert people[name][1] == country
