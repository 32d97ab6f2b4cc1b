"""Events read from the dependency parse (flows/extract/event_roles.py): made-up sentences whose wording the lexicon
rows do not list, each showing one structure (an infinitive under a plan, a modal, a feeling, a tally, a participle
describing an object)."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import event_roles
from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)  # a Friday


@pytest.fixture(autouse=True)
def spacy_backbone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")


def occurred(frames) -> set[tuple]:
    return {event for event in events_of(frames) if event[-1] == "occurred"}


def test_adverb_between_plan_and_infinitive_still_plans(extract) -> None:
    # the rows read 'is scheduled to'; the parse reads the head of 'to visit' whatever adverb stands between
    text = "The Valdoran premier is provisionally scheduled to visit Chile in early June, officials in Lima said."
    assert occurred(extract(text, PUB)) == set()
    assert event_roles.planned(text, text.index("visit"), text.index("visit") + 5, True)


def test_expectation_verb_not_in_the_rows_plans_the_talks(extract) -> None:
    text = "The Chilean leader is widely anticipated to hold formal talks with Peru's president in Cusco."
    assert occurred(extract(text, PUB)) == set()


def test_modal_on_the_trigger_verb_plans_it(extract) -> None:
    # 'could' is no plan word of the rows; the parse finds it as the auxiliary of 'meet'
    text = "Chilean and Peruvian officials said on Tuesday that the two presidents could meet in Arica."
    events = events_of(extract(text, PUB))
    assert {(kind, status) for kind, _, _, _, _, status in events} == {("meeting", "planned")}


def test_purpose_infinitive_of_a_meeting_stays_done(extract) -> None:
    # 'met ... to review and sign': the infinitive hangs from 'met', no plan word; both acts happened
    text = "The presidents of Chile and Peru met in Tacna on Tuesday to review border trade and sign a customs accord."
    events = occurred(extract(text, PUB))
    assert ("meeting", "CHL", "PER", date(2024, 5, 7), "day", "occurred") in {
        (kind, *sorted((actor, target)), day, precision, status)
        for kind, actor, target, day, precision, status in events} or (
        "meeting", "PER", "CHL", date(2024, 5, 7), "day", "occurred") in events


def test_passive_invitation_in_a_history_is_the_visit_paid(extract) -> None:
    text = "In March 1998, the Peruvian premier was invited to make a state visit to Chile."
    assert ("state_visit", "PER", "CHL", date(1998, 3, 1), "month", "occurred") in events_of(extract(text, PUB))


# a feeling about the visit told ('her pleasure to visit'), a tally of many visits ('a number of visits'): no act
NO_SECOND_ACT = [
    ("The Chilean foreign minister arrived in Peru on 2 May 2024. "
     "On Tuesday she expressed her pleasure to visit Peru at a dinner.", date(2024, 5, 2)),
    ("The Chilean foreign minister travelled to Peru on 3 March 2024. "
     "Over the decade, the Peruvian premier has made a number of working visits to Chile.", date(2024, 3, 3)),
]


@pytest.mark.parametrize(("text", "day"), NO_SECOND_ACT)
def test_feeling_or_tally_is_no_second_visit(extract, text: str, day: date) -> None:
    assert occurred(extract(text, PUB)) == {("official_visit", "CHL", "PER", day, "day", "occurred")}


def test_participle_of_an_object_dates_its_act_not_the_next_sentence(extract) -> None:
    text = ("The Chilean and Peruvian ministers met in Lima on 2 May 2024. "
            "The new treaty supersedes the agreement signed on 4 April 1996 by both governments. "
            "A customs protocol was also signed.")
    events = occurred(extract(text, PUB))
    agreements = {(day, precision) for kind, _, _, day, precision, _ in events if kind == "agreement_signed"}
    # the protocol is the story's (2 May), not the superseded agreement's (1996)
    assert agreements == {(date(2024, 5, 2), "day"), (date(1996, 4, 4), "day")}


def test_anniversary_in_progress_is_no_dated_act_unless_its_own_day(extract) -> None:
    undated = ("The Chilean foreign minister arrived in Peru on Monday. "
               "Both nations are now marking the 30th anniversary of their border treaty.")
    assert {event[0] for event in occurred(extract(undated, PUB))} == {"official_visit"}
    dated = ("The Chilean foreign minister arrived in Peru on Monday. "
             "On Tuesday both nations are marking the 30th anniversary of their border treaty.")
    assert ("anniversary_event", date(2024, 5, 7)) in {(event[0], event[3]) for event in occurred(extract(dated, PUB))}


def test_discussed_after_a_visit_verb_is_the_meeting_of_the_visit(extract) -> None:
    text = "The Chilean president paid a three-day working visit to Peru on Wednesday and discussed fishing quotas."
    assert occurred(extract(text, PUB)) == {("working_visit", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
                                            ("meeting", "CHL", "PER", date(2024, 5, 8), "day", "occurred")}


def test_discussed_with_a_side_is_a_meeting_but_a_domestic_or_planned_discussion_is_not(extract) -> None:
    quoted = "Yesterday we discussed with Peru's foreign minister how to double trade, the Chilean envoy said."
    assert occurred(extract(quoted, PUB)) == {("meeting", "CHL", "PER", date(2024, 5, 9), "day", "occurred")}
    assert occurred(extract("Chilean ministers discussed the budget on Monday.", PUB)) == set()
    planned = ("Chile and Peru signed a fisheries accord on Monday. "
               "The Chilean president will travel to Peru to discuss trade.")
    assert {event[0] for event in occurred(extract(planned, PUB))} == {"agreement_signed"}


def test_past_perfect_clause_dates_no_later_sentence(extract) -> None:
    text = ("Peru's president had asked his Chilean peer to come on a state visit after his own trip to Chile in "
            "October 2010. The leaders also signed a fisheries accord.")
    events = occurred(extract(text, PUB))
    assert ("state_visit", "PER", "CHL", date(2010, 10, 1), "month", "occurred") in events
    # the signing is the story's (the publication day), not the recalled visit's month
    assert {event[3] for event in events if event[0] == "agreement_signed"} == {PUB.replace(day=1)}  # near28c: a finished act with no date word of its own takes the date line's month


def test_rules_only_backbone_reads_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    text = "The Valdoran premier is provisionally scheduled to visit Chile in early June."
    assert event_roles.trigger_token(text, text.index("visit"), text.index("visit") + 5) is None
    assert not event_roles.planned(text, text.index("visit"), text.index("visit") + 5, True)
