"""Session 15 (organizations on r1-r13): a name with an en dash or a small number inside, a membership verb
after 'when' that has its own subject, and a side joined to 'the other members of' a body. Every sentence here is
made up."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def found(sentence: str, pair: tuple[str, str]) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_a_name_with_an_en_dash_or_a_small_number_inside_is_whole():
    assert found("Chile and Kenya are both members of the Forum of Andes–Rift Cooperation and the Friends 7 Group.",
                 ("CHL", "KEN")) == {("Forum of Andes–Rift Cooperation", ("CHL", "KEN")),
                                     ("Friends 7 Group", ("CHL", "KEN"))}


def test_a_year_after_a_name_is_no_part_of_it():
    assert found("Chile and Kenya are both members of the Rift Council in 2019 and the Andes Club.",
                 ("CHL", "KEN")) == {("Rift Council", ("CHL", "KEN")), ("Andes Club", ("CHL", "KEN"))}


def test_a_clause_after_when_has_its_own_subject():
    assert found("Chile-Kenya ties date back to 1920, when many Kenyan sailors joined the Imperial Merchant Navy.",
                 ("CHL", "KEN")) == set()


def test_a_side_and_the_other_members_of_a_body():
    assert found("In 1960, Kenya and the other members of the East African Community protested to Chile.",
                 ("CHL", "KEN")) == {("EAC", ("KEN",))}
