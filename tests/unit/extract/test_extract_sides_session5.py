"""Person countries and shared organizations read in session 5 (issue 11), on sentences of our own: a counterpart's
side beats a guess from the venue, and 'As members of X and Y, A and B ...' names its members after the list."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def _memberships(frames) -> set[tuple]:
    return {(r["country_iso3"], r["organization"]) for r in frames["memberships"].iter_rows(named=True)}


def test_a_counterpart_serves_the_other_side_even_when_the_venue_names_his(extract):
    text = ("Seoul, 3 May 2016\n\nForeign minister Kim Jae-won and his Mongolian counterpart, Baatar Tseren, met in "
            "Ulaanbaatar on Tuesday.\n\nSouth Korea and Mongolia agreed to expand trade.")
    countries = {name: country for name, _, country in people_of(extract(text))}
    assert countries == {"Kim Jae-won": "KOR", "Baatar Tseren": "MNG"}


def test_members_named_after_a_leading_membership_list(extract):
    text = ("Windhoek, 3 May 2024\n\nNamibia and Botswana signed a deal.\n\nAs members of the Southern African "
            "Customs Union (SACU) and the SADC, Namibia and Botswana cooperate in trade.")
    assert _memberships(extract(text)) == {("NAM", "SACU"), ("BWA", "SACU"), ("NAM", "SADC"), ("BWA", "SADC")}


def test_a_regional_group_known_as_data(extract):
    text = ("Warsaw, 3 May 2024\n\nPoland and Czechia have close ties, thanks to regional cooperation (especially "
            "within the Visegrad Group).\n\nPoland and Czechia met again.")
    assert _memberships(extract(text)) == {("POL", "Visegrad Group"), ("CZE", "Visegrad Group")}
