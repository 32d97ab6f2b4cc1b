"""fetch_feeds against a real HTTP server on 127.0.0.1 (no Prefect): what is retried, deferred, filtered or
written, and that the counts always reconcile (rows in = written + quarantined + skipped)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.ingest.feeds import FetchResult, Limits, fetch_feeds
from flows.ingest.feeds import fetch as fetch_module
from flows.ingest.feeds.client import PoliteClient
from flows.ingest.feeds.state import FeedState
from tests.support.feed_pages import page, page_names
from tests.support.feed_server import FIXTURES, FeedServer, Route, fixture_server

LIMITS = Limits(connect_timeout=1.0, read_timeout=1.0, response_seconds=3.0, max_feed_bytes=2**20,
                max_page_bytes=2**20, host_delay=0.0, run_seconds=30.0)
AGENCY = ["aze-blr-education.html", "kaz-uzb-trade-house.html"]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    served = fixture_server(max_requests=80, slow_seconds=2.0)
    try:
        yield served
    finally:
        served.stop()


def _sources(tmp_path: Path, server: FeedServer, *entries: str) -> Path:
    root = tmp_path / "sources"
    (root / "documents").mkdir(parents=True)
    (root / "sources.toml").write_text("\n".join(f"[[feed]]\n{e.format(base=server.base)}\n" for e in entries))
    return root


def _reconciles(result: FetchResult) -> bool:
    return result.rows_in == result.loaded + len(result.quarantine) + result.skipped


def _documents(root: Path) -> list[str]:
    return sorted(p.relative_to(root / "documents").as_posix() for p in (root / "documents").rglob("*.md"))


def test_a_page_that_fails_for_a_moment_is_tried_again_next_run(tmp_path: Path, server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/ministry/atom.xml"\nname = "mfa"')
    page = server.routes["/ministry/news/geo-arm-visit.html"]
    server.routes["/ministry/news/geo-arm-visit.html"] = Route(status=503)
    first = fetch_feeds(root, limits=LIMITS)
    assert [a["title"] for a in first.articles] == ["Mongolia and Japan hold consultations in Ulaanbaatar"]
    assert [(q["row_ref"], q["reason"]) for q in first.quarantine] == [
        (f"{server.base}/ministry/news/geo-arm-visit.html", "page HTTP 503 Service Unavailable (tried again next run)")]
    assert _reconciles(first) and not FeedState.load(root).seen(f"{server.base}/ministry/news/geo-arm-visit.html")
    assert FeedState.load(root).validators(f"{server.base}/ministry/atom.xml") == {}  # no 304 may hide the item

    server.routes["/ministry/news/geo-arm-visit.html"] = page
    before = len(server.requests)
    second = fetch_feeds(root, limits=LIMITS)
    feed_request = next(r for r in server.requests[before:] if r.path == "/ministry/atom.xml")
    assert feed_request.status == 200 and "if-none-match" not in feed_request.headers
    assert [a["title"] for a in second.articles] == ["Georgian Prime Minister pays official visit to Armenia"]
    assert [r.path for r in server.requests[before:] if r.path.endswith(".html")] == [
        "/ministry/news/geo-arm-visit.html"]
    assert second.quarantine == [] and _reconciles(second)
    assert FeedState.load(root).validators(f"{server.base}/ministry/atom.xml")["If-None-Match"].startswith('"')


class WaitClock:
    """Time that passes only while the client waits for a host: the budget's arithmetic without the machine's
    speed in it (on a loaded machine the real clock ate the 0.4 s of slack below and the first page was left)."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_what_the_time_budget_leaves_waits_for_the_next_run(tmp_path: Path, server: FeedServer,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def client(limits: Limits) -> PoliteClient:
        waits = WaitClock()  # each run its own client, its budget counted from 0
        return PoliteClient(limits=limits, clock=waits.clock, sleep=waits.sleep)

    monkeypatch.setattr(fetch_module, "PoliteClient", client)
    root = _sources(tmp_path, server, 'url = "{base}/agency/rss.xml"\nname = "wire"',
                    'url = "{base}/ministry/atom.xml"\nname = "mfa"')
    # robots.txt at 0 s, the feed at 0.8 s, the first page at 1.6 s; the next request would pass 2 s
    short = Limits(**{**LIMITS.__dict__, "host_delay": 0.8, "run_seconds": 2.0})
    first = fetch_feeds(root, limits=short)
    assert [a["title"] for a in first.articles] == ["Azerbaijan and Belarus sign education memorandum in Baku"]
    assert [(f.name, f.status) for f in first.feeds] == [("wire", "fetched"), ("mfa", "not reached")]
    assert "used up" in first.feeds[0].reason and first.skipped == 4 and _reconciles(first)
    assert first.quarantine == []  # nothing failed: it was left for later
    second = fetch_feeds(root, limits=short)  # the feed not reached goes first now
    assert [(f.name, f.status) for f in second.feeds] == [("mfa", "fetched"), ("wire", "not reached")]
    assert [a["feed"] for a in second.articles] == ["mfa"] and _reconciles(second)
    third = fetch_feeds(root, limits=LIMITS)
    assert len(third.articles) == 2 and _reconciles(third)
    assert len(_documents(root)) == 4


