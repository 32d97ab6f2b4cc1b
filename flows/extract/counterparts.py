"""Counterparts: 'his Uzbek counterpart X', 'Peruvian counterpart Y', 'A and counterpart B'.

A counterpart holds the office of the person they are paired with, in the country the demonym names (or the other
side, decided once the document is read)."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention
from flows.extract.names import Tok, read_name
from flows.extract.person_entities import inside
from flows.extract.persons import Mention, Person
from flows.extract.titles import Found, taken_tokens

__all__ = ["counterpart_named_first", "counterpart_of", "counterparts"]

# 'his Uzbek counterpart X', and with no possessive: 'Chilean President A and Peruvian counterpart B', 'A and counterpart B'
COUNTERPART = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:\b(?P<dem>[A-ZÀ-Þ][\w’'-]+)\s+)?\bcounterparts?\s*,?\s*")
ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;]{3,80},")


def counterparts(sentence: str, toks: list[Tok], countries: list[CountryMention], founds: list[Found]) -> None:
    """'his Uzbek counterpart Shavkat Mirziyoyev': same role as the other, country from the demonym."""
    if "counterpart" not in sentence:
        return  # COUNTERPART needs the literal word (as written): no match, nothing to do (speed)
    taken = taken_tokens(founds)
    for m in COUNTERPART.finditer(sentence):
        k = next((n for n, t in enumerate(toks) if t.start >= m.end()), None)
        if k is None:
            continue
        e = read_name(toks, k)
        dem = None
        if m.group("dem"):
            c = next((c for c in countries if c.start == m.start("dem")), None)
            dem = c.iso3 if c else None
        if e > k and k not in taken:
            founds.append(Found(k, e, None, dem, "explicit" if dem else "none", counterpart_at=m.start()))
            taken |= set(range(k, e))
        else:
            # the name itself, or after a title: 'his Botswana counterpart President X' (the title's Found starts at X)
            at = next((f.start_tok for f in sorted(founds, key=lambda f: f.start_tok) if k <= f.start_tok <= k + 4
                       and all(toks[x].text[:1].isupper() and toks[x].country is None for x in range(k, f.start_tok))),
                      None)
            for f in founds:
                if f.start_tok == at and f.country is None and dem:
                    f.country, f.cue = dem, "explicit"
                if f.start_tok == at:
                    f.counterpart_at = m.start()


def counterpart_of(sentence: str, f: Found, out: list[tuple[Person, Mention]], last_person: Person | None) -> Person | None:
    """Whose counterpart the person found at `f` is: the person named last before the word 'counterpart' in this
    sentence, else the last sentence's person. 'X, who accompanied Y, said he had agreed with his counterpart Z': not
    the person in the aside (Y)."""
    asides = [m.span() for m in ASIDE.finditer(sentence)]
    before = [p for p, m in out if m.end <= f.counterpart_at and not inside(m.start, asides)]
    return before[-1] if before else last_person


def counterpart_named_first(founds: list[Found]) -> None:
    """'Speaking with his Chilean counterpart Ana Lima, Peruvian Foreign Minister Jon Roe said ...': a counterpart
    named before anyone else in the sentence is the counterpart of the titled person named next (not of the last
    sentence's person)."""
    ordered = sorted(founds, key=lambda f: f.start_tok)
    for n, f in enumerate(ordered):
        if f.counterpart_at is None or n > 0:
            continue
        nxt = next((g for g in ordered[n + 1:] if g.role and g.counterpart_at is None), None)
        if nxt is not None and nxt.start_tok - f.end_tok <= 4:
            f.counterpart_next = nxt
