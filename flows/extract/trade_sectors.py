"""Goods told by the sectors they come from (made up: 'Freedonia imports a variety of goods from the car, chemical
and textile sectors'): the sectors' names are the items, and 'from the ...' names no partner (it would otherwise be
read as the seller, or the covering word 'goods' as the only product). The covering words and the head 'sectors' are
blanked (same length: the positions of the sentence's countries stay), so the list reads as any other.
Row: trade.toml clause_bits sector_goods."""
from __future__ import annotations

from flows.extract.trade_lexicon import clause_bit

GATE_WORDS = ("sectors", "industries")  # the cheap gate (speed): no plural sector head, no such list


def blank_sector_heads(sentence: str) -> str:
    """The sentence with the covering words and the sector head of a sector list blanked; else as it was."""
    if not any(word in sentence for word in GATE_WORDS):
        return sentence
    out = sentence
    for m in clause_bit("sector_goods").finditer(sentence):
        for group in ("lead", "tail"):
            out = out[:m.start(group)] + " " * (m.end(group) - m.start(group)) + out[m.end(group):]
    return out
