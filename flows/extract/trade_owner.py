"""The seller named at the head of a goods-modified flow: 'Ruritanian tin and copper exports to Freedonia rose',
'Current Ruritanian tin exports to Freedonia stand at $4m', 'Some 70% of Ruritania's tin exports go to Freedonia'.
The demonym or the possessive country right before the goods owns the flow (the exporter); the goods are the words
after it."""
from __future__ import annotations

from typing import Literal

from flows.extract.countries import CountryMention
from flows.extract.trade_lexicon import clause_bit


def goods_owner(sentence: str, start: int, end: int,
                inside: list[CountryMention]) -> CountryMention | None | Literal[False]:
    """The one country mention in sentence[start:end] that owns the goods after it; None when the span names no
    country; False when it names one that is no owner ('tin from Ruritania', 'Ruritania and Freedonia tin', two
    countries), so the flow is not read this way."""
    named = [c for c in inside if start <= c.start < end]
    if not named:
        return None
    if len(named) > 1:
        return False
    owner = named[0]
    # 'Ruritanian tin': a demonym; "Ruritania's tin": a possessive; both with goods words after them
    if owner.kind != "demonym" and not owner.possessive:
        return False
    # only a short lead before the owner ('Current', 'Some 70% of'): no goods and no verb between
    if not clause_bit("owner_lead").fullmatch(sentence[start:owner.start]):
        return False
    goods = sentence[after_owner(sentence, owner):end]
    # a reporting verb among the goods words: the owner is a speaker's, not the goods' ("Ruritania's ministry said tin
    # exports to Freedonia rose": no seller 'Ruritania' of 'ministry said tin')
    if clause_bit("reporting_verb").search(goods):
        return False
    return owner if goods.strip() else False


def after_owner(sentence: str, owner: CountryMention) -> int:
    """Where the goods start after the owner: past a possessive's "'s" ("Ruritania's tin")."""
    tail = clause_bit("owner_tail").match(sentence, owner.end)
    return tail.end() if tail else owner.end


def past_report(sentence: str, start: int, end: int) -> int:
    """Where a flow's head starts after a reporting clause ('Officials said that tin exports to Freedonia rose', 'It is
    well known that most Ruritanian tin exports go to Freedonia'): past the last 'that' in sentence[start:end]."""
    return max((m.end() for m in clause_bit("report_that").finditer(sentence, start, end)), default=start)


def told_to_come(sentence: str, partner_end: int) -> bool:
    """Whether the verb right after a flow's partner tells it as to come ('tin exports to Freedonia will rise next
    year', '... are expected to double'): no claim, as 'will export tin'."""
    return clause_bit("flow_to_come").match(sentence, partner_end) is not None
