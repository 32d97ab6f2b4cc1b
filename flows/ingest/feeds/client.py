"""A bounded, polite HTTP client for feeds and their pages.

Every request has a connect and a read timeout and a deadline for the whole body, a size cap checked on the
decoded bytes (a gzip bomb stops at the cap), at most `max_redirects` hops (a loop is named as such), a
User-Agent naming dyad, robots.txt (RFC 9309) checked on every hop, and one request at a time per host with a
delay between them (the larger of ours and the site's Crawl-delay). Requests are sequential, so no host ever
sees two at once.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from flows.ingest.feeds.robots import RobotsRules, parse_robots
from flows.settings import EXTRACTOR_VERSION

USER_AGENT = f"dyad/{EXTRACTOR_VERSION} (news-event pipeline; reads the feeds listed in its sources.toml)"
ROBOTS_AGENT = "dyad"  # the product token robots.txt groups are matched against
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB of it
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


@dataclass(frozen=True)
class Limits:
    """Every bound of the fetch; DYAD_FEED_* variables override the defaults (tests shrink them)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest silence between two chunks of one response
    response_seconds: float = 60.0  # one response, from the request to its last byte
    max_feed_bytes: int = 5 * 2**20
    max_page_bytes: int = 5 * 2**20
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    max_crawl_delay: float = 30.0  # a site's Crawl-delay beyond this is capped, so one site cannot stall a run
    run_seconds: float = 600.0  # the whole fetch stage: what is left waits for the next run

    @classmethod
    def from_env(cls) -> "Limits":
        """Defaults, with DYAD_FEED_TIMEOUT, _MAX_BYTES, _DELAY and _BUDGET applied where set."""
        timeout = _env_float("DYAD_FEED_TIMEOUT", cls.read_timeout)
        max_bytes = int(_env_float("DYAD_FEED_MAX_BYTES", cls.max_page_bytes))
        return cls(connect_timeout=min(cls.connect_timeout, timeout), read_timeout=timeout,
                   response_seconds=max(timeout, 3 * timeout), max_feed_bytes=max_bytes, max_page_bytes=max_bytes,
                   host_delay=_env_float("DYAD_FEED_DELAY", cls.host_delay),
                   run_seconds=_env_float("DYAD_FEED_BUDGET", cls.run_seconds))


class FetchError(Exception):
    """A request that gave no usable response; `reason` is written for people, `transient` says a later run may
    succeed (timeouts, refused connections, 5xx, 429) where a 404 or a loop will not."""

    def __init__(self, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status


class RobotsDisallowed(FetchError):
    """robots.txt forbids the address: a decision of the site, not a failure to try again."""


class BudgetExhausted(FetchError):
    """The run's fetch time is used up: the rest waits for the next run (nothing is marked seen)."""


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class PoliteClient:
    """Sequential GETs with every bound of `Limits`; robots.txt is read once per site per run."""

    limits: Limits = field(default_factory=Limits.from_env)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotsRules] = field(default_factory=dict)
    _started: float | None = None

    def __post_init__(self) -> None:
        timeout = httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout)
        # trust_env=False: no proxy or netrc from the environment, only the addresses the manifest names
        self._http = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                                  headers={"User-Agent": USER_AGENT})
        self._started = self.clock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, max_bytes: int, headers: dict[str, str] | None = None,
            accept: str = "*/*") -> Response:
        """The final response after at most max_redirects hops, each allowed by robots.txt; 304 has no body.

        Raises FetchError for 4xx/5xx, timeouts, refused connections, oversize bodies and redirect loops.
        """
        seen = [url]
        for _ in range(self.limits.max_redirects + 1):
            self._check_robots(url)
            response = self._request(url, max_bytes=max_bytes, headers={"Accept": accept, **(headers or {})})
            if response.status in REDIRECT_STATUSES and "location" in response.headers:
                target = urljoin(url, response.headers["location"])
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(f"redirect to a non-http address: {target}", status=response.status)
                if target in seen:
                    raise FetchError("redirect loop: " + " -> ".join(seen[seen.index(target):] + [target]),
                                     status=response.status)
                seen.append(target)
                url = target
                continue
            if response.status >= 400:
                raise FetchError(f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}".strip(),
                                 transient=response.status in TRANSIENT_STATUSES, status=response.status)
            return response
        raise FetchError(f"more than {self.limits.max_redirects} redirects: " + " -> ".join(seen))

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if parts.path == "/robots.txt":
            return
        if site not in self._robots:
            # allowed while robots.txt itself is read: its redirect hops must not ask for it again
            self._robots[site] = RobotsRules.allow_all()
            try:
                self._robots[site] = self._read_robots(site)
            except BudgetExhausted:
                del self._robots[site]
                raise
        rules = self._robots[site]
        if rules.unreachable:
            # RFC 9309: an unreachable robots.txt means nothing may be crawled until it answers again
            raise FetchError(f"{rules.unreachable} (reading {site}/robots.txt; the site is not crawled this run)",
                             transient=True)
        if not rules.allows(ROBOTS_AGENT, url):
            raise RobotsDisallowed(f"disallowed by robots.txt: {url} (for {ROBOTS_AGENT})")

    def _read_robots(self, site: str) -> RobotsRules:
        """RFC 9309: 2xx -> its rules, 4xx -> no rules, 5xx or no answer -> nothing may be fetched."""
        try:
            response = self.get(f"{site}/robots.txt", max_bytes=ROBOTS_MAX_BYTES, accept="text/plain")
        except BudgetExhausted:
            raise
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return RobotsRules.allow_all()
            return RobotsRules(unreachable=exc.reason)
        return parse_robots(response.body)

    def _host_delay(self, url: str) -> float:
        parts = urlsplit(url)
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        crawl_delay = rules.crawl_delay(ROBOTS_AGENT) if rules is not None else None
        return max(self.limits.host_delay, min(crawl_delay or 0.0, self.limits.max_crawl_delay))

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = last + self._host_delay(url) - self.clock()
            if wait > 0:
                self._check_budget(wait)
                self.sleep(wait)

    def _check_budget(self, needed: float = 0.0) -> None:
        if self.clock() + needed - self._started > self.limits.run_seconds:
            raise BudgetExhausted(f"the fetch budget of {self.limits.run_seconds:g} s is used up: "
                                  "left for the next run", transient=True)

    def _request(self, url: str, *, max_bytes: int, headers: dict[str, str]) -> Response:
        self._check_budget()
        self._wait_for_host(url)
        deadline = self.clock() + self.limits.response_seconds
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                head = Response(url=str(response.url), status=response.status_code,
                                headers={k.lower(): v for k, v in response.headers.items()})
                if response.status_code != 200:
                    return head
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"too large: declares {int(declared):,} bytes, the limit is {max_bytes:,}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"too large: more than the limit of {max_bytes:,} bytes")
                    if self.clock() > deadline:
                        raise FetchError(f"too slow: not complete after {self.limits.response_seconds:g} s",
                                         transient=True)
                    chunks.append(chunk)
                head.body = b"".join(chunks)
                return head
        except httpx.TimeoutException as exc:
            kind = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for data"
            raise FetchError(f"timed out {kind} (limit {self.limits.read_timeout:g} s)", transient=True) from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {exc}", transient=True) from exc
        except httpx.DecodingError as exc:
            raise FetchError(f"body cannot be decoded: {exc}") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"not a usable address: {exc}") from exc
        except httpx.HTTPError as exc:  # protocol errors, a connection cut mid-body
            raise FetchError(f"{type(exc).__name__}: {exc}", transient=True) from exc
        finally:
            self._last[urlsplit(url).netloc] = self.clock()
