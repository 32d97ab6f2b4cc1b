"""Trade claims: who sells which product to whom, one claim per product (products.py reads the list)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from flows.common.prefilter import gate
from flows.common.words import whole_words
from flows.extract.countries import CountryMention, find_countries, is_historic, other_side
from flows.extract.product_shape import names_no_goods, without_quality
from flows.extract.products import hs_code_for, known_capitalised, mark_inner, split_products, unmark, without_unit
from flows.extract.trade_frames import (access_or_listed, agent_noun, arrival, carry, demand_for, depends_for,
                                        goods_clause, originating, pay_with, relies)
from flows.extract.trade_roles import RoleClaim, flow_words, role_claims, with_roles
from flows.extract.trade_discourse import (ANSWER_WINDOW, GROWTH_HEAD, answer_products, credited_goods,
                                            driven_goods, growth_of_last_flow, plural_demonyms, question_flow)
from flows.extract.trade_lists import (strip_figures, coordinated_ownerless, listed_together, country_less_list, figure_list_claims,
                                       figure_then_list, home_country, market_for_claims, oriented, FLOW_WORD)
from flows.extract.trade_ranked import owned_goods_agent, ranked_claims
from flows.extract.trade_of_which import of_which_claims
from flows.extract.trade_verbs import BASKET, REVERSED, elsewhere_at, verb_claims
from flows.lexicon import read_toml
from flows.extract.trade_partner_with import partner_with_claims
from flows.extract.trade_share import share_claims
from flows.extract.trade_share_goods import share_goods_claims
from flows.extract.trade_flows import ANAPHOR_TARGET, LAST_FLOW, flow_noun_claims, named_flow
from flows.extract.trade_lexicon import clause_bit, trade_lexicon
from flows.extract.trade_labels import bracket_goods, label_flow, label_goods
from flows.extract.trade_item_changes import blank_item_changes
from flows.extract.trade_sectors import blank_sector_heads
from flows.extract.trade_exchange import exchange_claims
from flows.extract.trade_figured_tail import figured_tail
from flows.extract.trade_carrying import carried_claims
from flows.extract.trade_owned_goods import owned_goods_claims
from flows.extract.trade_glued_names import glued_pair_names

CLAUSE_SPLIT = re.compile(r";\s+|,\s+while\s+|\s+while\s+(?=(?:also\s+)?(?:exporting|importing|selling|buying|shipping)\b)|,\s+whereas\s+|,\s+but\s+|,\s+and\s+(?=(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|sends|purchases|receives|bought|sold|imported|exported|purchased|shipped)\b|[A-ZÀ-Þ])|,\s+(?=which\b(?!\s+(?:include[sd]?|consist(?:s|ed)?\s+(?:\w+ly\s+)?of|compris(?:e|es|ed)|(?:are|were)\s+(?:mainly|mostly|largely|chiefly))\b))|,\s+so\s+|\s+and\s+(?=(?:also\s+|in\s+(?:turn|return)\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases|sends|bought|sold|imported|exported|purchased|shipped|supplied|sent)\s+(?!(?:of|to|from|and|or|include[sd]?|rose|fell|grew)\b)\w)"
                          r"|,\s+(?=(?:it|they)\s+(?:also\s+|in\s+(?:turn|return)\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases|sends|bought|sold|imported|exported|purchased|shipped|supplied|sent)\b)"
                          r"|\s+and\s+(?=[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+)?\s+(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases)\b)")
FOLLOWING = re.compile(r"\bthe\s+following\b", re.I)
FLOW_WINDOW = 4  # sentences after a trade word in which a country-less list is still read on the text's flow


@dataclass
class TradeState:
    """What the trade reader remembers across a document's sentences: the pair and the claims already made."""

    pair: tuple[str, str] | None
    seen: set[tuple] = field(default_factory=set)
    last_flow: tuple[str, str] | None = None  # 'Kenya's exports to Uganda' named last, for 'the country's exports to her neighbour'
    asked: tuple[str, str] | None = None  # the flow a question asked about ('What does A buy from B?'), for its answer
    asked_left: int = 0  # sentences after the question that may still answer it
    home: str | None = None  # whose trade the text tells from its side ('Vietnamese exports ...'), for lists with no country
    current: tuple[str, str] | None = None  # the flow the text speaks of now (set even by a flow with no goods)
    flow_left: int = 0  # sentences after the last trade word in which a country-less list still belongs to it
    abroad: bool = False  # the flow told last goes to or comes from a place that is no country ('exports to the Gulf')
    label: tuple[str, str] | None = None  # a labelled line's flow whose goods were cut off into the next sentence
    # the sentence stands inside a trade paragraph an earlier sentence opened (a trade word within the last
    # FLOW_WINDOW sentences before it; its own words do not count): trade_owned_goods reads a side's goods only there
    in_paragraph: bool = False
    page_words: frozenset[str] = frozenset()  # the page's lower-case words (trade_glued_names: what a splice glued in)


