"""People forms read in session 9 (issue 11): each test is one phenomenon, on a text of our own."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def test_form_of_address_right_after_the_title_needs_no_comma(extract) -> None:
    # 'Mr.' between the office and the name: the office is the role, the country the demonym's
    frames = extract("Peruvian Foreign Minister Mr. Pablo Soto called on Prime Minister Ana Lima in Santiago, Chile.")
    assert ("Pablo Soto", "Foreign Minister", "PER") in people_of(frames)


def test_form_of_address_after_the_comma_needs_no_closing_comma(extract) -> None:
    frames = extract("The President of the Republic of Peru, H.E. Dr. Pablo Soto will host a delegation from Chile.")
    assert ("Pablo Soto", "President", "PER") in people_of(frames)


def test_a_rank_after_the_comma_is_a_form_of_address(extract) -> None:
    frames = extract("The Peruvian Army Chief of Defence Staff, Gen. Pablo Soto and his officers visited Chile.")
    assert ("Pablo Soto", "Army Chief of Defence Staff", "PER") in people_of(frames)


def test_counterpart_with_a_demonym_and_no_possessive(extract) -> None:
    # 'Peruvian counterpart X': the other's office, the demonym's country
    frames = extract("Chilean President Ana Lima and Peruvian counterpart Pablo Soto met in Santiago on Tuesday.")
    assert people_of(frames) == {("Ana Lima", "President", "CHL"), ("Pablo Soto", "President", "PER")}


def test_counterpart_before_a_title(extract) -> None:
    # 'his Chilean counterpart President X': the title's name is the counterpart
    frames = extract("Peru's President Ana Lima and her Chilean counterpart President Pablo Soto signed a treaty.")
    assert people_of(frames) == {("Ana Lima", "President", "PER"), ("Pablo Soto", "President", "CHL")}


def test_lower_case_office_opening_the_sentence(extract) -> None:
    # 'Foreign minister X' at the start: the capital is the sentence's, the office a lower-case one
    frames = extract("Foreign minister Ana Lima and his Chilean counterpart, Pablo Soto, met in Santiago on Tuesday.")
    assert ("Ana Lima", "Foreign minister", None) in {(n, r, None) for n, r, _ in people_of(frames)}
    assert ("Pablo Soto", "Foreign minister", "CHL") in people_of(frames)


def test_short_form_of_an_office_in_brackets(extract) -> None:
    frames = extract("Before this, the Minister of Industry and Commerce (MoIC), Pablo Soto, said that trade with "
                     "Chile rose.")
    assert {(n, r) for n, r, _ in people_of(frames)} == {("Pablo Soto", "Minister of Industry and Commerce")}


def test_a_committee_on_a_portfolio(extract) -> None:
    frames = extract("The Chilean Chairperson of the Committee on Finance, Banking and Financial Institutions, "
                     "Mr. Pablo Soto, met Peru's trade minister Ana Lima.")
    assert ("Pablo Soto", "Chairperson of the Committee on Finance, Banking and Financial Institutions",
            "CHL") in people_of(frames)
    assert not any(name == "Banking" for name, _, _ in people_of(frames))


def test_country_right_after_the_name(extract) -> None:
    # 'X of the Republic of B', 'the election of X as the president of B'
    frames = extract("President Ana Lima will host her counterpart Pablo Soto of the Republic of Chile on Monday.")
    assert ("Pablo Soto", "President", "CHL") in people_of(frames)
    frames = extract("In 2020 the election of former minister Pablo Soto as the president of Chile set ties with "
                     "Peru on a new path.")
    assert people_of(frames) == {("Pablo Soto", "former minister", "CHL")}


def test_leader_whole_name_wins_over_an_initial_and_family_name(extract) -> None:
    # 'Sheikh Hasina' is a row of leaders.csv; 'Samia Suluhu Hassan' shares her folded family name and initial
    frames = extract("Prime Minister Sheikh Hasina met Nepal's foreign minister Pablo Soto in Dhaka.")
    assert ("Sheikh Hasina", "Prime Minister", "BGD") in people_of(frames)


def test_nickname_in_quotes_inside_a_name(extract) -> None:
    frames = extract('Peruvian President Pablo "Pepe" Soto met Chilean President Ana Lima. Soto said so.')
    assert people_of(frames) == {('Pablo "Pepe" Soto', "President", "PER"), ("Ana Lima", "President", "CHL")}


def test_two_particles_inside_a_name(extract) -> None:
    frames = extract("Chilean Foreign Minister Ana de la Vega met Peruvian Foreign Minister Pablo Soto.")
    assert ("Ana de la Vega", "Foreign Minister", "CHL") in people_of(frames)


def test_a_shorter_form_is_the_same_person(extract) -> None:
    # a paternal surname before the maternal one, a middle name alone, a first and middle name
    frames = extract("The President of Peru, Pablo Andrés Soto Rivera, met the President of Chile, Ana Maria "
                     "Rojas Costa. President Soto said so. President Rojas agreed. Later President Ana Maria spoke.")
    assert people_of(frames) == {("Pablo Andrés Soto Rivera", "President", "PER"),
                                 ("Ana Maria Rojas Costa", "President", "CHL")}


def test_an_article_and_family_name_is_the_same_person_but_a_regnal_number_is_not(extract) -> None:
    frames = extract("President Omar Ould Cheikh El Hadi received Chilean Foreign Minister Pablo Soto in Nouakchott. "
                     "Soto met with El Hadi. Soto and Al Hadi spoke. Later Soto met King Omar II.")
    assert {n for n, _, _ in people_of(frames)} == {"Omar Ould Cheikh El Hadi", "Pablo Soto", "Omar II"}


def test_a_name_after_a_form_of_address_is_read_once(extract) -> None:
    # a later sentence names the known person after 'Dato’ Seri' again: no second person 'Seri Ana Lima'
    frames = extract("Prime Minister Dato' Seri Pablo Soto met Chile. Prime Minister Dato’ Seri Pablo Soto "
                     "then met Peru's President Ana Rojas.")
    assert {n for n, _, _ in people_of(frames)} == {"Pablo Soto", "Ana Rojas"}


def test_two_holders_of_a_one_holder_office_serve_two_countries(extract) -> None:
    # Petr Fiala is a row of leaders.csv (Czech Republic): the other prime minister is the pair's other side
    frames = extract("The Czech Republic and Slovakia held a joint government meeting. Prime Ministers Petr Fiala "
                     "and Jan Novak discussed the war in Ukraine.")
    assert ("Jan Novak", "Prime Minister", "SVK") in people_of(frames)
    # 'Ministers' is no one-holder office: two ministers of one government stay as they are
    frames = extract("The Czech Republic and Slovakia held a joint government meeting. Czech Ministers Petr Holub "
                     "and Jan Novak discussed trade.")
    assert {c for _, _, c in people_of(frames)} == {"CZE"}


def test_office_and_body_nouns_are_no_names(extract) -> None:
    frames = extract("Exports to Peru rose, citing data from Chile's General Department of Customs and the "
                     "General Directorate of Trade.")
    assert people_of(frames) == set()


def test_a_place_word_before_a_body_is_part_of_the_office(extract) -> None:
    frames = extract("Chile aims to lift trade with Peru, Chairman of Arica Regional Council Pablo Soto has said.")
    assert {(n, r) for n, r, _ in people_of(frames)} == {("Pablo Soto", "Chairman of Arica Regional Council")}


def test_an_initial_with_no_full_stop_opens_a_name(extract) -> None:
    frames = extract("Chile's then Foreign Minister P Soto signed a communique with his Peruvian counterpart, Ana Rojas.")
    assert ("P Soto", "then Foreign Minister", "CHL") in people_of(frames)


def test_cabinet_chief_is_an_office(extract) -> None:
    frames = extract("Peru's president arrived in Chile, accompanied by Cabinet Chief Pablo Soto and Economy "
                     "Minister Ana Rojas.")
    assert ("Pablo Soto", "Cabinet Chief") in {(n, r) for n, r, _ in people_of(frames)}


def test_joined_by_is_a_companion_and_a_destination_is_not_the_companion_country(extract) -> None:
    # the country right before the cue is where the party went ('to Chile'), not the companion's
    frames = extract("The Maldivian President travelled to Chile, joined by First Lady Ana Rojas.")
    assert people_of(frames) == {("Ana Rojas", "First Lady", "MDV")}


def test_a_form_of_address_before_a_first_name_is_no_part_of_it(extract) -> None:
    frames = extract("Peruvian Prime Minister Sir Pablo Soto visited Chile. Sir Pablo was appointed in July.")
    assert people_of(frames) == {("Pablo Soto", "Prime Minister", "PER")}


def test_a_one_word_known_name_takes_no_longer_name_of_another(extract) -> None:
    # 'Sheikh Hasina' is 'Hasina' without the honorific; 'Hasan Mahmud' folds its first word alike and is another man
    frames = extract("Prime Minister Sheikh Hasina arrived in New Delhi. Foreign Minister Hasan Mahmud told reporters.")
    assert {n for n, _, _ in people_of(frames)} == {"Sheikh Hasina", "Hasan Mahmud"}


def test_former_before_the_owner_demonym_stays_in_the_office(extract) -> None:
    frames = extract("Lula met with his old friend, former Uruguayan President Pablo Soto, in Montevideo.")
    assert ("Pablo Soto", "former President", "URY") in people_of(frames)


def test_a_lower_case_foreign_affairs_minister(extract) -> None:
    frames = extract("The foreign affairs minister, Pablo Soto, said Chile had lodged a protest against Peru.")
    assert {(n, r) for n, r, _ in people_of(frames)} == {("Pablo Soto", "foreign affairs minister")}


def test_the_first_lady_in_lower_case(extract) -> None:
    frames = extract("The Colombian president waited at the door, along with the first lady, Ana Rojas.")
    assert people_of(frames) == {("Ana Rojas", "first lady", "COL")}


def test_a_short_patronymic_glued_to_the_name(extract) -> None:
    frames = extract("Peruvian President Kh.Soto and Chilean President Ana Rojas met in Lima.")
    assert ("Kh.Soto", "President", "PER") in people_of(frames)


def test_arap_and_wa_are_name_particles(extract) -> None:
    frames = extract("President Pablo arap Soto of Peru met President Ana wa Rojas of Chile.")
    assert people_of(frames) == {("Pablo arap Soto", "President", "PER"), ("Ana wa Rojas", "President", "CHL")}


def test_a_person_whose_sentence_names_the_pair_only_as_a_destination_is_the_other_side(extract) -> None:
    frames = extract("Italy and Tunisia are close partners. This visit follows up on the state visit paid by "
                     "President Pablo Soto to Italy on 8 February 2017.")
    assert people_of(frames) == {("Pablo Soto", "President", "TUN")}


def test_a_side_heading_gives_its_country_to_the_whole_list_under_it(extract) -> None:
    text = ("The leaders of Peru and Chile met in Lima on 2 February 2023.\n\n"
            "The heads of government were accompanied by ministerial delegations:\n"
            "On the Peruvian side:\n\n"
            "  • Mr. Pablo SOTO, Minister of the Interior\n"
            "  • Ms. Ana ROJAS, Minister of Energy\n"
            "  • Mr. Luis PAZ, Minister of Trade\n"
            "  • Ms. Eva LUNA, Minister of Water\n"
            "  • Mr. Juan VERA, Minister of Health\n")
    frames = extract(text)
    assert {n: c for n, _, c in people_of(frames)} == {"Pablo SOTO": "PER", "Ana ROJAS": "PER", "Luis PAZ": "PER",
                                                       "Eva LUNA": "PER", "Juan VERA": "PER"}


def test_a_lower_case_head_that_is_also_a_modifier_in_an_apposition(extract) -> None:
    frames = extract("Trade with Chile fell, Pablo Soto, chief of Tacna customs, told reporters in Peru.")
    assert ("Pablo Soto", "chief") in {(n, r) for n, r, _ in people_of(frames)}


def test_trade_people_in_an_apposition(extract) -> None:
    frames = extract("Pablo Soto, an exporter dealing in fruit, said traders in Peru sold less to Chile.")
    assert ("Pablo Soto", "exporter") in {(n, r) for n, r, _ in people_of(frames)}


def test_a_hyphenated_then_before_the_office(extract) -> None:
    frames = extract("Ana Rojas visited Chile in 2012 and met with then-Prime Minister Pablo Soto.")
    assert ("Pablo Soto", "then-Prime Minister") in {(n, r) for n, r, _ in people_of(frames)}
