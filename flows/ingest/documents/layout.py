"""Layout before language: a text copied from a page or a wire feed comes hard-wrapped, with side boxes glued to
the text and lists of dated items. Ingest puts each sentence on one line and each unit (a paragraph, a list item,
a heading, a side box) on its own line, so that the sentence splitter and the date grammar see whole units:

- a sentence broken across lines is joined ("talks resumed on\\nFriday", "Sept 12,\\n2016"), and so is the tail of
  a list item wrapped onto the next line (its year must not leak into the item after it);
- a country word glued to the preposition after it is parted ("visit to Chilein May" -> "Chile in May");
- a side box glued to the word before it is cut off ("Jane DoeAmbassador John Roe" -> "Jane Doe" / "Ambassador
  John Roe");
- list items, headings and table rows stay lines of their own.

Joining is decided line by line: a strong cue (the line ends with a comma or a continuation word such as "on",
or the next starts in lower case) joins at once; otherwise the line must be full, i.e. the next line's first
word would not have fitted on it within the text's wrap width, which is what a hard wrap is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.dates.words import MONTHS, capitalised
from flows.common.words import alternation
from flows.lexicon import read_table, read_toml

_ITEM_RX = re.compile(r"^\s*(?:[-*+•–]|\d{1,3}[.)])\s+\S")
_MD_HEADING_RX = re.compile(r"^\s{0,3}#{1,6}\s")
_FENCE_OR_RULE_RX = re.compile(r"^\s{0,3}(?:`{3,}|~{3,}|(?:[-*_=]\s*){3,}$)")
_TERMINAL_RX = re.compile(r"[.!?:][\"'”’)\]]*$")
_JOINING_END_RX = re.compile(r"[,;–—-]$|[,;]\s*[\"'”’]$")
_LAST_WORD_RX = re.compile(r"([A-Za-z]+)\W*$")
# "Sept 12," / "on 5 June" at a line's end: a year or a day on the next line belongs to it
_DATE_TAIL_RX = re.compile(rf"\b{alternation(capitalised(MONTHS))}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?$")
# The shortest wrap width worth detecting: a page of lines shorter than this is a list or verse, not a wrapped text.
MIN_WRAP_WIDTH = 30
# The longest wrap width an uneven wrap is read at (a screen or a page column, not a paragraph).
MAX_WRAP_WIDTH = 120
# How many lines must come close to the width before the text counts as hard-wrapped.
WRAPPED_LINES = 3
# A wrapped line may end this many characters before the width when a long word follows (URLs aside).
_FIT_SLACK = 1
# A text wrapped by the page's rendering, not by a fixed count of characters, has lines of uneven length: a line at
# least this share of the width that stops without a sentence's end is wrapped too, even when the next word would
# have fitted ('... is an "important step for the region," said' / 'Jane Roe, who took office last week.').
_NEAR_FULL = 0.85


@lru_cache(maxsize=1)
def _continuation_words() -> frozenset[str]:
    return frozenset(read_toml("layout.toml")["continuation_words"])


@lru_cache(maxsize=1)
def _glued_rx() -> re.Pattern[str]:
    """A title, box word or sentence opener, as it starts right after a glued lower-case word."""
    words = read_toml("layout.toml")
    heads = [h for h in read_toml("titles.toml")["heads"] if h[:1].isupper() and len(h) >= 4 and not h.isupper()]
    boxes = "|".join(re.escape(w) for w in sorted(set(heads) | set(words["glued_starts"]), key=len, reverse=True))
    openers = "|".join(re.escape(w) for w in sorted(words["glued_openers"], key=len, reverse=True))
    # a country's demonym (flows/lexicon/demonyms.csv) opens a unit as often as a title does: a caption's last word
    # or an infobox cell glued before it ("26 May NewsLatvian President Jane Roe", "Embassy, OsloChilean Embassy")
    nations = alternation(row["demonym"] for row in read_table("demonyms.csv")
                          if len(row["demonym"]) >= 4 and " " not in row["demonym"])
    # "DoeAmbassador John", "LimaPhoto:", "BasisIn 1996": a name or words after; "NewsLatvian President": a
    # demonym and a capitalised word after it
    return re.compile(rf"(?:{boxes})(?:\s+[A-Z]|:|\s*$)|(?:{openers})\s+[\w“\"']|{nations}\s+[A-Z]", re.MULTILINE)


# Where glued text can start: a capital right after two lower-case letters (found first: far cheaper than trying
# every word of the lexicon at every position).
_GLUE_POINT_RX = re.compile(r"[a-z][a-z](?=[A-Z])")


# Footnote markers glued to the text ("in 1995.[1] Relations", "[citation needed]"): they hide a sentence's end.
_FOOTNOTE_RX = re.compile(r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|(?:note|nb)\s?\d{1,3}|citation needed|clarification needed)\]"
                          r"(?:\(#[^)\s]*\)|(?!\())")  # a Markdown link to the note goes too; other links stay


# A label glued to its value ("Relationship level:Comprehensive Strategic Partnership"): the label is a heading.
_COLON_GLUE_RX = re.compile(r"(?<=[a-z]):(?=[A-Z][a-z])")


@lru_cache(maxsize=1)
def _glued_preposition_rx() -> tuple[re.Pattern[str], frozenset[str]]:
    """(a capitalised word ending in a preposition of the layout lexicon, the country names/capitals/demonyms)."""
    preps = sorted(read_toml("layout.toml")["glued_prepositions"], key=len, reverse=True)
    forms = [row["form"] for row in read_table("country_aliases.csv")]
    forms += [row["demonym"] for row in read_table("demonyms.csv")]
    forms += [row[column] for row in read_table("country-codes.csv")
              for column in ("CLDR display name", "UNTERM English Short", "Capital")]
    names = frozenset(form.strip() for form in forms if form and len(form.strip()) >= 4 and " " not in form.strip())
    rx = re.compile(rf"\b(?P<word>[A-ZÀ-ÖØ-Þ][\w'’-]+?)(?P<prep>{'|'.join(preps)})(?=\s)")
    return rx, names


def _split_glued_words(text: str) -> str:
    """'a visit to Chilein May' -> 'a visit to Chile in May' (a full stop glued to the next sentence, 'Santiago.President
    Koval', is left in the text: the sentence splitter parts it, see flows/extract/sentences.py)."""
    rx, names = _glued_preposition_rx()

    def split(match: re.Match[str]) -> str:
        word = match["word"]
        if word in names and match[0] not in names:  # 'Chilein' -> 'Chile in'; 'Benin' is a name itself
            return f"{word} {match['prep']}"
        return match[0]
    return rx.sub(split, text)


def separate_glued(text: str) -> str:
    """Footnote markers dropped; a side box, caption or heading glued to the text before it on its own paragraph."""
    if "[" in text:
        text = _FOOTNOTE_RX.sub("", text)
    if not any(ch.isupper() for ch in text):
        return text
    text = _split_glued_words(text)
    glued = _glued_rx()
    cuts = [m.end() for m in _GLUE_POINT_RX.finditer(text) if glued.match(text, m.end())]
    if cuts:
        text = "".join(text[a:b] + ("\n\n" if b < len(text) else "") for a, b in zip([0, *cuts], [*cuts, len(text)]))
    return _COLON_GLUE_RX.sub(":\n\n", text)


def _kind(line: str) -> str:
    """'blank', 'item', 'heading', 'table', 'quote', 'rule' or 'text'."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    if _MD_HEADING_RX.match(line):
        return "heading"
    if _FENCE_OR_RULE_RX.match(line):
        return "rule"
    if stripped.startswith("|") or stripped.count("|") >= 2 or "\t" in stripped:
        return "table"
    if stripped.startswith(">"):
        return "quote"
    if _ITEM_RX.match(line):
        return "item"
    return "text"


def wrap_width(lines: list[str]) -> int:
    """The width the text was wrapped at, or 0 when it shows no wrapping: the longest line that another line follows
    in the same paragraph, once at least WRAPPED_LINES such lines come close to it (a headline over a date line,
    or a few lines of a short note, are no evidence of a wrap)."""
    widths = sorted((len(line.rstrip()) for line, after in zip(lines, lines[1:])
                     if _kind(line) in ("text", "item") and _kind(after) == "text"), reverse=True)
    for index, width in enumerate(widths[:len(widths) - WRAPPED_LINES + 1]):
        if widths[index + WRAPPED_LINES - 1] >= 0.8 * width:
            return width  # a lone longer line above the cluster (a headline) is skipped
    return 0


def _strong_join(line: str, following: str) -> bool:
    """A cue that the sentence goes on: a comma or dash at the end, a continuation word, a lower-case start."""
    end = line.rstrip()
    if _JOINING_END_RX.search(end):
        return True
    word = _LAST_WORD_RX.search(end)
    if word and not _TERMINAL_RX.search(end) and word.group(1) in _continuation_words():
        return True
    first = following.lstrip()[:1]
    return first.islower() or _opens_on_mark(following) or (first.isdigit() and _DATE_TAIL_RX.search(end) is not None)


def _opens_on_mark(line: str) -> bool:
    """A line that opens with a comma, semicolon or full stop ('\n, of the Rift Council'): no sentence starts so; a
    page whose link texts each ended a line (a mirror of an encyclopedia) left the mark after the link on the next
    line (flows/lexicon/layout.toml continuing_marks)."""
    opening = line.lstrip()
    # the mark alone, or before a space: '...' (an ellipsis) or '.NET' opens no such line
    return opening[:1] in _continuing_marks() and (len(opening) == 1 or opening[1].isspace())


@lru_cache(maxsize=1)
def _continuing_marks() -> frozenset[str]:
    return frozenset(read_toml("layout.toml")["continuing_marks"])


def _fills_line(line: str, following: str, width: int) -> bool:
    """The next line's first word would not have fitted on this line: a hard wrap, not a break the author made."""
    if _TERMINAL_RX.search(line.rstrip()):
        return False  # a sentence that ends at the line's end loses nothing on its own line
    first_word = following.split(maxsplit=1)[0] if following.strip() else ""
    return width >= MIN_WRAP_WIDTH and (len(line.rstrip()) + 1 + len(first_word) > width - _FIT_SLACK
                                        or _near_full(line, width))


def _near_full(line: str, width: int) -> bool:
    """A line of an unevenly wrapped text: near the width, and prose or a list item, not a heading (a heading has
    no comma: 'Trade between the two countries' over its paragraph stays a line of its own), in a text wrapped at a
    screen's width (a 'width' of a few hundred characters is the length of unwrapped paragraphs)."""
    stripped = line.rstrip()
    return (width <= MAX_WRAP_WIDTH and len(stripped) >= _NEAR_FULL * width
            and ("," in stripped or _kind(line) == "item"))


def unwrap(text: str, markdown: bool = False) -> str:
    """The text with hard-wrapped paragraphs and list items joined into one line each; blank lines, list items,
    headings, table rows and quotes keep their lines. In Markdown a line ending in two spaces or a backslash is a
    hard break the author wanted, and is kept."""
    lines = text.split("\n")
    width = wrap_width(lines)
    out: list[str] = []
    open_unit: str | None = None  # the kind of the unit the last output line belongs to ('text' or 'item')
    physical = ""  # the last input line: a hard wrap is judged on it, not on the unit joined so far (a joined
    # unit is longer than the width, and would pull in every line after it: a quoted post, then its credit line
    # 'Jane Roe (@janeroe) May 2, 2021', then the next paragraph)
    for line in lines:
        kind = _kind(line)
        previous = out[-1] if out else ""
        if (open_unit is not None and kind == "text" and not (markdown and previous.endswith(("  ", "\\")))
                and (_strong_join(previous, line) or _fills_line(physical, line, width))):
            # a mark that opens the line closes the word before it ('Rift Council, of the ...'), no space between
            out[-1] = previous.rstrip() + ("" if _opens_on_mark(line) else " ") + line.strip()
            physical = line
            continue
        out.append(line)
        physical = line
        open_unit = kind if kind in ("text", "item") else None
    return "\n".join(out)


def lay_out(text: str, markdown: bool = False) -> str:
    """Glued side boxes cut off, then hard wraps joined (in that order: a cut must not be joined again)."""
    return unwrap(separate_glued(text), markdown)