@dataclass(frozen=True)
class TradeClaim:
    exporter: str
    importer: str
    product: str
    hs_code: str | None


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, cur = [], 0
    for m in CLAUSE_SPLIT.finditer(sentence):
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(sentence)))
    return spans


def continued_lists(sentence: str, countries: list[CountryMention]) -> str:
    """'A imports X, Y; crude materials, minerals and wax.': a part after a semicolon that is only a list of goods (no
    country, no flow word, mostly items that read as goods) continues the list before it, so its ';' reads as a comma (same length: the
    positions of the sentence's countries stay). 'A exports X to B; B sells A Y' keeps its two clauses."""
    out = sentence
    joined: list[tuple[int, int]] = []  # the parts after a ';' that continue the list
    for m in clause_bit("semicolon_part").finditer(sentence):
        end = sentence.find(";", m.end())
        part = sentence[m.start("first"):end if end >= 0 else len(sentence)].rstrip(" .")
        if not trade_gate(sentence[:m.start()]) or flow_words(part):
            continue  # the cheap tests first (speed): most parts after a ';' are no list's continuation
        goods = _goods_before_partner(part, m.start("first"), countries)
        if (any(m.start() <= c.start < m.start("first") + len(goods) for c in countries)
                or 2 * len(split_products(strip_figures(goods))) < len(clause_bit("comma_and").split(goods))):
            # ('fertilizers $177m; cotton $12m': an item's own figure is no part of its name, so it is read without)
            continue
        out = out[:m.start()] + "," + out[m.start() + 1:m.start("first")] + m.group("first").lower() + out[m.end():]
        joined.append((m.start(), m.start("first") + len(part)))
    if len(joined) >= 2:
        out = _items_of_semicolon_list(out, joined)
    return out


def _goods_before_partner(part: str, start: int, countries: list[CountryMention]) -> str:
    """The goods of a part after a ';' ('A sells X; Y, Z and W to B': 'Y, Z and W'): the part up to the flow's partner
    when the part ends in 'to B' or 'from B' (the partner of the whole list), else the whole part."""
    tail = clause_bit("partner_tail").search(part)
    if tail is None or not any(c.start == start + tail.end() and c.end >= start + len(part) for c in countries):
        return part
    return part[:tail.start()]


def _items_of_semicolon_list(sentence: str, joined: list[tuple[int, int]]) -> str:
    """'Kenya sold mainly tyres; pipes of iron, copper and zinc; paper and board; tea.': a list of three parts or more
    told by semicolons names one product a part (a customs class), so the commas and 'and's inside a part are marked
    as no separators (products.INNER_COMMA, INNER_AND). The first part runs from the list's opener (a lead word, a
    list verb, a trade verb) to the first ';'."""
    spans = [(start + 1, end) for start, end in joined]
    opener = None
    for opener in _first_item_opener().finditer(sentence, 0, joined[0][0]):
        pass
    if opener is not None:
        spans.insert(0, (opener.end(), joined[0][0]))
    out = sentence
    for start, end in spans:
        part = out[start:end]
        lead = clause_bit("part_conjunction").match(part).end()  # '; and Z': the list's own last 'and'
        body = mark_inner(part[lead:])
        body = clause_bit("owned_item_end").sub(r"\1and", body)  # 'zinc ores and their concentrates and lead'
        out = out[:start + lead] + body + out[end:]
    return out


