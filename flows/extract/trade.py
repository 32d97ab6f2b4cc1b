"""Trade claims: who sells which product to whom, one claim per product (products.py reads the list)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from flows.extract.countries import CountryMention, is_historic
from flows.extract.products import cut_list, hs_code_for, split_products
from flows.lexicon import read_toml

CLAUSE_SPLIT = re.compile(r";\s+|,\s+while\s+|\s+while\s+(?=(?:also\s+)?(?:exporting|importing|selling|buying|shipping)\b)|,\s+whereas\s+|,\s+but\s+|,\s+and\s+(?=(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|sends|purchases|receives|bought|sold|imported|exported|purchased|shipped)\b|[A-ZÀ-Þ])|,\s+(?=which\b)|,\s+so\s+|\s+and\s+(?=(?:also\s+)?(?:buys|sells|imports|exports|ships|supplies|purchases)\s+(?:it|them)\b)")


@dataclass
class TradeState:
    """What the trade reader remembers across a document's sentences: the pair and the claims already made."""

    pair: tuple[str, str] | None
    seen: set[tuple] = field(default_factory=set)


@dataclass(frozen=True)
class TradeClaim:
    exporter: str
    importer: str
    product: str
    hs_code: str | None


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("trade.toml")
    words = lambda key: r"\b(?:" + "|".join(sorted(data[key], key=len, reverse=True)) + r")\b"  # noqa: E731
    return {
        "export": re.compile(words("export_verbs"), re.I),
        "import": re.compile(words("import_verbs"), re.I),
        "flow": re.compile(words("flow_nouns") + r"\s+to\b", re.I),
        "import_flow": re.compile(words("import_nouns") + r"\s+from\b", re.I),
        "intro": re.compile("|".join(data["list_introducers"]), re.I),
        "carry": re.compile(words("carry_verbs"), re.I),
        "arrival": re.compile(r"\b(?:" + "|".join(data["arrival_verbs"]) + r")\b", re.I),
        "subject_nouns": set(data["subject_nouns"]),
        "weak": set(data["weak_verbs"]),
        "noun_like": set(data["noun_like_verbs"]),
        "adverbs": set(data["adverbs"]),
        "hint": re.compile(r"\b(?:" + "|".join(sorted(set(data["export_verbs"] + data["import_verbs"] + data["flow_nouns"]
                                                        + data["import_nouns"] + data["carry_verbs"]), key=len, reverse=True))
                           + r"|rel(?:y|ies|ied)|pa(?:y|ys|id|ying)|reached|arriv\w*|flows?|goes|exported|delivered"
                           + r"|buyers?|suppliers?|importers?|exporters?|customers?|purchasers?|sellers?|sources?)\b", re.I),
    }


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, cur = [], 0
    for m in CLAUSE_SPLIT.finditer(sentence):
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(sentence)))
    return spans


def _country_at(countries: list[CountryMention], pos: int, window: int = 0) -> CountryMention | None:
    return next((c for c in countries if pos <= c.start <= pos + window), None)


def _after(sentence: str, pos: int, countries: list[CountryMention]) -> str | None:
    """The importer named after a list: 'to Azerbaijan', 'to the Kazakh market', 'in Azerbaijan', 'into X'."""
    m = re.match(r"\s*(?:[\w\s-]{0,30}?\s)?(?:to|in|into)\s+(?:the\s+)?", sentence[pos:pos + 60])
    if not m:
        return None
    c = _country_at(countries, pos + m.end())
    return c.iso3 if c and not re.search(r"\bthrough\b|\bvia\b", sentence[pos:pos + m.end()]) else None


