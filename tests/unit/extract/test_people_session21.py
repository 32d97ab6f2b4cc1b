"""Session 21's people rules (texts of our own): abbreviated offices written out, an envoy 'of
President X' (X holds the inner title), a head of two words after a name and comma, the last noun of a compound
portfolio, and Indian forms of address."""
from __future__ import annotations

from typing import Callable

from tests.unit.extract.conftest import people_of


def _people(extract: Callable, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {name: (role, country) for name, role, country in people_of(extract(text))}


def test_abbreviated_offices_are_written_out(extract):
    """The gold convention (tests/realnews/README.md): an office the text abbreviates is written in full."""
    people = _people(extract, "Ghana and Peru are friends. Visits to Peru: PM Mensah (2003), FM Boateng (2016).")
    assert people["Mensah"][0] == "Prime Minister" and people["Boateng"][0] == "Foreign Minister"


def test_an_envoy_of_a_titled_person_is_the_name_before_the_comma(extract):
    people = _people(extract, "Ghana and China enjoy frequent exchanges. Chinese visitors to Ghana include: "
                              "President Li Wen (May 2015); Ma Lin, Special Envoy of President Li Wen and Vice Chairman "
                              "of the National Committee (June 2016); Zhao Kai, Special Envoy of President Li Wen "
                              "(March 2018), etc.")
    assert people["Li Wen"][0] == "President"
    assert people["Ma Lin"][0].startswith("Special Envoy") and people["Zhao Kai"][0].startswith("Special Envoy")


def test_a_head_of_two_words_after_a_name_and_comma(extract):
    people = _people(extract, "Ghana and China enjoy frequent exchanges. Chinese visitors to Ghana include: "
                              "President Li Wen (May 2015); Hu Bo, State Councilor and Foreign Minister (July 2019), etc.")
    assert people["Hu Bo"][0].startswith("State Councilor")


def test_the_last_noun_of_a_compound_portfolio_is_no_name(extract):
    people = _people(extract, "Ghana and China enjoy frequent exchanges. Yaw Boateng, Minister of Finance, Planning "
                              "and Investment Promotion (March 2024), visited Beijing. Minister for Trade "
                              "and Export Growth Jon Roe came later.")
    assert set(people) == {"Yaw Boateng", "Jon Roe"}
    assert people["Yaw Boateng"][0].endswith("Investment Promotion")
    assert people["Jon Roe"][0] == "Minister for Trade and Export Growth"


def test_indian_forms_of_address_are_no_part_of_name_or_role(extract):
    people = _people(extract, "Ghana and India are friends. Shri Ravi Kumar, Hon’ble Minister of State for Fisheries "
                              "and Food Processing Industries, toured Accra in May 2015.")
    assert people == {"Ravi Kumar": ("Minister of State for Fisheries and Food Processing Industries", "IND")}


def test_an_office_with_an_article_whose_body_has_its_acronym_in_brackets(extract):
    people = _people(extract, "Accra, Ghana, 3 May – The president of the Association of Ghanaian Traders and "
                              "Investors in Peru (Agtip), Kofi Mensa, told a weekly paper that trade between Ghana and "
                              "Peru grew.")
    assert people["Kofi Mensa"][0] == "president of the Association of Ghanaian Traders and Investors in Peru"


def test_kenyan_abbreviated_offices_are_no_part_of_the_name(extract):
    people = _people(extract, "Kenya and Ghana are friends. President Jon Roe introduced DP Peter Kamau and CSs Ann "
                              "Wanjiku and Paul Otieno to the guests in Nairobi.")
    assert set(people) == {"Jon Roe", "Peter Kamau", "Ann Wanjiku", "Paul Otieno"}
    assert people["Peter Kamau"][0] == "Deputy President"


def test_a_son_of_name_is_not_the_leader_whose_words_it_shares_in_another_order(extract):
    # leaders.csv holds 'Salman bin Abdulaziz' (King); 'Abdulaziz bin Salman' is his son, no king
    people = _people(extract, "Japan and Saudi Arabia discussed oil on Sunday. Prince Abdulaziz bin Salman told the "
                              "visitors that supply would hold.")
    assert people["Abdulaziz bin Salman"][0] != "King"


def test_an_office_of_a_country_s_own_body_after_the_name(extract):
    people = _people(extract, "Kenya and Peru talked. \"Prices fell this week,\" said Mr Otieno Kamau, chairman of "
                              "Kenya Coffee Buyers Association.")
    assert people == {"Otieno Kamau": ("chairman of Kenya Coffee Buyers Association", "KEN")}
    leaders = _people(extract, "Kenya and Peru talked. President of Kenya Jon Roe met the President of Peru Ana Lima.")
    assert leaders["Jon Roe"] == ("President", "KEN")


def test_a_press_secretary_before_a_name(extract):
    people = _people(extract, "Kenya and Peru talked. \"The president is ready,\" press secretary Ana Roe told reporters.")
    assert people["Ana Roe"][0] == "press secretary"
