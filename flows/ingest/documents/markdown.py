"""Markdown: YAML front matter (title, published date, outlet) and the body as plain text."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import yaml

from flows.common.dates import MONTHS, parse_date_text
from flows.common.words import alternation
from flows.ingest.documents.address import first_url
from flows.ingest.documents.datelines import HEADLINE_MAX_CHARS, is_heading_line
from flows.ingest.documents.layout import lay_out

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there: 10x faster
_FRONT_MATTER_RX = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING_RX = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_INLINE_MD = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # blockquote marker
    # a list item keeps one marker, "- ", so that it stays a unit (a date per item) for the sentence splitter; a
    # line that opens with a day and month written with full stops ('3. 4. 2023 16:33') is a date, not item 3, and so
    # is a line that is only a day with its ordinal dot, a month's name and a year ('14. Oct 2025.', as Central
    # European pages stamp a release; '3. May 2020 saw the visit' stays item 3)
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)](?![ \t]*\d{1,2}\.[ \t]*(?:1[6-9]|20)\d\d\b)"
                rf"(?![ \t]*{alternation(MONTHS, 'i')}\.?,?[ \t]+(?:1[6-9]|20)\d\d\.?[ \t]*$))[ \t]+", re.MULTILINE), "- "),
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rule
    (re.compile(r"^[ \t]{0,3}=+[ \t]*$", re.MULTILINE), ""),  # setext heading underline
]
FRONT_MATTER_TITLE = ("title", "headline")
FRONT_MATTER_DATE = ("date", "published", "published_date", "pubdate", "publish_date", "datePublished")
FRONT_MATTER_OUTLET = ("outlet", "source", "publisher", "site_name", "site")


def as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date_text(value)[0]
    return None


def _scalar_text(value: Any) -> str | None:
    """A front-matter value as text when it is a scalar; lists and mappings (a YAML alias bomb) are not titles."""
    if isinstance(value, (str, int, float, date)) and not isinstance(value, bool):
        text = str(value).strip()
        return text[:HEADLINE_MAX_CHARS * 5] or None
    return None


def _first(mapping: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value
    return None


EARLIEST_PUBLICATION = date(1800, 1, 1)  # before newspapers as dyad reads them: a typo or a placeholder


def _plausible(value: date | None) -> date | None:
    return value if value is not None and value >= EARLIEST_PUBLICATION else None


def _dropped_date(front_matter: str, stated: Any) -> dict[str, str]:
    """The quarantine part for a front-matter date that is no calendar date: its line, why, what it said."""
    keys = "|".join(FRONT_MATTER_DATE)
    at = re.search(rf"^\s*(?:{keys})\s*:", front_matter, re.MULTILINE)
    line = 2 + front_matter.count("\n", 0, at.start()) if at else 1  # line 1 is the opening '---'
    return {"row_ref": f"line {line}", "reason": f"front-matter date '{stated}' is not a plausible calendar date: "
                                                  "ignored, the body is loaded", "raw": str(stated)[:200]}


def read_markdown(text: str) -> dict[str, Any]:
    """Front matter (title, published, outlet, url) and the body as plain text with heading markers stripped.

    Front matter that is not valid YAML is dropped without its metadata; the body is still read.
    """
    meta: dict[str, Any] = {}
    body = text
    match = _FRONT_MATTER_RX.match(text)
    if match:
        try:
            loaded = yaml.load(match["yaml"], Loader=_YAML_LOADER)  # a safe loader: no Python objects
        except ValueError:  # a timestamp YAML cannot build ('2023-02-30'): read every value as text instead
            loaded = yaml.load(match["yaml"], Loader=yaml.BaseLoader)
        except yaml.YAMLError:
            loaded = None  # broken metadata should not cost us the article: keep the body, find dates in it
        if isinstance(loaded, dict):
            title, outlet = _first(loaded, FRONT_MATTER_TITLE), _first(loaded, FRONT_MATTER_OUTLET)
            meta["title"] = _scalar_text(title)
            meta["outlet"] = _scalar_text(outlet)
            meta["url"] = first_url(loaded)  # the address the analyst saved the page from: a date of last resort
            stated = _first(loaded, FRONT_MATTER_DATE)
            meta["published"] = _plausible(as_date(stated))
            if stated is not None and meta["published"] is None and not isinstance(stated, (list, dict)):
                meta["_dropped"] = [_dropped_date(match["yaml"], stated)]
        body = text[match.end():]
    body = lay_out(body, markdown=True)  # before the markers go: they tell list items and headings apart
    body = _HEADING_RX.sub(lambda m: m["text"], body)
    for pattern, replacement in _INLINE_MD:
        body = pattern.sub(replacement, body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if meta.get("title") is None:
        first = body.split("\n", 1)[0].strip()
        meta["title"] = first if first and is_heading_line(first) else None
    return {**meta, "text": body}
