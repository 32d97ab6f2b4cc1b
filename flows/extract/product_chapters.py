"""A list item that points back at the goods before it ('plastics and articles thereof', 'iron and steel and their
products', 'waxes, fuels and products of their distillation'): the tariff book names its chapters so, and the
item names nothing alone. It joins the item before it; an earlier item joins too while the heads of all the joined
items and the back-pointing item's own words stand in one chapter's description of the bundled HS table (so 'tea,
waxes, fuels and products of their distillation' keeps tea apart: no chapter names tea with fuels)."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from flows.lexicon import read_table, read_toml

WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("product_chapters.toml")
    owners = "|".join(data["owners"])
    heads = "|".join(re.escape(h) for h in data["heads"])
    closing = "|".join(data["closing"])
    back = re.compile(rf"^(?:(?:{owners})\s+(?:{heads})|(?:{heads})\s+of\s+(?:{owners})\s+[a-z]+|.*\s(?:{closing}))$", re.I)
    chapters = [set(WORD.findall(r["description"].lower())) for r in read_table("harmonized-system.csv")
                if r["level"] == "2"]
    # (the item's head names no chapter: 'products', 'parts' stand in many)
    skip = set(data["owners"]) | set(data["closing"]) | set(data["heads"]) | {"of", "and", "or"}
    return {"back": back, "chapters": chapters, "skip": skip}


def _stems(words: set[str]) -> set[str]:
    return {re.sub(r"(?:es|s)$", "", w) if len(w) > 4 else w for w in words}


def _in_one_chapter(words: set[str]) -> bool:
    """Whether one HS chapter's description holds every word (plural or not)."""
    wanted = _stems(words)
    return any(wanted <= _stems(chapter) for chapter in _lex()["chapters"])


def points_back(item: str) -> bool:
    """'articles thereof', 'their products', 'products of their distillation'."""
    return _lex()["back"].match(" ".join(item.lower().split())) is not None


def join_back(items: list[tuple[str, str]], mark: Callable[[str], str]) -> list[tuple[str, str]]:
    """(item, separator before it) of a list with each back-pointing item joined to the items it points back at,
    written as one item with its separators marked as its own (mark); any other item as it was."""
    out: list[tuple[str, str]] = []
    closed = 0  # the items before this many are a class already joined ('X and articles thereof, Y and its products')
    for part, separator in items:
        if len(out) <= closed or not points_back(part):
            out.append((part, separator))
            continue
        own = {w for w in WORD.findall(part.lower()) if w not in _lex()["skip"]}
        text, sep = out.pop()
        heads = own | set(WORD.findall(text.lower())[-1:])
        joined = f"{text}{separator}{part}"
        while len(out) > closed and _in_one_chapter(heads | set(WORD.findall(out[-1][0].lower())[-1:])):
            earlier, earlier_sep = out.pop()
            heads |= set(WORD.findall(earlier.lower())[-1:])
            joined, sep = f"{earlier}{sep}{joined}", earlier_sep
        out.append((mark(joined), sep))
        closed = len(out)
    return out


@lru_cache(maxsize=1)
def _descriptions() -> str:
    """Every description of the bundled HS table, lower case, one a line."""
    return "\n".join(r["description"].lower() for r in read_table("harmonized-system.csv"))


def is_tariff_qualifier(phrase: str) -> bool:
    """A phrase of two or more words, letters only, that the HS table itself writes ('in primary forms', 'in bulk
    form'): a qualifier of the goods before it, as the tariff book writes its headings, no end of their list ('in
    2020', 'to the port', 'in the region' stand in no description)."""
    words = phrase.lower().split()
    return len(words) >= 2 and all(w.isalpha() for w in words) and f" {' '.join(words)}" in _descriptions()
