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
from flows.ingest.feeds.article import Article, ArticleError, extract_article, is_html, render_document, text_hash
from flows.ingest.feeds.client import BudgetExhausted, FetchError, Limits, PoliteClient, Response, RobotsDisallowed
from flows.ingest.feeds.manifest import FeedEntry, read_feed_entries
from flows.ingest.feeds.parse import FeedFormatError, FeedItem, ParsedFeed, parse_feed
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
    status: str  # fetched, not modified (304), unchanged (same bytes), failed, offline, not reached (time budget)
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
    # the feed tried longest ago goes first, so a time budget used up by some feeds never starves the others
    order = sorted(feeds, key=lambda f: result.state.feeds.get(f.url, {}).get("checked_at") or "")
    with PoliteClient(limits=limits or Limits.from_env()) as client:
        out_of_time = False
        for feed in order:
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


def _failed_feed(feed: FeedEntry, report: FeedReport, result: FetchResult, reason: str, raw: str | None = None
                 ) -> None:
    """Mark the whole feed failed this run: one input row and one quarantine row ('feed HTTP 500 ...')."""
    report.status, report.reason = "failed", reason
    result.rows_in += 1
    _reject(result, feed, feed.url, f"feed {reason}", raw)


def _skipped(report: FeedReport, result: FetchResult, count: int = 1) -> None:
    """Count items left out (filtered, duplicate, left for the next run) in both the feed's and the run's tally."""
    report.skipped += count
    result.skipped += count


def _changed_feed(client: PoliteClient, feed: FeedEntry, report: FeedReport, result: FetchResult
                  ) -> tuple[Response, str, ParsedFeed] | None:
    """(response, sha256 of its body, parsed feed) when the feed has news; None when it failed or is unchanged.

    Apart from the item loop because it decides about the feed as a whole: an HTTP 500 or a feed that is not
    XML costs one quarantine row, and a 304 (or the same bytes as last run) means no item is looked at.
    """
    state = result.state
    try:
        response = client.get(feed.url, max_bytes=client.limits.max_feed_bytes, headers=state.validators(feed.url),
                              accept=FEED_ACCEPT)
    except BudgetExhausted:
        raise
    except FetchError as exc:
        _failed_feed(feed, report, result, exc.reason)
        return None
    body_sha256 = hashlib.sha256(response.body).hexdigest()
    if response.status == 304 or state.feeds.get(feed.url, {}).get("sha256") == body_sha256:
        # a server without validators that sends the same bytes again is just as unchanged
        report.status = "not modified" if response.status == 304 else "unchanged"
        return None
    try:
        parsed = parse_feed(response.body, response.url, response.headers.get("content-type"))
    except FeedFormatError as exc:
        _failed_feed(feed, report, result, str(exc), response.body[:200].decode("utf-8", "replace"))
        return None
    return response, body_sha256, parsed


def _fetch_feed(client: PoliteClient, root: Path, feed: FeedEntry, report: FeedReport, result: FetchResult) -> None:
    """Fetch one feed and take its newest unseen items; its validators are kept only when every item was decided."""
    state = result.state
    # noted before anything is fetched: a feed cut short by the time budget goes to the back of the next run
    state.feeds.setdefault(feed.url, {"name": feed.name})["checked_at"] = \
        datetime.now(timezone.utc).isoformat(timespec="seconds")
    state.save()
    changed = _changed_feed(client, feed, report, result)
    if changed is None:
        return
    response, body_sha256, parsed = changed
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
            _skipped(report, result, len(newest) - index)  # this item and the ones after it wait for the next run
            raise
    if complete:
        state.feeds[feed.url].update(etag=response.headers.get("etag"), sha256=body_sha256,
                                     last_modified=response.headers.get("last-modified"))
        state.save()


