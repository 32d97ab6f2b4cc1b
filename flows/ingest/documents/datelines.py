"""Headlines and datelines: the heading line of a plain text, a line that is only a date ('Published: 5 May 2024
| Outlet'), and datelines ('PLACE, DATE (OUTLET): ...') in the first lines of a body."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from flows.common.dates import MONTHS, PRECISION_RANK, DateContext, parse_date_text
from flows.common.dates.words import WEEKDAYS
from flows.common.words import alternation
from flows.ingest.documents.address import full_year
from flows.lexicon import read_toml

HEADLINE_MAX_CHARS = 200
DATELINE_LINES = 3
# A line that is only a date may stand lower, under a cookie notice, a headline and a standfirst ('Cookies ...' /
# 'Headline' / 'Standfirst' / 'May 14, 2024'); being only a date, it is safe to look for further down than a dateline.
DATE_ONLY_LINES = 6
# A page saved with its site's chrome (menus, language switches, 'Font size', social links) puts the headline and its
# date line under dozens of short lines: a line that is only a date and stands right over the story's first paragraph
# ('Two presidents sign a declaration' / '28.10.2025' / 'After their talks in the capital the presidents ...') is the
# page's date however low it stands, as long as no paragraph of the story comes before it.
CHROME_LINES = 80
BODY_LINE_MIN_CHARS = 160
STORY_SENTENCE_MIN_WORDS = 8
DATE_LINE_MAX_CHARS = 100
_FINAL_PUNCTUATION = tuple(".!?:;…,\"”’»)")
_DATELINE_RX = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -](?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|del|da|al|el|la|es|upon|on))*)"
    r"(?:,\s*(?P<date>[^()\n—–:|]{4,40}?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{1,60})\))?"
    r"\s*(?P<sep>:|—|–|--|\s-\s|\.[-–—](?=\s)|(?<=\))\.(?=\s)|\.(?=\s))\s*")  # '.-': Spanish wires (EFE)
# The words that label a page's date ('Published the: 25/11/2017', 'Last Updated At: 22:27') are rows of
# flows/lexicon/documents.toml (`date_labels`); before the date they are cut, after it they are no more text.
_LABELS = alternation(read_toml("documents.toml")["date_labels"])
_DATE_LINE_PREFIX_RX = re.compile(rf"^{_LABELS}\s*[:\-–—]?\s*", re.IGNORECASE)
_LABEL_RX = re.compile(rf"\b{_LABELS}\b", re.IGNORECASE)
# A second stamp after the page's date ('2022-03-09 11:20 update: 2022-03-10'): the day the page was changed.
_UPDATE_TAIL_RX = re.compile(rf"(?<=\S)\s+[|·•,]?\s*{alternation(read_toml('documents.toml')['update_labels'])}\b\s*:?.*$",
                             re.IGNORECASE)
_SECTION_HEAD_RX = re.compile("|".join(read_toml("documents.toml")["date_line_heads"]))
# A counter beside the page's date ('12.03.2021 245 views'): the number of readers is no more text on a date line.
_COUNTER_RX = re.compile(rf"\b\d[\d,.\s]*\s*{alternation(read_toml('documents.toml')['date_line_counters'])}(?!\w)",
                         re.IGNORECASE)
# A year of two digits after a day and month (a label, a clock time and a weekday before '4 May 21') on a line that is only
# a date: in running text '10 March 23' could be a count, on a date line it is the year 2023.
_MONTH_WORDS = alternation(MONTHS, "i")
_SHORT_YEAR_RX = re.compile(rf"^(\d{{1,2}}\s+{_MONTH_WORDS}\.?),?\s+(\d\d)$")
# A clock time heading the line ('09:19 | 15/09/2017 Section - Subsection'): the date after it is the page's stamp and
# what follows the date is the section the page is filed under.
_TIME_HEAD_RX = re.compile(r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[|·•]\s*", re.IGNORECASE)
# Central European pages write the day of a press release '3. 4. 2023 16:33' (day. month. year); on a line that is
# only a date it is read as '3.4.2023' (in running text '1. 2. 2023' could as well be a numbered list).
_SPACED_DOTTED_RX = re.compile(r"^(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})\b")
# The same pages write a day with its ordinal dot before a month's name ('14. Oct 2025.', '3. March 2023'; English
# month names only, as everywhere in the date reader): on a line that is only a date the dot is the day's, not a
# sentence's end (read as '14 Oct 2025').
# A weekday may stand before the day ('Monday, 14. October 2025', mend34a).
_DOTTED_DAY_MONTH_RX = re.compile(rf"^((?:{alternation(WEEKDAYS, 'i')},?\s+)?\d{{1,2}})\.\s?(?={_MONTH_WORDS}\b)")
_LINE_SEPARATORS_RX = re.compile(r"\s+[|·•]\s+|\s+[—–-]\s+")
# A clock time beside the date ("March 4, 2025 10:42 AM UTC", "2023-05-08 16:20 KST") is not more text.
_TIME_RX = re.compile(r"(?:\b(?:time|hour|at)\s*:?\s*)?\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d{1,2})?)?",
                      re.IGNORECASE)
# A place before the date on its own line ("Hanoi, 6 May 2024") is a dateline without a body.
_PLACE_COMMA_RX = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ /-][A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3},\s*$")
_BYLINE_RX = re.compile(r"^by:?\s+[A-ZÀ-ÖØ-Þ]", re.IGNORECASE)
# A byline before the date on one line ('By Jane Roe 26 September 2014', 'by A. Writer, 3 June 2022'): the writer's
# name is no more text; a name is at most five capitalised words.
_BYLINE_BEFORE_RX = re.compile(r"^(?i:by):?\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,4}\s*[,|·•–—-]?\s*$")
_TRAILING_OUTLET_RX = re.compile(r"^\s*[,(]\s*([A-Z][A-Za-z&.'-]{1,30}(?:\s+[A-Z][A-Za-z&.'-]+){0,3})\s*\)?\s*$")
# A stamp of the day a copy of the page was dated, glued before its first words (" date 2021-03-09 Estonia and
# Georgia signed ..."): an ISO date after a 'date' label at the very start of the text.
_DATE_STAMP_RX = re.compile(r"^\s*(?:date|published|updated)\s*:?\s+(\d{4}-\d{2}-\d{2})(?=\s)", re.IGNORECASE)
_WEEKDAY_RX = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?")


def is_heading_line(line: str) -> bool:
    """A line that reads as a heading: short, no final punctuation."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= HEADLINE_MAX_CHARS and not stripped.endswith(_FINAL_PUNCTUATION)


