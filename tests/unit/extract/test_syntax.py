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


def test_entity_types_of_a_parsed_sentence_are_the_whole_pipelines(monkeypatch: pytest.MonkeyPatch) -> None:
    # the batch parses without the entity recogniser; entity_type runs it on first asking: same types as one run
    # of the whole pipeline
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")
    from flows.extract.nlp import pipeline

    text = "President Ana Lima of Freedonia discussed trade with the Sylvanian delegation in Valdora."
    doc = syntax.parse(text)
    assert doc is not None
    whole = pipeline()(text)
    assert [syntax.entity_type(t) for t in doc] == [t.ent_type_ for t in whole]
    assert doc.to_bytes(exclude=["user_data"]) == whole.to_bytes(exclude=["user_data"])


def test_the_name_windows_recogniser_listens_to_no_shared_tok2vec() -> None:
    # nlp.py switches the shared tok2vec off for the name windows: right only while the recogniser does not listen
    from flows.extract.nlp import pipeline

    assert "ner" not in pipeline().get_pipe("tok2vec").listening_components
