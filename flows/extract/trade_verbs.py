"""Trade claims told by a trade verb: 'A exports X to B', 'A supplies B with X', 'A sells B X', 'A buys B-ian X',
'which in turn sells B X' (trade.py runs it on every clause after the noun frames)."""
from __future__ import annotations

import re

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention
from flows.extract.product_hs import mostly_goods, names_goods
from flows.extract.products import cut_list, hs_code_for, split_products
from flows.extract.trade_lexicon import clause_bit, country_at, trade_lexicon
from flows.extract.trade_lists import distant_partner
from flows.extract.trade_partner_first import partner_first
from flows.lexicon import read_toml


def elsewhere_at(sentence: str, pos: int, countries: list[CountryMention]) -> bool:
    """Whether the words at pos send goods to, or take them from, a place that is no country ('Ruritania sells wine to
    Europe', 'ships it abroad'): the seller's trade with the world, not with the pair ('to South Africa' is a country)."""
    m = trade_lexicon()["elsewhere"].match(sentence, pos)
    return m is not None and not any(pos <= c.start < m.end() for c in countries)


def _after(sentence: str, pos: int, countries: list[CountryMention]) -> str | None:
    """The importer named after a list: 'to Azerbaijan', 'to the Kazakh market', 'in Azerbaijan', 'into X'."""
    m = clause_bit("importer_after").match(sentence[pos:pos + 60])
    if not m:
        return None
    c = country_at(countries, pos + m.end())
    return c.iso3 if c and not clause_bit("transit_word").search(sentence[pos:pos + m.end()]) else None


OBJECT_FLOW = re.compile(r"\s+(?:(?:also|mainly|mostly)\s+)?(?:exports?|imports?|shipments|supplies|deliveries)\s+of\b", re.I)
QUANTITY = re.compile(r"\s+" + read_toml("trade.toml")["item_quantity"][:-1], re.I)  # through the space before the goods
# 'exported the following to Chile – copper wire; zinc; fish meal': the list after a dash or colon, items split by
# semicolons and commas
FOLLOWING = re.compile(r"^\s*(?:the\s+)?following\b", re.I)
LIST_AFTER = re.compile(r"\s*[–—:-]\s+")
# how far before a trade word a field list may open ("cooperation in sectors, including trade, energy, ..., shipping")
FIELD_REACH = 200


EXPORT_NOUN_HEAD = re.compile(r"-|\s+(?:markets?|partners?|destinations?|earnings|revenues?|duties|dut(?:y)|tariffs?|"
                             r"baskets?|trade|sectors?|potential|capacity|performance|promotion|strategy|"
                             r"licen[cs]es?|bans?|quotas?|volumes?|routes?|hubs?|growth)\b", re.I)
# a slot marker: the exporter of a basket of imports told by a present-tense verb with no seller named
BASKET = "basket"
# a slot marker: the exporter of a purchase with no seller told after a connective that turns the last flow round
# ('In turn, Kenya bought maize and rice'): the buyer of that flow sells (filled in trade.py)
REVERSED = "reversed"
HABITUAL_IMPORT = {"imports", "buys", "purchases"}
# 'Kenya imports include X': a trade word before a list verb is a noun (the flow frames and the parse read it)
BEFORE_LIST_VERB = re.compile(r"\s+(?:include[sd]?|including|consist(?:s|ed)?|compris(?:e|es|ed)|are|were)\b", re.I)


