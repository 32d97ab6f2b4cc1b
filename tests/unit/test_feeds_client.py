"""The bounded, polite client against a real HTTP server on 127.0.0.1: caps, timeouts, redirects, robots.txt,
the delay between requests to one host and the run's time budget."""
from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator

import pytest

from flows.ingest.feeds.client import BudgetExhausted, FetchError, Limits, PoliteClient, RobotsDisallowed
from tests.support.feed_server import FeedServer, Route

FAST = Limits(connect_timeout=1.0, read_timeout=0.5, response_seconds=2.0, max_feed_bytes=1000,
              max_page_bytes=1000, max_redirects=3, host_delay=0.0, run_seconds=30.0)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    served = FeedServer(max_requests=60, slow_seconds=2.0).start()
    served.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\nAllow: /private/open*\n",
                                         content_type="text/plain")
    served.routes["/ok"] = Route(body=b"<rss/>", content_type="application/rss+xml")
    try:
        yield served
    finally:
        served.stop()


def _client(**changes) -> PoliteClient:
    return PoliteClient(limits=Limits(**{**FAST.__dict__, **changes}))


def _error(client: PoliteClient, url: str, max_bytes: int = 1000) -> FetchError:
    with pytest.raises(FetchError) as caught:
        client.get(url, max_bytes=max_bytes)
    return caught.value


def test_a_plain_get_names_dyad_and_reads_robots_once(server: FeedServer) -> None:
    with _client() as client:
        assert client.get(f"{server.base}/ok", max_bytes=1000).body == b"<rss/>"
        assert client.get(f"{server.base}/ok", max_bytes=1000).status == 200
    assert server.paths() == ["/robots.txt", "/ok", "/ok"]
    assert {r.headers["user-agent"].split(" ")[0] for r in server.requests} == {"dyad/0.1.0"}


@pytest.mark.parametrize(("route", "reason", "transient"), [
    (Route(status=404), "HTTP 404 Not Found", False),
    (Route(status=410), "HTTP 410 Gone", False),
    (Route(status=503), "HTTP 503 Service Unavailable", True),
    (Route(status=429), "HTTP 429 Too Many Requests", True),
    (Route(body=b"x" * 1001), "too large: declares 1,001 bytes, the limit is 1,000", False),
    (Route(body=b"x" * 100, chunks=20), "too large: more than the limit of 1,000 bytes", False),
    (Route(body=b"late", delay=1.5), "timed out waiting for data (limit 0.5 s)", True),
    (Route(body=b"x", chunks=50, chunk_delay=0.1), "too slow: not complete after 2 s", True),
    (Route(body=gzip.compress(b"\0" * 50_000), headers={"Content-Encoding": "gzip"}),
     "too large: more than the limit of 1,000 bytes", False),
])
def test_each_failure_is_one_error_with_its_reason(server: FeedServer, route: Route, reason: str,
                                                    transient: bool) -> None:
    server.routes["/feed"] = route
    error = _error(_client(), f"{server.base}/feed")
    assert (error.reason, error.transient) == (reason, transient)


def test_a_refused_connection_is_transient() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = _error(_client(), f"http://127.0.0.1:{port}/feed")
    assert error.transient and error.reason.startswith("cannot connect")
    assert f"reading http://127.0.0.1:{port}/robots.txt" in error.reason


def test_redirects_are_followed_then_capped_and_loops_named(server: FeedServer) -> None:
    for hop in range(1, 6):
        server.routes[f"/r{hop}"] = Route(status=301 if hop % 2 else 307, location=f"/r{hop + 1}")
    server.routes["/r6"] = Route(body=b"arrived")
    assert _client().get(f"{server.base}/r3", max_bytes=100).body == b"arrived"  # 3 hops: the cap
    too_many = _error(_client(), f"{server.base}/r1")
    assert too_many.reason.startswith("more than 3 redirects: ") and not too_many.transient
    server.routes["/a"] = Route(status=302, location="/b")
    server.routes["/b"] = Route(status=302, location="/a")
    assert _error(_client(), f"{server.base}/a").reason == f"redirect loop: {server.base}/a -> {server.base}/b -> " \
                                                            f"{server.base}/a"
    server.routes["/away"] = Route(status=302, location="file:///etc/passwd")
    assert _error(_client(), f"{server.base}/away").reason == "redirect to a non-http address: file:///etc/passwd"


