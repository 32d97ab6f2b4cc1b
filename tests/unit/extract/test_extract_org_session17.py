"""Session 17 (organizations on r1-r14): list items after an acronym and at a doubled 'and', the bodies named after
'cooperate in international fora, including', a body's presidency as one member's office, a meeting on the
sidelines of a summit, and an acronym in brackets before a noun it modifies. Every sentence here is made up."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def found(sentence: str, pair: tuple[str, str]) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_an_acronym_ends_a_list_item_before_and():
    # 'BRICS and Andes Nine Forum' are two bodies: a name's own words are no capitals-only word
    assert found("Peru and Ghana are members of the Rift Council, BRICS and Andes Nine Forum.", ("PER", "GHA")) == {
        ("Rift Council", ("PER", "GHA")), ("BRICS", ("PER", "GHA")), ("Andes Nine Forum", ("PER", "GHA"))}
    # an acronym that opens a longer name keeps it whole
    assert found("Peru and Ghana are members of the GUAM Organization for Democracy and Economic Development.",
                 ("PER", "GHA")) == {("GUAM", ("PER", "GHA"))}


def test_a_doubled_and_splits_two_names():
    assert found("Peru and Ghana fund soil research as members of the Andes Soil Council and and Rift Water Network.",
                 ("PER", "GHA")) == {("Andes Soil Council", ("PER", "GHA")), ("Rift Water Network", ("PER", "GHA"))}


def test_bodies_named_after_cooperation_in_international_fora():
    assert found("The two countries cooperate closely in multilateral fora, such as the UN and the WTO.",
                 ("PER", "GHA")) == {("UN", ("PER", "GHA")), ("WTO", ("PER", "GHA"))}
    assert found("Both sides coordinate in international organisations, including in the OAS and G20.",
                 ("PER", "CHL")) == {("OAS", ("PER", "CHL")), ("G20", ("PER", "CHL"))}
    # fora with no body named give nothing
    assert found("Both countries cooperate in international fora on climate.", ("PER", "GHA")) == set()


def test_a_bodys_presidency_is_one_members_office():
    assert found("Ties grew during Brazil's G20 Presidency, as both nations sought a wider voice.",
                 ("BRA", "PER")) == set()


def test_a_meeting_on_the_sidelines_of_a_summit_is_no_membership():
    assert found("Our premiers talked at length on the sidelines of a G20 summit in Osaka.", ("JPN", "AUS")) == set()
    # the acronym in brackets modifies the meeting noun after it
    assert found("Both envoys spoke once more on the sidelines of a Shanghai Cooperation Organization (SCO) summit.",
                 ("KAZ", "UZB")) == set()
    # a member noun after the bracket still names the members
    assert found("Both premiers thanked each Association of Southeast Asian Nations (ASEAN) member state.",
                 ("IDN", "MYS")) == {("ASEAN", ("IDN", "MYS"))}


def test_a_known_meeting_named_after_on_the_sidelines_of_is_no_membership():
    # the name is the meeting itself: still beside it
    assert found("Both premiers talked briefly on the sidelines of the 19th East Asia Summit in Hanoi.", ("NZL", "IND")) == set()
    # a bracket that closes the sentence's own aside is no acronym's: the name before it is read as usual
    assert found("Both value regional work (especially within the Visegrad Group) and cooperation at EU level.",
                 ("POL", "CZE")) == {("Visegrad Group", ("POL", "CZE")), ("EU", ("POL", "CZE"))}


def test_member_states_of_is_a_membership_verb():
    assert found("Peru and Chile are both member states of the Rift Council and the OAS.", ("PER", "CHL")) == {
        ("Rift Council", ("PER", "CHL")), ("OAS", ("PER", "CHL"))}
    assert found("As member countries of the Andes Club, Peru and Chile back the plan.", ("PER", "CHL")) == {
        ("Andes Club", ("PER", "CHL"))}


def test_work_closely_together_in_international_fora():
    assert found("Peru and Chile also work closely together in global fora, notably at the UN.", ("PER", "CHL")) == {
        ("UN", ("PER", "CHL"))}
