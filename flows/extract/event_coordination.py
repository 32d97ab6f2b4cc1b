"""A second clause joined by 'and' that has a subject of its own acts with its own sides.

'Arland opened an embassy in Borvia in 1960 and Borvia set up its embassy in Arland in 1965': the clause splitter keeps
one clause (no comma before 'and'), so both openings would read the sides of the whole, the first subject acting in
both; the second opening is Borvia's. A new subject is a country (or a person of a country, or a demonym before a few
title words) right after 'and', followed by a finite verb; each trigger then reads the sides of its own part.
"""
from __future__ import annotations

import re
from dataclasses import replace

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.event_clause import Clause
from flows.extract.event_parties import Parties, read_parties
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import family

_WORDS = read_toml("clause_sides.toml")
SEAM = re.compile(r"\s+and\s+(?:" + alternation(_WORDS["seam_adverbs"], escape=False) + r"\s+)?(?:the\s+|(?:"
                  + alternation(_WORDS["seam_determiners"], escape=False) + r")\s+(?:" + _WORDS["seam_counterpart"]
                  + r"\s+)?)?(?:" + alternation(_WORDS["seam_modifiers"], escape=False) + r"\s+)?", re.I)
# after the subject: up to four words (titles, a name of two words, an adverb), then a finite verb
VERB_AFTER = re.compile(r"(?:[’']s)?(?:\s+[\w-]+){0,4}?\s+(?:[a-z]+ed|" + alternation(_WORDS["irregular_verbs"])
                        + r")\b")
FINITE_VERB = re.compile(r"\b(?:[a-z]+ed|" + alternation(_WORDS["irregular_verbs"]) + r")\b")
SUBJECT_KINDS = ("name", "demonym")


def _seams(clause: Clause) -> list[tuple[int, int]]:
    """(start, end) of each 'and' that opens a clause with its own subject: a country or a person at its end, a
    finite verb soon after, and a verb before it since the last seam ('Arland and Borvia recognised Cordia' joins two
    subjects of one verb, no clauses)."""
    seams: list[tuple[int, int]] = []
    for match in SEAM.finditer(clause.sentence, clause.start, clause.end):
        if not FINITE_VERB.search(clause.sentence, seams[-1][1] if seams else clause.start, match.start()):
            continue
        subject: CountryMention | None = next((country for country in clause.countries if country.start == match.end()
                                               and country.kind in SUBJECT_KINDS), None)
        end = subject.end if subject is not None else next(
            (person_end for person, start, person_end in clause.persons if start == match.end() and person.country),
            None)
        if end is not None and VERB_AFTER.match(clause.sentence, end):
            seams.append((match.start(), match.end()))
    return seams


def own_clause_parties(parties: Parties, clause: Clause, hit_start: int, hit_end: int) -> Parties:
    """The sides of the part of the clause that holds the trigger, between the seams around it, when the clause has a
    coordinated clause with a subject of its own and the part names a country; else the parties as read."""
    if parties.pair_phrase:
        return parties  # 'the two countries ... and Borvia then ...': the pair phrase is read for the whole clause
    seams = _seams(clause)
    if not seams:
        return parties
    start = max([end for _, end in seams if end <= hit_start], default=clause.start)
    end = min([begin for begin, _ in seams if begin >= hit_end], default=clause.end)
    if (start, end) == (clause.start, clause.end):
        return parties
    part = read_parties(clause.sentence, start, end, [c for c in clause.countries if start <= c.start < end],
                        [p for p in clause.persons if start <= p[1] < end], [], None)
    return part if part.all else parties


VISIT_AFTER_AND = re.compile(alternation(_WORDS["coordinated_visit_opener"], escape=False), re.I)
REVERSING = re.compile(r"\b" + alternation(_WORDS["reversing_words"]) + r"\b", re.I)


def coordinated_visits(rows: list[EventRow], clause: Clause) -> list[EventRow]:
    """A visit told as 'and a visit in 2015 for the Y Summit' after another visit of the clause, with no country
    or person of a country after it, is the first visit's visitor to the same host: 'Her visit to Borvia in 2014 to
    attend the inauguration of President X, and a visit in 2015 for a summit' (X, a Borvian, is no visitor)."""
    visits = sorted((row for row in rows if family(row.event_type) == "visit"), key=lambda row: row.trigger_start)
    for first, later in zip(visits, visits[1:]):
        before = clause.sentence[max(clause.start, later.trigger_start - 40):later.trigger_start]
        if not VISIT_AFTER_AND.search(before) or REVERSING.search(before + later.trigger) \
                or first.status != later.status or first.trigger_start == later.trigger_start:
            continue
        named_after = [c for c in clause.countries if c.start >= later.trigger_start] + [
            p for p, start, _ in clause.persons if start >= later.trigger_start and p.country]
        if not named_after:
            later.actor, later.target = first.actor, first.target
    return rows


INSTRUMENT_AFTER = re.compile(_WORDS["coordinated_instrument"], re.I)


def coordinated_instruments(rows: list[EventRow], clause: Clause) -> list[EventRow]:
    """Each instrument coordinated after a dated signing with a date of its own is a signing on that date: 'The two
    sides signed a fisheries memorandum in 2017 and a port protocol in 2018' is two agreement_signed rows. A
    chain of such objects is read date by date; words other than 'and', the instrument and its preposition end it."""
    out = list(rows)
    dates = sorted((mention for mention in clause.dates if mention.value is not None), key=lambda mention: mention.start)
    for row in rows:
        if family(row.event_type) != "agreement" or row.inherited or row.date not in dates:
            continue
        at = dates.index(row.date)
        for before, mention in zip(dates[at:], dates[at + 1:]):
            if not INSTRUMENT_AFTER.search(clause.sentence[before.end:mention.start]) or mention.start >= clause.end:
                break
            item = replace(row, date=mention, resolution=mention.resolution)
            if not any(family(other.event_type) == "agreement" and other.event_date == item.event_date
                       and other.date is not None and other.date.precision == mention.precision for other in out):
                out.append(item)
    return out