def _full_short_year(match: re.Match[str]) -> str:
    """'10 March 23' -> '10 March 2023' (a two-digit year past next year's is of the last century)."""
    return f"{match[1]} {full_year(match[2], date.today().year + 1)}"


def _stamp_after_time(line: str) -> date | None:
    """The full day written right after a clock time that heads the line ('09:19 | 15/09/2017 Economy - Asia')."""
    head = _TIME_HEAD_RX.match(line)
    if head is None:
        return None
    mentions = DateContext(None).find(line[head.end():])
    first = mentions[0] if mentions else None
    if first is None or first.start != 0 or first.resolution != "explicit" or first.precision != "day":
        return None
    return first.value


def _cut_update(line: str) -> str:
    """The line up to a later stamp that follows a date ('2022-03-09 11:20 update: 2022-03-10, 09:05' -> '2022-03-09
    11:20'); the line unchanged when no date comes before the label ('Updated: 3 May 2024' keeps its date)."""
    tail = _UPDATE_TAIL_RX.search(line)
    if tail is None or not DateContext(None).find(line[:tail.start()]):
        return line
    return line[:tail.start()]


def date_only_line(line: str) -> tuple[date, str | None] | None:
    """(date, outlet) when a line is just a date, optionally with 'Published:' and an '| Outlet' part; or a date
    heading a longer line after which a separator opens the title ('26 August 2024 - JOINT STATEMENT ON ...')."""
    stamped = _stamp_after_time(line.strip())
    if stamped is not None:
        return stamped, None
    line = _cut_update(line.strip())
    body = _SPACED_DOTTED_RX.sub(r"\1.\2.\3", _DATE_LINE_PREFIX_RX.sub("", line, count=1))
    body = _DOTTED_DAY_MONTH_RX.sub(r"\1 ", body)
    parts = [part.strip() for part in _LINE_SEPARATORS_RX.split(body) if part.strip()] or [body]
    if len(line) > DATE_LINE_MAX_CHARS:
        if len(parts) == 1 or len(parts[0]) > DATE_LINE_MAX_CHARS // 2:
            return None
        # only the head of a long line may be its date, and only a date alone ('ULAANBAATAR, 2 December 2022 —
        # Mongolia and ...' is a dateline, read by parse_dateline); the rest is a title, never an outlet
        if not _date_alone(parts[0]):
            return None
        parts = parts[:1]
    found: list[tuple[int, date, str | None]] = []
    for index, part in enumerate(parts):
        part = _SHORT_YEAR_RX.sub(_full_short_year, part)
        mentions = [m for m in DateContext(None).find(part) if m.value is not None and m.resolution == "explicit"]
        if len(mentions) != 1:
            continue
        before, after = part[:mentions[0].start], part[mentions[0].end:]
        trailing_outlet = None
        # 'Belgrade/Zagreb, 22 January 2025 | Outlet | by X' too; 'MINSK, 1 July 2020 — Talks' is a dateline
        if _BYLINE_BEFORE_RX.match(before) or (_SECTION_HEAD_RX.match(before) and not after.strip()):
            before = ""
        if _PLACE_COMMA_RX.match(before) and (len(parts) == 1 or "|" in body):
            before = ""
            tail = _TRAILING_OUTLET_RX.match(after) if len(parts) == 1 else None
            if tail:  # 'Baku, July 12, 2024, AZERTAC': the agency after the date
                trailing_outlet, after = tail.group(1), ""
        after = re.sub(r"^\W*(?:[A-Z]{2,4}|GMT[+-]\d{1,2})\W*$", "", _TIME_RX.sub("", _COUNTER_RX.sub("", after)))  # a zone ("KST")
        leftover = _LABEL_RX.sub("", _WEEKDAY_RX.sub("", _TIME_RX.sub("", before) + after))
        if re.sub(r"[\W_]+", "", leftover):
            continue
        others = [p for i, p in enumerate(parts) if i != index and not _BYLINE_RX.match(p) and not _date_alone(p)
                  and re.sub(r"[\W_]+", "", _WEEKDAY_RX.sub("", _TIME_RX.sub("", _COUNTER_RX.sub("", p))))]
        # '11:05 PM, Fri' and '1,204 views' are no outlet
        outlet = others[0] if len(others) == 1 and len(others[0]) <= 60 and others[0][-1:] not in ".!?" else None
        outlet = outlet or trailing_outlet
        found.append((PRECISION_RANK.get(mentions[0].precision or "year", 2), mentions[0].value, outlet))  # type: ignore[arg-type]
    if not found:
        return None
    # 'Archive 2017 - Feb 06, 2017': a year filed beside the day is the archive's section; the day is the page's
    best = min(found, key=lambda item: item[0])
    return best[1], best[2]


