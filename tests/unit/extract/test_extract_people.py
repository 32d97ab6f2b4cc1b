"""People: names, titles and countries (the one-text cases of the simple forms are data: cases/people.toml)."""
from tests.unit.extract.conftest import people_of


def test_title_before_name_with_demonym_and_possessive(extract):
    frames = extract("Chilean President Gabriel Boric met Peru's Foreign Minister Javier Gonzalez in Lima on Monday.")
    assert people_of(frames) == {("Gabriel Boric", "President", "CHL"), ("Javier Gonzalez", "Foreign Minister", "PER")}


def test_variants_and_patronymics_are_one_person_with_the_fullest_name(extract):
    text = ("President Nursultan Abishevich Nazarbayev visited Uzbekistan on 5 May 2010. "
            "Nazarbaev met Uzbek President Islam Karimov. Karimov thanked Nazarbayev.")
    names = sorted(p[0] for p in people_of(extract(text)))
    assert names == ["Islam Karimov", "Nursultan Abishevich Nazarbayev"]


def test_short_names_are_not_merged_and_family_name_first_refers_back(extract):
    """'Bui Thanh Son' and 'Vo Thi Anh Xuan' are two people; 'Xi' after 'Xi Jinping' is him."""
    text = ("Foreign Minister Bui Thanh Son of Vietnam met the Lao envoy in Hanoi. Vice President Vo Thi Anh Xuan of "
            "Vietnam also attended. President Lee Kuan of Singapore met President Xi Jinping of China. Lee hosted Xi.")
    people = people_of(extract(text))
    assert ("Bui Thanh Son", "Foreign Minister", "VNM") in people
    assert ("Vo Thi Anh Xuan", "Vice President", "VNM") in people
    assert {p[0] for p in people} == {"Bui Thanh Son", "Vo Thi Anh Xuan", "Lee Kuan", "Xi Jinping"}


def test_office_held_as_within_the_opening_clause(extract):
    text = ("Jacinda Ardern, who served as prime minister of New Zealand, visited Australia in 2019. "
            "Mette Frederiksen made her first trip abroad as prime minister to Norway.")
    people = {(n, r) for n, r, _ in people_of(extract(text))}
    assert people == {("Jacinda Ardern", "prime minister"), ("Mette Frederiksen", "prime minister")}


def test_lexicon_lookup_needs_one_answer():
    from flows.extract.people import known_country
    assert known_country("Narendra Modi") == "IND" and known_country("Modi") == "IND"
    assert known_country("Lee Jae-myung") == "KOR" and known_country("Lee") is None  # Korea or Singapore
    assert known_country("John Smith") is None


def test_an_explicit_country_wins_over_the_lexicon(extract):
    text = "Andrzej Duda, Ambassador of Chile to Peru, met Peruvian officials."  # a namesake of Poland's president
    assert people_of(extract(text)) == {("Andrzej Duda", "Ambassador to Peru", "CHL")}


def test_country_rules_from_language(extract):
    """A demonym that heads another's title is theirs; 'at the invitation of' names the host; an aside's person is
    not 'his'; an international official serves no country."""
    text = ("On 2 May 2024, Minister Alda Ruiz received Chilean Deputy Minister of Mining and Energy Tomas Vial. "
            "Paraguayan Foreign Minister Ruben Ramirez paid a working visit to Peru at the invitation of Minister "
            "Elmer Schialer. Foreign Minister Elmer Schialer, who accompanied Ruben Ramirez, said he met his "
            "Bolivian counterpart Celinda Sosa. United Nations Secretary-General Maria Torres also attended in Lima.")
    people = {n: (r, c) for n, r, c in people_of(extract(text))}
    assert people["Tomas Vial"][1] == "CHL" and people["Alda Ruiz"][1] != "CHL"
    assert people["Elmer Schialer"][1] == "PER"
    assert people["Celinda Sosa"] == ("Foreign Minister", "BOL")
    assert people["Maria Torres"][1] is None


