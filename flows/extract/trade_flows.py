"""Trade claims told by flow nouns: 'Belarusian exports to Azerbaijan include ...', 'exports of wheat to X',
'X, Y and Z were the top products shipped from A to B', 'the country's exports to its neighbour consist of ...'."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.prefilter import word_trie
from flows.common.words import alternation, whole_words
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, is_joint_pair, split_products
from flows.lexicon import read_toml

@lru_cache(maxsize=1)
def trade_lexicon() -> dict:
    data = read_toml("trade.toml")
    words = lambda key: whole_words(data[key], escape=False)  # noqa: E731  (longest first: 'exported goods')
    in_order = lambda key: whole_words(data[key], longest_first=False, escape=False)  # noqa: E731
    # the trade hint: the lexicon's verbs and nouns, then its other words in their rows' order
    hint_words = sorted(_hint_words(data), key=len, reverse=True)
    return {
        "export": re.compile(words("export_verbs"), re.I),
        "import": re.compile(words("import_verbs"), re.I),
        "flow": re.compile(words("flow_nouns") + r"\s+to\b", re.I),
        # 'Ruritania's merchandise imports from': words between an owner and its flow noun that leave it the owner
        "owner_gap": re.compile(r"(?:[’']s?)?\s+(?:" + whole_words(data["owner_gap_words"]) + r"\s+)+", re.I),
        "ranked_flow": re.compile(words("ranked_flow_nouns") + r"\s+to\b", re.I),
        "import_flow": re.compile(words("import_nouns") + r"\s+from\b", re.I),
        "intro": re.compile("|".join(data["list_introducers"]), re.I),
        "carry": re.compile(words("carry_verbs"), re.I),
        "arrival": re.compile(in_order("arrival_verbs"), re.I),
        "subject_nouns": set(data["subject_nouns"]),
        "aid_items": re.compile(whole_words(data["aid_items"]), re.I),
        "stopped": re.compile(whole_words(data["stopping_verbs"]) + r"\s+(?:(?:[\w’'-]+\s+){0,4}?from\s+|(?:(?:the|all|its|their)\s+)?)$",
                              re.I),
        # 'banned the export of X to B', 'halted imports from A', 'a ban on exports of X': a flow stopped, no claim
        "stopped_flow": re.compile(r"(?:" + whole_words(data["stopping_verbs"]) + r"|\bbans?\s+on)\s+(?:(?:the|all|its|their)\s+)?"
                                   r"(?:[\w-]+\s+)?(?:exports?|imports?|shipments|sales|supplies|deliveries|purchases)\b", re.I),
        "verb_time": re.compile(r",?\s+" + whole_words(data["verb_time_phrases"]) + ",?", re.I),
        "weak": set(data["weak_verbs"]),
        "noun_like": set(data["noun_like_verbs"]),
        "adverbs": set(data["adverbs"]),
        "not_products": set(data["flow_modifiers_not_products"]),
        "passive": set(data["passive_supply_verbs"]),
        "passive_import": set(data["passive_import_verbs"]),
        # 'Ghana spent $2m to import cattle': an infinitive trade verb after a verb of paying is a purchase
        "spend": re.compile(in_order("spend_verbs") + r"(?:\s+by\s+[^,;]{1,40}?|\s+[^,;]{1,60}?)?\s+to\s+$", re.I),
        # 'In turn, Kenya bought X': a connective opening the clause that turns the last flow round
        # ('In turn, Kenya bought X', 'Kenya, in turn, bought X': at the clause's start or set off by commas)
        "reverse": re.compile(r"(?:^\W*|,\s*)" + whole_words(data["reverse_connectives"]) + r"\s*,", re.I),
        "fields": re.compile("|".join(data["field_list_heads"]), re.I),
        # 'to Europe', 'from the Gulf', 'abroad': a place that is no country (trade.toml elsewhere)
        "elsewhere": re.compile(r"\s*,?\s*(?:(?:to|into|from|in)\s+(?:the\s+)?" + alternation(data["elsewhere"], escape=False)
                                + r"|worldwide|abroad|overseas|elsewhere)\b"
                                # 'from the Gulf state', 'to the European country': an epithet of a country
                                r"(?!(?:\s+[\w-]+){0,2}\s+(?:state|country|nation|kingdom|emirate|republic)\b)", re.I),
        "hint": re.compile(whole_words([*hint_words, *data["hint_more"]], longest_first=False, escape=False), re.I),
        # the same yes/no test, faster (prefilter.word_start, word_trie): trade_gate asks only whether it matches
        "hint_test": re.compile(r"(?<!\w)" + alternation([word_trie(_hint_words(data)), *data["hint_more"]],
                                                           longest_first=False, escape=False) + r"\b", re.I),
    }


def _hint_words(data: dict) -> set[str]:
    return set(data["export_verbs"] + data["import_verbs"] + data["flow_nouns"] + data["import_nouns"] + data["carry_verbs"])


def country_at(countries: list[CountryMention], pos: int, window: int = 0) -> CountryMention | None:
    return next((c for c in countries if pos <= c.start <= pos + window), None)


LAST_FLOW = "last-flow"  # a slot marker: the exporter and importer of the flow the document named last
# 'The country's exports to its neighbour consist of ...', 'Its exports to the partner include ...'
ANAPHOR_TARGET = re.compile(r"\s+(?:her|his|its|their|the)\s+(?:\w+\s+)?(?:neighbou?rs?|partners?)\b", re.I)
ANAPHOR_OWNER = re.compile(r"(?:^|\s)(?:[Tt]he\s+country[’']s|[Ii]ts|[Tt]heir)\s+(?:(?:main|chief|principal|key|major|top|"
                           r"leading|largest|biggest)\s+)*$")
# 'Salt, maize and rice were the top products shipped from Ghana to Togo': the list before, both countries after
INVERTED_GOODS = re.compile(r"\s+(?:were|was|are|is)\s+(?:the\s+)?(?:(?:main|chief|principal|key|major|top|leading)\s+)?"
                            r"(?:goods|products|items|commodities)(?:\s+and\s+(?:goods|products|items|commodities))?\s+"
                            r"(?P<dir>imported|exported|bought|sold|shipped|sent)\s+(?:by\s+\S+\s+)?from\s+(?:the\s+)?", re.I)
FLOW_OF = re.compile(r"\b(?:exports?|sales|shipments|supplies|deliveries|imports?|purchases)\s+of\s+"
                     r"(?P<list>[\w\s,-]{2,80}?)\s+(?P<dir>to|from)\s+(?:the\s+)?", re.I)
RECEIVER = re.compile(r"\s+(?:(?:also|still|mainly|mostly)\s+)?(?:receives|received|gets|got|imports|imported|buys|bought|"
                      r"takes|took)\s+(?:the\s+)?", re.I)
THE_COUNTRY_RECEIVES = re.compile(r"\b(?:[Tt]he\s+country|[Ii]t)" + RECEIVER.pattern + r"$", re.I)
INCLUDING = re.compile(r",?\s+(?:including|notably|such\s+as|especially)\s+", re.I)
# 'exports from X to Y include', 'the main export items of X to Y include'
FLOW_FROM_TO = re.compile(r"\b(?:exports?|export\s+(?:items|goods|products|commodities)|supplies|shipments|deliveries|"
                          r"(?:goods|commodities|products|items)\s+(?:exported|sent|shipped|sold|brought))"
                          r"\s+(?:from|of)\s+(?:the\s+)?", re.I)
RANKS = re.compile(r"(?:[’']s)?\s+(?:(?:second|third|fourth|fifth|largest|biggest|main|top|leading|chief|and|most|important|"
                   r"valuable|single)\s+)+", re.I)
# a rank right before a singular flow noun: 'Kenya's largest export to', 'The top export commodity to'
RANK_BEFORE = re.compile(r"\b(?:largest|biggest|main|top|leading|chief|principal|second|third)\s+(?:[A-ZÀ-Þ][\w-]+\s+)?$", re.I)
# ('X and Y were among A's main exports to B', 'X and Y top the list of A's exports to B', 'X remained the top A-ian
# export to B')
INVERTED = re.compile(r"^\s*(?:(?:in|by)\s+(?:\d{4}|Q[1-4](?:\s+\d{4})?),?\s+)?(?P<list>[\w\s,-]{2,120}?)\s+(?:(?:were|was|are|is|remain(?:s|ed)?|bec[oa]me|has\s+become)\s+(?:also\s+)?(?:among\s+)?"
                      r"(?:the\s+)?(?:(?:largest|biggest|main|top|leading|chief|principal|key|major|second|third)\s+)*|(?:top|tops|topped|head|heads|headed|lead|leads|led)\s+the\s+list\s+of\s+)$", re.I)
# 'The minister named cement and salt as Ghana's main exports to Togo': the goods a speaker names as a flow's
AS_LISTED = re.compile(r"\b(?:named|naming|cited|citing|listed|listing|counted|counting|mentioned|mentioning|"
                       r"identified|identifying|singled\s+out)\s+(?P<list>[^;:()]{2,160}?)\s+as\s+(?:the\s+)?$", re.I)
ASIDE_DASHES = re.compile(r"\s*[—–]\s*[^—–]{1,80}[—–]\s*|\s*,\s+(?:both|all)\s+[^,]{1,60},\s*")
COPULA = re.compile(r"\s+(?:are|were|is|was)\s+(?!(?:\w+ly\s+)?(?:(?:led|dominated|headed|topped)\s+by|made\s+up|"
                    r"composed|comprised|confined\s+to)\b)")  # ('are confined to': the list opens after 'to')
# A flow noun with no country before it: the clause opens with it ('Exports to X ...', 'its main imports from X ...').
OWNERLESS = re.compile(r"(?:^|,\s+(?:and\s+)?)\s*(?:(?:most|much|part|some|half)\s+of\s+)?(?:(?:its|their|our|the|main|chief|principal|key|major|top|leading|largest|biggest)\s+)*$", re.I)  # 'Russia's main exports to Turkey are ...'


COLON = re.compile(r"\s*:\s+(?=\S)")  # 'A's exports to B: X, Y and Z' (a page's heading and its list)


def _intro(sentence: str, pos: int, c_end: int, lex: dict) -> re.Match | None:
    """Where the goods list opens after a flow: 'are', 'were' or an intro verb ('include', 'consisted mostly of')."""
    return COPULA.match(sentence, pos, c_end) or COLON.match(sentence, pos, c_end) or lex["intro"].search(sentence, pos, c_end)


def _source_and_target(sentence: str, pos: int, c_end: int,
                       inside: list[CountryMention]) -> tuple[CountryMention | None, CountryMention | None]:
    """The 'A to B' right after pos ('exports from Kenya to Uganda'), so both sides of the flow are named."""
    source = country_at(inside, pos, 1)
    to = re.match(r"\s+to\s+(?:the\s+)?", sentence[source.end:c_end]) if source else None
    target = country_at(inside, source.end + to.end(), 1) if to else None
    return source, target


def _last_flow_claims(sentence: str, c_start: int, c_end: int, match: re.Match, lex: dict) -> list | None:
    """'The country's exports to its neighbour consist of X': claims on the flow named last, None if not that."""
    anaphor = ANAPHOR_TARGET.match(sentence, match.end(), c_end)
    if anaphor and ANAPHOR_OWNER.search(sentence, c_start, match.start()):
        # 'Ghana's exports to Togo rose ... . The country's exports to its neighbour consist of ...': the
        # flow named last (TradeState.last_flow), filled in by find_trade_claims
        intro = _intro(sentence, anaphor.end(), c_end, lex)
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
            if before and not _intro(sentence, target.end, c_end, lex):
                lead = (INVERTED.match(ASIDE_DASHES.sub(" ", sentence[c_start:before[-1].start]))
                        or AS_LISTED.search(sentence, c_start, before[-1].start))
                listed = (re.sub(r"^\s*([A-Z])(?=[a-z])", lambda first: first.group(1).lower(), lead.group("list"))
                          if lead else "")
                # 'Copper wire' opens it
                return [(before[-1].iso3, target.iso3, product) for product in split_products(listed)]
        if not before and not OWNERLESS.search(sentence[c_start:match.start()]):
            continue
        intro = _intro(sentence, target.end, c_end, lex)
        if not intro:
            # 'Wool and wine — both made in the south — were Uruguay's third and fourth biggest exports to Brazil'
            lead = (INVERTED.match(ASIDE_DASHES.sub("", sentence[c_start:before[-1].start]))
                    or AS_LISTED.search(sentence, c_start, before[-1].start)) if before else None
            products = split_products(lower_first(lead.group("list"))) if lead else []
            return [(before[-1].iso3, target.iso3, product) for product in products]
        products = split_products(cut_list(sentence[intro.end():c_end]))
        return [(before[-1].iso3 if before else None, target.iso3, product) for product in products]
    return None


