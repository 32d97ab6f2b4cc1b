"""Lists of people, each with the year or years of their own occasion: the one reader of their shape.

    visits by Presidents Ana Soto (1990), Jon Roe (1993 and 1999) and Eva Dunn in 2004
    three presidential visits from Arland [Ana Soto, 1990; Jon Roe, 1975; & Eva Dunn, 1950]

Three readers need the shape: the visits of such a list, one a year a visitor (flows/extract/event_lists.py), the
offices of the names in a bracketed list (flows/extract/title_brackets.py), and the dates of a sentence, whose years
of one list are items, each its own occasion (flows/common/dates/context.py). The shapes are rows of
flows/lexicon/dates.toml ([named_lists]); flows.common may not import flows.lexicon, so the file is read by path (and
not through flows.common.dates, whose context imports this module)."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from flows.common.words import alternation

with (Path(__file__).resolve().parents[1] / "lexicon" / "dates.toml").open("rb") as _handle:
    _TOML = tomllib.load(_handle)
_ROWS = _TOML["named_lists"]
_MONTHS: dict[str, int] = {**_TOML["months"], **_TOML["month_abbreviations"]}

NAME_PARTICLES: list[str] = list(_ROWS["name_particles"])
# a name: capitalised words and particles ('Ana de Soto'); a lower-case word other than a particle ends it
_WORD = rf"(?:[A-ZÀ-Þ][\w.'’-]*|{alternation(NAME_PARTICLES)})"
_NAME_END_RX = re.compile(_ROWS["name_end"])
# an item's name at a seam may be a title with its small words ('Agreement on Trade in Services (1993)')
_TITLE = rf"{_WORD}(?:\s+(?:{_WORD}|{alternation(_ROWS['title_words'])})){{0,11}}"
_JOIN_RX = re.compile(_ROWS["item_join"].replace("{name}", _TITLE))
YEAR_GROUPS: dict[str, re.Pattern[str]] = {form: re.compile(_ROWS[form]) for form in ("bracket", "in", "comma")}
_YEAR_RX = re.compile(_ROWS["year"])
_MONTH_BEFORE_RX = re.compile(_ROWS["month_before"])
_MONTH_NUMBER_RX = re.compile(_ROWS["month_number_before"])
_OPENERS = frozenset(_ROWS["item_openers"])
_CLOSERS = frozenset("])")


def items_joined(text: str, left_end: int, right_start: int) -> bool:
    """Whether what stands between two years is the seam of two items ('... Moss (1980), Premier Tom Bell (1996)':
    ') , Premier Tom Bell (')."""
    return _JOIN_RX.fullmatch(text, left_end, right_start) is not None


_YEAR_CLOSED_RX = re.compile(rf"({_ROWS['year']})\s*[)\]]\s*$")


def item_seam(text: str, start: int, end: int) -> bool:
    """Whether the punctuation between start and end is the seam of two items each with its years, not a clause's end
    ('... a Customs Treaty (1990); Agreement on Trade in Services (1994)': the semicolon joins two items)."""
    before = _YEAR_CLOSED_RX.search(text, max(0, start - 16), start)
    after = _YEAR_RX.search(text, end, end + 160)
    return before is not None and after is not None and items_joined(text, before.end(1), after.start())


def ends_with_name(text: str, at: int) -> bool:
    """Whether the word ending at `at` is capitalised, the last word of a name ('Ida Moss' before ' (1976)')."""
    word = _NAME_END_RX.search(text[:at])
    return word is not None and word.group(1)[0].isupper()


def year_groups(text: str, start: int, end: int, after_name: Callable[[int], bool]) -> list[re.Match[str]]:
    """The items' year groups between start and end, each right after a name (`after_name` says where one ends), in
    text order: '(1990)', ' in 2004', ', 1975' (before a semicolon or a closing bracket); group 'years' holds the
    years."""
    groups = [match for rx in YEAR_GROUPS.values() for match in rx.finditer(text, start, end)
              if after_name(match.start())]
    return sorted(groups, key=lambda match: match.start())


def item_dates(group: re.Match[str], name: str = "years") -> list[tuple[int, int, int, int | None]]:
    """(start, end, year, month or None) of each year of an item's year group, in text order; a month name right
    before a year is its month and the date starts there ('(March 1990 and 1995)' -> March 1990, 1995; 'APEC
    2004' is a year), and so is a month's number before a slash ('(5/2003)' -> May 2003)."""
    out: list[tuple[int, int, int, int | None]] = []
    base, written = group.start(name), group.group(name)
    for year in _YEAR_RX.finditer(written):
        start, month = base + year.start(), None
        word = _MONTH_BEFORE_RX.search(written, 0, year.start())
        number = _MONTH_NUMBER_RX.search(written, 0, year.start())
        if word is not None and word.group(1).lower() in _MONTHS:
            start, month = base + word.start(), _MONTHS[word.group(1).lower()]
        elif number is not None and 1 <= int(number.group(1)) <= 12:  # '(5/2003)': May 2003
            start, month = base + number.start(), int(number.group(1))
        out.append((start, base + year.end(), int(year.group()), month))
    return out


_LINE_WORD = rf"(?:[A-ZÀ-Þ][\w.'’-]*|{alternation(NAME_PARTICLES + list(_ROWS['office_words']))})"
_LINE_NAME = rf"{_LINE_WORD}(?:\s+{_LINE_WORD}){{0,11}}"
_MONTH_WORD = rf"(?i:{alternation(_MONTHS)})\.?"
def _dates(separators: str) -> str:
    """Years (each with an optional month before it) joined by the separators: '1981, 1983', 'April 1981 & 1983'."""
    return rf"(?:{_MONTH_WORD}\s+)?{_ROWS['year']}(?:\s*(?:{separators})\s*(?:{_MONTH_WORD}\s+)?{_ROWS['year']})*"


_LINE_DATES = _dates(",|&|and")
_LINE_RXS = [re.compile(_ROWS[row].replace("{name}", _LINE_NAME).replace("{dates}", _LINE_DATES))
             for row in ("item_line", "year_first_line")]
_DATED_LINE_RX = re.compile(_ROWS["dated_line"].replace("{month}", _MONTH_WORD).replace("{year}", _ROWS["year"]))
_DATES_ALONE_RX = re.compile(_ROWS["dates_line"].replace("{dates}", _dates(",|;|&|and")))


def line_item(line: str) -> tuple[str, list[tuple[int, int, int, int | None]]]:
    """(title and name, dates) of a line that is one item of a list under a heading: a title and name with its dates
    ('- President Ana Soto (1990)', '2. Premier Jon Roe, June 1995', 'Prime Ministers: 1992, 1996'), the date first
    ('• 2015: President Eva Dunn'), or a bullet that opens with its date and tells the item in words ('- In May, 1999
    Premier Jon Roe stopped over in Lima': no name read, ''); ('', []) for a line of prose ('The President came in
    1990.'). Each date is (start, end, year, month or None)."""
    for rx in _LINE_RXS:
        match = rx.match(line)
        if match is not None:
            return match.group("name"), item_dates(match, "dates")
    match = _DATED_LINE_RX.match(line)
    return ("", item_dates(match, "dates")) if match is not None else ("", [])


def dates_alone(line: str) -> list[tuple[int, int, int, int | None]]:
    """The dates of a line that is dates alone ('April 1981, 1983' -> April 1981, 1983), each (start, end, year,
    month or None); [] for any other line."""
    match = _DATES_ALONE_RX.match(line)
    return item_dates(match, "dates") if match is not None else []


def line_item_dates(line: str) -> list[tuple[int, int, int, int | None]]:
    """The dates of line_item ([] for a line of prose)."""
    return line_item(line)[1]


def bracket_item_starts(tokens: Sequence[str], opening: int) -> list[int]:
    """Where each item of a bracketed list starts, as token indexes: past the opening bracket and past each
    semicolon, the first token that is no opener ('&', 'and', ','); the list ends at the first closing bracket.
    '[ Ana Soto , 1990 ; & Jon Roe , 1975 ]' -> the indexes of 'Ana' and 'Jon'."""
    starts: list[int] = []
    k = opening + 1
    while k < len(tokens) and tokens[k] not in _CLOSERS:
        while k < len(tokens) and tokens[k] in _OPENERS:
            k += 1
        starts.append(k)
        k += 1
        while k < len(tokens) and tokens[k] not in _CLOSERS and tokens[k] != ";":
            k += 1
    return starts

