"""The faster spellings of a pattern (prefilter.word_start, word_trie) find what the plain spelling finds."""
from __future__ import annotations

import re

import pytest

from flows.common.prefilter import word_start, word_trie
from flows.extract.sentences import split_sentences
from flows.extract.trade_discourse import _plural_demonyms, plural_demonyms
from flows.extract.trade_lexicon import trade_lexicon
from flows.extract.trade_roles import _stems
from flows.ingest.documents import read_documents
from tests.support.extract_identity import ROOT, devset_root

# made-up sentences at the edges of a word boundary: text start, digits, underscores, hyphens, accents, case
EDGES = ["exports rose", "Exports rose", "re-exports rose", "x_exports rose", "9exports", "réexports", "the exporters",
         "unexported", "EXPORTED", "markets  for grain", "a market for", "payment", "pay", "its flows", "overflow",
         "Ukrainians bought", "the Ukrainians.", "nonUkrainians", "Ukrainians_", "relied", "reliable", ""]


def test_a_leading_word_boundary_becomes_a_look_behind_only_before_word_characters() -> None:
    assert word_start(re.compile(r"\b(?:sells|buys)\b", re.I)).pattern == r"(?<!\w)(?:sells|buys)\b"
    assert word_start(re.compile(r"\bpa(?:y|id)")).pattern == r"(?<!\w)pa(?:y|id)"
    # sre moves a boundary every alternative starts with out of the alternation: only the first one's is rewritten
    assert word_start(re.compile(r"\bnext\s+week|\blater\b")).pattern == r"(?<!\w)next\s+week|\blater\b"
    assert word_start(re.compile(r"\bnext|later")).pattern == r"\bnext|later"  # 'later' has no boundary: kept
    for unproven in (r"\b(?:a|\d)", r"\b-x", r"\b(?:x|)", r"x\b", r"\b\w+"):
        assert word_start(re.compile(unproven)).pattern == unproven  # not provably the same: kept as written


def test_the_look_behind_spelling_matches_where_the_boundary_does() -> None:
    # the patterns in use are built with the look-behind: their plain spelling is the one with the boundary
    plain = [re.compile(fast.pattern.replace(r"(?<!\w)", r"\b", 1), fast.flags) for fast in (_stems(), _plural_demonyms()[0])]
    for pattern in [trade_lexicon()["hint"], *plain, re.compile(r"\b(?:né|no)\w*", re.I),
                    re.compile(r"\bexports?\b|\bflows\b|\bpay", re.I)]:
        fast = word_start(pattern)
        assert fast.pattern.startswith(r"(?<!\w)")
        for text in EDGES:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_the_word_trie_matches_exactly_the_words() -> None:
    words = ["buy", "buys", "buying", "bought", "export goods", "export", "ex", "pump"]
    tree = re.compile(word_trie(words))
    assert tree.pattern == r"(?:b(?:ought|uy(?:ing|s|))|ex(?:port(?:\ goods|)|)|pump)"
    assert all(tree.fullmatch(word) for word in words)
    assert not any(tree.fullmatch(other) for other in ("bu", "buyi", "export good", "expo", "pumps", ""))


def _sentences() -> list[str]:
    texts = []
    for root in (devset_root(), ROOT / "tests" / "fixtures" / "heldout"):
        documents, _ = read_documents(sorted((root / "documents").iterdir()), root)
        texts += documents["text"].to_list()
    return [s.text for text in texts for s in split_sentences(text)] + EDGES


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences()


def test_the_trade_hint_test_agrees_with_the_hint_on_every_real_sentence(sentences: list[str]) -> None:
    hint, test = trade_lexicon()["hint"], trade_lexicon()["hint_test"]
    agree = [(hint.search(s) is None) == (test.search(s) is None) for s in sentences]
    assert all(agree)
    assert 0 < sum(hint.search(s) is not None for s in sentences) < len(sentences)  # the test is not vacuous


def test_plural_demonyms_behind_their_gate_read_what_the_pattern_reads(sentences: list[str]) -> None:
    pattern = re.compile(_plural_demonyms()[0].pattern.replace(r"(?<!\w)", r"\b", 1))
    for text in sentences + ["Rice is sold to Ghanaians and Nigerians.", "Ghanaiansx bought none."]:
        assert [c.start for c in plural_demonyms(text, [])] == [m.start() for m in pattern.finditer(text)]
    assert [c.iso3 for c in plural_demonyms("Rice is sold to Ghanaians.", [])] == ["GHA"]