def _noun_use(sentence: str, c_start: int, c_end: int, match: re.Match, inside: list[CountryMention],
              lex: dict) -> bool:
    """Whether the trade word is a noun here ('exports of wheat'), which the flow frames read, not the verb frame."""
    if clause_bit("noun_before").search(sentence[max(c_start, match.start() - 5):match.start()]):
        # 'to export', a noun use; but 'Ghana spent $2m to import cattle from Togo' is a purchase told by its cost
        return not lex["spend"].search(sentence[max(c_start, match.start() - 80):match.start()])
    if clause_bit("of_after").match(sentence[match.end():match.end() + 4]) or OBJECT_FLOW.match(sentence, match.end(), c_end):
        return True  # 'exports of wheat', 'receives exports of X from Y': a noun, read by the flow frames
    prev = clause_bit("word_before").search(sentence[c_start:match.start()])
    if (match.group(0).lower() in lex["noun_like"] and prev and prev.group(1)[:1].islower()
            and prev.group(1).lower() not in lex["adverbs"] | lex["subject_nouns"]
            and not _adverb_after_subject(prev, c_start, inside)):
        return True  # 'natural gas supplies now arrive': a noun
    if EXPORT_NOUN_HEAD.match(sentence, match.end()) or BEFORE_LIST_VERB.match(sentence, match.end(), c_end):
        return True  # 'its largest export market', 'import duties': a noun before another noun
    if match.group(0).lower() in lex["noun_like"] and any(
            mention.kind == "demonym" and mention.end == match.start() - 1 for mention in inside):
        return True  # 'South African exports accounting for ...': a demonym makes it a noun
    if any(mention.possessive and clause_bit("possessive_gap").fullmatch(sentence[mention.end:match.start()]) for mention in inside):
        return True  # "Kenya's export volume", "Tanzania's export hub and ...": a possessive owner makes it a noun
    field = lex["fields"].search(sentence, max(c_start, match.start() - FIELD_REACH), match.start())
    if field and not clause_bit("clause_stop").search(sentence[field.end():match.start()]) and not any(
            field.end() <= mention.start < match.start() for mention in inside):
        return True  # 'pacts in the fields of health, merchant shipping and tourism': a field of cooperation
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
    if clause_bit("which_head").match(head):
        return True, last_country
    if clause_bit("pronoun_head").match(head):
        return True, previous_subject or last_country  # 'while it imports machinery from Japan'
    if not head.strip() or clause_bit("coordinated_head").match(head):
        # 'A sells X to B and in turn buys Y': the coordinated verb's subject is the first one's
        return True, previous_subject
    return False, None


def _own_clause(sentence: str, c_start: int, verb_start: int,
                       named: list[CountryMention]) -> list[CountryMention]:
    """'Trade favours Ruritania because Freedonia buys tea from it': the countries the verb's own clause names, after
    the last subordinator before the verb, when it names one (else all named before the verb, as before)."""
    if len(named) < 2:
        return named
    subordinators = list(clause_bit("subordinator").finditer(sentence, c_start, verb_start))
    if not subordinators:
        return named
    own = [mention for mention in named if mention.start >= subordinators[-1].end()]
    return own or named


def _spender(sentence: str, c_start: int, match: re.Match, inside: list[CountryMention], lex: dict) -> str | None:
    """'Ghana spent $2m to import ...' / 'the sum spent by Ghana to import ...': the country that paid, else None."""
    spend = lex["spend"].search(sentence[max(c_start, match.start() - 80):match.start()])
    if not spend:
        return None
    at = max(c_start, match.start() - 80) + spend.start()
    by = clause_bit("spent_by").match(sentence[at:match.start()])
    if by:
        agent = country_at(inside, at + by.end(), 1)
        return agent.iso3 if agent else None
    payer = [mention for mention in inside if mention.end <= at and not mention.possessive]
    return payer[-1].iso3 if payer else None


def _indirect_object(sentence: str, match: re.Match, c_end: int, inside: list[CountryMention],
                     subject: str | None) -> tuple[str | None, int]:
    """(country, position after it) of 'sells B X' or 'sells it X', so the goods are read after the buyer."""
    pos = match.end()
    time = trade_lexicon()["verb_time"].match(sentence, pos, c_end)  # 'shipped for the first time X to B'
    pos = time.end() if time else pos
    skip = clause_bit("verb_adverb").match(sentence[pos:c_end])
    pos += skip.end() if skip else 0
    country = country_at(inside, pos + 1, 1)
    pronoun = clause_bit("object_pronoun").match(sentence[pos:c_end])
    if country and country.kind in ("name", "capital") and not country.possessive:
        return country.iso3, country.end
    if pronoun:
        indirect = next((mention.iso3 for mention in reversed(inside)
                         if mention.end <= match.start() and mention.iso3 != subject), None)
        return indirect, pos + pronoun.end()
    return None, pos


