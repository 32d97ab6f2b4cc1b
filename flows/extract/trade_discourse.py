"""Trade told across sentences or by people: a question that names a flow and the country-less answer after it, a
growth credited to goods with no country (moves along the flow named before; 'the exports of nails rose'), plural demonyms ('to Ghanaians')."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.prefilter import Gate, word_gate, word_start
from flows.extract.countries import CountryMention
from flows.extract.products import cut_list, split_products
from flows.extract.trade_flows import LAST_FLOW
from flows.extract.trade_lexicon import clause_bit, lower_first, trade_lexicon
from flows.lexicon import read_table, read_toml


# A question that names a flow, answered by the sentences after it with no country ('What does Togo buy from Ghana?
# Mostly cement and nails.'; 'What does Togo make that Ghanaian shoppers want? Their favourites are yams and
# cassava.'): the question sets the flow, a short answer lists its goods.
QUESTION = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?(?:what|which\s+(?:goods|products))\b[^?]*\?\s*$", re.I)
ANSWER = re.compile(r"^\s*(?:(?:first\s+of\s+all|above\s+all|in\s+the\s+first\s+place|in\s+particular),?\s+)?"
                    r"(?:(?:these|they)\s+(?:are|were|include)\s+"
                    r"|(?:the\s+)?(?:[\w-]+\s+){0,2}(?:leaders|best[\s-]?sellers|favourites|favorites)\s+(?:are|were|include)\s+"
                    r"|(?=(?:mostly|mainly|chiefly|largely|primarily)\s+[a-z]))", re.I)
ANSWER_WINDOW = 3  # sentences after the question that may still answer it


def question_flow(sentence: str, countries: list[CountryMention]) -> tuple[str, str] | None:
    """(exporter, importer) a question asks about: 'What does A buy in/from B?' -> (B, A); 'What does A sell to B?'
    and 'What does A make that the B market wants?' -> (A, B)."""
    if not QUESTION.match(sentence):
        return None
    named = []
    for mention in countries:
        if mention.iso3 not in named:
            named.append(mention.iso3)
    if len(named) != 2:
        return None
    lex = trade_lexicon()
    between = sentence[countries[0].end:next(c.start for c in countries if c.iso3 == named[1])]
    if lex["import"].search(between):
        return named[1], named[0]
    if lex["export"].search(between) or clause_bit("demand_words").search(between):
        return named[0], named[1]
    return None


def answer_products(sentence: str) -> list[str]:
    """The goods a country-less answer lists ('The best sellers are yams and cassava.'), else none."""
    m = ANSWER.match(sentence)
    return split_products(cut_list(sentence[m.end():])) if m else []


@lru_cache(maxsize=1)
def _plural_demonyms() -> tuple[re.Pattern | None, dict[str, str], Gate | None]:
    # 'supplied to Ukrainians', 'sold to Ghanaians': the people named for their country stand for it in trade
    iso = {row["demonym"] + "s": row["iso3"] for row in read_table("demonyms.csv")
           if re.search(r"(?:an|en|i)$", row["demonym"])}
    forms = sorted(iso, key=len, reverse=True)
    if not forms:
        return None, iso, None
    # the forms as written (the pattern is case-sensitive): a sentence holding none skips the alternation (speed)
    return word_start(re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")), iso, word_gate(set(forms), cased=True)


def plural_demonyms(sentence: str, countries: list[CountryMention]) -> list[CountryMention]:
    """The countries of plural demonyms ('to Ghanaians') in the sentence, as demonym mentions, besides `countries`."""
    pattern, iso, forms = _plural_demonyms()
    if pattern is None or forms is None or not forms.open(sentence):
        return countries
    extra = [CountryMention(m.start(), m.end(), m.group(0), iso[m.group(0)], "demonym")
             for m in pattern.finditer(sentence) if not any(c.start <= m.start() < c.end for c in countries)]
    return sorted(countries + extra, key=lambda c: c.start) if extra else countries


# 'The rise is mostly due to strong sales of cocoa, which is up 12 percent, and timber, up 8 percent': a growth
# credited to goods, with no country, moves along the flow named before (TradeState.last_flow)
GROWTH_CREDIT = re.compile(r"^\W*(?:the\s+|this\s+)?(?:growth|increase|rise|gain)\s+(?:can\s+|could\s+|may\s+)?(?:\w+ly\s+)?"
                           r"(?:be\s+)?(?:\w+ly\s+)?(?:attributed\s+to|due\s+to|thanks\s+to|comes?\s+from|came\s+from|"
                           r"(?:was|is)\s+(?:\w+ly\s+)?(?:due|thanks)\s+to|(?:was|is)\s+(?:\w+ly\s+)?driven\s+by|"
                           r"(?:was|is)\s+(?:\w+ly\s+)?(?:led|helped)\s+by)\s+(?:(?:the\s+)?(?:strong|good|solid|higher|better)\s+"
                           r"(?:performances?|results|sales|shipments)\s+(?:by|of|for|from|in)\s+)?", re.I)
ITEM_CHANGE = re.compile(r",?\s+(?:(?:which|that)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:up|down)\s+(?:by\s+)?"
                         r"[\d.,]+\s*(?:percent|per\s+cent|%)(?:\s+(?:on|from|over)\s+(?:the\s+)?(?:last|previous|a)\s+year)?",
                         re.I)


def credited_goods(sentence: str) -> list[str]:
    """The goods a country-less growth sentence credits ('The increase came from cocoa, up 12 percent, and timber')."""
    m = GROWTH_CREDIT.match(sentence)
    if not m:
        return []
    return split_products(cut_list(ITEM_CHANGE.sub("", sentence[m.end():])))


# 'Similarly, the export of bicycles has risen by 50 percent', 'Cement exports recorded ...': a growth sentence with no
# country, in an article that named a flow before (TradeState.last_flow): the product moves along that flow
GROWTH_HEAD = re.compile(r"\s*(?:(?:similarly|meanwhile|also|moreover|likewise|in\s+addition),?\s+)?(?:the\s+)?"
                         r"(?:exports?\s+of\s+(?P<list>[\w\s,-]{2,80}?)|(?P<mod>[A-Za-z][\w\s-]{1,40}?)\s+exports?)\s+"
                         r"(?:(?:has|have|had|also)\s+)*(?:increas\w*|r[oi]se\w*|jump\w*|gr[eo]w\w*|surg\w*|climb\w*|"
                         r"f[ae]ll\w*|declin\w*|dropp?\w*|record\w*|doubl\w*|tripl\w*|soar\w*)\b", re.I)


def growth_of_last_flow(sentence: str, c_start: int, c_end: int, inside: list[CountryMention]) -> list:
    """'The exports of nails and screws have increased by 9 percent': no country in the clause, the last flow's."""
    m = GROWTH_HEAD.match(sentence, c_start, c_end)
    if not m or inside:
        return []
    listed = lower_first(m.group("list") or m.group("mod"))
    if not trade_lexicon()["not_products"].isdisjoint(listed.lower().split()):
        return []  # 'Total exports rose', 'Its exports fell'
    return [(LAST_FLOW, LAST_FLOW, p) for p in split_products(listed)]


