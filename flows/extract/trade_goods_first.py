"""Trade claims told goods first, the flow after them: 'Salt and maize were the top products shipped from A to B',
'X and Y are among the goods sold by A to B', 'Rice export to B rose', 'Nets were supplied to B by A', and the verb
with its importer before the goods: 'A exported to B the nets'. Each returns (exporter, importer, product) triples;
a None side is the pair's other side, filled by trade.find_trade_claims."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, is_joint_pair, split_products
from flows.extract.trade_owner import after_owner, goods_owner, past_report, told_to_come
from flows.extract.trade_lexicon import clause_bit, country_at, lower_first, trade_lexicon
from flows.lexicon import read_toml

# 'Salt, maize and rice were the top products shipped from Ghana to Togo': the list before, both countries after
INVERTED_GOODS = re.compile(r"\s+(?:were|was|are|is)\s+(?:the\s+)?(?:(?:main|chief|principal|key|major|top|leading)\s+)?"
                            r"(?:goods|products|items|commodities)(?:\s+and\s+(?:goods|products|items|commodities))?\s+"
                            r"(?P<dir>imported|exported|bought|sold|shipped|sent)\s+(?:by\s+\S+\s+)?from\s+(?:the\s+)?", re.I)
def source_and_target(sentence: str, pos: int, c_end: int,
                       inside: list[CountryMention]) -> tuple[CountryMention | None, CountryMention | None]:
    """The 'A to B' right after pos ('exports from Kenya to Uganda'), so both sides of the flow are named."""
    source = country_at(inside, pos, 1)
    to = clause_bit("to_partner").match(sentence[source.end:c_end]) if source else None
    target = country_at(inside, source.end + to.end(), 1) if to else None
    return source, target



# 'Glass jars and roof tiles are among the products sold by Ghana to Togo': the goods first, the
# exporter after 'by', the importer after 'to'
LISTED_BY = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:among|included\s+(?:in|on)|on)\s+(?:the\s+)?"
                       r"(?:list\s+of\s+)?(?:(?:other|main|chief|key|major|top|leading)\s+)*(?:goods|products|items|commodities)"
                       r"\s+(?:that\s+(?:are|were)\s+)?(?:exported|sold|shipped|supplied|sent)\s+"
                       r"(?:in\s+\w+\s+quantities\s+)?by\s+(?:the\s+)?", re.I)


def _listed_by(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'X and Y are on the list of products sold by A to B'; None if absent."""
    for match in LISTED_BY.finditer(sentence, c_start, c_end):
        source, target = source_and_target(sentence, match.end(), c_end, inside)
        if target is not None and target.iso3 != source.iso3:
            listed = lower_first(sentence[c_start:match.start()])
            return [(source.iso3, target.iso3, product) for product in split_products(listed)]
    return None


