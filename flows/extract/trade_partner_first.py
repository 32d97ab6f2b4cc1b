"""The partner told between a trade verb and its goods (made up: 'Freedonia ships to Ruritania tin, rye and wool',
'Ruritania buys from Freedonia mainly farm machinery'): the preposition of the verb's side ('to' after a sale, 'from'
after a purchase) and a country come right after the verb, and the goods follow the country. The verb frame reads
goods right after the verb (or after an indirect object with no preposition), so it read nothing here.
The words after the partner must read as goods (`names_goods`, half the items or more): 'exports to Ruritania rose',
'sells to Ruritania at a discount' and 'buys from Freedonia which ...' are no lists. Goods an 'in addition to' adds after a relative aside
on the last item ('..., which was worth $4m, in addition to Y') go on with the list. Rows: trade.toml clause_bits
partner_first_export, partner_first_import, partner_first_lead (a time or a share before the goods, skipped),
partner_first_goods, partner_first_aside."""
from __future__ import annotations

from flows.extract.countries import CountryMention
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.product_shape import names_no_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit, country_at, trade_lexicon


def partner_first(sentence: str, kind: str, pos: int, c_end: int, inside: list[CountryMention],
                  subject: str | None) -> tuple[str, list[str]] | None:
    """(partner, goods) of 'sells to B X, Y' / 'buys from A X, Y' at pos (right after the verb); None when the words
    there are no partner and goods. kind: 'export' or 'import' (the verb's side)."""
    lead = clause_bit(f"partner_first_{kind}").match(sentence, pos, c_end)
    partner = country_at(inside, lead.end()) if lead else None
    if (partner is None or subject is None or partner.iso3 == subject or partner.possessive
            or partner.kind not in ("name", "capital")):
        return None
    lead_in = clause_bit("partner_first_lead").match(sentence, partner.end, c_end)  # 'last year', 'half of its'
    start = clause_bit("partner_first_goods").match(sentence, lead_in.end() if lead_in else partner.end, c_end)
    if start is None:
        return None  # 'sells to B and C', 'buys from B, which ...', 'exports to B rose': no goods right after it
    raw = cut_list(sentence[start.end():c_end])
    items = [item for item in split_products(raw) if not names_no_goods(item)]
    if not mostly_goods(items, names_goods):
        return None
    return partner.iso3, items + [item for item in _more_after_aside(sentence, start.end() + len(raw))
                                  if item not in items]


def _more_after_aside(sentence: str, pos: int) -> list[str]:
    """The goods an 'in addition to' (trade.toml more_goods_leads) adds after a relative aside on the list's last item
    ('buys from B X, which was worth $4m last year, in addition to Y and Z'); [] when none or when they are no goods."""
    aside = clause_bit("partner_first_aside").match(sentence, pos)
    more = trade_lexicon()["more_goods"].match(sentence, aside.end() - 1) if aside else None
    if more is None:
        return []
    items = split_products(cut_list(sentence[more.end():]))
    return items if mostly_goods(items, names_goods) else []
