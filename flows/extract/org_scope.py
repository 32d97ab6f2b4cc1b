"""Where a word that denies a membership reaches: its own clause, not the whole sentence (session 18, orgs29).

'We are in the Rift Union together, which was not easy; we are in the Andes Club together': the 'not' belongs to
the aside about how hard it was, not to either membership. Before, any veto word anywhere in the sentence
('not', 'left', 'accession', ...; organizations.toml `not_shared`, `named_veto`) dropped every body the sentence
names. Now a veto word counts only in the clause that holds the body's name: clauses end at ';', at a colon, at a
comma before a word that opens a clause of its own ('which', 'while', 'but', ...; organizations.toml
`veto_clause_breaks`) and at an unpaired dash set apart by spaces. Two such dashes are a parenthesis
(`veto_clause_dash`, mend30a): a name inside has the parenthesis for its clause; for a name outside, the clause goes on
past it and its words count for nothing. 'not only ... but also', 'not least' deny nothing (`not_a_veto`)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _rows() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = read_toml("organizations.toml")
    return (re.compile("|".join(data["veto_clause_breaks"]), re.I),
            re.compile("|".join(data["not_a_veto"]), re.I),
            re.compile(data["veto_clause_dash"]))


def _dashes(sentence: str) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int]]]:
    """The sentence's spaced dashes: pairs taken in order as parentheses (outer start, inner start, inner end, outer
    end), and the one left unpaired (a clause break), if any."""
    _, _, dash = _rows()
    found = [(m.start(), m.end()) for m in dash.finditer(sentence)]
    pairs = [(a[0], a[1], b[0], b[1]) for a, b in zip(found[::2], found[1::2])]
    return pairs, found[len(pairs) * 2:]


def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding sentence[start:end]: from the last clause break before it to the first one
    after it; a name inside a dash parenthesis has the parenthesis for its clause."""
    breaks, _, _ = _rows()
    pairs, unpaired = _dashes(sentence)
    for outer_start, inner_start, inner_end, outer_end in pairs:
        if inner_start <= start and end <= inner_end:
            return inner_start, inner_end
    cuts = [(m.start(), m.end()) for m in breaks.finditer(sentence)] + unpaired
    cuts = sorted(cut for cut in cuts if not any(p[0] <= cut[0] < p[3] for p in pairs))
    lo, hi = 0, len(sentence)
    for cut_start, cut_end in cuts:
        if cut_end <= start:
            lo = cut_end
        elif cut_start >= end:
            hi = cut_start
            break
    return lo, hi


def vetoed(veto: re.Pattern[str], sentence: str, start: int, end: int) -> bool:
    """Whether a veto word stands in the clause of the name at sentence[start:end] ('not only' and the like, and a
    dash parenthesis the name is not in, blanked out first: they deny nothing)."""
    lo, hi = clause_span(sentence, start, end)
    _, harmless, _ = _rows()
    blank = list(sentence[lo:hi])
    for outer_start, _, _, outer_end in _dashes(sentence)[0]:
        if lo <= outer_start and outer_end <= hi:
            blank[outer_start - lo:outer_end - lo] = " " * (outer_end - outer_start)
    clause = harmless.sub(lambda m: " " * len(m.group(0)), "".join(blank))
    return veto.search(clause) is not None