def _date_alone(part: str) -> bool:
    """A part of a date line that is only a date ('2017' beside 'Feb 06, 2017'): no outlet."""
    mentions = DateContext(None).find(part)
    return len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(part)


def _place(text: str) -> str:
    return text.title() if text.isupper() else text


def parse_dateline(line: str) -> dict[str, Any] | None:
    """{'place', 'published'?, 'outlet'?} when a line opens with a dateline ("PLACE, DATE (OUTLET): ..."), else None."""
    match = _DATELINE_RX.match(line)
    if match is None or match.end() >= len(line) or len(match["place"].split()) > 4:
        return None
    place, date_text, outlet, sep = match["place"], match["date"], match["outlet"], match["sep"]
    published = parse_date_text(date_text)[0] if date_text else None
    if date_text and published is None:
        return None
    # With neither a date nor an outlet, only a capitalised place makes "Word:" or "Word —" a dateline, or a
    # mixed-case place in a body line; a headline such as "Armenia — Iran talks resume" is no dateline.
    if not (published or outlet or place.isupper()) and (sep == ":" or is_heading_line(line)):
        return None
    if sep == "." and published is None:
        return None  # "Dr. Smith said": a full stop ends a dateline only after a date
    found: dict[str, Any] = {"place": _place(place.strip())}
    if published is not None:
        found["published"] = published
    if outlet:
        found["outlet"] = outlet.strip()
    return found


def _reads_as_body(line: str) -> bool:
    """A paragraph of the story: long, and ending as a sentence ends."""
    return len(line) > BODY_LINE_MIN_CHARS and line.endswith((".", "!", "?", '"', "”", "’"))