def _goods_origin(sentence: str, pos: int, c_end: int, inside: list[CountryMention]) -> tuple[str | None, int]:
    """(origin, goods start) past 'with', a quantity, a demonym: 'supplies B with 10 tonnes of Kazakh oil'."""
    with_ = clause_bit("supplies_with").match(sentence[pos:c_end])
    pos += with_.end() if with_ else 0
    quantity = QUANTITY.match(sentence, pos, c_end)  # 'imported 10 million tonnes of Kazakh oil'
    pos = quantity.end() - 1 if quantity else pos
    modifier = country_at(inside, pos + 1, 1)
    if modifier and modifier.kind == "demonym":
        return modifier.iso3, modifier.end
    return None, pos


def _claims(sentence: str, kind: str, match: re.Match, pos: int, c_end: int, inside: list[CountryMention],
            subject: str | None, indirect: str | None, origin: str | None, has_named_subject: bool,
            lex: dict, c_start: int = 0) -> list:
    """The (exporter, importer, product) claims of the goods list at pos, or none when it is transit or not goods."""
    raw = cut_list(sentence[pos:c_end])
    list_end = pos + len(sentence[pos:c_end]) - len(sentence[pos:c_end].lstrip()) + len(raw)
    if elsewhere_at(sentence, pos, inside) or elsewhere_at(sentence, list_end, inside):
        return []  # 'Ghana sells cocoa to Europe', 'exports it worldwide': trade with the world, not with the pair
    products = split_products(raw)
    if FOLLOWING.match(raw):
        products = _following(sentence, pos + len(raw))
    examples_read = not products
    if not products:
        # 'exports various goods to B, such as X', 'buys many goods from A, including X'
        products = _examples_after(sentence, list_end, c_end, inside, kind)
    if not products:
        return []
    far = (distant_partner(sentence, list_end, c_end, inside, kind)
           if not (indirect or origin or _after(sentence, list_end, inside) or FROM.match(sentence, list_end, c_end))
           else None)
    if far is not None:
        # 'imported fuel, spare parts for vehicles and fruits from B': the inner 'for' cut the list early; the
        # partner after the whole list closes it
        products = split_products(sentence[pos:far[1]])
        return [(subject, far[0], p) if kind == "export" else (far[0], subject, p) for p in products]
    via = clause_bit("transit_after").match(sentence[list_end:c_end])
    if via and country_at(inside, list_end + via.end(), 1) is not None:
        return []  # 'imports its fuel through Djibouti': transit, not trade with Djibouti
    after = _after(sentence, list_end, inside)
    if match.group(0).lower() in lex["weak"] and not any(_ends_in_goods(p) for p in products):
        return []  # 'sent a congratulatory message', 'received certain assessments': not goods (names_goods, not the
        # HS table's loose match, which finds a heading for almost any noun; trade37). Not word by word: 'new',
        # 'other', 'silver' open HS headings, so 'a new impetus', 'a silver trophy' would pass (mend37b)
    if match.group(0).lower() in lex["weak"] and lex["aid_items"].search(raw):
        return []  # 'provided arms, money and medicine': help given, not a sale
    if kind == "export":
        importer = indirect or after
        # ('ships fish to B, mostly tilapia': the examples after the partner too, unless they were the list itself)
        return [(subject, importer, p) for p in _with_examples(products, examples_read, sentence, list_end, c_end,
                                                                inside, "export")]
    exporter = origin or _from(sentence, pos + len(raw), c_end, inside, subject) or indirect or _fronted_source(
        sentence, c_start, match.start(), inside, subject)
    if exporter is None and has_named_subject and not FROM.match(sentence, list_end, c_end):
        if lex["reverse"].search(sentence[c_start:match.start()]) or (
                c_start == 0 and lex["reverse_weak"].match(sentence, 0, match.start())
                and not sentence[list_end:].strip(" .")):
            return [(REVERSED, subject, p) for p in products]
        if match.group(0).lower() in HABITUAL_IMPORT and len(products) > 1:
            # 'Ghana imports food, live animals and tobacco' in a text about the pair: a basket, like 'Ghana's
            # imports include X'; the pair's other side sells unless the sentence names a third country (filled in
            # trade.py)
            return [(BASKET, subject, p) for p in products]
        return []  # 'Ecuador imports mostly fuel', 'Peru bought diesel': a country's imports in general, from no one named
    # ('buys cement from A, in addition to cars and salt': the goods after the partner too, unless they were the list)
    return [(exporter, subject, p) for p in _with_examples(products, examples_read, sentence, list_end, c_end,
                                                             inside, kind)]


