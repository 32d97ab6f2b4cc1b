"""Trade claims told by flow nouns: 'Belarusian exports to Azerbaijan include ...', 'exports of wheat to X',
'X, Y and Z were the top products shipped from A to B', 'the country's exports to its neighbour consist of ...'."""
from __future__ import annotations

import re

from flows.common.prefilter import gate
from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import cut_list, split_products
from flows.extract.trade_goods_first import inverted_goods, modified_flow, passive_supply, shifted_object, source_and_target
from flows.extract.trade_lexicon import clause_bit, country_at, lower_first, trade_lexicon
from flows.lexicon import read_toml

LAST_FLOW = "last-flow"  # a slot marker: the exporter and importer of the flow the document named last
# 'The country's exports to its neighbour consist of ...', 'Its exports to the partner include ...'
ANAPHOR_TARGET = re.compile(r"\s+(?:her|his|its|their|the)\s+(?:\w+\s+)?(?:neighbou?rs?|partners?)\b", re.I)
ANAPHOR_OWNER = re.compile(r"(?:^|\s)(?:[Tt]he\s+country[’']s|[Ii]ts|[Tt]heir)\s+(?:(?:main|chief|principal|key|major|top|"
                           r"leading|largest|biggest)\s+)*$")
FLOW_OF = re.compile(r"\b(?:exports?|sales|shipments|suppl(?:y|ies)|deliveries|imports?|purchases)\s+of\s+"
                     r"(?P<list>[\w\s,-]{2,80}?)\s+(?P<dir>to|from)\s+(?:the\s+)?", re.I)
RECEIVER = re.compile(r"\s+(?:(?:also|still|mainly|mostly)\s+)?(?:receives|received|gets|got|imports|imported|buys|bought|"
                      r"takes|took)\s+(?:the\s+)?", re.I)
THE_COUNTRY_RECEIVES = re.compile(r"\b(?:[Tt]he\s+country|[Ii]t)" + RECEIVER.pattern + r"$", re.I)
# 'exports from X to Y include', 'the main export items of X to Y include', 'goods exported by X to Y were'
FLOW_FROM_TO = re.compile(r"\b(?:(?:exports?|export\s+(?:items|goods|products|commodities)|supplies|shipments|deliveries|"
                          r"(?:goods|commodities|products|items)\s+(?:exported|sent|shipped|sold|brought))"
                          r"\s+(?:from|of|by)|imports?\s+from)\s+(?:the\s+)?", re.I)
# ('Ghana shifted its imports from Togo to Benin': a verb of change governs the noun, trade.toml route_change_verbs)
ROUTE_CHANGE = re.compile(r"\b" + alternation(read_toml("trade.toml")["route_change_verbs"])
                          + r"\s+(?:(?:its|their|his|her|the|some|part\s+of|most\s+of|much\s+of|all)\s+)*$", re.I)
RANKS = re.compile(r"(?:[’']s)?\s+(?:(?:second|third|fourth|fifth|largest|biggest|main|top|leading|chief|and|most|important|"
                   r"valuable|single)\s+)+", re.I)
# a rank right before a singular flow noun: 'Kenya's largest export to', 'The top export commodity to'
RANK_BEFORE = re.compile(r"\b(?:largest|biggest|main|top|leading|chief|principal|second|third)\s+(?:[A-ZÀ-Þ][\w-]+\s+)?$", re.I)
# ('X and Y were among A's main exports to B', 'X and Y top (the list of) A's exports to B', 'X remained the top A-ian
# export to B'; only 'top' goes without 'the list of': people or firms may stand before a bare 'led' or 'dominated')
INVERTED = re.compile(r"^\s*(?:(?:in|by)\s+(?:\d{4}|Q[1-4](?:\s+\d{4})?),?\s+)?(?P<list>[\w\s,-]{2,120}?)\s+(?:(?:were|was|are|is|remain(?:s|ed)?|bec[oa]me|has\s+become)\s+(?:also\s+)?(?:among\s+)?"
                      r"(?:the\s+)?(?:(?:largest|biggest|main|top|leading|chief|principal|key|major|second|third)\s+)*|(?:head|heads|headed|lead|leads|led)\s+the\s+list\s+of\s+|(?:top|tops|topped)\s+(?:the\s+list\s+of\s+)?)$", re.I)
