"""Labelled lines: a page's basic-data block tells a flow as a label, a colon and the goods, the side from the label
(made up: 'Exports to Freedonia: timber, copper ore, wine.' on a Ruritanian page; 'Imports from Freedonia: $40
million (2019: machinery, paper).'). The label names the partner and the way ('to' the buyer, 'from' the seller); the
page's other side is the other party. A figure before the goods leaves them in a bracket, perhaps after a year and a
colon; a bracket the sentence splitter cut off ('Imports from Freedonia: $40 million.' then '(2019: machinery,
paper)') belongs to the label just before it. Rows: trade.toml label_leads, label_heads."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import whole_words
from flows.extract.countries import CountryMention
from flows.extract.product_hs import mostly_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import country_at
from flows.lexicon import read_toml

Flow = tuple[str | None, str | None]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = read_toml("trade.toml")
    return {
        # 'Main exports to B:', 'Export items to B (2016):', 'Imports from B:': the label, then its colon
        "label": re.compile(r"^\W*(?:" + whole_words(data["label_leads"]) + r"\s+)?(?P<kind>export|import)s?"
                            r"(?:\s+" + whole_words(data["label_heads"]) + r")?\s+(?P<prep>to|from)\s+(?:the\s+)?"
                            r"(?P<partner>[^:()\d]{2,40}?)\s*(?:\([^)]*\)\s*)?:\s*", re.I),
        # a figure opening the label's value: '191 billion', '$40 million', 'US$ 3.2bn', 'EUR 12 m'
        "figure": re.compile(r"^(?:[A-Z]{2,3}\s*)?[$€£¥]?\s*\d"),
        # '(2016: fish, paper)', '(mainly fish, paper)': the goods in a bracket after the figure
        "bracket": re.compile(r"\(\s*(?:(?:in\s+)?(?:19|20)\d\d\s*:\s*)?(?P<list>[^():]+)\)"),
        "bracket_line": re.compile(r"^\W*\(\s*(?:(?:in\s+)?(?:19|20)\d\d\s*:\s*)?(?P<list>[^():]+)\)\W*$"),
    }


def label_flow(sentence: str, inside: list[CountryMention]) -> tuple[Flow, str] | None:
    """((exporter, importer), the label's value) of a labelled line, one side None (the page's other side); None
    when the sentence opens with no such label."""
    m = _patterns()["label"].match(sentence)
    if m is None:
        return None
    partner = country_at(inside, m.start("partner"), 4)
    if partner is None or partner.end < m.end("partner") - 1:
        return None  # 'Exports to the Gulf states and B:': the label's partner is no single country
    flow: Flow = (None, partner.iso3) if m.group("prep").lower() == "to" else (partner.iso3, None)
    return flow, sentence[m.end():]


def label_goods(value: str) -> list[str]:
    """The goods of a label's value: the value itself, or the bracket after its figure; none when the value is only
    a figure ('107 billion.') or holds no known goods ('see the table below')."""
    if _patterns()["figure"].match(value):
        bracket = _patterns()["bracket"].search(value)
        value = bracket.group("list") if bracket else ""
    return _known(value)


def bracket_goods(sentence: str) -> list[str]:
    """'(2016: road vehicles, paper)' standing alone: the goods of the label line before it (see label_goods)."""
    m = _patterns()["bracket_line"].match(sentence)
    return _known(m.group("list")) if m else []


def _known(text: str) -> list[str]:
    products = split_products(cut_list(text)) if text.strip() else []
    # a label line is a strong frame, but its value must read as goods: half its items or more known to the HS table
    return products if mostly_goods(products) else []
