"""A real HTTP server on 127.0.0.1 for the feed tests: the project's fixture feeds and pages, and each way a feed
can fail. Bounded: it answers at most `max_requests` requests (then 503), a slow answer sleeps at most
`slow_seconds`, and stop() ends it; every request is recorded for the tests to assert on."""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.feed_pages import page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
LAST_MODIFIED = formatdate(1764892800, usegmt=True)  # a fixed date: the feeds do not change between runs
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Seen:
    at: float
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    delay: float = 0.0
    chunks: int = 0  # > 0: the body is sent this many times, chunked, with no Content-Length
    chunk_delay: float = 0.0  # seconds between two chunks (a slow drip)
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = False  # ETag + Last-Modified, answering 304 to a matching conditional GET


@dataclass
class FeedServer:
    max_requests: int = 200
    slow_seconds: float = 3.0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    def start(self) -> "FeedServer":
        owner = self
        self._stop = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet: the tests read self.requests instead
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                owner._answer(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:  # a client that hung up on purpose
                pass

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def add_fixture(self, path: str, name: str, content_type: str, *, validators: bool = True) -> None:
        body = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base).encode("utf-8")
        self.routes[path] = Route(body=body, content_type=content_type, validators=validators)

    def paths(self, prefix: str = "/") -> list[str]:
        return [r.path for r in self.requests if r.path.startswith(prefix)]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        seen = Seen(at=time.monotonic(), path=handler.path, headers={k.lower(): v for k, v in handler.headers.items()})
        self.requests.append(seen)
        route = self.routes.get(handler.path.split("?", 1)[0]) if len(self.requests) <= self.max_requests else \
            Route(status=503, body=b"request budget of the test server used up")
        route = route or Route(status=404, body=b"not found")
        if route.delay:
            end = time.monotonic() + min(route.delay, self.slow_seconds)
            while time.monotonic() < end and not self._stop.is_set():
                time.sleep(0.02)
        etag = f'"{hashlib.sha256(route.body).hexdigest()[:16]}"'
        # RFC 9110 13.2.2: If-None-Match, when sent, decides alone; If-Modified-Since only without it
        match = handler.headers.get("If-None-Match")
        if route.validators and (match == etag if match is not None
                                 else handler.headers.get("If-Modified-Since") == LAST_MODIFIED):
            seen.status = 304
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        seen.status = route.status
        try:
            handler.send_response(route.status)
            handler.send_header("Content-Type", route.content_type)
            if route.location:
                handler.send_header("Location", route.location)
            for name, value in route.headers.items():
                handler.send_header(name, value)
            if route.validators:
                handler.send_header("ETag", etag)
                handler.send_header("Last-Modified", LAST_MODIFIED)
            if route.chunks:
                handler.send_header("Transfer-Encoding", "chunked")
                handler.end_headers()
                end = time.monotonic() + self.slow_seconds
                for _ in range(route.chunks):
                    if self._stop.is_set() or time.monotonic() > end:
                        break
                    time.sleep(route.chunk_delay)
                    handler.wfile.write(f"{len(route.body):x}\r\n".encode() + route.body + b"\r\n")
                handler.wfile.write(b"0\r\n\r\n")
                return
            handler.send_header("Content-Length", str(len(route.body)))
            handler.end_headers()
            handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a size cap or a timeout): that is what the test wanted


def fixture_server(**options) -> FeedServer:
    """The server with every fixture feed, page and failure route; start() has been called."""
    server = FeedServer(**options).start()
    server.routes["/robots.txt"] = Route(body=ROBOTS, content_type="text/plain")
    server.add_fixture("/agency/rss.xml", "agency_rss20.xml", "application/rss+xml")
    server.add_fixture("/ministry/atom.xml", "ministry_atom.xml", "application/atom+xml")
    server.add_fixture("/regional/index.rdf", "regional_rss10.xml", "application/rdf+xml")
    for path, name in {"/agency/2026/aze-blr-education.html": "aze-blr-education.html",
                       "/agency/m/aze-blr-education.html": "aze-blr-education.html",
                       "/agency/2026/kaz-uzb-trade-house.html": "kaz-uzb-trade-house.html",
                       "/private/embargoed.html": "kaz-uzb-trade-house.html",
                       "/ministry/news/geo-arm-visit.html": "geo-arm-visit.html",
                       "/ministry/news/mng-jpn-consultations.html": "mng-jpn-consultations.html",
                       "/regional/belarus-azerbaijan-tractors.html": "belarus-azerbaijan-tractors.html",
                       "/regional/football-cup.html": "football-cup.html"}.items():
        server.routes[path] = Route(body=page(name))
    agency = server.routes["/agency/rss.xml"].body
    server.routes["/slow/rss.xml"] = Route(body=agency, content_type="application/rss+xml", delay=server.slow_seconds)
    server.routes["/broken/rss.xml"] = Route(body=b"<html><body><h1>We'll be right back</h1><p>Our feed is under "
                                                  b"maintenance.</p>", content_type="text/html")
    server.routes["/huge/rss.xml"] = Route(body=b"<!-- padding -->" * 4096, content_type="application/rss+xml",
                                           chunks=64)
    server.routes["/loop/a.xml"] = Route(status=302, location="/loop/b.xml")
    server.routes["/loop/b.xml"] = Route(status=302, location=f"{server.base}/loop/a.xml")
    return server