def _with_examples(products: list[str], examples_read: bool, sentence: str, list_end: int, c_end: int,
                   inside: list[CountryMention], kind: str) -> list[str]:
    """The products, then the goods named after the partner that the list did not already hold ('ships fish to B,
    mostly tilapia'; 'buys cement from A, in addition to cars'), unless the examples were the list itself."""
    if examples_read:
        return products
    return products + [p for p in _examples_after(sentence, list_end, c_end, inside, kind) if p not in products]


# a sale still to come: 'will sell', 'hopes to buy'; 'ready to supply' (an adjective of intent and its infinitive)
FUTURE_HEAD = clause_bit("future_head")
INTENT_HEAD = clause_bit("intent_head")
# 'provided (that) it meets the terms': the conjunction of a condition (an anchored match: fails at once on other verbs)
CONDITIONAL_PROVIDED = clause_bit("conditional_provided")


def verb_claims(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], previous_subject: str | None,
          last_country: str | None) -> tuple[list, str | None]:
    """'A exports X to B', 'A supplies B with X', 'A sells B X', 'A buys B-ian X', 'which in turn sells B X'."""
    lex = trade_lexicon()
    # each verb alternation only where one of its words is (prefilter.gate, same matches; speed)
    found = [(match.start(), kind, match) for kind in ("export", "import") if gate(lex[kind]).open(sentence)
             for match in lex[kind].finditer(sentence, c_start, c_end) if not match.group(0)[0].isupper()]
    for _, kind, match in sorted(found, key=lambda x: x[0]):
        if _noun_use(sentence, c_start, c_end, match, inside, lex):
            continue
        head = sentence[c_start:match.start()]
        if FUTURE_HEAD.search(head) or (" to " in head and INTENT_HEAD.search(head)):
            continue  # a sale still to come ('will sell', 'ready to sell') is not a claim about trade
        if CONDITIONAL_PROVIDED.match(sentence, match.start()):
            continue  # 'provided it meets the terms': a condition, no supply
        if lex["stopped"].search(head):
            continue  # 'had restrained it from importing oil': a sale stopped
        fronted = _fronted_source(sentence, c_start, match.start(), inside, None)
        # ('From A, B buys X': the fronted seller is no subject)
        named = [mention for mention in inside if mention.end <= match.start() and not (fronted and mention.iso3 == fronted
                 and mention.start < c_start + 30 and FRONTED_FROM.match(sentence, c_start, mention.start))]
        has_subject, subject = _verb_subject(head, _own_clause(sentence, c_start, match.start(), named),
                                             previous_subject, last_country)
        spender = _spender(sentence, c_start, match, inside, lex)
        subject = spender or subject  # 'the sum spent by Ghana to import X': the payer buys, whoever else is named
        if not has_subject:
            continue
        indirect, pos = _indirect_object(sentence, match, c_end, inside, subject)
        first = partner_first(sentence, kind, pos, c_end, inside, subject) if indirect is None else None
        if first is not None:
            # 'B ships to A X, Y', 'A imports from B X, Y': the partner before the goods
            partner, goods = first
            return [(subject, partner, g) if kind == "export" else (partner, subject, g) for g in goods], subject
        origin, pos = _goods_origin(sentence, pos, c_end, inside)
        claims = _claims(sentence, kind, match, pos, c_end, inside, subject, indirect, origin, bool(named), lex, c_start)
        return claims, subject
    return [], None


