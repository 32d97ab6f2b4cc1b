from datetime import date

from tests.unit.extract.conftest import people_of


def test_title_before_name_with_demonym_and_possessive(extract):
    frames = extract("Chilean President Gabriel Boric met Peru's Foreign Minister Javier Gonzalez in Lima on Monday.")
    assert people_of(frames) == {("Gabriel Boric", "President", "CHL"), ("Javier Gonzalez", "Foreign Minister", "PER")}


def test_apposition_with_of_country_and_ambassador_to(extract):
    text = ("Amina Mohamed, Deputy Minister of Trade and Industry of Kenya, spoke. "
            "Lemma Tessema, Ethiopia's ambassador to Kenya, listened.")
    assert people_of(extract(text)) == {("Amina Mohamed", "Deputy Minister of Trade and Industry", "KEN"),
                                        ("Lemma Tessema", "ambassador to Kenya", "ETH")}


def test_counterpart_takes_the_role_and_the_demonym(extract):
    text = "Prime Minister Abiy Ahmed of Ethiopia held talks with his Kenyan counterpart, Musalia Mudavadi, on Monday."
    assert ("Musalia Mudavadi", "Prime Minister", "KEN") in people_of(extract(text))


def test_other_side_of_a_counterpart_is_the_other_country(extract):
    text = "President Ana Ruiz and her Chilean counterpart Pablo Soto signed a treaty between Peru and Chile on Monday."
    assert ("Ana Ruiz", "President", "PER") in people_of(extract(text))


def test_variants_and_patronymics_are_one_person_with_the_fullest_name(extract):
    text = ("President Nursultan Abishevich Nazarbayev visited Uzbekistan on 5 May 2010. "
            "Nazarbaev met Uzbek President Islam Karimov. Karimov thanked Nazarbayev.")
    names = sorted(p[0] for p in people_of(extract(text)))
    assert names == ["Islam Karimov", "Nursultan Abishevich Nazarbayev"]


def test_alias_in_another_spelling_is_not_a_second_person(extract):
    text = "Uladzimir Kavalenka, Belarus's ambassador to Peru (Vladimir Kovalenko in the Russian spelling), spoke."
    assert people_of(extract(text)) == {("Uladzimir Kavalenka", "ambassador to Peru", "BLR")}


def test_demonym_leader_resolves_the_country(extract):
    text = ("During the state visit of President Sadyr Japarov to Dushanbe on 3 May 2024, "
            "the Kyrgyz leader and his Tajik counterpart Emomali Rahmon signed a border treaty.")
    people = people_of(extract(text))
    assert ("Sadyr Japarov", "President", "KGZ") in people and ("Emomali Rahmon", "President", "TJK") in people


def test_plural_title_distributes_over_names(extract):
    text = "On 9 May 2020, Foreign Ministers Ana Lima of Peru and Jose Vera of Chile signed a declaration."
    assert people_of(extract(text)) == {("Ana Lima", "Foreign Minister", "PER"), ("Jose Vera", "Foreign Minister", "CHL")}


def test_side_phrase_gives_the_country(extract):
    text = ("The council met on Monday, attended by President Ali Bongo on the Gabonese side "
            "and by President Paul Biya on the Cameroonian side.")
    assert people_of(extract(text)) == {("Ali Bongo", "President", "GAB"), ("Paul Biya", "President", "CMR")}


def test_unnamed_people_are_not_listed(extract):
    assert people_of(extract("The Peruvian president met the Chilean foreign minister on Monday.")) == set()


def test_visitor_without_demonym_takes_the_other_country(extract):
    text = "Peru and Chile are neighbours. President Ana Ruiz paid a state visit to Chile on 2 May 2024."
    assert ("Ana Ruiz", "President", "PER") in people_of(extract(text, date(2024, 5, 10)))


def test_formal_ministry_style_titles_with_of_the_republic(extract):
    text = ("On 15 March 2024, the Minister of Foreign Affairs of the Republic of Kazakhstan Murat Nurtleu held a meeting "
            "with the Ambassador of the Socialist Republic of Viet Nam to Kazakhstan Nguyen Van Hai.")
    assert people_of(extract(text)) == {("Murat Nurtleu", "Minister of Foreign Affairs", "KAZ"),
                                        ("Nguyen Van Hai", "Ambassador to Kazakhstan", "VNM")}


def test_plenipotentiary_and_institutions_after_titles(extract):
    text = ("Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Vietnam Yerlan Baudarbek presented his "
            "credentials on 2 May 2024. The President Biden Administration did not comment.")
    assert people_of(extract(text)) == {("Yerlan Baudarbek", "Ambassador to Vietnam", "KAZ")}


def test_short_names_are_not_merged_and_family_name_first_refers_back(extract):
    """'Bui Thanh Son' and 'Vo Thi Anh Xuan' are two people; 'Xi' after 'Xi Jinping' is him."""
    text = ("Foreign Minister Bui Thanh Son of Vietnam met the Lao envoy in Hanoi. Vice President Vo Thi Anh Xuan of "
            "Vietnam also attended. President Lee Kuan of Singapore met President Xi Jinping of China. Lee hosted Xi.")
    people = people_of(extract(text))
    assert ("Bui Thanh Son", "Foreign Minister", "VNM") in people
    assert ("Vo Thi Anh Xuan", "Vice President", "VNM") in people
    assert {p[0] for p in people} == {"Bui Thanh Son", "Vo Thi Anh Xuan", "Lee Kuan", "Xi Jinping"}


