"""A list whose items each carry their own change (made up: 'Ruritania's main exports to Freedonia were tea, which rose
12 percent, rice, up 9 percent, and salt, which fell 3 percent'): the change after each item is a relative clause or
an appositive, no item and no new clause, so it is blanked (same length: the positions of the sentence's countries
stay) and the items read as one list. Row: trade.toml clause_bits item_change."""
from __future__ import annotations

from flows.extract.trade_lexicon import clause_bit

MIN_CHANGES = 2  # one change after one item is no list shape (the sentence's own figure, read as usual)
GATE_WORDS = ("%", "ercent", "er cent")  # (no lower(): 'Percent' and 'percent' share 'ercent'; speed)


def blank_item_changes(sentence: str) -> str:
    """The sentence with each item's own change blanked when two items or more carry one; else as it was."""
    if not any(word in sentence for word in GATE_WORDS):
        return sentence  # the cheap gate: no percentage, no such change
    changes = list(clause_bit("item_change").finditer(sentence))
    if len(changes) < MIN_CHANGES:
        return sentence
    out = sentence
    for m in changes:
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out
