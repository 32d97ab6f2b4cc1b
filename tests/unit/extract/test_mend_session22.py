"""Mends of session 22's first tuning round (branch mend22), each on a text of our own that the round's rule misread:
a date that opens a new clause taken as a list item, a question's opener silencing acts past its clause, 'not ...
until' with no date, a case-blind list of parties, a listed flow with no goods, a spouse's merge by a short name, a
verb of saying inside a passive mission, an irregular earlier participle, a clause's colon read as a heading, any
sentence-opening '-ing' word cut from an office, 'X of Y' plurals and the barter gate's word pieces."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from flows.extract import names
from flows.extract.countries import find_countries
from flows.extract.names import Tok
from flows.extract.organizations import find_memberships
from flows.extract.person_sides import _listed_under
from flows.extract.title_plurals import plural_head_at, plural_heads
from flows.extract.trade_exchange import barter_gate
from tests.support.story_rows import story_rows
from tests.unit.extract.conftest import events_of, people_of, trade_of


def _types(extract: Callable, text: str) -> set[str]:
    return {row[0] for row in events_of(extract(text))}


def test_the_plural_heads_are_indexed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """plural_head_at passes one cached list to match_seq, whose index is kept by the list's identity: repeated calls
    add no entries to names._BY_LIST (a new list a call filled it with throwaways)."""
    monkeypatch.setattr(names, "_BY_LIST", {})
    toks = [Tok(0, 13, "Vice-Chairmen"), Tok(14, 16, "of"), Tok(17, 20, "the"), Tok(21, 27, "Senate")]
    for _ in range(3):
        plural_head_at(toks, 0)
    assert len(names._BY_LIST) == 1


def test_a_later_year_opening_a_new_clause_is_not_an_item_of_a_list(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nKenya opened an embassy in Ghana in 1995 for the first time and in 2004 the two "
            "signed a trade agreement.\n")
    rows = {(row[0], row[1]) for row in story_rows(tmp_path, text, "2021-06-03")}
    assert ("embassy_opened", date(2004, 1, 1)) not in rows
    assert ("agreement_signed", date(1995, 1, 1)) not in rows


def test_a_question_silences_only_the_acts_of_its_own_clause(extract: Callable) -> None:
    text = ("Kenya and Ghana are friends. On 3 May 2024, a Kenyan deputy asked the minister to provide more "
            "scholarships for Ghana, and the two sides signed a trade agreement in Nairobi.")
    assert "agreement_signed" in _types(extract, text)


def test_not_until_further_notice_keeps_the_negation(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nThe embassy of Kenya in Accra was not opened until further notice.\n"
    assert story_rows(tmp_path, text, "2024-05-10") == []


def test_a_known_body_after_lower_case_list_words_is_no_counterpart() -> None:
    sentence = "Chile and Peru held talks with business leaders and stressed the role of the Pacific Alliance and APEC."
    found = {m.organization for m in find_memberships(sentence, find_countries(sentence), ("CHL", "PER"), [])}
    assert "APEC" in found


def test_a_flow_cited_as_a_proof_names_no_goods(extract: Callable) -> None:
    text = "Ghana and Togo are close. The minister spoke at length, citing Ghana's exports to Togo as a sign of trust."
    assert trade_of(extract(text)) == set()


def test_a_presidents_short_name_is_not_merged_into_the_first_lady_named_first(extract: Callable) -> None:
    text = ("Ghana and Peru are friends. First Lady Ama Mensa arrived in Lima on Monday. Later, President Mensa met "
            "President Jon Roe of Peru.")
    roles = {role for name, role, _ in people_of(extract(text)) if "Mensa" in name}
    assert {"First Lady", "President"} <= roles


def test_an_embassy_that_reports_an_act_is_no_mission_set_up(tmp_path: Path) -> None:
    text = "Ghana and Togo\n\nThe embassy in Lome said a joint committee was set up in 2019.\n"
    assert [row for row in story_rows(tmp_path, text, "2024-05-10") if row[0] == "embassy_opened"] == []


def test_an_irregular_participle_after_previously_is_an_earlier_act(extract: Callable) -> None:
    text = ("Ghana and Togo are friends. On 3 May 2024 the ministers reviewed the previously held talks between Ghana "
            "and Togo.")
    assert not {row for row in events_of(extract(text)) if row[0] == "meeting" and row[3] == date(2024, 5, 3)}


def test_a_colon_after_a_verb_of_visit_opens_no_heading() -> None:
    """Only a heading of visit nouns at the sentence's start lists visitors ('Visits from A to B: ...'); a clause
    whose verb is followed by a colon does not ('A's President X visited B on Monday: ...')."""
    clause = ("Ghana's President Ama Mensa visited Peru on Monday: Prime Minister Jon Roe hosted a dinner for her.")
    assert not _listed_under(clause, clause.index("visited"), clause.index("Jon"))
    heading = "Visits from Ghana to Peru: Prime Minister Jon Roe visited Peru in 1981."
    assert _listed_under(heading, 0, heading.index("Jon"))


def test_a_place_or_firm_ending_in_ing_opening_the_sentence_stays_in_the_office(extract: Callable) -> None:
    """Only the participles of titles.toml opening_participles are cut from a sentence-opening office ('Thanking
    President X, ...'); 'Sterling Bank Chairman', 'Wyoming Governor' keep their firm and place."""
    roles = {name: role for name, role, _ in people_of(extract(
        "Ghana and Peru are friends. Sterling Bank Chairman Jon Roe met Peru's President Ana Lima in Lima."))}
    assert roles["Jon Roe"] == "Sterling Bank Chairman"
    roles = {name: role for name, role, _ in people_of(extract(
        "Ghana and Peru are friends. Thanking President Ana Lima for the talks, Ghana's envoy Jon Roe left Peru."))}
    assert roles["Ana Lima"] == "President"


def test_an_office_of_x_of_y_pluralises_its_head_word() -> None:
    heads = plural_heads()
    assert heads[("Ministers", "of", "State")] == ("Minister", "of", "State")
    assert ("Chiefs", "of", "Staff") in heads and ("Minister", "of", "States") not in heads


def test_the_barter_gate_takes_no_part_of_quarter_charter_or_carter() -> None:
    assert not barter_gate("In the first quarter, a charter flight took Carter to Lima.")
    assert all(barter_gate(text) for text in ("an exchange of", "Barter of", "a swap of"))
