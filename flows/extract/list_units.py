"""Lists as units for the sentence splitter: short items read with the line that leads into them.

A list of short items has no sentence of its own: each item is a word or two with no full stop, and what it means
is said by the line before it ('Arland's main exports to Borduria include the following:' over '- cheese', '- wool').
Read alone, the lead-in names no goods and the items name no countries; read apart, the splitter drops the items as
headings. So a lead-in that ends with a colon and the run of short bulleted items under it are one unit, read as

    Arland's main exports to Borduria include              cheese,   wool

(the same characters, offsets kept: the line breaks and markers become spaces, a comma closes each item but the
last, and the lead-in's pointer to the list, 'the following', gives way to the items it stands for: rows of
flows/lexicon/layout.toml list_pointers).

A fact box's label over its value ('Exports to Borduria' over '$145 million') is one unit, read as a label and its
value ('Exports to Borduria: $145 million'), so that the figure has its subject and the lines after it their partner.

A line of a plural label and its items with no full stop ('Main imports: rice, tea and sugar') is a unit of its own likewise; a
label over figures alone ('Visits: 1998, 2004') or a page's furniture ('Tags: ...', layout.toml glued_starts) is not.
"""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.lexicon import read_toml

_LAYOUT = read_toml("layout.toml")
# an item of a list: a bullet or a number, then the item ('- cheese', '2) wool')
_BULLET_RX = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+(?=\S)")
# An item this short (in words) is no sentence of its own ('- frozen beef'); a longer one is (the splitter's rule).
SHORT_ITEM_WORDS = 4
# A lead-in has at least this many words ('Exports:' alone is a heading over a table, not a lead-in).
LEAD_MIN_WORDS = 3
# the shapes of layout.toml [list_units]: an item's closing mark, a sentence's end inside an item, a labelled line,
# its items' seams, an item with a word in it
_SHAPES = {name: re.compile(pattern) for name, pattern in _LAYOUT["list_units"].items()}
_ITEM_END_RX, _SENTENCE_INSIDE_RX, _LABEL_RX, _ITEM_SPLIT_RX, _LETTER_RX = (
    _SHAPES[name] for name in ("item_end", "sentence_inside", "label", "item_split", "letters"))
# 'the following:' / 'as follows:' right before the colon: the items stand in its place
_POINTER_RX = re.compile(rf"(?i:\b{alternation(_LAYOUT['list_pointers'])})\s*:\s*$")
_DIGIT_RX = re.compile(r"\d")
_PLURAL_RX = re.compile(r"(?<![’'])[a-z]s$")
_CONTINUATION = frozenset(_LAYOUT["continuation_words"])
_FURNITURE = frozenset(word.lower() for word in _LAYOUT["glued_starts"])


def _short_item(text: str, start: int, end: int) -> int | None:
    """Where a short item's words start on the line start..end, or None when the line is no short item."""
    bullet = _BULLET_RX.match(text, start, end)
    if bullet is None:
        return None
    words = text[bullet.end():end].strip()
    if not words or len(words.split()) >= SHORT_ITEM_WORDS or _SENTENCE_INSIDE_RX.search(words):
        return None
    return bullet.end()


