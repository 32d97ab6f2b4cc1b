"""Fetch every feed of the manifest once: new items' pages become documents; failures become quarantine rows.

One feed, item or manifest entry that fails costs only itself. A feed's validators (ETag, Last-Modified) are
kept only when all its items were decided, so an item that failed for a moment, or was left for lack of time,
is tried again on the next run instead of hiding behind a 304.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from flows.common.faults import checkpoint
from flows.ingest.feeds.article import ArticleError, extract_article, is_html, render_document, text_hash
from flows.ingest.feeds.client import BudgetExhausted, FetchError, Limits, PoliteClient, RobotsDisallowed
from flows.ingest.feeds.manifest import FeedEntry, read_feed_entries
from flows.ingest.feeds.parse import FeedFormatError, FeedItem, parse_feed
from flows.ingest.feeds.state import FeedState
from flows.ingest.feeds.store import archive_page, document_path, write_atomically

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, " \
              "text/xml;q=0.8, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


@dataclass
class FeedReport:
    """What happened to one feed this run (for the summary and the run artifact)."""

    name: str
    url: str
    status: str  # fetched, not modified, failed, offline, not reached (time budget)
    title: str = ""
    items: int = 0  # items considered (the newest max_items)
    new: int = 0
    seen: int = 0
    skipped: int = 0  # filtered, duplicates, left for the next run
    failed: int = 0
    reason: str | None = None


@dataclass
class FetchResult:
    feeds: list[FeedReport] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)  # written this run: feed, title, url, path
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    rows_in: int = 0
    skipped: int = 0
    requests: int = 0
    state: FeedState | None = None

    @property
    def loaded(self) -> int:
        return len(self.articles)

    def summary(self) -> dict[str, Any]:
        """Plain data for the run summary and its artifact: each feed's outcome and the articles written."""
        return {"requests": self.requests, "feeds": [asdict(f) for f in self.feeds], "new_articles": self.articles,
                "quarantined": len(self.quarantine), "skipped": self.skipped}


def mentions(words: tuple[str, ...], text: str, *, every: bool) -> bool:
    """Whether the text names every (or any) of the words, case-insensitively, as word starts ('Belarus'
    matches 'Belarusian')."""
    found = [re.search(rf"(?<!\w){re.escape(w)}", text, re.IGNORECASE) is not None for w in words]
    return all(found) if every else any(found)


def newest_items(items: list[FeedItem], limit: int) -> list[FeedItem]:
    """The `limit` newest items, newest first; in feed order when the feed dates none of them."""
    if not any(item.published for item in items):
        return items[:limit]
    return sorted(items, key=lambda i: i.published.timestamp() if i.published else float("-inf"),
                  reverse=True)[:limit]


def _reject(result: FetchResult, feed: FeedEntry, url: str, reason: str, raw: str | None = None) -> None:
    result.quarantine.append({"stage": "ingest", "source": f"feed {feed.name}", "row_ref": url, "reason": reason,
                              "raw": raw})


def fetch_feeds(root: Path, *, offline: bool = False, limits: Limits | None = None) -> FetchResult:
    """Fetch the feeds of root/sources.toml into root/documents/<feed>/; offline reads only the saved state."""
    feeds, rejected = read_feed_entries(root)
    result = FetchResult(quarantine=list(rejected), rows_in=len(rejected), state=FeedState.load(root))
    if offline or not feeds:
        result.feeds = [FeedReport(name=f.name, url=f.url, status="offline") for f in feeds] if offline else []
        return result
    with PoliteClient(limits=limits or Limits.from_env()) as client:
        out_of_time = False
        for feed in feeds:
            if out_of_time:
                result.feeds.append(FeedReport(name=feed.name, url=feed.url, status="not reached",
                                               reason="the fetch time budget was used up"))
                continue
            report = FeedReport(name=feed.name, url=feed.url, status="fetched")
            result.feeds.append(report)
            try:
                _fetch_feed(client, root, feed, report, result)
            except BudgetExhausted as exc:
                out_of_time = True
                report.status, report.reason = ("not reached" if report.items == 0 else "fetched"), exc.reason
        result.requests = client.requests
    return result