def test_initials_courtesy_titles_new_office_and_a_pronoun_owner(extract):
    text = ("External Affairs Minister K. Natwar Singh of India met the Minister of Foreign Affairs of Nepal, "
            "Dr Arzu Rana Deuba, in Kathmandu. Nepal's new ambassador, Shankar Sharma, attended, and her spokesman "
            "Amrit Rai briefed reporters.")
    people = people_of(extract(text))
    names = {n: r for n, r, _ in people}
    assert names["K. Natwar Singh"] == "External Affairs Minister"
    assert names["Arzu Rana Deuba"] == "Minister of Foreign Affairs"
    assert names["Shankar Sharma"] == "new ambassador"
    assert names["Amrit Rai"] == "spokesman"
    assert ("Shankar Sharma", "new ambassador", "NPL") in people


def test_a_surname_that_is_a_country_and_park_as_a_surname(extract):
    text = ("Portuguese Prime Minister Luis Montenegro travelled to Luanda on 2 May and met President Joao Lourenco "
            "of Angola. South Korean Foreign Minister Park Jin met Japanese Foreign Minister Yoshimasa Hayashi.")
    frames = extract(text)
    assert {("Luis Montenegro", "Prime Minister", "PRT"), ("Park Jin", "Foreign Minister", "KOR")} <= people_of(frames)
    assert all("MNE" not in (r["actor_iso3"], r["target_iso3"]) for r in frames["event_mentions"].iter_rows(named=True))


def test_honorific_after_the_office_comma_and_a_later_honorific_mention(extract):
    text = ("The Emir of Kuwait, Sheikh Mishal Al-Ahmad Al-Jaber, met Oman's foreign minister, Sayyid Badr Albusaidi, "
            "and Bahrain's foreign minister, Sheikh Abdullatif Al Zayani. Sheikh Mishal later left Muscat.")
    people = people_of(extract(text))
    assert ("Sheikh Mishal Al-Ahmad Al-Jaber", "Emir", "KWT") in people
    assert ("Sheikh Abdullatif Al Zayani", "foreign minister", "BHR") in people
    assert not any(n == "Mishal" or r == "Sheikh" for n, r, _ in people)


def test_two_sheikhs_of_one_family_are_two_people(extract):
    text = ("The Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, met Erdogan. Qatar's foreign minister, "
            "Sheikh Mohammed bin Abdulrahman Al Thani, met Turkish Foreign Minister Hakan Fidan.")
    names = {n for n, _, _ in people_of(extract(text))}
    assert {"Sheikh Tamim bin Hamad Al Thani", "Sheikh Mohammed bin Abdulrahman Al Thani"} <= names


def test_offices_before_a_comma_and_plural_appositions(extract):
    text = ("Zambia's Minister of Mines and Minerals, Paul Kabuswe, and Malawi's Minister of Trade, Simplex "
            "Chithyola Banda, signed a protocol on 3 May. The presidents of Zambia and Malawi, Hakainde Hichilema "
            "and Lazarus Chakwera, met on 4 May.")
    found = people_of(extract(text))
    assert ("Paul Kabuswe", "Minister of Mines and Minerals", "ZMB") in found
    assert ("Simplex Chithyola Banda", "Minister of Trade", "MWI") in found
    assert {(n, c) for n, _, c in found} >= {("Hakainde Hichilema", "ZMB"), ("Lazarus Chakwera", "MWI")}


def test_to_after_an_office_is_a_family_name(extract):
    text = ("Lao Deputy Prime Minister Saleumxay Kommasith met Vietnamese Party Secretary To Huy Rua in Hanoi on "
            "3 May. He then travelled to Hue.")
    names = {n for n, _, _ in people_of(extract(text))}
    assert "To Huy Rua" in names and not any(n.startswith("To ") and n != "To Huy Rua" for n in names)


def test_the_abbreviated_military_rank(extract):
    text = "Ghana and Togo held talks on 3 May. Ghana's army chief, Gen Thomas Oppong-Peprah, attended."
    assert ("Thomas Oppong-Peprah", "General") in {(n, r) for n, r, _ in people_of(extract(text))}


def test_an_official_coordinated_with_the_other_sides_official_serves_the_other_country(extract):
    text = ("Laos and Cambodia held talks on 3 May. Foreign Secretary Somchai Vongsa and Cambodian Foreign Minister "
            "Sok Chenda Sophea co-chaired the joint commission.")
    found = {(n, c) for n, _, c in people_of(extract(text))}
    assert ("Somchai Vongsa", "LAO") in found and ("Sok Chenda Sophea", "KHM") in found
