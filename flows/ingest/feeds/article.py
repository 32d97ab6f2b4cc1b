"""A fetched page -> the article's text and metadata (trafilatura, htmldate) -> a Markdown document with front matter.

The document keeps where it came from (URL, feed, fetch time, the raw page's sha256), so the documents folder
stays self-describing and any later run reads it like a file a person saved.
"""
from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import htmldate
import trafilatura
import yaml

HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_ARTICLE_CHARS = 200  # less is a teaser, a paywall or a cookie notice, not an article
_WS_RX = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Article:
    text: str  # paragraphs separated by a blank line
    title: str | None
    outlet: str | None
    published: date | None
    published_from: str | None  # "page" (htmldate) or "feed"


class ArticleError(ValueError):
    """A page that holds no article text; the reason says why."""


def is_html(content_type: str | None, body: bytes) -> bool:
    """Served as HTML, or untyped bytes that start like HTML."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind in HTML_TYPES:
        return True
    head = body[:512].lstrip().lower()
    return kind in ("", "text/plain", "application/octet-stream") and head.startswith((b"<!doctype html", b"<html"))


def _page_date(tree, today: date) -> date | None:
    """The page's own publication date from its markup (meta tags, JSON-LD, <time>), never guessed from the
    article text, whose dates are the events'. Returns None when the markup names none."""
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
                               max_date=(today + timedelta(days=1)).isoformat())
    return date.fromisoformat(found) if found else None


def extract_article(body: bytes, url: str, *, feed_title: str | None = None,
                    feed_published: datetime | None = None, today: date | None = None) -> Article:
    """The main text, title, outlet and publication date of one page; raises ArticleError when there is no article.

    The markup is parsed once; htmldate reads a copy because trafilatura prunes the tree it reads.
    """
    tree = trafilatura.load_html(body)
    if tree is None:
        raise ArticleError("the page cannot be parsed as HTML")
    today = today or date.today()
    published = _page_date(copy.deepcopy(tree), today)
    source = "page" if published else None
    if published is None and feed_published is not None and feed_published.date() <= today + timedelta(days=1):
        published, source = feed_published.date(), "feed"
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    title = (doc.title if doc else None) or feed_title or None
    lines = [_WS_RX.sub(" ", line).strip() for line in ((doc.text if doc else "") or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline is the front matter's title, not the article's first paragraph
    text = "\n\n".join(lines)
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleError(f"no article text on the page ({len(text)} characters found, "
                           f"fewer than {MIN_ARTICLE_CHARS})")
    return Article(text=text, title=title, outlet=(doc.sitename if doc else None) or None, published=published,
                   published_from=source)


def text_hash(text: str) -> str:
    """sha256 of the text with whitespace and case folded: the same story at two addresses has one hash."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def render_document(article: Article, *, url: str, feed: str, fetched_at: datetime, page_sha256: str,
                    outlet: str | None) -> str:
    """The Markdown file written under documents/<feed>/: YAML front matter, then the article's paragraphs."""
    meta = {"title": article.title, "date": article.published, "outlet": article.outlet or outlet, "url": url,
            "feed": feed, "fetched_at": fetched_at.isoformat(timespec="seconds"), "page_sha256": page_sha256,
            "date_from": article.published_from}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, sort_keys=False,
                           allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{article.text}\n"