# 'Ghana's farm exports to Togo hit a record, driven in part by strong gains in maize, rice and sugar sales': the goods
# whose sales carried a flow the sentence names move along it
DRIVEN_BY = re.compile(r",?\s+(?:driven|led|boosted|fu?elled|helped|lifted)\s+(?:(?:in\s+part|partly|largely|mainly|mostly)\s+)?by\s+"
                       r"(?:(?:\w+ly|significant|strong|sharp|higher|large|big|record|solid)\s+)*(?:increases?|growth|gains?|rises?|"
                       r"jumps?)\s+in\s+(?:the\s+)?(?P<list>[^.;:]{2,160}?)\s+(?:sales|exports|shipments)\b"
                       # ('..., driven by sales of X and Y, as well as Z': the goods after the flow noun, to the end)
                       r"|,?\s+(?:driven|led|boosted|fu?elled|helped|lifted)\s+(?:(?:in\s+part|partly|largely|mainly|mostly)\s+)?by\s+"
                       r"(?:(?:the|higher|strong|increased|rising)\s+)?(?:sales|exports|shipments)\s+of\s+(?P<tail>[^.;:]{2,160}?)\s*(?:[.;:]|$)",
                       re.I)


# 'Ghana's exports to Togo rose 20 percent as cocoa and timber exports grew': the same, told by a clause of reason
GREW_AS = re.compile(r"\b(?:as|after|because|since)\s+(?:(?:the|its|their)\s+)?(?:(?:exports|sales|shipments)\s+of\s+(?P<of>[\w\s,’'-]{2,80}?)|"
                     r"(?P<mod>[a-z][\w\s,’'-]{1,60}?)\s+(?:exports|sales|shipments))\s+(?:(?:have|has|had|also)\s+)*(?:\w+ly\s+)?"
                     r"(?:grew|grown|rose|risen|increased|jumped|surged|soared|climbed|doubled|tripled|picked\s+up)\b")


def driven_goods(sentence: str) -> list[str]:
    """The goods whose sales growth drove the flow the sentence names ('..., driven by increases in X and Y sales',
    '... as X exports grew')."""
    m = DRIVEN_BY.search(sentence)
    if m:
        return split_products(m.group("list") or cut_list(m.group("tail")))
    grew = GREW_AS.search(sentence)
    if not grew:
        return []
    listed = grew.group("of") or grew.group("mod")
    if not trade_lexicon()["not_products"].isdisjoint(listed.lower().split()):
        return []  # 'as total exports grew', 'as its exports rose'
    return split_products(listed)


@lru_cache(maxsize=1)
def _pronoun_head() -> re.Pattern[str]:
    return re.compile(read_toml("trade.toml")["pronoun_list_head"], re.I)


def pronoun_list(sentence: str) -> tuple[str, list[str]] | None:
    """('goods', products) of 'They rose 5% and are dominated by X and Y' after a sentence on a flow; else None."""
    m = _pronoun_head().match(sentence)
    if m is None:
        return None
    products = split_products(cut_list(sentence[m.end():]))
    return ("goods", products) if products else None
