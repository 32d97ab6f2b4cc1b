"""Times a clause tells that are no date of its act (rows of flows/lexicon/event_times.toml): a decade, a stretch of
years after the story's last date, a scheduled thing's date, a year that heads another thing's name, a length of
years celebrated. Each test reads the clause's shape; the words are data."""
from __future__ import annotations

import re

from flows.common.dates import DateMention
from flows.common.words import alternation, whole_words
from flows.lexicon import read_toml

_ROWS = read_toml("event_times.toml")
_SPANS = _ROWS["spans_after"]
DECADE = re.compile(r"\d0['’]?s\b")
# 'in the 1960s', 'throughout the 1990s', 'during the early 1980s': the decade as the time of the act
DECADE_TIME_BEFORE = re.compile(r"\b" + alternation(_ROWS["decades"]["time_before"])
                                + r"\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?$", re.I)
# 'In the decades that followed, both states concluded ...': a stretch, no one day
SPAN_AFTER = re.compile(r"\b" + alternation(_SPANS["openers"]) + r"\s+(?:(?:two|three|four|five|few|several)\s+)?"
                        + alternation(_SPANS["stretches"]) + r"\b|" + whole_words(_SPANS["whole"]), re.I)
OPENING_REACH = 4  # characters from the clause's start to a decade that opens it ('In the 1960s, ...')
FOLLOWED_BEFORE = re.compile(_ROWS["followed_acts"]["before"], re.I)
SCHEDULED_BEFORE = re.compile(alternation(_ROWS["scheduled"]["before"], escape=False), re.I)
SINCE_PHRASE_BEFORE = re.compile(_ROWS["since_phrase"]["before"], re.I)
NAMED_TITLE_AFTER = re.compile(_ROWS["named_titles"]["after"])
NAMED_TITLE_BEFORE = re.compile(_ROWS["named_titles"]["before"], re.I)
BARE_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
COUNTED_YEARS = re.compile(_ROWS["lengths"]["counted_years"])
ROUND_BY: int = _ROWS["lengths"]["round_by"]


def undated_told(clause_text: str, dates: list[DateMention], sentence: str, hit_start: int, clause_start: int) -> bool:
    """The clause tells its time as a decade ('in the 1960s, the premier visited three times') or a stretch after
    the last date ('Over the following decades, they signed ...'): its act has no date to give, neither its own nor
    one inherited from the sentence before, so no dated row is made. A decade naming an era ('discussed the people
    missing since the wars of the 1990s') is no time of the act, nor one told before the trigger inside the
    clause ('the consulate, opened in the 1970s, was later upgraded': the opening's). An act the news follows ('the
    talks follow a recent visit to Borvia by the minister') came before the story's day and has no date either."""
    if FOLLOWED_BEFORE.search(sentence, max(0, hit_start - 60), hit_start):
        return True
    return any(_decade_as_time(mention, sentence) and (mention.start > hit_start
                                                       or mention.start - clause_start <= OPENING_REACH)
               for mention in dates) or SPAN_AFTER.search(clause_text) is not None


def _decade_as_time(mention: DateMention, sentence: str) -> bool:
    """'in the 1960s', 'throughout the 1990s': a decade after a preposition of time (in the mention or before it)."""
    decade = DECADE.search(mention.text)
    return decade is not None and DECADE_TIME_BEFORE.search(
        sentence, max(0, mention.start - 25), mention.start + decade.start() - 2) is not None


def no_decade(mention: DateMention | None) -> DateMention | None:
    """'aid throughout the 1990s': a decade is no date of an act (None); any other date as it is."""
    return None if mention is not None and DECADE.search(mention.text) else mention


def other_things_date(mention: DateMention, hit_start: int, sentence: str) -> bool:
    """The date is a scheduled thing's ('elections due at the end of 2025') or another act's after 'since the'
    ('reaffirmed the ties grown since the king's visit in May 2015'): not the act's date."""
    if SCHEDULED_BEFORE.search(sentence, max(0, mention.start - 20), mention.start):
        return True
    since = SINCE_PHRASE_BEFORE.search(sentence, max(0, mention.start - 90), mention.start)
    return since is not None and not since.start() <= hit_start < mention.start


def closes_since_phrase(mention: DateMention, sentence: str) -> bool:
    """'ties grown since the king's visit in May 2015': the date of a background act, no day of the story."""
    return SINCE_PHRASE_BEFORE.search(sentence, max(0, mention.start - 90), mention.start) is not None


def own_times(dates: list[DateMention], hit_start: int, hit_end: int, sentence: str) -> list[DateMention]:
    """The clause's dates less those that are another thing's (`other_things_date`) and, when another stays, the
    years that head another occasion's name (`without_title_years`)."""
    return without_title_years([mention for mention in dates if not other_things_date(mention, hit_start, sentence)],
                               hit_start, hit_end, sentence)


def without_title_years(dates: list[DateMention], hit_start: int, hit_end: int, sentence: str) -> list[DateMention]:
    """A year heading a name in capitals that is not the trigger's ('met on Sunday ahead of the 2030 Lisbon Expo')
    names that thing: the act takes another date of the clause when there is one ('on Sunday'); when the name's
    year is the only one ('signed on the sidelines of the 2030 Lisbon Expo'), the act was in that year."""
    kept = [mention for mention in dates if not _title_year(mention, hit_start, hit_end, sentence)]
    return kept if kept else dates


def _title_year(mention: DateMention, hit_start: int, hit_end: int, sentence: str) -> bool:
    if not BARE_YEAR.fullmatch(mention.text) or not NAMED_TITLE_BEFORE.search(sentence, max(0, mention.start - 8),
                                                                               mention.start):
        return False
    name = NAMED_TITLE_AFTER.match(sentence, mention.end)
    return name is not None and not (mention.start <= hit_start < name.end() or mention.start < hit_end <= name.end())


def length_not_jubilee(trigger: str) -> bool:
    """'are celebrating 27 years of cooperation': a count of years that is no round number tells a length, not an
    anniversary held ('celebrating 30 years of ties' is one)."""
    counts = [int(match["n"]) for match in COUNTED_YEARS.finditer(trigger)]
    return bool(counts) and all(count % ROUND_BY for count in counts)
