"""A list whose every item carries its own figure, read by a frame that stopped at the first figure ('A's sales to B
included rubber worth $31m, dates $12m and cut flowers $4m': the frame reads 'rubber'): the items after it go along the
same flow. Only when the frame's claims are one flow and its product is the list's first item, the figures delimiting
the items (trade_lists.figure_items)."""
from __future__ import annotations

from flows.extract.products import split_products, unmark
from flows.extract.trade_lists import figure_items


def figured_tail(sentence: str, claims: list[tuple]) -> list[tuple]:
    """The claims for the figured list's later items (none when the claims are not one flow with one product, or the
    product opens no figured list in the sentence)."""
    if len(claims) != 1:
        return []
    exporter, importer, product = claims[0]
    product, sentence = str(product), unmark(sentence)  # (a semicolon list's inner marks read back)
    at = sentence.lower().find(product.lower())
    if at < 0:
        return []
    items = figure_items(sentence[at:])
    if items is None or len(items) < 2 or items[0].lower() != product.lower():
        return []
    said = {product.lower()}
    out = []
    for item in items[1:]:
        for goods in split_products(item):
            if goods.lower() not in said:
                said.add(goods.lower())
                out.append((exporter, importer, goods))
    return out
