"""Goods told as a share of a flow, the goods the subject (made up: 'Cocoa accounted for 60 percent of Ruritania's
exports to Freedonia'; 'Timber leads Ruritania's trade with Freedonia, accounting for half of the goods that
Ruritania sold to the West African nation'). The flow after the share names the seller (its owner, or the subject of
a relative clause) and the buyer ('to' a country, or an epithet of the pair's other side: 'the Asian country'); an
import flow the other way round. trade_share.py reads the other shape, a country as the subject. Rows: trade.toml
share_part_verbs, share_goods_participles, share_goods_lead_verbs, share_goods_anaphors, share_amounts, breakdown_quantifiers."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.prefilter import gate
from flows.common.words import alternation, whole_words
from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import mostly_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import country_at, lower_first
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = read_toml("trade.toml")
    share = (r"(?:(?:" + alternation(data["breakdown_quantifiers"]) + r")\s+)?(?:" + "|".join(data["share_amounts"])
             + r")\s+of\s+")
    return {
        "verb": re.compile(r",?\s*" + whole_words(data["share_part_verbs"] + data["share_goods_participles"]) + r"\s+" + share, re.I),
        # 'Tea dominates A's trade with B, accounting for ...': the goods are the words before the leading verb
        "anaphor": re.compile(r"^\W*" + whole_words(data["share_goods_anaphors"]), re.I),
        "lead": re.compile(r"\s+" + whole_words(data["share_goods_lead_verbs"]) + r"\s", re.I),
        # the flow after the share: its kind, then (within a few words) 'to' or 'from' its partner
        "flow": re.compile(r"\b(?:(?P<out>exports?|exported|sales|sold|shipments|shipped)|(?P<in>imports?|imported|"
                           r"purchases|bought))\b[^,;]{0,50}?\s(?:to|from)\s+(?:the\s+)?", re.I),
        "epithet": re.compile(r"(?:[\w-]+\s+){0,3}?(?:nation|country|state|kingdom|republic)\b", re.I),
    }


def share_goods_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention],
                       pair: tuple[str, str] | None) -> list:
    """(seller, buyer, product) of goods told as a share of the pair's flow; [] when the clause is not that shape."""
    p = _patterns()
    if not gate(p["verb"]).open(sentence):
        return []  # (speed: no share verb's word in the sentence, no need for the full pattern)
    v = p["verb"].search(sentence, c_start, c_end)
    if v is None:
        return []
    lead = p["lead"].search(sentence, c_start, v.start())
    end = lead.start() if lead else v.start()
    if any(c_start <= c.start < end for c in inside) or p["anaphor"].match(sentence, c_start):
        return []  # a country opens the clause: its share (trade_share), not the goods'
    goods = split_products(cut_list(lower_first(sentence[c_start:end].strip())))
    if not mostly_goods(goods):
        return []
    flow = p["flow"].search(sentence, v.end(), c_end)
    if flow is None:
        return []
    # the flow's own side: a possessive owner before it, or the subject of 'goods that A exported to'
    own = [c for c in inside if v.end() <= c.start and c.end <= flow.end()]
    owner = own[-1].iso3 if own else None
    partner = country_at(inside, flow.end(), 1)
    if partner is not None:
        other = partner.iso3
    elif owner and p["epithet"].match(sentence, flow.end()):
        other = other_side(pair, owner)  # 'to the Asian nation': the pair's other side
    else:
        return []
    if other is None or other == owner:
        return []
    return [(owner, other, g) if flow.group("out") else (other, owner, g) for g in goods]
