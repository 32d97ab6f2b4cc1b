"""Session 19's people rules (texts of our own): runs closed by a place's or a programme's head noun or opened by a
drill's (person_places.names_a_thing), a name glued to the next office (names._words), an office named by its remit
in an apposition, untranslated Hindi office heads, and a counterpart's borrowed role yielding to the person's own."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.names import tokenize
from flows.extract.people import find_people
from flows.extract.person_places import names_a_place_or_body, names_a_thing


def _run(sentence: str, run: str) -> tuple[list, int, int]:
    toks = tokenize(sentence, find_countries(sentence))
    words = run.split()
    a = next(k for k in range(len(toks)) if [t.text for t in toks[k:k + len(words)]] == words)
    return toks, a, a + len(words)


def _people(*sentences: str) -> list[tuple[str, str | None]]:
    people: list = []
    last = None
    for n, sentence in enumerate(sentences):
        out = find_people(sentence, n, find_countries(sentence), people, last)
        last = out[-1][0] if out else last
    return [(p.name, p.role) for p in people]


THINGS = [
    ("Troops of both armies trained at Red Kite Camp near the border.", "Red Kite Camp"),
    ("The two air forces began Exercise Blue Heron in 1994.", "Exercise Blue Heron"),
    ("The grant paid for six Harbour-class Patrol Boats last year.", "Patrol Boats"),
    ("Tourists visit the Alto Verde Relic Site every spring.", "Alto Verde Relic Site"),
]


@pytest.mark.parametrize("sentence,run", THINGS)
def test_a_run_closed_by_a_thing_noun_is_no_name(sentence: str, run: str) -> None:
    assert names_a_thing(*_run(sentence, run))


def test_a_street_after_the_run_makes_it_a_place() -> None:
    assert names_a_place_or_body(*_run("They laid flowers at the memorial on Tran Hung street downtown.", "Tran Hung"))


@pytest.mark.parametrize("sentence,run", [
    ("The treaty was signed by Jon Roe and Ana Lima in 2010.", "Jon Roe"),
    ("Talks between Fiona Hill and Jon Park ended late.", "Jon Park"),
])
def test_people_stay_people(sentence: str, run: str) -> None:
    assert not names_a_thing(*_run(sentence, run))


def test_a_name_glued_to_the_next_office_splits() -> None:
    people = _people("Envoys | High Commissioner Noor Aziz SoroHigh Commissioner Jon Roe Tan")
    assert ("Noor Aziz Soro", "High Commissioner") in people
    assert ("Jon Roe Tan", "High Commissioner") in people
    assert [t.text for t in tokenize("McDonald and DeSantis met", [])] == ["McDonald", "and", "DeSantis", "met"]


def test_an_office_named_by_its_remit_in_an_apposition() -> None:
    people = _people("Jon Roe, Minister Responsible for Ocean Affairs, visited Ruritania in May.")
    assert people == [("Jon Roe", "Minister Responsible")]


def test_a_hindi_office_head_is_no_name() -> None:
    people = _people("Shri Ana Kumar, the then Raksha Mantri, had visited Ruritania with a delegation.")
    assert [name for name, _ in people] == ["Ana Kumar"]  # 'Shri' is a form of address (session 21, r1513 rule)
    assert "Raksha Mantri" in (people[0][1] or "")


def test_a_counterparts_borrowed_role_yields_to_their_own() -> None:
    people = _people("Peruvian Prime Minister Ana Lima on Monday met her Chilean counterpart Jon Roe in Santiago.",
                     "“We will make progress,” said Jon Roe, the President of Chile.")
    assert ("Jon Roe", "President") in people


def test_a_counterparts_borrowed_role_stays_with_no_office_of_their_own() -> None:
    people = _people("Peruvian Foreign Minister Ana Lima met her Chilean counterpart Jon Roe in Santiago.",
                     "Jon Roe said the talks went well.")
    assert ("Jon Roe", "Foreign Minister") in people


def test_a_month_name_closes_a_name_before_no_number() -> None:
    assert _people("Prime Minister Ana May met President Jon Roe of Peru today.")[0] == ("Ana May", "Prime Minister")
    assert _people("Foreign Minister Ana Soro in May said the talks went well.") == [("Ana Soro", "Foreign Minister")]


def test_a_known_leaders_name_before_a_place_noun_is_the_place() -> None:
    assert _people("The new school stands on Recep Tayyip Erdoğan street near the port.") == []
    assert _people("Recep Tayyip Erdoğan opened the new school near the port.")[0][0] == "Recep Tayyip Erdoğan"