# 'The minister named cement and salt as Ghana's main exports to Togo': the goods a speaker names as a flow's
AS_LISTED = re.compile(r"\b(?:named|naming|cited|citing|listed|listing|counted|counting|mentioned|mentioning|"
                       r"identified|identifying|singled\s+out)\s+(?P<list>[^;:()]{2,160}?)\s+as\s+(?:the\s+)?$", re.I)
ASIDE_DASHES = re.compile(r"\s*[—–]\s*[^—–]{1,80}[—–]\s*|\s*,\s+(?:both|all)\s+[^,]{1,60},\s*")
# ('A's main exports to B have been X, Y': a perfect copula opens the list too, unless a past participle, a verb of
# change, a preposition or a word of trend follows: 'has been affected', 'have been rising', 'has been on the rise',
# 'have been stable'; trade.toml perfect_copula_not_list. 'roofing sheets' is goods)
COPULA = re.compile(r"\s+(?:are|were|is|was|(?:have|has)\s+been(?!\s+(?:\w+ed|"
                    + alternation(read_toml("trade.toml")["perfect_copula_not_list"]) + r")\b))\s+(?!(?:\w+ly\s+)?(?:(?:led|dominated|headed|topped)\s+by|made\s+up|"
                    r"composed|comprised|confined\s+to)\b)")  # ('are confined to': the list opens after 'to')
# A flow noun with no country before it: the clause opens with it ('Exports to X ...', 'its main imports from X ...').
# ('As for exports to B, ...': a topic opener before it, trade.toml topic_openers)
OWNERLESS = re.compile(r"(?:^|,\s+(?:and\s+)?)\s*(?:" + alternation(read_toml("trade.toml")["topic_openers"]) + r"\s+)?(?:(?:most|much|part|some|half)\s+of\s+)?(?:(?:its|their|our|the|main|chief|principal|key|major|top|leading|largest|biggest|"
                      r"\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)*$", re.I)  # 'Russia's main exports to Turkey are ...'


# a flow noun told by the money it earns ('export revenues', 'export earnings'; trade.toml money_flow_heads)
MONEY_HEAD = re.compile(r"\b(?:" + alternation(read_toml("trade.toml")["money_flow_heads"]) + r")\b", re.I)
COLON = re.compile(r"\s*:\s+(?=\S)")  # 'A's exports to B: X, Y and Z' (a page's heading and its list)


def intro_of(sentence: str, pos: int, c_end: int, lex: dict) -> re.Match | None:
    """Where the goods list opens after a flow: 'are', 'were' or an intro verb ('include', 'consisted mostly of')."""
    return COPULA.match(sentence, pos, c_end) or COLON.match(sentence, pos, c_end) or lex["intro"].search(sentence, pos, c_end)


def _last_flow_claims(sentence: str, c_start: int, c_end: int, match: re.Match, lex: dict) -> list | None:
    """'The country's exports to its neighbour consist of X': claims on the flow named last, None if not that."""
    anaphor = ANAPHOR_TARGET.match(sentence, match.end(), c_end)
    if anaphor and ANAPHOR_OWNER.search(sentence, c_start, match.start()):
        # 'Ghana's exports to Togo rose ... . The country's exports to its neighbour consist of ...': the
        # flow named last (TradeState.last_flow), filled in by find_trade_claims
        intro = intro_of(sentence, anaphor.end(), c_end, lex)
        if intro:
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(LAST_FLOW, LAST_FLOW, product) for product in products]
    return None