@lru_cache(maxsize=1)
def _first_item_opener() -> re.Pattern:
    """What opens a product list: a lead word ('mainly', 'such as'), a list verb ('include'), a trade verb, a colon."""
    lex = trade_lexicon()
    lead = read_toml("trade.toml")["list_lead"]
    return re.compile("|".join([whole_words(lead), lex["intro"].pattern, lex["export"].pattern, lex["import"].pattern,
                                r"[:–—]"]), re.I)


def find_trade_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    """Trade claims of one sentence; `state` carries the pair and the claims already made in the document."""
    raw = sentence = blank_sector_heads(blank_item_changes(sentence))  # 'tea, which rose 12 percent, rice, ...'; 'goods
    # from the car and chemical sectors'
    if ";" in sentence and not FOLLOWING.search(sentence):
        sentence = continued_lists(sentence, countries)  # 'the following to B – X; Y; Z' reads its own semicolons
    countries = plural_demonyms(sentence, countries)
    countries = glued_pair_names(sentence, countries, state.pair, state.page_words)  # 'to Toimpgo': a side's name with a splice inside
    hinted, told = _told_before(sentence, countries, state, raw)
    if told is not None:
        return told
    if not hinted:
        # ('B's main exports to A were X. A's main products were Y.': a side's goods inside a trade paragraph)
        owned = owned_goods_claims(sentence, countries, state)
        return _finish(sentence, owned, countries, state) if owned else []  # no trade word (speed)
    if not (countries or (state.last_flow and (ANAPHOR_TARGET.search(sentence) or GROWTH_HEAD.match(sentence)))):
        # no country and no flow to refer back to: only the parse's roles, on the side the text tells trade from
        parsed = _parsed(sentence, countries, state) if not state.abroad else []
        return _finish(sentence, [(c.exporter, c.importer, c.product) for c in parsed], countries, state) if parsed else []
    countries = [c for c in countries if not is_historic(c.iso3)]
    labelled = _labelled(sentence, countries, state)
    if labelled is not None:
        return labelled
    claims = _clause_claims(sentence, countries, state)
    # ('sales included rubber worth $31m, dates $12m': a frame that stopped at the first item's figure)
    claims += figured_tail(sentence, claims)
    if not claims:
        claims = figure_list_claims(sentence, countries, state.pair)  # 'A's supplies to B of X by 130%, Y - 58%'
    if not claims:
        claims = owned_goods_claims(sentence, countries, state)  # 'trade in top commodities of A, which include X'
    if not claims:
        claims = figure_then_list(sentence, countries, state.pair)  # 'A's exports to B reached $2bn, mainly X'
    # 'A sold X to B and bought $3bn from it, of which 80% was Y': the share's goods, besides what else was read
    said = {str(p).lower() for _, _, p in claims}
    claims += [c for c in of_which_claims(sentence, countries, state.pair) if c[2].lower() not in said]
    driven = driven_goods(sentence)
    flows = {(e, i) for e, i, _ in claims}
    home = home_country(sentence, countries, state.pair) if driven else None
    flow = (named_flow(sentence, countries) or (next(iter(flows)) if len(flows) == 1 else None)
            or (oriented(home[1], home[0], state.pair) if home else None))
    if driven and flow and all(flow):
        # ('B imported $4 billion in farm goods from A, driven by increases in X and Y sales': X and Y along it)
        claims += [(*flow, product) for product in driven if product.lower() not in {p.lower() for _, _, p in claims}]
    claims += coordinated_ownerless(sentence, countries, state.home, state.pair)
    said = {str(p).lower() for _, _, p in claims}
    claims += [c for c in carried_claims(sentence, countries, state.pair) if c[2].lower() not in said]
    claims += exchange_claims(sentence, countries, claims, state.pair)  # 'X was traded for Y': Y the other way
    if not claims or flow_words(sentence) > 1:
        # the parse where the rules are silent, or where a sentence holds two flows (the rules may read one only, or
        # one the wrong way round); a single flow the rules read stands as read (the parse is the costly step)
        claims = with_roles(claims, _parsed(sentence, countries, state))
    return _finish(sentence, claims, countries, state)