def test_robots_txt_is_honoured_on_every_hop(server: FeedServer) -> None:
    server.routes["/private/open-data"] = Route(body=b"open")
    server.routes["/to-private"] = Route(status=302, location="/private/secret")
    client = _client()
    assert client.get(f"{server.base}/private/open-data", max_bytes=100).body == b"open"  # the longer Allow wins
    assert _error(client, f"{server.base}/private/secret").reason == \
        f"disallowed by robots.txt: {server.base}/private/secret (for dyad)"
    assert isinstance(_error(client, f"{server.base}/private/secret"), RobotsDisallowed)
    assert _error(client, f"{server.base}/to-private").reason.endswith("/private/secret (for dyad)")
    assert "/private/secret" not in server.paths()


@pytest.mark.parametrize(("robots", "allowed"), [(Route(status=404), True), (Route(status=403), True),
                                                 (Route(status=500), False)])
def test_robots_txt_missing_allows_and_unreachable_forbids(server: FeedServer, robots: Route, allowed: bool) -> None:
    """RFC 9309: a 4xx robots.txt means no rules; a 5xx means the site may not be crawled for now."""
    server.routes["/robots.txt"] = robots
    client = _client()
    if allowed:
        assert client.get(f"{server.base}/ok", max_bytes=100).body == b"<rss/>"
    else:
        error = _error(client, f"{server.base}/ok")
        assert error.transient and error.reason.startswith("HTTP 500 Internal Server Error (reading ")
        assert "/ok" not in server.paths()


def test_requests_to_one_host_are_spaced_by_the_larger_delay(server: FeedServer) -> None:
    client = _client(host_delay=0.1)
    for _ in range(3):
        client.get(f"{server.base}/ok", max_bytes=100)
    gaps = [b.at - a.at for a, b in zip(server.requests, server.requests[1:])]
    assert len(gaps) == 3 and min(gaps) >= 0.1
    server.requests.clear()
    server.routes["/robots.txt"] = Route(body=b"User-agent: dyad\nCrawl-delay: 0.3\n", content_type="text/plain")
    client = _client(host_delay=0.1)
    client.get(f"{server.base}/ok", max_bytes=100)
    client.get(f"{server.base}/ok", max_bytes=100)
    assert server.requests[2].at - server.requests[1].at >= 0.3


def test_the_run_budget_stops_before_a_wait_would_overrun_it(server: FeedServer) -> None:
    client = _client(host_delay=0.3, run_seconds=0.5)  # robots.txt at 0 s, /ok at 0.3 s, the next would be at 0.6 s
    client.get(f"{server.base}/ok", max_bytes=100)
    with pytest.raises(BudgetExhausted) as caught:
        client.get(f"{server.base}/ok", max_bytes=100)
    assert caught.value.transient and "used up" in caught.value.reason
    assert server.paths() == ["/robots.txt", "/ok"]


def test_limits_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("DYAD_FEED_TIMEOUT", "2")
    monkeypatch.setenv("DYAD_FEED_DELAY", "0.25")
    monkeypatch.setenv("DYAD_FEED_MAX_BYTES", "4096")
    limits = Limits.from_env()
    assert (limits.read_timeout, limits.connect_timeout, limits.host_delay, limits.max_feed_bytes,
            limits.max_page_bytes) == (2.0, 2.0, 0.25, 4096, 4096)
    monkeypatch.delenv("DYAD_FEED_TIMEOUT")
    assert Limits.from_env().read_timeout == Limits().read_timeout
