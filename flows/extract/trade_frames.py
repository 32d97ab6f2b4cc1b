"""Trade frames with no trade verb of their own: agent nouns ('the largest buyer of X'), carrying and arrival verbs,
'depends on B for X', 'relies on B-ian X', 'access for B-ian X to A', 'pays for X with Y'. Each returns
(exporter, importer, product) triples; a None side is the pair's other side, filled by trade.find_trade_claims."""
from __future__ import annotations

import re

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, hs_code_for, split_products
from flows.extract.trade_flows import followed_by
from flows.extract.trade_lexicon import clause_bit, country_at, lower_first, trade_lexicon


AGENT = re.compile(r"\b(?P<kind>buyer|importer|purchaser|customer|supplier|exporter|seller|source)s?\s+of\s+", re.I)


def agent_noun(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'China is the largest buyer of American soybeans'; 'Turkey is Georgia's main supplier of cement'."""
    out = []
    for m in AGENT.finditer(sentence, c_start, c_end):
        subject = [c for c in inside if c.end <= m.start() and not c.possessive]
        owner = [c for c in inside if c.end <= m.start() and c.possessive]
        if not subject or clause_bit("agent_prospect").search(sentence, c_start, m.start()):
            continue  # ('opportunities for A-ian exporters of X': a trade still to come, no claim)
        # ('Turkey is Georgia's main supplier': the owner stands between the agent and its noun; 'B became A's partner,
        # with A a supplier of X' names no owner)
        owner = [c for c in owner if c.start >= subject[-1].end]
        pos = m.end()
        dem = country_at(inside, pos, 1)
        if dem is not None and dem.kind == "demonym":
            pos = dem.end
        elif dem is not None and dem.possessive:
            # 'the largest buyer of Kenya's tea': the possessive owns the goods, as a demonym does
            pos = dem.end + clause_bit("possessive_mark").match(sentence[dem.end:]).end()
        listed = cut_list(sentence[pos:c_end])
        if _for_elsewhere(sentence, pos + len(listed), inside):
            continue  # 'A, a source of X and Y for the whole world': goods for no partner, no claim
        products = split_products(listed)
        buyer = m.group("kind").lower() in trade_lexicon()["buyer_agents"]
        other = (dem.iso3 if dem is not None and (dem.kind == "demonym" or dem.possessive)
                 else (owner[-1].iso3 if owner else _partner_after(sentence, pos + len(listed), c_end, inside, buyer)))
        # the agent is the country nearest before the noun ('In 2021 B grew, with A serving as a key supplier of X')
        agent = subject[-1].iso3
        for p in products:
            out.append((other, agent, p) if buyer else (agent, other, p))
    return out


def _for_elsewhere(sentence: str, end: int, inside: list[CountryMention]) -> bool:
    """Whether an agent noun's goods are told as meant for a place that is no country ('a supplier of X to Europe',
    'a source of X for the world')."""
    lex = trade_lexicon()
    m = lex["elsewhere"].match(sentence, end) or lex["for_elsewhere"].match(sentence, end)
    return m is not None and not any(end <= c.start < m.end() for c in inside)


def _partner_after(sentence: str, end: int, c_end: int, inside: list[CountryMention], buyer: bool) -> str | None:
    """'a supplier of X and Y to B', 'the largest buyer of X from A': the partner after the list ('to' for a seller's
    buyer, 'from' for a buyer's seller); None when the list has no such tail."""
    tail = clause_bit("agent_partner").match(sentence, end, c_end)
    if tail is None or (tail.group(1).lower() == "from") != buyer:
        return None
    partner = country_at(inside, tail.end(), 1)
    return partner.iso3 if partner is not None else None


# 'the main products A sells to B are X', 'among the goods B buys from A are X', 'what A sells to B is mostly X': the
# goods are the head of a relative clause whose verb tells the flow; the list follows the copula ...
CLAUSE_HEAD = re.compile(r"(?:\b(?:goods|products?|items?|commodit(?:y|ies)|things)\s+(?:that\s+|which\s+)?|\b[Ww]hat\s+)$")
CLAUSE_LIST = re.compile(r"\s*,?\s+(?:are|were|is|was|include[sd]?)\s+")
# ... or comes first: 'X and Y are among the goods A sells to B', 'X and Y are some of the goods that B buys from A'
LIST_FIRST = re.compile(r"^\W*(?P<list>[^;:]{2,200}?)\s+(?:are|were|is|was)\s+(?:also\s+)?(?:among\s+)?"
                        r"(?:(?:some|one|several|many|a\s+few|two|three)\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?:goods|products?|items?|commodit(?:y|ies)|things)\s+(?:that\s+|which\s+)?$")


def goods_clause(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'The main products A sells to B are X', 'Among the goods B buys from A are X', 'X are among the items A exports
    to B': the goods told as the head of a relative clause whose subject and verb tell who sells."""
    lex = trade_lexicon()
    for kind in ("export", "import"):
        if not gate(lex[kind]).open(sentence):
            continue  # none of the verb's words in the sentence (prefilter.gate, same matches; speed)
        for m in lex[kind].finditer(sentence, c_start, c_end):
            subject = next((c for c in inside if not c.possessive and clause_bit("subject_adverb").fullmatch(sentence[c.end:m.start()])), None)
            if subject is None or not CLAUSE_HEAD.search(sentence, c_start, subject.start):
                continue
            pos, other = m.end(), None
            to = clause_bit("verb_partner").match(sentence[pos:c_end])
            if to and country_at(inside, pos + to.end(), 1) is not None:
                partner = country_at(inside, pos + to.end(), 1)
                other, pos = partner.iso3, partner.end
            after = CLAUSE_LIST.match(sentence, pos, c_end)
            if after:
                listed = cut_list(sentence[after.end():c_end])
            else:
                first = LIST_FIRST.match(sentence[c_start:subject.start])
                # ('X is the largest item A sells to B, followed by Y': the rank goes on after the partner)
                more = followed_by(sentence, pos, c_end)
                if first is None or (sentence[pos:c_end].strip(" .") != "" and not more):
                    continue
                listed = lower_first(first.group("list")) + "".join(f", {p}" for p in more)  # 'Clinker and salt are ...'
            products = [p for p in split_products(clause_bit("leading_among").sub("", listed))
                        if p.lower() not in lex["clause_list_not_goods"]]
            return [(subject.iso3, other, p) if kind == "export" else (other, subject.iso3, p) for p in products]
    return []


def carry(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'built to carry Iranian natural gas to Armenia'."""
    for m in trade_lexicon()["carry"].finditer(sentence, c_start, c_end):
        dem = country_at(inside, m.end() + 1, 1)
        if dem is None or dem.kind != "demonym":
            continue
        to = clause_bit("goods_to").match(sentence[dem.end:c_end])
        if not to:
            continue
        target = country_at(inside, dem.end + to.end())
        if target:
            return [(dem.iso3, target.iso3, p) for p in split_products(to.group(1))]
    return []


def arrival(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Azerbaijani natural gas has reached Türkiye'."""
    for m in trade_lexicon()["arrival"].finditer(sentence, c_start, c_end):
        target = country_at(inside, m.end() + 1, 5)
        dem = [c for c in inside if c.kind == "demonym" and c.end < m.start() and m.start() - c.end < 40]
        if target and dem:
            product = sentence[dem[-1].end:m.start()].strip()
            if 0 < len(product.split()) <= 4 and hs_code_for(product):
                # ('The Kenyan president arrived in Dodoma': a person, no goods with an HS heading)
                return [(dem[-1].iso3, target.iso3, product)]
    return []


DEPENDS_FOR = re.compile(r"\b(?:depend(?:s|ed|ing)?|rel(?:y|ies|ied))\s+(?:\w+ly\s+)?on\s+(?:the\s+)?", re.I)


def depends_for(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Djibouti depends on Ethiopia for fresh water and electricity': Ethiopia sells them to Djibouti."""
    out = []
    for m in DEPENDS_FOR.finditer(sentence, c_start, c_end):
        source = country_at(inside, m.end(), 1)
        # the subject nearest the verb, not a demonym modifier before it ('the Togolese ministry showed that Ghana
        # depends on Togo for ...')
        subject = [c for c in inside if c.end <= m.start() and not c.possessive and c.kind != "demonym"]
        if source is None or source.kind == "demonym" or not subject:
            continue
        rest = clause_bit("for_goods").match(sentence[source.end:c_end])
        if rest:
            # an aside on how it comes ('fresh water, piped from X since 2017,') is not a product
            text = clause_bit("delivery_aside").sub("", sentence[source.end + rest.end():c_end])
            products = split_products(cut_list(clause_bit("and_for").sub(", ", text)))
            out += [(source.iso3, subject[-1].iso3, p) for p in products]
    return out


def relies(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Armenia still relies mostly on Russian gas delivered through Georgia': Russia sells gas to Armenia; 'B is
    dependent on A-ian power' the same."""
    # ('is heavily dependent on Ruritanian power', 'depends on A-ian gas': the same frame)
    m = clause_bit("relies_on").search(sentence[c_start:c_end])
    if not m:
        return []
    pos = c_start + m.end()
    dem = country_at(inside, pos, 1)
    subject = [c for c in inside if c.end <= c_start + m.start()]
    if dem is None or dem.kind != "demonym" or not subject:
        return []
    product = clause_bit("relied_goods").match(sentence[dem.end:c_end])
    return [(dem.iso3, subject[0].iso3, p) for p in split_products(product.group(1))] if product else []


# 'access for Chilean cherries to India', 'market access for Kenyan avocados in China': the demonym's country sells them
ACCESS_FOR = re.compile(r"\baccess\s+for\s+", re.I)
# 'rules for Peruvian exports, including asparagus and grapes': an owner's exports listed, the destination unnamed
LISTED_EXPORTS = re.compile(r"\s+exports?,?\s+(?:including|such\s+as|notably)\s+", re.I)


def access_or_listed(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'access for Argentine pears to China' (exporter, importer); 'Canadian exports, including X' (exporter; the
    importer is the pair's other side, filled by find_trade_claims) when no other country is in the clause."""
    out = []
    for m in ACCESS_FOR.finditer(sentence, c_start, c_end):
        dem = country_at(inside, m.end(), 1)
        if dem is None or dem.kind != "demonym":
            continue
        to = clause_bit("goods_into").match(sentence[dem.end:c_end])
        target = country_at(inside, dem.end + to.end(), 1) if to else None
        if target is not None and target.iso3 != dem.iso3:
            out += [(dem.iso3, target.iso3, p) for p in split_products(to.group(1))]
    for owner in inside:
        m = LISTED_EXPORTS.match(sentence, owner.end, c_end)
        if m and (owner.kind == "demonym" or owner.possessive) and len({c.iso3 for c in inside}) == 1:
            out += [(owner.iso3, None, p) for p in split_products(cut_list(sentence[m.end():c_end]))]
    return out


def pay_with(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Armenia is to pay for the gas with electricity': the payer sells what it pays with."""
    m = clause_bit("pay_with").search(sentence[c_start:c_end])
    subject = [c for c in inside if c.end <= c_start + (m.start() if m else 0)]
    if not m or not subject:
        return []
    products = split_products(cut_list(sentence[c_start + m.end():c_end]))
    return [(subject[0].iso3, None, p) for p in products]


# 'There is a demand by the Togolese market for Ghanaian salt and fish', 'strong demand in Togo for Ghanaian cement':
# the buyer after 'demand by/in', the seller's demonym before the goods
DEMAND = re.compile(r"\bdemand\s+(?:by|in|on|from|among)\s+(?:the\s+)?", re.I)
DEMAND_FOR = re.compile(r"(?:\s+(?:markets?|consumers|buyers|importers|customers))?\s+for\s+(?:the\s+)?", re.I)


def demand_for(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'a demand by the B market for A-ian X, and Y': A sells X and Y to B."""
    out = []
    for m in DEMAND.finditer(sentence, c_start, c_end):
        buyer = country_at(inside, m.end(), 1)
        rest = DEMAND_FOR.match(sentence, buyer.end, c_end) if buyer else None
        seller = country_at(inside, rest.end(), 1) if rest else None
        if seller is None or seller.kind != "demonym" or seller.iso3 == buyer.iso3:
            continue
        out += [(seller.iso3, buyer.iso3, p) for p in split_products(cut_list(sentence[seller.end:c_end]))]
    return out


# 'dropped a levy on Arabica coffee originating from Kenya': the goods come from the named origin into
# the country that levies the duty (the pair's other side)
ORIGINATING = re.compile(r"\b(?:dut(?:y|ies)|tariffs?|restrictions?|bans?|quotas?|levies|levy)\s+on\s+(?P<list>[\w\s,-]{2,60}?)\s+"
                         r"(?:originating|coming|imported)\s+from\s+(?:the\s+)?", re.I)


def originating(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'the duty on X originating from A': A sells X (the importer is the pair's other side)."""
    out = []
    for m in ORIGINATING.finditer(sentence, c_start, c_end):
        origin = country_at(inside, m.end(), 1)
        if origin is not None and not any(m.start("list") <= c.start < m.end("list") for c in inside):
            out += [(origin.iso3, None, p) for p in split_products(clause_bit("duty_kind").sub("", m.group("list")))]
    return out
