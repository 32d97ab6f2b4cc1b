"""Events on made-up texts (the one-text cases of the simple forms are data: cases/events.toml)."""
from datetime import date

from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


def test_agreement_to_open_consulates_is_one_agreement(extract):
    text = "On 4 April 2024 the two sides signed an agreement on opening consulates general in Arica and Tacna. Peru and Chile are neighbours."
    events = events_of(extract(text, PUB))
    assert events == {("agreement_signed", "PER", "CHL", date(2024, 4, 4), "day", "occurred")} or \
        events == {("agreement_signed", "CHL", "PER", date(2024, 4, 4), "day", "occurred")}


def test_undated_lead_event_takes_the_publication_date(extract):
    frames = extract("Peru and Chile signed a fisheries agreement, officials in Lima said.", PUB)
    row = frames["event_mentions"].row(0, named=True)
    assert (row["event_type"], row["event_date"], row["date_resolution"], row["date_text"]) == (
        "agreement_signed", PUB.replace(day=1), "publication", None)  # near28c: a finished act with no date word of its own takes the date line's month


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


def test_a_deal_with_a_non_state_is_no_event_and_does_not_date_later_ones(extract):
    text = ("Moroccan Foreign Minister Nasser Bourita arrived in Nouakchott on 6 May for talks with Mauritania. "
            "The talks followed unease in Mauritania over Morocco's agreement with Polisario Front rivals, signed on "
            "1 January 2024. The two ministers signed a memorandum on fisheries.")
    rows = {(r[0], r[3]) for r in events_of(extract(text, PUB))}
    assert ("agreement_signed", date(2024, 5, 6)) in rows
    assert not any(d == date(2024, 1, 1) for _, d in rows)


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