def _fetch_feed(client: PoliteClient, root: Path, feed: FeedEntry, report: FeedReport, result: FetchResult) -> None:
    state = result.state
    try:
        response = client.get(feed.url, max_bytes=client.limits.max_feed_bytes, headers=state.validators(feed.url),
                              accept=FEED_ACCEPT)
    except BudgetExhausted:
        raise
    except FetchError as exc:
        report.status, report.reason = "failed", exc.reason
        result.rows_in += 1
        _reject(result, feed, feed.url, f"feed {exc.reason}")
        return
    checked = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if response.status == 304:
        report.status = "not modified"
        state.feeds.setdefault(feed.url, {})["checked_at"] = checked
        state.save()
        return
    try:
        parsed = parse_feed(response.body, response.url, response.headers.get("content-type"))
    except FeedFormatError as exc:
        report.status, report.reason = "failed", str(exc)
        result.rows_in += 1
        _reject(result, feed, feed.url, f"feed {exc}", response.body[:200].decode("utf-8", "replace"))
        return
    report.title = parsed.title
    for what, reason in parsed.rejected:
        result.rows_in += 1
        report.failed += 1
        _reject(result, feed, f"{feed.url} {what}", f"feed {reason}")
    newest = newest_items(parsed.items, feed.max_items)
    report.items += len(newest)
    result.rows_in += len(newest)
    complete = True
    for index, item in enumerate(newest):
        if state.seen(item.url):
            report.seen += 1
            result.skipped += 1
            continue
        try:
            complete &= _take_item(client, root, feed, item, parsed.title, report, result)
        except BudgetExhausted:
            left = len(newest) - index  # this item and the ones after it wait for the next run
            report.skipped += left
            result.skipped += left
            raise
    if complete:
        state.feeds[feed.url] = {"name": feed.name, "etag": response.headers.get("etag"),
                                 "last_modified": response.headers.get("last-modified"), "checked_at": checked}
        state.save()


def _take_item(client: PoliteClient, root: Path, feed: FeedEntry, item: FeedItem, feed_title: str,
               report: FeedReport, result: FetchResult) -> bool:
    """Fetch one new item's page and decide on it; False when it failed for a moment (tried again next run)."""
    state = result.state
    if feed.pair and not mentions(feed.pair, " ".join([item.title, item.summary, *item.tags]), every=False):
        state.record(item.url, feed=feed.name, status="filtered", title=item.title,
                     reason=f"the feed's title and summary name none of {list(feed.pair)}")
        report.skipped += 1
        result.skipped += 1
        return True
    try:
        response = client.get(item.url, max_bytes=client.limits.max_page_bytes, accept=PAGE_ACCEPT)
        if not is_html(response.headers.get("content-type"), response.body):
            raise ArticleError(f"not an HTML page ({response.headers.get('content-type') or 'no content type'})")
        article = extract_article(response.body, response.url, feed_title=item.title or None,
                                  feed_published=item.published)
    except BudgetExhausted:
        raise
    except (FetchError, ArticleError) as exc:
        transient = isinstance(exc, FetchError) and exc.transient
        report.failed += 1
        # the words before the first ':' group rows in the run summary: 'page too large', 'page HTTP 404 ...'
        _reject(result, feed, item.url, f"page {exc}" + (" (tried again next run)" if transient else ""))
        if not transient:
            status = "disallowed" if isinstance(exc, RobotsDisallowed) else "failed"
            state.record(item.url, feed=feed.name, status=status, title=item.title, reason=str(exc))
        return not transient
    fetched_at = datetime.now(timezone.utc)
    digest = text_hash(article.text)
    common = {"feed": feed.name, "title": article.title, "text_sha256": digest,
              "page_sha256": hashlib.sha256(response.body).hexdigest(), "fetched_at": fetched_at.isoformat(),
              "published": article.published.isoformat() if article.published else None}
    if feed.pair and not mentions(feed.pair, f"{article.title or ''}\n{article.text}", every=True):
        state.record(item.url, status="filtered", reason=f"the article does not name all of {list(feed.pair)}",
                     **common)
        report.skipped += 1
        result.skipped += 1
        return True
    same = state.written_with_text(digest)
    if same is not None:
        state.record(item.url, status="duplicate", same_as=same, **common)
        report.skipped += 1
        result.skipped += 1
        return True
    path = document_path(root, feed.name, item.url, article.title, article.published or fetched_at.date())
    text = render_document(article, url=item.url, feed=feed.name, fetched_at=fetched_at,
                           page_sha256=common["page_sha256"], outlet=feed_title or feed.name)
    write_atomically(path, text.encode("utf-8"))
    archive_page(root, feed.name, path, response.body)
    checkpoint("feed_item")  # the crash tests kill a run here: written, not yet recorded
    relpath = path.relative_to(root).as_posix()
    state.record(item.url, status="written", document_path=relpath, **common)
    report.new += 1
    result.articles.append({"feed": feed.name, "title": article.title, "url": item.url, "path": relpath,
                            "published": common["published"]})
    return True
