"""The date grammar: one compiled regex of named alternatives, and a scanner that tries it only where a date
can start. Each alternative's handler (same name) lives in explicit.py or relative.py.

Group names: "(?P<@x>" in an alternative becomes "(?P<name_x>" so that names stay unique across alternatives.
"""
from __future__ import annotations

import re

from flows.common.dates.words import (AHEAD_NOT_AFTER, AHEAD_WORDS, FULL_MONTHS, MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS,
                                     POINT_PREPOSITIONS, PREP_KIND, RELATIVE_DAYS, WEEKDAYS, YEAR_KINDS,
                                     capitalised)
from flows.common.words import alternation
from flows.common.prefilter import word_gate

_MON = rf"(?:{alternation(capitalised(FULL_MONTHS))}|{alternation(capitalised(MONTH_ABBREVIATIONS))}\.?)(?![A-Za-z])"
_MONF = rf"{alternation(capitalised(FULL_MONTHS))}(?![A-Za-z])"
_DAY = r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_BARE_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_YEAR = r"(?<![\d.,$€£/])" + _BARE_YEAR
_DASH = r"\s?[–—-]\s?"
_RELYEAR = (r"(?i:the\s+same\s+year|that\s+same\s+year|that\s+year|this\s+year|last\s+year|next\s+year|the\s+following\s+year"
            r"|the\s+previous\s+year|the\s+preceding\s+year)")
# A year after a day and month may follow a comma with no space ("14-15 October,2017").
_DAY_MONTH_YEAR = rf"(?:(?:,(?=\d)|,?\s+)(?:(?P<@y>{_BARE_YEAR})|(?P<@ry>{_RELYEAR})))?"
_NUM = rf"(?i:{alternation([word for word, value in NUMBER_WORDS.items() if value <= 50])[3:-1]}|\d{{1,3}})"
_UNIT = r"(?i:day|week|month|year|decade)s?"
_WEEKDAY = rf"{alternation(capitalised(WEEKDAYS))}(?![A-Za-z])"
_RELDAY = alternation(RELATIVE_DAYS, "i")
# "between" is its own group: only "between 2010 and 2015" joins two years by "and" into one period
_PREPOSITIONS = [*(word for word in PREP_KIND if word != "between"), *POINT_PREPOSITIONS]
_PREP = rf"(?:(?P<prep>(?i:{alternation(_PREPOSITIONS)[3:-1]}|(?P<between>between)))\s+)?"
# "the 2023 calendar year": the year itself, told with what kind of year it is
_CALENDAR_YEAR = alternation(YEAR_KINDS, "i") + r"\s+(?i:year)"
_RANGE_JOIN = rf"(?:{_DASH}|\s+(?i:to|until|and)\s+)"
# what may stand right before a day range's first day when the second carries its weekday: the first day's own weekday
# ('Friday 2nd to Monday 5th'), or 'from'/'between' (lookbehinds, each of one width, so one alternation of them)
# a programme's short weekdays ('from Mon 3 to Thu 6 July'), read only inside such a range ('Sun' alone is a word)
_SHORT_WEEKDAYS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
_RANGE_OPENS = "|".join([rf"(?<={word}{sep})" for word in [*capitalised(WEEKDAYS), *_SHORT_WEEKDAYS]
                         for sep in (" ", ", ", ". ")]
                        + [rf"(?<={word} )" for word in ("from", "From", "between", "Between")])
_RANGE_WEEKDAY = rf"(?:{_WEEKDAY}|{alternation(_SHORT_WEEKDAYS)}\.?(?![A-Za-z]))"

# the pairs of days a date written in both calendars can hold ('12/24'): the new-style day 10 to 13 days after the old
# (the Julian calendar's lag from 1582 on); any other 'a/b' before a month ('1/3 March') is no such date
_OLD_NEW_DAYS = "|".join(f"{'0?' if old < 10 else ''}{old}/{new}"
                         for old in range(1, 22) for new in range(old + 10, min(old + 13, 31) + 1))


