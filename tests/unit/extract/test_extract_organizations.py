"""Shared memberships (the one-text cases of the simple forms are data: cases/organizations.toml)."""
from tests.unit.extract.conftest import one_document  # noqa: F401


def orgs(frames) -> set[str]:
    return set(frames["memberships"]["organization"].to_list())


def test_both_countries_members_acronym_preferred(extract):
    text = ("Peru and Chile are neighbours. Both countries are members of the Asia-Pacific Economic Cooperation (APEC) "
            "and the Pacific Alliance, while Peru alone belongs to the Andean Community.")
    frames = extract(text)
    assert orgs(frames) == {"APEC", "Pacific Alliance"}
    assert frames["memberships"].height == 4  # one row per country and organization


def test_known_organizations_named_about_the_pair(extract):
    """A known organization named in a sentence about both ('Both leaders stressed ... APEC') is a shared membership;
    a body of an organization ('OSCE Minsk Group'), a modifier ('European Union fishing rules') and one-sided
    sentences ('unlike', 'path towards') are not (own text: tests/fixtures/texts/p_chile_peru_organizations.txt)."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "p_chile_peru_organizations.txt").read_text()
    frames = extract(text)
    assert orgs(frames) == {"APEC", "Pacific Alliance"}
    assert set(frames["memberships"]["country_iso3"]) == {"CHL", "PER"}
