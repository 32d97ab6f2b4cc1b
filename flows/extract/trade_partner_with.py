"""A flow told by a noun phrase with the partner after 'with': "Ruritania's import trade with Freedonia was dominated
by tea and cloves", "Export trade with Freedonia consisted mainly of cement". The noun tells the direction (trade.toml
partner_with_import_nouns, partner_with_export_nouns); the owner is a country right before it, else the pair's other side (None, filled by
trade.find_trade_claims)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import whole_words
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, split_products
from flows.extract.trade_flows import OWNERLESS, intro_of
from flows.extract.trade_lexicon import country_at, trade_lexicon
from flows.lexicon import read_toml

OWNER_BEFORE = re.compile(r"(?:[’']s)?\s+(?:(?:total|overall|annual|main|\w+ly)\s+)*$", re.I)
# ("import trade with Freedonia was dominated by"): the partner, then the list's opener
WITH = re.compile(r"\s+with\s+(?:the\s+)?", re.I)


@lru_cache(maxsize=1)
def _nouns() -> tuple[set[str], re.Pattern[str]]:
    """The import nouns (the partner sells), and the pattern of every noun with its 'with'."""
    data = read_toml("trade.toml")
    rows = data["partner_with_import_nouns"] + data["partner_with_export_nouns"]
    return set(data["partner_with_import_nouns"]), re.compile(r"(?P<noun>" + whole_words(rows) + ")" + WITH.pattern, re.I)


def partner_with_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """(exporter, importer, product) of 'A's import trade with B was led by X'; [] when the clause is not that."""
    imports, pattern = _nouns()
    lex = trade_lexicon()
    for m in pattern.finditer(sentence, c_start, c_end):
        partner = country_at(inside, m.end(), 1)
        if partner is None:
            continue
        owners = [c for c in inside if c.end <= m.start() and OWNER_BEFORE.fullmatch(sentence, c.end, m.start())]
        if not owners and not OWNERLESS.search(sentence[c_start:m.start()]):
            continue  # 'a deal on import trade with B': the noun is not the clause's head
        intro = intro_of(sentence, partner.end, c_end, lex)
        if intro is None:
            continue
        owner = owners[-1].iso3 if owners else None
        if owner == partner.iso3:
            continue
        products = split_products(cut_list(sentence[intro.end():c_end]))
        sells = " ".join(m.group("noun").lower().split()) in imports
        return [(partner.iso3, owner, p) if sells else (owner, partner.iso3, p) for p in products]
    return []
