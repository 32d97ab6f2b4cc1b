"""The goods of a trade flow in the dependency parse: which tokens head its lists (the object, the list a list verb
gives it, the subject of a share verb, examples, appositions) and the products of each list, whose stretch of text the
parse gives and whose items the product reader splits (`split_products`). The roles (who sells to whom) are read in
trade_roles.py."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from flows.extract.product_chapters import is_tariff_qualifier
from flows.extract.product_hs import names_goods
from flows.extract.products import is_joint_pair, is_listed_product, names_hs_heading, split_products
from flows.extract.syntax import entity_type
from flows.lexicon import read_toml

# a list stretch never runs past these: a dash aside, brackets, a quote or a clause break
STOP_TEXT = {"(", ")", "—", "–", "--", ";", ":", '"', "“", "”"}
ITEM_LEAD = re.compile(r"^(?:(?:items|goods|products|commodities|articles)\s+)?(?:namely|such\s+as|including|like|"
                       r"mainly|mostly|largely|chiefly|primarily|principally|notably)\s+", re.I)


@lru_cache(maxsize=1)
def roles_lexicon() -> dict[str, set[str]]:
    return {key: set(values) for key, values in read_toml("trade_roles.toml").items()}


def goods_origin(head: Any, iso: dict[int, str], lex: dict) -> str | None:
    """The country the goods come from: their demonym or owner ('Ghanaian cocoa', 'A's gold') or the agent of a flow
    verb hung on them ('45% of wheat shipped by A')."""
    for holder in (head, *[a for a in head.ancestors if a.lemma_.lower() in lex["share_nouns"]][:1]):
        for child in holder.children:
            if child.i in iso and child.dep_ in ("amod", "compound", "poss") and holder is head:
                return iso[child.i]
            if child.dep_ == "acl" and child.lemma_.lower() in lex["export_lemmas"]:
                agent = next((p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
                             None)
                if agent is not None and agent.i in iso:
                    return iso[agent.i]
    return None


def _conjuncts(head: Any) -> list[Any]:
    """The head and the items coordinated with it, in order ('X, Y and Z')."""
    items, todo = [], [head]
    while todo:
        item = todo.pop()
        items.append(item)
        todo += [child for child in item.children if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "ADJ")
                 or child.dep_ == "appos" and child.pos_ == "NOUN" and _bare(child) or _misread_noun(item, child)]

    return sorted(items, key=lambda item: item.i)


def _bare(token: Any) -> bool:
    """A noun with no determiner or owner: an item of a list the parse hung in apposition ('X, Y, Z'), not an aside
    that names the item again ('copper, the country's main export')."""
    return not any(child.dep_ in ("det", "poss") for child in token.children)


def _misread_noun(item: Any, child: Any) -> bool:
    """'bought fish and salt worth $3m': the small tagger may read a goods noun that is also a verb ('salt', 'ship',
    'oil') as a verb coordinated with the noun before it; a conjunct verb of a noun item with no subject, object or
    other clause word of its own is that noun (before, the list stopped at it and gave 'fish and')."""
    return (child.dep_ == "conj" and child.pos_ == "VERB" and item.pos_ in ("NOUN", "PROPN")
            and all(c.dep_ in ("cc", "conj", "punct", "compound", "amod") for c in child.children))


def goods_heads(node: Any, iso: dict[int, str], lex: dict) -> list[Any]:
    """The first items of the goods lists that the parse gives this flow (see the module text for the slots); an
    apposition names goods only when the flow has a country owner ('copper, A's main export')."""
    heads: list[Any] = []
    children = list(node.children)
    if node.pos_ in ("VERB",):
        heads += [c for c in children if c.dep_ in ("dobj", "nsubjpass") and (c.pos_ in ("NOUN", "PROPN")
                                                                           or c.lemma_.lower() in lex["share_nouns"])]
        # 'We import automotive, electronics and machinery': a list whose first item the tagger reads as an adjective
        # complement of the verb, though nouns follow it as its conjuncts, is the verb's object list (a trade verb
        # takes no adjective complement; 'imports are high' has no noun after it)
        heads += [c for c in children if c.dep_ == "acomp" and c.pos_ == "ADJ"
                  and any(k.dep_ == "conj" and k.pos_ == "NOUN" for k in c.children)]
        # 'exports to B cement, soap and maize': the parse hangs the goods on 'to', with B as their modifier (and on
        # 'from' the same way: 'A imported from B cement and soap')
        heads += [pobj for prep in children if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "into", "from")
                  for pobj in prep.children if pobj.dep_ == "pobj" and pobj.i not in iso
                  and any(c.i in iso and c.dep_ in ("nmod", "compound") and c.i == pobj.left_edge.i for c in pobj.children)]
    else:
        heads += [pobj for prep in children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")
                  and not pobj.like_num]
        # 'A-ian exports in textiles and leather were higher': goods after 'in' on a flow noun that is its clause's
        # subject, when the first item names goods ('exports in 2020', 'exports in the region' do not) and no item is
        # a packing, carrier or payment ('exports in sacks and cartons fell', 'shipments in trucks doubled')
        heads += [pobj for prep in children if prep.dep_ == "prep" and prep.lower_ == "in"
                  and node.lemma_.lower() in lex["goods_in_flows"] and node.dep_ in ("nsubj", "nsubjpass")
                  for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and not pobj.like_num
                  and (is_listed_product(pobj.text) or names_hs_heading(pobj.lemma_))
                  and not any(w.lemma_.lower() in lex["not_goods_in"] for w in (pobj, *pobj.conjuncts))]
        heads += _list_verb_objects(node, lex)
        heads += _share_subjects(node, lex)
        # 'exports from A to B, chiefly X and Y, rose': a bare list in apposition to the flow (or to its partner,
        # where the parser hangs it)
        partners = [p for prep in children if prep.dep_ == "prep" and prep.lower_ in ("to", "from", "into")
                    for p in prep.children if p.dep_ == "pobj"]
        heads += [c for holder in [node, *partners] for c in holder.children
                  if c.dep_ == "appos" and c.pos_ == "NOUN" and _bare(c) and c.i not in iso]
        # 'B-ian rice sales to A': goods named as a modifier of a flow noun with a partner, when the product table
        # knows them ('farm sales', 'raw material export' name a class)
        # ('grape and lemon imports from B': the parser makes the first of two modifiers an nmod)
        heads += [c for c in children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.i not in iso and partners
                  and (is_listed_product(c.text) or names_hs_heading(c.lemma_))]
        heads += _absolute_items(node, lex)
        if node.dep_ == "appos" and node.head.pos_ in ("NOUN", "PROPN") and any(
                c.i in iso and c.dep_ in ("poss", "amod") for c in node.children):
            heads.append(node.head)  # 'copper, A's main export, ...'
    heads += [obj for child in node.subtree if child.lower_ in lex["example_words"] and child.head.i == node.i
              or (child.lower_ in lex["example_words"] and child.head.head.i == node.i and child.head.dep_ == "appos")
              for obj in child.children if obj.dep_ in ("pobj", "dobj") and obj.pos_ in ("NOUN", "PROPN")]
    return list({head.i: head for head in heads if head.pos_ != "PRON" and head.lower_ not in lex["pronouns"]}.values())


def _absolute_items(node: Any, lex: dict) -> list[Any]:
    """'A's exports to B reached $2bn, with the largest items being X, Y and Z': a 'with' clause on the flow's own
    verb whose subject is a goods noun lists the flow's goods."""
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [obj for prep in node.head.children if prep.dep_ == "prep" and prep.lower_ == "with"
            for clause in prep.children if clause.dep_ == "pcomp" and clause.lemma_.lower() == "be"
            and any(s.dep_ == "nsubj" and s.lemma_.lower() in lex["goods_nouns"] for s in clause.children)
            for obj in clause.children if obj.dep_ in ("attr", "dobj") and obj.pos_ in ("NOUN", "PROPN")]


def list_subject(node: Any, lex: dict) -> Any | None:
    """The subject of a list verb that stands for a flow noun: the noun itself ('A's imports include X'), or the share
    or the goods noun it is 'of' ('60 percent of the imports were X', 'the main items of A's exports include X');
    None when the flow is no such subject."""
    subject = node
    if node.dep_ == "pobj" and node.head.lower_ == "of" and (
            node.head.head.lemma_.lower() in lex["share_nouns"] | lex["goods_nouns"]):
        subject = node.head.head
    return subject if subject.dep_ in ("nsubj", "nsubjpass") else None


def _list_verb_objects(node: Any, lex: dict) -> list[Any]:
    """'A's exports to B consist (mainly) of X', 'imports from B include X', '60 percent of the imports were X', and
    a coordinated verb with no subject of its own ('exports fell ..., and comprised of X')."""
    subject = list_subject(node, lex)
    if subject is None:
        return []
    verbs = [subject.head] + [c for c in subject.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                              and not any(s.dep_.startswith("nsubj") for s in c.children)]
    out = []
    for verb in verbs:
        by_only = verb.lemma_.lower() in lex["by_list_verbs"]
        if verb.lemma_.lower() in lex["to_list_verbs"] and subject.dep_ == "nsubjpass":
            out += _to_objects(verb)  # 'exports have been confined to X and Y'
            continue
        if verb.lemma_.lower() not in lex["list_verbs"] and not by_only:
            continue
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd") and child.pos_ in ("NOUN", "PROPN") and not by_only:
                out.append(child)
            if child.dep_ == "acomp" and not by_only and is_listed_product(child.text):
                out.append(child)  # 'A's top export to B is gold': the tagger may read a bare material as an adjective
            if child.dep_ in ("prep", "agent") and child.lower_ == ("by" if by_only else "of"):  # 'consist of', 'led by'
                out += [p for p in child.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if child.lemma_.lower() == "follow":  # 'dominated by X, followed by Y and Z'
                out += [p for agent in child.children if agent.dep_ == "agent"
                        for p in agent.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if child.dep_ == "prt":  # 'made up of'
                out += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for p in prep.children if p.dep_ == "pobj"]
    return out


def _to_objects(verb: Any) -> list[Any]:
    """The goods after 'to' of a passive verb that keeps a flow to them ('confined to X'); none when no item names
    goods ('limited to a few firms', 'restricted to the member states'; a figure is no noun)."""
    objects = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to"
               for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return []
    items = [objects[0], *objects[0].conjuncts]
    return objects if any(names_goods(t.doc[t.left_edge.i:t.i + 1].text) for t in items) else []


def _share_subjects(node: Any, lex: dict) -> list[Any]:
    """'X accounted for 56 percent of the exports to B', 'X represents 79 percent of A's exports', '..., followed by
    Y at 9 percent': the goods are the subject of the share verb (and the agent of 'followed by')."""
    up = node
    if up.dep_ == "pobj" and up.head.lower_ == "of" and up.head.head.lemma_.lower() in lex["share_nouns"]:
        up = up.head.head
    if up.lemma_.lower() not in lex["share_nouns"] and up is node:
        return []
    verb = up.head.head if up.dep_ == "pobj" and up.head.dep_ == "prep" else up.head
    if up.dep_ not in ("pobj", "dobj", "attr") or verb.lemma_.lower() not in lex["share_verbs"]:
        return []
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    for holder in (verb, up):
        out += [p for follow in holder.children if follow.lemma_.lower() == "follow"
                for agent in follow.children if agent.dep_ == "agent"
                for p in agent.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
    return out


def products(doc: Any, head: Any, iso: dict[int, str], lex: dict) -> list[str]:
    """The products of the list that starts at head: its stretch of text (the parse) split by the product reader."""
    if head.lemma_.lower() in lex["share_nouns"]:
        # 'bought 45% of wheat': the goods are what the share is of
        head = next((p for prep in head.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"), head)
    if head.lemma_.lower() in lex["goods_nouns"]:
        # 'shipped items namely X, Y': the examples in apposition are the goods
        head = next((c for c in head.children if c.dep_ == "appos"), head)
    items = _conjuncts(head)
    items += _broken_tail(doc, head, items, iso)
    # ('vinyl chloride in primary forms, glass': the parser hangs the items after a tariff qualifier on its noun)
    # (or on the noun after 'of': 'polymers of styrene in primary forms, glass')
    holders = items + [p for item in items for of in item.children if of.dep_ == "prep" and of.lower_ == "of"
                       for p in of.children if p.dep_ == "pobj"]
    items = sorted(items + [more for item in holders for prep in item.children if prep.dep_ == "prep" and _qualifies(prep)
                            for pobj in prep.children if pobj.dep_ == "pobj"
                            for conj in pobj.children if conj.dep_ == "conj" for more in _conjuncts(conj)],
                   key=lambda item: item.i)
    chain = {item.i for item in items}
    start = min(t.i for t in items[0].subtree if t.i <= items[0].i)
    while start < head.i and (doc[start].i in iso or doc[start].dep_ in ("det", "poss", "case", "nummod", "advmod",
                                                                          "predet", "quantmod", "punct", "cc", "prep")):
        start += 1
    last = max(max(item.right_edge.i for item in items), items[-1].i)
    end, depth = head.i, 0
    for token in doc[head.i:last + 1]:
        depth += (token.text == "(") - (token.text == ")")
        if depth or token.text == ")":
            continue  # 'cardamom (large), wheat': an aside in brackets, skipped
        # ('machinery such as X, Y': the examples go on the list, split_products reads them; trade37)
        if not _such_as(doc, token) and (token.text in STOP_TEXT or token.tag_ in ("WDT", "WP", "WP$") or token.lower_ in lex["not_items"] | lex["list_stops"] or token.pos_ in ("VERB", "AUX") \
                and token.dep_ not in ("amod", "compound") and token.i not in chain or (token.dep_ == "prep" and token.lower_ != "of"
                                                               and token.head.i in chain and not _qualifies(token)) \
                or token.dep_ in ("relcl", "acl", "advcl") and token.i not in chain):
            break
        end = token.i
    kept, depth = [], 0
    for t in doc[start:end + 1]:
        depth += (t.text == "(") - (t.text == ")")
        if not depth and t.text != ")" and t.i not in iso and not _hangs_off(t, chain, lex):
            kept.append(_word(doc, t, iso, start) + t.whitespace_)
    text = ITEM_LEAD.sub("", "".join(kept).strip(" ,"))
    if head.dep_ in ("compound", "nmod") and is_joint_pair(text):
        return [text]  # 'fruit and vegetable exports to B': the pair's shared head is the flow noun, one product
    flow_words = lex["export_lemmas"] | lex["import_lemmas"]
    return [p for p in split_products(text) if p.lower().split()[-1] not in lex["not_items"] | lex["not_goods_heads"]
            and p[:1].isalpha() and not any(w.rstrip("s") in flow_words for w in p.lower().split())]


def _such_as(doc: Any, token: Any) -> bool:
    """Whether the token is part of 'such as' right after an item ('dominated by machinery such as X'), which opens
    the item's examples: not a stop of the list, unlike a bare 'as' ('exported X as B makes steel'). (A relative
    pronoun after the examples ends the list: ', which account for 90%'.)"""
    if token.lower_ == "such":
        return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "as"
    return token.lower_ == "as" and token.i > 0 and doc[token.i - 1].lower_ == "such"


def _broken_tail(doc: Any, head: Any, items: list[Any], iso: dict[int, str]) -> list[Any]:
    """'exports were tea, coconut, footwear parts and tyres': the small parser may hang a list's later items on the
    verb (as an adverb, or as a conjunct of the verb) instead of on its first item. An item of the verb's own that
    follows the list's last item after a bare comma continues the list."""
    verb, tail = head.head, []
    if head.dep_ not in ("attr", "dobj", "oprd") or verb.i == head.i:
        return []
    while True:
        last = max(item.right_edge.i for item in items + tail)
        last -= doc[last].text == ","  # the parser may hang the comma itself on the item before
        if last + 2 >= len(doc) or doc[last + 1].text != ",":
            return tail
        nxt = doc[last + 2]
        # 'handmade fabrics': the tagger may read the modifier as an adjective or a verb with the noun as its object
        modifier = (nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN", "VBD", "VBP")) and any(
            c.pos_ == "NOUN" and c.i == nxt.i + 1 and c.dep_ in ("dobj", "conj", "appos") for c in nxt.children)
        noun = nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ not in ("advcl",)
        if nxt.head.i != verb.i or not (noun or modifier) or nxt.i in iso or nxt.left_edge.i != nxt.i or nxt.dep_ in (
                "nsubj", "nsubjpass", "prep", "ccomp", "relcl", "npadvmod"):
            return tail
        tail += _conjuncts(nxt)


def _qualifies(prep: Any) -> bool:
    """'polymers of styrene, vinyl chloride in primary forms, glass': a prepositional phrase the HS table writes, with the
    list going on after it (a comma), qualifies its item and ends no list."""
    edge = prep.right_edge.i
    return edge + 1 < len(prep.doc) and prep.doc[edge + 1].text == "," and is_tariff_qualifier(
        prep.doc[prep.i:edge + 1].text)


def _hangs_off(token: Any, chain: set[int], lex: dict) -> bool:
    """Whether a token inside the stretch is an aside on an item ('X, among other products,', 'X, A's main export,')
    rather than part of a product's name ('plastic and plastic articles', 'wool carpets etc')."""
    doc = token.doc
    for ancestor in [token, *token.ancestors]:
        if ancestor.i in chain or (ancestor.i != token.i and ancestor.lower_ in lex["not_items"]):
            return False
        aside = ancestor.dep_ == "appos" and ancestor.left_edge.i > 0 and doc[ancestor.left_edge.i - 1].text in (",", "(")
        trailing = ancestor.dep_ == "advmod" and ancestor.head.i in chain and ancestor.i > ancestor.head.i
        if ancestor.text in STOP_TEXT or aside or trailing or (ancestor.dep_ in ("prep", "relcl", "acl")
                                                               and ancestor.head.i in chain and ancestor.lower_ != "of"
                                                               and not _such_as(doc, ancestor)):
            return True
    return False


def _word(doc: Any, token: Any, iso: dict[int, str], start: int) -> str:
    """A token's text; the first word of the sentence in lower case when it is a common noun ('Garment accounted')."""
    if token.i == 0 == start and token.text[:1].isupper() and not token.text.isupper() and entity_type(token) in (
            "", "PRODUCT", "NORP"):
        return token.text[:1].lower() + token.text[1:]
    return token.text
