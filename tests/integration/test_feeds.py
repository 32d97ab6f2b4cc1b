"""Feeds for real on loopback: a test HTTP server on 127.0.0.1 serves three feeds (RSS 2.0, RSS 1.0, Atom), their
pages and each way a feed fails; the real flow fetches them, loads the new articles' events, and a second run
fetches nothing new (conditional GET). Every connection the flow opens is checked to be a loopback one."""
from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.support.feed_server import FeedServer, Route, fixture_server

pytestmark = pytest.mark.slow

DELAY = 0.05
TIMEOUT = 1.0
GOOD_FEEDS = {"caspian-wire": "/agency/rss.xml", "ministry": "/ministry/atom.xml", "minsk-herald": "/regional/index.rdf"}
FAILING_FEEDS = {"down": None, "slow": "/slow/rss.xml", "broken": "/broken/rss.xml", "huge": "/huge/rss.xml",
                 "loop": "/loop/a.xml"}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def run_pipeline(prefect_server):
    """The real flow: run_pipeline(sources, db, offline=False) -> RunSummary."""
    from flows.orchestrate.pipeline import pipeline

    def _run(sources: Path, db: Path, offline: bool = False):
        return pipeline(sources=str(sources), db=str(db), offline=offline)

    return _run


@pytest.fixture
def server() -> Iterator[FeedServer]:
    served = fixture_server(max_requests=150, slow_seconds=3 * TIMEOUT)
    try:
        yield served
    finally:
        served.stop()


@pytest.fixture
def loopback_only(monkeypatch) -> list:
    """Record every socket connection the flow opens that is not to a loopback address (the test asserts none)."""
    strays: list = []
    original = socket.socket.connect

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not ipaddress.ip_address(address[0]).is_loopback:
            strays.append(address)
            raise OSError(f"test guard: {address} is not a loopback address")
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return strays


@pytest.fixture
def feed_env(monkeypatch) -> dict[str, str]:
    values = {"DYAD_FEED_TIMEOUT": str(TIMEOUT), "DYAD_FEED_DELAY": str(DELAY), "DYAD_FEED_MAX_BYTES": str(2**20)}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def _manifest(server: FeedServer) -> str:
    entries = [f'[[feed]]\nurl = "{server.base}/agency/rss.xml"\nname = "caspian-wire"\n',
               f'[[feed]]\nurl = "{server.base}/ministry/atom.xml"\nname = "ministry"\nmax_items = 5\n',
               f'[[feed]]\nurl = "{server.base}/regional/index.rdf"\nname = "minsk-herald"\n'
               'pair = ["Azerbaijan", "Belarus"]\n',
               f'[[feed]]\nurl = "http://127.0.0.1:{_closed_port()}/rss.xml"\nname = "down"\n']
    entries += [f'[[feed]]\nurl = "{server.base}{path}"\nname = "{name}"\n'
                for name, path in FAILING_FEEDS.items() if path]
    entries.append('[[feed]]\nname = "no-address"\n')
    return "\n".join(entries)


@pytest.fixture
def feed_sources(tmp_path: Path, server: FeedServer) -> Path:
    root = tmp_path / "sources"
    (root / "documents").mkdir(parents=True)
    (root / "sources.toml").write_text(_manifest(server), encoding="utf-8")
    return root


