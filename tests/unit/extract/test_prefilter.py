"""The prefilter gates: the words read off a pattern, and a gate never closed on a text its pattern matches."""
from __future__ import annotations

import re

import pytest

from flows.extract.event_grammar import rules as event_rules
from flows.extract.organizations import _rules as membership_rules
from flows.common.prefilter import Gate, gate, required_words
from flows.extract.sentences import split_sentences
from flows.extract.trade import trade_lexicon
from flows.ingest.documents import read_documents
from tests.support.extract_identity import ROOT, devset_root


def test_required_words_join_fixed_parts_and_take_the_most_selective() -> None:
    assert required_words(re.compile(r"\bpa(?:y|ys|id|ying)\b", re.I)) == {"pay", "paid"}
    assert required_words(re.compile(r"\b(?:are|were)\s+(?:both\s+)?members\s+of\b", re.I)) == {"members"}
    assert required_words(r"\b(?:only|alone)\b") == {"only", "alone"}
    assert required_words(r"[Ww]e\s+are\s+partners") == {"partners"}
    assert required_words(r"markets?\s+for") == {"market"}


def test_no_gate_when_an_alternative_has_no_word_long_enough() -> None:
    assert required_words(r"\b(?:EU|AU|NATO)\b") is None  # 'EU' is two letters: no gate, the regex runs always
    assert required_words(r"\w+ly\b") is None
    assert Gate(r"\b(?:EU|NATO)\b").open("anything at all")


def test_a_gate_opens_on_its_words_in_any_case_and_stays_shut_without_them() -> None:
    verbs = Gate(re.compile(r"\bbelong\s+to\b|\bare\s+members\s+of\b", re.I))
    assert verbs.open("Both countries BELONG to the OSCE.")
    assert verbs.open("They are Members of it.")
    assert not verbs.open("The two ministers met in Baku on Tuesday.")


def test_a_text_with_a_character_sre_folds_by_its_own_table_passes_the_gate() -> None:
    pattern = re.compile(r"\bjoined\b", re.I)
    text = "Both jo\u0130ned it"  # capital dotted I: lower() gives two characters, re.I still matches
    assert pattern.search(text) and Gate(pattern).open(text)
    assert Gate(re.compile(r"\bsigned\b", re.I)).open("\u017figned")  # long s


def _sentences() -> list[str]:
    texts = []
    for root in (devset_root(), ROOT / "tests" / "fixtures" / "heldout"):
        documents, _ = read_documents(sorted((root / "documents").iterdir()), root)
        texts += documents["text"].to_list()
    return [s.text for text in texts for s in split_sentences(text)]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences()


def _gated_patterns() -> list[re.Pattern[str]]:
    members = membership_rules()
    return [members["verbs"], members["pair_org"], trade_lexicon()["hint"],
            *(trigger.pattern for trigger in event_rules()["triggers"])]


def test_every_gate_is_open_on_every_real_sentence_its_pattern_matches(sentences: list[str]) -> None:
    assert len(sentences) > 500
    shut = [(p.pattern[:60], s[:80]) for p in _gated_patterns() for s in sentences
            if p.search(s) and not gate(p).open(s)]
    assert shut == []
    # and the gates do their work: most sentences skip the membership verbs
    skipped = sum(not gate(membership_rules()["verbs"]).open(s) for s in sentences)
    assert skipped > 0.8 * len(sentences)


def test_the_date_gate_agrees_with_the_core_word_pattern(sentences: list[str]) -> None:
    from flows.common.dates.grammar import _CORE_RX, could_have_date

    assert [s[:80] for s in sentences if could_have_date(s) != (_CORE_RX.search(s) is not None)] == []
    assert could_have_date("They met on Tuesday.") and could_have_date("in 2019") and not could_have_date("They met.")


def test_the_cased_gate_of_known_organizations_and_the_number_gate_agree_with_their_tests(sentences: list[str]) -> None:
    from flows.extract.document import LOWER_WORD, NUMBER_WORDS, _has_number

    rules = membership_rules()
    assert [s[:80] for s in sentences if rules["known"].search(s) and not rules["known_gate"].open(s)] == []
    assert rules["known_gate"].open("Both are in the EU.") and not rules["known_gate"].open("Both are in the eu.")
    slow = [s[:80] for s in sentences if _has_number(s) != bool(
        re.search(r"\d", s) or not NUMBER_WORDS.isdisjoint(LOWER_WORD.findall(s.lower())))]
    assert slow == []
    assert _has_number("Two ministers met.") and not _has_number("The ministers met.")
