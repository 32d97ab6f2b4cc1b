"""robots.txt rules of one site, read with Protego (RFC 9309: wildcards, the longest match wins, Crawl-delay)."""
from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """What one site allows; `unreachable` names why its robots.txt could not be read (then nothing is fetched)."""

    parser: Protego | None = None
    unreachable: str | None = None

    @classmethod
    def allow_all(cls) -> "RobotsRules":
        """A site without robots.txt (any 4xx answer) allows everything."""
        return cls()

    def allows(self, agent: str, url: str) -> bool:
        if self.unreachable:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        """The site's Crawl-delay for the agent in seconds, or None."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def parse_robots(body: bytes) -> RobotsRules:
    """Rules from a robots.txt body (undecodable bytes are replaced: a broken line only loses that line)."""
    return RobotsRules(parser=Protego.parse(body.decode("utf-8", errors="replace")))
