"""A side's main goods told right after a flow, with no flow word of their own (made up: 'Freedonia's main exports to
Ruritania were tin and wool. Ruritania's main products were rice and tea.'; 'Key Ruritanian goods included rice';
'deals on the trade of top commodities of Ruritania, which include rice and tea'). Inside a trade paragraph (a trade
word within the last few sentences, trade.FLOW_WINDOW) the owner's goods are its exports to the pair's other side;
elsewhere ('Ruritania's main products are rice and tea' in a country profile) they are its production, no claim.
A side's goods told with the other side's market as their place ('Ruritanian products with strong advantages in the
Freedonian market include rice') are its exports there in any paragraph: the market names the buyer.
Rows: trade.toml clause_bits owned_goods_lead, owned_goods_of, owned_goods_market."""
from __future__ import annotations

from typing import TYPE_CHECKING

from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit, lower_first

if TYPE_CHECKING:
    from flows.extract.trade import TradeState


def owned_goods_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[tuple[str, str, str]]:
    """(owner, other side, product) for the goods of a side's 'main products' list; [] when the sentence is not that
    shape, its owner is no side of the pair (a possessive or a demonym), the list is not mostly goods, or the sentence
    stands outside a trade paragraph (no trade word in the few sentences before it, state.in_paragraph; or the last flow
    went to a place that is no country, state.abroad). The test sits here so that every caller gets it: the sentence's
    own words open no paragraph ('..., whose prices reached record highs', '..., which it sells mostly to Europe')."""
    pair = state.pair
    if pair is None or not countries:
        return []
    marketed = _market_goods(sentence, countries, pair)
    if marketed is not None:
        return marketed
    if not state.in_paragraph or state.abroad:
        return []
    for name in ("owned_goods_lead", "owned_goods_of"):
        m = clause_bit(name).search(sentence)
        if m is None:
            continue
        owner = next((c for c in countries if m.start("owner") <= c.start < m.end("owner")
                      and (c.kind == "demonym" or c.possessive or name == "owned_goods_of")), None)
        buyer = other_side(pair, owner.iso3) if owner is not None else None
        if buyer is None or owner.iso3 == buyer:
            return []
        goods = split_products(cut_list(lower_first(sentence[m.end():])))
        if not mostly_goods(goods, names_goods):  # (the strict test: "A-ian goods are losing ground" is no list)
            return []
        return [(owner.iso3, buyer, product) for product in goods]
    return []


def _market_goods(sentence: str, countries: list[CountryMention],
                  pair: tuple[str, str]) -> list[tuple[str, str, str]] | None:
    """(owner, market side, product) for 'A-ian products (with strong advantages) in the B-ian market include X, Y':
    the owner (a demonym or a possessive) and the market must be the pair's two sides, the list mostly goods. None when
    the sentence is not that shape (the other readings are tried); [] when it is but names no pair flow or no goods."""
    m = clause_bit("owned_goods_market").search(sentence)
    if m is None:
        return None
    owner = next((c for c in countries if m.start("owner") <= c.start < m.end("owner")
                  and (c.kind == "demonym" or c.possessive)), None)
    market = next((c for c in countries if m.start("market") <= c.start < m.end("market")), None)
    if owner is None or market is None or owner.iso3 == market.iso3 or {owner.iso3, market.iso3} != set(pair):
        return []  # a third country's market, or a place that is no country: no claim of the pair
    goods = split_products(cut_list(lower_first(sentence[m.end():])))
    if not mostly_goods(goods, names_goods):
        return []
    return [(owner.iso3, market.iso3, product) for product in goods]
