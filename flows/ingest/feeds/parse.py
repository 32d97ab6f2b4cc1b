"""A feed's bytes -> its items (link, title, summary, date), with feedparser (RSS 0.9x/1.0/2.0, Atom 0.3/1.0)."""
from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urldefrag, urlsplit

import feedparser

# feedparser's "bozo" flag also marks well-formed feeds served with a wrong charset or content type; those
# still have items. A feed is malformed when it has no items AND feedparser found something wrong.
MAX_REASON_CHARS = 200


class FeedFormatError(ValueError):
    """Bytes that are not an RSS or Atom feed; the reason says what feedparser found."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as the feed describes it (the page is fetched later)."""

    url: str
    title: str
    summary: str
    published: datetime | None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    version: str  # feedparser's name: rss20, rss10, atom10, ...
    items: list[FeedItem]
    rejected: list[tuple[str, str]]  # (what, reason) for entries without a usable link


def _when(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    return None


def canonical_url(url: str) -> str:
    """The item's address without its #fragment and surrounding space: what 'seen' is keyed on."""
    return urldefrag(url.strip())[0]


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Items of a feed in feed order; raises FeedFormatError when the bytes are not a feed.

    The bytes are handed over as a stream: feedparser reads a str as a URL to fetch, and bytes as a local path
    to open when one exists, which a server's answer must never choose. The feed's address resolves relative links.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem)[:MAX_REASON_CHARS]}" if problem else ""
        raise FeedFormatError(f"not an RSS or Atom feed{detail}")
    items, rejected = [], []
    for index, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), "")
        title = " ".join((entry.get("title") or "").split())
        what = f"item {index}" + (f" '{title[:80]}'" if title else "")
        if not link:
            rejected.append((what, "item has no link"))
            continue
        link = canonical_url(link)
        if urlsplit(link).scheme not in ("http", "https") or not urlsplit(link).hostname:
            rejected.append((what, f"item link '{link[:MAX_REASON_CHARS]}' is not an http(s) address"))
            continue
        tags = tuple(t.get("term", "") for t in entry.get("tags", []) if t.get("term"))
        items.append(FeedItem(url=link, title=title, summary=entry.get("summary") or "", published=_when(entry),
                              tags=tags))
    if not items and parsed.bozo and not rejected:
        problem = parsed.get("bozo_exception")
        raise FeedFormatError(f"malformed feed with no readable items: {str(problem)[:MAX_REASON_CHARS]}")
    return ParsedFeed(title=" ".join((parsed.feed.get("title") or "").split()), version=parsed.get("version") or "",
                      items=items, rejected=rejected)
