"""flows.common.words: the one way a lexicon list becomes a regex alternation."""
from __future__ import annotations

import re

from flows.common.words import alternation, whole_words


def test_plain_words_longest_first_with_spaces_as_any_whitespace() -> None:
    assert alternation(["May", "June", "prime minister"]) == r"(?:prime\s+minister|June|May)"
    assert re.fullmatch(alternation(["prime minister"]), "prime\nminister")
    assert alternation(["May", "June"], "i") == "(?i:June|May)"


def test_rows_as_regex_pieces_in_their_order() -> None:
    pattern = alternation(["sales?", "deal"], longest_first=False, escape=False)
    assert pattern == "(?:sales?|deal)"
    assert re.fullmatch(pattern, "sale") and not re.fullmatch(alternation(["sales?"]), "sale")  # escaped: literal '?'


def test_longest_first_decides_the_span_when_the_end_is_open() -> None:
    # with no boundary after it, the first alternative that matches wins: 'exported goods', not 'exported'
    assert re.match(alternation(["exported", "exported goods"]), "exported goods to Peru").group(0) == "exported goods"
    assert re.match(alternation(["exported", "exported goods"], longest_first=False), "exported goods").group(0) == "exported"


def test_whole_words_match_no_longer_word() -> None:
    pattern = re.compile(whole_words(["four", "several"]), re.I)
    assert pattern.search("Four leaders met") and not pattern.search("fourteen leaders met")
    assert whole_words(["a-b"], escape=True) == r"\b(?:a\-b)\b"
