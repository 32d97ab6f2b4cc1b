from datetime import date

from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


def test_visit_with_weekday_and_anaphoric_signing(extract):
    text = ("Chilean President Gabriel Boric arrived in Lima on Wednesday for a state visit. "
            "The two presidents signed a treaty on border cooperation.")
    assert events_of(extract(text, PUB)) == {
        ("state_visit", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
        ("agreement_signed", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
    }


def test_unqualified_visit_is_official_and_directed_visitor_to_host(extract):
    text = "Kenyan Foreign Minister Musalia Mudavadi visited Ethiopia in March 2023."
    assert events_of(extract(text, PUB)) == {("official_visit", "KEN", "ETH", date(2023, 3, 1), "month", "occurred")}


def test_capitals_as_metonyms_and_relations(extract):
    text = "Nairobi and Addis Ababa established diplomatic relations on 1 June 1964."
    assert events_of(extract(text, PUB)) == {
        ("diplomatic_relations_established", "KEN", "ETH", date(1964, 6, 1), "day", "occurred")}


def test_negated_and_postponed_events_are_not_events(extract):
    text = ("Egypt and Ethiopia did not sign the water accord on Monday. "
            "A visit by the Egyptian president to Ethiopia, scheduled for 3 March 2023, was postponed. "
            "No bilateral meeting was held between the Egyptian and Ethiopian delegations on Tuesday.")
    assert events_of(extract(text, PUB)) == set()


def test_planned_event_has_status_planned(extract):
    text = "Egypt and Ethiopia met in Cairo in April 2024. The Ethiopian prime minister will pay a visit to Egypt next month."
    events = events_of(extract(text, PUB))
    assert ("official_visit", "ETH", "EGY", date(2024, 6, 1), "month", "planned") in events


def test_embassy_of_the_demonym_in_the_host_capital_and_ellipsis(extract):
    text = ("This was followed by the opening of the Peruvian embassy in Santiago in May 1990 "
            "and that of Chile in Lima in June of the same year.")
    assert events_of(extract(text, PUB)) == {
        ("embassy_opened", "PER", "CHL", date(1990, 5, 1), "month", "occurred"),
        ("embassy_opened", "CHL", "PER", date(1990, 6, 1), "month", "occurred"),
    }


def test_the_latter_is_the_last_country_named(extract):
    text = ("In May 2015, Peruvian President Ollanta Humala paid an official visit to Chile, "
            "whereas the latter visited in June 2017.")
    assert events_of(extract(text, PUB)) == {
        ("official_visit", "PER", "CHL", date(2015, 5, 1), "month", "occurred"),
        ("official_visit", "CHL", "PER", date(2017, 6, 1), "month", "occurred"),
    }


def test_multilateral_meeting_is_not_an_event_but_sideline_talks_are(extract):
    text = ("Foreign ministers of Peru, Chile, Bolivia and Ecuador met in Quito on Monday. "
            "On the sidelines, the Peruvian minister held talks with Chile's Foreign Minister Ana Soto.")
    assert events_of(extract(text, PUB)) == {("meeting", "PER", "CHL", date(2024, 5, 6), "day", "occurred")}


def test_recognition_and_ratification_are_other(extract):
    text = ("Kenya was the first state to recognise the independence of Tanzania, on 9 December 1961. "
            "The Bunge of Tanzania ratified the treaty on 1 February 2022, and Kenya's parliament did the same two days later.")
    events = events_of(extract(text, PUB))
    assert ("other", "KEN", "TZA", date(1961, 12, 9), "day", "occurred") in events
    assert ("other", "KEN", "TZA", date(2022, 2, 3), "day", "occurred") in events


def test_agreement_to_open_consulates_is_one_agreement(extract):
    text = "On 4 April 2024 the two sides signed an agreement on opening consulates general in Arica and Tacna. Peru and Chile are neighbours."
    events = events_of(extract(text, PUB))
    assert events == {("agreement_signed", "PER", "CHL", date(2024, 4, 4), "day", "occurred")} or \
        events == {("agreement_signed", "CHL", "PER", date(2024, 4, 4), "day", "occurred")}


def test_letters_and_anniversary(extract):
    text = ("Kenya and Tanzania marked 60 years of relations at a reception on Tuesday. "
            "On 1 May 2024, Kenyan President William Ruto sent a congratulatory message to his Tanzanian counterpart.")
    events = events_of(extract(text, PUB))
    assert ("anniversary_event", "KEN", "TZA", date(2024, 5, 7), "day", "occurred") in events
    assert ("letters_exchanged", "KEN", "TZA", date(2024, 5, 1), "day", "occurred") in events


def test_joint_project_launched_and_construction_began(extract):
    text = ("Peru and Chile launched a joint venture in 2019, and construction of the shared port began two years later.")
    events = events_of(extract(text, PUB))
    assert ("joint_project", "PER", "CHL", date(2019, 1, 1), "year", "occurred") in events
    assert ("joint_project", "PER", "CHL", date(2021, 1, 1), "year", "occurred") in events


def test_present_perfect_counts_are_not_events(extract):
    text = "Peru and Chile have signed about 40 agreements. The two countries have held many meetings."
    assert events_of(extract(text, PUB)) == set()


def test_undated_lead_event_takes_the_publication_date(extract):
    frames = extract("Peru and Chile signed a fisheries agreement, officials in Lima said.", PUB)
    row = frames["event_mentions"].row(0, named=True)
    assert (row["event_type"], row["event_date"], row["date_resolution"], row["date_text"]) == (
        "agreement_signed", PUB, "publication", None)


def test_anniversary_of_relations_is_not_their_establishment(extract):
    text = ("Kenya and Ethiopia marked the 60th anniversary of the establishment of diplomatic relations on Tuesday. "
            "Diplomatic relations between Kenya and Ethiopia were established in 1964.")
    events = events_of(extract(text, PUB))
    assert events == {("anniversary_event", "KEN", "ETH", date(2024, 5, 7), "day", "occurred"),
                      ("diplomatic_relations_established", "KEN", "ETH", date(1964, 1, 1), "year", "occurred")}


def test_deals_with_companies_and_domestic_acts_are_not_bilateral(extract):
    text = ("Peru and Chile are neighbours. Peru signed a contract with Boeing on 2 May 2024. "
            "The Chilean president signed a decree on 3 May 2024. Peru's minister met with business leaders on Monday.")
    assert events_of(extract(text, PUB)) == set()


def test_a_dated_reference_back_is_not_a_second_event(extract):
    text = ("Kenyan President William Ruto arrived in Addis Ababa on Monday for a state visit to Ethiopia. "
            "The visit, which began on Monday, is his first since 2022.")
    assert events_of(extract(text, PUB)) == {("state_visit", "KEN", "ETH", date(2024, 5, 6), "day", "occurred")}


def test_a_second_undated_visit_mention_is_the_same_visit(extract):
    text = ("Turkish President Recep Erdogan arrived in Baku on Monday for an official visit to Azerbaijan. "
            "Erdogan also visited the Alley of Martyrs.")
    assert events_of(extract(text, PUB)) == {("official_visit", "TUR", "AZE", date(2024, 5, 6), "day", "occurred")}


def test_joint_declaration_and_foundation_stone(extract):
    text = ("On 2 May 2024, Peru and Chile adopted a joint declaration on the Pacific. "
            "On 3 May 2024, the two presidents laid the foundation stone of a joint desalination plant.")
    events = {(e[0], e[3]) for e in events_of(extract(text, PUB))}
    assert events == {("agreement_signed", date(2024, 5, 2)), ("joint_project", date(2024, 5, 3))}


def test_phone_call_and_video_link_are_meetings(extract):
    text = ("President Gustavo Petro of Colombia spoke by telephone with Ecuadorian President Daniel Noboa on Tuesday. "
            "On 2 May, the foreign ministers of Chile and Bolivia held talks by video link.")
    rows = {(r[0], frozenset(r[1:3]), r[3], r[5]) for r in events_of(extract(text, PUB))}
    assert rows == {("meeting", frozenset({"COL", "ECU"}), date(2024, 5, 7), "occurred"),
                    ("meeting", frozenset({"CHL", "BOL"}), date(2024, 5, 2), "occurred")}


def test_courtesy_call_audience_and_consultations_that_took_place(extract):
    text = ("On 8 May, Kenyan Foreign Minister Musalia Mudavadi called on President Samia Suluhu Hassan of Tanzania. "
            "Consultations between Norway and Sweden took place in Oslo on 9 May.")
    rows = events_of(extract(text, PUB))
    assert {(r[0], frozenset(r[1:3]), r[3]) for r in rows} == {
        ("meeting", frozenset({"KEN", "TZA"}), date(2024, 5, 8)), ("meeting", frozenset({"NOR", "SWE"}), date(2024, 5, 9))}


def test_restored_and_severed_relations_and_credentials(extract):
    text = ("Morocco severed relations with Iran in May 2018. The two countries restored diplomatic relations on "
            "3 May. On 6 May, King Mohammed VI of Morocco received the credentials of the Iranian ambassador.")
    rows = {(r[0], frozenset(r[1:3]), r[3], r[4]) for r in events_of(extract(text, PUB))}
    assert rows == {("other", frozenset({"MAR", "IRN"}), date(2018, 5, 1), "month"),
                    ("diplomatic_relations_established", frozenset({"MAR", "IRN"}), date(2024, 5, 3), "day"),
                    ("other", frozenset({"MAR", "IRN"}), date(2024, 5, 6), "day")}


def test_background_intent_organisation_anniversary_and_third_parties(extract):
    text = ("Qatar reopened its embassy in Cairo on Tuesday, four years after Egypt cut ties with Doha. "
            "Qatari and Egyptian ministers agreed to hold a joint commission meeting. "
            "The Arab League, which marks its 79th anniversary this year, welcomed the step. "
            "The two countries signed a transit accord with Libya and Sudan on Wednesday.")
    assert events_of(extract(text, PUB)) == {("embassy_opened", "QAT", "EGY", date(2024, 5, 7), "day", "occurred"),
                                             ("commission_meeting", "QAT", "EGY", None, None, "planned")}


def test_ordinal_session_is_no_date_and_held_a_council(extract):
    text = ("The presidents of Namibia and Botswana opened the 3rd Session of the Bi-National Commission in Windhoek "
            "on Monday, 6 May 2024. On 7 May, the two prime ministers held a Namibian-Botswana Council of Ministers.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert rows == {("commission_meeting", date(2024, 5, 6)), ("commission_meeting", date(2024, 5, 7))}


def test_summit_a_meeting_of_ministers_and_talks_as_the_purpose_of_a_visit(extract):
    text = ("Thai Prime Minister Srettha Thavisin arrived in Phnom Penh on Tuesday and held a summit with Cambodian "
            "Prime Minister Hun Manet. A meeting of ministers of Thailand and Cambodia followed on 8 May. "
            "Hun Manet had travelled to Bangkok on 7 February for talks with Srettha.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    # 'travelled to Bangkok for talks with X' is the visit only (the development set's convention)
    assert rows == {("official_visit", date(2024, 5, 7)), ("meeting", date(2024, 5, 7)), ("meeting", date(2024, 5, 8)),
                    ("official_visit", date(2024, 2, 7))}


def test_plan_told_after_the_trigger_and_participle_dates(extract):
    text = ("Officials prepared the 12th meeting of the Chile-Peru Binational Committee, scheduled to take place in "
            "Lima in June. Both sides agreed to celebrate the anniversary of diplomatic relations, established on "
            "3 March 1822, with concerts in September.")
    rows = events_of(extract(text, PUB))
    assert ("diplomatic_relations_established", "CHL", "PER", date(1822, 3, 3), "day", "occurred") in {
        (t, *sorted((a, b)), d, p, s) for t, a, b, d, p, s in rows}
    planned = {(r[0], r[3], r[4]) for r in rows if r[5] == "planned"}
    assert planned == {("commission_meeting", date(2024, 6, 1), "month"), ("anniversary_event", date(2024, 9, 1), "month")}


def test_a_relative_clause_keeps_its_date_and_a_repeated_meeting_is_one(extract):
    text = ("British Prime Minister Keir Starmer, who took office in July, travelled to Dublin on 7 September 2024 and held talks with "
            "Irish Taoiseach Simon Harris. The two leaders also discussed the Northern Ireland protocol.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert rows == {("official_visit", date(2024, 9, 7)), ("meeting", date(2024, 9, 7))}
    assert extract(text, PUB)["event_mentions"].height == 2


def test_receiving_goods_is_no_audience(extract):
    text = "Under the deal Georgia pays in electricity, so Armenia receives Georgian power in winter."
    assert events_of(extract(text, PUB)) == set()


def test_reported_plan_mediator_and_a_date_owned_by_another_trigger(extract):
    text = ("Chile and Bolivia agreed on Wednesday to reopen the border. The two leaders spoke by phone, after their "
            "foreign ministers held talks in La Paz last month.")
    text2 = ("Qatar and Bahrain will hold a summit later this year, Qatari Foreign Minister Ali Nasser said on Tuesday "
             "after receiving his Bahraini counterpart, Khalid Ahmed, in Doha. The two Gulf rivals agreed to restore "
             "diplomatic relations on 5 January in a deal brokered by Kuwait.")
    rows = {(r[0], frozenset(r[1:3]), r[3], r[5]) for t in (text, text2) for r in events_of(extract(t, PUB))}
    assert ("meeting", frozenset({"CHL", "BOL"}), date(2024, 5, 8), "occurred") in rows  # the call, on the anchor day
    assert ("meeting", frozenset({"CHL", "BOL"}), date(2024, 4, 1), "occurred") in rows  # the talks, last month
    assert ("official_visit", frozenset({"QAT", "BHR"}), date(2024, 5, 7), "occurred") in rows  # told, not planned
    assert ("diplomatic_relations_established", frozenset({"QAT", "BHR"}), date(2024, 1, 5), "occurred") in rows
    assert not any("KWT" in r[1] for r in rows)


def test_cochaired_consultation_talks_after_a_reception_and_recognition(extract):
    text = ("On 6 May, the deputy foreign ministers of Peru and Ecuador co-chaired the fifth political consultation. "
            "Peruvian President Dina Boluarte was received in Quito by President Daniel Noboa on 7 May before talks "
            "with the Ecuadorian cabinet. Argentina was the first country to recognise Bolivia in 1825.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert rows >= {("meeting", date(2024, 5, 6)), ("meeting", date(2024, 5, 7)), ("other", date(1825, 1, 1))}


def test_trip_with_words_before_to_and_a_first_in_years_is_no_date(extract):
    text = ("Kenyan President William Ruto made his first state trip as president to Uganda on 3 May. "
            "Ruto and Museveni held their first formal bilateral meeting in five years on 4 May.")
    rows = {(r[0], r[1], r[2], r[3]) for r in events_of(extract(text, PUB))}
    assert ("official_visit", "KEN", "UGA", date(2024, 5, 3)) in rows
    assert {r[3] for r in rows if r[0] == "meeting"} == {date(2024, 5, 4)}


def test_an_international_official_makes_no_bilateral_event(extract):
    text = "Kenya and Uganda signed a deal. UN Secretary-General António Guterres met President Ruto in Nairobi on 3 May."
    assert not any(r[3] == date(2024, 5, 3) for r in events_of(extract(text, PUB)))


def test_a_reception_gives_the_guest_as_visitor(extract):
    text = ("Kenya and Ethiopia will sign a deal later this year, Kenyan Foreign Minister Musalia Mudavadi said on "
            "Tuesday after receiving his Ethiopian counterpart, Taye Atske Selassie, in Nairobi.")
    rows = {(r[0], r[1], r[2], r[3], r[5]) for r in events_of(extract(text, PUB))}
    assert ("official_visit", "ETH", "KEN", date(2024, 5, 7), "occurred") in rows


def test_passive_reception_recalled_ambassador_return_trip_and_negated_formal_meeting(extract):
    text = ("Portuguese Prime Minister Luis Amado travelled to Luanda on 2 May and was received by President "
            "Joao Lourenco at the palace. In March 2023 Angola recalled its ambassador to Portugal. Amado "
            "returned to Angola on 9 May for talks. The two leaders exchanged greetings on 8 May, but no formal "
            "bilateral meeting was held. Their ministers met separately on 8 May.")
    rows = {(r[0], r[1], r[2], r[3]) for r in events_of(extract(text, PUB))}
    assert ("official_visit", "PRT", "AGO", date(2024, 5, 2)) in rows
    assert ("official_visit", "PRT", "AGO", date(2024, 5, 9)) in rows
    assert any(r[0] == "other" and r[3] == date(2023, 3, 1) for r in rows)
    assert {r[3] for r in rows if r[0] == "meeting"} == {date(2024, 5, 8)}
    assert not any(r[1] == "AGO" and r[0] == "official_visit" for r in rows)


def test_invitation_is_a_plan_programme_period_and_a_recalled_date_do_not_date_a_signing(extract):
    text = ("President Santiago Pena of Paraguay held talks with President Luis Arce of Bolivia in Asuncion on 8 May. "
            "Arce recalled his visit to Paraguay on 3 March 2021. The sides signed a programme of cooperation for "
            "2024-2026. Pena accepted an invitation to pay a state visit to Bolivia.")
    rows = {(r[0], r[3], r[5]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 8), "occurred") in rows
    assert ("state_visit", None, "planned") in rows
    assert not any(r[0] == "agreement_signed" and r[1] != date(2024, 5, 8) for r in rows)


def test_the_same_day_after_a_visit_range_is_the_sentence_opening_date(extract):
    text = ("On 6 May 2024, President Daniel Noboa of Ecuador received Peruvian Foreign Minister Javier "
            "Gonzalez-Olaechea, who paid a working visit to Ecuador from 5 to 7 May. Earlier the same day, the two "
            "foreign ministers co-chaired the eighth political consultation.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("working_visit", date(2024, 5, 5)) in rows and ("meeting", date(2024, 5, 6)) in rows
    assert not any(r[0] == "meeting" and r[1] != date(2024, 5, 6) for r in rows)


def test_an_era_and_a_since_date_neither_date_nor_anchor_a_later_event(extract):
    text = ("Estonian Prime Minister Kaja Kallas met her Finnish counterpart Petteri Orpo in Tallinn on 2 May, the "
            "first such meeting since 2019. The two leaders discussed the legacy of the 1990s. They then signed a "
            "declaration on energy security.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 2)) in rows
    assert all(r[1] == date(2024, 5, 2) for r in rows)


def test_the_visit_told_again_and_a_meeting_of_three_leaders_are_no_new_events(extract):
    text = ("Ghanaian President John Mahama paid a state visit to Togo on 6 May. The visit comes after a dispute "
            "earlier this year over cocoa smuggling. Ghana, Togo and Benin set up a joint border force in 2021, and "
            "the three leaders last met in Lome in March 2023. Mahama also held a three-way summit with the two "
            "presidents of Togo and Burkina Faso in April.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert rows == {("state_visit", date(2024, 5, 6))}


def test_a_named_ministers_meeting_held_and_a_host_welcoming_a_guest(extract):
    text = ("Today I welcomed the Prime Minister of Fiji, Sitiveni Rabuka, to Wellington, New Zealand. Yesterday "
            "our foreign minister and Fiji's Foreign Minister held the New Zealand-Fiji Foreign Ministers' Meeting "
            "in Auckland.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("meeting", date(2024, 5, 10)) in rows and ("meeting", date(2024, 5, 9)) in rows


def test_a_deal_with_a_non_state_is_no_event_and_does_not_date_later_ones(extract):
    text = ("Moroccan Foreign Minister Nasser Bourita arrived in Nouakchott on 6 May for talks with Mauritania. "
            "The talks followed unease in Mauritania over Morocco's agreement with Polisario Front rivals, signed on "
            "1 January 2024. The two ministers signed a memorandum on fisheries.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 6)) in rows
    assert not any(d == date(2024, 1, 1) for _, d in rows)


def test_a_measured_interval_dates_the_earlier_event(extract):
    text = ("Senegalese President Bassirou Diomaye Faye and Gambian President Adama Barrow spoke by telephone on "
            "8 May, a week after their prime ministers co-chaired the session of the Senegal-Gambia Presidential "
            "Council in Banjul.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("meeting", date(2024, 5, 8)) in rows and ("commission_meeting", date(2024, 5, 1)) in rows


def test_a_lede_day_told_relative_to_publication_dates_the_undated_talks_after_it(extract):
    text = ("When Estonian Foreign Minister Margus Tsahkna walked into the Latvian foreign ministry on Tuesday, "
            "it was his first trip in a year. The two ministers discussed energy links.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert rows == {("meeting", date(2024, 5, 7))}


def test_a_visit_span_holding_the_day_told_keeps_that_day_for_later_signings(extract):
    text = ("On 8 May, Croatian Prime Minister Andrej Plenkovic held talks with Slovenian Prime Minister Robert "
            "Golob in Ljubljana. Plenkovic is visiting Slovenia from 7 to 9 May. The two prime ministers signed an "
            "agreement on the Krsko plant.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 8)) in rows and ("official_visit", date(2024, 5, 7)) in rows


def test_during_the_visit_takes_the_visits_day_not_the_last_date_told(extract):
    text = ("Polish President Andrzej Duda arrived in Vilnius on 6 May for a state visit to Lithuania. On 7 May he "
            "held talks with President Gitanas Nauseda. During the visit, Poland and Lithuania signed a defence "
            "agreement.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 6)) in rows


def test_an_event_told_as_a_measure_of_time_with_its_own_date_is_still_an_event(extract):
    text = ("Peruvian President Dina Boluarte arrived in Quito on 6 May for a visit. The visit came three months "
            "after Ecuador's President Daniel Noboa travelled to Lima on 5 February for talks with Boluarte. Eight "
            "years after Peru recalled its ambassador, relations are calm.")
    rows = {(r[0], r[1], r[2], r[3]) for r in events_of(extract(text, PUB))}
    assert ("official_visit", "ECU", "PER", date(2024, 2, 5)) in rows
    assert not any(r[0] == "other" for r in rows)


def test_a_separate_or_later_meeting_the_same_day_is_another_meeting(extract):
    text = ("Chilean President Gabriel Boric received Argentine President Javier Milei in Santiago on 6 May. The two "
            "foreign ministers held a separate meeting on the sidelines. The two presidents also discussed mining. "
            "Milei's foreign minister also called on President Boric's chief of staff.")
    rows = [r for r in extract(text, PUB)["event_mentions"].iter_rows(named=True) if r["event_type"] == "meeting"]
    assert len(rows) == 3 and {r["event_date"] for r in rows} == {date(2024, 5, 6)}


def test_exchanging_first_envoys_establishes_relations(extract):
    text = "Finland and Estonia signed a treaty on 7 July 1920, and the two republics exchanged their first envoys later that year."
    rows = {(r[0], r[3], r[4]) for r in events_of(extract(text, PUB))}
    assert ("diplomatic_relations_established", date(1920, 1, 1), "year") in rows


def test_companies_contracts_are_no_agreement_between_states(extract):
    text = ("Turkmen President Serdar Berdimuhamedov held talks with Kazakh President Kassym-Jomart Tokayev on 6 May. "
            "After the talks, 15 commercial contracts worth $300 million were signed. An intergovernmental agreement "
            "on rail transit was also signed.")
    rows = [r for r in events_of(extract(text, PUB)) if r[0] == "agreement_signed"]
    assert len(rows) == 1 and rows[0][3] == date(2024, 5, 6)


def test_the_publication_day_s_own_weekday_is_that_day(extract):
    # news style (AP): "on Wednesday" in Wednesday's story is that Wednesday; "last Wednesday" the one before
    text = ("DODOMA, May 8 (Wire) - Tanzanian President Samia Suluhu Hassan received Kenyan Foreign Minister "
            "Musalia Mudavadi on Wednesday.")
    assert {r[3] for r in events_of(extract(text, date(2024, 5, 8)))} == {date(2024, 5, 8)}
    no_dateline = "Tanzanian President Samia Suluhu Hassan received Kenyan Foreign Minister Musalia Mudavadi on Wednesday."
    assert {r[3] for r in events_of(extract(no_dateline, date(2024, 5, 8)))} == {date(2024, 5, 8)}
    last_week = no_dateline.replace("on Wednesday", "last Wednesday")
    assert {r[3] for r in events_of(extract(last_week, date(2024, 5, 8)))} == {date(2024, 5, 1)}