def _flow_to(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], lex: dict) -> list | None:
    """'Belarusian exports to Azerbaijan include X', 'X were Uruguay's biggest exports to Brazil'; None if absent."""
    ranked = [m for m in lex["ranked_flow"].finditer(sentence, c_start, c_end) if RANK_BEFORE.search(sentence, c_start, m.start())]
    for match in [*lex["flow"].finditer(sentence, c_start, c_end), *ranked]:
        before = [mention for mention in inside if mention.end <= match.start() and (match.start() - mention.end <= 12
                  or lex["owner_gap"].fullmatch(sentence, mention.end, match.start()))]
        target = country_at(inside, match.end() + 1, 5)
        if target is None:
            claims = _last_flow_claims(sentence, c_start, c_end, match, lex)
            if claims is not None:
                return claims
            continue
        if not before:
            # 'were Uruguay's third and fourth biggest exports to Brazil': an owner with ranks between
            before = [mention for mention in inside if mention.possessive and mention.end <= match.start()
                      and RANKS.fullmatch(sentence, mention.end, match.start())]
            if before and not intro_of(sentence, target.end, c_end, lex):
                lead = (INVERTED.match(ASIDE_DASHES.sub(" ", sentence[c_start:before[-1].start]))
                        or AS_LISTED.search(sentence, c_start, before[-1].start))
                listed = (lower_first(lead.group("list"))
                          if lead else "")
                # 'Copper wire' opens it
                products = split_products(listed) + (followed_by(sentence, target.end, c_end) if listed else [])
                return [(before[-1].iso3, target.iso3, product) for product in products]
        if not before and not OWNERLESS.search(sentence[c_start:match.start()]):
            continue
        intro = intro_of(sentence, target.end, c_end, lex)
        listed_as = None if intro else (
            # 'listing Ghana's main exports to Togo as X and Y': the list after 'as'
            clause_bit("listed_as").match(sentence, target.end, c_end)
            if clause_bit("listing_before").search(sentence, c_start, match.start()) else None)
        intro = intro or listed_as
        if not intro:
            # 'Wool and wine — both made in the south — were Uruguay's third and fourth biggest exports to Brazil'
            lead = (INVERTED.match(ASIDE_DASHES.sub("", sentence[c_start:before[-1].start]))
                    or AS_LISTED.search(sentence, c_start, before[-1].start)) if before else None
            products = (split_products(lower_first(lead.group("list"))) + followed_by(sentence, target.end, c_end) if lead
                        else headline_goods(sentence[c_start:before[-1].start], lex) if before else [])
            return [(before[-1].iso3, target.iso3, product) for product in products]
        products = split_products(cut_list(sentence[intro.end():c_end])) + _also_included(sentence, c_end)
        if listed_as is not None and not mostly_goods(products, names_goods):
            products = []  # 'citing A's exports to B as proof of close ties': no goods named
        if MONEY_HEAD.search(match.group(0)) and not mostly_goods(products, names_goods):
            products = []  # 'A's export revenues to B were always higher': a flow told by its money names goods only
            # when goods follow
        return [(before[-1].iso3 if before else None, target.iso3, product) for product in products]
    return None


def _also_included(sentence: str, c_end: int) -> list[str]:
    """The goods a 'but also include' clause right after the list adds to it ('A's exports to B are led by X, but also
    include Y and Z': the clause split there); [] when the clause is something else."""
    m = clause_bit("also_includes").match(sentence, c_end)
    return split_products(cut_list(sentence[m.end():])) if m else []


# 'Cocoa was A's top export to B (at $5 million), followed by cement and salt': the ranking goes on after the flow
FOLLOWED = re.compile(r"[^,;]{0,40}?,\s+followed\s+(?:closely\s+)?by\s+", re.I)


def followed_by(sentence: str, pos: int, c_end: int) -> list[str]:
    """The goods a 'followed by' after the flow's partner ranks next; [] when none."""
    m = FOLLOWED.match(sentence, pos, c_end)
    return split_products(cut_list(sentence[m.end():c_end])) if m else []


def headline_goods(text: str, lex: dict) -> list[str]:
    """'Cocoa strong, timber weak: ' before a flow -> ['cocoa', 'timber']: the goods a headline gives its verdicts on."""
    listed = lex["headline"].match(text)
    if listed is None:
        return []
    return [lower_first(item.group("goods")) for item in lex["headline_item"].finditer(listed.group("list"))
            if item.group("goods").lower() not in lex["headline_not_goods"] and split_products(lower_first(item.group("goods")))]


def _flow_from_to(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], lex: dict) -> list | None:
    """'Exports from Kenya to Uganda are X': both sides after the noun; None if absent."""
    for match in FLOW_FROM_TO.finditer(sentence, c_start, c_end):
        if ROUTE_CHANGE.search(sentence, c_start, match.start()):
            continue  # 'shifted its imports from A to B': a move of the trade, no flow from A to B
        source, target = source_and_target(sentence, match.end(), c_end, inside)
        intro = intro_of(sentence, target.end, c_end, lex) if target else None
        if intro:
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(source.iso3, target.iso3, product) for product in products]
    return None


