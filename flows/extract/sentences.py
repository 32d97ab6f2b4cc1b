"""Split a document's plain text into sentences with character offsets, skipping headings and date lines."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.extract.list_units import labelled_items, labelled_value, led_list, whole_items_end
from flows.lexicon import read_toml

# Abbreviations after which a period does not end a sentence (lower-cased, without the period).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st no nos vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig al jr sr rev hon amb pres min "
    "e.g i.e u.s u.k u.n rt acad".split()
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]?[A-Z0-9À-Þ])"
                          # 'in Santiago.President Koval': a full stop glued to the next sentence's capitalised word
                          r"|(?<=[a-zß-öø-ÿ]{2}\.)(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))")
BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+(?=\S)")
LINE_END_PUNCT = re.compile(r"[.!?;][\"'”’)\]]*\s*$")  # ';' ends an item of a list written as one sentence
# A line this long without a full stop at its end is a paragraph cut short (an excerpt), not a heading.
CUT_PARAGRAPH_WORDS = 16
# The text's last line is cut short at fewer words: an excerpt stops mid-sentence ('A and B are common members of X,
# Y and the Commonwealt'), and an article does not end on a heading.
CUT_LAST_LINE_WORDS = 8
# "TBILISI — ", "Tashkent, 3 March 2024 (Central Asia Wire): ", "ASTANA, May 5 (Reuters) - ", "Lima, Nov 5 (EFE).- "
DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’.\-]*(?:\s+[A-ZÀ-Þ][\w'’.\-]*){0,3})"
    r"(?:\s*,\s*[^:—–\n]{3,40}?)?(?:\s*\([^)\n]{1,60}\))?\s*(?::|—|–|--|\.?-(?=\s)|\.[–—])\s+",
    re.M,
)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviations after which a full stop ends no sentence: the common ones and abbreviated parts of names
    ('Md. Rafiq Islam', 'Smt. Asha Rao': flows/lexicon/layout.toml name_ and honorific_abbreviations)."""
    layout = read_toml("layout.toml")
    return ABBREVIATIONS | frozenset(word.lower() for word in [*layout["name_abbreviations"],
                                                               *layout["honorific_abbreviations"]])


@lru_cache(maxsize=1)
def _glued_abbreviations() -> frozenset[str]:
    """Abbreviations after which a glued full stop ('St.Petersburg') ends no sentence (flows/lexicon/layout.toml)."""
    return _abbreviations() | frozenset(word.lower() for word in read_toml("layout.toml")["no_split_after_dot"])


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    dateline: str | None = None


DIGIT = re.compile(r"\d")


def _is_dateline(prefix: str) -> bool:
    """A dateline is a place (capitalised or upper-case), optionally a date and an outlet, then a dash or colon."""
    head = prefix.split(",")[0].split("(")[0].strip(" :—–-")
    if not head:
        return False
    has_date = bool(DIGIT.search(prefix))
    return head.isupper() or has_date or "(" in prefix


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return spans


def _front_matter_end(text: str) -> int:
    """Offset after a YAML front matter block, or 0 (ingest normally removes it already)."""
    if text.startswith("---"):
        close = re.search(r"^---\s*$", text[3:], flags=re.M)
        if close:
            return 3 + close.end()
    return 0


ONE_LETTER = re.compile(r"[a-zà-þ]")
WORD_TAIL = re.compile(r"([\w.]+)$")
TAIL_WINDOW = 40


def _word_before(text: str, cur: int, stop: int) -> re.Match[str] | None:
    """The run of word characters and dots that ends at stop (searched in a window first: a search over the whole
    paragraph so far tried every position of it at every full stop)."""
    window = max(cur, stop - TAIL_WINDOW)
    word = WORD_TAIL.search(text, window, stop)
    if word is not None and word.start() == window and window > cur:
        word = WORD_TAIL.search(text, cur, stop)  # the run reaches the window's edge: it may go on before it
    return word


def _apostrophe_s(text: str, word: re.Match[str] | None) -> bool:
    """'the 1990’s.': an 's' after an apostrophe ends a word (a plural or a possessive), no initial."""
    return word is not None and word.group(1) == "s" and word.start() > 0 and text[word.start() - 1] in "'’"


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cur = [], start
    chunk = text[start:end]
    for m in SENTENCE_END.finditer(chunk):
        stop = start + m.start()
        word = _word_before(text, cur, stop) if text[stop] == "." else None
        token = (word.group(1) if word else "").lower().rstrip(".")
        if text[stop] == "." and (token in _abbreviations()
                                   or ONE_LETTER.fullmatch(token) and not _apostrophe_s(text, word)
                                   or ("." in token and not any(ch.isdigit() for ch in token))):
            continue  # an abbreviation or an initial ("J. Smith", "U.S.") does not end a sentence
        if start + m.end() < end and not text[start + m.end()].isspace() and (
                token in _glued_abbreviations() or text[stop - len(token) - 1:stop - len(token)] in ("/", "@")):
            continue  # 'St.Petersburg', 'Mr.Roe', 'example.org/news.Today': no sentence ends inside a word
        spans.append((cur, start + m.end()))
        cur = start + m.end()
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        spans.append((cur, end))
    return spans


