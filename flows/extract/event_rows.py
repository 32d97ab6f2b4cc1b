"""The rows the event reader writes (one per event a clause tells) and what it remembers across a document's
sentences (split from events.py, which reads the clauses)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flows.common.dates import DateMention


@dataclass
class EventRow:
    event_type: str
    actor: str
    target: str
    start: int  # the clause within the sentence
    end: int
    trigger: str
    date: DateMention | None
    resolution: str | None
    status: str
    symmetric: bool
    participants: list[str] | None
    place: str | None = None
    trigger_start: int = 0
    inherited: bool = False  # the date comes from an earlier event of the text ('The ministers signed ...')

    @property
    def event_date(self) -> date | None:
        return self.date.value if self.date else None


@dataclass
class EventState:
    """What the event reader remembers across the sentences of one document."""

    pair: tuple[str, str] | None
    anchor: DateMention | None = None
    published: date | None = None
    events: list[EventRow] = field(default_factory=list)
    last_clause_type: str | None = None
    last_clause_parties: tuple[str, str] | None = None
    sentences_read: int = 0  # the lead is the first LEAD_SENTENCES of them
    headings_read: int = 0  # of sentences_read, the lines with no closing stop (headline, standfirst, date line)
    anchor_read: int = 0  # sentences_read when the anchor was set: how far back the day of undated rows was told
    sentence_rows: list[EventRow] = field(default_factory=list)  # the current sentence's rows of its earlier clauses
    previous_rows: list[EventRow] = field(default_factory=list)  # the rows of the sentence before it
    sentence_dates: list[DateMention] = field(default_factory=list)  # the current sentence's dates, every clause's
    # anniversaries told as now in a story with no year of its own: (count, sides, its words, where in the sentence,
    # the sentence), dated at the document's end by the relations' year the text tells (event_anniversaries)
    undated_anniversaries: list[tuple[int, tuple[str, str], str, int, str]] = field(default_factory=list)
    # (sides, first day, a later day) of visits whose length a later sentence told: rows of the visit already written
    # with a day inside it take its first day (event_days.first_days)
    visit_spans: list[tuple[tuple[str, str] | frozenset[str], date, date]] = field(default_factory=list)
