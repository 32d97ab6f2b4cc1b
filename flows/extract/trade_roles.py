"""Trade claims read from a sentence's ROLES in the dependency parse, whatever its wording.

The rules of trade.py read the wordings they list; three sessions of rows written from one batch's misses did not
carry to the next batch ("A's exports to B constitute mainly X", "X accounted for 56 percent of the exports to B",
"imports from B include X" with the importer left to the reader). The parse names the same roles in every wording:

- the FLOW is a word whose lemma is a trade word (`trade_roles.toml`: export, sell, ship, import, buy ...), verb or
  noun;
- its SELLER or BUYER is the verb's subject or the noun's owner (possessive, demonym, country before it), the
  other side the object of its 'to' / 'from';
- its GOODS are the verb's object, the noun's 'of' object, the list a list verb gives it ('exports consist of X',
  'imports were X'), the subject of a share verb whose object is a share of it ('X accounted for 56 percent of the
  exports'), examples hung on it ('including X'), or the noun it stands in apposition to ('copper, A's main export').

The goods slots and the list reading live in trade_goods.py. The list's stretch of text (from the parse) goes to
`split_products`, so what one item is stays the product reader's
choice ('jute and jute goods' is one product, 'iron, steel' two). A side the sentence does not name is the other side
of the document's pair, or both come from the side the text tells trade from (`home`) when it names none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flows.common.prefilter import word_start
from flows.extract import syntax
from flows.extract.countries import CountryMention, other_side
from flows.extract.product_hs import names_goods
from flows.extract.trade_verbs import elsewhere_at
from flows.extract.trade_goods import goods_heads, goods_origin, list_subject, products, roles_lexicon
from flows.extract.trade_lexicon import clause_bit, taste_forms

@dataclass(frozen=True)
class RoleClaim:
    """One product of one flow, as the parse reads it; `named` when a country of the sentence fills a role (the
    claim does not rest on the document's pair alone)."""

    exporter: str
    importer: str
    product: str
    named: bool
    direct: bool = False  # a country is the flow's own subject, owner or 'to'/'from' object (not only the goods' origin)


@lru_cache(maxsize=1)
def _stems() -> re.Pattern[str]:
    stems = {*roles_lexicon()["flow_stems"], *taste_forms()}  # (the taste words' forms are their own stems)
    return word_start(re.compile(r"\b(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")\w*", re.I))


def flow_words(sentence: str) -> int:
    """How many trade words (by stem) a sentence holds: a cheap count before any parse."""
    return len(_stems().findall(sentence))  # one C call (a generator over finditer was 2.6% of extraction)


def prefetch_trade(sentences: list[str], gate: Any) -> None:
    """Parse, in one batch, the sentences of a document the trade reader will surely ask about: past the cheap trade
    gate and with two flow words (find_trade_claims parses those whatever the rules read; a sentence with one is
    parsed on its own, later, only if the rules read nothing in it)."""
    if not syntax.available():
        return  # the rules alone parse nothing: choosing the sentences would be wasted (2.7% of extraction)
    syntax.prefetch([text for text in sentences if flow_words(text) > 1 and gate(text)])


def role_claims(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                home: str | None) -> list[RoleClaim]:
    """The claims of one sentence from its parse; [] on the rules-only backbone or when no flow has goods."""
    if not syntax.available() or not flow_words(sentence) or not (countries or home):
        return []  # no trade word the parse reads, or no country and no home side to give it: no parse (speed)
    doc = syntax.parse(sentence)
    lex = roles_lexicon()
    iso = _token_countries(doc, countries)
    out: list[RoleClaim] = []
    for token in doc:
        taste = token.pos_ == "VERB" and token.lemma_.lower() in lex["taste_verbs"]
        kind = "export" if token.lemma_.lower() in lex["export_lemmas"] else (
            "import" if token.lemma_.lower() in lex["import_lemmas"] or _demanded(token, lex) or taste else None)
        if kind is None or token.pos_ not in ("NOUN", "VERB", "PROPN") or token.i in iso or _unreal(token, lex):
            continue
        node = _flow_node(token, lex)
        if node is None:
            continue
        heads = goods_heads(node, iso, lex)
        if not heads:
            continue
        owner, to, source = _sides(node, iso, lex)
        if iso and not owner and _other_seller(node, iso, lex):
            continue  # 'the interconnection that began supplying power to B': the seller is a thing, not a country
        if not (to or source) and _elsewhere(node, countries):
            continue  # 'A exports X to Europe', 'sells it abroad': trade with the world, not with the pair
        for head in heads:
            origin = goods_origin(head, iso, lex)
            if taste and not (owner and (origin or source) and _taste_buyer(node, iso, lex)):
                continue  # a taste is a purchase only between two named sides: 'consumers love tin' is none
            exporter, importer = ((owner or source or origin, to) if kind == "export"
                                  else (source or origin, owner or to))
            named = bool(exporter or importer)
            if not named and iso:
                continue  # the sentence names countries, none in a role of this flow: not the home side's trade
            if kind == "import" and importer and not exporter and not _basket(node, lex):
                # 'Peru bought diesel': a country's purchases in general, from no one named (as the rules); but a
                # basket a list verb gives ('Kenya's imports include X') in a text about the pair is the pair's
                # trade, as its exports are
                continue
            exporter, importer = _fill(exporter, importer, kind, pair, home)
            if not exporter or not importer or exporter == importer or (pair and {exporter, importer} != set(pair)):
                continue
            items = products(doc, head, iso, lex)
            if taste and not all(names_goods(item) for item in items):
                # 'Freedonians love Ruritanian films', '... football and music': a taste for anything no HS heading
                # names is no trade (every item, not most: 'universities and food' is no purchase of food)
                continue
            for product in items:
                out.append(RoleClaim(exporter, importer, product, named, bool(owner or to or source)))
    return out + _agent_claims(doc, iso, pair, lex) + _popular_claims(doc, iso, pair, lex)


def _taste_buyer(verb: Any, iso: dict[int, str], lex: dict) -> bool:
    """Whether a taste verb's subject can be a buyer: the country or its people themselves ('the Togolese', 'Togo')
    or a trade_roles.toml taste_buyers noun ('Togolese mills'); 'Togolese fans', 'Togolese students' cannot."""
    subject = _subject(verb)
    return subject is not None and (subject.i in iso or subject.lemma_.lower() in lex["taste_buyers"])


def _popular_claims(doc: Any, iso: dict[int, str], pair: tuple[str, str] | None, lex: dict) -> list[RoleClaim]:
    """'Ruritanian tin is popular among Freedonians', 'tin from Ruritania is popular in Freedonia': goods of one side,
    by origin, told as the taste of the other (the country or people after 'among', 'with', 'in'), read as that
    side's purchases; both sides must be named."""
    out = []
    for word in doc:
        if word.pos_ != "ADJ" or word.lemma_.lower() not in lex["taste_adjectives"] or word.dep_ not in ("acomp", "amod"):
            continue
        # the goods: the subject of 'is popular', or the noun 'popular' modifies ('the popular Ruritanian tin in B')
        verb = word.head if word.dep_ == "acomp" else None
        goods = _subject(verb) if verb is not None else word.head
        if goods is None or goods.i in iso or goods.pos_ not in ("NOUN", "PROPN"):
            continue
        exporter = goods_origin(goods, iso, lex) or next(
            (_country_of(p, iso) for prep in goods.children if prep.dep_ == "prep" and prep.lower_ == "from"
             for p in prep.children if p.dep_ == "pobj"), None)
        buyers = [p for holder in (word, *([verb] if verb is not None else [])) for prep in holder.children
                  if prep.dep_ == "prep" and prep.lower_ in lex["taste_preps"] for p in prep.children if p.dep_ == "pobj"]
        importer = next((_country_of(b, iso) for b in buyers if _country_of(b, iso)), None)
        if not exporter or not importer or exporter == importer or (pair and {exporter, importer} != set(pair)):
            continue
        items = products(doc, goods, iso, lex)
        if items and all(names_goods(item) for item in items):  # every item goods, as for the taste verbs
            out += [RoleClaim(exporter, importer, product, True, True) for product in items]
    return out


def _elsewhere(node: Any, countries: list[CountryMention]) -> bool:
    """Whether a flow goes to or comes from a place that is no country: a 'to'/'from' phrase or an adverb in its
    phrase ('exports cocoa to Europe', 'sells it abroad'; trade.toml elsewhere)."""
    return any(t.dep_ in ("prep", "dative", "advmod", "npadvmod") and t.lower_ in ("to", "into", "from", "abroad", "worldwide", "overseas")
               and elsewhere_at(t.doc.text, t.idx, countries) for t in node.subtree)


def _basket(node: Any, lex: dict) -> bool:
    """Whether a flow noun is the subject of a list verb: 'A's imports include X', 'imports consist of X'."""
    subject = list_subject(node, lex) if node.pos_ == "NOUN" else None
    return subject is not None and subject.head.lemma_.lower() in lex["list_verbs"]


def _agent_claims(doc: Any, iso: dict[int, str], pair: tuple[str, str] | None, lex: dict) -> list[RoleClaim]:
    """'B is the largest buyer of A-ian X', 'B has become a destination market for A's X', 'A is B's main supplier
    of X': a noun that names a trading party. The party is its country modifier ('the Chinese market') or the
    clause's subject; the other side its possessor ('B's supplier'), the goods' origin or its 'to'/'from' object.
    Both sides must be named: 'A is a major exporter of X' is A's trade with the world."""
    out = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        kind = "import" if lemma in lex["buyer_nouns"] else "export" if lemma in lex["seller_nouns"] else None
        if kind is None or noun.pos_ != "NOUN":
            continue
        heads = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
                 for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.i not in iso]
        party = next((iso[c.i] for c in noun.children if c.dep_ in ("amod", "compound") and c.i in iso), None)
        if party is None:
            clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            # 'B has remained A's largest partner, and has been a major market for X': a coordinated verb's subject
            subject = _subject(clause) if clause is not None else None
            party = _country_of(subject, iso)
        _, to, source = _sides(noun, iso, lex)
        for head in heads:
            other = next((iso[c.i] for c in noun.children if c.dep_ == "poss" and c.i in iso), None) \
                or goods_origin(head, iso, lex) or to or source
            if not party or not other or party == other or (pair and {party, other} != set(pair)):
                continue
            exporter, importer = (other, party) if kind == "import" else (party, other)
            out += [RoleClaim(exporter, importer, product, True, True) for product in products(doc, head, iso, lex)]
    return out


def with_roles(claims: list, parsed: list[RoleClaim]) -> list:
    """The rules' claims with the parse's roles. Where the rules read nothing, the parse's claims stand. Where both
    read a product and the parse has it the other way round from countries the sentence names, the parse wins: the
    rules guess a side from word order ('imports from B include X' read B's side as the seller's home), the parse
    reads the subject, owner and 'to'/'from' objects that fix the direction."""
    if not claims:
        return [(c.exporter, c.importer, c.product) for c in parsed]
    turned = {(c.importer, c.exporter, c.product.lower()) for c in parsed if c.direct}
    claims = [(importer, exporter, product) if (exporter, importer, str(product).lower()) in turned
              else (exporter, importer, product) for exporter, importer, product in claims]
    # a flow the rules did not reach in the same sentence ('A's exports to B constitute mainly X ... imports from B
    # include Y': the rules read the second list only), from countries the sentence names
    # (a rules item with a capitalised word is dropped later as a name: 'gold etc. Purchases' says no 'gold')
    said = " ".join(str(product).lower() for _, _, product in claims if not clause_bit("name_word").search(str(product)))
    return claims + [(c.exporter, c.importer, c.product) for c in parsed if c.named and c.product.lower() not in said]


def _token_countries(doc: Any, countries: list[CountryMention]) -> dict[int, str]:
    """Token index -> iso3 of the country mention it lies in."""
    out = {}
    for token in doc:
        for mention in countries:
            if mention.start <= token.idx < mention.end:
                out[token.i] = mention.iso3
    return out


def _unreal(token: Any, lex: dict) -> bool:
    """'will export', 'plans to buy', 'to increase exports to B': a sale to come or wished for is no claim."""
    if any(child.dep_ == "aux" and child.lemma_.lower() in lex["unreal"] for child in token.children):
        return True
    if any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children):
        # 'began talks to export X', 'a deal to buy Y': an infinitive sale is an aim, unless it is what a sum was
        # spent on ('spent $2m to import cattle')
        return token.head.lemma_.lower() not in lex["spend_verbs"]
    head = token.head
    for _ in range(3):  # 'hopes to increase its exports', 'the aim of boosting sales'
        if head.lemma_.lower() in lex["unreal"] and head.pos_ in ("VERB", "AUX", "NOUN"):
            return True
        if any(c.dep_ == "aux" and c.lemma_.lower() in lex["unreal"] for c in head.children):
            return True  # 'will start selling X'
        if head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
                and head.head.lemma_.lower() not in lex["spend_verbs"]:
            return True  # 'plans to boost exports of X': the flow of an infinitive is an aim
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _flow_node(token: Any, lex: dict) -> Any | None:
    """The token that carries the flow's roles: the trade word, or the goods noun it modifies ('export items');
    None for a trade word that modifies anything else ('export market', 'import duties')."""
    if token.dep_ in ("compound", "amod") and token.pos_ != "VERB":
        if token.head.lemma_.lower() in lex["goods_nouns"]:
            return token.head
        return None
    if token.dep_ == "amod" and token.head.lemma_.lower() in lex["goods_nouns"]:
        return token.head  # 'the most imported goods of B were X': a participle before the goods noun
    return token


