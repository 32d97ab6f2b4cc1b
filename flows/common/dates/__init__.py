"""Date expressions in a sentence, found with one compiled regex and resolved against the publication date
(relative) or the last date the text named (anaphora).

Where things are: the words in flows/lexicon/dates.toml (words.py reads them); the grammar and the scanner in
grammar.py; handlers named for what they parse in explicit.py (written dates) and relative.py (relative and
anaphoric dates); DateContext and DateMention in context.py; lone date strings and table periods in periods.py.

Rules worth knowing (each has a test in tests/unit/test_dates.py):
- Spans include a leading preposition ("in August of the same year", "since 2007", "on 11 June").
- A date with day and month but no year takes the publication year (the year before when that would put a past
  event after publication, the year after when a future-tense clause would put it before); with no publication
  date it takes the year the text gives the same day written in full elsewhere ("on 14 October" ... "Lisbon,
  14 October 2019": `document_days`, passed as `DateContext(None, known_days=...)`), else the year of the last
  date in the text (anaphora); with none of these it stays None, and so do "yesterday" and "on Monday". A weekday
  before it ("on Thursday, April 27") picks the year nearest the last date's (or, before any, the page's newest
  year written with a month: `document_year`) in which that day is that weekday.
- "on Monday": within the past week, the publication day's own weekday included (news style); the next one after
  publication when the clause is in the future tense ("will", "is due to", ...); "last Monday" the week before.
- Anaphoric phrases ("the same year", "two days later", "on the 28th") resolve against the last date the
  context saw, whatever its own resolution; they never fall back to the publication date.
- Seasons give year precision (the dev-set convention); weeks and weekends give kind 'period' with day precision
  and an end; "the year"/"the month" follow the last date, or mean the current one in a future clause.
- Ranges take an en dash, a hyphen, "to" or "and" ("May 21–23, 2019", "5-6 June", "Sept 14-15,2017");
  two years joined by "and" are two dates ("in 1972 and 1991") unless "between" opens them (a period).
- A bare four-digit year after a capitalised word ("Resolution 1973", "Expo 2020") is part of a name.
Speed: find() tries the big regex only at starter words in the run of date words before a core word (a digit,
a month, a weekday, "year", ...), which gives exactly finditer's matches (tested) at ~14,000 sentences/s.
"""
from flows.common.dates.arithmetic import PRECISION_RANK, format_date, shift_date
from flows.common.dates.context import (DateContext, DateMention, document_days, document_year, explicit_mention,
                                        lead_day, newest_day, publication_mention, written_dates)
from flows.common.dates.grammar import DATE_RX, could_have_date, scan
from flows.common.dates.headings import dates_by_sentence, heading_year
from flows.common.dates.periods import parse_date_text, parse_period
from flows.common.dates.words import MONTHS, MULTIPLIERS, NUMBER_WORDS, SEASON_START_MONTH, WEEKDAYS

__all__ = [
    "DATE_RX", "MONTHS", "MULTIPLIERS", "NUMBER_WORDS", "PRECISION_RANK", "SEASON_START_MONTH", "WEEKDAYS",
    "DateContext", "DateMention", "could_have_date", "dates_by_sentence", "document_days", "document_year", "newest_day",
    "explicit_mention", "publication_mention", "written_dates",
    "format_date",
    "heading_year", "lead_day", "parse_date_text", "parse_period", "scan", "shift_date",
]