def find_trade_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    """Trade claims of one sentence; `state` carries the pair and the claims already made in the document."""
    lex = _lex()
    if not countries or not lex["hint"].search(sentence):
        return []  # no trade word or no country: nothing to read (speed)
    countries = [c for c in countries if not is_historic(c.iso3)]
    claims: list[tuple[str | None, str | None, str]] = []
    previous_subject: str | None = None
    last_country: str | None = None
    for c_start, c_end in _clauses(sentence):
        clause = sentence[c_start:c_end]
        inside = [c for c in countries if c_start <= c.start < c_end]
        found = (_flow_noun(sentence, c_start, c_end, inside) + _agent_noun(sentence, c_start, c_end, inside)
                 + _carry(sentence, c_start, c_end, inside)
                 + _arrival(sentence, c_start, c_end, inside) + _relies(sentence, c_start, c_end, inside)
                 + _depends_for(sentence, c_start, c_end, inside)
                 + _pay_with(sentence, c_start, c_end, inside))
        more, subject = _verb(sentence, c_start, c_end, inside, previous_subject, last_country)
        taken = {p.lower() for _, _, p in found}
        claims += found + [c for c in more if c[2].lower() not in taken]
        if subject:
            previous_subject = subject
        elif inside:
            previous_subject = inside[0].iso3
        if inside:
            last_country = inside[-1].iso3
    out = []
    for exporter, importer, product in claims:
        if exporter is None and importer is not None:
            exporter = _other(state.pair, importer)
        if importer is None and exporter is not None:
            importer = _other(state.pair, exporter)
        if not exporter or not importer or exporter == importer or re.search(r"\b[A-ZÀ-Þ][a-zà-ÿ]", product):
            continue  # a capitalised word is a name or a title, not a product (acronyms such as LPG are)
        hs = hs_code_for(product)
        keys = {(exporter, importer, product.lower())} | ({(exporter, importer, hs)} if hs and len(hs) >= 4 else set())
        if keys & state.seen:
            continue
        state.seen |= keys
        out.append(TradeClaim(exporter, importer, product, hs))
    return out


def _other(pair: tuple[str, str] | None, iso3: str) -> str | None:
    if pair and iso3 in pair:
        return pair[1] if pair[0] == iso3 else pair[0]
    return None


