"""The story's pair of countries (flows/extract/document_pair.py) on made-up stories."""
import pytest

from flows.extract.countries import find_countries
from flows.extract.document_pair import document_pair
from flows.extract.sentences import split_sentences


def pair_of(text: str) -> tuple[str, str] | None:
    sentences = split_sentences(text)
    return document_pair([find_countries(s.text) for s in sentences], [s.text for s in sentences])


@pytest.mark.parametrize("text", [
    # two countries named as one subject outweigh a topic: Ghana is talked about more, Chile and Peru are the parties
    ("The Chilean minister and the Peruvian envoy spoke about Ghana on Monday.\n\n"
     "Chile and Peru want a common line on Ghana.\n\n"
     "Aid to Ghana was the main subject, and Ghana thanked them.\n\n"
     "The Chile-Peru dialogue resumes in May."),
    # a list of three joins no pair: 'Argentina, Uruguay and Bolivia' does not join Uruguay and Bolivia
    ("Argentina, Uruguay and Bolivia sent observers.\n\n"
     "Chile hosted the Peruvian minister in Santiago on Monday.\n\n"
     "Chile and Peru signed two accords.\n\n"
     "Chile and Peru will meet again, Peru said."),
    # two countries joined further down are no lead: a pair joined twice later on is an aside of the story
    ("Chile hosted the Peruvian minister on Monday.\n\n"
     "The two signed two accords in Santiago.\n\n"
     "Chile and Peru also spoke of the border.\n\n"
     "Ghana and Togo, they noted, settled a similar row.\n\n"
     "Ghana and Togo now trade more, and Ghana and Togo share a port."),
], ids=["joined_subject_outweighs_a_topic", "a_list_of_three_joins_no_pair", "joined_further_down_is_no_lead"])
def test_the_pair_is_chile_and_peru(text):
    assert set(pair_of(text)) == {"CHL", "PER"}


def test_a_leaders_full_name_stands_for_the_country():
    # Kenya is named only by its president and its capital; Sudan is a bystander named once
    text = ("President William Ruto received the Ugandan foreign minister at State House.\n\n"
            "Their talks covered Sudan and the Ugandan border posts.\n\n"
            "The Ugandan envoy left Nairobi on the evening flight.")
    assert set(pair_of(text)) == {"UGA", "KEN"}


def test_serbia_montenegro_is_serbia():
    assert [c.iso3 for c in find_countries("Exports to Serbia-Montenegro rose.")] == ["SRB"]


def test_joined_reads_two_not_a_list():
    from flows.extract.document_pair import _joined

    def joined(text: str) -> set[tuple[str, str]]:
        return _joined(find_countries(text), text)

    assert joined("Chile and Peru met.") == {("CHL", "PER")}
    assert joined("The Chile-Peru border reopened.") == {("CHL", "PER")}
    assert joined("Chilean and Peruvian officials met.") == {("CHL", "PER")}
    assert joined("Chile, Peru and Bolivia met.") == set()
    assert joined("Chile met Peru.") == set()


def test_a_historic_states_envoy_serves_the_successor_in_the_pair():
    from datetime import date

    from flows.extract.countries import successor_in_pair
    from flows.extract.document import extract_document

    text = ("Russia and Cyprus mark 60 years of ties.\n\nThe Soviet Union and Cyprus established relations in 1960. "
            "The first Soviet ambassador to Cyprus, Ivan Petrovich Sokolov, arrived in Nicosia that year.")
    rows = extract_document({"document_key": "x", "text": text, "published_date": date(2020, 8, 18)})
    assert {row["name"]: row["country_iso3"] for row in rows["person_mentions"]} == {"Ivan Petrovich Sokolov": "RUS"}
    assert successor_in_pair("SUN", ("KAZ", "JPN")) == "SUN"  # no successor in the pair: left as the text says
    assert successor_in_pair("CYP", ("RUS", "CYP")) == "CYP"


def test_an_untitled_headline_gives_the_side_the_body_leaves_out():
    # the first line has no full stop, so it is no sentence; the body names Italy alone
    text = ("Coffee was Kenya's top export to Italy in the spring\n\n"
            "Exports to Italy rose to 40 million dollars.\n\n"
            "Imports from Italy were mostly machines.")
    sentences = split_sentences(text)
    heading = text[:sentences[0].start]
    assert pair_of(text) is None
    assert set(document_pair([find_countries(s.text) for s in sentences], [s.text for s in sentences], heading)) == {
        "KEN", "ITA"}
    # a body naming two states keeps its own pair: the headline is read only when it names fewer
    body = "Oslo news\n\nNorway and Chile signed a treaty.\n\nChile thanked Norway."
    sentences = split_sentences(body)
    assert document_pair([find_countries(s.text) for s in sentences], [s.text for s in sentences],
                         "Peru and Chile news\n\n") == ("NOR", "CHL")
