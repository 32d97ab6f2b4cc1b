"""Date expressions in a sentence, found with one compiled regex and resolved against the publication date
(relative) or the last date the text named (anaphora).

Rules worth knowing (each has a test):
- Spans include a leading preposition ("in August of the same year", "since 2007", "on 11 June").
- A date with day and month but no year takes the publication year (the year before when that would put a past
  event after publication, the year after when a future-tense clause would put it before); with no publication
  date it takes the year of the last date in the text (anaphora); with neither it stays None.
- "on Monday": the most recent Monday strictly before publication; the publication day itself only when the
  clause is in the present tense ("is meeting", "today"); the next one after publication when the clause is in
  the future tense ("will", "is due to", ...).
- Anaphoric phrases ("the same year", "two days later", "on the 28th") resolve against the last date the
  context saw, whatever its own resolution; they never fall back to the publication date.
- Seasons give year precision (the dev-set convention); weeks and weekends give kind 'period' with day precision
  and an end; "the year"/"the month" follow the last date, or mean the current one in a future clause.
- A bare four-digit year after a capitalised word ("Resolution 1973", "Expo 2020") is part of a name.
- parse_date_text / parse_period read a lone date or table period ("2023Q1", "2011/12"); dateparser is only a
  fallback there, trusted when the year it returns is written in the text.
Speed: find() tries the big regex only at starter words in the run of date words before a core word (a digit,
a month, a weekday, "year", ...), which gives exactly finditer's matches (tested) at ~14,000 sentences/s.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}

MONTHS: dict[str, int] = {
    name.lower(): number
    for number, name in enumerate(calendar.month_name)
    if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
     "nov": 11, "dec": 12}
MONTH_NAMES = frozenset(name for name in calendar.month_name if name)
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
PREP_KIND = {"since": "since", "after": "since", "until": "until", "till": "until", "through": "until",
             "by": "until", "before": "until", "from": "since", "between": "range"}


@dataclass(frozen=True)
class DateMention:
    """One date expression in a sentence, resolved as far as the text allows."""

    start: int
    end: int
    text: str
    value: date | None
    precision: str | None
    resolution: str
    anchor: str | None
    end_value: date | None = None
    kind: str = "point"


# ---------------------------------------------------------------------------------------------------------------
# The grammar. Each alternative is (name, pattern); "(?P<@x>" becomes "(?P<name_x>" so group names stay unique.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_MONF = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
         r"(?![A-Za-z])")
_DAY = r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?<![\d.,$€£/])(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_DASH = r"\s?[–—-]\s?"
_RELYEAR = (r"(?i:the\s+same\s+year|that\s+year|this\s+year|last\s+year|next\s+year|the\s+following\s+year"
            r"|the\s+previous\s+year|the\s+preceding\s+year)")
_NUM = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
       r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\d{1,3})"
_UNIT = r"(?i:day|week|month|year|decade)s?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_PREP = (r"(?:(?P<prep>(?i:since|until|till|through|by|before|after|from|between|in|on|at|during))\s+)?")

_ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", r"(?<![\d-])(?P<@y>\d{4})-(?P<@m>[01]\d)-(?P<@d>[0-3]\d)"
            r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d])"),
    ("num", r"(?<![\d.,/-])(?P<@a>\d{1,2})(?P<@s>[./-])(?P<@b>\d{1,2})(?P=@s)(?P<@y>\d{4})(?![\d])"),
    ("dmdm", rf"(?:the\s+)?(?P<@d1>{_DAY})(?:\s+of)?\s+(?P<@m1>{_MON})(?:{_DASH}|\s+(?i:to|until|and)\s+)"
             rf"(?:the\s+)?(?P<@d2>{_DAY})(?:\s+of)?\s+(?P<@m2>{_MON})(?:,?\s+(?P<@y>{_YEAR}))?"),
    ("dmr", rf"(?:the\s+)?(?P<@d1>{_DAY})(?:{_DASH}|\s+(?i:to|until|and)\s+)(?:the\s+)?(?P<@d2>{_DAY})"
            rf"(?:\s+of)?\s+(?P<@m>{_MON})(?:,?\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("mdr", rf"(?P<@m>{_MON})\s+(?P<@d1>{_DAY})(?:{_DASH}|\s+(?i:to|until|and)\s+)(?P<@d2>{_DAY})"
            rf"(?:,?\s+(?P<@y>{_YEAR}))?"),
    ("mper", rf"(?P<@m1>{_MON})(?:{_DASH}|\s+(?i:to|until|through|and)\s+)(?P<@m2>{_MON})"
             rf"(?:,?\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("dmy", rf"(?:the\s+)?(?P<@d>{_DAY})(?:\s+of)?\s+(?P<@m>{_MON})"
            rf"(?:,?\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("mdy", rf"(?P<@m>{_MON})\s+(?P<@d>{_DAY})(?:,?\s+(?P<@y>{_YEAR}))?"),
    ("my", rf"(?P<@m>{_MON})(?:\s+of)?,?\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR}))"),
    ("edgem", rf"(?:(?:the\s+)?(?P<@e>(?i:end|beginning|start|middle|turn))\s+of\s+|(?P<@q>(?i:early|late|mid))[- ]?)"
              rf"(?P<@m>{_MONF})(?:,?\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("party", rf"(?:(?i:the)\s+)?(?P<@o>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+"
              rf"(?P<@u>(?i:half|quarter))(?:\s+of\s+(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR}|(?i:the\s+year))))?"
              rf"|(?P<@hq>[QH][1-4])\s+(?P<@y2>{_YEAR})"
              rf"|(?:(?i:the)\s+)?(?i:first)\s+(?P<@n>{_NUM})\s+(?i:months)\s+of\s+(?P<@y3>{_YEAR})"),
    ("edgey", rf"(?:(?:the\s+)?(?P<@e>(?i:end|beginning|start|middle|turn))\s+of\s+|(?P<@q>(?i:early|late|mid))[- ]?)"
              rf"(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR}|(?i:the\s+year)))"),
    ("yper", rf"(?P<@y1>{_YEAR})(?:{_DASH}(?:(?P<@y2>{_YEAR})|(?P<@yy>\d\d)(?![\d]))"
             rf"|\s+(?P<@c>(?i:to|until|through|and))\s+(?P<@y3>{_YEAR}))"),
    ("season", rf"(?:(?P<@r>(?i:this|last|next|that|the\s+same|the\s+following|the\s+previous))\s+|(?i:the)\s+)?"
               rf"(?:(?i:early|late|mid)[- ]?)?"
               rf"(?P<@s>(?i:spring|summer|autumn|winter)|(?i:fall)(?=\s+(?:of\s+)?\d{{4}}))"
               rf"(?:\s+(?:of\s+)?(?:(?P<@y>{_YEAR})|(?P<@ry>{_RELYEAR})))?"),
    ("decade", r"(?:(?i:the)\s+)?(?:(?P<@q>(?i:early|late|mid))[- ]?)?(?P<@y>1[6-9]\d0|20\d0)['’]?s(?![\w])"),
    ("year", rf"(?P<@y>{_YEAR})(?!\s*(?i:percent|per\s+cent))"),
    ("ago", rf"(?P<@n>{_NUM})\s+(?P<@u>{_UNIT})\s+(?i:ago)(?P<@t>\s+(?i:today))?"),
    ("relday", r"(?P<@w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
               r"|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))(?![A-Za-z])"),
    ("weekend", r"(?:(?P<@r>(?i:last|this|next|coming|the\s+past|the\s+coming|the))\s+)?(?i:weekend)(?![A-Za-z])"),
    ("edgerel", r"(?:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?P<@r>(?i:the|this|last|next))\s+(?i:month)"
                r"(?![A-Za-z])"),
    ("weekday", rf"(?:(?P<@r>(?i:last|next|this|coming|past))\s+)?(?P<@w>{_WEEKDAY})"
                rf"(?!,?\s+(?:the\s+)?\d)(?!,?\s+{_MON})(?:\s+(?i:morning|afternoon|evening|night))?"),
    ("relper", r"(?:(?P<@q>(?i:later|earlier))\s+)?(?P<@r>(?i:this|last|next|the\s+coming|the\s+current))\s+"
               r"(?P<@u>(?i:week|month|year))(?![A-Za-z])"),
    ("anaph", rf"(?:(?P<@q>(?i:later|earlier))\s+)?(?P<@r>(?i:the\s+same|that|the\s+following|the\s+next"
              rf"|the\s+previous|the\s+preceding))\s+(?P<@u>(?i:day|week|month|year|morning|evening|night))(?![A-Za-z])"
              rf"|(?P<@db>(?i:the\s+day\s+(?:before|after)))(?![A-Za-z])"
              rf"|(?P<@n>{_NUM})\s+(?P<@u2>{_UNIT})\s+(?P<@dir>(?i:later|earlier|afterwards|on)"
              rf"|(?i:before|after)(?=\s*[,.;:)]|\s*$))"
              rf"|(?i:the)\s+(?P<@od>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?!\s*(?:of\s+)?{_MON})(?![ \t]+[A-Za-z\d])"),
    ("month", rf"(?:(?P<@r>(?i:last|next|this|early|late|mid))[- ]?\s*)?(?P<@m>{_MONF})(?!\s*\d)"),
]


def _compile() -> re.Pattern[str]:
    parts = []
    for name, pattern in _ALTERNATIVES:
        body = pattern.replace("(?P<@", f"(?P<{name}_").replace("(?P=@", f"(?P={name}_")
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


_WORD_RX = re.compile(r"\w+")
# Every date expression contains one of these words (a digit-led word, a month, a weekday or a time word) ...
_CORE_WORDS = frozenset(
    "yesterday today tomorrow tonight day days week weeks month months year years spring summer autumn winter "
    "fall morning afternoon evening night half quarter decade decades weekend".split())
_CASED_CORES = frozenset(
    [name for name in calendar.month_name if name] + [name for name in calendar.day_name]
    + "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# ... begins with one of these words ...
_STARTERS = frozenset(
    "since until till through by before after from between in on at during the a an later earlier this last next "
    "that coming past current early late mid end beginning start middle turn first second third fourth".split()
) | frozenset(NUMBER_WORDS) | _CORE_WORDS
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


def could_have_date(sentence: str) -> bool:
    """Whether find() can find anything here: the sentence has a core word (a cheap gate, exactly the grammar's)."""
    return _CORE_RX.search(sentence) is not None


def _scan(sentence: str) -> list[re.Match[str]]:
    """The matches DATE_RX.finditer would give, tried only where a date can start: at a starter word in the run
    of date words that ends at a core word (several times faster than finditer over every position)."""
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


# ---------------------------------------------------------------------------------------------------------------
def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period_end(value: date, precision: str) -> date:
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        return _month_end(value.year, value.month)
    return value


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(value.day, calendar.monthrange(year, month + 1)[1]))