def _told_before(sentence: str, countries: list[CountryMention], state: TradeState,
                 raw: str | None = None) -> tuple[bool, list[TradeClaim] | None]:
    """(trade word present, claims) of the readings that lean on sentences before: the answer to a question, goods
    credited along the last flow, a country-less list under the current flow. Claims None: read the sentence itself.
    Moves the state's flow window on (a trade word reopens it), in this order, because the readings depend on it."""
    label, state.label = state.label, None
    goods = bracket_goods(sentence) if label is not None and not countries else []
    if goods:
        return True, _on_flow(goods, label, state)  # the label line's goods, cut off after its figure
    answered = _answer(sentence, countries, state)
    if answered is not None:
        return True, answered
    if not countries and state.last_flow and credited_goods(sentence):
        return True, _on_flow(credited_goods(sentence), state.last_flow, state)
    hinted = trade_gate(sentence)
    state.in_paragraph = state.flow_left - 1 > 0
    state.flow_left = FLOW_WINDOW if hinted else state.flow_left - 1
    if not countries and state.flow_left > 0 and not state.abroad:
        listed = _country_less(sentence, state, raw)
        if listed is not None:
            return hinted, listed
    return hinted, None


def _labelled(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim] | None:
    """A basic-data line 'Exports to B: X, Y' (trade_labels): its goods on the label's flow, the page's other side
    filling the side the label leaves out; a label with a figure only keeps its flow for a bracket cut off after it.
    None when the sentence is no labelled line."""
    labelled = label_flow(sentence, countries)
    if labelled is None or state.pair is None:
        return None
    (exporter, importer), value = labelled
    flow = (exporter or other_side(state.pair, importer), importer or other_side(state.pair, exporter))
    goods = label_goods(value)
    if not all(flow) or flow[0] == flow[1]:
        return None
    if not goods:
        state.label = flow  # (the sentence is read as usual too: 'Exports to B: $5m' still names the flow the text is on)
        return None
    return _finish(sentence, [(*flow, g) for g in goods], countries, state)


def _clause_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[tuple[str | None, str | None, str]]:
    """The claims the frames and the verb read clause by clause; a clause with no country of its own takes its
    subject from the clause before ('A exports X to B, while it imports Y from C')."""
    claims: list[tuple[str | None, str | None, str]] = []
    previous_subject: str | None = None
    last_country: str | None = None
    for c_start, c_end in _clauses(sentence):
        inside = [c for c in countries if c_start <= c.start < c_end]
        found = _frames(sentence, c_start, c_end, inside, state)
        more, subject = verb_claims(sentence, c_start, c_end, inside, previous_subject, last_country)
        taken = {p.lower() for _, _, p in found}
        claims += found + [c for c in more if c[2].lower() not in taken]
        if subject:
            previous_subject = subject
        elif inside:
            previous_subject = inside[0].iso3
        if inside:
            last_country = inside[-1].iso3
    return claims


