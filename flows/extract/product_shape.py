"""The shape a product has: a noun phrase. A stretch that opens with a preposition, a figure's unit or a participle
of a figure's change is the phrase around a figure, never goods (made up: 'Ruritania sold $5m of tea as against $4m
a year before, showing a growth of 9%': 'as against' and 'showing a growth' sit between figures, but name nothing;
'down jackets' and 'recording equipment' are goods: there the word modifies a noun). Rows: trade.toml
figure_phrase_prepositions, figure_phrase_units, figure_phrase_participles, figure_phrase_after_participle."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation, whole_words
from flows.extract.product_hs import hs_code_for
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _figure_lead() -> re.Pattern[str]:
    data = read_toml("trade.toml")
    # a preposition or a unit then a space, a comma or the item's end ('m, down from'), never 'm' of 'maize' nor
    # 'in' of 'in-shell'; a participle then what shows it is no modifier ('settling at', 'showing a growth')
    bare = whole_words(data["figure_phrase_prepositions"] + data["figure_phrase_units"]) + r"(?=[\s,]|$)"
    participle = (whole_words(data["figure_phrase_participles"])
                  + "(?=" + alternation(data["figure_phrase_after_participle"], escape=False, longest_first=False) + ")")
    return re.compile(r"^\W*(?:" + bare + "|" + participle + ")", re.I)


def is_figure_phrase(item: str) -> bool:
    """Whether a list item is the phrase around a figure ('as against', 'showing a growth', 'm, down from'), not a
    noun phrase naming goods ('tea', 'building materials', 'down jackets')."""
    return _figure_lead().match(item) is not None


@lru_cache(maxsize=1)
def _classification() -> re.Pattern[str]:
    return re.compile(read_toml("trade.toml")["classification_word"])


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """trade.toml role_heads: the head of a predicate that ranks a part of a flow ('the biggest contributor')."""
    return frozenset(read_toml("trade.toml")["role_heads"])


@lru_cache(maxsize=1)
def vague_words() -> frozenset[str]:
    """trade.toml vague_words: words that name no goods alone ('it', 'tons', 'other')."""
    return frozenset(read_toml("trade.toml")["vague_words"])


def all_vague(words: list[str]) -> bool:
    """Whether there are words and every one is vague ('all of it', 'tons')."""
    return bool(words) and all(w in vague_words() for w in words)


# a lone adverb ('Subsequently sales to B grew': the clause's opening word read as the goods that own the sales)
LONE_ADVERB = re.compile(r"[a-z]{4,}ly", re.I)


def names_no_goods(item: str) -> bool:
    """Whether a list item names no goods: the phrase around a figure, a lone word that only classes a flow (made
    up: 'Ruritania's non-oil exports to Freedonia rose': 'non-oil' sorts the exports, it is no product; 'non-ferrous
    metals' is one), words that are all vague ('it', 'tons'), or a lone -ly adverb the product table does not know
    ('subsequently'; 'jelly' is goods)."""
    words = item.lower().split()
    return (is_figure_phrase(item) or _classification().match(item.strip()) is not None
            or all_vague(words) or (bool(words) and words[-1] in role_heads())
            or (LONE_ADVERB.fullmatch(item.strip()) is not None and hs_code_for(item.strip().lower()) is None))


@lru_cache(maxsize=1)
def _quality() -> re.Pattern[str]:
    return re.compile(r"^" + whole_words(read_toml("trade.toml")["quality_words"]) + r"\s+(?=\S)", re.I)


def without_quality(product: str) -> str:
    """'high-quality machinery' -> 'machinery': a word of quality tells how good the goods are, not which (the key a
    claim is known by, so the goods told again with it make no second claim)."""
    return _quality().sub("", product)