def _truncate(value: date, precision: str) -> date:
    if precision == "year":
        return date(value.year, 1, 1)
    if precision == "month":
        return date(value.year, value.month, 1)
    return value


def _coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def format_date(value: date, precision: str | None) -> str:
    """ISO text of a date at its precision: 2006, 2006-02 or 2006-02-14."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _number(text: str) -> int | None:
    word = text.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


@dataclass(frozen=True)
class _Resolved:
    value: date | None
    precision: str | None
    resolution: str = "explicit"
    anchor: str | None = None
    end_value: date | None = None
    kind: str = "point"


class DateContext:
    """Per document: knows the publication date and the dates already seen, for relative and anaphoric dates."""

    def __init__(self, published: date | None, same_day_weekday: bool = True) -> None:
        self.published = published
        self.last: tuple[date, str] | None = None
        # a dateline that names the publication day ('AMMAN, June 5 (Petra) --') makes its own weekday that day
        self.same_day_weekday = same_day_weekday

    # -- public ----------------------------------------------------------------------------------------------
    def find(self, sentence: str) -> list[DateMention]:
        """Every date expression in the sentence, in text order; each resolved one becomes the new anchor."""
        mentions = []
        for match in _scan(sentence):
            name = match.lastgroup
            if name is None:
                continue
            resolved = _HANDLERS[name](self, match, sentence)
            if resolved is None:
                continue
            start = match.start()
            kind = resolved.kind
            prep = _norm(match.group("prep"))
            if prep in PREP_KIND and PREP_KIND[prep] != "range" and (
                    kind == "point" or (kind == "period" and prep not in ("from", "between"))):
                kind = PREP_KIND[prep]  # "since 2007", "until the end of 2025", "since the early 1990s"
            if kind == "point" and resolved.end_value is None and resolved.value and resolved.precision != "day":
                resolved = _Resolved(resolved.value, resolved.precision, resolved.resolution, resolved.anchor,
                                     _period_end(resolved.value, resolved.precision), kind)
            mention = DateMention(start, match.end(), sentence[start:match.end()], resolved.value,
                                  resolved.precision, resolved.resolution, resolved.anchor,
                                  resolved.end_value, kind)
            mentions.append(mention)
            if mention.value is not None and mention.precision is not None:
                self.last = (mention.value, mention.precision)
        opening = next((m for m in mentions if m.value is not None), None)
        if (opening is not None and opening.start <= 4 and opening.precision == "day" and opening.kind == "point"
                and mentions[-1] is not opening and mentions[-1].end_value is not None and mentions[-1].kind != "point"):
            # 'On 5 May, X received Y, who paid a visit from 4 to 6 May': 'the same day' after it is the 5th
            self.last = (opening.value, opening.precision)
        return mentions

    # -- anchors -----------------------------------------------------------------------------------------------
    def _published_anchor(self) -> str:
        assert self.published is not None
        return f"published {self.published.isoformat()}"

    def _last_anchor(self) -> str:
        assert self.last is not None
        return f"earlier date {format_date(*self.last)}"

    def _relative_year(self, phrase: str) -> tuple[int, str, str] | None:
        """(year, resolution, anchor) for 'this year', 'the same year', 'the following year', ..."""
        words = _norm(phrase)
        if words in ("this year", "last year", "next year", "the year"):
            if self.published is None:
                return None
            shift = {"this year": 0, "the year": 0, "last year": -1, "next year": 1}[words]
            return self.published.year + shift, "relative", self._published_anchor()
        if self.last is None:
            return None
        shift = 1 if "following" in words else -1 if ("previous" in words or "preceding" in words) else 0
        return self.last[0].year + shift, "anaphora", self._last_anchor()

    def _year_of(self, match: re.Match[str], name: str) -> tuple[int, str, str | None] | None:
        """The year written in the match (explicit) or its relative-year phrase resolved."""
        year = match.group(f"{name}_y")
        if year:
            return int(year), "explicit", None
        relative = match.groupdict().get(f"{name}_ry")
        if relative:
            return self._relative_year(relative)
        return None

    def _implied_year(self, month: int, day: int | None, future: bool) -> tuple[int, str, str] | None:
        """Year for a day/month written without one: publication year (shifted by tense), else the last date's."""
        if self.published is not None:
            pub = self.published
            year = pub.year
            if day is None:
                later, earlier = month > pub.month, month < pub.month
            else:
                later, earlier = (month, day) > (pub.month, pub.day), (month, day) < (pub.month, pub.day)
            if future and earlier:
                year += 1
            elif not future and later:
                year -= 1
            return year, "relative", self._published_anchor()
        if self.last is not None:
            return self.last[0].year, "anaphora", self._last_anchor()
        return None


