"""Long product lists and the flow they sit under (issue 11, session 5).

Real trade articles list goods at length: a list with an inner 'for' or 'made of' before its partner ('fuel, spare
parts for vehicles and fruits from B'), items carrying their own figures ('garments at US$1.6 billion, seafood with
US$800 million', 'passenger cars 83.7%'), and lists with no country at all under a flow the text set before
('Agricultural exports included ...', 'Key import items are ...'). These helpers read those shapes; the flow a
country-less list belongs to is the document's trade orientation (TradeState.home: whose exports the text is about).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention, other_side
from flows.extract.product_shape import is_figure_phrase, vague_words
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import FLOW_HEADS, cut_list, split_products
from flows.extract.trade_discourse import pronoun_list
from flows.extract.trade_breakdown import breakdown_list, share_of_flow
from flows.extract.trade_ranked import ranked_head, ranked_list
from flows.extract.trade_lexicon import clause_bit, country_at, lower_first, trade_lexicon
from flows.extract.trade_ownerless_figure import ownerless_figure
from flows.common.words import alternation, whole_words
from flows.lexicon import compile_patterns, read_toml

# the preposition right before a country: 'from', 'to', 'into'
PARTNER_PREP = re.compile(r"\b(from|to|into)\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.I)
# what may not stand between a list and a partner found far after it: another clause, a figure, transit
NOT_LIST = re.compile(r"\b(?:through|via|which|that|while|but|whereas|although|who|where|when)\b|\d|[;:()]", re.I)
PARTNER_REACH = 300  # characters after the cut a partner may still close the list


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("trade.toml")
    return {
        **compile_patterns(data, {"figure": "item_figure", "ownerless": "ownerless_list_heads",
                                  "inverted_bare": "inverted_bare_list", "other_goods": "other_goods_list",
                                  "anaphoric": "anaphoric_list_heads", "defined_class": "defined_class_head"}),
        "passive_verb": re.compile(whole_words(data["passive_supply_verbs"] + data["passive_import_verbs"]), re.I),
        "not_in_products": set(data["not_in_products"]),
        "vague": vague_words() | {"in", "on", "at", "by", "from", "exports", "imports"},
    }


def distant_partner(sentence: str, list_end: int, c_end: int, inside: list[CountryMention],
                    kind: str) -> tuple[str, int] | None:
    """(partner, where its preposition starts) when a list was cut early by an inner word ('spare parts for
    vehicles') and the clause goes on listing goods until 'from B' (imports) or 'to B' (exports); else None."""
    want = ("from",) if kind == "import" else ("to", "into")
    after = [c for c in inside if list_end <= c.start <= list_end + PARTNER_REACH]
    if not after:
        return None
    first = after[0]
    prep = PARTNER_PREP.search(sentence, list_end, first.start)
    if prep is None or prep.group(1).lower() not in want:
        return None
    between = sentence[list_end:prep.start()]
    words = set(re.findall(r"[a-z]+", between.lower()))
    if (NOT_LIST.search(between) or trade_lexicon()["hint"].search(between)
            or not _lex()["not_in_products"].isdisjoint(words)):
        return None
    return first.iso3, prep.start()


def strip_figures(text: str) -> str:
    """'garments at roughly US$1.6 billion, seafood with US$800 million, cars 83.7%' -> 'garments, seafood, cars':
    each item's own figure (value, share or change) is a separator, not part of the product."""
    return clause_bit("repeated_commas").sub(", ", _lex()["figure"].sub(", ", text)).strip(" ,")


def ownerless_list(sentence: str) -> tuple[str, list[str]] | None:
    """('export' | 'import' | 'goods', products) of a list with no country whose head names a flow: 'Agricultural
    exports included X', 'Key import items are X', 'Most of our imported items are X', 'The items that earned most
    include X' ('goods': the flow of the sentences just before). None when the sentence is not that."""
    m = _lex()["ownerless"].match(sentence)
    if not m:
        return ranked_list(sentence) or pronoun_list(sentence)  # 'The main product exported to it was X', 'They are led by X'
    head = m.group(0).lower()
    # 'Most of these shipments were X' after 'B's imports from A rose': the flow just told, whatever the noun says
    kind = "goods" if _lex()["anaphoric"].search(head) else "import" if clause_bit("import_head").search(head) else (
        "export" if clause_bit("export_head").search(head) else "goods")
    if kind == "goods" and _lex()["defined_class"].fullmatch(head):
        return None  # 'Farm products are perishables': a class defined, no list of goods on a flow
    if _lex()["passive_verb"].match(sentence, m.end()):
        return None  # 'Farm goods worth $2m were exported in 2021': a passive (passive_bare), the goods before the verb
    products = figure_items(sentence[m.end():]) or split_products(cut_list(strip_figures(sentence[m.end():])))
    return (kind, products) if products else None


# 'Horticultural products, including chili and mangoes, are also exported.': goods told in the passive with no
# country, on the flow the text is about
# ('A total of $2 billion farm goods were exported in 2021': a figure before the goods and a time after the verb are
# no part of the list; trade.toml passive_figure_lead, passive_time_tail)
PASSIVE_BARE = re.compile(r"^\W*" + read_toml("trade.toml")["passive_figure_lead"]
                          + r"(?P<list>[^;:]{3,200}?)\s+(?:is|are|was|were)\s+(?:also\s+|mainly\s+|mostly\s+|largely\s+)?"
                          r"(?P<verb>exported|shipped|sold|imported|bought|purchased)" + read_toml("trade.toml")["passive_time_tail"]
                          + r"\s*(?:[.!]|$)", re.I)
# an owner right before a flow word: 'Vietnamese exports', 'Laos imported', "Uzbekistan's 2022 exports", 'Kazakhstan
# mainly buys'
# (trade.toml owner_gap_words: 'Freedonian merchandise imports reached ...' are Freedonia's; 'Ghana, in turn, sold':
# a connective set off by commas leaves the subject the owner)
OWNER_GAP = re.compile(r"(?:[’']s)?(?:\s*,\s+" + alternation(read_toml("trade.toml")["reverse_connectives"]) + r"\s*,)?\s+(?:(?:\d{4}|total|overall|main|mainly|mostly|also|typically|annual|"
                       + alternation(read_toml("trade.toml")["owner_gap_words"], longest_first=False) + r")\s+)*$", re.I)
FLOW_WORD = re.compile(r"\b(?:(?P<ex>exports?|exported|exporting|sales|sells|sold|shipments|shipped|supplies|supplied)|"
                       r"(?P<im>imports?|imported|importing|purchases|purchased|buys|bought|orders))\b", re.I)


def passive_bare(sentence: str) -> tuple[str, list[str]] | None:
    """('export' | 'import', products) of a country-less passive ('X and Y are also exported.'), else None."""
    m = PASSIVE_BARE.match(sentence)
    if not m:
        return None
    kind = "import" if clause_bit("import_verb_stem").match(m.group("verb")) else "export"
    listed = lower_first(m.group("list"))
    products = split_products(strip_figures(listed))
    return (kind, products) if products else None


def inverted_bare(sentence: str) -> tuple[str, list[str]] | None:
    """('export' | 'import', products) of 'Soap, salt and tea topped the export basket' (no country), else None."""
    m = _lex()["inverted_bare"].match(sentence) or _lex()["other_goods"].match(sentence)  # 'X and Y were other products ...'
    if not m:
        return None
    listed = lower_first(m.group("list"))
    listed = clause_bit("stray_and").sub("", listed)  # 'X, Y and topped the basket': a stray 'and' before the verb
    products = split_products(strip_figures(listed))
    return ((m.group("kind") or "goods").lower(), products) if products else None


def home_country(sentence: str, countries: list[CountryMention],
                 pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """(home, 'export' | 'import'): the country whose trade the sentence tells from its side, the owner of its first
    flow word ('Vietnamese exports', 'Laos imported'), the source of 'exports from A', or the other side of 'imports
    from B' / 'exported items to B'; None when no flow word has one.""" 
    # the flow words only where one is (prefilter.gate, same matches; speed)
    for m in FLOW_WORD.finditer(sentence) if gate(FLOW_WORD).open(sentence) else ():
        kind = "export" if m.group("ex") else "import"
        owner = [c for c in countries if c.end <= m.start() and OWNER_GAP.fullmatch(sentence, c.end, m.start())]
        home = _in_pair(owner[-1].iso3, pair) if owner else None
        if home is None:
            # 'exports from A' / 'imports to A': A's side; 'imports from B' / 'exported items to B': B's other side
            side = clause_bit("list_head_side").match(sentence[m.end():m.end() + 20])
            country = next((c for c in countries if side and c.start == m.end() + side.end()), None)
            if country is not None:
                # 'exports of A' / 'imports of A' are A's own, as 'A's exports' are
                own = side.group(1).lower() == "of" or (kind == "export") == (side.group(1).lower() == "from")
                home = _in_pair(country.iso3, pair) if own else other_side(pair, country.iso3)
        if home is not None:
            return home, kind
    return None


def oriented(kind: str, home: str | None, pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """(exporter, importer) of an 'export' or 'import' list from the home country's side."""
    other = other_side(pair, home) if home else None
    if not home or not other:
        return None
    return (home, other) if kind == "export" else (other, home)


def _in_pair(iso3: str, pair: tuple[str, str] | None) -> str | None:
    return iso3 if pair and iso3 in pair else None


ITEM_EDGE = re.compile(r"^(?:\W|\band\b|\balong\s+with\b|\bas\s+well\s+as\b)+|(?:\W|\band\b)+$", re.I)
FLOW_TAIL = re.compile(r"\s+(?:exports?|imports?|supplies|shipments|sales|purchases|deliveries)$", re.I)
MAX_ITEM_WORDS = 9


def figure_items(text: str) -> list[str] | None:
    """The items of a list whose every item carries its own figure ('garments and textiles at US$1.6 billion,
    machinery, equipment and tools with US$1.3 billion'; 'by 45% of plastics, by 23% of textiles'): the figures
    delimit the items, so the commas inside one are a customs category, one product. None when fewer than two
    figures, or a stretch between them is no item (a clause)."""
    figures = list(_lex()["figure"].finditer(text))
    if len(figures) < 2:
        return None
    items, start = [], 0
    told_twice = any(later.group(0).lstrip().startswith("(") and clause_bit("one_word_gap").fullmatch(text[earlier.end():later.start()])
                     for earlier, later in zip(figures, figures[1:]))
    if told_twice or clause_bit("bracket").search(_lex()["figure"].sub(" ", text[:figures[-1].start()])):
        # '$1.09bn (roughly 7.9bn yuan), accounting for ...': one value told twice, no list of items ('tea (41%);
        # coffee (12%)': a figure in brackets after each item is the item's own)
        return None
    for figure in figures:
        items.append(text[start:figure.start()])
        start = figure.end()
    # 'by 21% of machinery and equipment.': a figure ending in 'of' names the item after it, the last one too
    led = clause_bit("figure_leads_item").search(figures[-1].group(0)) is not None
    items.append(clause_bit("item_stop").split(text[start:])[0] if led else "")
    if all(clause_bit("figure_leads_item").search(figure.group(0)) for figure in figures):
        # 'sales to B grew by: 40 per cent for tea, 12 per cent for rice': every figure leads its item, so what
        # stands before the first figure is the flow's verb, no item
        items[0] = ""
    out = []
    for item in items:
        item = FLOW_TAIL.sub("", ITEM_EDGE.sub("", item.strip()))
        if not item or set(re.findall(r"[a-z]+", item.lower())) <= _lex()["vague"]:
            continue
        words = re.findall(r"[A-Za-z][\w-]*", item)
        if len(words) > MAX_ITEM_WORDS or not _lex()["not_in_products"].isdisjoint(w.lower() for w in words) \
                or not FLOW_HEADS.isdisjoint(w.lower() for w in words) or is_figure_phrase(item):
            # a clause between the figures ('accounting for 26 percent of its total exports in 2017'), or the
            # phrase of a comparison ('$5m as against $4m, showing a growth of 9%'): the figures are no item list
            return None
        out.append(clause_bit("capital_first").sub(lambda first: first.group(1).lower(), item))
    return out if len(out) >= 2 and mostly_goods(out) else None


# where a figure list opens after its flow word when other words stand between ('exports of A grew fast, including')
LIST_OPENER = re.compile(r",?\s+(?:including|include[sd]?|such\s+as|notably|led\s+by)\s+", re.I)


def figure_list_claims(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None) -> list:
    """'A's supplies to B of X by 130%, Y - 58%': a flow word with its owner (or 'imports from B'), then a list whose
    items carry figures; the partner is the one named right after the flow word, else the pair's other side."""
    home = home_country(sentence, countries, pair)
    if home is None:
        return []
    for m in FLOW_WORD.finditer(sentence):
        pos = m.end()
        partner = clause_bit("figure_partner").match(sentence[pos:pos + 12])
        named = next((c for c in countries if partner and c.start == pos + partner.end()), None)
        if named is not None:
            pos = named.end
        of = clause_bit("figure_of").match(sentence[pos:pos + 6])
        items = figure_items(sentence[pos + (of.end() if of else 0):])
        opener = LIST_OPENER.search(sentence, pos) if not items else None
        if opener and not any(pos <= c.start < opener.start() for c in countries if c.iso3 != home[0]):
            # 'key exports of A kept growing, including X (62%); Y (41%)': the list opens after 'including'
            items = figure_items(sentence[opener.end():])
        if not items:
            continue
        flow = oriented(home[1], home[0], pair)
        if named is not None and named.iso3 != home[0]:
            flow = (home[0], named.iso3) if home[1] == "export" else (named.iso3, home[0])
        return [(*flow, item) for item in items] if flow else []
    return []


# 'A's exports to B reached $2bn, mainly X and Y': after a flow's figure, a list opened by a lead word or a participle
# names the flow's goods
AFTER_FIGURE = re.compile(r"\d[^,;]*,\s+(?:(?:consisting|comprising|made\s+up)\s+(?:mainly\s+|mostly\s+|largely\s+|chiefly\s+)?"
                          r"(?:of\s+)?|(?:mainly|mostly|chiefly|largely|primarily|predominantly|notably|including|such\s+as|"
                          r"especially|in\s+particular|led\s+by|dominated\s+by|" + read_toml("trade.toml")["figure_driven_lead"] + "|"
                          + read_toml("trade.toml")["absolute_goods_lead"]
                          + r")\s+)", re.I)


def figure_then_list(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None) -> list:
    """'A's exports to B amounted to $2bn, mainly X and Y', 'A shipped $2bn worth of goods to B, mostly X': the flow
    of the sentence's first flow word (its owner's side, the partner named right after it), the goods after its figure.
    Only where no other reading found goods (trade.py)."""
    home = home_country(sentence, countries, pair)
    flow_word = FLOW_WORD.search(sentence)
    if home is None or flow_word is None:
        return []
    m = AFTER_FIGURE.search(sentence, flow_word.end())
    if m is None or any(flow_word.end() <= c.start < m.start() and c.iso3 not in (pair or ()) for c in countries):
        return []  # (a third country between the flow and its list: not this pair's flow)
    flow = oriented(home[1], home[0], pair)
    partner = next((c for c in countries if flow_word.end() <= c.start < m.start() and c.iso3 != home[0]), None)
    if partner is not None and flow is not None and partner.iso3 not in flow:
        return []
    products = goods_after_figure(sentence, m)
    return [(*flow, product) for product in products] if flow else []


def goods_after_figure(sentence: str, lead: re.Match[str]) -> list[str]:
    """The goods of the list after a flow's figure and its lead word (lead: an AFTER_FIGURE match), for
    figure_then_list and _figured_ownerless alike; [] when the list names no goods."""
    rest = sentence[lead.end():]
    if clause_bit("credit_stop").match(rest):
        return []  # 'reached $2bn, mainly thanks to ...', 'including to new markets': no goods
    products = split_products(cut_list(rest))
    # 'mostly small traders and farmers': a list of no known goods is no trade claim (mostly_goods: none is no list)
    return products if mostly_goods(products, names_goods) else []


def coordinated_ownerless(sentence: str, countries: list[CountryMention], home: str | None,
                          pair: tuple[str, str] | None) -> list:
    """'..., and the bulk of our imported goods is X and Y', '..., while imports consisted of X': a coordinated clause
    with no country that lists goods under an import or export head, from the side of the home country (the sentence's own, else the text's)."""
    # ('A sold X to B, while imports consisted of Y': a contrast clause is the other flow from A's side)
    for m in clause_bit("contrast_clause").finditer(sentence):
        head = _lex()["ownerless"].match(sentence[m.end():]) or ranked_head(sentence[m.end():])
        if head is None or any(m.end() <= c.start < m.end() + head.end() for c in countries):
            continue  # no list head here, or a country in it: the clause is read by the frames that name parties
        found = ownerless_list(sentence[m.end():])
        own = home_country(sentence, countries, pair)
        # ('exports to B were $3bn, while the next largest category was X': a head with no flow word of its own is on
        # the flow of the sentence's own flow word)
        kind = own[1] if found and found[0] == "goods" and own else found[0] if found else ""
        flow = oriented(kind, own[0] if own else home, pair) if found else None
        if flow is not None:
            return [(*flow, product) for product in found[1]]
    return []


def country_less_list(sentence: str, home: str | None, current: tuple[str, str] | None,
                      last_flow: tuple[str, str] | None,
                      pair: tuple[str, str] | None, raw: str | None = None) -> tuple[tuple[str, str], list[str]] | None:
    """(flow, goods) of a list with no country under the flow the text set just before ('Agricultural exports
    included X', 'Key import items are X', 'X and Y are also exported.'); None when the sentence is no such list.
    raw: the sentence before continued_lists read its semicolons (a breakdown's parts are told by them)."""
    # (a breakdown first: each of its parts holds a value, which the other readings would take for list items)
    found = (breakdown_list(raw or sentence) or ownerless_list(sentence) or passive_bare(sentence)
             or inverted_bare(sentence) or share_of_flow(sentence) or _figured_ownerless(sentence))
    if found is None:
        return None
    kind, products = found
    # 'are very varied', 'were highly diverse': a predicate, not goods
    products = [product for product in products if not clause_bit("degree_adverb").match(product)]
    if kind == "goods":
        flow = current
    else:
        flow = oriented(kind, home, pair) or (last_flow if kind == "export" else last_flow[::-1] if last_flow else None)
    if flow is None or not mostly_goods(products):
        return None  # a list of no known goods ('are quite diverse') is no trade claim
    return flow, products


def _figured_ownerless(sentence: str) -> tuple[str, list[str]] | None:
    """('export' | 'import', goods) of 'Exports amounted to $2bn in 2022, consisting mostly of X and Y' with no
    country (trade_ownerless_figure finds the head); the goods after the figure as in figure_then_list."""
    found = ownerless_figure(sentence)
    m = AFTER_FIGURE.search(sentence, found[1]) if found else None
    products = goods_after_figure(sentence, m) if m else []
    return (found[0], products) if found and products else None


# 'B is our third export market for local goods, based largely on X and Y': the market buys; the seller is the country or
# demonym before the goods noun, else the pair's other side ('local', 'our', 'its' name no one new)
MARKET_OF = re.compile(r"\s+(?:is|was|remains|remained|has\s+become|became)\s+(?:the|its|our|their|a)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:export\s+)?(?:market|destination|buyer)\s+for\s+(?:the\s+)?(?P<owner>[\w’'-]+\s+)?"
                       r"(?:exports|goods|products)\s*,?\s+(?:(?:which\s+(?:are|were)\s+)?based\s+(?:\w+ly\s+)?on|"
                       r"(?:\w+ly\s+)|including|led\s+by|notably|such\s+as|consisting\s+(?:\w+ly\s+)?of)\s*", re.I)


# 'B has become A's largest export destination for X': the buyer, a verb of being, the seller's possessive
OWNED_MARKET = re.compile(r"\s+(?:is|was|remains|remained|became|has\s+(?:become|remained|been)|have\s+been)\s+(?:now\s+)?")
MARKET_AFTER_OWNER = re.compile(r"(?:[’']s)?\s+(?:[\w-]+\s+){0,3}?(?:market|destination|buyer)\s+for\s+(?:the\s+)?", re.I)


def _owned_market(sentence: str, buyer: CountryMention, c_end: int, inside: list[CountryMention]) -> list | None:
    """'B has become A's largest export destination for fresh X': (A, B, X) for each good; None when not that."""
    verb = OWNED_MARKET.match(sentence, buyer.end, c_end)
    seller = country_at(inside, verb.end(), 1) if verb else None
    after = MARKET_AFTER_OWNER.match(sentence, seller.end, c_end) if seller and seller.possessive else None
    if after is None or seller.iso3 == buyer.iso3:
        return None
    return [(seller.iso3, buyer.iso3, product) for product in split_products(cut_list(sentence[after.end():c_end]))]


def market_for_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'B is the main market for A's exports, mainly X and Y': (A or None, B, product) for each listed good."""
    for buyer in inside:
        if buyer.possessive or buyer.start < c_start:
            continue
        owned = _owned_market(sentence, buyer, c_end, inside)
        if owned is not None:
            return owned
        m = MARKET_OF.match(sentence, buyer.end, c_end)
        if m is None:
            continue
        seller = next((c for c in inside if m.start("owner") <= c.start < m.end("owner")), None) if m.group("owner") else None
        if seller is None and m.group("owner") and m.group("owner")[:1].isupper():
            return []  # another named owner ('for Chinese exports' read as no country): not this pair's flow
        products = split_products(cut_list(sentence[m.end():c_end]))
        return [(seller.iso3 if seller else None, buyer.iso3, product) for product in products]
    return []


def listed_together(sentence: str, first: str, second: str) -> bool:
    """True when the two names are items of one list of the sentence ('X, Y', 'X and Y', 'X, and Y', and with other
    items between: 'other coal, motorcycles and bituminous coal'); 'pays with X, so B receives Y' is no list."""
    joint = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    item = r"[\w’'-]+(?:\s+[\w’'-]+){0,4}"
    a, b = re.escape(first), re.escape(second)
    for m in re.finditer(rf"{a}(?P<between>{joint}(?:{item}{joint}){{0,6}}){b}|{b}(?P<back>{joint}(?:{item}{joint}){{0,6}}){a}",
                         sentence, re.IGNORECASE):
        between = m.group("between") or m.group("back") or ""
        if not trade_lexicon()["hint"].search(between):
            return True
    return False
