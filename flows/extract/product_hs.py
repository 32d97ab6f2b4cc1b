"""Goods to HS codes: the synonym table (product_hs.csv) first, then the Harmonized System's descriptions word by
word (split from products.py, which reads the lists; made up: 'frozen tilapia fillets' -> 0304, 'bananas' names the
heading 'bananas, including plantains')."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from flows.extract.trade_lexicon import clause_bit
from flows.lexicon import read_table, read_toml


@lru_cache(maxsize=1)
def _generic() -> dict[str, set[str]]:
    """The heads that name no goods of their own ('products', 'goods'; 'systems', 'equipment' for the HS look-up)."""
    data = read_toml("trade.toml")
    # 'goods_before': a head that takes the goods of the word before it ('tin products', 'truck components')
    return {"generic": set(data["generic_heads"]), "hs_generic": set(data["hs_generic_heads"]),
            "goods_before": set(data["hs_generic_heads"]) | set(data["part_heads"])}


@lru_cache(maxsize=1)
def _hs_index() -> tuple[dict[str, str], list[tuple[str, str, int]]]:
    synonyms = {r["product"].lower(): r["hs_code"] for r in read_table("product_hs.csv")}
    described = [(r["hscode"], r["description"].lower(), int(r["level"])) for r in read_table("harmonized-system.csv")
                 if r["level"] in ("2", "4", "6")]
    return synonyms, described


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else re.sub(r"(?:es|s)$", "", word)


@lru_cache(maxsize=4096)
def is_listed_product(product: str) -> bool:
    """A product named in the synonym table (product_hs.csv), word for word ('poultry', 'portland cement')."""
    return product.lower().strip() in _hs_index()[0]


@lru_cache(maxsize=4096)
def names_hs_heading(word: str) -> bool:
    """Whether a single noun is what an HS chapter or heading is about: a description that opens with it ('bananas,
    including plantains' for 'banana'), not one that only mentions it. 'farm', 'trade' or 'value' open none."""
    word = word.lower().strip()
    if not re.fullmatch(r"[a-z]{3,}", word) or {word, word + "s"} & _generic()["generic"]:
        return False
    opens = re.compile(rf"{re.escape(word)}(?:e?s)?\b")
    return any(level in (2, 4) and opens.match(text) for _, text, level in _hs_index()[1])


@lru_cache(maxsize=1)
def _hs_joined() -> tuple[str, list[int]]:
    """Every description of _hs_index()[1] in one string, each after a newline, and where each starts (built once a
    process, ~2 ms)."""
    starts, position = [], 0
    for _, text, _ in _hs_index()[1]:
        starts.append(position + 1)
        position += 1 + len(text)
    return "".join("\n" + text for _, text, _ in _hs_index()[1]), starts


def hs_rows() -> list[tuple[str, str, int]]:
    """The HS table's headings as (code, lower-case description, level 2/4/6), for other modules (product_chapters):
    the public face of the cached index, which may change shape."""
    return _hs_index()[1]


def hs_text() -> str:
    """Every description of hs_rows() in one string, each after a newline (a phrase of letters and spaces found in it
    spans no two rows)."""
    return _hs_joined()[0]


HS_TEXT_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _hs_words() -> tuple[list[str], dict[str, list[tuple[int, int]]]]:
    """Every distinct word of the descriptions of _hs_index()[1], sorted, and each word's places (row, start) in the
    table's order: the words that open with a stem are one bisect away. Why this shape: the sorted list of all
    ~110,000 (word, row, start) entries it replaces took ~90 ms to build, more than the str.find of 200 stems it was
    built after; the 6,711 distinct words sort in a few ms and their places are one pass: ~41 ms to build the
    whole index (the best of seven builds in one process; median 43 ms; docs/performance.md)."""
    places: dict[str, list[tuple[int, int]]] = {}
    for row, (_, text, _) in enumerate(_hs_index()[1]):
        for match in HS_TEXT_WORD.finditer(text):
            word = match.group()
            found = places.get(word)
            if found is None:
                places[word] = [(row, match.start())]
            else:
                found.append((row, match.start()))
    return sorted(places), places


FIND_STEMS = 60  # stems looked up by str.find (~0.5 ms each) before the word index (_hs_words, ~41 ms) pays
_stems_found = 0


@lru_cache(maxsize=None)
def _word_starts(stem: str) -> dict[int, int]:
    r"""Row of _hs_index()[1] -> where r'\bSTEM\w*' first matches in its description, for the rows it matches, in
    the table's order. A stem is letters (HS_WORD), so the pattern matches where the stem stands after a non-word
    character or at the text's start (a newline in the joined string). Why: hs_code_for ran the pattern of each of a
    product's words over every description holding the head's stem (~2 ms a product); a stem's rows are the same for
    every product, and str.find over the joined descriptions finds them in ~0.5 ms once a process (a regex opening
    with \b gets no fast literal scan: ~20 ms); past FIND_STEMS stems, a bisect in the sorted words (_hs_words).
    The two give the same rows and starts (a word the stem opens is a place r'\bSTEM' matches, and back).
    Why the two: the index costs ~35 ms to build, more than a short run's few stems."""
    global _stems_found
    _stems_found += 1
    out: dict[int, int] = {}
    if _stems_found > FIND_STEMS:  # a long run: the sorted words, where the stem opens a word
        words, places = _hs_words()
        for index in range(bisect_left(words, stem), len(words)):
            if not words[index].startswith(stem):
                break
            for row, start in places[words[index]]:
                if start < out.get(row, start + 1):
                    out[row] = start
        return dict(sorted(out.items()))
    joined, starts = _hs_joined()
    at = joined.find(stem)
    while at >= 0:
        before = joined[at - 1]  # at >= 1: the string opens with a newline
        if not (before.isalnum() or before == "_"):  # sre's \w is str.isalnum() or '_'
            row = bisect_right(starts, at) - 1
            if row not in out:
                out[row] = at - starts[row]
        at = joined.find(stem, at + 1)
    return out


HS_WORD = re.compile(r"[a-z]{3,}")
IES_END = re.compile(r"ies$")
S_END = re.compile(r"(?<!s)s$")


@lru_cache(maxsize=4096)
def hs_code_for(product: str) -> str | None:
    """An HS chapter or heading for a product: the synonym table first, then the HS descriptions word by word
    (cached: a pure function of the text over lexicons read once a process, and lists repeat their goods)."""
    synonyms, _ = _hs_index()
    key = clause_bit("hs_key_modifier").sub("", product.lower().strip())
    for candidate in (product.lower(), key):
        if candidate in synonyms:
            return synonyms[candidate] or None
    words = HS_WORD.findall(key)
    if not words:
        return None
    generic = _generic()["hs_generic"]
    head = next((w for w in reversed(words) if w not in generic), words[-1])  # 'air defence systems' -> 'defence'
    singular = IES_END.sub("y", head) if head.endswith("ies") else S_END.sub("", head)
    # the rows each word's r'\bSTEM\w*' matches, and where the head's first matches (see _word_starts)
    matched = [_word_starts(_stem(w)) for w in words]
    described = _hs_index()[1]
    best = None
    for row, first in matched[words.index(head)].items():
        code, text, level = described[row]
        hits = sum(1 for starts in matched if row in starts)
        score = (-hits, first > 0, {4: 0, 2: 1, 6: 2}[level], len(text))
        if best is None or score < best[0]:
            best = (score, code[:4])
    if best:
        return best[1]
    return synonyms.get(head) or synonyms.get(singular) or None


def names_goods(product: str) -> bool:
    """Whether a product's head word is goods the synonym table or an HS heading names ('tea', 'cut flowers', 'crude
    oil'; not 'traders', 'markets', 'cash'); a plural head is tried bare too ('garments' -> 'garment')."""
    words = product.lower().split()
    head = words[-1]
    if is_listed_product(product) or names_hs_heading(head) or names_hs_heading(clause_bit("plural_s").sub("", head)):
        return True
    # a head that names no goods of its own takes the goods of the word before it (made up: 'tin products', 'truck
    # components': tin, trucks; 'medical devices' only by the synonym table; 'value products' nothing)
    generic = _generic()["goods_before"]
    return len(words) > 1 and head in generic and words[-2] not in generic and names_goods(words[-2])


def mostly_goods(items: list[str], known: Callable[[str], object] = hs_code_for) -> bool:
    """The one test of a list that must read as goods: items, and half of them or more known. known: hs_code_for (the
    HS table, word by word: 'frozen fish fillets') for lists read off loose frames; names_goods (the head must open an
    HS heading) where the frame says little of goods ('..., mostly X and Y' after a figure; 'of which 60% was X').
    Made up: 'tea, rice and handicrafts' passes (two of three), 'small traders and farmers' does not."""
    return bool(items) and 2 * sum(1 for item in items if known(item)) >= len(items)