def _flow_noun(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Belarusian exports to Azerbaijan include ...', 'Mongolia's shipments to Japan ... consisted mostly of ...'."""
    lex = _lex()
    for m in lex["flow"].finditer(sentence, c_start, c_end):
        before = [c for c in inside if c.end <= m.start() and m.start() - c.end <= 12]
        target = _country_at(inside, m.end() + 1, 5)
        if target is None:
            continue
        if not before:
            # 'were Canada's second and third largest exports to India': an owner with ranks between
            before = [c for c in inside if c.possessive and c.end <= m.start() and RANKS.fullmatch(sentence, c.end, m.start())]
            if before and not COPULA.match(sentence, target.end, c_end) and not lex["intro"].search(sentence, target.end, c_end):
                lead = INVERTED.match(ASIDE_DASHES.sub(" ", sentence[c_start:before[-1].start]))
                listed = re.sub(r"^\s*([A-Z])(?=[a-z])", lambda x: x.group(1).lower(), lead.group("list")) if lead else ""
                return [(before[-1].iso3, target.iso3, p) for p in split_products(listed)]  # 'Copper wire' opens it
        if not before and not OWNERLESS.search(sentence[c_start:m.start()]):
            continue
        intro = COPULA.match(sentence, target.end, c_end) or lex["intro"].search(sentence, target.end, c_end)
        if not intro:
            # 'Potash and lentils — both grown in the west — were Canada's second and third largest exports to India'
            lead = INVERTED.match(ASIDE_DASHES.sub("", sentence[c_start:before[-1].start])) if before else None
            products = split_products(lead.group("list")) if lead else []
            return [(before[-1].iso3, target.iso3, p) for p in products]
        products = split_products(cut_list(sentence[intro.end():c_end]))
        return [(before[-1].iso3 if before else None, target.iso3, p) for p in products]
    for m in FLOW_FROM_TO.finditer(sentence, c_start, c_end):
        source = _country_at(inside, m.end(), 1)
        to = re.match(r"\s+to\s+(?:the\s+)?", sentence[source.end:c_end]) if source else None
        target = _country_at(inside, source.end + to.end(), 1) if to else None
        intro = (COPULA.match(sentence, target.end, c_end) or lex["intro"].search(sentence, target.end, c_end)) if target else None
        if intro:
            return [(source.iso3, target.iso3, p) for p in split_products(cut_list(sentence[intro.end():c_end]))]
    for m in FLOW_OF.finditer(sentence, c_start, c_end):
        # 'Kazakhstan's exports of wheat and flour to Uzbekistan', 'imports of gas from Russia'
        owner = [c for c in inside if c.end <= m.start() and m.start() - c.end <= 12]
        other = _country_at(inside, m.end(), 5)
        if owner and other:
            products = split_products(sentence[m.start("list"):m.end("list")])
            if m.group("dir").lower() == "to":
                return [(owner[-1].iso3, other.iso3, p) for p in products]
            return [(other.iso3, owner[-1].iso3, p) for p in products]
    for m in lex["import_flow"].finditer(sentence, c_start, c_end):
        before = [c for c in inside if c.end <= m.start() and m.start() - c.end <= 12]
        source = _country_at(inside, m.end() + 1, 5)
        intro = (COPULA.match(sentence, source.end, c_end) or lex["intro"].search(sentence, source.end, c_end)) if source else None
        if source and intro and (before or OWNERLESS.search(sentence[c_start:m.start()])):
            # 'its imports from Laos are dominated by ...': the importer is the pair's other side
            products = split_products(cut_list(sentence[intro.end():c_end]))
            return [(source.iso3, before[-1].iso3 if before else None, p) for p in products]
    return []


FLOW_OF = re.compile(r"\b(?:exports?|sales|shipments|supplies|deliveries|imports?|purchases)\s+of\s+"
                     r"(?P<list>[\w\s,-]{2,80}?)\s+(?P<dir>to|from)\s+(?:the\s+)?", re.I)
QUANTITY = re.compile(r"\s+(?:about\s+|some\s+|over\s+|nearly\s+|more\s+than\s+)?[\d.,]+\s*(?:million|billion|thousand)?\s*"
                      r"(?:tonnes|tons|barrels|cubic\s+met(?:re|er)s|units|head|lit(?:re|er)s|kilograms|kg|bcm)\s+of\s")
# 'exports from X to Y include', 'the main export items of X to Y include'
FLOW_FROM_TO = re.compile(r"\b(?:exports?|export\s+(?:items|goods|products|commodities)|supplies|shipments|deliveries|"
                          r"(?:goods|commodities|products|items)\s+(?:exported|sent|shipped|sold|brought))"
                          r"\s+(?:from|of)\s+(?:the\s+)?", re.I)
RANKS = re.compile(r"(?:[’']s)?\s+(?:(?:second|third|fourth|fifth|largest|biggest|main|top|leading|chief|and|most|important|"
                   r"valuable|single)\s+)+", re.I)
INVERTED = re.compile(r"^\s*(?:(?:in|by)\s+\d{4},?\s+)?(?P<list>[\w\s,-]{2,120}?)\s+(?:were|was|are|is)\s+(?:the\s+)?$", re.I)
ASIDE_DASHES = re.compile(r"\s*[—–]\s*[^—–]{1,80}[—–]\s*|\s*,\s+(?:both|all)\s+[^,]{1,60},\s*")
# 'exported the following to Chile – copper wire; zinc; fish meal': the list after a dash or colon, items split by
# semicolons and commas
FOLLOWING = re.compile(r"^\s*(?:the\s+)?following\b", re.I)
LIST_AFTER = re.compile(r"\s*[–—:-]\s+")
COPULA = re.compile(r"\s+(?:are|were|is|was)\s+(?!(?:\w+ly\s+)?(?:led|dominated|headed|topped)\s+by\b)")
# A flow noun with no country before it: the clause opens with it ('Exports to X ...', 'its main imports from X ...').
OWNERLESS = re.compile(r"^\s*(?:(?:its|their|our|the|main|chief|principal|key|major|top|leading|largest|biggest)\s+)*$", re.I)  # 'Russia's main exports to Turkey are ...'
AGENT = re.compile(r"\b(?P<kind>buyer|importer|purchaser|customer|supplier|exporter|seller|source)s?\s+of\s+", re.I)


def _agent_noun(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'China is the largest buyer of American soybeans'; 'Turkey is Georgia's main supplier of cement'."""
    out = []
    for m in AGENT.finditer(sentence, c_start, c_end):
        subject = [c for c in inside if c.end <= m.start() and not c.possessive]
        owner = [c for c in inside if c.end <= m.start() and c.possessive]
        if not subject:
            continue
        pos = m.end()
        dem = _country_at(inside, pos, 1)
        if dem is not None and dem.kind == "demonym":
            pos = dem.end
        products = split_products(cut_list(sentence[pos:c_end]))
        buyer = m.group("kind").lower() in ("buyer", "importer", "purchaser", "customer")
        other = dem.iso3 if dem is not None and dem.kind == "demonym" else (owner[-1].iso3 if owner else None)
        for p in products:
            out.append((other, subject[0].iso3, p) if buyer else (subject[0].iso3, other, p))
    return out


def _carry(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'built to carry Iranian natural gas to Armenia'."""
    for m in _lex()["carry"].finditer(sentence, c_start, c_end):
        dem = _country_at(inside, m.end() + 1, 1)
        if dem is None or dem.kind != "demonym":
            continue
        to = re.match(r"\s+([\w\s-]{2,40}?)\s+to\s+(?:the\s+)?", sentence[dem.end:c_end])
        if not to:
            continue
        target = _country_at(inside, dem.end + to.end())
        if target:
            return [(dem.iso3, target.iso3, p) for p in split_products(to.group(1))]
    return []


def _arrival(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Azerbaijani natural gas has reached Türkiye'."""
    for m in _lex()["arrival"].finditer(sentence, c_start, c_end):
        target = _country_at(inside, m.end() + 1, 5)
        dem = [c for c in inside if c.kind == "demonym" and c.end < m.start() and m.start() - c.end < 40]
        if target and dem:
            product = sentence[dem[-1].end:m.start()].strip()
            if 0 < len(product.split()) <= 4:
                return [(dem[-1].iso3, target.iso3, product)]
    return []


EXPORT_NOUN_HEAD = re.compile(r"\s+(?:markets?|partners?|destinations?|earnings|revenues?|duties|dut(?:y)|tariffs?|"
                             r"licen[cs]es?|bans?|quotas?|volumes?|routes?|hubs?|growth)\b", re.I)
DEPENDS_FOR = re.compile(r"\b(?:depend(?:s|ed)?|rel(?:y|ies|ied))\s+(?:\w+ly\s+)?on\s+(?:the\s+)?", re.I)


def _depends_for(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Djibouti depends on Ethiopia for fresh water and electricity': Ethiopia sells them to Djibouti."""
    out = []
    for m in DEPENDS_FOR.finditer(sentence, c_start, c_end):
        source = _country_at(inside, m.end(), 1)
        subject = [c for c in inside if c.end <= m.start() and not c.possessive]
        if source is None or source.kind == "demonym" or not subject:
            continue
        rest = re.match(r"\s+for\s+", sentence[source.end:c_end])
        if rest:
            # an aside on how it comes ('fresh water, piped from X since 2017,') is not a product
            text = re.sub(r",\s+(?:piped|imported|delivered|supplied|shipped|carried)\b[^,]*", "",
                          sentence[source.end + rest.end():c_end])
            products = split_products(cut_list(re.sub(r",?\s+and\s+for\s+", ", ", text)))
            out += [(source.iso3, subject[0].iso3, p) for p in products]
    return out


def _relies(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Armenia still relies mostly on Russian gas delivered through Georgia': Russia sells gas to Armenia."""
    m = re.search(r"\brel(?:y|ies|ied)\s+(?:\w+\s+){0,2}?on\s+", sentence[c_start:c_end])
    if not m:
        return []
    pos = c_start + m.end()
    dem = _country_at(inside, pos, 1)
    subject = [c for c in inside if c.end <= c_start + m.start()]
    if dem is None or dem.kind != "demonym" or not subject:
        return []
    product = re.match(r"\s*([\w\s-]+?)(?=\s+(?:delivered|supplied|shipped|imported|from|through|via)\b|[,.;]|$)",
                       sentence[dem.end:c_end])
    return [(dem.iso3, subject[0].iso3, p) for p in split_products(product.group(1))] if product else []


def _pay_with(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'Armenia is to pay for the gas with electricity': the payer sells what it pays with."""
    m = re.search(r"\bpa(?:y|ys|id|ying)\s+for\s+(?:the\s+)?[\w\s-]{1,30}?\s+with\s+", sentence[c_start:c_end])
    subject = [c for c in inside if c.end <= c_start + (m.start() if m else 0)]
    if not m or not subject:
        return []
    products = split_products(cut_list(sentence[c_start + m.end():c_end]))
    return [(subject[0].iso3, None, p) for p in products]


def _verb(sentence: str, c_start: int, c_end: int, inside: list[CountryMention], previous_subject: str | None,
          last_country: str | None) -> tuple[list, str | None]:
    """'A exports X to B', 'A supplies B with X', 'A sells B X', 'A buys B-ian X', 'which in turn sells B X'."""
    lex = _lex()
    found = [(m.start(), kind, m) for kind in ("export", "import")
             for m in lex[kind].finditer(sentence, c_start, c_end) if not m.group(0)[0].isupper()]
    for _, kind, m in sorted(found, key=lambda x: x[0]):
        if re.search(r"\b(?:to|the|of|for)\s+$", sentence[max(c_start, m.start() - 5):m.start()]):
            continue  # 'to export', a noun use
        if re.match(r"\s+of\b", sentence[m.end():m.end() + 4]):
            continue  # 'exports of wheat': a noun, read by the flow frames
        prev = re.search(r"([\w’'-]+)\s+$", sentence[c_start:m.start()])
        if (m.group(0).lower() in lex["noun_like"] and prev and prev.group(1)[:1].islower()
                and prev.group(1).lower() not in lex["adverbs"] | lex["subject_nouns"]):
            continue  # 'natural gas supplies now arrive': a noun
        if EXPORT_NOUN_HEAD.match(sentence, m.end()):
            continue  # 'its largest export market', 'import duties': a noun before another noun
        if m.group(0).lower() in lex["noun_like"] and any(c.kind == "demonym" and c.end == m.start() - 1 for c in inside):
            continue  # 'South African exports accounting for ...': a demonym makes it a noun
        head = sentence[c_start:m.start()]
        if re.search(r"\b(?:will|would|could|may|might|plans?\s+to|intends?\s+to|hopes?\s+to|wants?\s+to)\s+(?:\w+\s+)?$", head):
            continue  # a sale still to come is not a claim about trade
        subj = [c for c in inside if c.end <= m.start()]
        if subj:
            subject = subj[0].iso3
        elif re.match(r"^\s*which\b", head):
            subject = last_country
        elif re.match(r"^\s*(?:and\s+)?(?:it|they)\s+(?:\w+ly\s+|also\s+)?$", head):
            subject = previous_subject or last_country  # 'while it imports machinery from Japan'
        elif not head.strip() or re.match(r"^\s*(?:and\s+)?(?:also\s+)?$", head):
            subject = previous_subject
        else:
            continue
        pos = m.end()
        skip = re.match(r"\s+(?:mainly|mostly|largely|also|chiefly)\b", sentence[pos:c_end])
        pos += skip.end() if skip else 0
        iobj = None
        c = _country_at(inside, pos + 1, 1)
        pron = re.match(r"\s+(?:it|them)\b", sentence[pos:c_end])
        if c and c.kind in ("name", "capital") and not c.possessive:
            iobj, pos = c.iso3, c.end
        elif pron:
            iobj = next((x.iso3 for x in reversed(inside) if x.end <= m.start() and x.iso3 != subject), None)
            pos += pron.end()
        with_ = re.match(r"\s+(?:(?:mainly|mostly|largely|chiefly|primarily)\s+)?with\b", sentence[pos:c_end])
        pos += with_.end() if with_ else 0
        quantity = QUANTITY.match(sentence, pos, c_end)  # 'imported 10 million tonnes of Kazakh oil'
        pos = quantity.end() - 1 if quantity else pos
        modifier = _country_at(inside, pos + 1, 1)
        origin = None
        if modifier and modifier.kind == "demonym":
            origin, pos = modifier.iso3, modifier.end
        raw = cut_list(sentence[pos:c_end])
        products = split_products(raw)
        if FOLLOWING.match(raw):
            products = _following(sentence, pos + len(raw))
        if not products:
            return [], subject
        list_end = pos + len(sentence[pos:c_end]) - len(sentence[pos:c_end].lstrip()) + len(raw)
        via = re.match(r"\s*(?:through|via)\s+(?:the\s+)?(?:port\s+of\s+)?", sentence[list_end:c_end])
        if via and _country_at(inside, list_end + via.end(), 1) is not None:
            return [], subject  # 'imports its fuel through Djibouti': transit, not trade with Djibouti
        after = _after(sentence, list_end, inside)
        if m.group(0).lower() in lex["weak"] and not any(hs_code_for(p) for p in products):
            return [], subject  # 'sent a congratulatory message': not goods
        if kind == "export":
            importer = iobj or after
            return [(subject, importer, p) for p in products], subject
        exporter = origin or _from(sentence, pos + len(raw), c_end, inside) or iobj
        if exporter is None and subj and not re.match(r"\s*from\b", sentence[list_end:c_end]):
            return [], subject  # 'Ecuador imports mostly fuel': a country's imports in general, from no one named
        return [(exporter, subject, p) for p in products], subject
    return [], None


def _following(sentence: str, pos: int) -> list[str]:
    """The items after 'the following (products) to/from X –': a list that runs past semicolons to the sentence end."""
    dash = LIST_AFTER.search(sentence, pos)
    if dash is None or dash.start() - pos > 60:
        return []
    items = re.split(r";\s*", re.sub(r"\s*\([^)]*\)", "", sentence[dash.end():]))
    return [p for item in items for p in split_products(re.sub(r",\s+except\b.*$|[–—].*$", "", item).rstrip(". "))]


def _from(sentence: str, pos: int, c_end: int, inside: list[CountryMention]) -> str | None:
    m = re.match(r"\s*from\s+(?:the\s+)?", sentence[pos:c_end])
    c = _country_at(inside, pos + m.end()) if m else None
    return c.iso3 if c else None