def inverted_goods(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'Cooking oil and soap were the main goods Kenya sent to Uganda': the goods come first; None if absent."""
    listed_by = _listed_by(sentence, c_start, c_end, inside)
    if listed_by is not None:
        return listed_by
    for match in INVERTED_GOODS.finditer(sentence, c_start, c_end):
        source, target = source_and_target(sentence, match.end(), c_end, inside)
        if target is not None:
            listed = lower_first(sentence[c_start:match.start()])
            return [(source.iso3, target.iso3, product) for product in split_products(listed)]  # 'Cooking oil'
    return None


# 'Salt exports to Togo rose', also after a fronted time phrase ('Last year, salt exports to Togo rose')
# ('Ghana's cocoa exports go mostly to Togo': a verb of going before 'to'; the list may hold a share and an owner,
# read in trade_owner.py)
MODIFIED_FLOW = re.compile(r"\s*(?i:" + clause_bit("fronted_time").pattern + r")?(?:the\s+)?(?P<list>[A-Za-z][\w\s’'%-]{1,50}?)"
                           r"\s+(?:exports?|shipments|sales)\s+(?i:" + clause_bit("flow_goes").pattern + r")?to\s+(?:the\s+)?")
# 'Fishing nets were supplied to Togo by Ghana': the product is the subject of a passive supply verb
# ('Some 300 tonnes of nets were exported to Togo': a quantity before the goods; 'X was imported into/by B': the buyer)
PASSIVE_HEAD = re.compile(r"\s*(?:the\s+)?(?i:" + read_toml("trade.toml")["item_quantity"] + r")?"
                          r"(?P<list>[A-Za-z][\w\s,-]{1,80}?)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+"
                          r"(?:\w+ly\s+)?(?P<verb>\w+)\s+(?P<prep>to|into|by)\s+(?:the\s+)?")
# an adjective alone before the flow noun names a class of goods, not goods ('mineral', 'agricultural': trade.toml
# shared_modifiers)
CLASS_ADJECTIVES = frozenset(read_toml("trade.toml")["shared_modifiers"])
BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")


def modified_flow(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Rice export to Togo increased by 29 percent': exporter unnamed, the pair's other side (filled later)."""
    m = MODIFIED_FLOW.match(sentence, c_start, c_end)
    target = country_at(inside, m.end(), 1) if m else None
    if not target or told_to_come(sentence, target.end):
        return []
    head = past_report(sentence, m.start("list"), m.end("list"))
    owner = goods_owner(sentence, head, m.end("list"), inside)
    if owner is False or (owner is not None and owner.iso3 == target.iso3):
        return []
    list_start = after_owner(sentence, owner) if owner is not None else head
    listed = lower_first(sentence[list_start:m.end("list")].strip())
    # 'A sharp increase in rice and maize exports to Togo': the goods are what follows the last preposition
    listed = clause_bit("item_preposition").split(listed)[-1]
    if not trade_lexicon()["not_products"].isdisjoint(listed.lower().split()):
        return []  # 'Total exports to Togo', 'Annual export to Togo' name no product
    seller = owner.iso3 if owner is not None else None
    if listed.strip().lower() in CLASS_ADJECTIVES:
        return [(seller, target.iso3, f"{listed.strip()} products")]  # 'Mineral exports to Togo': mineral products
    if is_joint_pair(listed):
        return [(seller, target.iso3, listed)]  # 'fruit and vegetable exports to Togo': the pair's head is the flow noun
    return [(seller, target.iso3, p) for p in split_products(listed)]


def passive_supply(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Fishing nets were supplied to Togolese buyers by Ghana': the agent, else the pair's other side, exports."""
    m = PASSIVE_HEAD.match(sentence, c_start, c_end)
    verb = m.group("verb").lower() if m else ""
    bought = verb in trade_lexicon()["passive_import"]
    if not m or not (verb in trade_lexicon()["passive"] and m.group("prep") == "to" or bought):
        return []
    target = country_at(inside, m.end(), 1)
    origin = country_at(inside, m.start("list"))  # 'Togolese phosphate was imported by Ghana': the goods' origin sells
    origin = origin if origin is not None and origin.kind == "demonym" and bought else None
    listed_at = origin.end if origin is not None else m.start("list")
    if not target or any(listed_at <= c.start < m.end("list") for c in inside):
        return []
    if bought:
        source = clause_bit("seller_after").match(sentence[target.end:c_end])
        seller = country_at(inside, target.end + source.end(), 1) if source else None
        seller = seller.iso3 if seller else None
        listed = lower_first(sentence[listed_at:m.end("list")].strip())
        return [(seller or (origin.iso3 if origin else None), target.iso3, p) for p in split_products(listed)]
    agent = BY_AGENT.match(sentence, target.end, c_end) or clause_bit("adverb_agent").match(sentence[target.end:c_end])
    source = None
    if agent:
        start = agent.end() if agent.re is BY_AGENT else target.end + agent.end()
        source = country_at(inside, start, 1)
    listed = lower_first(m.group("list"))
    if not trade_lexicon()["not_products"].isdisjoint(listed.lower().split()):
        return []
    return [(source.iso3 if source else None, target.iso3, p) for p in split_products(listed)]


# 'Ghana exported to Togo the fishing nets worth $2m': the importer before the goods (past tense only: 'Ghana
# exports to Togo increased' is a noun)
SHIFTED = re.compile(r"\s+(?:exported|sold|supplied|shipped)\s+to\s+(?:the\s+)?")


def shifted_object(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Ghana exported to Togo the roofing sheets worth $2m': subject country, 'to' country, then the goods."""
    for c in inside:
        m = SHIFTED.match(sentence, c.end, c_end)
        target = country_at(inside, m.end(), 1) if m and not c.possessive else None
        if target is None or target.iso3 == c.iso3:
            continue
        listed = clause_bit("leading_article").sub("", cut_list(sentence[target.end:c_end]))
        words = listed.split()
        if words and words[0].lower() in trade_lexicon()["adverbs"] and words[0].lower().endswith("ly"):
            words = words[1:]  # 'exported to Togo mainly cars and tyres' (the list cut before 'via' in 'mainly via')
        first = words[0].lower() if words else ""
        if not first or first.endswith("ed") or not first.isalpha() or first in trade_lexicon()["adverbs"]:
            return []  # 'exported to Togo increased ...', 'exported to Togo mainly via ...'
        return [(c.iso3, target.iso3, p) for p in split_products(listed)]
    return []
