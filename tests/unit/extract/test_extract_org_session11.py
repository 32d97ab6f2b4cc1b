"""Session 11 (organizations on r1-r11): memberships implied by a body's own meeting, by a pronoun subject with
'both', by a member noun after two joined names, by 'a/an X country' of a named side, and other spellings of an
acronym. Every sentence here is made up."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def found(sentence: str, pair: tuple[str, str]) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_both_sides_at_a_bodys_own_meeting():
    # the member list holds both sides: the people at the meeting need no country named
    assert found("Ms Lindqvist and Mr Ortega spoke briefly at the NATO Ministerial meeting in Vilnius.",
                 ("SWE", "ESP")) == {("NATO", ("SWE", "ESP"))}
    assert found("The envoy later led his delegation to the G20 Leaders' Summit in Rome.", ("KOR", "SAU")) == {
        ("G20", ("KOR", "SAU"))}
    assert found("Talks between Canada's premier and India's leader were cool during the G20 leaders meeting.",
                 ("CAN", "IND")) == {("G20", ("CAN", "IND"))}
    # the name is the meeting itself
    assert found("The two envoys last met in Manila during the ASEAN Regional Forum.", ("KOR", "MNG")) == {
        ("ARF", ("KOR", "MNG"))}
    # another spelling of the acronym is the same body
    assert found("Their last talks were held during the G-20 summit in Lima.", ("JPN", "AUS")) == {
        ("G20", ("JPN", "AUS"))}


def test_a_meeting_nobody_is_said_to_attend_is_no_membership():
    assert found("They also reviewed the coming SCO summit.", ("TJK", "UZB")) == set()
    assert found("Following the BRICS summit in Kazan, the minister flew to Delhi.", ("BRA", "IND")) == set()
    # one side off the member list: the meeting says nothing of who went
    assert found("The deal was signed during the 41st ASEAN Summit in Hanoi.", ("PHL", "KOR")) == set()


def test_a_pronoun_subject_with_both_is_the_pair():
    assert found("They are both members of the Andean Council and the Lake Basin Initiative.", ("PER", "BOL")) == {
        ("Andean Council", ("PER", "BOL")), ("Lake Basin Initiative", ("PER", "BOL"))}
    # without 'both' the pronoun may be anyone
    assert found("They are members of the Andean Council.", ("PER", "BOL")) == set()


def test_a_member_noun_after_two_joined_names_is_said_of_each():
    # the Philippines is on ASEAN's list, Canada is not: ASEAN for one side, the listless body for both
    assert found("After the visit to the Philippines, Canada courts buyers among the Association of Southeast Asian "
                 "Nations and APEC economies.", ("CAN", "PHL")) == {
        ("ASEAN", ("PHL",)), ("APEC", ("CAN", "PHL"))}


def test_a_named_side_called_an_organizations_country():
    assert found("The stop in Italy is the president's first in a European Union country.", ("ARG", "ITA")) == {
        ("EU", ("ITA",))}
    # the side named is not on the list: nothing
    assert found("The stop in Chile is the president's first in a European Union country.", ("ARG", "CHL")) == set()


def test_the_meeting_noun_before_the_name_and_a_host():
    assert found("The two presidents met at the summit of the Shanghai Cooperation Organisation.",
                 ("KAZ", "UZB")) == {("SCO", ("KAZ", "UZB"))}
    assert found("Japan hosted the G20 summit in Osaka, where the prime ministers met.", ("JPN", "AUS")) == {
        ("G20", ("JPN", "AUS"))}
    # a bloc's summit with a third country is no meeting of the bloc
    assert found("At the EU-China summit, Spain and France spoke with one voice.", ("ESP", "FRA")) == set()


def test_two_blocs_as_parties_put_each_side_in_its_own():
    assert found("Talks between the European Union and the southern bloc Mercosur were the focus of the visit.",
                 ("ARG", "ITA")) == {("EU", ("ITA",)), ("MERCOSUR", ("ARG",))}
    assert found("The minister said Spain backs the EU-Mercosur deal.", ("ESP", "BRA")) == {
        ("EU", ("ESP",)), ("MERCOSUR", ("BRA",))}
    # both sides in one bloc and neither in the other: no side's own bloc on the other part
    assert found("They reviewed the long talks between Mercosur and the EU.", ("ARG", "URY")) == set()


def test_the_rest_of_a_body_puts_what_is_linked_inside_it():
    assert found("A new cable will link the Iberian grid to the rest of the European Union via France.",
                 ("ESP", "PRT")) == {("EU", ("ESP", "PRT"))}
    # neither side on the member list: nothing
    assert found("A new cable will link the Andean grid to the rest of the European Union.", ("PER", "BOL")) == set()


def test_a_named_side_that_hosted_or_attended_a_meeting_of_a_body_the_other_is_not_in():
    assert found("Ghana hosted the ECOWAS summit in Accra last year.", ("GHA", "ESP")) == {("ECOWAS", ("GHA",))}
    assert found("The Philippine president attended the ASEAN Summit in Manila.", ("PHL", "KOR")) == {
        ("ASEAN", ("PHL",))}
    # a meeting only named as the time of something: no one is said to be there
    assert found("The pact was signed during the ASEAN Summit in Manila by the Philippines.", ("PHL", "KOR")) == set()