def _latest_artifact(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
    assert found, f"no artifact {key}"
    return max(found, key=lambda a: a.created).data


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_two_runs_load_the_new_articles_once_and_then_fetch_nothing(
        run_pipeline, feed_sources: Path, server: FeedServer, feed_env, loopback_only, tmp_path: Path) -> None:
    db = tmp_path / "feed-runs.duckdb"
    first = run_pipeline(feed_sources, db)

    # the new articles: two from the agency, two from the ministry, one from the regional feed's pair filter
    articles = {(a["feed"], a["title"]) for a in first.feeds["new_articles"]}
    assert articles == {
        ("caspian-wire", "Azerbaijan and Belarus sign education memorandum in Baku"),
        ("caspian-wire", "Kazakhstan and Uzbekistan open a joint trade house in Tashkent"),
        ("ministry", "Georgian Prime Minister pays official visit to Armenia"),
        ("ministry", "Mongolia and Japan hold consultations in Ulaanbaatar"),
        ("minsk-herald", "Belarusian tractor plant expands assembly in Ganja"),
    }
    assert (first.documents, first.documents_read) == (5, 5)
    written = sorted(p.relative_to(feed_sources).as_posix() for p in (feed_sources / "documents").rglob("*.md"))
    assert written == sorted(a["path"] for a in first.feeds["new_articles"])
    assert all(p.startswith(("documents/caspian-wire/", "documents/ministry/", "documents/minsk-herald/"))
               for p in written)
    education = next(p for p in written if "education" in p)
    head = (feed_sources / education).read_text(encoding="utf-8").split("---")[1]
    assert f"url: {server.base}/agency/2026/aze-blr-education.html" in head and "page_sha256: " in head
    assert "date: 2026-12-02" in head and "fetched_at: '" in head

    # their events are on the timeline, dated by the articles' own words and publication dates
    timeline = _rows(db, "select event_date::varchar, event_type, actor_iso3, target_iso3, documents "
                         "from v_relations_timeline")
    by_pair = {(t[2], t[3]) for t in timeline} | {(t[3], t[2]) for t in timeline}
    assert {("AZE", "BLR"), ("KAZ", "UZB"), ("GEO", "ARM"), ("MNG", "JPN")} <= by_pair
    assert ("2026-12-01", "agreement_signed") in {(t[0], t[1]) for t in timeline if {t[2], t[3]} == {"AZE", "BLR"}}
    assert any(t[0] == "2026-12-02" and t[1] == "official_visit" and {t[2], t[3]} == {"GEO", "ARM"}
               for t in timeline)
    assert all(".md" in (t[4] or "") for t in timeline)
    published = dict(_rows(db, "select title, published_date::varchar from dim_document"))
    assert published["Georgian Prime Minister pays official visit to Armenia"] == "2026-12-03"

    # each failure is one quarantine row naming the feed, the address and the reason; the rest loaded
    rejected = _rows(db, "select source, row_ref, reason from quarantine where run_id = ? order by source",
                     [first.run_id])
    reasons = {source: (ref, reason) for source, ref, reason in rejected}
    assert len(rejected) == len(reasons) + 1  # the agency has two rejected items, every other source one
    assert reasons["feed down"][1].startswith("feed cannot connect: ")
    assert reasons["feed slow"] == (f"{server.base}/slow/rss.xml", f"feed timed out waiting for data (limit {TIMEOUT:g} s)")
    assert reasons["feed broken"][1].startswith("feed not an RSS or Atom feed: ")
    assert reasons["feed huge"][1] == f"feed too large: more than the limit of {2**20:,} bytes"
    assert reasons["feed loop"][1] == (f"feed redirect loop: {server.base}/loop/a.xml -> {server.base}/loop/b.xml "
                                       f"-> {server.base}/loop/a.xml")
    assert reasons["sources.toml"] == ("<feed 9>", "feed entry has no 'url'")
    agency = sorted((ref, reason) for source, ref, reason in rejected if source == "feed caspian-wire")
    assert agency == [
        (f"{server.base}/agency/2026/withdrawn.html", "page HTTP 404 Not Found"),
        (f"{server.base}/private/embargoed.html",
         f"page disallowed by robots.txt: {server.base}/private/embargoed.html (for dyad)"),
    ]
    stage = _rows(db, "select rows_in, loaded, quarantined, skipped from etl_run_stage "
                      "where run_id = ? and stage = 'fetch_feeds'", [first.run_id])
    # rows: 9 items + 5 failed feeds + 1 bad entry = 5 written + 8 quarantined + 2 skipped (a duplicate, a filtered)
    assert stage == [(15, 5, 8, 2)]
    items = dict(_rows(db, "select status, count(*) from feed_item group by status"))
    assert items == {"written": 5, "duplicate": 1, "filtered": 1, "disallowed": 1, "failed": 1}
    assert _rows(db, "select same_as from feed_item where status = 'duplicate'") == [
        (f"{server.base}/agency/2026/aze-blr-education.html",)]

    # the run's artifact names each new article and the events it added
    summary = _latest_artifact("run-summary-feed-runs")
    assert "## New articles this run: 5" in summary
    assert (f"- **[Georgian Prime Minister pays official visit to Armenia]({server.base}/ministry/news/geo-arm-visit"
            ".html)** (ministry, 2026-12-03)") in summary
    assert "  - 2026-12-02 official_visit GEO → ARM: " in summary
    assert "| huge | failed | 0 | 0 | 0 | 0 | too large: more than the limit of 1,048,576 bytes |" in summary
    assert "| ingest | feed redirect loop | 1 |" in summary and "| ingest | page HTTP 404 Not Found | 1 |" in summary

    # politeness: robots.txt honoured, nothing filtered fetched, a named User-Agent, requests spaced per host
    first_requests = list(server.requests)
    paths = [r.path for r in first_requests]
    assert "/private/embargoed.html" not in paths and "/regional/football-cup.html" not in paths
    assert paths.count("/robots.txt") == 1
    assert all(r.headers["user-agent"].startswith("dyad/") for r in first_requests)
    gaps = [b.at - a.at for a, b in zip(first_requests, first_requests[1:])]
    assert min(gaps) >= DELAY * 0.9

    # the second run: every good feed answers 304 to its validators, no page is fetched, nothing changes
    before = len(server.requests)
    second = run_pipeline(feed_sources, db)
    again = server.requests[before:]
    assert second.feeds["new_articles"] == []
    assert {r.path: r.status for r in again if r.path in GOOD_FEEDS.values()} == {p: 304 for p in GOOD_FEEDS.values()}
    assert all("if-none-match" in r.headers for r in again if r.path in GOOD_FEEDS.values())
    assert not [r.path for r in again if r.path.endswith(".html")]
    assert (second.documents, second.documents_read) == (5, 0)
    assert {f["name"]: f["status"] for f in second.feeds["feeds"] if f["name"] in GOOD_FEEDS} == {
        name: "not modified" for name in GOOD_FEEDS}
    assert _rows(db, "select count(*) from v_relations_timeline") == [(len(timeline),)]
    assert loopback_only == []


def test_a_new_item_is_the_only_page_fetched_and_offline_fetches_nothing(
        run_pipeline, feed_sources: Path, server: FeedServer, feed_env, loopback_only, prefect_api_env: dict[str, str],
        project_root: Path, tmp_path: Path) -> None:
    db = tmp_path / "feeds.duckdb"
    run_pipeline(feed_sources, db)
    agency = server.routes["/agency/rss.xml"]
    extra = (f"<item><title>Azerbaijan and Belarus extend the tractor deal</title>"
             f"<link>{server.base}/agency/2026/extend.html</link>"
             f"<pubDate>Thu, 03 Dec 2026 10:00:00 +0000</pubDate></item>\n    <item>")
    server.routes["/agency/rss.xml"] = Route(body=agency.body.replace(b"<item>", extra.encode(), 1),
                                             content_type=agency.content_type, validators=True)
    server.routes["/agency/2026/extend.html"] = server.routes["/regional/belarus-azerbaijan-tractors.html"]

    before = len(server.requests)
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--offline", "--json", "--sources",
                           str(feed_sources), "--db", str(db)], env={**prefect_api_env, **feed_env}, cwd=project_root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    offline = json.loads(done.stdout)
    assert len(server.requests) == before
    assert {f["status"] for f in offline["feeds"]["feeds"]} == {"offline"}
    assert (offline["feeds"]["new_articles"], offline["documents"], offline["documents_read"]) == ([], 5, 0)

    third = run_pipeline(feed_sources, db)
    pages = [r.path for r in server.requests[before:] if r.path.endswith(".html")]
    assert pages == ["/agency/2026/extend.html"]
    # the same text as the regional article already written: kept once, named as a duplicate
    assert third.feeds["new_articles"] == []
    assert _rows(db, "select status, same_as from feed_item where url like '%extend.html'") == [
        ("duplicate", f"{server.base}/regional/belarus-azerbaijan-tractors.html")]
    assert loopback_only == []


