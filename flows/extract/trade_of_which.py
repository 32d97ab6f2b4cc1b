"""A flow's goods told as the share of its figure (made up: 'Ruritania sold cars worth $2bn to Freedonia and bought
$3bn of goods from it (up 9%), of which 80% was crude oil'). The share belongs to the nearest flow word before it:
its owner is the country that owns that word ('Freedonia's imports') or the clause's subject (the first country
of the sentence that is no 'to'/'from' object), the partner the country named between the word and its figure,
else the pair's other side. Rows: trade.toml clause_bits of_which_share, of_which_partner_lead."""
from __future__ import annotations

from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit
from flows.extract.trade_lists import FLOW_WORD, OWNER_GAP


def of_which_claims(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None) -> list:
    """(exporter, importer, product) claims of 'FLOW ... FIGURE, of which N% was X and Y'; [] when none."""
    if not pair or ("of which" not in sentence.lower() and "—" not in sentence and "–" not in sentence):
        return []  # the cheap gate: the phrase itself, or a dash
    share = clause_bit("of_which_share").search(sentence)
    if share is None:
        return []
    flow = None
    for flow in FLOW_WORD.finditer(sentence, 0, share.start()):
        pass  # the nearest flow word before the share
    if flow is None or not any(ch.isdigit() for ch in sentence[flow.end():share.start()]):
        return []  # no flow, or no figure of it for the share to be part of
    owner = _owner(sentence, countries, flow.start())
    partner = next((c.iso3 for c in countries if flow.end() <= c.start < share.start() and c.iso3 != owner), None)
    if owner not in pair or (partner and partner not in pair):
        return []  # a third country's trade
    partner = partner or other_side(pair, owner)
    exporter, importer = (owner, partner) if flow.group("ex") else (partner, owner)
    products = split_products(cut_list(sentence[share.end():]))
    if not mostly_goods(products, names_goods):
        return []  # 'of which 60% was paid in cash': no goods
    return [(exporter, importer, product) for product in products]


def _owner(sentence: str, countries: list[CountryMention], at: int) -> str | None:
    """The flow's owner: the country right before the flow word ('Freedonia's imports'), else the first country of
    the sentence before it that is no 'to'/'from' object (the subject of coordinated verbs)."""
    before = [c for c in countries if c.end <= at]
    if before and OWNER_GAP.fullmatch(sentence, before[-1].end, at):
        return before[-1].iso3
    lead = clause_bit("of_which_partner_lead")
    return next((c.iso3 for c in before if not lead.search(sentence[max(0, c.start - 12):c.start])), None)