def find_dateline(text: str) -> dict[str, Any]:
    """{'published', 'place', 'outlet'} found in the first non-empty lines (keys absent when not found)."""
    found: dict[str, Any] = {}
    stamp = _DATE_STAMP_RX.match(text)
    if stamp is not None:
        stamped = parse_date_text(stamp.group(1))[0]
        if stamped is not None:
            found["published"] = stamped
    # distinct lines: a headline or a section name the page's markup repeats ('China' / 'China') counts once
    page = list(dict.fromkeys(line.strip() for line in text.split("\n") if line.strip()))[:CHROME_LINES]
    lines = page[:DATE_ONLY_LINES]
    story = _story_stamp(lines) if stamp is None else None
    if story is not None:
        found["published"] = story
    found.update(_first_lines(lines, found))
    if "published" not in found:
        under_chrome = _date_over_story(page)
        if under_chrome is not None:
            found["published"] = under_chrome
    if "published" in found and stamp is None and _wire_disagrees(found["published"], lines):
        del found["published"]  # the page's header date is not the story's: the address may tell it
    return found


def _first_lines(lines: list[str], found: dict[str, Any]) -> dict[str, Any]:
    """The date, place and outlet the first lines give (a date-only line, then a dateline), over what `found` holds."""
    found = dict(found)
    for number, line in enumerate(lines):
        if number >= DATELINE_LINES:
            if "published" in found or any(_reads_as_body(earlier) for earlier in lines[:number]):
                break  # below the first paragraph a date alone on a line is a list item or a caption, not the page's
            only_date = date_only_line(line)
            if only_date is not None:
                found["published"] = only_date[0]
                if only_date[1]:
                    found.setdefault("outlet", only_date[1])
                break
            continue
        if "published" not in found:
            only_date = date_only_line(line)
            if only_date is not None:
                found["published"], outlet = only_date
                if outlet and "outlet" not in found:
                    found["outlet"] = outlet
                continue
        dateline = parse_dateline(line)
        if dateline is not None:
            for key, value in dateline.items():
                found.setdefault(key, value)
            break
    return found


def _date_over_story(lines: list[str]) -> date | None:
    """The date of a line that is only a date, lower than the first lines, with the story's first paragraph right under
    it and none above it (see CHROME_LINES); `lines` are the page's first distinct non-empty lines."""
    for number, line in enumerate(lines[:-1]):
        # a story of short paragraphs never 'reads as body': a sentence of it ('Arland's president is in Borvia this
        # week.') above a timeline's 'March 3, 2001' says that date is an entry's, not the page's (chrome lines such
        # as 'Font size' or 'Share' do not end as sentences)
        if _reads_as_body(line) or (line.endswith((".", "!", "?")) and len(line.split()) >= STORY_SENTENCE_MIN_WORDS):
            return None
        if number < DATE_ONLY_LINES or not _reads_as_body(lines[number + 1]):
            continue
        only_date = date_only_line(line)
        if only_date is not None:
            return only_date[0]
    return None


# how far the month and day of a wire dateline may lie from the page's date ('Lima, Nov 27 (EFE).-' on a page of
# 28 November): a story filed late in the evening is published the next day or two
WIRE_DAYS = 3


def _wire_disagrees(published: date, lines: list[str]) -> bool:
    """A wire dateline of the first lines gives a month and day with no year ('Santiago, Nov 27 (EFE).- ...') that
    lies far from the page's date line (an 'October 1, 2023' the site prints over every page): that line is not the
    story's date."""
    for line in lines:
        match = _DATELINE_RX.match(line)
        if match is None or not match["date"] or re.search(r"\b\d{4}\b", match["date"]):
            continue
        told = [mention for mention in DateContext(published).find(match["date"])
                if mention.precision == "day" and mention.value is not None]
        if len(told) != 1:
            continue
        day = told[0].value
        gaps = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                gaps.append(abs((day.replace(year=year) - published).days))
            except ValueError:
                continue  # 29 February
        return bool(gaps) and min(gaps) > WIRE_DAYS
    return False


def _story_stamp(lines: list[str]) -> date | None:
    """The story's own date under a site's header that opens with a weekday and shows the day the page was read
    ('Wed. May 8th, 2024' / 'Headline' / 'Oslo, 2 March 2023' or '3 March 2023 10:40'): a later line of the first
    ones, above the body, that dates the page earlier than the header; None when the first line is no such header."""
    if not lines or not _WEEKDAY_RX.match(lines[0]):
        return None
    header = date_only_line(lines[0])
    if header is None:
        return None
    for line in lines[1:]:
        if _reads_as_body(line):
            return None
        only = date_only_line(line)
        told = only[0] if only is not None else (parse_dateline(line) or {}).get("published")
        if told is not None:
            return told if told < header[0] else None
    return None

