"""Barter: goods that went one way given for goods that came back (made up: 'Trade began with the exchange of
Ruritanian salt for Freedonian timber'; 'Ruritania shipped salt to Freedonia, which was traded for timber'). Each
side's goods go from their owner to the other side: in the noun shape the demonym before each side's goods names its
owner (the pair's other side stands in for one left unnamed); after 'traded for', 'in return for' the goods come
back along the flow the sentence read before the phrase. Rows: trade.toml clause_bits exchange_of, exchange_for."""
from __future__ import annotations

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit


def exchange_claims(sentence: str, countries: list[CountryMention], claims: list,
                    pair: tuple[str, str] | None) -> list[tuple[str, str, str]]:
    """(exporter, importer, product) claims of a barter; [] when the sentence tells none."""
    if not pair or not barter_gate(sentence):
        return []  # the cheap gate: no word of exchange
    return _exchange_of(sentence, countries, pair) or _given_for(sentence, countries, claims)


def barter_gate(sentence: str) -> bool:
    """True when a row of exchange_of or exchange_for may match: the gate takes its words from the rows themselves
    (prefilter.gate), so a word added to a row is gated too (a hand list once held 'arter', which hit 'quarter')."""
    return gate(clause_bit("exchange_of")).open(sentence) or gate(clause_bit("exchange_for")).open(sentence)


def _side(text: str, at: int, countries: list[CountryMention]) -> tuple[str | None, list[str]]:
    """(owner, goods) of one side: a demonym that opens it ('Freedonian timber') owns the goods after it."""
    lead = next((c for c in countries if c.start == at and c.kind == "demonym"), None)
    goods = split_products(cut_list(text[lead.end - at:] if lead else text))
    return (lead.iso3 if lead else None), goods


def _exchange_of(sentence: str, countries: list[CountryMention], pair: tuple[str, str]) -> list:
    """'the exchange of Ruritanian salt for Freedonian timber': (RUR, FRE, salt), (FRE, RUR, timber)."""
    m = clause_bit("exchange_of").search(sentence)
    if m is None:
        return []
    a_owner, a_goods = _side(m.group("a"), m.start("a"), countries)
    b_owner, b_goods = _side(m.group("b"), m.start("b"), countries)
    a_owner = a_owner or other_side(pair, b_owner)
    b_owner = b_owner or other_side(pair, a_owner)
    if not (a_owner and b_owner and a_goods and b_goods) or a_owner == b_owner or {a_owner, b_owner} != set(pair) \
            or not mostly_goods(a_goods + b_goods):
        return []  # no side named, a third country's barter, or no goods ('an exchange of views for an hour')
    return [(a_owner, b_owner, g) for g in a_goods] + [(b_owner, a_owner, g) for g in b_goods]


def _given_for(sentence: str, countries: list[CountryMention], claims: list) -> list:
    """'A shipped salt to B, which was traded for timber': the goods after the phrase go back along the flow of the
    goods read before it (B, A, timber); none when no such flow was read or a country stands after the phrase."""
    m = clause_bit("exchange_for").search(sentence)
    if m is None:
        return []
    before = [(e, i) for e, i, p in claims if e and i and 0 <= sentence.find(str(p), 0, m.start())]
    if len(set(before)) != 1 or any(c.start >= m.end() for c in countries):
        return []  # ('in return for tea from B': the country after the phrase says who sells; the frames read it)
    goods = split_products(cut_list(sentence[m.end():]))
    exporter, importer = before[0]
    said = {str(p).lower() for _, _, p in claims}
    # (each head must open an HS heading: 'in return for the fuel it delivers' names the goods told before, no new ones)
    return [(importer, exporter, g) for g in goods if g.lower() not in said] if mostly_goods(goods, names_goods) else []