@pytest.mark.parametrize("point", ["feed_item", "load"])
def test_a_killed_run_loses_and_duplicates_no_article(point: str, run_pipeline, feed_sources: Path,
                                                     server: FeedServer, feed_env, prefect_api_env: dict[str, str],
                                                     project_root: Path, tmp_path: Path) -> None:
    """Killed right after an article is written (before it is recorded), or in the load: the next run has every
    article exactly once, in the files and in the database."""
    db = tmp_path / "feeds.duckdb"
    env = {**prefect_api_env, **feed_env, "DYAD_FAULT_PAUSE": point}
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--sources", str(feed_sources), "--db", str(db)],
                            env=env, cwd=project_root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        for _ in range(2000):
            line = proc.stderr.readline()
            if f"DYAD_PAUSED {point}" in line or (not line and proc.poll() is not None):
                break
        assert proc.poll() is None, f"the run never reached {point}: {proc.stderr.read()[-2000:]}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    run_pipeline(feed_sources, db)
    files = sorted(p.name for p in (feed_sources / "documents").rglob("*.md"))
    assert len(files) == 5 and len(set(f.rsplit("-", 1)[-1] for f in files)) == 5
    assert _rows(db, "select count(*), count(distinct title) from dim_document") == [(5, 5)]
    assert _rows(db, "select count(*) from feed_item where status = 'written'") == [(5,)]
