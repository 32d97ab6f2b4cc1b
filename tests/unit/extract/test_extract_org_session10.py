"""Session 10 (organizations on r1-r10): memberships told of one side, bodies both sides act within, agreements
that are no bodies, and the name a membership is keyed by. Every sentence here is made up."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def found(sentence: str, pair: tuple[str, str]) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_their_regions_in_brackets_give_each_side_its_own_body():
    # the EU's member list holds Portugal only, ECOWAS's Ghana only (session 11 gave ECOWAS its list): each side
    # its own body, told of one side, a row all the same
    assert found("Ghana and Portugal reviewed the situation of both nations and their regions (ECOWAS and the "
                 "European Union).", ("GHA", "PRT")) == {("ECOWAS", ("GHA",)), ("EU", ("PRT",))}
    # only named, with no bracket after the sides' regions: still no membership of one side
    assert found("Ghana and Portugal said the plan is a priority of the European Union.", ("GHA", "PRT")) == set()


def test_a_trade_agreement_in_a_list_of_agreements_is_no_body():
    assert found("Free trade agreements, including the CPTPP and the RCEP, open new markets to both countries.",
                 ("VNM", "AUS")) == set()
    # said as a body both work in, it stays
    assert found("\"We are working together in the RCEP,\" both ministers said.", ("VNM", "AUS")) == {
        ("RCEP", ("VNM", "AUS"))}


def test_a_known_name_inside_a_hyphenated_name_is_no_membership():
    assert found("Both ministers praised the new ASEAN-Korea Centre in Seoul.", ("VNM", "KOR")) == set()


def test_bodies_both_sides_act_within_the_framework_of():
    assert found("The two ministers reviewed regional issues within the framework of the Union of Andean Nations "
                 "and the United Nations.", ("PER", "BOL")) == {
        ("Union of Andean Nations", ("PER", "BOL")), ("United Nations", ("PER", "BOL"))}
    # an anniversary, a partnership or a bilateral body is no body the sides belong to
    assert found("The two leaders met within the framework of the 30th Anniversary of Relations.", ("PER", "BOL")) == set()
    assert found("The two sides worked within the framework of the Strategic Partnership Agreement.",
                 ("PER", "BOL")) == set()
    assert found("Both sides met within the framework of the Peru-Bolivia Joint Commission.", ("PER", "BOL")) == set()


def test_a_listed_body_that_is_one_sides_other_party():
    # Peru is the bloc's other party, so Brazil (on the bloc's member list) is the member
    assert found("The tariff schedule of the agreement between MERCOSUR and Peru was completed in May.",
                 ("BRA", "PER")) == {("MERCOSUR", ("BRA",))}
    assert found("Talks between Peru and the European Union resumed.", ("ESP", "PER")) == {("EU", ("ESP",))}
    # neither side other than the named one is on the list: nothing
    assert found("The tariff schedule of the agreement between MERCOSUR and Peru was completed.", ("CHL", "PER")) == set()


def test_a_capital_that_opens_a_longer_name_is_a_body():
    assert found("Slovakia and Romania are both members of the Bucharest Nine.", ("SVK", "ROU")) == {
        ("Bucharest Nine", ("SVK", "ROU"))}
    # countries joined by 'and' stay countries
    assert found("Slovakia and Romania are both members of NATO, as are Poland and Hungary.", ("SVK", "ROU")) == {
        ("NATO", ("SVK", "ROU"))}


def keyed(sentence: str, pair: tuple[str, str]) -> set[tuple[str, str | None]]:
    """(organization, acronym): the warehouse keys an organization by its acronym, else its name."""
    return {(m.organization, m.acronym) for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_an_acronym_of_another_language_keeps_the_name_as_the_key():
    assert keyed("Both countries are members of the Andean Trade Union (UNACO).", ("PER", "BOL")) == {
        ("Andean Trade Union", None)}
    # a known acronym stays the key, whatever its language
    assert keyed("Chile and Peru both belong to the Union of South American Nations (UNASUR).", ("CHL", "PER")) == {
        ("UNASUR", "UNASUR")}


def test_a_known_name_listed_in_full_gets_its_acronym():
    # one key with 'the EU' named elsewhere in the text
    assert keyed("Both countries are members of the European Union and of the Andean Community.", ("ESP", "PRT")) == {
        ("European Union", "EU"), ("Andean Community", None)}
    # an acronym that is no initials of the name is not given: the name stays the key
    assert keyed("Cuba and Bolivia are both members of the Bolivarian Alliance for the Peoples of Our America.",
                 ("CUB", "BOL")) == {("Bolivarian Alliance for the Peoples of Our America", None)}


def test_a_body_named_with_its_member_noun_when_both_sides_are_on_its_list():
    # no pair cue in the sentence: 'Forum countries' names the members, and both sides are on the list
    assert found("Visas will be extended for nationals of Pacific Islands Forum countries.", ("NZL", "TON")) == {
        ("PIF", ("NZL", "TON"))}
    # one side off the list: nothing
    assert found("Visas will be extended for nationals of Pacific Islands Forum countries.", ("NZL", "CHN")) == set()


def test_taking_part_in_a_bodys_mission_is_work_inside_it():
    assert found("Estonia thanked Norway for its part in the NATO air policing mission.", ("EST", "NOR")) == {
        ("NATO", ("EST", "NOR"))}
    # a mere modifier stays none
    assert found("Estonia and Norway discussed the NATO air policing mission.", ("EST", "NOR")) == set()
