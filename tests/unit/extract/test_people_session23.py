"""Session 23's people rules (texts of our own): portfolios shared out by 'respectively', an office with a word of
time glued to it in an apposition, a lower-case office's portfolio chain, a long list of companions, a demonym before
a plural lower-case office, a name closed by its place, and 'Chargé d'Affaires' as pages spell it."""
from __future__ import annotations

from typing import Callable

import pytest

from tests.unit.extract.conftest import people_of

PAIR = "Ghana and Peru are friends. "
RESPECTIVELY = PAIR + ("Joining the President were the Ministers of Trade and Industry, Energy, and Finance: Kofi Mensa "
                       "Boateng, Yaw Owusu and Ama Adjei, respectively.")
RESPECTIVELY_COMMA = PAIR + ("From Peru came the Ministers of Mines and Energy, and Public Works, Luis Garcia Soto and "
                             "Rosa Vega Ruiz, respectively; as well as Peru's ambassador in Ghana, Juan Ruiz Perez.")
RESPECTIVELY_AND = PAIR + ("The Ghanaian Ministers of Health and Energy, Kofi Boateng and Yaw Owusu respectively, came "
                           "to Lima.")
TIMED = PAIR + ("H.E. Mr. Kofi Boateng, ex-Prime Minister of Ghana visited Peru in 1999, and Yaw Owusu, then-Deputy "
                "Prime Minister, came in 2006.")
CHAIN = PAIR + ("Mensa came with foreign minister Kofi Boateng, higher education minister Yaw Owusu, investment, trade "
                "and industry minister Kwame Adjei, and officials.")
COMPANIONS = PAIR + ("Ghanaian President Kwesi Mensa arrived in Lima, Peru, on Monday. Mensa is accompanied by foreign "
                     "minister Kofi Boateng, higher education minister Yaw Owusu, mines and energy minister Ama Adjei, "
                     "investment, trade and industry minister Kwame Adjei, and senior officials.")
PLURAL = PAIR + "Former Ghanaian presidents Kofi Boateng and Yaw Owusu have often visited Peru."
PLACE = PAIR + ("The envoy from Lima met the Ghanaian side's Secretary of State for Trade and Mines, Kofi Boateng in "
                "Accra, Ghana.")
CHARGE = PAIR + "Peru reciprocated by appointing Luis Garcia Soto, First Charge d’Affaires to Ghana."


def _people(extract: Callable, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {name: (role, country) for name, role, country in people_of(extract(text))}


@pytest.mark.parametrize("text, name, role, country", [
    (RESPECTIVELY, "Kofi Mensa Boateng", "Minister of Trade and Industry", None),  # cut at commas
    (RESPECTIVELY, "Yaw Owusu", "Minister of Energy", None),
    (RESPECTIVELY, "Ama Adjei", "Minister of Finance", None),
    (RESPECTIVELY_COMMA, "Luis Garcia Soto", "Minister of Mines and Energy", None),  # the count finds the names
    (RESPECTIVELY_COMMA, "Rosa Vega Ruiz", "Minister of Public Works", None),
    (RESPECTIVELY_AND, "Kofi Boateng", "Minister of Health", "GHA"),  # no comma: cut at 'and'
    (RESPECTIVELY_AND, "Yaw Owusu", "Minister of Energy", "GHA"),
    (TIMED, "Kofi Boateng", "ex-Prime Minister", "GHA"),
    (TIMED, "Yaw Owusu", "then-Deputy Prime Minister", None),
    (CHAIN, "Yaw Owusu", "higher education minister", None),
    (CHAIN, "Kwame Adjei", "investment, trade and industry minister", None),
    (COMPANIONS, "Kwame Adjei", "investment, trade and industry minister", "GHA"),  # far from 'accompanied by'
    (COMPANIONS, "Ama Adjei", "mines and energy minister", "GHA"),
    (PLURAL, "Kofi Boateng", "former president", "GHA"),
    (PLURAL, "Yaw Owusu", "former president", "GHA"),
    (PAIR + "The Ghanaian exporters Kofi Boateng and Yaw Owusu came.", "Kofi Boateng", "exporter", "GHA"),
    (PLACE, "Kofi Boateng", "Secretary of State for Trade and Mines", "GHA"),
    (CHARGE, "Luis Garcia Soto", "First Charge d’Affaires to Ghana", "PER"),
    (PAIR + "Peru appointed Luis Garcia Soto, Chargé d'Affaires to Ghana.", "Luis Garcia Soto",
     "Chargé d'Affaires to Ghana", "PER"),
    (PAIR + "On trade, minister Kofi Boateng spoke in Lima.", "Kofi Boateng", "minister", None),  # no chain over ','
])
def test_office_and_side(extract, text: str, name: str, role: str, country: str | None):
    person = _people(extract, text)[name]
    assert person[0] == role and (country is None or person[1] == country)


def test_a_name_is_never_read_as_a_portfolio(extract):
    people = _people(extract, PAIR + "The Ministers of Health and Energy, Kofi Boateng, Yaw Owusu and Ama Adjei, "
                                     "respectively, came to Lima.")
    assert not any(role and "Kofi" in role for role, _ in people.values())  # not 'Minister of Kofi Boateng'
    assert people["Ama Adjei"][0] != "Minister of Energy"