def _year_after_day(group: str) -> str:
    """An optional year after a day: ', 2017', ' 2017', ',2017' (no space after the comma) or ' of 2017', captured
    in `group`."""
    return rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<{group}>{_BARE_YEAR}))?"


ALTERNATIVES: list[tuple[str, str]] = [
    ("iso_date", r"(?<![\d-])(?P<@y>\d{4})-(?P<@m>[01]\d)-(?P<@d>[0-3]\d)"
                 r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d])"),
    ("numeric_date", r"(?<![\d.,/-])(?P<@a>\d{1,2})(?P<@s>[./-])(?P<@b>\d{1,2})(?P=@s)(?P<@y>\d{4})(?![\d])"
                     # year first with slashes or dots, as East Asian pages stamp the day ('2024/1/1', '2024.01.01')
                     r"|(?<![\d.,/-])(?P<@fy>(?:19|20)\d\d)(?P<@fs>[./])(?P<@fm>[01]?\d)(?P=@fs)(?P<@fd>[0-3]?\d)(?![\d]|[./]\d)"),
    ("day_month_to_day_month",
     rf"(?:the\s+)?(?P<@d1>{_DAY})(?:\s+of)?\s+(?P<@m1>{_MON}){_RANGE_JOIN}"
     rf"(?:the\s+)?(?P<@d2>{_DAY})(?:\s+of)?\s+(?P<@m2>{_MON})(?:,?\s+(?P<@y>{_YEAR}))?"),
    # the same in the order month-day ('August 29 to September 6, 2024', as US and Chinese ministry pages write it)
    ("month_day_to_month_day",
     rf"(?P<@m1>{_MON})\s+(?P<@d1>{_DAY}){_RANGE_JOIN}(?P<@m2>{_MON})\s+(?P<@d2>{_DAY})" + _year_after_day("@y")),
    # the second day may carry its weekday ('from Friday 2nd to Monday 5th of May') only when the first has one too
    # or follows 'from'/'between': 'Day 2 – Tuesday 5 March', 'Room 12 to Friday 14 June' are a label and one day
    # (review34a)
    ("days_of_month", rf"(?P<@wk>{_RANGE_OPENS})?(?:the\s+)?(?P<@d1>{_DAY}){_RANGE_JOIN}(?(@wk)(?:{_RANGE_WEEKDAY},?\s+)?)"
                      rf"(?:the\s+)?(?P<@d2>{_DAY})"
                      rf"(?:\s+of)?\s+(?P<@m>{_MON})" + _DAY_MONTH_YEAR),
    ("month_days", rf"(?P<@m>{_MON})\s+(?P<@d1>{_DAY}){_RANGE_JOIN}(?P<@d2>{_DAY})"
                   + _year_after_day("@y")),
    # "March to June", "between March and June"; "in March and September" is two months, read one by one
    ("month_range", rf"(?P<@m1>{_MON})(?:{_DASH}|\s+(?:(?i:to|until|through)|(?(between)(?i:and)|(?!)))\s+)(?P<@m2>{_MON})"
                    rf"(?:,?\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    # a day written in both calendars, old style then new ('12/24 March 1863' in a nineteenth-century history): the
    # new-style day; the handler keeps it only when the two differ by the calendars' gap (10-13 days)
    ("old_new_style_day", rf"(?<![\d.,/])(?P<@p>{_OLD_NEW_DAYS})(?![\d])\s+(?P<@m>{_MON})" + _DAY_MONTH_YEAR),
    ("day_month_year", rf"(?:the\s+)?(?P<@d>{_DAY})(?:\s+of)?\s+(?P<@m>{_MON})" + _DAY_MONTH_YEAR),
    ("month_day_year", rf"(?P<@m>{_MON})\s+(?P<@d>{_DAY})" + _year_after_day("@y")),
    ("month_year", rf"(?P<@m>{_MON})(?:\s+of)?,?\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR}))"),
    ("month_edge",
     rf"(?:(?:the\s+)?(?P<@e>(?i:end|beginning|start|middle|turn))\s+of\s+|(?P<@q>(?i:early|late|mid))[- ]?)"
     rf"(?P<@m>{_MONF})(?:,?\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("part_of_year",
     rf"(?:(?i:the)\s+)?(?P<@o>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+"
     rf"(?P<@u>(?i:half|quarter))(?:\s+of\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR}|(?i:the\s+year))))?"
     rf"|(?P<@hq>[QH][1-4])\s+(?P<@y2>{_YEAR})"
     rf"|(?:(?i:the)\s+)?(?i:first)\s+(?P<@n>{_NUM})\s+(?i:months)\s+of\s+(?P<@y3>{_YEAR})"),
    # "the end of 2025", "early 1992", "the end of the 2031 calendar year"
    ("year_edge",
     rf"(?:(?:the\s+)?(?P<@e>(?i:end|beginning|start|middle|turn))\s+of\s+|(?P<@q>(?i:early|late|mid))[- ]?)"
     rf"(?:(?:(?i:the)\s+)?(?P<@y>{_YEAR})(?:\s+{_CALENDAR_YEAR})?|(?P<@ry>{_RELYEAR}|(?i:the\s+year)))"),
    # "2010-2015", "2010 to 2015", "between 2010 and 2015"; "in 1972 and 1991" is two years, read one by one
    ("year_range", rf"(?P<@y1>{_YEAR})(?:{_DASH}(?:(?P<@y2>{_YEAR})|(?P<@yy>\d\d)(?![\d]))"
                   rf"|\s+(?P<@c>(?i:to|until|through)|(?(between)(?i:and)|(?!)))\s+(?P<@y3>{_YEAR}))"),
    ("season", rf"(?:(?P<@r>(?i:this|last|next|that|the\s+same|the\s+following|the\s+previous))\s+|(?i:the)\s+)?"
               rf"(?:(?i:early|late|mid)[- ]?)?"
               rf"(?P<@s>(?i:spring|summer|autumn|winter)|(?i:fall)(?=\s+(?:of\s+)?\d{{4}}))"
               rf"(?:\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("decade", r"(?:(?i:the)\s+)?(?:(?P<@q>(?i:early|late|mid))[- ]?)?(?P<@y>1[6-9]\d0|20\d0)['’]?s(?![\w])"),
    ("year", rf"(?P<@y>{_YEAR})(?!\s*(?i:percent|per\s+cent))"),
    # "50 years ago to this day": the same calendar day, a jubilee's own date
    ("time_ago", rf"(?P<@n>{_NUM})\s+(?P<@u>{_UNIT})\s+(?i:ago)(?P<@t>\s+(?i:today|to\s+(?:this|the)\s+(?:very\s+)?day))?"),
    # "earlier today (Thursday)": the weekday in brackets names the same day
    ("relative_day", rf"(?P<@w>{_RELDAY})(?![A-Za-z])(?:\s*\((?P<@wd>{_WEEKDAY})\))?"),
    ("weekend", r"(?:(?P<@r>(?i:last|this|next|coming|the\s+past|the\s+coming|the))\s+)?(?i:weekend)(?![A-Za-z])"),
    ("relative_month_edge",
     r"(?:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?P<@r>(?i:the|this|last|next))\s+(?i:month)(?![A-Za-z])"),
    ("weekday", rf"(?:(?P<@r>(?i:last|next|this|coming|past))\s+)?(?P<@w>{_WEEKDAY})"
                rf"(?!,?\s+(?:the\s+)?\d)(?!,?\s+{_MON})(?:\s+(?i:morning|afternoon|evening|night))?"),
    ("relative_period", r"(?:(?P<@q>(?i:later|earlier))\s+)?(?P<@r>(?i:this|last|next|the\s+coming|the\s+current))"
                        r"\s+(?P<@u>(?i:week|month|year))(?![A-Za-z])"),
    # '... on the 28th' is a day of the month told before; 'the 17th-century palace', 'the 20th-anniversary
    # celebrations', 'the 5th-largest' are none: no hyphen and word after the ordinal (near28a, mend30a)
    ("anaphora",
     rf"(?:(?P<@q>(?i:later|earlier))\s+)?(?P<@r>(?i:the\s+same|that\s+same|that|this(?=\s+day\b)|the\s+following|the\s+next"
     rf"|(?<=later\s)in\s+the(?=\s+day\b)|(?<=earlier\s)in\s+the(?=\s+day\b)"
     rf"|the\s+previous|the\s+preceding))\s+(?P<@u>(?i:day|week|month|year|morning|afternoon|evening|night))(?![A-Za-z])"
     rf"|(?P<@db>(?i:the\s+day\s+(?:before|after)))(?![A-Za-z])"
     rf"|(?P<@n>{_NUM})\s+(?P<@u2>{_UNIT})\s+(?P<@dir>(?i:later|earlier|afterwards|on)"
     rf"|(?i:before|after)(?=\s*[,.;:)]|\s*$))"
     rf"|(?i:the)\s+(?P<@od>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?!\s*(?:of\s+)?{_MON})(?![ \t]+[A-Za-z\d])(?!-[A-Za-z])"),
    ("bare_month", rf"(?:(?P<@r>(?i:last|next|this|early|late|mid))[- ]?\s*)?(?P<@m>{_MONF})(?!\s*\d)"),
]


def _compile() -> re.Pattern[str]:
    parts = []
    for name, pattern in ALTERNATIVES:
        body = pattern.replace("(?P<@", f"(?P<{name}_").replace("(?P=@", f"(?P={name}_").replace("(?(@", f"(?({name}_")
        parts.append(f"(?P<{name}>{body})")
    return re.compile(r"(?<![\w-])" + _PREP + "(?:" + "|".join(parts) + r")(?![\w])")


DATE_RX = _compile()
_FUTURE_RX = re.compile(
    r"\b(?:will|shall|won't|would|is\s+(?:due|expected|set|scheduled|going|planned|to)|are\s+(?:due|expected|set"
    r"|scheduled|going|planned|to)|plans?\s+to|intends?\s+to|aims?\s+to|upcoming|next|(?:enters?|comes?)\s+into"
    r"\s+force|takes?\s+effect)\b", re.IGNORECASE)
_REPORT_RX = re.compile(r"\b(?:said|told|announced|added|reported|stated|confirmed)\b")
_PRESENT_RX = re.compile(r"\b(?:is|are|am)\s+(?:being\s+)?\w+ing\b|\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b"
                         r"|\b(?:is|are)\s+(?:being\s+)?held\b", re.IGNORECASE)


# 'arrived on Monday ahead of the president's visit on 20 May': the date after these words, with no comma or
# semicolon between, is the later act's (review36a)
_AHEAD_RX = re.compile(r"\b" + alternation(AHEAD_WORDS) + rf"\b(?!{AHEAD_NOT_AFTER})[^,;]*$", re.IGNORECASE)


def tense(sentence: str, start: int) -> str:
    """'future', 'present' or 'past' for the clause just before a date (a crude but predictable cue); 'ahead' for a
    date of an act named after 'ahead of' words (a time after the clause's act: read as the past everywhere except
    that its year is not put back, context.implied_year)."""
    window = sentence[max(0, start - 90):start]
    future = [m.end() for m in _FUTURE_RX.finditer(window)]
    if future and not _REPORT_RX.search(window, future[-1]):
        return "future"  # '..., the minister said on Tuesday': the report after the plan is past
    if _AHEAD_RX.search(window):
        return "ahead"
    if _PRESENT_RX.search(sentence):
        return "present"
    return "past"


_WORD_RX = re.compile(r"\w+")
# Every date expression contains one of these words (a digit-led word, a month, a weekday or a time word) ...
_CORE_WORDS = frozenset(
    "yesterday today tomorrow tonight day days week weeks month months year years spring summer autumn winter "
    "fall morning afternoon evening night half quarter decade decades weekend".split())
_CASED_CORES = frozenset(capitalised(MONTHS) + capitalised(WEEKDAYS))
# ... begins with one of these words ...
_STARTERS = frozenset(
    "the a an later earlier this last next "
    "that coming past current early late mid end beginning start middle turn first second third fourth".split()
) | frozenset(PREP_KIND) | frozenset(POINT_PREPOSITIONS) | frozenset(NUMBER_WORDS) | _CORE_WORDS
# ... and is made only of these words (besides core words), so a date never starts left of a word not in here.
_CHAIN = _STARTERS | frozenset(
    "of same following previous preceding half quarter ago afterwards to and night".split())
_LOOKBACK = 7


def _is_core(word: str) -> bool:
    return word[0].isdigit() or word in _CASED_CORES or word.lower() in _CORE_WORDS or (
        len(word) == 2 and word[0] in "QH" and word[1] in "1234")


_CORE_RX = re.compile(
    r"(?<!\w)(?:\d\w*|(?:" + "|".join(sorted(_CASED_CORES, key=len, reverse=True)) + r"|[QH][1-4]|(?i:"
    + "|".join(sorted(_CORE_WORDS, key=len, reverse=True)) + r"))(?!\w))")
_WINDOW_CHARS = 100


# a core is a digit or one of the core words: a sentence with neither cannot match _CORE_RX (one C pass each, speed)
_CORE_GATE = word_gate({word.lower() for word in _CORE_WORDS | _CASED_CORES})
_DIGIT = re.compile(r"\d")


def could_have_date(sentence: str) -> bool:
    """Whether find() can find anything here: the sentence has a core word (a cheap gate, exactly the grammar's)."""
    if _DIGIT.search(sentence) is None and not _CORE_GATE.open(sentence):
        return False
    return _CORE_RX.search(sentence) is not None


# scan's answers by text: a page with no publication date has its lines read for the dates it writes
# (context.written_dates), its lead sentences read again (lead_day), then every sentence read in the document's own
# context (headings.dates_by_sentence); a line that is one sentence, and the lead, were scanned two or three times
# (a fifth of the scans of a real-news pass). The matches depend on the text alone, not on any context: the same
# answer. Kept as tuples (no caller can change a cached answer); cleared whole past _SCANNED_MAX texts.
_SCANNED: dict[str, tuple[re.Match[str], ...]] = {}
_SCANNED_MAX = 1024


def scan(sentence: str) -> list[re.Match[str]]:
    """The matches DATE_RX.finditer would give, tried only where a date can start: at a starter word in the run
    of date words that ends at a core word (several times faster than finditer over every position)."""
    found = _SCANNED.get(sentence)
    if found is None:
        if len(_SCANNED) >= _SCANNED_MAX:
            _SCANNED.clear()
        found = _SCANNED[sentence] = tuple(_scan(sentence))
    return list(found)


def _scan(sentence: str) -> list[re.Match[str]]:
    matches: list[re.Match[str]] = []
    done = 0
    for core in _CORE_RX.finditer(sentence):
        position = core.start()
        if position < done:
            continue
        window = max(done, position - _WINDOW_CHARS)
        before = [(m.start(), m.group()) for m in _WORD_RX.finditer(sentence, window, position)]
        if before and window > 0 and before[0][0] == window and (sentence[window - 1].isalnum() or
                                                                  sentence[window - 1] == "_"):
            before = before[1:]  # a word cut by the window edge
        first = len(before)
        while first > 0 and len(before) - first < _LOOKBACK and (
                before[first - 1][1].lower() in _CHAIN or _is_core(before[first - 1][1])):
            first -= 1
        starts = [start for start, word in before[first:] if word.lower() in _STARTERS or _is_core(word)]
        for start in starts + [position]:
            match = DATE_RX.match(sentence, start)
            if match is not None:
                matches.append(match)
                done = match.end()
                break
    return matches