def _frames(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], state: TradeState) -> list:
    """The claims of every noun and verb frame of one clause (trade_frames, trade_flows, trade_lists), in this order:
    a product one frame reads first is not read again from the verb."""
    # 'C is B's largest supplier of gas' in a text about A and B: a third country's trade, no claim
    agents = [c for c in agent_noun(sentence, c_start, c_end, inside)
              if not (state.pair and c[0] and c[1]) or {c[0], c[1]} == set(state.pair)]
    return (flow_noun_claims(sentence, c_start, c_end, inside) + partner_with_claims(sentence, c_start, c_end, inside)
            + share_claims(sentence, c_start, c_end, inside) + agents
            + goods_clause(sentence, c_start, c_end, inside) + carry(sentence, c_start, c_end, inside)
            + arrival(sentence, c_start, c_end, inside) + relies(sentence, c_start, c_end, inside)
            + depends_for(sentence, c_start, c_end, inside) + demand_for(sentence, c_start, c_end, inside)
            + originating(sentence, c_start, c_end, inside)
            + pay_with(sentence, c_start, c_end, inside) + access_or_listed(sentence, c_start, c_end, inside)
            + market_for_claims(sentence, c_start, c_end, inside) + ranked_claims(sentence, c_start, c_end, inside)
            + owned_goods_agent(sentence, c_start, c_end, inside)
            + share_goods_claims(sentence, c_start, c_end, inside, state.pair)
            + (growth_of_last_flow(sentence, c_start, c_end, inside) if state.last_flow else []))


def trade_gate(sentence: str) -> bool:
    """The cheap test of a trade word (the first thing find_trade_claims asks)."""
    hint = trade_lexicon()["hint"]
    return gate(hint).open(sentence) and trade_lexicon()["hint_test"].search(sentence) is not None


def _parsed(sentence: str, countries: list[CountryMention], state: TradeState) -> list[RoleClaim]:
    home = state.home or (state.current[0] if state.current else None)
    return role_claims(unmark(sentence), countries, state.pair, home)