def _origin_demonym(named: CountryMention | None, match: re.Match, other: CountryMention | None) -> list | None:
    """'the supply of Ruritanian rye, oats and hops to Freedonia': the demonym opening the list names the seller of
    each good after it, the country after 'to' the buyer. None when the list opens with no demonym."""
    if (named is None or other is None or named.kind != "demonym" or named.start != match.start("list")
            or match.group("dir").lower() != "to" or named.iso3 == other.iso3):
        return None
    text = match.string[named.end:match.end("list")]
    return [(named.iso3, other.iso3, product) for product in split_products(text)] or None


def _flow_of(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'Kazakhstan's exports of wheat and flour to Uzbekistan', 'imports of gas from Russia'; None if absent."""
    for match in FLOW_OF.finditer(sentence, c_start, c_end):
        owner = [mention for mention in inside if mention.end <= match.start() and match.start() - mention.end <= 12]
        other = country_at(inside, match.end(), 5)
        named = country_at(inside, match.start("list"))
        if named is not None and other is not None and named.end >= match.end("list") - 1:
            # 'Main exports of Ghana to Togo: X, Y', 'imports of B from A include X': the 'of' names the owner
            intro = intro_of(sentence, other.end, c_end, trade_lexicon())
            products = split_products(cut_list(sentence[intro.end():c_end])) if intro else []
            exporter, importer = (named.iso3, other.iso3) if match.group("dir").lower() == "to" else (other.iso3, named.iso3)
            return [(exporter, importer, product) for product in products]
        origin = _origin_demonym(named, match, other)
        if origin:
            return origin
        anaphor = False
        if not owner and match.group("dir").lower() == "from":
            owner = [mention for mention in inside if mention.end <= match.start() and not mention.possessive
                     and RECEIVER.fullmatch(sentence, mention.end, match.start())]
            # 'it also gets exports of salt from Ghana': the pair's other side (not named here) receives them
            anaphor = not owner and bool(THE_COUNTRY_RECEIVES.search(sentence, c_start, match.start()))
        if not owner and match.group("dir").lower() == "to" and OWNERLESS.search(sentence[c_start:match.start()]):
            # 'The export of bicycles to Togo rose by 40 percent': no exporter named, the pair's other side sends them
            anaphor = True
        elif not owner and match.group("dir").lower() == "to" and clause_bit("article_before").search(sentence[c_start:match.start()]):
            # 'Ghana seeks to expand the import of farm inputs to Togo': the country named before sends
            # them, else the pair's other side
            owner = [c for c in inside if c.end <= match.start() and (other is None or c.iso3 != other.iso3)][-1:]
            anaphor = not owner
        if (owner or anaphor) and other:
            products = split_products(sentence[match.start("list"):match.end("list")])
            more = trade_lexicon()["examples"].match(sentence, other.end, c_end)
            products += split_products(cut_list(sentence[more.end():c_end])) if more else []  # ', including khat'
            if match.group("dir").lower() == "to":
                return [(owner[-1].iso3 if owner else None, other.iso3, product) for product in products]
            return [(other.iso3, owner[-1].iso3 if owner else None, product) for product in products]
    return None




def _import_flow(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], lex: dict) -> list:
    """'Its imports from Laos are dominated by X': the importer is the owner or the pair's other side."""
    for match in lex["import_flow"].finditer(sentence, c_start, c_end):
        before = [mention for mention in inside if mention.end <= match.start() and (match.start() - mention.end <= 12
                  or lex["owner_gap"].fullmatch(sentence, mention.end, match.start()))]
        agent = country_at(inside, match.start("agent")) if match.group("agent") else None
        if match.group("agent") and agent is None:
            continue  # 'goods imported by firms from B': no country buys here
        before = [agent] if agent else before  # 'goods imported by B from A include X'
        source = country_at(inside, match.end() + 1, 5)
        intro = (intro_of(sentence, source.end, c_end, lex) or lex["examples"].match(sentence, source.end, c_end)) if source else None
        if source and intro and (before or OWNERLESS.search(sentence[c_start:match.start()])):
            # 'its imports from Laos are dominated by ...': the importer is the pair's other side
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(source.iso3, before[-1].iso3 if before else None, product) for product in products]
        owner = [mention for mention in inside if mention.possessive and mention.end <= match.start()
                 and (RANKS.fullmatch(sentence, mention.end, match.start())
                      or clause_bit("possessive_gap").fullmatch(sentence[mention.end:match.start()]))]  # ("A's main imports")
        if source and owner and not intro and source.iso3 != owner[-1].iso3:
            # 'Tea and cement were among Tanzania's main imports from Kenya': the goods before the owner
            lead = INVERTED.match(ASIDE_DASHES.sub(" ", sentence[c_start:owner[-1].start]))
            listed = lower_first(lead.group("list")) if lead else ""
            return [(source.iso3, owner[-1].iso3, product) for product in split_products(listed)]
    return []


