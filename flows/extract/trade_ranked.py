"""Goods told as the holder of a rank: 'The main product exported to Togo was cocoa', 'Its second biggest export
group was timber, namely teak and mahogany' (issue 11, session 12). The head names the flow (an export or
import word, a participle, 'to' or 'from' a partner); the goods follow the verb of being."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, hs_code_for, split_products
from flows.extract.trade_lexicon import clause_bit, country_at, lower_first
from flows.lexicon import read_toml



@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("trade.toml")
    return {"head": re.compile(data["ranked_goods_head"], re.I),
            # ', that is gold and silver': the members of the class just named are items of the same list
            "after": re.compile(data["ranked_goods_after"], re.I),
            "restating": re.compile(r",?\s+" + alternation(data["restating_words"]) + r"\s+", re.I)}


def _kind(m: re.Match[str]) -> str:
    """'export' | 'import' | 'goods' (the flow the text speaks of) from the head's words."""
    for word in (m.group("kind"), m.group("verb"), m.group("prep")):
        if word and clause_bit("ranked_import_side").match(word.strip()):
            return "import"
        if word and clause_bit("ranked_export_side").match(word.strip()):
            return "export"
    return "goods"


def _goods(text: str) -> list[str]:
    return split_products(cut_list(_lex()["restating"].sub(", ", lower_first(text))))


def ranked_head(text: str) -> re.Match[str] | None:
    """The ranked goods head text opens with, else None."""
    return _lex()["head"].match(text)


def ranked_list(text: str) -> tuple[str, list[str]] | None:
    """(kind, goods) when text opens with a ranked goods head ('The next biggest item was timber'), else None."""
    m = _lex()["head"].match(text)
    if m is None:
        return None
    goods = _goods(text[m.end():])
    return (_kind(m), goods) if goods else None


def ranked_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'The main product exported to Togo was cocoa': (None, TGO, cocoa); 'The top item imported from Ghana is
    timber': (GHA, None, timber). Only a head whose partner slot holds a country."""
    m = _lex()["head"].match(sentence[:c_end], c_start)
    if m is None:
        return _goods_first(sentence, c_start, c_end, inside)
    if not m.group("partner"):
        return []
    partner = country_at(inside, m.start("partner"), 4)
    if partner is None or partner.start >= m.end("partner"):
        return []
    kind = _kind(m)
    if kind == "goods":
        return []
    goods = _goods(sentence[m.end():c_end])
    return [(None, partner.iso3, g) if kind == "export" else (partner.iso3, None, g) for g in goods]


def _goods_first(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Rice worth $2m is the top import from Togo': (TGO, None, rice); the goods are the clause before the verb."""
    m = _lex()["after"].search(sentence, c_start, c_end)
    partner = country_at(inside, m.end(), 1) if m else None
    if partner is None or any(c_start <= c.start < m.start() for c in inside):
        return []  # no partner after the rank, or a country among the goods (its own flow: trade_flows)
    goods = split_products(cut_list(lower_first(sentence[c_start:m.start()])))
    return [(None, partner.iso3, g) if m.group("kind").lower() == "export" else (partner.iso3, None, g) for g in goods]


def owned_goods_agent(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'A is B's biggest tea supplier': (A, B, tea); 'A is B's main wheat buyer': (B, A, wheat). The owner of the
    agent noun is its partner, the goods stand between the rank and the noun and must read as goods ('B's largest
    trading partner', 'B's main export market' name none)."""
    out = []
    for first in inside:
        verb = None if first.possessive else clause_bit("owned_rank_verb").match(sentence, first.end, c_end)
        second = country_at(inside, verb.end(), 1) if verb else None
        m = clause_bit("owned_goods_agent").match(sentence, second.end, c_end) if second and second.possessive else None
        if m is None or second.iso3 == first.iso3 or not hs_code_for(m.group("goods")) \
                or clause_bit("ranked_export_side").match(m.group("goods")) or clause_bit("ranked_import_side").match(m.group("goods")):
            continue
        out.append((first.iso3, second.iso3, m.group("goods")) if m.group("seller") else (second.iso3, first.iso3, m.group("goods")))
    return out
