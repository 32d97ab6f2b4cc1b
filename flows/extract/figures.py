"""Figures about the relation: trade values, growth, counts, with period and direction."""
from __future__ import annotations


def find_figures(sentence, countries, dates, pair_spans, pair) -> list[dict]:
    return []