# 'ships fish to B, mostly tilapia and mackerel', 'buys many goods from A, including X': the partner before the examples
PARTNER_BEFORE = {"export": re.compile(r"\s*(?:to|into)\s+(?:the\s+)?"), "import": re.compile(r"\s*from\s+(?:the\s+)?")}


def _examples_after(sentence: str, list_end: int, c_end: int, inside: list[CountryMention], kind: str = "export") -> list[str]:
    """The goods an example phrase lists right after the flow's partner ('to B, mainly X and Y', 'from A, including
    X'); [] when none."""
    partner = PARTNER_BEFORE[kind].match(sentence, list_end, c_end)
    mention = country_at(inside, partner.end(), 1) if partner else None
    if mention is None:
        return []
    examples = trade_lexicon()["examples"].match(sentence, mention.end, c_end)
    more = trade_lexicon()["more_goods"].match(sentence, mention.end, c_end) if examples is None else None
    found = examples or more
    if found is None or any(c.start >= found.end() for c in inside):
        return []  # ('sells tea to B, as well as rice to C': the goods after it go to another partner)
    items = split_products(cut_list(sentence[found.end():c_end]))
    # 'in addition to' and its like go on with goods only ('together with its partners in the Pacific Alliance': no)
    return items if examples is not None or mostly_goods(items, names_goods) else []


FRONTED_FROM = re.compile(r"\W*(?:and\s+)?from\s+(?:the\s+)?(?:neighbou?ring\s+)?", re.I)


def _fronted_source(sentence: str, c_start: int, verb_start: int, inside: list[CountryMention],
                    subject: str | None) -> str | None:
    """'From A, B mostly buys X': the seller fronted before the buyer and its verb; None when the clause opens otherwise."""
    m = FRONTED_FROM.match(sentence, c_start, verb_start)
    source = country_at(inside, m.end(), 1) if m else None
    return source.iso3 if source is not None and source.iso3 != subject and clause_bit("comma_after").match(sentence[source.end:]) else None


def _following(sentence: str, pos: int) -> list[str]:
    """The items after 'the following (products) to/from X –': a list that runs past semicolons to the sentence end."""
    dash = LIST_AFTER.search(sentence, pos)
    if dash is None or dash.start() - pos > 60:
        return []
    items = clause_bit("semicolon").split(clause_bit("bracketed").sub("", sentence[dash.end():]))
    return [p for item in items for p in split_products(clause_bit("list_exception").sub("", item).rstrip(". "))]


# 'from neighbouring Togo'; ', among others, from that country': an aside or an epithet before the origin
FROM = re.compile(r"\s*(?:,?\s*among\s+other(?:s|\s+things)\s*,?\s*)?from\s+(?:the\s+)?(?:neighbou?ring\s+)?", re.I)
# 'from us', 'from that country': a party named by pronoun or deixis gives no country here; 'that country' is the
# last other country named before it in the sentence ('... in Togo ... Ghana imports X from that country'), 'us' the
# pair's other side of the importer (filled by find_trade_claims)


def _from(sentence: str, pos: int, c_end: int, inside: list[CountryMention], subject: str | None = None) -> str | None:
    m = FROM.match(sentence, pos, c_end)
    c = country_at(inside, m.end()) if m else None
    if c is None and m and clause_bit("deictic_country").match(sentence[m.end():c_end]):
        before = [mention.iso3 for mention in inside if mention.end <= pos and mention.iso3 != subject]
        return before[-1] if before else None
    return c.iso3 if c else None


def _ends_in_goods(item: str) -> bool:
    """Whether the item, or a run of its last words, names goods: a modifier the synonym table does not hold
    keeps the goods after it ('frozen fish fillets': fish fillets), while an opening word alone never counts
    ('a new impetus': neither 'new impetus' nor 'impetus')."""
    words = item.split()
    return any(names_goods(" ".join(words[i:])) for i in range(len(words)))