def test_the_pair_keeps_only_articles_that_name_every_word(tmp_path: Path, server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/agency/rss.xml"\nname = "wire"\npair = ["Azerbaijan", "Belarus"]')
    result = fetch_feeds(root, limits=LIMITS)
    assert _documents(root) == [next(f"wire/{a['path'].split('/')[-1]}" for a in result.articles)]
    state = FeedState.load(root)
    kaz = state.items[f"{server.base}/agency/2026/kaz-uzb-trade-house.html"]
    assert (kaz["status"], kaz["reason"]) == ("filtered", "the feed's title and summary name none of "
                                                          "['Azerbaijan', 'Belarus']")
    assert "/agency/2026/kaz-uzb-trade-house.html" not in server.paths()  # decided without fetching it
    server.routes["/agency/rss.xml"] = Route(body=server.routes["/agency/rss.xml"].body.replace(
        b"Officials of both countries", b"Unlike Azerbaijan, officials of both countries"),
        content_type="application/rss+xml")
    root2 = _sources(tmp_path / "again", server, 'url = "{base}/agency/rss.xml"\nname = "wire"\n'
                                                 'pair = ["Azerbaijan", "Belarus"]')
    fetch_feeds(root2, limits=LIMITS)
    kaz = FeedState.load(root2).items[f"{server.base}/agency/2026/kaz-uzb-trade-house.html"]
    assert (kaz["status"], kaz["reason"]) == ("filtered", "the article does not name all of ['Azerbaijan', 'Belarus']")


def test_max_items_takes_the_newest_and_pages_that_are_no_articles_fail_once(tmp_path: Path,
                                                                            server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/agency/rss.xml"\nname = "wire"\nmax_items = 3')
    server.routes["/agency/2026/kaz-uzb-trade-house.html"] = Route(body=b"%PDF-1.7", content_type="application/pdf")
    result = fetch_feeds(root, limits=LIMITS)
    assert [f.items for f in result.feeds] == [3]  # 2 Dec 09:30, 2 Dec 09:25 (the same story), 1 Dec 14:00
    assert [q["reason"] for q in result.quarantine] == ["page not an HTML page (application/pdf)"]
    assert FeedState.load(root).items[f"{server.base}/agency/2026/kaz-uzb-trade-house.html"]["status"] == "failed"
    again = fetch_feeds(root, limits=LIMITS)
    assert again.quarantine == [] and [f.status for f in again.feeds] == ["not modified"]


def test_a_document_written_but_not_recorded_is_written_again_in_its_place(tmp_path: Path,
                                                                         server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/ministry/atom.xml"\nname = "mfa"')
    fetch_feeds(root, limits=LIMITS)
    written = _documents(root)
    (root / ".feeds" / "state.json").unlink()  # as if the run was killed before it recorded anything
    again = fetch_feeds(root, limits=LIMITS)
    assert _documents(root) == written and len(again.articles) == 2


def test_a_feed_without_validators_sending_the_same_bytes_is_unchanged(tmp_path: Path, server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/regional/index.rdf"\nname = "herald"')
    server.routes["/regional/index.rdf"].validators = False
    assert len(fetch_feeds(root, limits=LIMITS).articles) == 2
    before = len(server.requests)
    again = fetch_feeds(root, limits=LIMITS)
    assert [(f.status, f.items) for f in again.feeds] == [("unchanged", 0)]
    assert [r.status for r in server.requests[before:] if r.path == "/regional/index.rdf"] == [200]
    assert not [r for r in server.requests[before:] if r.path.endswith(".html")]


def test_offline_makes_no_request(tmp_path: Path, server: FeedServer) -> None:
    root = _sources(tmp_path, server, 'url = "{base}/ministry/atom.xml"\nname = "mfa"')
    result = fetch_feeds(root, offline=True, limits=LIMITS)
    assert server.requests == [] and [(f.name, f.status) for f in result.feeds] == [("mfa", "offline")]
    assert (result.rows_in, result.loaded, result.skipped) == (0, 0, 0)


def test_fixture_pages_are_the_projects_own(tmp_path: Path) -> None:
    """The fixtures say where they come from; no page links to a real outlet."""
    assert "written for dyad's feed tests" in (FIXTURES / "README.md").read_text()
    assert len(page_names()) == 6
    for name in page_names():
        assert "http" not in page(name).decode("utf-8")