def _flow_from_to(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], lex: dict) -> list | None:
    """'Exports from Kenya to Uganda are X': both sides after the noun; None if absent."""
    for match in FLOW_FROM_TO.finditer(sentence, c_start, c_end):
        source, target = _source_and_target(sentence, match.end(), c_end, inside)
        intro = _intro(sentence, target.end, c_end, lex) if target else None
        if intro:
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(source.iso3, target.iso3, product) for product in products]
    return None


# 'Glass jars and roof tiles are among the products sold by Ghana to Togo': the goods first, the
# exporter after 'by', the importer after 'to'
LISTED_BY = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:among|included\s+(?:in|on)|on)\s+(?:the\s+)?"
                       r"(?:list\s+of\s+)?(?:(?:other|main|chief|key|major|top|leading)\s+)*(?:goods|products|items|commodities)"
                       r"\s+(?:that\s+(?:are|were)\s+)?(?:exported|sold|shipped|supplied|sent)\s+"
                       r"(?:in\s+\w+\s+quantities\s+)?by\s+(?:the\s+)?", re.I)


def _listed_by(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'X and Y are on the list of products sold by A to B'; None if absent."""
    for match in LISTED_BY.finditer(sentence, c_start, c_end):
        source = country_at(inside, match.end(), 1)
        to = re.match(r"\s+to\s+(?:the\s+)?", sentence[source.end:c_end]) if source else None
        target = country_at(inside, source.end + to.end(), 1) if to else None
        if target is not None and target.iso3 != source.iso3:
            listed = lower_first(sentence[c_start:match.start()])
            return [(source.iso3, target.iso3, product) for product in split_products(listed)]
    return None


def _inverted_goods(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'Cooking oil and soap were the main goods Kenya sent to Uganda': the goods come first; None if absent."""
    listed_by = _listed_by(sentence, c_start, c_end, inside)
    if listed_by is not None:
        return listed_by
    for match in INVERTED_GOODS.finditer(sentence, c_start, c_end):
        source, target = _source_and_target(sentence, match.end(), c_end, inside)
        if target is not None:
            listed = re.sub(r"^\s*([A-Z])(?=[a-z])", lambda first: first.group(1).lower(),
                            sentence[c_start:match.start()])
            return [(source.iso3, target.iso3, product) for product in split_products(listed)]  # 'Cooking oil'
    return None


def _flow_of(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list | None:
    """'Kazakhstan's exports of wheat and flour to Uzbekistan', 'imports of gas from Russia'; None if absent."""
    for match in FLOW_OF.finditer(sentence, c_start, c_end):
        owner = [mention for mention in inside if mention.end <= match.start() and match.start() - mention.end <= 12]
        other = country_at(inside, match.end(), 5)
        named = country_at(inside, match.start("list"))
        if named is not None and other is not None and named.end >= match.end("list") - 1:
            # 'Main exports of Ghana to Togo: X, Y', 'imports of B from A include X': the 'of' names the owner
            intro = _intro(sentence, other.end, c_end, trade_lexicon())
            products = split_products(cut_list(sentence[intro.end():c_end])) if intro else []
            exporter, importer = (named.iso3, other.iso3) if match.group("dir").lower() == "to" else (other.iso3, named.iso3)
            return [(exporter, importer, product) for product in products]
        anaphor = False
        if not owner and match.group("dir").lower() == "from":
            owner = [mention for mention in inside if mention.end <= match.start() and not mention.possessive
                     and RECEIVER.fullmatch(sentence, mention.end, match.start())]
            # 'it also gets exports of salt from Ghana': the pair's other side (not named here) receives them
            anaphor = not owner and bool(THE_COUNTRY_RECEIVES.search(sentence, c_start, match.start()))
        if not owner and match.group("dir").lower() == "to" and OWNERLESS.search(sentence[c_start:match.start()]):
            # 'The export of bicycles to Togo rose by 40 percent': no exporter named, the pair's other side sends them
            anaphor = True
        elif not owner and match.group("dir").lower() == "to" and re.search(r"\bthe\s+$", sentence[c_start:match.start()]):
            # 'Ghana seeks to expand the import of farm inputs to Togo': the country named before sends
            # them, else the pair's other side
            owner = [c for c in inside if c.end <= match.start() and (other is None or c.iso3 != other.iso3)][-1:]
            anaphor = not owner
        if (owner or anaphor) and other:
            products = split_products(sentence[match.start("list"):match.end("list")])
            more = INCLUDING.match(sentence, other.end, c_end)
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
        source = country_at(inside, match.end() + 1, 5)
        intro = _intro(sentence, source.end, c_end, lex) if source else None
        if source and intro and (before or OWNERLESS.search(sentence[c_start:match.start()])):
            # 'its imports from Laos are dominated by ...': the importer is the pair's other side
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(source.iso3, before[-1].iso3 if before else None, product) for product in products]
        owner = [mention for mention in inside if mention.possessive and mention.end <= match.start()
                 and (RANKS.fullmatch(sentence, mention.end, match.start())
                      or re.fullmatch(r"[’']s?\s+", sentence[mention.end:match.start()]))]  # ("A's main imports")
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
        claims = _inverted_goods(sentence, c_start, c_end, inside)
    if claims is None:
        claims = _flow_of(sentence, c_start, c_end, inside)
    if claims is not None:
        return claims
    found = (_modified_flow(sentence, c_start, c_end, inside) or _passive_supply(sentence, c_start, c_end, inside)
             or shifted_object(sentence, c_start, c_end, inside))
    return found or _import_flow(sentence, c_start, c_end, inside, lex)


MODIFIED_FLOW = re.compile(r"\s*(?:the\s+)?(?P<list>[A-Za-z][\w\s-]{1,40}?)\s+(?:exports?|shipments|sales)\s+to\s+(?:the\s+)?")
# 'Fishing nets were supplied to Togo by Ghana': the product is the subject of a passive supply verb
# ('Some 300 tonnes of nets were exported to Togo': a quantity before the goods; 'X was imported into/by B': the buyer)
PASSIVE_HEAD = re.compile(r"\s*(?:the\s+)?(?i:" + read_toml("trade.toml")["item_quantity"] + r")?"
                          r"(?P<list>[A-Za-z][\w\s,-]{1,80}?)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+"
                          r"(?:\w+ly\s+)?(?P<verb>\w+)\s+(?P<prep>to|into|by)\s+(?:the\s+)?")
BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")


def lower_first(text: str) -> str:
    return re.sub(r"^\s*([A-Z])(?=[a-z])", lambda x: x.group(1).lower(), text)  # 'Rice' opens the clause


def _modified_flow(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Rice export to Togo increased by 29 percent': exporter unnamed, the pair's other side (filled later)."""
    m = MODIFIED_FLOW.match(sentence, c_start, c_end)
    target = country_at(inside, m.end(), 1) if m else None
    if not target or any(m.start("list") <= c.start < m.end("list") for c in inside):
        return []
    listed = lower_first(m.group("list"))
    # 'A sharp increase in rice and maize exports to Togo': the goods are what follows the last preposition
    listed = re.split(r"\s+(?:in|of|on|for|at)\s+", listed)[-1]
    if not trade_lexicon()["not_products"].isdisjoint(listed.lower().split()):
        return []  # 'Total exports to Togo', 'Annual export to Togo' name no product
    if is_joint_pair(listed):
        return [(None, target.iso3, listed)]  # 'fruit and vegetable exports to Togo': the pair's head is the flow noun
    return [(None, target.iso3, p) for p in split_products(listed)]


def _passive_supply(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
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
        source = re.match(r"\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:neighbou?ring\s+)?", sentence[target.end:c_end])
        seller = country_at(inside, target.end + source.end(), 1) if source else None
        seller = seller.iso3 if seller else None
        listed = lower_first(sentence[listed_at:m.end("list")].strip())
        return [(seller or (origin.iso3 if origin else None), target.iso3, p) for p in split_products(listed)]
    agent = BY_AGENT.match(sentence, target.end, c_end) or re.match(r"\s+\w+\s+by\s+(?:the\s+)?", sentence[target.end:c_end])
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
        listed = re.sub(r"^\s*(?:the\s+)?", "", cut_list(sentence[target.end:c_end]))
        words = listed.split()
        if words and words[0].lower() in trade_lexicon()["adverbs"] and words[0].lower().endswith("ly"):
            words = words[1:]  # 'exported to Togo mainly cars and tyres' (the list cut before 'via' in 'mainly via')
        first = words[0].lower() if words else ""
        if not first or first.endswith("ed") or not first.isalpha() or first in trade_lexicon()["adverbs"]:
            return []  # 'exported to Togo increased ...', 'exported to Togo mainly via ...'
        return [(c.iso3, target.iso3, p) for p in split_products(listed)]
    return []


# 'making Togo the third largest market for Ghanaian goods': the market buys the demonym's goods
MARKET_FOR = re.compile(r"\bmarkets?\s+for\s+(?:the\s+)?", re.I)
GOODS_NOUN = re.compile(r"\s+(?:goods|products|produce|exports|merchandise)\b", re.I)


def named_flow(sentence: str, countries: list[CountryMention]) -> tuple[str, str] | None:
    """'Kenya's exports to Uganda stood at ...': a flow with both countries named, with or without products."""
    for m in trade_lexicon()["flow"].finditer(sentence):
        owner = [c for c in countries if c.end <= m.start() and m.start() - c.end <= 12]
        target = country_at(countries, m.end() + 1, 5)
        if owner and target and owner[-1].iso3 != target.iso3:
            return owner[-1].iso3, target.iso3
    for m in MARKET_FOR.finditer(sentence):
        seller = country_at(countries, m.end(), 1)
        buyer = [c for c in countries if c.end <= m.start() and m.start() - c.end <= 40]
        if seller and buyer and seller.iso3 != buyer[-1].iso3 and GOODS_NOUN.match(sentence, seller.end):
            return seller.iso3, buyer[-1].iso3
    return None
