"""Which written period is a visit's own: the span written right after its trigger ('her state visit to Borvia from
3 to 5 May' began on the 3rd, whatever day the departure is told), and not the years that close an anniversary's
words ('the visit opens the events marking the 75th anniversary of ties (1950-2025)': 1950 is the ties', not the
visit's)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from flows.common.dates import DateMention
from flows.common.words import whole_words
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.lexicon import read_toml
from flows.lexicon.registry import family


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """events.toml [visit_span]: the words between a trigger and its span, the anniversary words, and the words
    after a year that tell a state ('year_state_after')."""
    data = read_toml("events.toml")["visit_span"]
    return (re.compile(data["between"], re.I), re.compile(whole_words(data["anniversary_words"]), re.I),
            re.compile(data["year_state_after"], re.I))


def visit_span(hit: Hit, dates: list[DateMention], sentence: str) -> DateMention | None:
    """The day range written right after a visit's trigger ('departed on Friday, ending his visit to Cordia from 2
    to 4 June'): the visit's own date (its value is the first day); None for another trigger or when there is none."""
    if family(hit.event_type) != "visit":
        return None
    between, _, _ = _words()
    return next((mention for mention in dates if mention.kind == "range" and mention.precision == "day"
                 and mention.value is not None and mention.start >= hit.end
                 and between.match(sentence[hit.end:mention.start])), None)


def without_anniversary_years(hit: Hit, dates: list[DateMention], sentence: str) -> list[DateMention]:
    """`dates` less, for a trigger that is no anniversary, the periods told after an anniversary word that follows
    it ('The talks open a year of events marking the 50th anniversary of ties (1974-2024)'), and a time after it
    that marks an anniversary ('is touring Borvia while this year marks its 25th jubilee')."""
    if family(hit.event_type) in ("anniversary", "relations"):
        return dates
    _, anniversary, state_after = _words()

    def year_state(mention: DateMention) -> bool:
        # 'while this year marks its 25th jubilee': the time is what marks the anniversary, not the act's
        found = anniversary.search(sentence, mention.end, mention.end + 60)
        return mention.start >= hit.end and found is not None \
            and state_after.match(sentence[mention.end:found.start()]) is not None

    return [mention for mention in dates if not (mention.start >= hit.end and mention.kind in ("range", "period")
                                                  and anniversary.search(sentence, hit.end, mention.start))
            and not year_state(mention)]


def span_anchor(rows: list, anchor: DateMention | None, before: DateMention | None) -> DateMention | None:
    """The first day of a visit the clause dated by its span ('ended his visit to Cordia from 2 to 4 June'), as the
    day of the undated meetings told after it ('The presidents held talks'), which are the visit's, not the day of
    the departure; else `anchor` unchanged. A day of the span told before (`before`: 'On 3 June they met. He is
    visiting Cordia from 2 to 4 June.') stays the day of what follows."""
    spans = [row.date for row in rows if family(row.event_type) == "visit" and row.status == "occurred"
             and row.date is not None and row.date.kind == "range" and row.date.precision == "day"]
    if not spans or (before is not None and before.precision == "day" and before.value is not None
                     and spans[0].value <= before.value <= (spans[0].end_value or spans[0].value)):
        return anchor
    return spans[0]


@lru_cache(maxsize=1)
def _joint() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = read_toml("events.toml")["visit_span"]
    return (re.compile(data["joint_subject_gap"], re.I), re.compile(data["joint_subject_join"], re.I),
            frozenset(data["going_verbs"]))


def joint_outing(hit: Hit, clause: Clause) -> bool:
    """'The host president and her guest toured the old fortress': a subject of two parts joined by 'and', each
    naming another side, before the going verb: the two are out together, which is no visit of one to the other."""
    gap, join, verbs = _joint()
    if family(hit.event_type) != "visit" or hit.text.lower() not in verbs:
        return False
    sentence = clause.sentence
    end = gap.search(sentence, clause.start, hit.start).start()
    start = max(clause.start, sentence.rfind(",", clause.start, end) + 1)
    joins = list(join.finditer(sentence, start, end))
    if len(joins) != 1:
        return False
    parts = [(start, joins[0].start()), (joins[0].end(), end)]
    if any(len(sentence[first:last].split()) > SUBJECT_WORDS for first, last in parts):
        return False
    marks = [(country.start, country.iso3) for country in clause.countries] + [
        (person_start, person.country) for person, person_start, _ in clause.persons if person.country]
    sides = [{iso for at, iso in marks if first <= at < last} for first, last in parts]
    return all(len(side) == 1 for side in sides) and sides[0] != sides[1]


# how many words each side of a joint subject holds at most ('Party General Secretary A B' and 'the French President')
SUBJECT_WORDS = 8


def anniversary_period(hit: Hit, dates: list[DateMention], sentence: str) -> DateMention | None:
    """'events marking the 40th anniversary of ties (1984-2024)': the period that closes the anniversary's words ends
    in the year the anniversary is marked, the anniversary's date (year precision); None for another trigger."""
    if family(hit.event_type) != "anniversary":
        return None
    _, anniversary, _ = _words()
    for mention in dates:
        if mention.kind == "period" and mention.precision == "year" and mention.start >= hit.start \
                and mention.value is not None and mention.end_value is not None \
                and mention.end_value.year > mention.value.year and anniversary.search(sentence, hit.start, mention.start):
            return replace(mention, value=date(mention.end_value.year, 1, 1), end_value=None, kind="point")
    return None


@lru_cache(maxsize=1)
def _relative_visitor() -> re.Pattern[str]:
    return re.compile(read_toml("events.toml")["visit_span"]["relative_visitor"], re.I)


def relative_visitor(actor_rule: str, hit: Hit, clause: Clause,
                     sides: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """'The host gave a dinner for President X, who was paying a two-day visit to the Andean nation': X, whom the
    relative 'who' follows, is the visitor; the sides turned when the rule made the sentence's subject the visitor."""
    actor, target = sides
    if family(hit.event_type) != "visit" or actor is None or target is None or actor_rule == "pair":
        return sides
    sentence = clause.sentence
    before = [(end, person) for person, _, end in clause.persons if end <= hit.start]
    if not before:
        return sides
    end, person = max(before, key=lambda item: item[0])
    if person.country == target and _relative_visitor().match(sentence[end:hit.start]):
        return target, actor
    return sides
