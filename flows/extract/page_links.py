"""Lines of a saved page that link to other stories (rows of flows/lexicon/event_times.toml, [page_links]): their
acts are the other stories', not this one's. Two shapes, made up:

    Read also: Borvian minister visits Arland's new port        (a label, then the headline)

    - Arland's president visits the northern provinces          (a run of bulleted headlines, no closing stop,
    - Borvia launches a weather satellite                        closing the page after the story)
    - Ministers meet to plan the autumn fair

A third shape is a reference list's entry: a quoted title, then a note of retrieval or archiving on the same line
(its title and date are the cited page's):

      2. ^ "Borvian premier visits Arland". Arland Daily. 4 May 2010. Retrieved 9 June 2012.
"""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.lexicon import read_toml

_ROWS = read_toml("event_times.toml")["page_links"]
LEAST_RUN: int = _ROWS["least_run"]
# 'Read also: ...', 'Related PNG says ...', 'Read more >...'; a label alone on its line heads the next line
LABEL = re.compile(r"^\W*" + alternation(_ROWS["labels"], "i") + r"(?:\s*[:>|»-]+\s*|\s+(?=[A-Z])|\s*$)")
# the lines that may hold a label, found in one search over the page
LABEL_LINE = re.compile(r"^[^\w\n]*" + alternation(_ROWS["labels"], "i") + r"\b", re.M)
# a retrieval or archive note opening its part after a full stop ('. Retrieved 9 May 2011'), case-sensitive
CITATION_NOTE = re.compile(r"\.\s+(?:" + alternation(_ROWS["dated_citation_notes"])
                           + r"\s+(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)|" + alternation(_ROWS["citation_notes"]) + r"\b)")
QUOTED_TITLE = re.compile(r"[\"“][^\"“”\n]{3,}[\"”]")
TAIL_CHARS = 3000  # a closing run of headlines is read in the page's last characters
BULLET = re.compile(r"^\s*[-*•]\s+\S")
BARE_BULLET = re.compile(r"^\s*[-*•]?\s*$")
CLOSING = (".", "!", "?", '"', "”", "’", ")", ":", ";")


def link_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the page's link lines; [] for most pages (one search over the text, then the
    last lines only: speed)."""
    spans = _labelled(text) if LABEL_LINE.search(text) else []
    spans += citation_spans(text)
    tail = max(0, text.rfind("\n", 0, max(0, len(text) - TAIL_CHARS)) + 1)
    lines, offset = [], tail
    for line in text[tail:].splitlines(keepends=True):
        lines.append((offset, offset + len(line), line.strip()))
        offset += len(line)
    run = _closing_run(lines, tail > 0)
    return spans + run if len(run) >= LEAST_RUN else spans


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a reference list's entries: a line with a quoted title and, after it, a note of retrieval or
    archiving (flows/lexicon/event_times.toml [page_links] citation_notes)."""
    spans: list[tuple[int, int]] = []
    for note in CITATION_NOTE.finditer(text):
        start = text.rfind("\n", 0, note.start()) + 1
        if spans and spans[-1][0] == start:
            continue  # the line's second note
        end = text.find("\n", note.end())
        end = len(text) if end < 0 else end + 1
        if QUOTED_TITLE.search(text, start, note.start()):
            spans.append((start, end))
    return spans


def _labelled(text: str) -> list[tuple[int, int]]:
    """A label line with its headline, or a label alone and the unfinished line after it."""
    spans = []
    for found in LABEL_LINE.finditer(text):
        start = found.start()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        line = text[start:end].strip()
        match = LABEL.match(line)
        if match is None:
            continue
        rest = line[match.end():]
        if rest and not rest.endswith(CLOSING):
            spans.append((start, end))
        elif not rest:
            following = re.search(r"\S[^\n]*", text[end:])
            if following is not None and not following.group().rstrip().endswith(CLOSING):
                spans.append((end + following.start(), end + following.end()))
    return spans


def _closing_run(lines: list[tuple[int, int, str]], cut: bool) -> list[tuple[int, int]]:
    """The bulleted lines with no closing stop that end the page (blank lines and bare bullets between them)."""
    run = []
    for start, end, line in reversed(lines):
        if BARE_BULLET.match(line):
            continue
        if not BULLET.match(line) or line.endswith(CLOSING):
            break
        run.append((start, end))
    return run if cut or len(run) < len(lines) else []


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
