"""Session 14's people rules (texts of our own): a state office one side of the pair never had goes to the side
that has it; a lower-case office with a time word glued on ('then-president'); a host and a guest on two sides;
'as <country>'s <office>' and a rank in lower case; an office after a name with no comma."""
from __future__ import annotations

import pytest

from flows.extract.monarchs import fits_title, office_lacking
from tests.unit.extract.conftest import people_of

CASES = [
    # a president in a story of a crown realm and a republic is the republic's, whoever is named nearer
    ("Ottawa, 4 March 2024\n\nCanada and Peru\n\nIn 1961 Canada hosted a meeting in Toronto attended by President "
     "Jorge Salas and Prime Minister Hugh Carter.",
     {"Jorge Salas": ("President", "PER")}),
    # a host named by a lower-case title after 'received by': the emir's state has no president
    ("Dhaka, 4 March 2024\n\nQatar and Bangladesh\n\nThe Emir of Qatar arrived in Dhaka on Monday. He was received "
     "by president Karim Uddin at the airport.",
     {"Karim Uddin": ("president", "BGD")}),
    # a third country's president the text names stays that country's
    ("Ottawa, 4 March 2024\n\nCanada and Peru\n\nUnited States President Tom Gray chaired a meeting in 1956 "
     "attended by President Jorge Salas.",
     {"Tom Gray": ("President", "USA"), "Jorge Salas": ("President", "PER")}),
    # the side's president is already someone else: the rule leaves the guess alone
    ("Kuala Lumpur, 4 March 2024\n\nMalaysia and Peru\n\nMalaysia and Peru agreed to expand trade, as President "
     "Ali Osman held talks with Peruvian President Jorge Salas in Lima.",
     {"Jorge Salas": ("President", "PER")}),
    # a lower-case office with a time word glued to it, before the name with or without a comma
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nQuestions remain about the death of then-president, "
     "Jorge Mavie of Mozambique, in 1986. Malawi later hosted ex-foreign minister Rui Tembe of Mozambique.",
     {"Jorge Mavie": ("then-president", "MOZ"), "Rui Tembe": ("ex-foreign minister", "MOZ")}),
    # a host and a guest serve two sides: the guest's demonym is no country of the host's
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nRelations began in 1964, when President Tom Gray "
     "received Jorge Mavie as Mozambican Minister to Malawi. In 1980 Mozambican envoy Rui Tembe was formally "
     "welcomed by Prime Minister Ana Phiri in Blantyre.",
     {"Tom Gray": ("President", "MWI"), "Ana Phiri": ("Prime Minister", "MWI")}),
    # 'as' and an owner's possessive; a rank in lower case
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nForeign Minister Ana Lima backed the appointment of "
     "Jorge Tomas Mavie as Mozambique's representative in Malawi. In 1890, general Tomas Okafor of Malawi "
     "closed the border. The secretary general Rui Tembe of Mozambique spoke.",
     {"Jorge Tomas Mavie": ("representative", "MOZ"), "Tomas Okafor": ("general", "MWI"),
      "Rui Tembe": (None, "MOZ")}),
    # the side a speaker protests against is not the speaker's
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nThe foreign affairs minister, Tom Banda, told "
     "parliament that Malawi has filed a formal protest against Mozambique over the campaign.",
     {"Tom Banda": ("foreign affairs minister", "MWI")}),
    # an office right after a name with no comma, only with its complement ('told X the president would' is none)
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nMost of our exports are fish, said Tom Banda the "
     "spokesman of the Malawian trade ministry. They told Rui Tembe the president would come to Mozambique.",
     {"Tom Banda": ("spokesman of the Malawian trade ministry", "MWI"), "Rui Tembe": (None, "MWI")}),
    # a lower-case director of a ministry's department before a comma and the name at the sentence's end
    ("Lilongwe, 4 March 2024\n\nMalawi and Mozambique\n\nThe talks matter to both sides, said the director of "
     "the African department of the Malawian Foreign Ministry, Tom Banda.",
     {"Tom Banda": ("director of the African department of the Malawian Foreign Ministry", "MWI")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_session14_people(extract, text: str, expected: dict[str, tuple]) -> None:
    """Each named person's (role, country) as the case expects; other people of the text are not checked."""
    found = {row[0]: row[1:] for row in people_of(extract(text))}
    assert {name: found.get(name) for name in expected} == expected


def test_offices_lacking_read_modifiers() -> None:
    """'then-President' is the office 'President'; an organisation's 'President of the Senate' is none of these."""
    assert "CAN" in (office_lacking("then-President") or ()) and "USA" in (office_lacking("former Prime Minister") or ())
    assert office_lacking("President of the Senate") is None
    assert not fits_title("President", "QAT") and fits_title("President", "BGD") and fits_title("Minister", "QAT")
