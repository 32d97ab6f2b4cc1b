"""The shared dependency parse: roles of a sentence on the spaCy backbone, nothing on the rules-only one."""
from __future__ import annotations

import pytest

from flows.extract import syntax


def test_parse_gives_the_roles_of_an_importer_led_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")
    text = "Freedonia mostly bought fuel, wheat and machinery from Sylvania."
    syntax.prefetch([text])
    doc = syntax.parse(text)
    assert doc is not None
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert verb.lemma_ == "buy"
    assert [t.text for t in verb.children if t.dep_ == "nsubj"] == ["Freedonia"]
    obj = next(t for t in verb.children if t.dep_ == "dobj")
    assert [obj.text] + [c.text for c in obj.conjuncts] == ["fuel", "wheat", "machinery"]
    source = next(t for t in verb.children if t.dep_ == "prep" and t.text == "from")
    assert [t.text for t in source.children if t.dep_ == "pobj"] == ["Sylvania"]


def test_rules_only_backbone_never_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    assert not syntax.available()
    assert syntax.parse("The ministers met in Valdora on 3 May 2021.") is None
