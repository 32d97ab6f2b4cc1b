"""Acts between the two sides told as a history, read from the parse (flows/extract/event_history_acts.py, helper
acts26): a dated clause whose past main verb has one side as its subject and the other as its object is an `other`
act when no trigger was found; verbs of saying, feeling, wanting, being, trading and a person's life tell none.
Every sentence is made up."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import event_history_acts
from tests.unit.extract.conftest import events_of
# the spaCy backbone for every test here (an autouse fixture), the heading naming the pair, the publication day
from tests.unit.extract.test_event_frames25 import HEAD, PUB, spacy_backbone, types_of  # noqa: F401


def others(extract, text: str) -> set[tuple]:
    """(actor, target, date, precision) of the `other` acts told as done."""
    return {found[1:] for found in types_of(extract, text) if found[0] == "other"}


@pytest.mark.parametrize("text, actor, year", [
    ("In 1923 Chile returned the port of Arica to Peru.", "CHL", 1923),  # the object of its preposition
    ("In 1961 Peru became one of Chile's first donors.", "PER", 1961),  # the owner of its object, down 'of'
    ("Chilean forces blockaded Peru in 1866.", "CHL", 1866),  # a demonym before a state's noun
    ("The government of Peru seized Chile's ships in 1974.", "PER", 1974),  # the state's noun with 'of'
    ("Peru nationalised Chile's nitrate works in 1875.", "PER", 1875),
    ("Peru's independence was recognised by Chile in 1839.", "CHL", 1839),  # a passive's agent acts
    ("The port of Arica had been ceded by Peru to Chile in 1883.", "PER", 1883),  # on its preposition's object
    ("In 1972 the Chilean government had sent a hospital ship to Peru.", "CHL", 1972),  # a pluperfect
    ("Chile has helped Peru with flood relief in 2011.", "CHL", 2011),  # a perfect, dated
])
def test_a_dated_deed_of_one_side_on_the_other(extract, text: str, actor: str, year: int) -> None:
    target = "PER" if actor == "CHL" else "CHL"
    assert others(extract, text) == {(actor, target, date(year, 1, 1), "year")}


@pytest.mark.parametrize("text", [
    "Chile praised Peru's courage in 1990.",  # saying
    "Chile admired Peru's poets in 1990.",  # feeling
    "Chile exported copper to Peru in 1990.",  # trading goods: trade's own reader
    "Chile had a long border with Peru in 1990.",  # having
    "Chilean firms built a road in Peru in 1990.",  # a firm is no side acting as a state
    "Chile did not return the port to Peru in 1923.",  # negated
    "Chile will return the port to Peru in 2030.",  # not past
    "Chile returned the port to Peru.",  # no date of its own
    "Chile has supported Peru since 2011.",  # a state's start, no act of that year
    "In 2019 Chile hosted a forum of Peru's neighbours.",  # hosting: a visit's or a gathering's
    "Chile, a member since 1990, backs Peru, which became a candidate in June 2022.",  # the date is an aside's
    "The port was returned to Peru in 1923.",  # a passive without its doer
    "Chile returned the port to Peru in the 1920s.",  # a decade is no date of its own
    "Chile returns the port to Peru in 2024.",  # a present tense of the story's year: a state or a plan
    "The port was returned to Peru by Chile in 1923.",  # the subject is no side
    "In 2021 Chile became Peru's fourth largest trading partner.",  # a rank in trade
    "In 2019 Chile emerged as one of Peru's main export markets.",  # a rank in trade, down 'of'
    "In 2013 Chile collaborated with Peru in the forum.",  # acting together
    "In 2013 Chile created the Chile-Peru Parliamentary Group.",  # a side inside a name
    "In 1961 Chile signed an anti-Peru charter with five others.",  # a side inside a word
    "In 2013 Chile housed 300 Peruvian students.",  # a demonym before no state's noun
    "In 1972 the Chilean ambassador arrived in Peru.",  # a coming: a visit's
    "In 1972 the Chilean president conferred with Peru's foreign minister.",  # a meeting's
    "President Boric, who studied in Peru in 1990, read a book on Peru's history.",  # the date is the subject's
    "Chile backed the Peruvian rebels but stopped in 1879.",  # the date is a conjunct verb's
])
def test_no_deed(extract, text: str) -> None:
    assert others(extract, text) == set()


def test_a_verb_standing_for_another_is_left_to_the_ellipsis(extract) -> None:
    """'did the same in Lima' repeats the opening told before: an embassy, no `other` act."""
    found = events_of(extract(HEAD + "Chile opened an embassy in Lima in 1850, and Peru did the same in Santiago in "
                                     "1851.", PUB))
    assert ("embassy_opened", "PER", "CHL", date(1851, 1, 1), "year", "occurred") in found
    assert not any(kind == "other" for kind, *_ in found)


def test_a_phrase_before_the_verb_is_its_setting(extract) -> None:
    """'after Peru's independence' stands before the verb: Peru is not the object there, but after it."""
    assert others(extract, "Two years after Peru's founding in 1824, Chile assisted Peru with schools.") == {
        ("CHL", "PER", date(1824, 1, 1), "year")}


def test_a_historic_present_of_a_past_year(extract) -> None:
    assert others(extract, "In 1923 Chile returns the port of Arica to Peru.") == {
        ("CHL", "PER", date(1923, 1, 1), "year")}


def test_a_clause_with_a_trigger_is_left_to_it(extract) -> None:
    """'visited' is a visit row's: no `other` act besides it."""
    assert others(extract, "In 1990 the Chilean president visited Peru.") == set()


def test_an_aside_tells_no_deed(extract) -> None:
    """A relative clause is an aside: 'which' is no side and its verb is no main verb."""
    assert others(extract, "Tacna, which Chile returned to Peru in 1929, is a border city.") == set()


def test_the_rules_only_backbone_keeps_its_output(extract, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    assert others(extract, "In 1923 Chile returned the port of Arica to Peru.") == set()


def test_the_no_act_verbs_hold_every_class() -> None:
    verbs = event_history_acts.no_act_verbs()
    assert {"say", "love", "want", "be", "have", "export", "study"} <= verbs
    assert "recognise" not in verbs and "invade" not in verbs
