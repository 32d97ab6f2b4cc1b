"""Session 15's people rules (texts of our own): a crown's representative and a lower-case deputy head before a
name, a portfolio in brackets between an office and the name, an office set after a name by 'who was'."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import people_of

CASES = [
    # 'Governor-General' and 'Vice-president' are offices before a name, in a list of visits too
    ("Lima, 4 March 2024\n\nPeru and Canada\n\nVisits from Peru to Canada:\n\n- Vice-president Rosa Quispe "
     "(2015)\n\nVisits from Canada to Peru:\n\n- Governor-General Alan Brooke (2012)\n",
     {"Rosa Quispe": ("Vice-president", "PER"), "Alan Brooke": ("Governor-General", "CAN")}),
    # a portfolio in brackets after the office: the name follows it
    ("Colombo, 4 March 2024\n\nSri Lanka and Kenya\n\nThe Kenyan delegation was received at the airport by "
     "Minister of State (Foreign Affairs) Nimal Perera of Sri Lanka.",
     {"Nimal Perera": ("Minister of State", "LKA")}),
    # 'who was' sets the office after the name and its comma
    ("Lima, 4 March 2024\n\nPeru and Canada\n\nThe letters of Jorge Salas, who was Peruvian Ambassador to Canada, "
     "were published in Lima.",
     {"Jorge Salas": ("Ambassador to Canada", "PER")}),
    # a Vietnamese given name spelled like an article closes a name of three words
    ("Hanoi, 4 March 2024\n\nViet Nam and Laos\n\nIn 2001, Chairman of the National Assembly Tran Duc An of "
     "Viet Nam visited Laos.",
     {"Tran Duc An": ("Chairman of the National Assembly", "VNM")}),
    # where the person stopped over is no country of theirs
    ("Hanoi, 4 March 2024\n\nViet Nam and Laos\n\nTrade grew fast.\n\nIn 1998 Prime Minister Le Van Thanh stopped "
     "over in Laos.",
     {"Le Van Thanh": ("Prime Minister", "VNM")}),
    # a rank after the office's comma belongs to the name; the office is the role
    ("Colombo, 4 March 2024\n\nSri Lanka and Kenya\n\nA memorial stands in Nairobi. Minister of Defence of Sri "
     "Lanka, Gen. Nimal Perera (Retd) laid a wreath there in 2019.",
     {"Nimal Perera": ("Minister of Defence", "LKA")}),
    # 'the President and First Lady X' is two people: X is the First Lady
    ("Nairobi, 4 March 2024\n\nKenya and Peru\n\nThe Peruvian guests were received at State House by the President "
     "and First Lady Grace Wanjiru of Kenya.",
     {"Grace Wanjiru": ("First Lady", "KEN")}),
    # 'who was' and no office: no role
    ("Lima, 4 March 2024\n\nPeru and Canada\n\nPeru's archive keeps the letters of Jorge Salas, who was "
     "travelling in Canada.",
     {"Jorge Salas": (None, "PER")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_session15_people(extract, text: str, expected: dict[str, tuple]) -> None:
    """Each named person's (role, country) as the case expects; other people of the text are not checked."""
    found = {row[0]: row[1:] for row in people_of(extract(text))}
    assert {name: found.get(name) for name in expected} == expected


def test_an_aide_to_an_office_keeps_the_office_served_in_the_role(extract) -> None:
    """'Special Adviser to the Vice President on Energy, X': the role is the whole office, never 'President'."""
    text = ("Abuja, 4 March 2024\n\nNigeria and Ghana\n\nThe Special Adviser to the Vice President on Energy and "
            "Publicity, Mr. Tunde Bakare, said the talks went well. The Special Assistant to the President, Mrs. Ada "
            "Obi, agreed.")
    roles = {row[0]: row[1] for row in people_of(extract(text))}
    assert roles.get("Tunde Bakare") == "Special Adviser to the Vice President on Energy and Publicity"
    assert roles.get("Ada Obi") == "Special Assistant to the President"
