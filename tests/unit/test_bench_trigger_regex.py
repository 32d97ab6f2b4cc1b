"""The bench's naive regex baseline: every event trigger row in one alternation, whatever the rows name."""
from __future__ import annotations

from bench.extraction import trigger_regex


def test_every_trigger_row_compiles_into_one_alternation() -> None:
    # rows may name their act's words with (?P<act>...); two such rows in one alternation were a re.error
    pattern = trigger_regex()
    assert "(?P<" not in pattern.pattern and "{relation_passive}" not in pattern.pattern
    assert pattern.search("Borvia and Ruritania established diplomatic relations in 1992.") is not None
    assert pattern.search("Relations were raised in 1950, but severed in 1962.") is not None
    assert pattern.search("The weather was fine.") is None