def _in_list_run(text: str, lines: list[tuple[int, int]], n: int) -> bool:
    """A line without a full stop next to another such line (no blank line between): a list, not a heading."""
    def bare(k: int) -> bool:
        if not 0 <= k < len(lines):
            return False
        line = text[lines[k][0]:lines[k][1]].strip()
        return bool(line) and not LINE_END_PUNCT.search(line) and not line.startswith("#") and "|" not in line
    return bare(n) and (bare(n - 1) or bare(n + 1))


def _introduces_list(line: str) -> bool:
    """A paragraph that ends with a colon before a list or table ('... Key figures:') is text, not a heading."""
    return line.endswith(":") and len(line.split()) >= 8


LEADING_SPACE = re.compile(r"\s*")
TABLE_CELL = re.compile(r"[^|]+")
CELL_MIN_WORDS = 4


def _is_table_row(line: str) -> bool:
    """A Markdown or pasted table row: 'a | b |', '| a | b' (a line 'Place, date | Outlet | by X' is a date line,
    not a row: a row opens or closes with its pipe)."""
    stripped = line.strip()
    return stripped.startswith("|") or stripped.endswith("|")


def _table_cells(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """Cells of a table row that read as a phrase ('Indian High Commissioner to Bangladesh Jane Doe'): each is a
    unit of its own; a cell of a figure or a word or two ('2019', 'Envoy') is not."""
    spans = []
    for cell in TABLE_CELL.finditer(text, line_start, line_end):
        start, end = cell.start(), cell.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) >= CELL_MIN_WORDS and not set(text[start:end]) <= set("-: "):
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a plain text, in order; headings, date lines and front matter are not sentences."""
    out: list[Sentence] = []
    body_start = _front_matter_end(text)
    lines = _lines(text)
    last = max((n for n, (s, e) in enumerate(lines) if text[s:e].strip()), default=-1)
    listed = -1  # the last line of a list read with its lead-in
    for n, (line_start, line_end) in enumerate(lines):
        if line_start < body_start or n <= listed:
            continue
        unit = led_list(text, lines, n) or labelled_value(text, lines, n)
        if unit is not None:  # a lead-in and its short items, a label and its value: one unit (list_units.py)
            listed, s, e, unit_text = unit
            out.append(Sentence(len(out), s, e, unit_text))
            continue
        line = text[line_start:line_end]
        stripped = line.strip()
        if _is_table_row(line):
            for s, e in _table_cells(text, line_start, line_end):
                out.append(Sentence(len(out), s, e, text[s:e]))
            continue
        bullet = BULLET.match(line)
        if bullet is None and out and _in_list_run(text, lines, n):
            bullet = LEADING_SPACE.match(line)  # an item of a list whose markers ingest removed
        if bullet and len(stripped.split()) >= 4 and not stripped.startswith("#"):
            # a list item is a sentence even without a full stop ('- Kazakhstan exports wheat to Uzbekistan')
            for s, e in _split_paragraph(text, line_start + bullet.end(), line_end):
                while e > s and text[e - 1] in " \t;,":
                    e -= 1
                if e > s:
                    out.append(Sentence(len(out), s, e, text[s:e]))
            continue
        if not stripped or stripped.startswith("#") or not (LINE_END_PUNCT.search(stripped) or _introduces_list(stripped)
                                                            or labelled_items(stripped)
                                                            or len(stripped.split()) >= CUT_PARAGRAPH_WORDS
                                                            or (n == last and len(stripped.split()) >= CUT_LAST_LINE_WORDS)):
            continue
        lead = len(line) - len(line.lstrip())
        if n == last and not LINE_END_PUNCT.search(stripped) and labelled_items(stripped):
            line_end = line_start + lead + whole_items_end(line.strip())  # the text stops inside the last item
        start, dateline = line_start + lead, None
        m = DATELINE.match(text, start, line_end)
        if m and m.end() < line_end and _is_dateline(m.group(0)):
            dateline, start = m.group(0).strip(), m.end()
        for s, e in _split_paragraph(text, start, line_end):
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(len(out), s, e, text[s:e], dateline if s == start else None))
    return out
