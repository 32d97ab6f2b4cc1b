"""A second occasion told after an act's own date in its clause, with the act not named again or named by its
noun alone: 'The first session of the commission met in 2001 in Arland and the second one in 2004', 'A trade treaty
was signed in 1901, followed by a convention in 1905', 'The ministers met in May and also in June'. Each later date
is the same act again, between the same sides (the words are rows of [later_occasions] in flows/lexicon/events.toml).

The date grammar's own lists ('met in 2001 and 2004', events._list_items) need the dates side by side; here words
may stand between them, but only: a place or an aside after the first date, a joining mark, and a short noun phrase
with no trigger of another family and no later step of the same act ('followed by its ratification in 1992')."""
from __future__ import annotations

import re
from dataclasses import replace

from flows.common.words import alternation
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import find_triggers
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import family

_WORDS = read_toml("events.toml")["later_occasions"]


def _any(*keys: str) -> str:
    """The rows of the keys as one alternation, in the lexicon's order (the first that matches is the mark)."""
    return alternation([word for key in keys for word in _WORDS[key]], longest_first=False, escape=False)


# after the first date: an aside '(hosted by Arland)' or a place 'in Arland', then the mark, then at most six words
SEAM = re.compile(r"(?:\s*\([^()]{0,80}\))?(?:\s+in\s+(?-i:[A-ZÀ-Þ][\w’'-]*)(?:\s+(?-i:[A-ZÀ-Þ][\w’'-]*)){0,2})?"
                  r"\s*,?\s*(?P<mark>" + _any("strong_marks", "weak_marks")
                  + r")\b(?P<rest>(?:\s+[\w’'-]+){0,6}?)\s*,?\s*$", re.I)
STRONG = re.compile(r"^(?:" + _any("strong_marks") + r")$", re.I)
GAP_WORDS = frozenset(_WORDS["gap_words"])
WORD = re.compile(r"[\w’'.-]+")
ORDINAL = re.compile(r"\b(?:" + _any("ordinals") + r")\b", re.I)
OTHER_ACT = re.compile(r"\b(?:" + _any("other_acts") + r")\b", re.I)


def later_occasions(row: EventRow, clause: Clause) -> list[EventRow]:
    """The same act on each later date of the clause that a seam joins to the row's own date."""
    if row.date is None or row.inherited or row.status != "occurred" or row.date not in clause.dates:
        return []
    out, last = [], row.date
    for mention in sorted(clause.dates, key=lambda mention: mention.start):
        if mention.start < last.end:
            continue
        if mention.value is None or mention.resolution != "explicit" or mention.kind not in ("point", "range"):
            break
        seam = SEAM.fullmatch(clause.sentence, last.end, mention.start)
        if not (seam is not None and _new_occasion(seam, row)
                or _gapped(row, clause, last.end, mention.start)):
            break
        out.append(replace(row, date=mention, resolution=mention.resolution))
        last = mention
    return out


def _new_occasion(seam: re.Match[str], row: EventRow) -> bool:
    """'and the second one', 'followed by a convention', 'and also': a new occasion of the same act; a bare 'and'
    with no ordinal ('and the agreement in 1992'), another family's trigger or a later step of the act is not."""
    rest = seam["rest"]
    if OTHER_ACT.search(rest) or any(family(hit.event_type) != family(row.event_type)
                                     for hit in find_triggers(rest, seam.start("rest"))):
        return False
    return bool(STRONG.match(seam["mark"]) or ORDINAL.search(rest))


def _gapped(row: EventRow, clause: Clause, start: int, end: int) -> bool:
    """'..., Mr Y, former Minister, in 2006', '... and the Minister of Defence, Mr Z, on 5 May': the act again with
    one more person of the row's side (or of no known side) and no other word than titles and a few joining words;
    a person of the other side ('and the Borvian President, Mr W, in 2003'), a country or a verb is another act."""
    people = [(person, first, last) for person, first, last in clause.persons if start <= first and last <= end]
    if len(people) != 1 or people[0][0].country not in (None, row.actor) or any(
            start <= country.start < end for country in clause.countries):
        return False
    person, first, last = people[0]
    text = clause.sentence[start:first] + " " + clause.sentence[last:end]
    words = [word.removeprefix("ex-") for word in WORD.findall(text)]
    return 0 < len(words) + 1 <= 14 and not find_triggers(clause.sentence[start:end], start) and all(
        word[:1].isupper() or word.casefold() in GAP_WORDS for word in words if word != ".")
