"""The address a document was saved from, and the publication date that address tells.

Analysts keep the address of the page they saved ('https://news.example.org/2021/03/04/a-visit'); many outlets put
the publication day in it. It is the last resort for the publication date (manifest > front matter > HTML meta >
dateline > address): a page's own metadata is about the page, an address can be a section's or a re-post's.
The address comes from the manifest entry (`url = ...`), a front-matter key (`url:`, `link:`, `canonical:`), or
an HTML page's canonical / og:url link, in that order.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from flows.lexicon import read_toml

# The web's first news sites; an address dated before this is an archive number, not a publication day
# ('/1899/12/31/' in a catalogue path).
EARLIEST_URL_DATE = datetime(1990, 1, 1)
MAX_URL_CHARS = 2000  # longer is a data: URI or a pasted page, not an address


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]:
    rows = read_toml("documents.toml")
    patterns = tuple(re.compile(row["pattern"]) for row in rows.get("url_dates", []))
    return patterns, tuple(rows.get("url_keys", []))


def url_keys() -> tuple[str, ...]:
    """The front-matter / manifest keys that hold a document's address ('url', 'link', 'canonical', ...)."""
    return _lexicon()[1]


def clean_url(value: Any) -> str | None:
    """An absolute http(s) address as text, or None: a number, a list, a relative path or 'n/a' is no address."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_URL_CHARS or any(ch.isspace() for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # '[::1' and other malformed hosts
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def first_url(mapping: Mapping[str, Any]) -> str | None:
    """The first usable address under one of the url keys of a manifest entry or front matter."""
    for key in url_keys():
        found = clean_url(mapping.get(key))
        if found is not None:
            return found
    return None


def full_year(written: str, latest: int) -> int:
    """A year as the address writes it: '2012', or '12' (2012; '98' is 1998, a year after `latest` being no day)."""
    year = int(written)
    if year >= 100:
        return year
    return 2000 + year if 2000 + year <= latest else 1900 + year


def url_date(url: str | None, latest: date | None = None) -> date | None:
    """The publication day an address states, or None.

    htmldate's URL extractor first ('/2021/03/04/', '2021-03-04'); then the lexicon's forms it does not read
    ('/20210304_note.aspx'). Only the path counts: a host such as 'www.2021expo.org' is no date. A date that is no
    calendar day ('/2021/13/45/') is no date; nor is one after `latest` (default today).
    """
    address = clean_url(url)
    if address is None:
        return None
    parts = urlsplit(address)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    newest = datetime.combine(latest or date.today(), datetime.max.time())
    options = Extractor(False, newest, EARLIEST_URL_DATE, False, "%Y-%m-%d")
    try:
        found = extract_url_date("/" + path.lstrip("/"), options)
    except (ValueError, TypeError, OverflowError):
        found = None
    if found:
        return date.fromisoformat(found)
    for pattern in _lexicon()[0]:
        for match in pattern.finditer(path):
            try:
                day = date(full_year(match["year"], newest.year), int(match["month"]), int(match["day"]))
            except ValueError:  # '/20211345_x': digits, no day
                continue
            if EARLIEST_URL_DATE.date() <= day <= newest.date():
                return day
    return None
