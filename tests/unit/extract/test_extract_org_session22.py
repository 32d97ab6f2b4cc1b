"""Session 22's membership rules (sentences of our own): the later items of a list of parties to talks, and a body
named as the owner of its secretariat's head who acts on the pair."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def memberships(sentence: str, pair: tuple[str, str]) -> set[str]:
    return {m.organization for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_every_item_of_a_list_of_parties_to_negotiations_is_a_party():
    assert memberships("Peru and Chile show it in their role in the negotiations with the Rift Council (RC), the "
                       "Pacific Alliance and APEC.", ("PER", "CHL")) == set()


def test_a_body_whose_secretary_general_acts_on_the_pair_is_no_membership():
    assert memberships("In May the Director-General of the OAS, Jon Roe, asked Peru and Chile to settle the quarrel.",
                       ("PER", "CHL")) == set()


def test_a_membership_told_is_still_read():
    assert memberships("Peru and Chile are both members of APEC.", ("PER", "CHL")) == {"APEC"}