def _finish(sentence: str, claims: list, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    """Claims filled from the pair, checked, merged by product and HS heading; the state updated for the next one."""
    out = []
    fresh: dict[str, set] = {}  # product -> the keys it added in this sentence
    told = {(e, i) for e, i, _ in claims if e and i and e not in (LAST_FLOW, BASKET, REVERSED)}
    for exporter, importer, product in claims:
        if exporter == LAST_FLOW:
            exporter, importer = state.last_flow or (None, None)
        if exporter == BASKET:
            # 'Ghana imports X, Y' with no seller, in the paragraph on the partner's supply to Ghana (the flow the text
            # speaks of): that partner sells; elsewhere, or with a third country named ('..., and Brazil remains its
            # largest supplier'), Ghana's imports in general
            seller = other_side(state.pair, importer)
            # ('Ghana imports rice and salt, while it exports cement to Togo': the contrast clause names the partner
            # the other way, so the basket is bought from it)
            partner_told = (importer, seller) in told and CONTRAST.search(sentence) is not None
            exporter = seller if (state.current == (seller, importer) or partner_told) and all(
                c.iso3 in (state.pair or ()) for c in countries) else ""
        if exporter == REVERSED:
            # 'Kenya sold tea to Tanzania. In turn, Kenya bought maize; rice; sugar.': the other way's buyer sells
            # (only after the other way's flow: after a flow the same way the purchase may be any seller's)
            seller = other_side(state.pair, importer)
            exporter = seller if state.current == (importer, seller) and all(
                c.iso3 in (state.pair or ()) for c in countries) else ""
        product = without_unit(known_capitalised(_without_origin(unmark(product))))
        if exporter is None and importer is not None:
            exporter = other_side(state.pair, importer)
        if importer is None and exporter is not None:
            importer = other_side(state.pair, exporter)
        if not product or not exporter or not importer or exporter == importer or clause_bit("name_word").search(product) \
                or names_no_goods(product):
            continue  # a capitalised word is a name or a title, not a product (acronyms such as LPG are); a figure's phrase is none
        hs = hs_code_for(product)
        keys = {(exporter, importer, _product_key(product))} | ({(exporter, importer, hs)} if hs and len(hs) >= 4 else set())
        # the HS code merges another mention of the same goods ('rice' after 'milled rice'; 'pays with electricity,
        # so B receives power' in one sentence), but two items of one list stay two ('paddy, milled rice and cashew
        # nuts': paddy and milled rice share HS 1006)
        added_here = set().union(*fresh.values())
        if keys & (state.seen - added_here):
            continue
        if (exporter, importer, _product_key(product)) in added_here:
            continue
        same_heading = [other for other, other_keys in fresh.items() if keys & other_keys]
        if any(not listed_together(sentence, other, product) for other in same_heading):
            continue
        fresh[product] = keys - state.seen
        state.seen |= keys
        out.append(TradeClaim(exporter, importer, product, hs))
    state.last_flow = named_flow(sentence, countries) or (
        (out[-1].exporter, out[-1].importer) if out else state.last_flow)
    home = home_country(sentence, countries, state.pair)
    state.home = home[0] if home else state.home
    # ('A's exports to the Gulf region reached $2bn. Exports of X were worth $1bn.': the goods after it are not the pair's)
    state.abroad = any(elsewhere_at(sentence, m.end(), countries) for m in FLOW_WORD.finditer(sentence))
    state.current = (named_flow(sentence, countries) or ((out[-1].exporter, out[-1].importer) if out else None)
                     or (oriented(home[1], home[0], state.pair) if home else None) or state.current)
    return out


CONTRAST = re.compile(r",?\s+(?:while|whereas)\s+", re.I)


def _without_origin(product: str) -> str:
    """'Uzbek textiles' -> 'textiles': a demonym before the goods tells where they come from, not what they are."""
    if not clause_bit("capital_start").match(product):
        return product
    lead = next((c for c in find_countries(product) if c.start == 0 and c.kind == "demonym"), None)
    return product[lead.end:].lstrip() if lead is not None and product[lead.end:].strip() else product


# a class told again with another generic head: 'farm goods' after 'farm products' is the same claim
CLASS_HEAD = re.compile(r"\s+(?:goods|products|commodities|items|produce|merchandise)$")


def _product_key(product: str) -> str:
    """The key a product is known by in a document: lower case, no plural 's', one generic head for a class."""
    return re.sub(r"s$", "", CLASS_HEAD.sub(" products", without_quality(product.lower())))


def _country_less(sentence: str, state: TradeState, raw: str | None = None) -> list[TradeClaim] | None:
    """Goods listed with no country under the flow the text set just before; None when the sentence is no such list."""
    found = country_less_list(sentence, state.home, state.current, state.last_flow, state.pair, raw)
    if found is None:
        return None
    state.current = found[0]
    return _on_flow(found[1], found[0], state)


def _answer(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim] | None:
    """A question naming a flow opens it for the next few sentences; a country-less answer listing goods ('Mostly
    cement and nails.') makes claims on it. None when the sentence is neither (read as usual)."""
    flow = question_flow(sentence, countries)
    if flow is not None:
        state.asked, state.asked_left = flow, ANSWER_WINDOW
        return []
    if state.asked is None or state.asked_left <= 0:
        return None
    state.asked_left -= 1
    if countries:
        state.asked_left = 0  # a sentence naming countries closes the answer
        return None
    return _on_flow(answer_products(sentence), state.asked, state)


def _on_flow(products: list[str], flow: tuple[str, str], state: TradeState) -> list[TradeClaim]:
    """Claims of goods told with no country on a flow named before, once each."""
    out = []
    for product in map(unmark, products):
        key = (*flow, _product_key(product))
        if key in state.seen or clause_bit("name_word").search(product) or names_no_goods(product):
            continue  # a name or a title ('Mr'), or the phrase around a figure ('down from'), names no goods
        state.seen.add(key)
        out.append(TradeClaim(flow[0], flow[1], product, hs_code_for(product)))
    return out
