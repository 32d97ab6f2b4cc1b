"""Names listed after a plural office (flows/extract/list_offices.py), on sentences made up for the purpose."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def _people(extract, sentence: str) -> set[tuple]:
    return people_of(extract(f"Chile and Peru relations.\n\n{sentence}\n"))


def test_ambassadors_of_a_sender_to_a_host_after_a_colon(extract) -> None:
    assert _people(extract, "Former ambassadors of Peru in Chile: Ana Soto, Jon Roe and Eva Dunn.") == {
        ("Ana Soto", "Ambassador", "PER"), ("Jon Roe", "Ambassador", "PER"), ("Eva Dunn", "Ambassador", "PER")}


def test_a_possessive_sender_and_years_in_brackets(extract) -> None:
    assert _people(extract, "Chile's ambassadors to Peru have included Ana Soto (1990-1994) and Jon Roe "
                            "(1994-1998).") == {("Ana Soto", "Ambassador", "CHL"), ("Jon Roe", "Ambassador", "CHL")}


def test_honorary_consuls_with_their_cities(extract) -> None:
    assert _people(extract, "Peruvian honorary consuls in Chile are Ana Soto in Arica and Jon Roe in Iquique.") == {
        ("Ana Soto", "Honorary Consul", "PER"), ("Jon Roe", "Honorary Consul", "PER")}


def test_the_plural_on_the_first_word(extract) -> None:
    assert _people(extract, "The Chilean Consuls General in Peru were Ana Soto and Jon Roe.") == {
        ("Ana Soto", "Consul General", "CHL"), ("Jon Roe", "Consul General", "CHL")}


def test_an_office_with_a_verb_and_no_names_is_no_list(extract) -> None:
    assert _people(extract, "The ambassadors were received by the minister on Monday.") == set()
