"""One clause of a sentence as the event reader sees it, and what can be told from a clause alone: its point dates,
the part before a position, the countries it names as actors, whether it is a present-perfect news lead."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.common.dates import DateMention
from flows.lexicon import read_toml
from flows.extract.countries import CountryMention
from flows.extract.people import Person


@dataclass
class Clause:
    """One clause of a sentence and what it holds."""

    sentence: str
    start: int
    end: int
    dates: list[DateMention]
    countries: list[CountryMention]
    persons: list[tuple[Person, int, int]]

    @property
    def text(self) -> str:
        return self.sentence[self.start:self.end]


def point_dates(clause: Clause) -> list[DateMention]:
    """The clause's dates that name a point or period (not 'until ...'), resolved."""
    return [mention for mention in clause.dates if mention.value is not None and mention.kind != "until"]


def named(clause: Clause) -> set[str | None]:
    """The countries a clause names as actors, itself or through its people (a capital is a place: 'met in Lima')."""
    return {country.iso3 for country in clause.countries if country.kind != "capital"} | {
        person.country for person, _, _ in clause.persons}


def part_before(clause: Clause, end: int) -> Clause:
    """The clause cut at `end`, with only what is before it."""
    return Clause(clause.sentence, clause.start, end, [mention for mention in clause.dates if mention.start < end],
                  [country for country in clause.countries if country.start < end],
                  [person for person in clause.persons if person[1] < end])


LEAD_SENTENCES = 3
# a perfect that sums up a stretch of time, not the day's news: 'have signed more than 50 agreements since 1992'
PERFECT_TALLY = re.compile(r"\b(?:more\s+than|over|so\s+far|to\s+date|already|ever|since|times|several|many|all|"
                           r"numerous|dozens|hundreds|years|decades|over\s+the)\b|\b(?:\d+|two|three|four|five|six|"
                           r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+dozen)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:agreements|documents|deals|memorand\w*|treaties|accords|meetings|"
                           r"visits|MoUs)\b", re.I)


def perfect_lead(before: str, clause: Clause, sentences_read: int) -> bool:
    """A news lead in the present perfect ('X has received his counterpart in the capital', 'A and B have signed a
    security pact'): the story's news, told on its day, not a state; a tally ('have signed 50 agreements since
    1992') or a perfect deeper in the text stays a state."""
    # 'the first meeting since the new cabinet took office' marks the news as a first, not a tally: its 'since'
    # is no stretch summed up ('Ana and Rui have held the first talks since the election': a meeting that day)
    told = re.sub(read_toml("events.toml")["first_since"], " ", clause.text, flags=re.I)
    return (sentences_read < LEAD_SENTENCES and not PERFECT_TALLY.search(told)
            and re.search(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+|just\s+)?$", before, re.I) is not None)
