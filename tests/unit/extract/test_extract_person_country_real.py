"""Person countries as real news writes them, session 7 (issue 11, ent-trade): a delegation listed as titles and
names takes the country of its known member; a companion ('along with First Lady Y', 'accompanied by a delegation
including Y') takes the side of the person it travels with; a demonym spelt the French way. Texts of our own."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.person_lists import share_companion_country, share_list_country
from flows.extract.persons import Person
from tests.unit.extract.conftest import people_of

HEAD = "Lomé, 4 March 2024\n\n"


def test_a_delegation_list_takes_its_known_members_country(extract) -> None:
    text = HEAD + ("Togo's president received his guests at the palace in Lomé, Togo, on Monday. "
                   "President Nana Akufo-Addo, Minister of Energy Kofi Mensah, "
                   "Minister of Trade Ama Owusu and Minister of Roads Yaw Boateng attended the ceremony.")
    people = {name: country for name, _, country in people_of(extract(text))}
    # the president's country is in leaders.csv; the ministers would otherwise take the host's, named last
    assert people["Nana Akufo-Addo"] == "GHA"
    assert (people["Kofi Mensah"], people["Ama Owusu"], people["Yaw Boateng"]) == ("GHA", "GHA", "GHA")


def test_two_people_in_a_row_are_no_delegation() -> None:
    sentence = "President Kofi Mensah and President Yao Agbeko signed the treaty."
    first, second = Person("Kofi Mensah", "President", "GHA", "explicit"), Person("Yao Agbeko", "President")
    share_list_country(sentence, find_countries(sentence), [(first, 10, 21), (second, 36, 46)])
    assert second.country is None  # 'A and B' is as often the two sides as one


def test_a_list_with_a_country_word_inside_is_left_to_the_titles() -> None:
    sentence = "Minister Kofi Mensah, Minister Ama Owusu, Togolese Minister Yao Agbeko and Minister Esi Lamptey met."
    people = [Person("Kofi Mensah", "Minister", "GHA", "explicit"), Person("Ama Owusu", "Minister"),
              Person("Yao Agbeko", "Minister"), Person("Esi Lamptey", "Minister")]
    spans = [(sentence.index(p.name), sentence.index(p.name) + len(p.name)) for p in people]
    share_list_country(sentence, find_countries(sentence), [(p, s, e) for p, (s, e) in zip(people, spans)])
    assert [p.country for p in people] == ["GHA", None, None, None]  # the run is broken by 'Togolese'


def test_a_companion_takes_the_side_of_the_person_it_travels_with(extract) -> None:
    text = HEAD + ("The Ghanaian President along with First Lady Rebecca Akufo-Addo met Prime Minister Victoire "
                   "Dogbe in Lomé on Monday.")
    assert ("Rebecca Akufo-Addo", "First Lady", "GHA") in people_of(extract(text))


def test_a_delegation_member_takes_the_side_of_its_leader() -> None:
    sentence = ("President Kofi Mensah is accompanied by a delegation including the chief of defence staff "
                "Admiral Yaw Boateng and two senior officials of the cocoa board.")
    leader, member = Person("Kofi Mensah", "President", "GHA", "explicit"), Person("Yaw Boateng", "Admiral")
    start = sentence.index("Yaw Boateng")
    share_companion_country(sentence, find_countries(sentence), [(leader, 10, 21), (member, start, start + 11)])
    assert member.country == "GHA"


def test_a_french_demonym_names_the_counterpart(extract) -> None:
    assert [c.iso3 for c in find_countries("his Beninois counterpart")] == ["BEN"]
    assert [c.iso3 for c in find_countries("Lanka's exports and Turkmenistani gas")] == ["LKA", "TKM"]


def test_a_companion_named_first_takes_the_side_of_the_person_it_accompanied() -> None:
    sentence = "The trade minister, Kofi Mensah, who accompanied President Ama Owusu to the talks, read the statement."
    minister, president = Person("Kofi Mensah", "minister"), Person("Ama Owusu", "President", "GHA", "lexicon")
    spans = [(sentence.index(p.name), sentence.index(p.name) + len(p.name)) for p in (minister, president)]
    share_companion_country(sentence, find_countries(sentence),
                            [(p, s, e) for p, (s, e) in zip((minister, president), spans)])
    assert minister.country == "GHA"


@pytest.mark.parametrize("text, expected", [
    # the speaker of trade with a partner serves the other side
    ("Ghana and Togo signed a customs accord on Monday. Trade with Togo has grown by 12 million dollars this year, "
     "says Trade Minister Kofi Mensah.", ("Kofi Mensah", "Trade Minister", "GHA")),
    # a market named as a buyer is not the speaker's country
    ("Ghana and Togo signed a customs accord on Monday. \"Our farms can now supply the Togolese market,\" said Kofi "
     "Mensah, head of the cocoa board.", ("Kofi Mensah", "head of the cocoa board", "GHA")),
    # an official with no country serves the side the trade is told from (not the country named last)
    ("Ghanaian cocoa exports to Togo rose by a third last year. Deputy Trade Minister Kofi Mensah said the new road "
     "will help the cocoa farmers.", ("Kofi Mensah", "Deputy Trade Minister", "GHA")),
    # a currency is no country of the speaker's
    ("Ghana and Togo signed a customs accord on Monday. Trade Minister Kofi Mensah said exports to Togo fell to 80 "
     "million U.S. dollars last year.", ("Kofi Mensah", "Trade Minister", "GHA")),
])
def test_a_speaker_with_no_country_word_of_their_own(extract, text: str, expected: tuple) -> None:
    assert expected in people_of(extract(HEAD + text))
