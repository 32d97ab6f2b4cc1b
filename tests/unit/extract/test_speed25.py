"""Speed edits of session 16 (helper speed25) give the answers of the code they replaced, on made-up text."""
from __future__ import annotations

from flows.extract import document_pair
from flows.extract.event_grammar import _stem_index, _triggers, rules

SENTENCES = [
    "Arland and Borvia established formal diplomatic relations in May 1992; they severed ties in 2001.",
    "Relations between Arland and Borvia were restored after the president visited the capital.",
    "The ministers held talks on trade ties, and the summit was held in Lima.",
    "Ties with Borvia go back to the 1950s, the minister said at the exhibition opening.",
    "KELVIN İSTANBUL relations ſevered",  # characters sre folds by its own table: every row is tried
    "No trigger word stands here at all.",
]


def _every_row(clause: str, clause_start: int) -> tuple:
    """The hits of every row the stems choose, with no row gate (the code before event_trigger_gates.py)."""
    automaton, index = _stem_index()
    wanted = {i for _, stem in automaton.iter(clause.lower()) for i in index[stem]}
    return tuple((rules()["triggers"][i].event_type, clause_start + m.start(), clause_start + m.end(), m.group(0))
                 for i in sorted(wanted) for m in rules()["triggers"][i].pattern.finditer(clause))


def test_row_gates_keep_every_hit() -> None:
    for sentence in SENTENCES:
        assert tuple(tuple(hit) for hit in _triggers.__wrapped__(sentence, 7)) == _every_row(sentence, 7)


def test_leader_names_as_finditer_found_them() -> None:
    pattern, names, gate = document_pair._leader_names()
    some = sorted(names)[:40]
    texts = [f"{a} met {b}, and {a}{b} signed" for a, b in zip(some, reversed(some))]
    texts += [f"x{some[0]} and {some[1]}y", f"{some[2]}, {some[2]}.", "Nobody known is named here."]
    for text in texts:
        before = [names[m.group(0)] for m in pattern.finditer(text)] if gate.open(text) else []
        assert document_pair._leaders_in(text) == before


def test_gate_by_identity_is_the_gate_by_value() -> None:
    import re

    from flows.common import prefilter

    pattern = re.compile(r"\b(?:severed|suspended)\s+ties\b", re.I)
    twin = re.compile(r"\b(?:severed|suspended)\s+ties\b", re.I)  # re's cache may give the same object: either way
    assert prefilter.gate(pattern) is prefilter.gate(pattern) is prefilter.gate(twin)
    assert prefilter.gate(pattern).open("They severed ties.") and not prefilter.gate(pattern).open("They met.")