def flow_noun_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Belarusian exports to Azerbaijan include ...', 'Mongolia's shipments to Japan ... consisted mostly of ...'."""
    lex = trade_lexicon()
    if lex["stopped_flow"].search(sentence, c_start, c_end):
        return []
    # the frames in order: the first that recognises its shape answers, even when its list gives no product,
    # so a later frame does not read the same words a second way
    claims = _flow_to(sentence, c_start, c_end, inside, lex)
    if claims is None:
        claims = _flow_from_to(sentence, c_start, c_end, inside, lex)
    if claims is None:
        claims = inverted_goods(sentence, c_start, c_end, inside)
    if claims is None:
        claims = _flow_of(sentence, c_start, c_end, inside)
    if claims is not None:
        return claims
    found = (modified_flow(sentence, c_start, c_end, inside) or passive_supply(sentence, c_start, c_end, inside)
             or shifted_object(sentence, c_start, c_end, inside))
    return found or _import_flow(sentence, c_start, c_end, inside, lex)


# 'making Togo the third largest market for Ghanaian goods': the market buys the demonym's goods
MARKET_FOR = re.compile(r"\bmarkets?\s+for\s+(?:the\s+)?", re.I)
GOODS_NOUN = re.compile(r"\s+(?:goods|products|produce|exports|merchandise)\b", re.I)


def named_flow(sentence: str, countries: list[CountryMention]) -> tuple[str, str] | None:
    """'Kenya's exports to Uganda stood at ...': a flow with both countries named, with or without products."""
    flow = trade_lexicon()["flow"]
    # the flow alternation only where one of its words is (prefilter.gate, same matches; speed)
    for m in flow.finditer(sentence) if gate(flow).open(sentence) else ():
        owner = [c for c in countries if c.end <= m.start() and m.start() - c.end <= 12]
        target = country_at(countries, m.end() + 1, 5)
        if owner and target and owner[-1].iso3 != target.iso3:
            return owner[-1].iso3, target.iso3
    for m in MARKET_FOR.finditer(sentence):
        seller = country_at(countries, m.end(), 1)
        buyer = [c for c in countries if c.end <= m.start() and m.start() - c.end <= 40]
        if seller and buyer and seller.iso3 != buyer[-1].iso3 and GOODS_NOUN.match(sentence, seller.end):
            return seller.iso3, buyer[-1].iso3
    return ranked_partner(sentence, countries)


def ranked_partner(sentence: str, countries: list[CountryMention]) -> tuple[str, str] | None:
    """'Ruritania is Freedonia's third-largest export destination.': (Freedonia, Ruritania), the flow the goods listed
    next belong to; 'Ruritania was Freedonia's top supplier.': (Ruritania, Freedonia). None when not that shape."""
    for first in countries:
        verb = None if first.possessive else clause_bit("owned_rank_verb").match(sentence, first.end)
        second = country_at(countries, verb.end(), 1) if verb else None
        tail = clause_bit("owned_rank_tail").match(sentence, second.end) if second and second.possessive else None
        if tail is None or second.iso3 == first.iso3:
            continue
        return (second.iso3, first.iso3) if tail.group("buyer") else (first.iso3, second.iso3)
    return None