def led_list(text: str, lines: list[tuple[int, int]], n: int) -> tuple[int, int, int, str] | None:
    """(index of the list's last line, the unit's start and end, its text) when line n leads into a list of short
    items, else None. The text has the same length as that stretch of the document (offsets stay true), with the
    layout between items turned into ', ' and spaces."""
    start, end = lines[n]
    lead = text[start:end].strip()
    if not lead.endswith(":") or len(lead.split()) < LEAD_MIN_WORDS or lead.startswith("#"):
        return None
    k, items = n + 1, []
    while k < len(lines) and not text[lines[k][0]:lines[k][1]].strip() and not items:
        k += 1  # one blank line may part the lead-in from its list
        if k > n + 2:
            return None
    while k < len(lines):
        words_at = _short_item(text, *lines[k])
        if words_at is None:
            break
        item = text[words_at:lines[k][1]].rstrip()
        items.append((words_at, words_at + len(item) - len(_ITEM_END_RX.search(item).group())))
        k += 1
    if len(items) < 2:
        return None
    unit_start = start + len(text[start:end]) - len(text[start:end].lstrip())
    unit_end = items[-1][1]
    chars = list(text[unit_start:unit_end])
    pointer = _POINTER_RX.search(text, unit_start, end)
    gap_from = pointer.start() if pointer is not None else text.rindex(":", unit_start, end)
    for index, (words_at, item_end) in enumerate(items):
        for at in range(gap_from, words_at):
            chars[at - unit_start] = " "
        if index:
            chars[gap_from - unit_start] = ","  # the seam of two items
        gap_from = item_end
    return k - 1, unit_start, unit_end, "".join(chars)


_VALUE_RX = re.compile(_LAYOUT["value_line"])
# A fact box's label is this short (in words): 'Total trade in goods', 'Exports to Borduria'.
LABEL_MAX_WORDS = 6


def labelled_value(text: str, lines: list[tuple[int, int]], n: int) -> tuple[int, int, int, str] | None:
    """(index of the value's line, the unit's start and end, its text) when line n is a fact box's label and the
    next line with text (past at most two blank ones) its amount alone, else None."""
    start, end = lines[n]
    label = text[start:end].strip()
    words = label.split()
    if (not words or len(words) > LABEL_MAX_WORDS or not label[0].isupper() or _BULLET_RX.match(label)
            or not label[-1].isalnum() or _VALUE_RX.fullmatch(label)):
        return None
    k = n + 1
    while k < len(lines) and k <= n + 3 and not text[lines[k][0]:lines[k][1]].strip():
        k += 1
    if k >= len(lines) or k > n + 3 or _VALUE_RX.fullmatch(text[lines[k][0]:lines[k][1]].strip()) is None:
        return None
    unit_start = start + len(text[start:end]) - len(text[start:end].lstrip())
    value_start = lines[k][0] + len(text[lines[k][0]:lines[k][1]]) - len(text[lines[k][0]:lines[k][1]].lstrip())
    unit_end = lines[k][0] + len(text[lines[k][0]:lines[k][1]].rstrip())
    label_end = unit_start + len(label)
    gap = ":" + " " * (value_start - label_end - 1)
    return k, unit_start, unit_end, label + gap + text[value_start:unit_end]


def labelled_items(line: str) -> bool:
    """Whether a line without a full stop is a label and its items ('Main imports: rice, tea and sugar'): two or more
    items, one at least with a word in it, under a label that is no page furniture ('Tags: ...')."""
    match = _LABEL_RX.fullmatch(line.strip())
    if match is None or match["label"].lower() in _FURNITURE or match["label"].split()[-1] in _CONTINUATION:
        return False  # 'Skip to: content, search' is a link bar: its 'label' is cut off before its object
    if not _PLURAL_RX.search(match["label"]):
        return False  # a class of things is plural ('Main imports'); 'Arland's visit: two deals, no pact' is a headline
    items = [item for item in _ITEM_SPLIT_RX.split(match["items"]) if item]
    # items with figures are a date or a fact box's row ('Updated: Friday, 5 May 2023'), not goods or names; a long
    # 'item' is a headline's clause ('Arland-Borduria: ministers meet, agree on a road')
    return len(items) >= 2 and all(_LETTER_RX.search(item) and not _DIGIT_RX.search(item)
                                   and len(item.split()) < SHORT_ITEM_WORDS for item in items)


def whole_items_end(line: str) -> int:
    """Where the whole items of a labelled line cut short end: before the seam of its last item ('Main imports: rice,
    tea and sug' -> 'Main imports: rice, tea'; an excerpt that stops mid-line stops mid-word)."""
    seams = list(_ITEM_SPLIT_RX.finditer(line, line.index(":") + 1))
    return seams[-1].start() if seams else len(line)
