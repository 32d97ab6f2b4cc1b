"""A flow broken down by goods, each item with its own value and no country (issue 11, session 12): after a sentence
on A's exports to B, 'Specifically, tea brought in $3m, up 4%; coffee nearly $2m (up 7%); and cocoa $1m.' Each part
between semicolons is one item and its amount; the items are goods on the flow the text speaks of."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.amounts import find_amounts
from flows.extract.products import cut_list, split_products
from flows.extract.trade_lexicon import clause_bit, lower_first
from flows.lexicon import read_toml

MAX_ITEM_WORDS = 8  # ('fresh or dried fruit and their processed products': one statistics heading)
MIN_PARTS = 2  # one item with a value is a figure, not a breakdown


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("trade.toml")
    return {"lead": re.compile(r"^\W*(?:" + alternation(data["breakdown_leads"]) + r")\s*,?\s*", re.I),
            # what may stand between an item and its value: a verb, a quantifier ('brought in over', 'nearly')
            "tail": re.compile(r"(?:\s+" + alternation(data["breakdown_verbs"]) + r")?(?:\s+"
                               + alternation(data["breakdown_quantifiers"]) + r")?\s*$", re.I),
            # 'The goods making up the exports comprised': an opener of a few words (no digit) and a listing verb
            "opener": re.compile(r"^\W*(?:[A-Za-z’'-]+\s+){1,%d}?(?:%s)\s+" % (data["breakdown_opener_words"],
                                 alternation(data["breakdown_list_verbs"])), re.I),
            "share": re.compile(data["goods_share_of_flow"], re.I),
            "next": re.compile(data["goods_share_next"], re.I)}


def breakdown_list(sentence: str) -> tuple[str, list[str]] | None:
    """('goods', items) when every part of the sentence between semicolons is one item followed by its value (money,
    or its share: 'tea, at 40 percent; coffee, 30 percent'); else None. 'goods': the flow the text speaks of (no
    export or import word of its own)."""
    if ";" not in sentence:
        return None
    lead = _lex()["lead"].match(sentence) or _lex()["opener"].match(sentence)
    body = sentence[lead.end():] if lead else sentence
    items = []
    for part in body.split(";"):
        part = clause_bit("breakdown_part_and").sub("", part)
        money = next((a for a in find_amounts(part) if clause_bit("money_unit").match(a.unit or "")
                      or clause_bit("share_unit").match(a.unit or "")), None)
        if money is None:
            return None
        item = lower_first(_lex()["tail"].sub("", part[:money.start]).strip(" ,"))
        # the stretch before the value is one item as the statistics name it ('machines, tools and parts'); a clause
        # or a figure there makes the sentence no breakdown
        if (clause_bit("not_an_item").search(item) or len(item.split()) > MAX_ITEM_WORDS
                or not item or len(split_products(item)) < len(clause_bit("comma_and").split(item)) - 1):
            return None
        items.append(item)
    return ("goods", items) if len(items) >= MIN_PARTS else None


def share_of_flow(sentence: str) -> tuple[str, list[str]] | None:
    """('export' | 'import', goods) of 'Tea and tea products accounted for $2 billion in exports' (no country), else
    None."""
    m = _lex()["share"].match(sentence)
    if m is None:
        return None
    kind = "import" if m.group("kind").lower() in ("imports", "purchases") else "export"
    listed = lower_first(m.group("list"))
    # ('tea and tea products': one class told with its own goods, kept whole as written)
    goods = split_products(listed)
    after = _lex()["next"].match(sentence, m.end())
    if after is not None:
        goods += split_products(cut_list(sentence[after.end():]))  # (the list ends at its figure: "at 9%")
    return (kind, goods) if goods else None
