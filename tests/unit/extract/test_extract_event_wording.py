"""How real news says events, on short texts of our own (tests/fixtures/texts/ev_*): wording, who acted, planned or
done. Each phenomenon was seen in the real-news batches; the texts and facts here are written for the tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from flows.extract import extract_documents
from flows.ingest.documents import read_documents
from tests.unit.extract.conftest import events_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


@pytest.fixture(scope="module")
def by_name() -> dict[str, dict[str, pl.DataFrame]]:
    docs, _ = read_documents(sorted(TEXTS.glob("ev_*")), TEXTS)
    frames = extract_documents(docs)
    out = {}
    for key, name in docs.select("document_key", "name").iter_rows():
        out[Path(name).name] = {kind: frame.filter(pl.col("document_key") == key) for kind, frame in frames.items()}
    return out


def test_norway_chile_wording(by_name) -> None:
    assert events_of(by_name["ev_norway_chile_wording.md"]) == {
        # 'was hosted by King Harald': the guest visits, the host is the target
        ("official_visit", "CHL", "NOR", date(2024, 4, 5), "day", "occurred"),
        # 'held wide-ranging discussions'
        ("meeting", "NOR", "CHL", date(2024, 4, 6), "day", "occurred"),
        # 'exchanged their first envoys', told after 'ties go back to 1906, when'
        ("diplomatic_relations_established", "CHL", "NOR", date(1906, 1, 1), "year", "occurred"),
        # 'set up an honorary consulate in Valparaíso in 1921'
        ("embassy_opened", "NOR", "CHL", date(1921, 1, 1), "year", "occurred"),
        # 'and named its first resident ambassador to Chile in 1965': its own date, not the consulate's
        ("other", "NOR", "CHL", date(1965, 1, 1), "year", "occurred"),
        # 'was ratified in March 2003 and entered into force on 1 December 2003': two acts, each its date
        # ('a treaty between the two countries': the document's pair, its most named country first)
        ("other", "CHL", "NOR", date(2003, 3, 1), "month", "occurred"),
        ("other", "CHL", "NOR", date(2003, 12, 1), "day", "occurred"),
        # 'had a telephonic conversation'
        ("meeting", "CHL", "NOR", date(2024, 2, 2), "day", "occurred"),
        # 'is set to visit Santiago later this year', 'invited the ... crown prince to visit Chile', 'will sign'
        ("official_visit", "NOR", "CHL", date(2024, 1, 1), "year", "planned"),
        ("official_visit", "NOR", "CHL", None, None, "planned"),
        ("agreement_signed", "CHL", "NOR", None, None, "planned"),
    }


def test_the_host_named_by_a_passive_keeps_his_own_country(by_name) -> None:
    people = by_name["ev_norway_chile_wording.md"]["person_mentions"]
    assert dict(people.select("name", "country_iso3").iter_rows())["Harald"] == "NOR"


def test_credit_line_partnership_and_joint_unveiling(by_name) -> None:
    assert events_of(by_name["ev_portugal_namibia_credit.txt"]) == {
        ("other", "PRT", "NAM", date(2019, 8, 20), "day", "occurred"),  # 'extended a credit line'
        ("other", "PRT", "NAM", date(2017, 1, 1), "year", "occurred"),  # 'built a strategic partnership': a step, no signing
        ("joint_project", "PRT", "NAM", date(2019, 6, 14), "day", "occurred"),  # 'jointly unveiled by video link'
    }


def test_past_office_holders_act_and_invitations_are_plans(by_name) -> None:
    assert events_of(by_name["ev_germany_poland_leaders.txt"]) == {
        # 'Chancellor Helmut Kohl travelled to Warsaw in 1989': a past chancellor (leaders.csv) is Germany
        ("official_visit", "DEU", "POL", date(1989, 1, 1), "year", "occurred"),
        # 'Prime Minister X received him on 9 November 1989'
        ("meeting", "POL", "DEU", date(1989, 11, 9), "day", "occurred"),
        # 'is set to visit Warsaw next week', 'accepted an invitation to visit Berlin in December': planned, and the
        # second (the other direction) is not taken for the first told again; a week tells its month (the gold
        # convention, as 'signed last week')
        ("official_visit", "DEU", "POL", date(2024, 11, 1), "month", "planned"),
        ("official_visit", "POL", "DEU", date(2024, 12, 1), "month", "planned"),
    }


def test_summaries_come_from_the_registry_templates(by_name) -> None:
    events = by_name["ev_norway_chile_wording.md"]["event_mentions"]
    summaries = set(events["summary"].to_list())
    assert "Visit of Chile to Norway" in summaries and "Norway opened an embassy in Chile" in summaries


@pytest.mark.parametrize(("text", "expected"), [
    ("Ties between Portugal and Senegal go back to 1961.",
     {("diplomatic_relations_established", "PRT", "SEN", date(1961, 1, 1), "year", "occurred")}),
    # no year after 'go back to': a story of origins, not the day relations began
    ("Ties between Portugal and Senegal go back to the age of sail.", set()),
    ("Relations between Ghana and Portugal formally started in 1957.",
     {("diplomatic_relations_established", "GHA", "PRT", date(1957, 1, 1), "year", "occurred")}),
    ("Trade relations between Ghana and Portugal began in 1957.", set()),
    ("Ghana reopened its border with Togo on 4 March 2021.",
     {("other", "GHA", "TGO", date(2021, 3, 4), "day", "occurred")}),
    # the topic of talks is not an act (the talks are: the parse reads 'the presidents ... discussed' as a meeting)
    ("On 4 March 2021 the presidents of Ghana and Togo discussed the reopening of the border.",
     {("meeting", "GHA", "TGO", date(2021, 3, 4), "day", "occurred")}),
    ("Ghana and Togo recalled their envoys on 4 February 2021.",
     {("other", "GHA", "TGO", date(2021, 2, 4), "day", "occurred")}),
    ("The Thai prime minister arrived at Phnom Penh International Airport on 28 September 2023.",
     {("official_visit", "THA", "KHM", date(2023, 9, 28), "day", "occurred")}),
    # the person named after 'visited' is the host: the visitor's country acts
    ("Senegalese President Amadou Sall visited Ghanaian Vice President Kofi Mensah at his residence in Accra on "
     "3 March 2024.", {("official_visit", "SEN", "GHA", date(2024, 3, 3), "day", "occurred")}),
    # 'at Jubilee House, Accra': an address is where the visit went, not a side that acts
    ("Ghana and Senegal renewed ties. Senegalese President Amadou Sall visited Vice President Kofi Mensah at Jubilee "
     "House, Accra on 3 March 2024.", {("official_visit", "SEN", "GHA", date(2024, 3, 3), "day", "occurred")}),
    # a title with a serial comma is one item, and its date stays with the signing
    ("Chile and Bolivia signed the Treaty of Peace, Friendship, and Commerce on 20 October 1904, in Santiago.",
     {("agreement_signed", "CHL", "BOL", date(1904, 10, 20), "day", "occurred")}),
    ("During their talks in Lisbon on 9 March 2022, the Portuguese and Angolan leaders praised the ties.",
     {("meeting", "PRT", "AGO", date(2022, 3, 9), "day", "occurred")}),
    ("The declaration was made at the 14th Luso-Angolan Summit in Luanda on 2 May 2023, attended by leaders of "
     "Portugal and Angola.", {("meeting", "AGO", "PRT", date(2023, 5, 2), "day", "occurred")}),
    ("Portugal and Angola welcomed the meeting of senior officials on energy on 15 February 2021.",
     {("meeting", "PRT", "AGO", date(2021, 2, 15), "day", "occurred")}),
    ("The joint working groups of Portugal and Angola are preparing to meet in Luanda in June 2024.",
     {("meeting", "AGO", "PRT", date(2024, 6, 1), "month", "planned")}),  # (Luanda named: Angola first)
    # issuing a joint statement closes the talks told: it signs nothing
    ("In March 2019, the Angolan president paid an official visit to Portugal, and both sides issued a joint "
     "communiqué.", {("official_visit", "AGO", "PRT", date(2019, 3, 1), "month", "occurred")}),
    # the year only repeats the act told with its day: one act
    ("Brazil recognized Angola on 11 November 1975. After recognizing Angola in 1975, Brazil opened an embassy in "
     "Luanda.", {("other", "BRA", "AGO", date(1975, 11, 11), "day", "occurred"),
                 ("embassy_opened", "BRA", "AGO", date(1975, 1, 1), "year", "occurred")}),
    # the same meeting told twice on its day is one meeting; 'Earlier the same day' tells another
    ("A meeting of the governments of Chile and Peru took place in Arica on 3 April 2023. The joint meeting, which "
     "took place on Monday, 3 April 2023 in Arica, was the fifth.",
     {("meeting", "CHL", "PER", date(2023, 4, 3), "day", "occurred")}),
    ("On 11 July 2016 Chile and Peru advanced negotiations on fruit and began talks on fish exports.", set()),
    # each side's embassy in the other's capital: two openings, one each way
    ("The two sides established their respective embassies in Lisbon and Luanda in 1976.",
     {("embassy_opened", "PRT", "AGO", date(1976, 1, 1), "year", "occurred"),
      ("embassy_opened", "AGO", "PRT", date(1976, 1, 1), "year", "occurred")}),
    # 'the hosting of the Joint Commission' is the commission's session, not a visit
    ("Portugal and Angola noted the successful hosting of the 6th Joint Commission in Luanda on 10 August 2017.",
     {("commission_meeting", "PRT", "AGO", date(2017, 8, 10), "day", "occurred")}),
    # a year after the story's own (published 10 May 2024) has not happened yet: planned, whatever the verb
    ("Portugal and Angola agreed to name 2026 as a year of culture to celebrate the 50th anniversary of relations.",
     {("anniversary_event", "PRT", "AGO", date(2026, 1, 1), "year", "planned"),
      ("diplomatic_relations_established", "PRT", "AGO", date(1976, 1, 1), "year", "occurred")}),  # 50 years back
    ("Portugal and Angola entered into a fisheries agreement in March 2022.",
     {("agreement_signed", "PRT", "AGO", date(2022, 3, 1), "month", "occurred")}),
    ("In December 2023 Angola filed a case against Portugal at the regional court.",
     {("other", "AGO", "PRT", date(2023, 12, 1), "month", "occurred")}),
    ("The high volume of visits between Portugal and Angola since April 2022 shows the warmth of ties.", set()),
    # 'between the two countries' in the trigger: the document's pair, not a country named in the aside
    ("Senegal and Mali share a river. Diplomatic relations between the two countries formally began in 1960 with "
     "Senegal's recognition of an independent Mali, formerly the French Sudan.",
     {("diplomatic_relations_established", "SEN", "MLI", date(1960, 1, 1), "year", "occurred")}),
])
def test_wording_rows(extract, text, expected) -> None:
    assert events_of(extract(text)) == expected


def test_cabinet_caption_consultation_and_what_is_no_event(by_name) -> None:
    assert events_of(by_name["ev_colombia_ecuador_cabinet.md"]) == {
        ("meeting", "COL", "ECU", date(2023, 6, 15), "day", "occurred"),  # a caption: 'X and Y meet in Quito on ...'
        ("agreement_signed", "ECU", "COL", date(2023, 6, 15), "day", "occurred"),
        # 'the Third Binational Cabinet held on Thursday': a session of the two governments together, a council
        # (commission family, as in the real-news gold r315, r507, r615), beside the presidents' meeting
        ("commission_meeting", "ECU", "COL", date(2023, 6, 15), "day", "occurred"),
        ("meeting", "COL", "ECU", date(2023, 6, 14), "day", "occurred"),  # 'the 8th Annual Consultation ... was held'
        # 'the new building of the embassy was inaugurated': the embassy was open already
        ("other", "ECU", "COL", date(2023, 6, 15), "day", "occurred"),
        ("official_visit", "ECU", "COL", None, None, "planned"),  # 'invited her counterpart to visit Bogotá'
        ("diplomatic_relations_established", "COL", "ECU", date(2010, 12, 2), "day", "occurred"),  # '... were restored'
        # and none for 'concluded negotiations on', 'called on Ecuador to reopen', 'Ahead of the visit, ... in May',
        # 'congratulations on the establishment of diplomatic relations'
    }


def test_a_meeting_earlier_the_same_day_is_another_meeting(extract) -> None:
    text = ("On 3 April 2023 the presidents of Chile and Peru held talks in Arica. Earlier the same day, the foreign "
            "ministers of Chile and Peru co-chaired the fifth political consultation.")
    meetings = extract(text)["event_mentions"].filter(pl.col("event_type") == "meeting")
    assert meetings.select("event_date", "status").rows() == [(date(2023, 4, 3), "occurred")] * 2


def test_cabinet_told_again_on_its_day_is_one_meeting(extract) -> None:
    text = ("Colombian President Ana Reyes and Ecuadorian President Luis Mora meet in Quito on Thursday, 15 June 2023. "
            "They signed a declaration to round off the Third Binational Cabinet held on Thursday.")
    meetings = extract(text, date(2023, 6, 16))["event_mentions"].filter(pl.col("event_type") == "meeting")
    assert meetings.height == 1
