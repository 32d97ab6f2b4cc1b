"""Session 24 (people24): roles and lists on sentences made up for the purpose."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def _people(extract, sentence: str) -> set[tuple]:
    return people_of(extract(f"Chile and Peru relations.\n\n{sentence}\n"))


def test_a_hyphenated_vice_minister_after_a_comma(extract) -> None:
    assert _people(extract, '"We met them," Jon Roe, a Chilean vice-minister of mining, told reporters on Monday.') == {
        ("Jon Roe", "vice-minister of mining", "CHL")}


def test_a_commercial_counselor_of_an_embassy(extract) -> None:
    assert _people(extract, "According to Jon Roe, commercial counselor of the Peruvian Embassy in Chile, firms "
                            "grew.") == {("Jon Roe", "commercial counselor", "PER")}


def test_a_business_attache_before_the_name(extract) -> None:
    assert _people(extract, "Peruvian business attache Jon Roe said his country planned more.") == {
        ("Jon Roe", "business attache", "PER")}


def test_business_alone_is_no_title(extract) -> None:
    assert _people(extract, "The business of Jon Roe in Peru grew.") == {("Jon Roe", None, "PER")}


def test_plural_heads_of_state_each_before_a_dash_and_courtesy_names(extract) -> None:
    assert _people(extract, "From the Peruvian side, their Presidents - Mr. Jon Roe (1976 & 1983) and Mr. Paul Kerr "
                            "in 1998, and Prime Ministers – Mr. Ana Lima (1974, & 1980) and Mr. Eva Dunn in 2007.") == {
        ("Jon Roe", "President", "PER"), ("Paul Kerr", "President", "PER"), ("Ana Lima", "Prime Minister", "PER"),
        ("Eva Dunn", "Prime Minister", "PER")}


def test_a_dash_after_plural_presidents_with_no_names_is_no_list(extract) -> None:
    assert _people(extract, "The Presidents - who met in Lima - signed a pact.") == set()


def test_a_list_before_the_other_sides_turn_is_the_first_side(extract) -> None:
    text = ("Peru and Chile relations\n\nRelations between Peru and Chile are warm.\n\nBilateral visits include those "
            "by Vice-President Jon Roe (1954), President Ana Soto (1976) and President Eva Dunn (1980). From the "
            "Chilean side, their Presidents - Mr. Paul Kerr (1976) and Mr. Tom Poe in 1998.\n")
    assert people_of(extract(text)) == {
        ("Jon Roe", "Vice-President", "PER"), ("Ana Soto", "President", "PER"), ("Eva Dunn", "President", "PER"),
        ("Paul Kerr", "President", "CHL"), ("Tom Poe", "President", "CHL")}


def test_no_turn_keeps_the_country_named_last(extract) -> None:
    text = ("Peru and Chile relations\n\nRelations between Peru and Chile are warm.\n\nBilateral visits include those "
            "by President Ana Soto (1976). On the whole, trade grew.\n")
    assert people_of(extract(text)) == {("Ana Soto", "President", "CHL")}
