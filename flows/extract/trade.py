"""Trade claims: who sells which product to whom, one claim per product (products.py reads the list)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention, is_historic, other_side
from flows.extract.products import cut_list, hs_code_for, known_capitalised, split_products
from flows.extract.trade_frames import (access_or_listed, agent_noun, arrival, carry, demand_for, depends_for,
                                        originating, pay_with, relies)
from flows.extract.trade_roles import RoleClaim, flow_words, role_claims, with_roles
from flows.extract.trade_discourse import ANSWER_WINDOW, answer_products, credited_goods, plural_demonyms, question_flow
from flows.extract.trade_lists import (coordinated_ownerless, listed_together, country_less_list, distant_partner, figure_list_claims,
                                       home_country, market_for_claims, oriented)
from flows.extract.trade_flows import (ANAPHOR_TARGET, GROWTH_HEAD, LAST_FLOW, country_at, flow_noun_claims,
                                       growth_of_last_flow, named_flow, trade_lexicon)

CLAUSE_SPLIT = re.compile(r";\s+|,\s+while\s+|\s+while\s+(?=(?:also\s+)?(?:exporting|importing|selling|buying|shipping)\b)|,\s+whereas\s+|,\s+but\s+|,\s+and\s+(?=(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|sends|purchases|receives|bought|sold|imported|exported|purchased|shipped)\b|[A-ZÀ-Þ])|,\s+(?=which\b)|,\s+so\s+|\s+and\s+(?=(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases)\s+(?:it|them)\b)"
                          r"|\s+and\s+(?=[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+)?\s+(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases)\b)")
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


def _after(sentence: str, pos: int, countries: list[CountryMention]) -> str | None:
    """The importer named after a list: 'to Azerbaijan', 'to the Kazakh market', 'in Azerbaijan', 'into X'."""
    m = re.match(r"\s*(?:[\w\s-]{0,30}?\s)?(?:to|in|into)\s+(?:the\s+)?", sentence[pos:pos + 60])
    if not m:
        return None
    c = country_at(countries, pos + m.end())
    return c.iso3 if c and not re.search(r"\bthrough\b|\bvia\b", sentence[pos:pos + m.end()]) else None


def find_trade_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    """Trade claims of one sentence; `state` carries the pair and the claims already made in the document."""
    countries = plural_demonyms(sentence, countries)
    answered = _answer(sentence, countries, state)
    if answered is not None:
        return answered
    if not countries and state.last_flow and credited_goods(sentence):
        return _on_flow(credited_goods(sentence), state.last_flow, state)
    hinted = trade_gate(sentence)
    state.flow_left = FLOW_WINDOW if hinted else state.flow_left - 1
    if not countries and state.flow_left > 0:
        listed = _country_less(sentence, state)
        if listed is not None:
            return listed
    if not hinted:
        return []  # no trade word: nothing to read (speed)
    if not (countries or (state.last_flow and (ANAPHOR_TARGET.search(sentence) or GROWTH_HEAD.match(sentence)))):
        # no country and no flow to refer back to: only the parse's roles, on the side the text tells trade from
        parsed = _parsed(sentence, countries, state)
        return _finish(sentence, [(c.exporter, c.importer, c.product) for c in parsed], countries, state) if parsed else []
    countries = [c for c in countries if not is_historic(c.iso3)]
    claims: list[tuple[str | None, str | None, str]] = []
    previous_subject: str | None = None
    last_country: str | None = None
    for c_start, c_end in _clauses(sentence):
        clause = sentence[c_start:c_end]
        inside = [c for c in countries if c_start <= c.start < c_end]
        found = (flow_noun_claims(sentence, c_start, c_end, inside) + agent_noun(sentence, c_start, c_end, inside)
                 + carry(sentence, c_start, c_end, inside)
                 + arrival(sentence, c_start, c_end, inside) + relies(sentence, c_start, c_end, inside)
                 + depends_for(sentence, c_start, c_end, inside) + demand_for(sentence, c_start, c_end, inside)
                 + originating(sentence, c_start, c_end, inside)
                 + pay_with(sentence, c_start, c_end, inside) + access_or_listed(sentence, c_start, c_end, inside)
                 + market_for_claims(sentence, c_start, c_end, inside)
                 + (growth_of_last_flow(sentence, c_start, c_end, inside) if state.last_flow else []))
        more, subject = _verb(sentence, c_start, c_end, inside, previous_subject, last_country)
        taken = {p.lower() for _, _, p in found}
        claims += found + [c for c in more if c[2].lower() not in taken]
        if subject:
            previous_subject = subject
        elif inside:
            previous_subject = inside[0].iso3
        if inside:
            last_country = inside[-1].iso3
    if not claims:
        claims = figure_list_claims(sentence, countries, state.pair)  # 'A's supplies to B of X by 130%, Y - 58%'
    claims += coordinated_ownerless(sentence, countries, state.home, state.pair)
    if not claims or flow_words(sentence) > 1:
        # the parse where the rules are silent, or where a sentence holds two flows (the rules may read one only, or
        # one the wrong way round); a single flow the rules read stands as read (the parse is the costly step)
        claims = with_roles(claims, _parsed(sentence, countries, state))
    return _finish(sentence, claims, countries, state)


def trade_gate(sentence: str) -> bool:
    """The cheap test of a trade word (the first thing find_trade_claims asks)."""
    hint = trade_lexicon()["hint"]
    return gate(hint).open(sentence) and hint.search(sentence) is not None


def _parsed(sentence: str, countries: list[CountryMention], state: TradeState) -> list[RoleClaim]:
    home = state.home or (state.current[0] if state.current else None)
    return role_claims(sentence, countries, state.pair, home)


def _finish(sentence: str, claims: list, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    """Claims filled from the pair, checked, merged by product and HS heading; the state updated for the next one."""
    out = []
    fresh: dict[str, set] = {}  # product -> the keys it added in this sentence
    for exporter, importer, product in claims:
        if exporter == LAST_FLOW:
            exporter, importer = state.last_flow or (None, None)
        product = known_capitalised(product)
        if exporter is None and importer is not None:
            exporter = other_side(state.pair, importer)
        if importer is None and exporter is not None:
            importer = other_side(state.pair, exporter)
        if not exporter or not importer or exporter == importer or re.search(r"\b[A-ZÀ-Þ][a-zà-ÿ]", product):
            continue  # a capitalised word is a name or a title, not a product (acronyms such as LPG are)
        hs = hs_code_for(product)
        keys = {(exporter, importer, re.sub(r"s$", "", product.lower()))} | ({(exporter, importer, hs)} if hs and len(hs) >= 4 else set())
        # the HS code merges another mention of the same goods ('rice' after 'milled rice'; 'pays with electricity,
        # so B receives power' in one sentence), but two items of one list stay two ('paddy, milled rice and cashew
        # nuts': paddy and milled rice share HS 1006)
        added_here = set().union(*fresh.values())
        if keys & (state.seen - added_here):
            continue
        if (exporter, importer, re.sub(r"s$", "", product.lower())) in added_here:
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
    state.current = (named_flow(sentence, countries) or ((out[-1].exporter, out[-1].importer) if out else None)
                     or (oriented(home[1], home[0], state.pair) if home else None) or state.current)
    return out


def _country_less(sentence: str, state: TradeState) -> list[TradeClaim] | None:
    """Goods listed with no country under the flow the text set just before; None when the sentence is no such list."""
    found = country_less_list(sentence, state.home, state.current, state.last_flow, state.pair)
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
    for product in products:
        key = (*flow, re.sub(r"s$", "", product.lower()))
        if key in state.seen or re.search(r"\b[A-ZÀ-Þ][a-zà-ÿ]", product):
            continue
        state.seen.add(key)
        out.append(TradeClaim(flow[0], flow[1], product, hs_code_for(product)))
    return out


OBJECT_FLOW = re.compile(r"\s+(?:(?:also|mainly|mostly)\s+)?(?:exports?|imports?|shipments|supplies|deliveries)\s+of\b", re.I)
QUANTITY = re.compile(r"\s+(?:about\s+|some\s+|over\s+|nearly\s+|more\s+than\s+)?[\d.,]+\s*(?:million|billion|thousand)?\s*"
                      r"(?:tonnes|tons|barrels|cubic\s+met(?:re|er)s|units|head|lit(?:re|er)s|kilograms|kg|bcm)\s+of\s")
# 'exported the following to Chile – copper wire; zinc; fish meal': the list after a dash or colon, items split by
# semicolons and commas
FOLLOWING = re.compile(r"^\s*(?:the\s+)?following\b", re.I)
LIST_AFTER = re.compile(r"\s*[–—:-]\s+")


EXPORT_NOUN_HEAD = re.compile(r"-|\s+(?:markets?|partners?|destinations?|earnings|revenues?|duties|dut(?:y)|tariffs?|"
                             r"baskets?|trade|sectors?|potential|capacity|performance|promotion|strategy|"
                             r"licen[cs]es?|bans?|quotas?|volumes?|routes?|hubs?|growth)\b", re.I)
def _noun_use(sentence: str, c_start: int, c_end: int, match: re.Match, inside: list[CountryMention],
              lex: dict) -> bool:
    """Whether the trade word is a noun here ('exports of wheat'), which the flow frames read, not the verb frame."""
    if re.search(r"\b(?:to|the|of|for)\s+$", sentence[max(c_start, match.start() - 5):match.start()]):
        # 'to export', a noun use; but 'Ghana spent $2m to import cattle from Togo' is a purchase told by its cost
        return not lex["spend"].search(sentence[max(c_start, match.start() - 80):match.start()])
    if re.match(r"\s+of\b", sentence[match.end():match.end() + 4]) or OBJECT_FLOW.match(sentence, match.end(), c_end):
        return True  # 'exports of wheat', 'receives exports of X from Y': a noun, read by the flow frames
    prev = re.search(r"([\w’'-]+)\s+$", sentence[c_start:match.start()])
    if (match.group(0).lower() in lex["noun_like"] and prev and prev.group(1)[:1].islower()
            and prev.group(1).lower() not in lex["adverbs"] | lex["subject_nouns"]
            and not _adverb_after_subject(prev, c_start, inside)):
        return True  # 'natural gas supplies now arrive': a noun
    if EXPORT_NOUN_HEAD.match(sentence, match.end()):
        return True  # 'its largest export market', 'import duties': a noun before another noun
    if match.group(0).lower() in lex["noun_like"] and any(
            mention.kind == "demonym" and mention.end == match.start() - 1 for mention in inside):
        return True  # 'South African exports accounting for ...': a demonym makes it a noun
    return False


def _adverb_after_subject(prev: re.Match, c_start: int, inside: list[CountryMention]) -> bool:
    """'Ghana typically exports X': an -ly word right after a country named as subject is an adverb ('monthly exports'
    with no subject before it stays a noun)."""
    return prev.group(1).lower().endswith("ly") and any(
        mention.kind in ("name", "capital") and not mention.possessive and mention.end + 1 == c_start + prev.start(1)
        for mention in inside)


def _verb_subject(head: str, named: list[CountryMention], previous_subject: str | None,
                  last_country: str | None) -> tuple[bool, str | None]:
    """(found, subject) of the verb: a country before it, or 'which'/'it'/nothing pointing back to an earlier one."""
    if named:
        return True, named[0].iso3
    if re.match(r"^\s*which\b", head):
        return True, last_country
    if re.match(r"^\s*(?:and\s+)?(?:it|they)\s+(?:\w+ly\s+|also\s+)?$", head):
        return True, previous_subject or last_country  # 'while it imports machinery from Japan'
    if not head.strip() or re.match(r"^\s*(?:and\s+)?(?:also\s+)?$", head):
        return True, previous_subject
    return False, None


def _spender(sentence: str, c_start: int, match: re.Match, inside: list[CountryMention], lex: dict) -> str | None:
    """'Ghana spent $2m to import ...' / 'the sum spent by Ghana to import ...': the country that paid, else None."""
    spend = lex["spend"].search(sentence[max(c_start, match.start() - 80):match.start()])
    if not spend:
        return None
    at = max(c_start, match.start() - 80) + spend.start()
    by = re.match(r"\S+\s+by\s+(?:the\s+)?", sentence[at:match.start()])
    if by:
        agent = country_at(inside, at + by.end(), 1)
        return agent.iso3 if agent else None
    payer = [mention for mention in inside if mention.end <= at and not mention.possessive]
    return payer[-1].iso3 if payer else None


def _indirect_object(sentence: str, match: re.Match, c_end: int, inside: list[CountryMention],
                     subject: str | None) -> tuple[str | None, int]:
    """(country, position after it) of 'sells B X' or 'sells it X', so the goods are read after the buyer."""
    pos = match.end()
    skip = re.match(r"\s+(?:mainly|mostly|largely|also|chiefly)\b", sentence[pos:c_end])
    pos += skip.end() if skip else 0
    country = country_at(inside, pos + 1, 1)
    pronoun = re.match(r"\s+(?:it|them)\b", sentence[pos:c_end])
    if country and country.kind in ("name", "capital") and not country.possessive:
        return country.iso3, country.end
    if pronoun:
        indirect = next((mention.iso3 for mention in reversed(inside)
                         if mention.end <= match.start() and mention.iso3 != subject), None)
        return indirect, pos + pronoun.end()
    return None, pos


def _goods_origin(sentence: str, pos: int, c_end: int, inside: list[CountryMention]) -> tuple[str | None, int]:
    """(origin, goods start) past 'with', a quantity, a demonym: 'supplies B with 10 tonnes of Kazakh oil'."""
    with_ = re.match(r"\s+(?:(?:mainly|mostly|largely|chiefly|primarily)\s+)?with\b", sentence[pos:c_end])
    pos += with_.end() if with_ else 0
    quantity = QUANTITY.match(sentence, pos, c_end)  # 'imported 10 million tonnes of Kazakh oil'
    pos = quantity.end() - 1 if quantity else pos
    modifier = country_at(inside, pos + 1, 1)
    if modifier and modifier.kind == "demonym":
        return modifier.iso3, modifier.end
    return None, pos


def _claims(sentence: str, kind: str, match: re.Match, pos: int, c_end: int, inside: list[CountryMention],
            subject: str | None, indirect: str | None, origin: str | None, has_named_subject: bool,
            lex: dict) -> list:
    """The (exporter, importer, product) claims of the goods list at pos, or none when it is transit or not goods."""
    raw = cut_list(sentence[pos:c_end])
    products = split_products(raw)
    if FOLLOWING.match(raw):
        products = _following(sentence, pos + len(raw))
    if not products:
        return []
    list_end = pos + len(sentence[pos:c_end]) - len(sentence[pos:c_end].lstrip()) + len(raw)
    far = (distant_partner(sentence, list_end, c_end, inside, kind)
           if not (indirect or origin or _after(sentence, list_end, inside) or FROM.match(sentence, list_end, c_end))
           else None)
    if far is not None:
        # 'imported fuel, spare parts for vehicles and fruits from B': the inner 'for' cut the list early; the
        # partner after the whole list closes it
        products = split_products(sentence[pos:far[1]])
        return [(subject, far[0], p) if kind == "export" else (far[0], subject, p) for p in products]
    via = re.match(r"\s*(?:through|via)\s+(?:the\s+)?(?:port\s+of\s+)?", sentence[list_end:c_end])
    if via and country_at(inside, list_end + via.end(), 1) is not None:
        return []  # 'imports its fuel through Djibouti': transit, not trade with Djibouti
    after = _after(sentence, list_end, inside)
    if match.group(0).lower() in lex["weak"] and not any(hs_code_for(p) for p in products):
        return []  # 'sent a congratulatory message': not goods
    if kind == "export":
        importer = indirect or after
        return [(subject, importer, p) for p in products]
    exporter = origin or _from(sentence, pos + len(raw), c_end, inside, subject) or indirect
    if exporter is None and has_named_subject and not FROM.match(sentence, list_end, c_end):
        return []  # 'Ecuador imports mostly fuel': a country's imports in general, from no one named
    return [(exporter, subject, p) for p in products]


def _verb(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], previous_subject: str | None,
          last_country: str | None) -> tuple[list, str | None]:
    """'A exports X to B', 'A supplies B with X', 'A sells B X', 'A buys B-ian X', 'which in turn sells B X'."""
    lex = trade_lexicon()
    found = [(match.start(), kind, match) for kind in ("export", "import")
             for match in lex[kind].finditer(sentence, c_start, c_end) if not match.group(0)[0].isupper()]
    for _, kind, match in sorted(found, key=lambda x: x[0]):
        if _noun_use(sentence, c_start, c_end, match, inside, lex):
            continue
        head = sentence[c_start:match.start()]
        if re.search(r"\b(?:will|would|could|may|might|plans?\s+to|intends?\s+to|hopes?\s+to|wants?\s+to)\s+(?:\w+\s+)?$", head):
            continue  # a sale still to come is not a claim about trade
        named = [mention for mention in inside if mention.end <= match.start()]
        has_subject, subject = _verb_subject(head, named, previous_subject, last_country)
        spender = _spender(sentence, c_start, match, inside, lex)
        subject = spender or subject  # 'the sum spent by Ghana to import X': the payer buys, whoever else is named
        if not has_subject:
            continue
        indirect, pos = _indirect_object(sentence, match, c_end, inside, subject)
        origin, pos = _goods_origin(sentence, pos, c_end, inside)
        claims = _claims(sentence, kind, match, pos, c_end, inside, subject, indirect, origin, bool(named), lex)
        return claims, subject
    return [], None


def _following(sentence: str, pos: int) -> list[str]:
    """The items after 'the following (products) to/from X –': a list that runs past semicolons to the sentence end."""
    dash = LIST_AFTER.search(sentence, pos)
    if dash is None or dash.start() - pos > 60:
        return []
    items = re.split(r";\s*", re.sub(r"\s*\([^)]*\)", "", sentence[dash.end():]))
    return [p for item in items for p in split_products(re.sub(r",\s+except\b.*$|[–—].*$", "", item).rstrip(". "))]


# 'from neighbouring Togo'; ', among others, from that country': an aside or an epithet before the origin
FROM = re.compile(r"\s*(?:,?\s*among\s+other(?:s|\s+things)\s*,?\s*)?from\s+(?:the\s+)?(?:neighbou?ring\s+)?", re.I)
# 'from us', 'from that country': a party named by pronoun or deixis gives no country here; 'that country' is the
# last other country named before it in the sentence ('... in Togo ... Ghana imports X from that country'), 'us' the
# pair's other side of the importer (filled by find_trade_claims)


def _from(sentence: str, pos: int, c_end: int, inside: list[CountryMention], subject: str | None = None) -> str | None:
    m = FROM.match(sentence, pos, c_end)
    c = country_at(inside, m.end()) if m else None
    if c is None and m and re.match(r"(?:that|this)\s+country\b", sentence[m.end():c_end], re.I):
        before = [mention.iso3 for mention in inside if mention.end <= pos and mention.iso3 != subject]
        return before[-1] if before else None
    return c.iso3 if c else None
