"""Event frames read from the dependency parse (flows/extract/event_frames.py, helper frames25): a verb and a noun of
one act in a role, whatever the modifiers or the verb of the same meaning. Every sentence is made up; the cases of
each role and each gate are in cases/events_frames25.toml."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import event_frames, syntax
from tests.unit.extract.conftest import events_of

PUB = date(2024, 5, 10)
HEAD = "Chile and Peru.\n"  # a heading that names the pair


@pytest.fixture(autouse=True)
def spacy_backbone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")


def types_of(extract, text: str) -> set[tuple]:
    return {(kind, actor, target, day, precision) for kind, actor, target, day, precision, status
            in events_of(extract(HEAD + text, PUB)) if status == "occurred"}


def test_the_rules_only_backbone_keeps_its_output(extract, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    assert types_of(extract, "Chile and Peru formed full diplomatic relations in 1994.") == set()


def test_a_named_partnership_is_no_founding_of_relations(extract) -> None:
    found = types_of(extract, "Chile and Peru established a strategic partnership relationship in 2012.")
    assert not any(kind == "diplomatic_relations_established" for kind, *_ in found)


def test_a_family_the_rows_found_asks_no_parse(extract, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows' 'signed an agreement' leaves no family for a frame: the sentence is not parsed for frames."""
    text = "Chile and Peru signed an agreement in 2001."
    assert event_frames.wanted_families(text, 0, len(text), {"agreement"}) == set()
    assert event_frames.wanted_families(text, 0, len(text), set()) == {"agreement"}
    asked: list[str] = []

    class NoParse:
        """The parse as event_frames sees it: every other name the real module's, but a parse or a prefetch of a
        sentence is recorded (a parse raises)."""

        def __getattr__(self, name: str):
            return getattr(syntax, name)

        def parse(self, sentence: str):
            raise AssertionError(f"frames parsed {sentence!r}")

        def prefetch(self, sentences: list[str]) -> None:
            asked.extend(sentences)
            syntax.prefetch(sentences)

    monkeypatch.setattr(event_frames, "syntax", NoParse())
    assert types_of(extract, text) == {("agreement_signed", "CHL", "PER", date(2001, 1, 1), "year")}
    assert text not in asked


def test_every_frame_row_is_a_known_type_and_role() -> None:
    assert {frame.event_type for frame in event_frames.frames()} >= {
        "diplomatic_relations_established", "embassy_opened", "agreement_signed", "meeting", "official_visit"}
