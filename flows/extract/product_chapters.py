"""A list item that points back at the goods before it ('plastics and articles thereof', 'iron and steel and their
products', 'waxes, fuels and products of their distillation'): the tariff book names its chapters so, and the
item names nothing alone. It joins the item before it; an earlier item joins too while the heads of all the joined
items and the back-pointing item's own words stand in one chapter's description of the bundled HS table (so 'tea,
waxes, fuels and products of their distillation' keeps tea apart: no chapter names tea with fuels)."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from flows.extract.product_hs import hs_rows, hs_text
from flows.lexicon import read_toml

WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _lex() -> dict:
    data, trade = read_toml("product_chapters.toml"), read_toml("trade.toml")
    one_word = {w for w in [*trade["dependent_items"], *trade["generic_heads"]] if " " not in w}
    head_words = sorted(one_word - set(data["heads_not"]) | set(data["heads_more"]))
    owners = "|".join(data["owners"])
    heads = "|".join(re.escape(h) for h in head_words)
    closing = "|".join(data["closing"])
    back = re.compile(rf"^(?:(?:{owners})\s+(?:{heads})|(?:{heads})\s+of\s+(?:{owners})\s+[a-z]+|.*\s(?:{closing}))$", re.I)
    # each chapter's words stemmed once here, not on every look-up (review36b)
    chapters = [_stems(set(WORD.findall(text))) for _, text, level in hs_rows() if level == 2]
    # (the item's head names no chapter: 'products', 'parts' stand in many)
    skip = set(data["owners"]) | set(data["closing"]) | set(head_words) | {"of", "and", "or"}
    return {"back": back, "chapters": chapters, "skip": skip, "owners": frozenset(data["owners"]),
            "empty": frozenset(data["qualifier_empty_words"])}


def _stems(words: set[str]) -> set[str]:
    """Each word without a plural ending when it is long enough to bear one (a chapter's 'waxes' and an item's 'wax'
    meet). Not product_hs._stem, which also cuts a long word to five letters for its prefix look-up: here a whole
    word must stand in the chapter ('distillation', not 'disti...')."""
    return {re.sub(r"(?:es|s)$", "", w) if len(w) > 4 else w for w in words}


def _in_one_chapter(words: set[str]) -> bool:
    """Whether one HS chapter's description holds every word (plural or not)."""
    wanted = _stems(words)
    return any(wanted <= chapter for chapter in _lex()["chapters"])


def back_owners() -> frozenset[str]:
    """The owners that point back at the item before ('their', 'its'): products._joins reads the same words."""
    return _lex()["owners"]


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


@lru_cache(maxsize=4096)
def is_tariff_qualifier(phrase: str) -> bool:
    """A phrase of two or more words, letters only, one of them naming something (not only 'of the', 'with a'), that
    the HS table itself writes as whole words ('in primary forms', 'in bulk form'; 'in prim' no): a qualifier of the
    goods before it, as the tariff book writes its headings, no end of their list ('in 2020', 'to the port', 'in the
    region' stand in no description). Cached: a look-up scans ~720 KB of descriptions and one list asks the same
    phrase again (products.cut_list, trade_goods)."""
    words = phrase.lower().split()
    if len(words) < 2 or not all(w.isalpha() for w in words) or set(words) <= _lex()["empty"]:
        return False
    # (product_hs's joined descriptions, each after a newline: a phrase of letters and spaces spans no two rows; after
    # a space and ending where a word ends)
    return re.search(" " + re.escape(" ".join(words)) + r"(?!\w)", hs_text()) is not None