def _demanded(token: Any, lex: dict) -> bool:
    """'B's most demanded commodities were X': a participle of demand on a goods noun names what B buys."""
    return (token.lemma_.lower() in lex["import_modifiers"] and token.dep_ == "amod"
            and token.head.lemma_.lower() in lex["goods_nouns"])


def _sides(node: Any, iso: dict[int, str], lex: dict) -> tuple[str | None, str | None, str | None]:
    """(owner, to, from) of a flow: the verb's subject or the noun's possessor / demonym / country modifier, the
    object of its 'to'/'into' and of its 'from'."""
    owner = None
    if node.pos_ == "VERB":
        subject = _subject(node)
        agent = next((p for a in node.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        owner = _country_of(subject, iso) or _country_of(agent, iso)
    else:
        owner = next((iso[c.i] for c in node.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in iso),
                     None)
    to = source = None
    for prep in node.children:
        target = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if prep.dep_ == "dative" and prep.i in iso:
            to = to or iso[prep.i]
        if prep.dep_ not in ("prep", "dative") or target is None:
            continue
        if prep.lower_ in ("to", "into"):
            to = to or _country_of(target, iso)
        elif prep.lower_ == "from":
            source = source or _country_of(target, iso)
    if node.pos_ != "VERB" and not (to or source):
        # 'X formed a fifth of deliveries to B', 'shipments of X to B': the parser may hang the flow's partner on
        # the clause's verb or on the goods
        verb = next((a for a in node.ancestors if a.pos_ in ("VERB", "AUX")), None)
        # (on any item of the list, not only its first: 'export of X, Y and Z from A to B' hangs them on Y or Z)
        goods = [g for prep in node.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj" for g in (p, *p.conjuncts)]
        for prep in [c for holder in [*([verb] if verb is not None else []), *goods] for c in holder.children]:
            target = next((p for p in prep.children if p.dep_ == "pobj" and p.i in iso), None)
            if prep.dep_ == "prep" and target is not None and prep.lower_ in ("to", "into", "from"):
                to, source = (iso[target.i], source) if prep.lower_ != "from" else (to, iso[target.i])
    if node.pos_ == "VERB" and not (to or source):
        # the parser often hangs a long list's closing 'from B' / 'to B' on its last item: a partner at the end of
        # the verb's own phrase still belongs to the verb
        last = max((t for t in node.subtree if t.dep_ == "prep" and t.lower_ in ("from", "to", "into")),
                   key=lambda t: t.i, default=None)
        target = next((p for p in last.children if p.dep_ == "pobj" and p.i in iso), None) if last is not None else None
        if target is not None and target.right_edge.i >= node.right_edge.i - 1:
            to, source = (iso[target.i], None) if last.lower_ != "from" else (None, iso[target.i])
    return owner, to, source


def _subject(node: Any) -> Any | None:
    """A verb's subject: its own, or that of the verb it is coordinated with or completes ('A grows X and exports
    it', 'began supplying'); a relative 'which'/'that' stands for its antecedent ('B, which in turn sells A sugar')."""
    verb = node
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in ("conj", "xcomp") \
            and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


def _other_seller(node: Any, iso: dict[int, str], lex: dict) -> bool:
    """Whether a trade verb's subject is a noun that names no country ('a company', 'the pipeline', 'which' for
    one): the sale is that thing's, and the sentence's countries are only where it happens."""
    if node.pos_ != "VERB":
        return False
    subject = _subject(node)
    return (subject is not None and subject.pos_ in ("NOUN", "PROPN") and _country_of(subject, iso) is None
            and subject.lower_ not in lex["pronouns"])


def _country_of(token: Any | None, iso: dict[int, str]) -> str | None:
    """The country a role token names: itself, or the country that owns it ('A's market', 'the Chilean market')."""
    if token is None:
        return None
    if token.i in iso:
        return iso[token.i]
    return next((iso[c.i] for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in iso),
                None)


def _fill(exporter: str | None, importer: str | None, kind: str, pair: tuple[str, str] | None,
          home: str | None) -> tuple[str | None, str | None]:
    """A side the sentence leaves out is the other side of the pair; with neither named, the home side's flow."""
    if exporter and not importer:
        return exporter, other_side(pair, exporter)
    if importer and not exporter:
        return other_side(pair, importer), importer
    if not exporter and not importer and home and other_side(pair, home):
        return (home, other_side(pair, home)) if kind == "export" else (other_side(pair, home), home)
    return exporter, importer


