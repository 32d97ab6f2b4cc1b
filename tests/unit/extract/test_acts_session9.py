"""Session 9 (acts): who acted and whether an act happened. Made-up texts, one per phenomenon."""
from datetime import date

from flows.extract.countries import find_countries
from flows.extract.document_pair import document_pair
from flows.extract.sentences import split_sentences
from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday

# the king's country is named less often than a question the two discussed; the lead names the host, the two
# parties are named together twice
KING_IN_CAIRO = ("The Egyptian president received the Jordanian king in Cairo on Monday. "
                 "They spoke about the Palestinian cause at length. "
                 "Palestinian officials welcomed the meeting. "
                 "A Palestinian state remains the aim of both, the palace said. "
                 "Palestinian envoys were not present. "
                 "Jordan and Egypt will hold a joint committee later this year. "
                 "The two countries signed an accord on water on Monday.")


def test_the_pair_is_the_two_named_together_not_the_most_named() -> None:
    texts = [sentence.text for sentence in split_sentences(KING_IN_CAIRO)]
    # counted alone: Egypt 3, Palestine 4, Jordan 2
    assert set(document_pair([find_countries(text) for text in texts], texts)) == {"EGY", "JOR"}


def test_the_pair_named_in_the_lead_wins_over_a_bystander_named_more_often() -> None:
    text = ("Qatar and Bahrain restore their ties. "
            "The deal was reached in talks in Riyadh, Saudi Arabia. Saudi Arabia has mended ties with Iran too. "
            "Saudi Arabia welcomed the deal, its ministry said.")
    texts = [sentence.text for sentence in split_sentences(text)]
    assert set(document_pair([find_countries(text) for text in texts], texts)) == {"QAT", "BHR"}


def test_too_few_countries_make_no_pair() -> None:
    assert document_pair([find_countries("Chile is dry."), []], ["Chile is dry.", "It rains."]) is None


def test_the_two_countries_are_the_documents_pair(extract) -> None:
    signings = {(frozenset((actor, target)), day) for kind, actor, target, day, _, status in
                events_of(extract(KING_IN_CAIRO, PUB)) if kind == "agreement_signed" and status == "occurred"}
    assert signings == {(frozenset({"EGY", "JOR"}), date(2024, 5, 6))}
