"""mend26: the review of event_frames.py (session 16), texts of our own: a verb dated by its joined verb's date, the
pair told by nouns that name no side, a mission that begins, the noun gate's word starts."""
from __future__ import annotations

import pytest

from flows.extract import event_frames
from flows.lexicon.registry import family
from tests.unit.extract.conftest import events_of
# the spaCy backbone for every test here, and the same made-up heading and date
from tests.unit.extract.test_event_frames25 import HEAD, PUB, spacy_backbone  # noqa: F401


def kinds_of(extract, text: str) -> set[str]:
    return {kind for kind, _actor, _target, _day, _precision, status in events_of(extract(HEAD + text, PUB))
            if status == "occurred"}


def test_the_first_of_two_joined_verbs_is_not_dated_by_the_second(extract) -> None:
    found = kinds_of(extract, "Chile opened a representation in Lima long ago and formed full diplomatic ties with "
                              "Peru in 1994.")
    assert "embassy_opened" not in found


@pytest.mark.parametrize("text", ["In June 1996 the two companies conducted negotiations.",
                                  "In June 1996 both firms conducted negotiations."])
def test_a_pair_of_firms_names_no_side(extract, text: str) -> None:
    assert "meeting" not in kinds_of(extract, text)


def test_a_pair_of_ministries_names_the_sides(extract) -> None:
    assert "meeting" in kinds_of(extract, "In June 1996 the two foreign ministries conducted negotiations.")


def test_a_mission_that_begins_opens_no_post(extract) -> None:
    found = kinds_of(extract, "Chile's mission began on 3 May 2024 in Lima, Peru's foreign ministry said.")
    assert "embassy_opened" not in found


@pytest.mark.parametrize("text, kind", [("according to officials", "agreement_signed"),
                                        ("tourism grew", "official_visit"),
                                        ("troops were mounted", "agreement_signed"),
                                        ("the wounded were treated", "agreement_signed")])
def test_the_noun_gate_takes_whole_words_only(text: str, kind: str) -> None:
    assert family(kind) not in event_frames.wanted_families(text, 0, len(text), set())


def test_the_noun_gate_takes_plurals() -> None:
    text = "the treaties and embassies and MoUs"
    assert event_frames.wanted_families(text, 0, len(text), set()) >= {family("agreement_signed"),
                                                                        family("embassy_opened")}


def test_every_frame_row_is_whole() -> None:
    """Each row has verbs and nouns in lower case and no empty word; each family has a gate."""
    for frame in event_frames.frames():
        assert frame.verbs and all(words and all(w == w.lower() and w for w in words) for words in frame.verbs)
        assert frame.nouns and all(noun and noun == noun.lower() for noun in frame.nouns)
    assert set(event_frames.noun_gates()) == {family(frame.event_type) for frame in event_frames.frames()}