def test_honorific_after_an_office_is_part_of_the_name(extract):
    text = ("Kuwaiti Foreign Minister Prince Salem Al-Sabah met Omani Prime Minister Sheikh Khalid Al-Harthy in Muscat.")
    assert people_of(extract(text)) == {("Prince Salem Al-Sabah", "Foreign Minister", "KWT"),
                                        ("Sheikh Khalid Al-Harthy", "Prime Minister", "OMN")}


def test_lower_case_office_after_a_possessive_or_demonym(extract):
    text = ("Chile's foreign minister Alberto Ruiz met Peru's deputy minister for foreign trade, Ana Castro, "
            "and the Bolivian energy minister Luis Arce Mamani.")
    assert people_of(extract(text)) == {("Alberto Ruiz", "foreign minister", "CHL"),
                                        ("Ana Castro", "deputy minister for foreign trade", "PER"),
                                        ("Luis Arce Mamani", "energy minister", "BOL")}


def test_office_held_as_within_the_opening_clause(extract):
    text = ("Jacinda Ardern, who served as prime minister of New Zealand, visited Australia in 2019. "
            "Mette Frederiksen made her first trip abroad as prime minister to Norway.")
    people = {(n, r) for n, r, _ in people_of(extract(text))}
    assert people == {("Jacinda Ardern", "prime minister"), ("Mette Frederiksen", "prime minister")}


def test_well_known_office_holders_take_their_country_from_the_lexicon(extract):
    """No country in the text: the lexicon of office holders, not the nearest country named (Brazil here)."""
    text = ("The summit, hosted by President Vladimir Putin, brought together the leaders of Brazil and India. "
            "President Cyril Ramaphosa and President Emmerson Mnangagwa co-chaired the commission in Harare.")
    people = people_of(extract(text))
    assert ("Vladimir Putin", "President", "RUS") in people
    assert ("Emmerson Mnangagwa", "President", "ZWE") in people and ("Cyril Ramaphosa", "President", "ZAF") in people


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


def test_office_of_a_named_body(extract):
    text = ("Chairman of the Transitional Military Council Ahmed Musa of Chad met Speaker of the National Assembly "
            "Ana Silva of Angola.")
    assert people_of(extract(text)) == {("Ahmed Musa", "Chairman of the Transitional Military Council", "TCD"),
                                        ("Ana Silva", "Speaker of the National Assembly", "AGO")}


def test_a_title_complement_stops_at_since(extract):
    text = ("It was the first visit by a Thai head of government since Hun Manet took office. "
            "Thai Prime Minister Srettha Thavisin met Cambodian Prime Minister Hun Manet.")
    assert ("Hun Manet", "Prime Minister", "KHM") in people_of(extract(text))


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


def test_its_ambassador_to_a_country_serves_the_owner(extract):
    text = "In May 2021 Algeria recalled its ambassador to France, Salah Lebdioui, for consultations."
    assert people_of(extract(text)) == {("Salah Lebdioui", "ambassador to France", "DZA")}


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


def test_a_sentence_opening_with_his_counterpart(extract):
    text = ("Ghana and Togo held talks. Prime Minister Victor Dossou said the talks went well. His Ghanaian "
            "counterpart, Kwame Asante, said five agreements had been signed.")
    found = people_of(extract(text))
    assert ("Kwame Asante", "Prime Minister", "GHA") in found and ("Victor Dossou", "Prime Minister", "TGO") in found


def test_its_office_refers_to_the_country_the_last_sentence_named(extract):
    text = ("Kenya and Uganda signed a deal on 3 May. Rwanda, which borders Uganda, was not part of the talks. "
            "Its president, Jean-Claude Mugabo, is expected in Kampala in June.")
    found = people_of(extract(text))
    assert ("Jean-Claude Mugabo", "president", "RWA") in found


def test_to_after_an_office_is_a_family_name(extract):
    text = ("Lao Deputy Prime Minister Saleumxay Kommasith met Vietnamese Party Secretary To Huy Rua in Hanoi on "
            "3 May. He then travelled to Hue.")
    names = {n for n, _, _ in people_of(extract(text))}
    assert "To Huy Rua" in names and not any(n.startswith("To ") and n != "To Huy Rua" for n in names)


def test_an_office_for_a_list_of_portfolios_with_commas(extract):
    text = "Finland's Minister for Economic Affairs, Business and Labour Wille Rydman met Estonian officials on 3 May."
    assert ("Wille Rydman", "Minister for Economic Affairs, Business and Labour", "FIN") in people_of(extract(text))


def test_the_abbreviated_military_rank(extract):
    text = "Ghana and Togo held talks on 3 May. Ghana's army chief, Gen Thomas Oppong-Peprah, attended."
    assert ("Thomas Oppong-Peprah", "General") in {(n, r) for n, r, _ in people_of(extract(text))}


def test_an_official_coordinated_with_the_other_sides_official_serves_the_other_country(extract):
    text = ("Laos and Cambodia held talks on 3 May. Foreign Secretary Somchai Vongsa and Cambodian Foreign Minister "
            "Sok Chenda Sophea co-chaired the joint commission.")
    found = {(n, c) for n, _, c in people_of(extract(text))}
    assert ("Somchai Vongsa", "LAO") in found and ("Sok Chenda Sophea", "KHM") in found
