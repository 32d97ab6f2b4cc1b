"""The event reader's clause tests built from word rows ([clause_words] of flows/lexicon/events.toml): whether a
trigger noun is told again, a meeting has more than two sides, a date belongs to a participle, the signer is a
company. The words are data; what stands around them (word order, the slots) is the grammar here."""
from __future__ import annotations

import re

from flows.common.words import alternation, whole_words
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["clause_words"]


def _any(key: str) -> str:
    """The rows of one list as a group, in their order ('(?:visit|talks|meeting)')."""
    return alternation(_WORDS[key], longest_first=False, escape=False)


def _whole(key: str) -> str:
    return whole_words(_WORDS[key], longest_first=False, escape=False)


# 'The visit, which began on Monday, ...': the trigger noun told again, with a determiner and its verb
REFERENCE_NOUN = re.compile(r"(?:.{0,12}?)\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+)?" + _any("reference_nouns")
                            + r"\b(?=\s*,|\s+" + _any("reference_verbs") + r"\b)")
# 'the three leaders met', 'a three-way summit', 'attended the ceremony along with six other leaders': a meeting of
# more than two states is no bilateral event
MULTILATERAL = re.compile(r"\b" + _any("multilateral_counts") + r"\s+(?:other\s+)?" + _any("multilateral_groups") + r"\b"
                          + r"|\b" + _any("multilateral_ways") + r"-way\b|" + _whole("multilateral_words"), re.I)
# a date right after a participle belongs to it: 'the anniversary of relations, established on 5 September 1962'
PARTICIPLE_DATE = re.compile(r"\b" + _any("date_participles") + r"\s+(?:\w+\s+){0,2}?(?:(?:on|in)\s+(?:the\s+)?)?$", re.I)
# a relative clause set off by commas: its dates are its own ('Tusk, who returned as prime minister in December, travelled')
RELATIVE = re.compile(r",\s+(?P<pronoun>who|which)\s+[^,;]{3,80},")
INTERNATIONAL_ROLE = re.compile(_whole("international_bodies"))
RECALLED = re.compile(r"\b(?:who|which)\s+had\b|\bhad\s+(?:\w+\s+){0,2}(?:arrived|been)\b|" + _whole("recall_verbs"))
BUSINESS_DEAL = re.compile(r"\b" + _any("business_deal_kinds") + r"\s+" + _any("business_deal_nouns") + r"\b", re.I)
STATE_DEAL = re.compile(_whole("state_deal_words"), re.I)
# a company or bank as the signer, right before the trigger ('Banco Grande of Chile signed', 'the Bank has signed')
COMPANY_SIGNER = re.compile(r"(?-i:\b" + _any("company_words") + ")"
                            r"(?:\s+of\s+(?-i:[A-ZÀ-Þ][\w’'-]+)(?:\s+(?-i:[A-ZÀ-Þ][\w’'-]+))?)?\s+(?:has\s+|have\s+|had\s+)?signed\b")
DEAL_WITH = re.compile(r"\b" + _any("deal_nouns") + r"s?\s+"
                       r"with\s+((?:the\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3})")
# 'the list of memoranda signed by the two sides:' (a participle with no auxiliary before it)
PARTICIPLE_BY = re.compile(r"\s+by\b")
AUXILIARY = re.compile(r"\b" + _any("auxiliaries") + r"\s+(?:\w+ly\s+|also\s+)?$", re.I)