def _tense(sentence: str, start: int) -> str:
    """'future', 'present' or 'past' for the clause just before a date (a crude but predictable cue)."""
    window = sentence[max(0, start - 90):start]
    future = [m.end() for m in _FUTURE_RX.finditer(window)]
    if future and not _REPORT_RX.search(window, future[-1]):
        return "future"  # '..., the minister said on Tuesday': the report after the plan is past
    if _PRESENT_RX.search(sentence):
        return "present"
    return "past"


def _safe(build: Callable[[], _Resolved | None]) -> _Resolved | None:
    try:
        return build()
    except (ValueError, OverflowError):  # 30 February, year 0, ...: not a date
        return None


# ---------------------------------------------------------------------------------------------------------------
# Handlers: one per alternative, each returns the resolved date or None to drop the match.
def _h_iso(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    return _safe(lambda: _Resolved(date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])), "day"))


def _h_num(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    a, b, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    day, month = (b, a) if m["num_s"] != "." and b > 12 >= a else (a, b)  # DMY unless impossible
    return _safe(lambda: _Resolved(date(year, month, day), "day"))


def _day_range(ctx: DateContext, m: re.Match[str], s: str, name: str, d1: int, m1: int, d2: int,
               m2: int) -> _Resolved | None:
    written = _year_of_any(ctx, m, name)
    if written is None:
        written = ctx._implied_year(m1, d1, _tense(s, m.start()) == "future")
    if written is None:
        return _Resolved(None, None, "relative" if ctx.published else "anaphora", None, None, "range")
    year, resolution, anchor = written
    first = date(year, m1, d1)
    last = date(year + (1 if m2 < m1 else 0), m2, d2)
    return _Resolved(first, "day", resolution, anchor, last, "range")


def _year_of_any(ctx: DateContext, m: re.Match[str], name: str) -> tuple[int, str, str | None] | None:
    groups = m.groupdict()
    if groups.get(f"{name}_y") or groups.get(f"{name}_ry"):
        return ctx._year_of(m, name)
    return None


def _h_dmdm(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    return _safe(lambda: _day_range(ctx, m, s, "dmdm", _day(m["dmdm_d1"]), _month(m["dmdm_m1"]),
                                    _day(m["dmdm_d2"]), _month(m["dmdm_m2"])))


def _h_dmr(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    month = _month(m["dmr_m"])
    return _safe(lambda: _day_range(ctx, m, s, "dmr", _day(m["dmr_d1"]), month, _day(m["dmr_d2"]), month))


def _h_mdr(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    month = _month(m["mdr_m"])
    return _safe(lambda: _day_range(ctx, m, s, "mdr", _day(m["mdr_d1"]), month, _day(m["mdr_d2"]), month))


def _h_mper(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    m1, m2 = _month(m["mper_m1"]), _month(m["mper_m2"])
    if m2 <= m1 and _norm(m.group("prep")) != "from":
        return None  # "May and June" read backwards is no period
    written = _year_of_any(ctx, m, "mper") or ctx._implied_year(m1, None, _tense(s, m.start()) == "future")
    if written is None:
        return _Resolved(None, None, "anaphora", None, None, "period")
    year, resolution, anchor = written
    end_year = year + (1 if m2 < m1 else 0)
    return _Resolved(date(year, m1, 1), "month", resolution, anchor, _month_end(end_year, m2), "period")


def _day_month(ctx: DateContext, m: re.Match[str], s: str, name: str, day: int, month: int) -> _Resolved | None:
    written = _year_of_any(ctx, m, name)
    if written is None and m.groupdict().get(f"{name}_ry"):
        date(2000, month, day)  # still reject 31 June
        return _Resolved(None, None, "relative", None)  # "19 March this year" with no publication date
    if written is None:
        written = ctx._implied_year(month, day, _tense(s, m.start()) == "future")
    if written is None:
        date(2000, month, day)  # still reject 31 June
        return _Resolved(None, None, "relative" if ctx.published else "anaphora", None)
    year, resolution, anchor = written
    return _Resolved(date(year, month, day), "day", resolution, anchor)


def _h_dmy(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    return _safe(lambda: _day_month(ctx, m, s, "dmy", _day(m["dmy_d"]), _month(m["dmy_m"])))


def _h_mdy(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    return _safe(lambda: _day_month(ctx, m, s, "mdy", _day(m["mdy_d"]), _month(m["mdy_m"])))


def _h_my(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    written = ctx._year_of(m, "my")
    if written is None:
        return _Resolved(None, None, "anaphora" if m["my_ry"] else "explicit", None)
    year, resolution, anchor = written
    return _Resolved(date(year, _month(m["my_m"]), 1), "month", resolution, anchor)


def _h_edgem(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    month = _month(m["edgem_m"])
    written = _year_of_any(ctx, m, "edgem") or ctx._implied_year(month, None, _tense(s, m.start()) == "future")
    if written is None:
        return _Resolved(None, None, "anaphora", None)
    year, resolution, anchor = written
    return _Resolved(date(year, month, 1), "month", resolution, anchor)


def _h_party(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    if m["party_hq"]:
        part, year_text = m["party_hq"].upper(), m["party_y2"]
        first, months = ((int(part[1]) - 1) * 6 + 1, 6) if part[0] == "H" else ((int(part[1]) - 1) * 3 + 1, 3)
        year, resolution, anchor = int(year_text), "explicit", None
    elif m["party_n"]:
        months = _number(m["party_n"]) or 0
        if not 1 <= months <= 12:
            return None
        first, year, resolution, anchor = 1, int(m["party_y3"]), "explicit", None
    else:
        order = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
        unit = m["party_u"].lower()
        months = 6 if unit == "half" else 3
        word = m["party_o"].lower()
        index = (2 if unit == "half" else 4) if word == "last" else order[word]
        if index * months > 12:
            return None
        first = (index - 1) * months + 1
        written = _year_of(ctx, m, "party", s)
        if written is None and not (m["party_y"] or m["party_ry"]):  # "in the third quarter": of this year
            written = ctx._implied_year(first, None, _tense(s, m.start()) == "future")
        if written is None:
            return _Resolved(None, None, "relative", None, None, "period")
        year, resolution, anchor = written
    end_month = first + months - 1
    return _Resolved(date(year, first, 1), "month", resolution, anchor, _month_end(year, end_month), "period")


def _year_of(ctx: DateContext, m: re.Match[str], name: str, s: str) -> tuple[int, str, str | None] | None:
    """The written or relative year; "the year" is the year of the last date, or this year in a future clause."""
    relative = m.groupdict().get(f"{name}_ry")
    if relative and _norm(relative) == "the year":
        if ctx.last is not None and _tense(s, m.start()) != "future":
            return ctx.last[0].year, "anaphora", ctx._last_anchor()
        return ctx._relative_year("this year")
    return ctx._year_of(m, name)


def _h_edgey(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    written = _year_of(ctx, m, "edgey", s)
    if written is None:
        return _Resolved(None, None, "relative", None)
    year, resolution, anchor = written
    return _Resolved(date(year, 1, 1), "year", resolution, anchor)


def _h_yper(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    first = int(m["yper_y1"])
    if m["yper_yy"]:
        last = first // 100 * 100 + int(m["yper_yy"])
    else:
        last = int(m["yper_y2"] or m["yper_y3"])
    connector = _norm(m["yper_c"])
    if connector == "and" and _norm(m.group("prep")) != "between":
        return _Resolved(date(first, 1, 1), "year")  # "in 2010 and 2015": two years, not a period
    if last <= first or last - first > 200:
        return None
    return _Resolved(date(first, 1, 1), "year", "explicit", None, date(last, 12, 31), "period")


def _h_season(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    season = m["season_s"].lower()
    start_month = SEASON_START_MONTH[season]
    if m["season_y"] or m["season_ry"]:
        written = ctx._year_of(m, "season")
    elif m["season_r"]:
        phrase = {"that": "the same year"}.get(_norm(m["season_r"]), _norm(m["season_r"]) + " year")
        written = ctx._relative_year(phrase)
    else:
        written = ctx._implied_year(start_month, None, _tense(s, m.start()) == "future")
    if written is None:
        return _Resolved(None, None, "relative", None)
    year, resolution, anchor = written
    return _Resolved(date(year, 1, 1), "year", resolution, anchor)


_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def _h_decade(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    start = int(m["decade_y"])
    first, last = _DECADE_PART.get(_norm(m["decade_q"]), (0, 9))
    return _Resolved(date(start + first, 1, 1), "year", "explicit", None, date(start + last, 12, 31), "period")


_DETERMINERS = frozenset("the this that these those its their his her our a an each every".split())
_NAME_BEFORE_RX = re.compile(r"(?:\b(?:No|no|Nr|number)\.?|#|\b[A-Z][\w-]*)\s*$")


def _h_year(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    start = m.start("year_y")
    if m.group("prep") is None and start > 0:
        before = _NAME_BEFORE_RX.search(s, max(0, start - 30), start)
        # "Resolution 1973", "Expo 2020", "No. 1999": a number in a name, unless the capitalised word is a month
        # or a determiner opening the sentence ("The 2022 agreement").
        word = before.group().strip() if before else ""
        if before and word not in MONTH_NAMES and word.lower() not in _DETERMINERS:
            return None
    return _Resolved(date(int(m["year_y"]), 1, 1), "year")


def shift_date(value: date, amount: int, unit: str) -> date:
    if unit == "day":
        return value + timedelta(days=amount)
    if unit == "week":
        return value + timedelta(weeks=amount)
    if unit == "month":
        return _add_months(value, amount)
    if unit == "decade":
        return _add_months(value, 120 * amount)
    return _add_months(value, 12 * amount)


_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}


def _h_ago(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    amount = _number(m["ago_n"])
    if amount is None or ctx.published is None:
        return _Resolved(None, None, "relative", None) if amount is not None else None
    unit = m["ago_u"].lower().rstrip("s")
    precision = "day" if m["ago_t"] else _UNIT_PRECISION[unit]
    value = _truncate(shift_date(ctx.published, -amount, unit), precision)
    return _Resolved(value, precision, "relative", ctx._published_anchor())


def _h_weekend(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    """A weekend as a Saturday-Sunday period: the last one before publication, or the next one in a future clause."""
    if ctx.published is None:
        return _Resolved(None, None, "relative", None, None, "period")
    pub = ctx.published
    modifier = _norm(m["weekend_r"])
    ahead = modifier in ("next", "coming", "the coming") or (modifier in ("", "this", "the")
                                                             and _tense(s, m.start()) == "future")
    if ahead:
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
    else:
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
    return _Resolved(saturday, "day", "relative", ctx._published_anchor(), saturday + timedelta(days=1), "period")


def _h_edgerel(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    """"the end of the month": the month of the last date (this month in a future clause); "of last month"."""
    modifier = _norm(m["edgerel_r"])
    if modifier == "the" and ctx.last is not None and _tense(s, m.start()) != "future":
        return _Resolved(_truncate(ctx.last[0], "month"), _coarser(ctx.last[1], "month"), "anaphora",
                         ctx._last_anchor())
    if ctx.published is None:
        return _Resolved(None, None, "relative", None)
    shift = {"last": -1, "next": 1}.get(modifier, 0)
    return _Resolved(_add_months(ctx.published.replace(day=1), shift), "month", "relative", ctx._published_anchor())


_RELDAY_SHIFT = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
                 "last night": -1,
                 "tomorrow": 1, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0}


def _h_relday(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    if ctx.published is None:
        return _Resolved(None, None, "relative", None)
    shift = _RELDAY_SHIFT[_norm(m["relday_w"])]
    return _Resolved(ctx.published + timedelta(days=shift), "day", "relative", ctx._published_anchor())


def _h_weekday(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    if ctx.published is None:
        return _Resolved(None, None, "relative", None)
    target = WEEKDAYS[m["weekday_w"].lower()]
    pub = ctx.published
    back = (pub.weekday() - target) % 7  # days since the most recent such weekday, 0 = publication day
    ahead = (target - pub.weekday()) % 7
    modifier = _norm(m["weekday_r"])
    tense = _tense(s, m.start())
    if modifier in ("next", "coming") or (modifier != "last" and modifier != "past" and tense == "future"):
        value = pub + timedelta(days=ahead or 7)
    elif modifier == "this" or (not modifier and tense == "present"):
        value = pub - timedelta(days=back) if back == 0 or tense != "future" else pub + timedelta(days=ahead)
    elif ctx.same_day_weekday and not modifier:
        value = pub - timedelta(days=back)  # 'AMMAN, June 5 (Petra) -- ... received X on Wednesday' (June 5)
    else:
        value = pub - timedelta(days=back or 7)
    return _Resolved(value, "day", "relative", ctx._published_anchor())


def _h_relper(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    if ctx.published is None:
        return _Resolved(None, None, "relative", None)
    pub = ctx.published
    unit = m["relper_u"].lower()
    shift = {"this": 0, "the current": 0, "last": -1, "next": 1, "the coming": 1}[_norm(m["relper_r"])]
    anchor = ctx._published_anchor()
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return _Resolved(monday, "day", "relative", anchor, monday + timedelta(days=6), "period")
    precision = unit
    value = _truncate(shift_date(pub, shift, unit), precision)
    return _Resolved(value, precision, "relative", anchor)


def _h_anaph(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    if m["anaph_od"]:
        return _ordinal_day(ctx, m, s, _day(m["anaph_od"]))
    if ctx.last is None:
        return _Resolved(None, None, "anaphora", None)
    value, precision = ctx.last
    if m["anaph_db"]:
        amount, unit = (-1 if "before" in m["anaph_db"].lower() else 1), "day"
    elif m["anaph_n"]:
        number = _number(m["anaph_n"])
        if number is None:
            return None
        unit = m["anaph_u2"].lower().rstrip("s")
        direction = m["anaph_dir"].lower()
        amount = -number if direction in ("earlier", "before") else number
    else:
        unit = m["anaph_u"].lower()
        unit = "day" if unit in ("morning", "evening", "night") else unit  # "the next morning"
        words = _norm(m["anaph_r"])
        amount = 1 if words in ("the following", "the next") else -1 if words in ("the previous", "the preceding") else 0
    result_precision = _coarser(precision, _UNIT_PRECISION[unit])
    shifted = shift_date(value, amount, unit) if PRECISION_RANK[precision] <= PRECISION_RANK[_UNIT_PRECISION[unit]] \
        else value
    return _Resolved(_truncate(shifted, result_precision), result_precision, "anaphora", ctx._last_anchor())


def _ordinal_day(ctx: DateContext, m: re.Match[str], s: str, day: int) -> _Resolved | None:
    """'on the 28th': a day of the month the text last named, else of the publication month."""
    if ctx.last is not None and ctx.last[1] in ("day", "month"):
        base = ctx.last[0]
        return _safe(lambda: _Resolved(date(base.year, base.month, day), "day", "anaphora", ctx._last_anchor()))
    if ctx.published is not None:
        pub = ctx.published
        base = pub if day <= pub.day or _tense(s, m.start()) == "future" else _add_months(pub.replace(day=1), -1)
        return _safe(lambda: _Resolved(date(base.year, base.month, day), "day", "relative", ctx._published_anchor()))
    return _Resolved(None, None, "anaphora", None)


def _h_month(ctx: DateContext, m: re.Match[str], s: str) -> _Resolved | None:
    modifier = _norm(m["month_r"])
    prep = _norm(m.group("prep"))
    if not modifier and not prep:
        return None  # a bare month name ("May") is too often something else
    month = _month(m["month_m"])
    if modifier in ("last", "next", "this") and ctx.published is not None:
        pub = ctx.published
        year = pub.year
        if modifier == "last" and month >= pub.month:
            year -= 1
        elif modifier == "next" and month <= pub.month:
            year += 1
        return _Resolved(date(year, month, 1), "month", "relative", ctx._published_anchor())
    written = ctx._implied_year(month, None, _tense(s, m.start()) == "future" or modifier == "next")
    if written is None:
        return _Resolved(None, None, "anaphora", None)
    year, resolution, anchor = written
    return _Resolved(date(year, month, 1), "month", resolution, anchor)


_HANDLERS: dict[str, Callable[[DateContext, re.Match[str], str], _Resolved | None]] = {
    name: globals()[f"_h_{name}"] for name, _ in _ALTERNATIVES
}

_PARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# Compact forms statistical tables use for periods, tried before the sentence grammar (one full match each).
_COMPACT_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<y>\d{4})(?P<m>[01]\d)(?P<d>[0-3]\d)"), "day"),  # 20230131
    (re.compile(r"(?P<y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})"), "day"),  # 2023.01.31
    (re.compile(r"(?P<y>\d{4})\s?(?:[-/.]|M)\s?(?P<m>[01]?\d)"), "month"),  # 2023-01, 2023/01, 2023M01
    (re.compile(r"(?P<m>[01]?\d)[./-](?P<y>\d{4})"), "month"),  # 01.2023
    (re.compile(r"(?P<y>\d{4})\s?[-/]?\s?(?P<part>[QH][1-4])|(?P<part2>[QH][1-4])\s?[-/]?\s?(?P<y2>\d{4})",
                re.IGNORECASE), "part"),  # 2023Q1, 2023-Q1, Q1-2023, 2023H1
    (re.compile(r"(?:FY|CY)\s?(?P<y>\d{4})", re.IGNORECASE), "year"),  # FY2023
    (re.compile(r"(?P<y>\d{4})\s?[-/–]\s?(?P<y2>\d{2}|\d{4})"), "years"),  # 2019-2021, 2022/23
]


def _compact(text: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a compact table period, or None."""
    for pattern, form in _COMPACT_FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        try:
            if form == "day":
                value = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
                return value, value, "day"
            if form == "month":
                if "/" in text and int(groups["m"]) == (int(groups["y"]) + 1) % 100:
                    continue  # "2011/12" is a split year, not December
                value = date(int(groups["y"]), int(groups["m"]), 1)
                return value, _period_end(value, "month"), "month"
            if form == "part":
                year = int(groups["y"] or groups["y2"])
                part = (groups["part"] or groups["part2"]).upper()
                months = 3 if part[0] == "Q" else 6
                index = int(part[1])
                if index * months > 12:
                    return None
                first = date(year, (index - 1) * months + 1, 1)
                return first, _month_end(year, (index - 1) * months + months), "month"
            if form == "year":
                year = int(groups["y"])
                return date(year, 1, 1), date(year, 12, 31), "year"
            first_year, tail = int(groups["y"]), groups["y2"]
            last_year = first_year // 100 * 100 + int(tail) if len(tail) == 2 else int(tail)
            if len(tail) == 2 and last_year <= first_year:
                last_year += 100  # "1999/00"
            if not first_year < last_year <= first_year + 200:
                return None
            return date(first_year, 1, 1), date(last_year, 12, 31), "year"
        except ValueError:
            return None
    return None


def parse_period(text: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a date or period string: "2023", "2023-01", "2023Q1", "Jan-Jun 2023",
    "2019-2021", "2023-01/2023-06", "12 June 2023"; None when the text is no date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    compact = _compact(cleaned)
    if compact is not None:
        return compact
    if "/" in cleaned and cleaned.count("/") == 1:  # "2023-01/2023-06": an ISO-style interval
        left, right = (parse_period(part) for part in cleaned.split("/"))
        if left is not None and right is not None and left[0] <= right[0]:
            return left[0], right[1], _coarser(left[2], right[2])
    mentions = [m for m in DateContext(None).find(cleaned) if m.value is not None and m.precision is not None]
    if mentions:
        best = max(mentions, key=lambda m: (m.end - m.start, -PRECISION_RANK[m.precision or "year"]))
        assert best.value is not None and best.precision is not None
        return best.value, best.end_value or _period_end(best.value, best.precision), best.precision
    # Odd formats ("Tue, 5 Mar 24"): dateparser, asking for the parts it must find so that it cannot fill a
    # missing day or month from today, and trusted only when the year it returns is written in the text.
    for precision, parts in (("day", ["day", "month", "year"]), ("month", ["month", "year"]), ("year", ["year"])):
        parsed = dateparser.parse(cleaned, languages=["en"], settings={**_PARSER_SETTINGS, "REQUIRE_PARTS": parts})
        written = str(parsed.year) in cleaned if parsed is not None else False
        if parsed is not None and precision != "year" and not written:  # "5 Mar 24": a two-digit year with a month
            written = f"{parsed.year % 100:02d}" in cleaned and bool(re.search(r"[A-Za-z]", cleaned))
        if parsed is not None and written:
            value = _truncate(parsed.date(), precision)
            return value, _period_end(value, precision), precision
    return None


def parse_date_text(text: str) -> tuple[date | None, str | None]:
    """(value, precision) of a lone date string ("12 June 2023", "2023-12-07T08:15:00+07:00", "05.04.2023",
    "2023-01", "2023Q1"); a period gives its first day."""
    period = parse_period(text)
    return (period[0], period[2]) if period is not None else (None, None)
