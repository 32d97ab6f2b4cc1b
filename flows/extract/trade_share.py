"""A seller's share of a buyer's flow: "Ruritania accounts for 60 percent of Freedonia's cement imports", "Ruritania
supplies almost all of Freedonia's imports of fuel, and half of its wheat purchases". The seller is the clause's subject;
the buyer owns the flow, else the pair's other side (None, filled by trade.find_trade_claims). Rows: trade.toml
share_verbs, share_amounts, share_flow_nouns, breakdown_quantifiers."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation, whole_words
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import trade_lexicon
from flows.lexicon import read_toml

ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
POSSESSIVE_LEAD = re.compile(r"^(?:[’']s?)?\s*")
SUBJECT_GAP = re.compile(r"\s+(?:(?:alone|also|still|now|currently|\w+ly)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    """The verb with its first share, one share item ('about 36% of its fuel imports') and the flow in an item's body."""
    data = read_toml("trade.toml")
    share = (r"(?:(?:" + alternation(data["breakdown_quantifiers"]) + r")\s+)?(?:" + "|".join(data["share_amounts"])
             + r")\s+of\s+(?:the\s+|its\s+|their\s+)?")
    nouns = whole_words(data["share_flow_nouns"] + data["share_sale_nouns"])
    verb = re.compile(whole_words(data["share_verbs"]) + r"\s+(?=" + share + ")", re.I)
    # one item: a share, 'of', and its body up to the next item ('..., about one-third of its wheat purchases')
    item = re.compile(share + r"(?P<body>[^,;]{1,100}?)(?=\s*(?:,|;|\.\s|\.?$|\band\b))", re.I)
    return (verb, item, re.compile(r"^(?P<rest>.*?)(?P<noun>" + nouns + r")(?:\s+of\s+(?P<after>.+))?"
                       # ('... of B's cement imports in 2023': the year after the flow is no goods)
                       + data["passive_time_tail"] + "$", re.I),
            frozenset(data["share_sale_nouns"]), frozenset(data["share_part_verbs"]))


def share_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """(seller, buyer or None, product) of each share item after a share verb; [] when none. The subject sells into a
    buyer's imports, and buys from a seller's sales ('B accounts for 10% of A's tea sales')."""
    verb, item, flow, sales, part_verbs = _patterns()
    out = []
    for v in verb.finditer(sentence, c_start, c_end):
        seller = next((c for c in inside if not c.possessive and c.end <= v.start()
                       and SUBJECT_GAP.fullmatch(sentence, c.end, v.start())), None)
        if seller is None:
            continue
        pos, buyer = v.end(), None
        while (m := item.match(sentence, pos, c_end)) is not None:
            owner = next((c for c in inside if m.start("body") <= c.start < m.end("body") and c.possessive), None)
            buyer = owner.iso3 if owner else buyer  # ('..., and half of its wheat purchases': the buyer named before)
            # (the owner's possessive mark only: 'B's salmon exports' keeps the 's' of 'salmon')
            body = flow.match(POSSESSIVE_LEAD.sub("", sentence[owner.end if owner else m.start("body"):m.end("body")]))
            if body and body.group("noun").lower() in sales:
                if owner is not None and v.group(0).strip().lower() in part_verbs:
                    goods = _without_gap(body.group("rest"))
                    out += [(owner.iso3, seller.iso3, p) for p in split_products(goods)] if goods else []
                break
            if body and body.group("after"):
                # 'almost all of B's imports of cement and salt': the goods after 'of' run to the list's end
                after = sentence.index(body.group("after"), m.start("body"))
                out += [(seller.iso3, buyer, p) for p in split_products(cut_list(sentence[after:c_end]))]
                break
            goods = _without_gap(body.group("rest")) if body else ""
            out += [(seller.iso3, buyer, p) for p in split_products(goods)] if goods else []
            nxt = ITEM_GAP.match(sentence, m.end(), c_end)
            if nxt is None:
                break
            pos = nxt.end()
    return [c for c in out if c[1] != c[0]]


def _without_gap(words: str) -> str:
    """'merchandise cement' -> 'cement': the words that qualify the flow (trade.toml owner_gap_words) name no goods."""
    gap = trade_lexicon()["owner_gap"]
    return gap.sub(" ", " " + words).strip() if words.strip() else ""