def _fetch_article(client: PoliteClient, item: FeedItem) -> tuple[Response, Article]:
    """The item's page and the article read from it; raises FetchError or ArticleError (a PDF is not a page)."""
    response = client.get(item.url, max_bytes=client.limits.max_page_bytes, accept=PAGE_ACCEPT)
    if not is_html(response.headers.get("content-type"), response.body):
        raise ArticleError(f"not an HTML page ({response.headers.get('content-type') or 'no content type'})")
    article = extract_article(response.body, response.url, feed_title=item.title or None,
                              feed_published=item.published)
    return response, article


def _page_failed(feed: FeedEntry, item: FeedItem, exc: FetchError | ArticleError, report: FeedReport,
                 result: FetchResult) -> bool:
    """Quarantine a page that could not be had; False when the failure is transient (a 503: tried next run),
    so the item is not recorded and the feed's validators are not kept."""
    transient = isinstance(exc, FetchError) and exc.transient
    report.failed += 1
    # the words before the first ':' group rows in the run summary: 'page too large', 'page HTTP 404 ...'
    _reject(result, feed, item.url, f"page {exc}" + (" (tried again next run)" if transient else ""))
    if not transient:
        status = "disallowed" if isinstance(exc, RobotsDisallowed) else "failed"
        result.state.record(item.url, feed=feed.name, status=status, title=item.title, reason=str(exc))
    return not transient


def _write_article(root: Path, feed: FeedEntry, item: FeedItem, article: Article, page: bytes,
                   fetched_at: datetime, common: dict[str, Any], feed_title: str, result: FetchResult) -> str:
    """Write the article as a document (and archive its page), then record it; returns its path under root.

    The order matters for a crash: the file is written before the item is recorded, so a run killed between
    the two fetches the item again next time instead of recording a document that does not exist.
    """
    path = document_path(root, feed.name, item.url, article.title, article.published or fetched_at.date())
    text = render_document(article, url=item.url, feed=feed.name, fetched_at=fetched_at,
                           page_sha256=common["page_sha256"], outlet=feed_title or feed.name)
    write_atomically(path, text.encode("utf-8"))
    archive_page(root, feed.name, path, page)
    checkpoint("feed_item")  # the crash tests kill a run here: written, not yet recorded
    relpath = path.relative_to(root).as_posix()
    result.state.record(item.url, status="written", document_path=relpath, **common)
    return relpath


def _take_item(client: PoliteClient, root: Path, feed: FeedEntry, item: FeedItem, feed_title: str,
               report: FeedReport, result: FetchResult) -> bool:
    """Fetch one new item's page and decide on it; False when it failed for a moment (tried again next run)."""
    state = result.state
    if feed.pair and not mentions(feed.pair, " ".join([item.title, item.summary, *item.tags]), every=False):
        state.record(item.url, feed=feed.name, status="filtered", title=item.title,
                     reason=f"the feed's title and summary name none of {list(feed.pair)}")
        _skipped(report, result)
        return True
    try:
        response, article = _fetch_article(client, item)
    except BudgetExhausted:
        raise
    except (FetchError, ArticleError) as exc:
        return _page_failed(feed, item, exc, report, result)
    fetched_at = datetime.now(timezone.utc)
    digest = text_hash(article.text)
    common = {"feed": feed.name, "title": article.title, "text_sha256": digest,
              "page_sha256": hashlib.sha256(response.body).hexdigest(), "fetched_at": fetched_at.isoformat(),
              "published": article.published.isoformat() if article.published else None}
    if feed.pair and not mentions(feed.pair, f"{article.title or ''}\n{article.text}", every=True):
        state.record(item.url, status="filtered", reason=f"the article does not name all of {list(feed.pair)}",
                     **common)
        _skipped(report, result)
        return True
    same = state.written_with_text(digest)
    if same is not None:
        state.record(item.url, status="duplicate", same_as=same, **common)
        _skipped(report, result)
        return True
    relpath = _write_article(root, feed, item, article, response.body, fetched_at, common, feed_title, result)
    report.new += 1
    result.articles.append({"feed": feed.name, "title": article.title, "url": item.url, "path": relpath,
                            "published": common["published"]})
    return True
