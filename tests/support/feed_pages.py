"""The fixture feeds' article pages, rendered from one template and the pages' own parts.

Six pages shared every line but their outlet, headline, date and paragraphs; those parts are data in
tests/fixtures/feeds/pages.toml and the page around them is tests/fixtures/feeds/page_template.html, so a
change to the page's furniture (say a cookie banner a test wants trafilatura to drop) is made once.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


@lru_cache(maxsize=1)
def _pages() -> dict[str, dict]:
    return tomllib.loads((FEEDS / "pages.toml").read_text(encoding="utf-8"))


def page_names() -> list[str]:
    """Every page's file name, as the fixture feeds link to it (`aze-blr-education.html`, ...)."""
    return list(_pages())


def page(name: str) -> bytes:
    """The page `name` as a server sends it: UTF-8 HTML with its outlet, headline, date and paragraphs."""
    parts = {**_pages()[name]}
    parts["paragraphs"] = "".join(f"<p>{text}</p>\n" for text in parts["paragraphs"])
    text = (FEEDS / "page_template.html").read_text(encoding="utf-8")
    # `{{title}}` and the like: the page's own script has braces of its own (`function gtag(){...}`)
    for key, value in parts.items():
        text = text.replace("{{" + key + "}}", value)
    return text.encode("utf-8")
