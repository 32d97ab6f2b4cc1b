from tests.unit.extract.conftest import one_document  # noqa: F401


def orgs(frames) -> set[str]:
    return set(frames["memberships"]["organization"].to_list())


def test_both_countries_members_acronym_preferred(extract):
    text = ("Peru and Chile are neighbours. Both countries are members of the Asia-Pacific Economic Cooperation (APEC) "
            "and the Pacific Alliance, while Peru alone belongs to the Andean Community.")
    frames = extract(text)
    assert orgs(frames) == {"APEC", "Pacific Alliance"}
    assert frames["memberships"].height == 4  # one row per country and organization


def test_capitals_share_memberships_and_one_side_only_is_not_shared(extract):
    text = ("Nairobi and Kampala share memberships in the East African Community (EAC) and the COMESA. "
            "Kenya, a member of the Commonwealth, backs Uganda.")
    assert orgs(extract(text)) == {"EAC", "COMESA"}


def test_three_of_four_countries_and_leading_acronym(extract):
    text = ("Kenya, Uganda and Tanzania are members of the EAC, which Ethiopia has not joined. "
            "Kenya and Ethiopia work together within the IGAD Intergovernmental Authority on Development, alongside Somalia.")
    assert orgs(extract(text)) == {"EAC", "IGAD"}


def test_singular_membership_with_two_subjects_and_joined(extract):
    text = ("Kazakhstan, like Uzbekistan, is a member of the Shanghai Cooperation Organisation (SCO). "
            "Both countries joined the Organization of Turkic States (OTS) in 2009. Kenya is a member of the Commonwealth.")
    assert orgs(extract(text)) == {"SCO", "OTS"}


def test_elliptical_clause_and_bare_both(extract):
    """'..., and are founding members of' shares the earlier subject; 'both are members of' means the pair."""
    text = ("Chile and Argentina signed a border treaty in 1984, and are founding members of the Union of South American "
            "Nations (UNASUR). Chile and Argentina settled the dispute, and both are members of the Rio Group and the OAS.")
    assert orgs(extract(text)) == {"UNASUR", "Rio Group", "OAS"}


def test_as_members_of_with_the_subject_after_the_list(extract):
    text = ("Norway sells gas to Denmark. As fellow members of the Nordic Council and the OECD, the two neighbours "
            "coordinate their climate policy.")
    assert orgs(extract(text)) == {"Nordic Council", "OECD"}


def test_unlike_keeps_a_country_out_and_two_acronym_allies(extract):
    text = ("Norway, unlike Denmark, is not a member of the European Union. Armenia, unlike Georgia, is a member of "
            "the CSTO. The two NATO allies Norway and Denmark are also both members of the Council of the Baltic Sea "
            "States (CBSS).")
    assert orgs(extract(text)) == {"NATO", "CBSS"}


def test_associate_members_and_a_second_members_of(extract):
    text = ("Chile and Peru signed a deal. Both countries are associate or full members of Mercosur and members "
            "of the Organization of American States.")
    assert orgs(extract(text)) == {"Mercosur", "Organization of American States"}


def test_both_members_of_in_an_apposition(extract):
    text = "Qatar and Oman met. The two countries, both members of the GCC, signed a deal."
    assert orgs(extract(text)) == {"GCC"}


def test_an_aside_before_the_verb_and_a_month_after_joined(extract):
    text = ("Latvia and Finland met. Both, however, are members of the Council of the Baltic Sea States. Both "
            "belong to the Nordic Investment Bank, and since Finland joined in April 2023 both are members of NATO.")
    assert orgs(extract(text)) == {"Council of the Baltic Sea States", "Nordic Investment Bank", "NATO"}


def test_a_relative_clause_inside_a_list_of_organizations(extract):
    text = ("Kenya and Somalia met. Both countries belong to the East African Community, which has its seat in "
            "Arusha, and to the African Union, which is based in Addis Ababa.")
    assert orgs(extract(text)) == {"East African Community", "African Union"}


def test_were_joined_in_a_union_is_no_membership(extract):
    text = ("Denmark and Iceland met. The two countries were joined in a union under the Danish crown until 1944. "
            "Both joined the European Free Trade Association.")
    assert orgs(extract(text)) == {"European Free Trade Association"}


def test_known_organizations_named_about_the_pair(extract):
    """A known organization named in a sentence about both ('Both leaders stressed ... APEC') is a shared membership;
    a body of an organization ('OSCE Minsk Group'), a modifier ('European Union fishing rules') and one-sided
    sentences ('unlike', 'path towards') are not (own text: tests/fixtures/texts/p_chile_peru_organizations.txt)."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "p_chile_peru_organizations.txt").read_text()
    frames = extract(text)
    assert orgs(frames) == {"APEC", "Pacific Alliance"}
    assert set(frames["memberships"]["country_iso3"]) == {"CHL", "PER"}
