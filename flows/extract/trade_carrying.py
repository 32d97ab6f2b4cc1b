"""Goods carried toward a country named before them (made up: 'the coast lived on voyages to Freedonia on sailing
ships carrying salt and figs'): the way 'to' the buyer comes first, then the carrier and its participle, then the
goods; the pair's other side sends them. Rows: trade.toml clause_bits carried_to, carrying, relative_end."""
from __future__ import annotations

from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import mostly_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit

GATE_WORDS = ("arrying", "aden with", "oaded with")  # (no lower(): 'Carrying' and 'carrying'; speed)


def carried_claims(sentence: str, countries: list[CountryMention],
                   pair: tuple[str, str] | None) -> list[tuple[str, str, str]]:
    """(exporter, importer, product) claims of goods carried to a country named before the participle; [] if none."""
    if not pair or not any(word in sentence for word in GATE_WORDS):
        return []  # the cheap gate: no carrying participle
    for buyer in countries:
        if buyer.iso3 not in pair or not clause_bit("carried_to").search(sentence, max(0, buyer.start - 12), buyer.start):
            continue
        m = clause_bit("carrying").match(sentence, buyer.end)
        if m is None or any(buyer.end <= c.start < m.end() for c in countries):
            continue
        rest = clause_bit("relative_end").split(sentence[m.end():], maxsplit=1)[0]
        goods = split_products(cut_list(rest))
        seller = other_side(pair, buyer.iso3)
        if seller and mostly_goods(goods):
            return [(seller, buyer.iso3, g) for g in goods]
    return []
