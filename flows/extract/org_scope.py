"""Where a word that denies a membership reaches: its own clause, not the whole sentence (session 18, orgs29).

'We are in the Rift Union together, which was not easy; we are in the Andes Club together': the 'not' belongs to
the aside about how hard it was, not to either membership. Before, any veto word anywhere in the sentence
('not', 'left', 'accession', ...; organizations.toml `not_shared`, `named_veto`) dropped every body the sentence
names. Now a veto word counts only in the clause that holds the body's name: clauses end at ';', at a colon, at a
dash set apart by spaces, and at a comma before a word that opens a clause of its own ('which', 'while', 'but', ...;
organizations.toml `veto_clause_breaks`). 'not only ... but also', 'not least' deny nothing (`not_a_veto`)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _rows() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_toml("organizations.toml")
    return (re.compile("|".join(data["veto_clause_breaks"]), re.I),
            re.compile("|".join(data["not_a_veto"]), re.I))


def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding sentence[start:end]: from the last clause break before it to the first one
    after it."""
    breaks, _ = _rows()
    lo, hi = 0, len(sentence)
    for m in breaks.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def vetoed(veto: re.Pattern[str], sentence: str, start: int, end: int) -> bool:
    """Whether a veto word stands in the clause of the name at sentence[start:end] ('not only' and the like
    blanked out first: they deny nothing)."""
    lo, hi = clause_span(sentence, start, end)
    _, harmless = _rows()
    clause = harmless.sub(lambda m: " " * len(m.group(0)), sentence[lo:hi])
    return veto.search(clause) is not None
